#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(
    webhooks,
    resource!(AsyncWebhooks {
        /// Subscribes a URL to events and returns the webhook. Keep `secret`: deliveries are
        /// signed with it and the API never returns it.
        fn create(; url: String, events: Vec<WebhookEvent>, secret: Option<Secret> = None,
            agent_branch_ids: Option<Vec<AgentBranchId>> = None) -> Webhook
            = |client, webhook: NewWebhook| client.webhooks().create(webhook);

        /// Replaces a webhook's URL, events, branches and secret.
        fn update(webhook_id: WebhookId; url: String, events: Vec<WebhookEvent>,
            secret: Option<Secret> = None, agent_branch_ids: Option<Vec<AgentBranchId>> = None)
            -> Webhook = |client, webhook: NewWebhook| client.webhooks().update(&webhook_id, webhook);
    })
);
