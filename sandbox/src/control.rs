//! Test controls under `/__sandbox/` (not part of InsurUp's API, no auth): stats, reset, token
//! revocation and clock skew. Faults live in [`crate::faults`].

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::app::AppState;
use crate::extract::{ApiJson, OptionalJson};
use crate::stats::Stats;

pub async fn stats(State(app): State<AppState>) -> Json<Stats> {
    Json(app.store.with(|s| s.stats.clone()))
}

pub async fn reset(State(app): State<AppState>) -> StatusCode {
    app.store.with(|s| s.reset(&app.config));
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
