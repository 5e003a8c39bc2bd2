//! Webhook subscriptions and signed deliveries: real HTTP POSTs, retried with exponential backoff.

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use bytes::Bytes;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::Sha256;
use utoipa::ToSchema;

use crate::dialect::Dialect;
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::{Errors, IdAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::clock::fmt_ts;
use crate::state::AppState;
use crate::store::model::{Delivery, DeliveryOrder, Ticket, Webhook};

/// The 18 event identifiers, as sent in `$event` and `x-webhook-event`.
pub const EVENTS: &[&str] = &[
    "proposal_premium.received",
    "proposal_premium.purchasing",
    "proposal_premium.purchased",
    "proposal_premium.purchase_failed",
    "policy.created",
    "policy.updated",
    "customer.created",
    "customer.updated",
    "customer.kvkk_consent_given",
    "customer.kvkk_consent_revoked",
    "customer.etk_consent_given",
    "customer.etk_consent_revoked",
    "vehicle.created",
    "vehicle.updated",
    "property.created",
    "property.updated",
    "case.created",
    "case.state_changed",
];

const ATTEMPTS: u32 = 3;

/// `proposal_premium.purchased` -> `PROPOSAL_PREMIUM_PURCHASED` (the management API's spelling).
pub fn management_name(event: &str) -> String {
    event.replace('.', "_").to_ascii_uppercase()
}

fn parse_event(text: &str) -> Option<String> {
    let upper = management_name(text.trim());
    EVENTS
        .iter()
        .map(|e| management_name(e))
        .find(|e| *e == upper)
}

/// Whether `text` is an event name in the dialect's spelling: the webhook guide's dotted ids
/// (`policy.created`) or the vendor client's `WebhookEvent` values (`POLICY_CREATED`).
fn spelt_for(dialect: Dialect, text: &str) -> bool {
    if dialect.guide_rest() {
        EVENTS.contains(&text)
    } else {
        EVENTS.iter().any(|e| management_name(e) == text)
    }
}

/// A stored (management) event name as the dialect spells it in answers.
fn spelt_as(dialect: Dialect, stored: &str) -> String {
    if dialect.guide_rest() {
        EVENTS
            .iter()
            .find(|e| management_name(e) == stored)
            .map_or_else(|| stored.to_owned(), |e| (*e).to_owned())
    } else {
        stored.to_owned()
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookBody {
    id: Option<String>,
    url: String,
    events: Vec<String>,
    #[serde(default)]
    agent_branch_ids: Option<Vec<String>>,
    #[serde(default)]
    secret: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookView {
    id: String,
    url: String,
    events: Vec<String>,
    agent_branch_ids: Vec<String>,
    secret: Option<String>,
    delivery_count: usize,
}

impl WebhookView {
    fn of(w: &Webhook, dialect: Dialect) -> Self {
        Self {
            id: w.id.clone(),
            url: w.url.clone(),
            events: w.events.iter().map(|e| spelt_as(dialect, e)).collect(),
            agent_branch_ids: w.agent_branch_ids.clone(),
            secret: w.secret.clone(),
            delivery_count: w.delivery_ids.len(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryView {
    id: String,
    webhook_url: String,
    event: String,
    delivered_at: Option<String>,
    response_status_code: Option<u16>,
    response_body: Option<String>,
    duration_ms: u64,
    is_success: bool,
    attempts: u32,
}

impl From<&Delivery> for DeliveryView {
    fn from(d: &Delivery) -> Self {
        Self {
            id: d.id.clone(),
            webhook_url: d.webhook_url.clone(),
            event: d.event.clone(),
            delivered_at: d.delivered_at.map(fmt_ts),
            response_status_code: d.response_status_code,
            response_body: d.response_body.clone(),
            duration_ms: d.duration_ms,
            is_success: d.is_success,
            attempts: d.attempts,
        }
    }
}

struct Valid {
    url: String,
    events: Vec<String>,
    agent_branch_ids: Vec<String>,
    secret: Option<String>,
}

fn validate(app: &AppState, body: WebhookBody) -> ApiResult<Valid> {
    let mut checks = Checks::default();
    let url = body.url.trim().to_owned();
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() < 10 {
        checks.fail(
            "url",
            "http(s) ile başlayan geçerli bir adres olmalı.",
            url.as_str(),
        );
    }
    if body.events.is_empty() {
        checks.fail("events", "En az bir olay seçilmeli.", json!([]));
    }
    let dialect = app.config.dialect;
    if let Some((i, _)) = body
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| !spelt_for(dialect, e))
    {
        let path = format!("events[{i}]");
        return Err(Problem::unbindable(
            &format!("$.{path}"),
            &format!("The JSON value could not be converted to WebhookEvent. Path: $.{path}."),
            Problem::field(&path, "Bilinmeyen olay.", body.events[i].as_str()),
        ));
    }
    let mut events = Vec::new();
    for (i, e) in body.events.iter().enumerate() {
        match parse_event(e) {
            Some(name) if !events.contains(&name) => events.push(name),
            Some(_) => {}
            None => checks.fail(
                &format!("events[{i}]"),
                "Bilinmeyen olay (ör. POLICY_CREATED).",
                e.as_str(),
            ),
        }
    }
    let agent_branch_ids = body.agent_branch_ids.unwrap_or_default();
    app.store.with(|s| {
        for (i, b) in agent_branch_ids.iter().enumerate() {
            if s.branch(b).is_none() {
                checks.fail(
                    &format!("agentBranchIds[{i}]"),
                    "Bilinmeyen şube.",
                    b.as_str(),
                );
            }
        }
    });
    checks.finish()?;
    Ok(Valid {
        url,
        events,
        agent_branch_ids,
        secret: body.secret.filter(|s| !s.is_empty()),
    })
}

fn not_found() -> Problem {
    Problem::not_found("WEBHOOK_NOT_FOUND", "Webhook bulunamadı.")
}

#[utoipa::path(post, path = "/api/webhooks", tag = "webhooks", security(("bearer" = [])),
    request_body(content = WebhookBody, description = "`events` spelt as the dialect spells them: `policy.created` (`guide`) or `POLICY_CREATED`"),
    responses((status = 200, description = "The new webhook's id", body = IdAnswer), Errors))]
pub async fn create(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<WebhookBody>,
) -> ApiResult<Json<Value>> {
    let v = validate(&app, body)?;
    let id = app.store.with(|s| {
        let id = s.ids.object_id();
        s.webhooks.insert(
            id.clone(),
            Webhook {
                id: id.clone(),
                url: v.url,
                events: v.events,
                agent_branch_ids: v.agent_branch_ids,
                secret: v.secret,
                delivery_ids: Vec::new(),
                order: DeliveryOrder::default(),
            },
        );
        id
    });
    Ok(Json(json!({ "id": id })))
}

#[utoipa::path(get, path = "/api/webhooks", tag = "webhooks", security(("bearer" = [])),
    responses((status = 200, description = "The agent's webhooks", body = Vec<WebhookView>), Errors))]
pub async fn list(State(app): State<AppState>) -> Json<Vec<WebhookView>> {
    Json(app.store.with(|s| {
        s.webhooks
            .iter()
            .map(|w| WebhookView::of(w, app.config.dialect))
            .collect()
    }))
}

#[utoipa::path(get, path = "/api/webhooks/{id}", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 200, description = "A webhook", body = WebhookView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<WebhookView>> {
    app.store.with(|s| {
        s.webhooks
            .get(&id)
            .map(|w| Json(WebhookView::of(w, app.config.dialect)))
            .ok_or_else(not_found)
    })
}

#[utoipa::path(put, path = "/api/webhooks/{id}", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path, description = "Webhook id")), request_body = WebhookBody,
    responses((status = 204, description = "Replaced"), Errors))]
pub async fn update(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<WebhookBody>,
) -> ApiResult<StatusCode> {
    if let Some(body_id) = body.id.as_deref().filter(|b| *b != id) {
        return Err(Problem::field(
            "id",
            "Adresteki webhook ile aynı olmalı.",
            body_id,
        ));
    }
    let v = validate(&app, body)?;
    app.store.with(|s| {
        let w = s.webhooks.get_mut(&id).ok_or_else(not_found)?;
        w.url = v.url;
        w.events = v.events;
        w.agent_branch_ids = v.agent_branch_ids;
        w.secret = v.secret;
        Ok(StatusCode::NO_CONTENT)
    })
}

#[utoipa::path(delete, path = "/api/webhooks/{id}", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 204, description = "Deleted"), Errors))]
pub async fn delete(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<StatusCode> {
    app.store.with(|s| {
        s.webhooks
            .remove(&id)
            .map(|_| StatusCode::NO_CONTENT)
            .ok_or_else(not_found)
    })
}

#[utoipa::path(get, path = "/api/webhooks/{id}/deliveries", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 200, description = "Its deliveries", body = Vec<DeliveryView>), Errors))]
pub async fn deliveries(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<Vec<DeliveryView>>> {
    app.store.with(|s| {
        let w = s.webhooks.get(&id).ok_or_else(not_found)?;
        Ok(Json(
            w.delivery_ids
                .iter()
                .filter_map(|d| s.deliveries.get(d))
                .map(DeliveryView::from)
                .collect(),
        ))
    })
}

fn delivery_not_found() -> Problem {
    Problem::not_found(
        "WEBHOOK_DELIVERY_NOT_FOUND",
        "Webhook gönderimi bulunamadı.",
    )
}

#[utoipa::path(get, path = "/api/webhooks/{id}/deliveries/{deliveryId}", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path, description = "Webhook id"), ("deliveryId" = String, Path)),
    responses((status = 200, description = "A delivery", body = DeliveryView), Errors))]
pub async fn delivery(
    State(app): State<AppState>,
    PathIds((id, delivery_id)): PathIds<(String, String)>,
) -> ApiResult<Json<DeliveryView>> {
    app.store.with(|s| {
        s.webhooks.get(&id).ok_or_else(not_found)?;
        s.deliveries
            .get(&delivery_id)
            .filter(|d| d.webhook_id == id)
            .map(|d| Json(DeliveryView::from(d)))
            .ok_or_else(delivery_not_found)
    })
}

#[utoipa::path(post, path = "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver", tag = "webhooks", security(("bearer" = [])),
    params(("id" = String, Path, description = "Webhook id"), ("deliveryId" = String, Path)),
    responses((status = 204, description = "Sent again"), Errors))]
pub async fn redeliver(
    State(app): State<AppState>,
    PathIds((id, delivery_id)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    let (job, ticket) = app.store.with(|s| {
        let secret = s.webhooks.get(&id).ok_or_else(not_found)?.secret.clone();
        let d = s
            .deliveries
            .get(&delivery_id)
            .filter(|d| d.webhook_id == id)
            .ok_or_else(delivery_not_found)?;
        let job = Job {
            delivery_id: d.id.clone(),
            webhook_id: id.clone(),
            url: d.webhook_url.clone(),
            secret,
            event: d.event.clone(),
            body: d.body.clone(),
        };
        let ticket = s
            .webhooks
            .get_mut(&id)
            .map(|w| w.order.ticket())
            .ok_or_else(not_found)?;
        Ok::<_, Problem>((job, ticket))
    })?;
    spawn_jobs(&app, vec![job], ticket);
    Ok(StatusCode::NO_CONTENT)
}

struct Job {
    delivery_id: String,
    webhook_id: String,
    url: String,
    secret: Option<String>,
    event: String,
    body: Bytes,
}

pub fn emit(app: &AppState, event: &'static str, agent_branch_id: Option<&str>, payload: Value) {
    emit_all(app, agent_branch_id, vec![(event, payload)]);
}

/// Queues deliveries of `events`, in order, to every subscribed webhook. Never blocks the caller.
pub fn emit_all(app: &AppState, agent_branch_id: Option<&str>, events: Vec<(&'static str, Value)>) {
    app.store
        .with(|s| emit_locked(app, s, agent_branch_id, events));
}

/// [`emit_all`] for a caller that already holds the store, so the events are queued in the same
/// critical section as the change they describe.
pub fn emit_locked(
    app: &AppState,
    s: &mut crate::store::State,
    agent_branch_id: Option<&str>,
    events: Vec<(&'static str, Value)>,
) {
    let subscribers: Vec<(String, String, Option<String>, Vec<String>)> = s
        .webhooks
        .iter()
        .filter(|w| {
            w.agent_branch_ids.is_empty()
                || agent_branch_id.is_some_and(|b| w.agent_branch_ids.iter().any(|x| x == b))
        })
        .map(|w| {
            (
                w.id.clone(),
                w.url.clone(),
                w.secret.clone(),
                w.events.clone(),
            )
        })
        .collect();
    for (webhook_id, url, secret, subscribed) in subscribers {
        let mut jobs = Vec::new();
        for (event, payload) in &events {
            if !subscribed.contains(&management_name(event)) {
                continue;
            }
            let mut body = serde_json::Map::new();
            body.insert("$event".to_owned(), json!(event));
            if let Value::Object(fields) = payload {
                body.extend(fields.clone());
            }
            let bytes = Bytes::from(serde_json::to_vec(&Value::Object(body)).unwrap_or_default());
            let delivery_id = s.ids.object_id();
            s.deliveries.insert(
                delivery_id.clone(),
                Delivery {
                    id: delivery_id.clone(),
                    webhook_id: webhook_id.clone(),
                    webhook_url: url.clone(),
                    event: (*event).to_owned(),
                    body: bytes.clone(),
                    delivered_at: None,
                    response_status_code: None,
                    response_body: None,
                    duration_ms: 0,
                    is_success: false,
                    attempts: 0,
                },
            );
            if let Some(w) = s.webhooks.get_mut(&webhook_id) {
                w.delivery_ids.push(delivery_id.clone());
            }
            jobs.push(Job {
                delivery_id,
                webhook_id: webhook_id.clone(),
                url: url.clone(),
                secret: secret.clone(),
                event: (*event).to_owned(),
                body: bytes,
            });
        }
        if !jobs.is_empty()
            && let Some(w) = s.webhooks.get_mut(&webhook_id)
        {
            spawn_jobs(app, jobs, w.order.ticket());
        }
    }
}

fn spawn_jobs(app: &AppState, jobs: Vec<Job>, ticket: Ticket) {
    let app = app.clone();
    tokio::spawn(async move {
        let mut shutdown = app.shutdown.clone();
        tokio::select! {
            () = ticket.wait_for_turn() => {}
            () = crate::state::until_stopped(&mut shutdown) => return,
        }
        for job in jobs {
            tokio::select! {
                () = deliver(&app, &job) => {}
                () = crate::state::until_stopped(&mut shutdown) => return,
            }
        }
    });
}

/// Lowercase hex HMAC-SHA256 of the exact body bytes.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

async fn deliver(app: &AppState, job: &Job) {
    for attempt in 1..=ATTEMPTS {
        let started = Instant::now();
        let mut request = app
            .http
            .post(&job.url)
            .header("content-type", "application/json")
            .header("x-webhook-event", &job.event)
            .header("x-webhook-id", &job.webhook_id)
            .header("x-webhook-delivery", &job.delivery_id)
            .body(job.body.clone());
        if let Some(secret) = &job.secret {
            request = request.header("x-webhook-signature", signature(secret, &job.body));
        }
        let (status, body) = match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                let text = response.text().await.unwrap_or_default();
                (
                    Some(status),
                    Some(text.chars().take(1024).collect::<String>()),
                )
            }
            Err(e) => (None, Some(format!("gönderilemedi: {e}"))),
        };
        let success = status.is_some_and(|s| (200..300).contains(&s));
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        app.store.with(|s| {
            if let Some(d) = s.deliveries.get_mut(&job.delivery_id) {
                d.attempts += 1;
                d.delivered_at = Some(crate::simulation::clock::now());
                d.response_status_code = status;
                d.response_body = body;
                d.duration_ms = elapsed;
                d.is_success = success;
            }
        });
        if success {
            return;
        }
        tracing::debug!(delivery = %job.delivery_id, attempt, ?status, "webhook delivery failed");
        if attempt < ATTEMPTS {
            tokio::time::sleep(app.config.webhook_retry_base * 2u32.pow(attempt - 1)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_eighteen_events_with_upper_snake_management_names() {
        assert_eq!(EVENTS.len(), 18);
        assert_eq!(
            management_name("proposal_premium.purchased"),
            "PROPOSAL_PREMIUM_PURCHASED"
        );
        assert_eq!(
            parse_event("policy.created").as_deref(),
            Some("POLICY_CREATED")
        );
        assert_eq!(
            parse_event("POLICY_CREATED").as_deref(),
            Some("POLICY_CREATED")
        );
        assert_eq!(parse_event("POLICY_DELETED"), None);
    }

    #[test]
    fn signature_is_lowercase_hex_hmac_sha256() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
