//! Counters exposed at `GET /__sandbox/stats`, so tests can assert what reached the server.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A snapshot of the sandbox's counters since start or the last reset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Password logins whose credentials were accepted (including those answered with a 2FA challenge).
    pub logins: u64,
    /// Successful refresh-token rotations.
    pub refreshes: u64,
    /// Successful two-factor verifications.
    pub mfa_verifications: u64,
    /// Successful OAuth client-credentials grants.
    pub token_grants: u64,
    /// Authorization codes exchanged for tokens (a user's OAuth sign-in).
    #[serde(default)]
    pub authorization_codes: u64,
    /// Purchase requests that reached the purchase handler, per proposal product id.
    pub purchases: BTreeMap<String, u64>,
    pub customers_created: u64,
    pub cases_created: u64,
    pub proposals_created: u64,
    /// Requests per `"<METHOD> <route template>"`, faulted ones included.
    pub requests: BTreeMap<String, u64>,
    /// Requests refused with 429 by the rate limit (`--rate-limit`).
    #[serde(default)]
    pub rate_limited: u64,
    /// Hub connections whose handshake was accepted.
    #[serde(default)]
    pub hub_connections: u64,
    /// Hub connections open right now (not cleared by a reset: they stay open).
    #[serde(default)]
    pub hub_open_connections: u64,
    /// Successful `Register` invocations, a repeated one included.
    #[serde(default)]
    pub hub_registrations: u64,
}
