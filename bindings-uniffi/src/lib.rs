//! Kotlin and Swift bindings of the insurup SDK, generated with UniFFI.
//!
//! Conversion only: every method forwards to the core (`insurup`), whose records, enums and ids
//! carry their own UniFFI derives and are generated in the `insurup` namespace (client options,
//! list options, wait settings, token sets and error reports included). This crate adds the
//! objects that hold a client and its resources, the error enum built from the core's error
//! report, the callbacks an app implements (2FA provider, token store, log sink) and the row
//! cursors the Kotlin `Flow` and Swift `AsyncSequence` wrappers read, and the handles of the
//! Redis fleet (a shared session, rate budget and purchase lock).

// Every fallible export returns the FFI's error enum by value, as UniFFI lowers it; its many
// fields make it large, and boxing it would only add an allocation before the lowering copy.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

mod callbacks;
mod client;
mod error;
mod fleet;
mod resources;
mod webhook;
