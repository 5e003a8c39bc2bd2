//! Receiving webhooks: signature verification, typed events and de-duplication.
//!
//! InsurUp POSTs a JSON body to every webhook subscribed to an event, with these headers:
//!
//! | header | value |
//! |---|---|
//! | [`EVENT_HEADER`] `x-webhook-event` | the dotted event id, e.g. `policy.created` |
//! | [`WEBHOOK_ID_HEADER`] `x-webhook-id` | the webhook's id |
//! | [`DELIVERY_HEADER`] `x-webhook-delivery` | the delivery's id, the same on every retry |
//! | [`SIGNATURE_HEADER`] `x-webhook-signature` | lowercase hex HMAC-SHA256 of the body, keyed with the webhook's secret (only when it has one) |
//!
//! A delivery not answered with a 2xx within 30 seconds is retried, three attempts in all, so
//! answer quickly (under 5 s), queue slow work, and treat a repeated delivery id as done.
//!
//! A receiver verifies the signature over the raw body, drops deliveries it has already handled,
//! then matches on the [`Event`]:
//!
//! ```
//! use insurup::webhook::{self, DeliveryDeduplicator, Event};
//!
//! /// Returns the HTTP status to answer with.
//! fn receive(
//!     secret: &str,
//!     seen: &DeliveryDeduplicator,
//!     delivery_id: &str,
//!     signature: Option<&str>,
//!     raw_body: &[u8],
//! ) -> u16 {
//!     let event = match webhook::verify_and_parse(secret, raw_body, signature) {
//!         Ok(event) => event,
//!         Err(error) => {
//!             eprintln!("refused delivery {delivery_id}: {error}");
//!             return 401;
//!         }
//!     };
//!     if !seen.first_time_with_body(delivery_id, raw_body) {
//!         return 200; // a retry of a delivery already handled
//!     }
//!     match event {
//!         Event::PolicyCreated(policy) => println!("policy {} issued", policy.policy_id),
//!         Event::ProposalPremiumPurchased(purchase) => println!("bought {}", purchase.proposal_id),
//!         other => println!("ignoring {}", other.event_type()),
//!     }
//!     200
//! }
//!
//! let secret = "whsec-test-0123456789";
//! let body = br#"{"$event":"policy.created","policyId":"6650a1b2c3d4e5f601a2b3c5"}"#;
//! let signature = webhook::sign(secret, body);
//! let seen = DeliveryDeduplicator::default();
//! assert_eq!(receive(secret, &seen, "6650a1b2c3d4e5f601a2b3c6", Some(&signature), body), 200);
//! assert_eq!(receive(secret, &seen, "6650a1b2c3d4e5f601a2b3c6", Some(&signature), body), 200);
//! assert_eq!(receive(secret, &seen, "6650a1b2c3d4e5f601a2b3c7", None, body), 401);
//! ```
//!
//! Subscribing is the management side: [`crate::Webhooks`] (`client.webhooks()`), with the
//! UPPER_SNAKE names of [`crate::WebhookEvent`] ([`EventType::subscription`] converts).

mod dedup;
mod event;
mod payloads;
mod signature;

pub use dedup::DeliveryDeduplicator;
pub use event::{Event, EventType, parse};
pub use payloads::{
    CaseCreated, CaseStateChanged, ConsentGiven, ConsentRevoked, CustomerCreated, CustomerDetails,
    CustomerEmail, CustomerPhoneNumber, CustomerUpdated, InsuredCustomer, PolicyCreated,
    PolicyUpdated, PremiumReceived, PropertyCreated, PropertyDetails, PropertyUpdated,
    PurchaseFailed, PurchaseStarted, Purchased, UserReference, VehicleCreated, VehicleDetails,
    VehicleUpdated,
};
pub use signature::{sign, verify};

use crate::error::Result;

/// Header naming the event, e.g. `policy.created`.
pub const EVENT_HEADER: &str = "x-webhook-event";
/// Header carrying the id of the webhook the delivery is for.
pub const WEBHOOK_ID_HEADER: &str = "x-webhook-id";
/// Header carrying the delivery's id; retries and redeliveries repeat it.
pub const DELIVERY_HEADER: &str = "x-webhook-delivery";
/// Header carrying the body's signature.
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";

/// [`verify`]s the signature over the raw body, then [`parse`]s it.
///
/// # Errors
///
/// A [`crate::ErrorKind::Validation`] error when the signature is missing, malformed or does not
/// match; a [`crate::ErrorKind::Decode`] error when the signed body is not a webhook event.
pub fn verify_and_parse(
    secret: &str,
    raw_body: &[u8],
    signature_header: Option<&str>,
) -> Result<Event> {
    verify(secret, raw_body, signature_header)?;
    parse(raw_body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn a_forged_body_is_refused_before_it_is_parsed() {
        let error = verify_and_parse(
            "whsec-sandbox-0123456789",
            b"not json",
            Some(&"0".repeat(64)),
        )
        .expect_err("forged");
        assert_eq!(
            error.kind(),
            ErrorKind::Validation,
            "the signature is checked first"
        );
    }

    #[test]
    fn a_signed_body_is_parsed() {
        let body = include_bytes!("samples/case.created.json");
        let signature = sign("whsec-sandbox-0123456789", body);
        let event = verify_and_parse("whsec-sandbox-0123456789", body, Some(&signature))
            .expect("signed event");
        assert_eq!(event.known_type(), Some(EventType::CaseCreated));
    }
}
