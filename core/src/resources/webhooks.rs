use crate::client::Client;
use crate::error::Result;
use crate::model::{NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookId};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Webhook subscriptions (`/api/webhooks`) and their deliveries.
#[derive(Debug, Clone)]
pub struct Webhooks {
    client: Client,
}

impl Webhooks {
    pub(crate) fn new(client: Client) -> Self {
        Webhooks { client }
    }

    /// Subscribes a URL to events and returns the webhook.
    pub async fn create(&self, webhook: NewWebhook) -> Result<Webhook> {
        webhook.to_body(false)?;
        let created: CreatedId = self
            .client
            .send_spelt(|dialect| {
                Request::post("/api/webhooks", "/api/webhooks")
                    .json(&webhook.to_body(dialect.older_rest())?)
            })
            .await?
            .json()?;
        self.get(&WebhookId::new(created.into_string())).await
    }

    /// Every webhook of the agency.
    pub async fn list(&self) -> Result<Vec<Webhook>> {
        self.client
            .call(Request::get("/api/webhooks", "/api/webhooks"))
            .await
    }

    /// One webhook.
    pub async fn get(&self, id: &WebhookId) -> Result<Webhook> {
        validate::id("webhook_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/webhooks/{id}",
                format!("/api/webhooks/{id}"),
            ))
            .await
    }

    /// Replaces a webhook's URL, events, branches and secret (the event list is replaced
    /// wholesale).
    pub async fn update(&self, id: &WebhookId, webhook: NewWebhook) -> Result<Webhook> {
        validate::id("webhook_id", id.as_str())?;
        webhook.to_body(false)?;
        self.client
            .send_spelt(|dialect| {
                let mut body = webhook.to_body(dialect.older_rest())?;
                if let Some(object) = body.as_object_mut() {
                    object.insert("id".to_owned(), serde_json::json!(id));
                }
                Request::put("/api/webhooks/{id}", format!("/api/webhooks/{id}")).json(&body)
            })
            .await?;
        self.get(id).await
    }

    /// Deletes a webhook.
    pub async fn delete(&self, id: &WebhookId) -> Result<()> {
        validate::id("webhook_id", id.as_str())?;
        self.client
            .send(Request::delete(
                "/api/webhooks/{id}",
                format!("/api/webhooks/{id}"),
            ))
            .await
            .map(|_| ())
    }

    /// One delivery of a webhook.
    pub async fn delivery(
        &self,
        id: &WebhookId,
        delivery: &WebhookDeliveryId,
    ) -> Result<WebhookDelivery> {
        validate::id("webhook_id", id.as_str())?;
        validate::id("delivery_id", delivery.as_str())?;
        self.client
            .call(Request::get(
                "/api/webhooks/{id}/deliveries/{deliveryId}",
                format!("/api/webhooks/{id}/deliveries/{delivery}"),
            ))
            .await
    }

    /// Sends a delivery again.
    pub async fn redeliver(&self, id: &WebhookId, delivery: &WebhookDeliveryId) -> Result<()> {
        validate::id("webhook_id", id.as_str())?;
        validate::id("delivery_id", delivery.as_str())?;
        self.client
            .send(Request::post(
                "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                format!("/api/webhooks/{id}/deliveries/{delivery}/redeliver"),
            ))
            .await
            .map(|_| ())
    }
}
