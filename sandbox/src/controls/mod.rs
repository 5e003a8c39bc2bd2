//! Test controls under `/__sandbox/` (not part of InsurUp's API, no auth): stats, reset, token
//! revocation and clock skew, injected faults, the real-time hub's switches and the counters tests
//! assert on.

pub mod faults;
pub mod hub;
pub mod policies;
pub mod stats;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::controls::stats::Stats;
use crate::http::extract::{ApiJson, OptionalJson};
use crate::state::AppState;

pub async fn stats(State(app): State<AppState>) -> Json<Stats> {
    Json(app.stats())
}

pub async fn reset(State(app): State<AppState>) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RevokeBody {
    #[serde(default)]
    refresh_tokens: bool,
}

pub async fn revoke_tokens(
    State(app): State<AppState>,
    OptionalJson(body): OptionalJson<RevokeBody>,
) -> StatusCode {
    let body = body.unwrap_or_default();
    app.store.with(|s| {
        s.auth.generation += 1;
        if body.refresh_tokens {
            s.auth.refresh_tokens.clear();
            s.auth.oauth.refresh_tokens.clear();
        }
    });
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClockBody {
    skew_seconds: i64,
}

pub async fn clock(State(app): State<AppState>, ApiJson(body): ApiJson<ClockBody>) -> StatusCode {
    app.store.with(|s| s.auth.skew_secs = body.skew_seconds);
    StatusCode::NO_CONTENT
}
