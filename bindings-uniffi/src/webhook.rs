//! Receiving webhooks: signature checks and event decoding over the raw request body, forwarded
//! to `insurup::webhook`.

use crate::error::Result;

/// One webhook delivery, decoded.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WebhookEventPayload {
    /// The dotted event id, e.g. `policy.created`, also for unknown events.
    pub event_type: String,
    /// True for events this version of the SDK does not know; `payload_json` still has the body.
    pub is_unknown: bool,
    /// The event as JSON text in its wire shape (camelCase keys, `$event` included), for the
    /// app's JSON library.
    pub payload_json: String,
}

impl From<insurup::webhook::Event> for WebhookEventPayload {
    fn from(event: insurup::webhook::Event) -> Self {
        WebhookEventPayload {
            event_type: event.event_type().to_owned(),
            is_unknown: event.is_unknown(),
            // An `Event` is JSON it was read from; writing it back cannot fail.
            payload_json: serde_json::to_string(&event).unwrap_or_default(),
        }
    }
}

/// Checks that `signature` (the `x-webhook-signature` header) signs `raw_body` with `secret`, in
/// constant time. Pass the body exactly as it arrived: JSON that was parsed and serialised again
/// no longer matches. Throws `Validation` when the header is missing, malformed or wrong.
#[uniffi::export]
pub fn verify_webhook(secret: String, raw_body: Vec<u8>, signature: Option<String>) -> Result<()> {
    Ok(insurup::webhook::verify(&secret, &raw_body, signature.as_deref())?)
}

/// The `x-webhook-signature` InsurUp sends for `raw_body` under `secret`; for a receiver's tests.
#[uniffi::export]
pub fn sign_webhook(secret: String, raw_body: Vec<u8>) -> String {
    insurup::webhook::sign(&secret, &raw_body)
}

/// Decodes a delivery's body without checking its signature (see `verify_and_parse_webhook`).
/// Unknown event types are returned with `is_unknown`; a body that is not an event throws
/// `Decode`.
#[uniffi::export]
pub fn parse_webhook(raw_body: Vec<u8>) -> Result<WebhookEventPayload> {
    Ok(insurup::webhook::parse(&raw_body)?.into())
}

/// `verify_webhook`, then `parse_webhook`: the one call a receiver needs.
#[uniffi::export]
pub fn verify_and_parse_webhook(
    secret: String, raw_body: Vec<u8>, signature: Option<String>,
) -> Result<WebhookEventPayload> {
    Ok(insurup::webhook::verify_and_parse(&secret, &raw_body, signature.as_deref())?.into())
}

/// Remembers the most recent delivery ids (`x-webhook-delivery`), up to `capacity`, and tells a
/// receiver whether it has seen one before. Check it after the signature, so forged requests
/// cannot fill it; call `forget` when handling a first-time delivery failed. Thread-safe.
#[derive(Debug, uniffi::Object)]
pub struct DeliveryDeduplicator(insurup::webhook::DeliveryDeduplicator);

#[uniffi::export]
impl DeliveryDeduplicator {
    /// A deduplicator remembering up to `capacity` ids (10 000 by default).
    #[uniffi::constructor(default(capacity = None))]
    pub fn new(capacity: Option<u32>) -> Self {
        let capacity = capacity.map(|capacity| capacity as usize);
        DeliveryDeduplicator(insurup::webhook::DeliveryDeduplicator::new(capacity))
    }

    /// True the first time a delivery is offered, false for every repeat still remembered.
    /// Pass the raw `body` too: then a signed body replayed under a new delivery id is also a
    /// repeat, and replays cannot push real ids out of memory.
    #[uniffi::method(default(body = None))]
    pub fn first_time(&self, delivery_id: String, body: Option<Vec<u8>>) -> bool {
        match body {
            Some(body) => self.0.first_time_with_body(&delivery_id, &body),
            None => self.0.first_time(&delivery_id),
        }
    }

    /// Forgets `delivery_id`, so its next copy counts as the first. Returns whether it was
    /// remembered.
    pub fn forget(&self, delivery_id: String) -> bool {
        self.0.forget(&delivery_id)
    }

    /// How many ids are remembered now.
    pub fn size(&self) -> u32 {
        u32::try_from(self.0.len()).unwrap_or(u32::MAX)
    }

    /// How many ids it remembers at most.
    pub fn capacity(&self) -> u32 {
        u32::try_from(self.0.capacity()).unwrap_or(u32::MAX)
    }
}
