use insurup::{
    AgentBranchId, NewWebhook, Secret, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookEvent,
    WebhookId,
};

use super::resource;

resource! {
    /// Webhook subscriptions and their deliveries.
    Webhooks, AsyncWebhooks {
        /// Subscribes a URL to events and returns the webhook. Keep `secret`: deliveries are
        /// signed with it and the API never returns it.
        fn create(; url: String, events: Vec<WebhookEvent>, secret: Option<Secret> = None,
            agent_branch_ids: Option<Vec<AgentBranchId>> = None) -> Webhook
            = |client, webhook: NewWebhook| client.webhooks().create(webhook);

        /// Every webhook of the agency.
        fn list() -> Vec<Webhook> = |client| client.webhooks().list();

        /// One webhook.
        fn get(webhook_id: WebhookId) -> Webhook = |client| client.webhooks().get(&webhook_id);

        /// Replaces a webhook's URL, events, branches and secret.
        fn update(webhook_id: WebhookId; url: String, events: Vec<WebhookEvent>,
            secret: Option<Secret> = None, agent_branch_ids: Option<Vec<AgentBranchId>> = None)
            -> Webhook = |client, webhook: NewWebhook| client.webhooks().update(&webhook_id, webhook);

        /// Deletes a webhook.
        fn delete(webhook_id: WebhookId) -> () = |client| client.webhooks().delete(&webhook_id);

        /// One delivery of a webhook.
        fn delivery(webhook_id: WebhookId, delivery_id: WebhookDeliveryId) -> WebhookDelivery =
            |client| client.webhooks().delivery(&webhook_id, &delivery_id);

        /// Sends a delivery again.
        fn redeliver(webhook_id: WebhookId, delivery_id: WebhookDeliveryId) -> () =
            |client| client.webhooks().redeliver(&webhook_id, &delivery_id);
    }
}
