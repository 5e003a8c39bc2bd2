use napi_derive::napi;

use insurup::{
    AgentBranchId, NewWebhook, Secret, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookEvent,
    WebhookId,
};

/// A webhook to create, or the new state of one to update.
#[derive(Debug)]
#[napi(object, object_to_js = false, js_name = "NewWebhook")]
pub struct NewWebhookInput {
    /// HTTPS URL that receives deliveries.
    pub url: String,
    /// Events to deliver (at least one).
    pub events: Vec<WebhookEvent>,
    /// Branches whose events are delivered; all when left out.
    pub agent_branch_ids: Option<Vec<AgentBranchId>>,
    /// Secret for the `x-webhook-signature` HMAC; strongly recommended.
    #[napi(ts_type = "string")]
    pub secret: Option<Secret>,
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

resource! {
    "Webhook subscriptions (`/api/webhooks`) and their deliveries."
    Webhooks(insurup::Webhooks) {
        "Subscribes a URL to events and returns the webhook."
        create(webhook: NewWebhookInput) -> Webhook = create(webhook.into());
        "Every webhook of the agency."
        list() -> Vec<Webhook> = list();
        "One webhook."
        get(id: WebhookId) -> Webhook = get(&id);
        "Replaces a webhook's URL, events, branches and secret."
        update(id: WebhookId, webhook: NewWebhookInput) -> Webhook = update(&id, webhook.into());
        "Deletes a webhook."
        delete(id: WebhookId) -> () = delete(&id);
        "One delivery of a webhook."
        delivery(id: WebhookId, delivery_id: WebhookDeliveryId) -> WebhookDelivery = delivery(&id, &delivery_id);
        "Sends a delivery again."
        redeliver(id: WebhookId, delivery_id: WebhookDeliveryId) -> () = redeliver(&id, &delivery_id);
    }
}
