//! `GET /hubs/proposal-detail`: the WebSocket upgrade into the real-time proposal hub. The bearer
//! token is checked before the upgrade, from the `Authorization` header or, as browsers cannot set
//! headers on a WebSocket and SignalR clients send it there, the `access_token` query parameter.

use axum::extract::ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::auth;
use crate::http::problem::Problem;
use crate::hub::connection::{self, Session};
use crate::state::AppState;

/// The `access_token` query parameter, if the request has one.
fn query_token(query: Option<&str>) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query?)
        .ok()?
        .into_iter()
        .find(|(name, _)| name == "access_token")
        .map(|(_, token)| token)
}

pub async fn connect(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let principal = match query_token(query.as_deref()) {
        Some(token) if !headers.contains_key(header::AUTHORIZATION) => {
            auth::verify_token(&app, &token)
        }
        _ => auth::verify(&app, &headers),
    };
    let principal = match principal {
        Ok(principal) => principal,
        Err(problem) => return problem.into_response(),
    };
    let upgrade = match upgrade {
        Ok(upgrade) => upgrade,
        Err(rejection) => {
            // SignalR's WebSocket transport only: no negotiation, no long polling, no SSE.
            return Problem::new(
                StatusCode::BAD_REQUEST,
                "input-validation",
                "WebSocket required",
                format!("Bu adres yalnızca WebSocket bağlantısı kabul eder: {rejection}"),
            )
            .code("WEBSOCKET_REQUIRED")
            .into_response();
        }
    };
    let session = Session {
        hub: app.hub.clone(),
        store: app.store.clone(),
        agent_id: principal.agent_id,
        keep_alive: app.config.hub_keep_alive,
        client_timeout: app.config.hub_client_timeout,
        max_record: app.config.body_limit,
        shutdown: app.shutdown.clone(),
    };
    upgrade
        .max_message_size(app.config.body_limit)
        .on_upgrade(move |socket| connection::serve(socket, session))
}
