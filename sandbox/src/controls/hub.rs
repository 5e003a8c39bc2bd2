//! Test controls of the real-time hub: push an event, cut or close every connection, stop pinging,
//! answer handshakes late. Each answers how many connections it reached, where that means something.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::http::extract::{ApiJson, OptionalJson};
use crate::http::problem::{ApiResult, Problem};
use crate::hub::ProductEvent;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PushBody {
    proposal_id: String,
    /// Any client method name, known to the hub or not.
    target: String,
    /// The invocation's argument as given; without it, the product's event as the hub would send it.
    argument: Option<Value>,
    proposal_product_id: Option<String>,
}

/// `POST /__sandbox/hub/events`: invokes `target` on every connection watching the proposal.
pub async fn push(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<PushBody>,
) -> ApiResult<Json<Value>> {
    if body.target.trim().is_empty() {
        return Err(Problem::field("target", "Bu alan zorunludur.", ""));
    }
    let argument = match (body.argument, &body.proposal_product_id) {
        (Some(argument), _) => argument,
        (None, Some(product_id)) => {
            let event = ProductEvent::from_target(&body.target).ok_or_else(|| {
                Problem::field(
                    "target",
                    "Ürünün kendi olayı için ReceiveProposalProduct* adlarından biri olmalı.",
                    body.target.as_str(),
                )
            })?;
            app.store.with(|data| {
                let proposal = data
                    .proposals
                    .get(&body.proposal_id)
                    .ok_or_else(crate::api::proposals::not_found)?;
                let product = crate::api::proposals::find_product(proposal, product_id)?;
                Ok::<_, Problem>(crate::hub::events::payload(event, proposal, product, None))
            })?
        }
        (None, None) => {
            return Err(Problem::field(
                "argument",
                "argument veya proposalProductId gerekli.",
                Value::Null,
            ));
        }
    };
    let connections = app.hub.publish(&body.proposal_id, &body.target, &argument);
    Ok(Json(json!({ "connections": connections })))
}

/// `POST /__sandbox/hub/cut`: every hub socket is dropped without a close frame.
pub async fn cut(State(app): State<AppState>) -> Json<Value> {
    Json(json!({ "connections": app.hub.cut_all() }))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CloseBody {
    #[serde(default)]
    allow_reconnect: bool,
    error: Option<String>,
}

/// `POST /__sandbox/hub/close`: every connection gets a Close message, then a close frame.
pub async fn close(
    State(app): State<AppState>,
    OptionalJson(body): OptionalJson<CloseBody>,
) -> Json<Value> {
    let body = body.unwrap_or_default();
    let connections = app
        .hub
        .close_all(body.error.as_deref(), body.allow_reconnect);
    Json(json!({ "connections": connections }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PingsBody {
    paused: bool,
}

/// `POST /__sandbox/hub/pings`: `{"paused": true}` stops the keep-alive pings of every
/// connection, open or future; `false` resumes them.
pub async fn pings(State(app): State<AppState>, ApiJson(body): ApiJson<PingsBody>) -> StatusCode {
    app.hub.pause_pings(body.paused);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HandshakeDelayBody {
    delay_ms: u64,
    #[serde(default = "one")]
    times: u32,
}

fn one() -> u32 {
    1
}

/// `POST /__sandbox/hub/handshake-delay`: the next `times` handshakes are answered `delayMs` late.
pub async fn handshake_delay(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<HandshakeDelayBody>,
) -> StatusCode {
    app.hub
        .delay_handshakes(Duration::from_millis(body.delay_ms), body.times);
    StatusCode::NO_CONTENT
}
