//! Kotlin and Swift bindings of the insurup SDK, generated with UniFFI.
//!
//! Conversion only: every method forwards to the core (`insurup`), whose records, enums and ids
//! carry their own UniFFI derives and are generated in the `insurup` namespace. This crate adds
//! the objects that hold a client and its resources, the error enum, the callback interfaces a
//! mobile app implements (2FA provider, token store) and the pagers the Kotlin `Flow` and Swift
//! `AsyncSequence` wrappers walk.

// Every fallible export returns the FFI's error enum by value, as UniFFI lowers it; its twelve
// fields make it large, and boxing it would only add an allocation before the lowering copy.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

mod auth;
mod client;
mod error;
mod resources;
mod webhook;

pub use auth::{Credentials, TokenSet, TokenStore, TwoFactorChallenge, TwoFactorProvider};
pub use client::{ClientOptions, InsurUpClient};
pub use error::{FieldError, InsurUpError, PurchaseRef, Result};
pub use resources::*;
pub use webhook::{
    DeliveryDeduplicator, WebhookEventPayload, parse_webhook, sign_webhook,
    verify_and_parse_webhook, verify_webhook,
};
