//! Webhook subscriptions and their deliveries (management side; receiving is in
//! [`crate::webhook`]).

use std::fmt;

use serde::Deserialize;

use super::{AgentBranchId, WebhookDeliveryId, WebhookEvent, WebhookId};
use crate::secret::Secret;

/// A webhook subscription. The secret is write-only here: keep your copy where you verify
/// signatures.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// The webhook's id.
    pub id: WebhookId,
    /// Where deliveries are sent.
    pub url: String,
    /// Subscribed events.
    #[serde(default, deserialize_with = "events_in_either_spelling")]
    pub events: Vec<WebhookEvent>,
    /// Branches whose events are delivered; empty = all.
    #[serde(default)]
    pub agent_branch_ids: Vec<AgentBranchId>,
    /// Deliveries made so far.
    #[serde(default)]
    pub delivery_count: u32,
}

/// A webhook to create or the new state of one to update. Debug output hides the secret.
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_to_js = false))]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewWebhook {
    /// HTTPS URL that receives deliveries.
    pub url: String,
    /// Events to deliver (at least one).
    pub events: Vec<WebhookEvent>,
    /// Branches whose events are delivered; all when omitted or empty.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_ids: Option<Vec<AgentBranchId>>,
    /// Secret for the `x-webhook-signature` HMAC; strongly recommended. Never printed.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "napi", napi(ts_type = "string"))]
    pub secret: Option<Secret>,
}

impl NewWebhook {
    /// A webhook for `events` at `url`, signed with `secret`.
    pub fn new(
        url: impl Into<String>,
        events: Vec<WebhookEvent>,
        secret: impl Into<Secret>,
    ) -> Self {
        NewWebhook {
            url: url.into(),
            events,
            agent_branch_ids: None,
            secret: Some(secret.into()),
        }
    }

    /// The body of a create or update; the guide spells events with their dotted ids
    /// (`policy.created`), the vendor client in UPPER_SNAKE (`POLICY_CREATED`).
    pub(crate) fn to_body(&self, dotted_events: bool) -> crate::Result<serde_json::Value> {
        let parsed = url::Url::parse(&self.url)
            .map_err(|_| crate::Error::validation("url", "must be an absolute URL"))?;
        let loopback = matches!(parsed.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
        if parsed.scheme() != "https" && !(parsed.scheme() == "http" && loopback) {
            return Err(crate::Error::validation(
                "url",
                "must use https (http only for localhost)",
            ));
        }
        if self.events.is_empty() {
            return Err(crate::Error::validation(
                "events",
                "subscribe to at least one event",
            ));
        }
        if let Some(secret) = &self.secret
            && secret.expose().len() < 16
        {
            return Err(crate::Error::validation(
                "secret",
                "must be at least 16 characters",
            ));
        }
        let events: Vec<serde_json::Value> = self
            .events
            .iter()
            .map(
                |event| match crate::webhook::EventType::from_id(event.as_str()) {
                    Some(known) if dotted_events => serde_json::json!(known.id()),
                    Some(known) => serde_json::json!(known.subscription()),
                    None => serde_json::json!(event),
                },
            )
            .collect();
        Ok(serde_json::json!({
            "url": self.url,
            "events": events,
            "agentBranchIds": self.agent_branch_ids.as_deref().unwrap_or_default(),
            "secret": self.secret,
        }))
    }
}

impl fmt::Debug for NewWebhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewWebhook")
            .field("url", &self.url)
            .field("events", &self.events)
            .field("agent_branch_ids", &self.agent_branch_ids)
            .field("secret", &self.secret)
            .finish()
    }
}

/// Reads subscribed events in either documented spelling (`POLICY_CREATED`, `policy.created`).
fn events_in_either_spelling<'de, D>(deserializer: D) -> Result<Vec<WebhookEvent>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let names = Option::<Vec<String>>::deserialize(deserializer)?.unwrap_or_default();
    Ok(names
        .iter()
        .map(|name| {
            crate::webhook::EventType::from_id(name)
                .map_or_else(|| WebhookEvent::from_wire(name), WebhookEvent::from)
        })
        .collect())
}

/// One delivery of an event to a webhook.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct WebhookDelivery {
    /// The delivery's id (the `x-webhook-delivery` header).
    pub id: WebhookDeliveryId,
    /// Where it was sent.
    pub webhook_url: Option<String>,
    /// The event id, e.g. `policy.created`.
    pub event: Option<String>,
    /// When it was last attempted.
    pub delivered_at: Option<String>,
    /// The receiver's status code.
    pub response_status_code: Option<u32>,
    /// The receiver's answer (truncated by the server).
    pub response_body: Option<String>,
    /// How long the receiver took.
    pub duration_ms: Option<u32>,
    /// True when the receiver answered 2xx.
    #[serde(default)]
    pub is_success: bool,
}
