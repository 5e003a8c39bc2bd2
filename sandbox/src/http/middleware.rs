//! Cross-cutting request handling: trace ids, request-id echo, panic containment and request counting.

use std::panic::AssertUnwindSafe;

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::FutureExt;

use crate::http::context::{DIALECT, REQUEST_ID_HEADER, TRACE_HEADER, TRACE_ID};
use crate::http::problem::Problem;
use crate::state::AppState;

/// Outermost layer: gives each request a trace id and its dialect, echoes `x-request-id`, and turns
/// a panic into a 500 problem instead of a dropped connection.
pub async fn trace(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let trace_id = crate::store::ids::trace_id();
    let request_id = request.headers().get(REQUEST_ID_HEADER).cloned();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let dialect = (!path.starts_with("/__sandbox/")).then_some(app.config.dialect);
    let mut response = TRACE_ID
        .scope(
            trace_id.clone(),
            DIALECT.scope(dialect, async move {
                match AssertUnwindSafe(next.run(request)).catch_unwind().await {
                    Ok(response) => response,
                    Err(_) => {
                        tracing::error!(%method, %path, "handler panicked");
                        Problem::internal("Beklenmeyen bir hata oluştu.").into_response()
                    }
                }
            }),
        )
        .await;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&trace_id) {
        headers.insert(TRACE_HEADER, value);
    }
    if let Some(value) = request_id {
        headers.insert(REQUEST_ID_HEADER, value);
    }
    response
}

/// The `"<METHOD> <route template>"` key used by stats and fault matching.
pub fn route_key(request: &Request) -> (String, Option<String>) {
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let key = format!(
        "{} {}",
        request.method(),
        template.as_deref().unwrap_or("(unmatched)")
    );
    (key, template)
}

pub async fn count_requests(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let (key, _) = route_key(&request);
    app.store.with(|s| s.count_request(key));
    next.run(request).await
}
