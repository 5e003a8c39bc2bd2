//! Injected faults: for the next N requests matching a method and path, answer with a status, slow
//! down, drop the connection, run the handler and then drop the connection or replace its answer
//! with an error status (a gateway that failed after the backend acted), or answer as the handler
//! does but without some members (a server version that leaves a field out).

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::http::extract::{ApiJson, Checks};
use crate::http::middleware::route_key;
use crate::http::problem::{ApiResult, Problem};
use crate::state::AppState;
use crate::store::controls::{Fault, FaultAction};

/// Lets a request close the TCP connection it arrived on, without any response.
#[derive(Clone, Debug, Default)]
pub struct ConnectionKill(Arc<Notify>);

impl ConnectionKill {
    pub fn fire(&self) {
        self.0.notify_one();
    }

    pub async fn fired(&self) {
        self.0.notified().await;
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultBody {
    method: String,
    path: String,
    #[serde(default = "one")]
    times: u32,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    delay_ms: u64,
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    retry_after: Option<Value>,
    #[serde(default)]
    omit_fields: Vec<String>,
}

fn one() -> u32 {
    1
}

pub async fn create(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<FaultBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let action = match body.action.as_deref().unwrap_or("respond") {
        "respond" => FaultAction::Respond,
        "drop" => FaultAction::Drop,
        "apply-then-drop" => FaultAction::ApplyThenDrop,
        "apply-then-respond" => FaultAction::ApplyThenRespond,
        other => {
            checks.fail(
                "action",
                "respond, drop, apply-then-drop veya apply-then-respond olmalı.",
                other,
            );
            FaultAction::Respond
        }
    };
    if let Some(status) = body.status
        && !(100..=599).contains(&status)
    {
        checks.fail(
            "status",
            "100 ile 599 arasında bir HTTP durum kodu olmalı.",
            status,
        );
    }
    if action == FaultAction::ApplyThenRespond && body.status.is_none() {
        checks.fail(
            "status",
            "apply-then-respond için bir HTTP durum kodu gerekli.",
            Value::Null,
        );
    }
    if !body.omit_fields.is_empty() && (action != FaultAction::Respond || body.status.is_some()) {
        checks.fail(
            "omitFields",
            "Yalnızca durum kodu verilmeyen respond ile kullanılabilir.",
            Value::Null,
        );
    }
    if !body.path.starts_with('/') {
        checks.fail("path", "'/' ile başlamalı.", body.path.as_str());
    }
    if body.method.trim().is_empty() {
        checks.fail("method", "Bu alan boş olamaz.", body.method.as_str());
    }
    match &body.retry_after {
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(Value::Number(n)) if n.as_u64().is_some() => {}
        Some(other) => checks.fail(
            "retryAfter",
            "Saniye (tamsayı) ya da HTTP tarihi olmalı.",
            other.clone(),
        ),
    }
    checks.finish()?;
    let id = app.store.with(|s| {
        let id = s.ids.object_id();
        s.faults.push(Fault {
            id: id.clone(),
            method: body.method.trim().to_ascii_uppercase(),
            path: body.path,
            times: body.times,
            status: body.status,
            delay_ms: body.delay_ms,
            action,
            retry_after: body.retry_after.filter(|v| !v.is_null()),
            omit_fields: body.omit_fields,
        });
        id
    });
    Ok(Json(json!({ "id": id })))
}

pub async fn list(State(app): State<AppState>) -> Json<Vec<Fault>> {
    Json(app.store.with(|s| s.faults.clone()))
}

pub async fn clear(State(app): State<AppState>) -> StatusCode {
    app.store.with(|s| s.faults.clear());
    StatusCode::NO_CONTENT
}

/// Takes one use of the first fault matching this request, if any.
fn take(app: &AppState, method: &str, template: Option<&str>, path: &str) -> Option<Fault> {
    app.store.with(|s| {
        let at = s
            .faults
            .iter()
            .position(|f| f.times > 0 && f.matches(method, template, path))?;
        let fault = &mut s.faults[at];
        fault.times -= 1;
        let taken = fault.clone();
        if fault.times == 0 {
            s.faults.remove(at);
        }
        Some(taken)
    })
}

pub async fn inject(State(app): State<AppState>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/__sandbox/") {
        return next.run(request).await;
    }
    let (_, template) = route_key(&request);
    let method = request.method().as_str().to_owned();
    let Some(fault) = take(&app, &method, template.as_deref(), request.uri().path()) else {
        return next.run(request).await;
    };
    tracing::info!(fault = %fault.id, %method, path = %request.uri().path(), "injecting fault");
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    let kill = request.extensions().get::<ConnectionKill>().cloned();
    match fault.action {
        FaultAction::Respond => match fault.status.and_then(|s| StatusCode::from_u16(s).ok()) {
            Some(status) => fault_response(status, fault.retry_after.as_ref()),
            None if fault.omit_fields.is_empty() => next.run(request).await,
            None => without_fields(next.run(request).await, &fault.omit_fields).await,
        },
        FaultAction::Drop => drop_connection(kill).await,
        FaultAction::ApplyThenDrop => {
            let _applied = next.run(request).await;
            drop_connection(kill).await
        }
        FaultAction::ApplyThenRespond => {
            let _applied = next.run(request).await;
            match fault.status.and_then(|s| StatusCode::from_u16(s).ok()) {
                Some(status) => fault_response(status, fault.retry_after.as_ref()),
                None => _applied,
            }
        }
    }
}

/// The handler's answer without the top-level members `fields` (answers that are not a JSON
/// object pass unchanged).
async fn without_fields(answer: Response, fields: &[String]) -> Response {
    let (mut parts, body) = answer.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Problem::internal("Yanıt okunamadı.").into_response();
    };
    let bytes = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(mut object)) => {
            for field in fields {
                object.remove(field);
            }
            serde_json::to_vec(&object).map_or(bytes, Into::into)
        }
        _ => bytes,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

async fn drop_connection(kill: Option<ConnectionKill>) -> Response {
    match kill {
        Some(kill) => {
            kill.fire();
            // The connection task drops this future together with the socket.
            std::future::pending::<Response>().await
        }
        None => Problem::internal("Bu bağlantı kesilemiyor.").into_response(),
    }
}

fn fault_response(status: StatusCode, retry_after: Option<&Value>) -> Response {
    let mut response = Problem::for_status(status).into_response();
    let value = match retry_after {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    if let Some(v) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}
