//! A stateful, in-memory emulator of InsurUp's B2B API.
//!
//! It serves the REST routes under `/api/`, GraphQL at `/graphql` and `/api/graphql`, OAuth client
//! credentials at `/connect/token`, and test controls under `/__sandbox/`. Everything lives in one
//! [`store`](crate::store) and is deterministic for a given seed, so SDKs in every language can be tested
//! and demonstrated without InsurUp credentials.
//!
//! ```no_run
//! # async fn demo() -> Result<(), insurup_sandbox::StartError> {
//! let sandbox = insurup_sandbox::Sandbox::start(insurup_sandbox::SandboxConfig::default()).await?;
//! println!("listening on {}", sandbox.base_url());
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod app;
mod auth;
mod cases;
mod catalog;
mod clock;
mod config;
mod control;
mod customers;
mod extract;
mod faults;
mod generator;
mod graphql;
mod ids;
mod insurers;
mod middleware;
mod model;
mod policies;
mod problem;
mod properties;
mod proposals;
mod purchase;
mod ratelimit;
mod reference;
mod server;
mod stats;
mod store;
mod validate;
mod vehicles;
mod webhooks;

pub use config::{SandboxArgs, SandboxConfig};
pub use server::{BlockingSandbox, Sandbox, SandboxHandle, StartError};
pub use stats::Stats;

/// Published fixtures, the same values the README lists.
pub mod fixtures {
    pub use crate::catalog::{
        AGENT_BRANCH_ID, AGENT_BRANCH_NAME, AGENT_ID, AGENT_USER_EMAIL, CLIENT_ID, CLIENT_SECRET,
        DECLINED_CARD, DOCUMENT_SERIAL_CODE, DOCUMENT_SERIAL_NUMBER, INSUFFICIENT_FUNDS_CARD,
        MFA_USER_EMAIL, PASSWORD, PLATE, SUCCESS_CARD, TCKN,
    };
}
