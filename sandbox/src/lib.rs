//! A stateful, in-memory emulator of InsurUp's B2B API.
//!
//! It serves the REST routes under `/api/`, GraphQL, OAuth client credentials at `/connect/token`,
//! the real-time SignalR hub at `/hubs/proposal-detail` and test controls under `/__sandbox/`, in one
//! documented [`Dialect`] at a time: names, shapes,
//! paths and the token endpoint's origin follow that dialect's documentation strictly. Everything lives in one
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

mod api;
mod config;
mod controls;
mod dialect;
mod http;
mod hub;
mod simulation;
mod state;
mod store;

pub use config::{DialectArgs, SandboxArgs, SandboxConfig};
pub use controls::stats::Stats;
pub use dialect::{Dialect, UnknownDialect};
pub use http::server::{BlockingSandbox, Sandbox, SandboxHandle, StartError};

/// Published fixtures, the same values the README lists.
pub mod fixtures {
    pub use crate::simulation::catalog::{
        AGENT_BRANCH_ID, AGENT_BRANCH_NAME, AGENT_ID, AGENT_USER_EMAIL, CLIENT_ID, CLIENT_SECRET,
        DECLINED_CARD, DOCUMENT_SERIAL_CODE, DOCUMENT_SERIAL_NUMBER, INSUFFICIENT_FUNDS_CARD,
        MFA_USER_EMAIL, PASSWORD, PLATE, SUCCESS_CARD, TCKN,
    };
}
