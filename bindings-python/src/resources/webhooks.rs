use insurup::{
    AgentBranchId, NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookEvent, WebhookId,
};

use super::resource;

resource! {
    /// Webhook subscriptions and their deliveries.
    Webhooks, AsyncWebhooks {
        /// Subscribes a URL to events and returns the webhook. Keep `secret`: deliveries are
        /// signed with it and the API never returns it.
        #[pyo3(signature = (*, url, events, secret = None, agent_branch_ids = None))]
        fn create(
            url: String,
            events: Vec<WebhookEvent>,
            secret: Option<String>,
            agent_branch_ids: Option<Vec<AgentBranchId>>,
        ) -> Webhook = |client| client.webhooks().create(NewWebhook {
            url, events, secret, agent_branch_ids: agent_branch_ids.unwrap_or_default(),
        });

        /// Every webhook of the agency.
        fn list() -> Vec<Webhook> = |client| client.webhooks().list();

        /// One webhook.
        fn get(webhook_id: WebhookId) -> Webhook = |client| client.webhooks().get(&webhook_id);

        /// Replaces a webhook's URL, events, branches and secret.
        #[pyo3(signature = (webhook_id, *, url, events, secret = None, agent_branch_ids = None))]
        fn update(
            webhook_id: WebhookId,
            url: String,
            events: Vec<WebhookEvent>,
            secret: Option<String>,
            agent_branch_ids: Option<Vec<AgentBranchId>>,
        ) -> Webhook = |client| client.webhooks().update(&webhook_id, NewWebhook {
            url, events, secret, agent_branch_ids: agent_branch_ids.unwrap_or_default(),
        });

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
