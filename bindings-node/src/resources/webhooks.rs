use napi_derive::napi;

use insurup::{NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookId};

resource! {
    "Webhook subscriptions (`/api/webhooks`) and their deliveries."
    Webhooks(insurup::Webhooks) {
        "Subscribes a URL to events and returns the webhook."
        create(webhook: NewWebhook) -> Webhook = create(webhook);
        "Every webhook of the agency."
        list() -> Vec<Webhook> = list();
        "One webhook."
        get(id: WebhookId) -> Webhook = get(&id);
        "Replaces a webhook's URL, events, branches and secret."
        update(id: WebhookId, webhook: NewWebhook) -> Webhook = update(&id, webhook);
        "Deletes a webhook."
        delete(id: WebhookId) -> () = delete(&id);
        "One delivery of a webhook."
        delivery(id: WebhookId, delivery_id: WebhookDeliveryId) -> WebhookDelivery = delivery(&id, &delivery_id);
        "Sends a delivery again."
        redeliver(id: WebhookId, delivery_id: WebhookDeliveryId) -> () = redeliver(&id, &delivery_id);
    }
}
