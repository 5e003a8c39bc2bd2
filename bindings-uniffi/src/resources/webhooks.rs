use insurup::{NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookId};

use crate::error::Result;

/// Webhook subscriptions (`/api/webhooks`) and their deliveries.
#[derive(Debug, uniffi::Object)]
pub struct Webhooks(pub(crate) insurup::Webhooks);

#[uniffi::export(async_runtime = "tokio")]
impl Webhooks {
    /// Subscribes a URL to events and returns the webhook.
    pub async fn create(&self, webhook: NewWebhook) -> Result<Webhook> {
        Ok(self.0.create(webhook).await?)
    }

    /// Every webhook of the agency.
    pub async fn list(&self) -> Result<Vec<Webhook>> {
        Ok(self.0.list().await?)
    }

    /// One webhook.
    pub async fn get(&self, id: WebhookId) -> Result<Webhook> {
        Ok(self.0.get(&id).await?)
    }

    /// Replaces a webhook's URL, events, branches and secret.
    pub async fn update(&self, id: WebhookId, webhook: NewWebhook) -> Result<Webhook> {
        Ok(self.0.update(&id, webhook).await?)
    }

    /// Deletes a webhook.
    pub async fn delete(&self, id: WebhookId) -> Result<()> {
        Ok(self.0.delete(&id).await?)
    }

    /// One delivery of a webhook.
    pub async fn delivery(
        &self, id: WebhookId, delivery_id: WebhookDeliveryId,
    ) -> Result<WebhookDelivery> {
        Ok(self.0.delivery(&id, &delivery_id).await?)
    }

    /// Sends a delivery again.
    pub async fn redeliver(&self, id: WebhookId, delivery_id: WebhookDeliveryId) -> Result<()> {
        Ok(self.0.redeliver(&id, &delivery_id).await?)
    }
}
