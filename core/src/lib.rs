//! # insurup
//!
//! Rust SDK for [InsurUp](https://insurup.com)'s B2B API: the quote-and-buy flow Turkish agencies,
//! brokers and their CRMs use to sell kasko, trafik, DASK and other policies.
//!
//! - **Auth** — agent-user login with 2FA, refresh at 80 % of the token's life with one refresh
//!   in flight, rotated refresh tokens saved before use; OAuth client credentials; static tokens.
//! - **REST flows** — customers, vehicles (with registry lookup), cases, proposals answered by a
//!   dozen insurers, purchase with a card, policies.
//! - **Safety** — bad input is refused locally with an error naming the field; idempotent calls
//!   retry with full-jitter backoff honouring `Retry-After`; a purchase is never sent twice.
//! - **GraphQL lists** with lazy pagination, and **webhook** verification.
//!
//! ```no_run
//! use insurup::{Card, Channel, Client, NewCustomer, NewProposal, NewVehicle, Payment, ProductBranch, WaitOptions};
//!
//! # async fn run() -> insurup::Result<()> {
//! let client = Client::builder()
//!     .base_url("https://api.insurup.com")
//!     .agent_user("ops@acente.com.tr", "password")
//!     .two_factor(insurup::fixed_code("123456"))
//!     .build()?;
//!
//! let customer = client.customers().create(
//!     NewCustomer::individual("11111111110").with_birth_date("1990-01-01"),
//! ).await?;
//! let vehicle = client.vehicles().create(
//!     &customer.id,
//!     NewVehicle::new("34ABC123").with_document_serial("AB", "123456"),
//! ).await?;
//! client.cases().ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api).await?;
//! let proposal = client.proposals().create(NewProposal::kasko(&customer.id, &vehicle.id)).await?;
//! let proposal = client.proposals().wait(&proposal.id, WaitOptions::default()).await?;
//! let best = proposal.cheapest_product(1).expect("at least one insurer answered");
//! let card = Card::new("4242424242424242", "123", "12", "2030", "AHMET YILMAZ")?;
//! let bought = client.purchase().sync(&proposal.id, &best.id, Payment::credit_card(card, 1)).await?;
//! let policy = client.policies().get(&bought.policy_id).await?;
//! println!("{} {:?}", policy.id, policy.policy_number);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("insurup");

mod auth;
mod client;
mod config;
mod dialect;
mod error;
mod ffi;
mod fleet;
pub mod graphql;
pub mod hub;
pub mod logging;
pub mod model;
mod options;
mod resources;
mod secret;
mod transport;
pub mod validate;
pub mod webhook;

pub use auth::{
    CommitOutcome, Credentials, DEFAULT_SIGN_IN_SCOPES, FileTokenStore, MemoryTokenStore,
    PendingSignIn, RenewalLease, RenewalStart, SharedSession, SharedSessionState, SharedTokenStore,
    SignInRequest, TokenSet, TokenStore, TwoFactorChallenge, TwoFactorProvider, fixed_code,
};
pub use client::Client;
pub use config::{
    ClientBuilder, DEFAULT_AUTH_URL, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_PURCHASE_CONFIRMATION_WINDOW, DEFAULT_SCOPE,
    DEFAULT_TIMEOUT, DEFAULT_TWO_FACTOR_TIMEOUT, MAX_CONFIGURABLE_DURATION,
};
pub use dialect::Dialect;
pub use error::{
    Error, ErrorKind, ErrorReport, FieldError, GraphQlError, Problem, PurchaseRef, Result,
    error_kinds,
};
#[cfg(any(feature = "python", feature = "napi"))]
#[doc(hidden)]
pub use ffi::completions::{CompletionHost, CompletionQueue, Settlement};
#[cfg(feature = "python")]
#[doc(hidden)]
pub use ffi::python::{add_classes as add_python_classes, py_repr};
#[cfg(feature = "redis")]
pub use fleet::{
    DEFAULT_KEY_PREFIX, DEFAULT_REDIS_TIMEOUT, RedisFleet, RedisFleetBuilder, RedisFleetOptions,
    RedisPurchaseGuard, RedisRateBudget, RedisTokenStore, RedisTokenStoreOptions,
};
pub use fleet::{GuardedPurchase, PurchaseGuard, RateBudget, RouteClass};
pub use graphql::{Filter, ListQuery, Order};
pub use hub::{DEFAULT_HUB_KEEP_ALIVE, DEFAULT_HUB_SERVER_TIMEOUT, RealTime};
pub use model::*;
pub use options::{ClientOptions, ListOptions, SortKey, WaitSettings};
pub use resources::{
    Addresses, AgentBranches, Cases, Customers, Graphql, GraphqlPages, Policies, Properties,
    ProposalUpdate, ProposalWatch, Proposals, Purchases, ReferenceData, RowCursor, Vehicles,
    WaitOptions, Webhooks,
};
pub use secret::{CardNumber, Secret};
pub use transport::{ConnectionPool, RetryPolicy};
