use napi::Result;
use napi_derive::napi;

use insurup::{
    AgentBranchId, NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookEvent, WebhookId,
};

/// A webhook to create, or the new state of one to update.
#[napi(object, js_name = "NewWebhook")]
#[derive(Clone)]
pub struct NewWebhookInput {
    /// HTTPS URL that receives deliveries.
    pub url: String,
    /// Events to deliver (at least one).
    pub events: Vec<WebhookEvent>,
    /// Branches whose events are delivered; all when left out.
    pub agent_branch_ids: Option<Vec<AgentBranchId>>,
    /// Secret for the `x-webhook-signature` HMAC; strongly recommended.
    pub secret: Option<String>,
}

/// Shown as the core's `NewWebhook`, which hides the secret.
impl std::fmt::Debug for NewWebhookInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        NewWebhook::from(self.clone()).fmt(f)
    }
}

impl From<NewWebhookInput> for NewWebhook {
    fn from(input: NewWebhookInput) -> Self {
        NewWebhook {
            url: input.url,
            events: input.events,
            agent_branch_ids: input.agent_branch_ids.unwrap_or_default(),
            secret: input.secret,
        }
    }
}

/// Webhook subscriptions (`/api/webhooks`) and their deliveries.
#[derive(Debug)]
#[napi]
pub struct Webhooks(pub(crate) insurup::Webhooks);

#[napi]
impl Webhooks {
    /// Subscribes a URL to events and returns the webhook.
    #[napi]
    pub async fn create(&self, webhook: NewWebhookInput) -> Result<Webhook> {
        Ok(self.0.create(webhook.into()).await?)
    }

    /// Every webhook of the agency.
    #[napi]
    pub async fn list(&self) -> Result<Vec<Webhook>> {
        Ok(self.0.list().await?)
    }

    /// One webhook.
    #[napi]
    pub async fn get(&self, id: WebhookId) -> Result<Webhook> {
        Ok(self.0.get(&id).await?)
    }

    /// Replaces a webhook's URL, events, branches and secret.
    #[napi]
    pub async fn update(&self, id: WebhookId, webhook: NewWebhookInput) -> Result<Webhook> {
        Ok(self.0.update(&id, webhook.into()).await?)
    }

    /// Deletes a webhook.
    #[napi]
    pub async fn delete(&self, id: WebhookId) -> Result<()> {
        Ok(self.0.delete(&id).await?)
    }

    /// One delivery of a webhook.
    #[napi]
    pub async fn delivery(
        &self,
        id: WebhookId,
        delivery_id: WebhookDeliveryId,
    ) -> Result<WebhookDelivery> {
        Ok(self.0.delivery(&id, &delivery_id).await?)
    }

    /// Sends a delivery again.
    #[napi]
    pub async fn redeliver(&self, id: WebhookId, delivery_id: WebhookDeliveryId) -> Result<()> {
        Ok(self.0.redeliver(&id, &delivery_id).await?)
    }
}
