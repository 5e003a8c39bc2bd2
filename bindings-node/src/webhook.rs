//! Receiving webhooks: signature checks over the raw request body.

use napi::Result;
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

fn bytes(body: &Either<Buffer, String>) -> &[u8] {
    match body {
        Either::A(buffer) => buffer,
        Either::B(text) => text.as_bytes(),
    }
}

/// Checks that `signature` (the `x-webhook-signature` header) signs `rawBody` with `secret`, in
/// constant time. Pass the body exactly as it arrived (a `Buffer`, or the raw text): JSON that
/// was parsed and serialised again no longer matches. Throws `ValidationError` otherwise.
#[napi]
pub fn verify_webhook(
    secret: String,
    raw_body: Either<Buffer, String>,
    signature: Option<String>,
) -> Result<()> {
    Ok(insurup::webhook::verify(
        &secret,
        bytes(&raw_body),
        signature.as_deref(),
    )?)
}

/// The `x-webhook-signature` InsurUp sends for `raw_body` under `secret`; for your receiver's tests.
#[napi]
pub fn sign_webhook(secret: String, raw_body: Either<Buffer, String>) -> String {
    insurup::webhook::sign(&secret, bytes(&raw_body))
}

/// One webhook delivery, decoded.
#[napi(object)]
pub struct WebhookEventPayload {
    /// The dotted event id, e.g. `policy.created`, also for unknown events.
    pub event_type: String,
    /// True for events this version of the SDK does not know; `payload` still has the body.
    pub is_unknown: bool,
    /// The event in its wire shape (camelCase keys, `$event` included).
    #[napi(ts_type = "Record<string, unknown>")]
    pub payload: serde_json::Value,
}

impl TryFrom<insurup::webhook::Event> for WebhookEventPayload {
    type Error = napi::Error;

    fn try_from(event: insurup::webhook::Event) -> Result<Self> {
        let payload = serde_json::to_value(&event)
            .map_err(|error| napi::Error::from_reason(error.to_string()))?;
        Ok(WebhookEventPayload {
            event_type: event.event_type().to_owned(),
            is_unknown: event.is_unknown(),
            payload,
        })
    }
}

/// Decodes a delivery's body. It does not check the signature: call `verifyWebhook` first, or
/// use `verifyAndParseWebhook`. Unknown event types are returned with `isUnknown: true`; a body
/// that is not an event throws `DecodeError`.
#[napi]
pub fn parse_webhook(raw_body: Either<Buffer, String>) -> Result<WebhookEventPayload> {
    insurup::webhook::parse(bytes(&raw_body))?.try_into()
}

/// `verifyWebhook`, then `parseWebhook`: the one call a receiver needs.
#[napi]
pub fn verify_and_parse_webhook(
    secret: String,
    raw_body: Either<Buffer, String>,
    signature: Option<String>,
) -> Result<WebhookEventPayload> {
    insurup::webhook::verify_and_parse(&secret, bytes(&raw_body), signature.as_deref())?.try_into()
}

/// Remembers the most recent delivery ids (`x-webhook-delivery`), up to `capacity` (10 000 by
/// default), and tells a receiver whether it has seen one before. Check it after the signature,
/// so forged requests cannot fill it; call `forget` when handling a first-time delivery failed.
#[napi]
#[derive(Debug)]
pub struct DeliveryDeduplicator(insurup::webhook::DeliveryDeduplicator);

#[napi]
impl DeliveryDeduplicator {
    #[napi(constructor)]
    pub fn new(capacity: Option<u32>) -> Self {
        let capacity = capacity.map(|capacity| capacity as usize);
        DeliveryDeduplicator(insurup::webhook::DeliveryDeduplicator::new(capacity))
    }

    /// True the first time a delivery is offered, false for every repeat still remembered.
    /// Pass the raw `body` too: then a signed body replayed under a new delivery id is also a
    /// repeat, and replays cannot push real ids out of memory.
    #[napi]
    pub fn first_time(&self, delivery_id: String, body: Option<Buffer>) -> bool {
        match body {
            Some(body) => self.0.first_time_with_body(&delivery_id, &body),
            None => self.0.first_time(&delivery_id),
        }
    }

    /// Forgets `deliveryId`, so its next copy counts as the first. Returns whether it was
    /// remembered.
    #[napi]
    pub fn forget(&self, delivery_id: String) -> bool {
        self.0.forget(&delivery_id)
    }

    /// How many ids are remembered now.
    #[napi(getter)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.0.len()).unwrap_or(u32::MAX)
    }

    /// How many ids it remembers at most.
    #[napi(getter)]
    pub fn capacity(&self) -> u32 {
        u32::try_from(self.0.capacity()).unwrap_or(u32::MAX)
    }
}
