//! Decoding a delivery's body into a typed [`Event`], keyed by its `$event` discriminator.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::payloads::{
    CaseCreated, CaseStateChanged, ConsentGiven, ConsentRevoked, CustomerCreated, CustomerUpdated,
    PolicyCreated, PolicyUpdated, PremiumReceived, PropertyCreated, PropertyUpdated,
    PurchaseFailed, PurchaseStarted, Purchased, VehicleCreated, VehicleUpdated,
};
use crate::error::{Error, ErrorKind, Result};
use crate::model::WebhookEvent;

/// The body's discriminator field.
const DISCRIMINATOR: &str = "$event";

/// Where older documents put the event's name and its payload instead: the branch guide's
/// `{"event": "…", "data": {…}}` envelope.
const ENVELOPE_EVENT: &str = "event";
const ENVELOPE_DATA: &str = "data";

/// One table drives [`EventType`], [`Event`] and the decoder, so adding an event is one line.
macro_rules! events {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal => $payload:ty, )+) => {
        /// The documented webhook event types. Deliveries name them by their dotted id
        /// ([`EventType::id`]); subscriptions use the UPPER_SNAKE [`WebhookEvent`] of the same
        /// event.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum EventType {
            $( $(#[$doc])* $variant, )+
        }

        impl EventType {
            /// Every documented event type, in the documentation's order.
            pub const ALL: &'static [EventType] = &[$(EventType::$variant),+];

            /// The dotted id sent in `$event` and `x-webhook-event`, e.g. `policy.created`.
            pub fn id(self) -> &'static str {
                match self {
                    $( EventType::$variant => $id, )+
                }
            }
        }

        /// A webhook delivery, decoded. Match on it; events added to InsurUp after this
        /// version arrive as [`Event::Unknown`] instead of failing.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant($payload), )+
            /// An event this version of the SDK does not know, kept whole.
            Unknown {
                /// Its `$event`, e.g. `policy.renewal_reminder`.
                event_type: String,
                /// The whole body, `$event` included.
                payload: Value,
            },
        }

        impl Event {
            /// The type of a known event; `None` for [`Event::Unknown`].
            pub fn known_type(&self) -> Option<EventType> {
                match self {
                    $( Event::$variant(_) => Some(EventType::$variant), )+
                    Event::Unknown { .. } => None,
                }
            }

            fn decode_as(event_type: EventType, body: Value) -> serde_json::Result<Self> {
                Ok(match event_type {
                    $( EventType::$variant => Event::$variant(serde_json::from_value(body)?), )+
                })
            }

            fn payload_json(&self) -> serde_json::Result<Value> {
                match self {
                    $( Event::$variant(payload) => serde_json::to_value(payload), )+
                    Event::Unknown { payload, .. } => Ok(payload.clone()),
                }
            }
        }
    };
}

events! {
    /// `proposal_premium.received`: an insurer priced a proposal's product.
    ProposalPremiumReceived = "proposal_premium.received" => PremiumReceived,
    /// `proposal_premium.purchasing`: a purchase is starting (internal to InsurUp).
    ProposalPremiumPurchasing = "proposal_premium.purchasing" => PurchaseStarted,
    /// `proposal_premium.purchased`: a product was bought.
    ProposalPremiumPurchased = "proposal_premium.purchased" => Purchased,
    /// `proposal_premium.purchase_failed`: a purchase did not go through.
    ProposalPremiumPurchaseFailed = "proposal_premium.purchase_failed" => PurchaseFailed,
    /// `policy.created`: a policy was issued or transferred in.
    PolicyCreated = "policy.created" => PolicyCreated,
    /// `policy.updated`: an endorsement or cancellation changed a policy.
    PolicyUpdated = "policy.updated" => PolicyUpdated,
    /// `customer.created`.
    CustomerCreated = "customer.created" => CustomerCreated,
    /// `customer.updated`.
    CustomerUpdated = "customer.updated" => CustomerUpdated,
    /// `customer.kvkk_consent_given`: consent to process personal data (KVKK).
    CustomerKvkkConsentGiven = "customer.kvkk_consent_given" => ConsentGiven,
    /// `customer.kvkk_consent_revoked`.
    CustomerKvkkConsentRevoked = "customer.kvkk_consent_revoked" => ConsentRevoked,
    /// `customer.etk_consent_given`: consent to commercial e-messages (ETK).
    CustomerEtkConsentGiven = "customer.etk_consent_given" => ConsentGiven,
    /// `customer.etk_consent_revoked`.
    CustomerEtkConsentRevoked = "customer.etk_consent_revoked" => ConsentRevoked,
    /// `vehicle.created`.
    VehicleCreated = "vehicle.created" => VehicleCreated,
    /// `vehicle.updated`.
    VehicleUpdated = "vehicle.updated" => VehicleUpdated,
    /// `property.created`.
    PropertyCreated = "property.created" => PropertyCreated,
    /// `property.updated`.
    PropertyUpdated = "property.updated" => PropertyUpdated,
    /// `case.created`.
    CaseCreated = "case.created" => CaseCreated,
    /// `case.state_changed`.
    CaseStateChanged = "case.state_changed" => CaseStateChanged,
}

/// `proposal_premium.purchased` and `PROPOSAL_PREMIUM_PURCHASED` both become
/// `PROPOSAL_PREMIUM_PURCHASED`.
fn normalized(id: &str) -> String {
    id.trim().replace('.', "_").to_ascii_uppercase()
}

impl EventType {
    /// The 17 event types InsurUp delivers to webhooks: every documented type except
    /// `proposal_premium.purchasing`, which InsurUp uses internally.
    pub fn deliverable() -> impl Iterator<Item = EventType> {
        Self::ALL
            .iter()
            .copied()
            .filter(|event_type| event_type.is_delivered())
    }

    /// False only for `proposal_premium.purchasing`, which is never sent to webhooks.
    pub fn is_delivered(self) -> bool {
        self != EventType::ProposalPremiumPurchasing
    }

    /// The event type a dotted id (`policy.created`) or a subscription name (`POLICY_CREATED`)
    /// names; `None` for ids this version does not know. InsurUp's documents use both spellings.
    pub fn from_id(id: &str) -> Option<Self> {
        let wanted = normalized(id);
        Self::ALL
            .iter()
            .copied()
            .find(|event_type| normalized(event_type.id()) == wanted)
    }

    /// The name to subscribe to this event with in [`crate::Webhooks::create`].
    pub fn subscription(self) -> WebhookEvent {
        WebhookEvent::from_wire(&normalized(self.id()))
    }
}

impl From<EventType> for WebhookEvent {
    fn from(event_type: EventType) -> Self {
        event_type.subscription()
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Event {
    /// The dotted event id, e.g. `policy.created`, also for unknown events.
    pub fn event_type(&self) -> &str {
        match self {
            Event::Unknown { event_type, .. } => event_type,
            known => known.known_type().map_or("", EventType::id),
        }
    }

    /// True for events this version of the SDK does not know.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Event::Unknown { .. })
    }

    /// Decodes a body that is already JSON. Prefer [`super::verify_and_parse`], which checks
    /// the signature over the raw bytes first.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`] when the body is not an object with a string `$event`, or when a
    /// known event's payload lacks the ids that event is about.
    pub fn from_json(body: Value) -> Result<Self> {
        let named = |key: &str| {
            body.get(key)
                .and_then(Value::as_str)
                .filter(|name| !name.trim().is_empty())
                .map(str::to_owned)
        };
        let (event_type, payload) = match (named(DISCRIMINATOR), named(ENVELOPE_EVENT)) {
            (Some(event_type), _) => (event_type, body),
            // The envelope of older documents: the payload is under `data`, or beside `event`.
            (None, Some(event_type)) => {
                let payload = match body.get(ENVELOPE_DATA) {
                    Some(Value::Object(data)) => Value::Object(data.clone()),
                    _ => body,
                };
                (event_type, payload)
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::Decode,
                    "webhook body is not a JSON object with a string `$event` naming its event",
                ));
            }
        };
        let Some(known) = EventType::from_id(&event_type) else {
            let mut payload = payload;
            if let Value::Object(fields) = &mut payload {
                fields
                    .entry(DISCRIMINATOR)
                    .or_insert_with(|| Value::String(event_type.clone()));
            }
            return Ok(Event::Unknown {
                event_type,
                payload,
            });
        };
        Event::decode_as(known, payload).map_err(|error| {
            Error::decode(
                format!("`{known}` webhook payload cannot be decoded: {error}"),
                error,
            )
        })
    }
}

/// Decodes a delivery's body into an [`Event`]. It does not check the signature: call
/// [`super::verify`] first, or use [`super::verify_and_parse`].
///
/// # Errors
///
/// [`ErrorKind::Decode`] when the body is not JSON, has no `$event`, or a known event lacks the
/// ids it is about. Unknown event types are not errors: they become [`Event::Unknown`].
pub fn parse(raw_body: &[u8]) -> Result<Event> {
    let body: Value = serde_json::from_slice(raw_body)
        .map_err(|error| Error::decode(format!("webhook body is not JSON: {error}"), error))?;
    Event::from_json(body)
}

/// Writes the event back in its wire shape, `$event` included.
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = self.payload_json().map_err(serde::ser::Error::custom)?;
        if let Value::Object(fields) = &mut body {
            fields.insert(
                DISCRIMINATOR.to_owned(),
                Value::String(self.event_type().to_owned()),
            );
        }
        body.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let body = Value::deserialize(deserializer)?;
        Event::from_json(body).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CaseMainState, Channel, CustomerType, Gender, PaymentOption, ProductBranch,
        PropertyOwnershipType, VehicleUtilizationStyle,
    };

    /// `(event id, body)` of `samples/<id>[.<variant>].json`.
    macro_rules! sample {
        ($id:literal) => {
            ($id, include_str!(concat!("samples/", $id, ".json")))
        };
        ($id:literal, $variant:literal) => {
            (
                $id,
                include_str!(concat!("samples/", $id, ".", $variant, ".json")),
            )
        };
    }

    /// Every documented event type with a sample body, plus a second `proposal_premium.received`
    /// for a company customer.
    const SAMPLES: &[(&str, &str)] = &[
        sample!("proposal_premium.received"),
        sample!("proposal_premium.received", "company"),
        sample!("proposal_premium.purchasing"),
        sample!("proposal_premium.purchased"),
        sample!("proposal_premium.purchase_failed"),
        sample!("policy.created"),
        sample!("policy.updated"),
        sample!("customer.created"),
        sample!("customer.updated"),
        sample!("customer.kvkk_consent_given"),
        sample!("customer.kvkk_consent_revoked"),
        sample!("customer.etk_consent_given"),
        sample!("customer.etk_consent_revoked"),
        sample!("vehicle.created"),
        sample!("vehicle.updated"),
        sample!("property.created"),
        sample!("property.updated"),
        sample!("case.created"),
        sample!("case.state_changed"),
    ];

    fn sample(name: &str) -> Event {
        let (_, body) = SAMPLES
            .iter()
            .find(|(id, _)| *id == name)
            .expect("a sample of that event");
        parse(body.as_bytes()).expect("the sample parses")
    }

    #[test]
    fn there_are_eighteen_event_types_each_with_a_subscription_name() {
        assert_eq!(EventType::ALL.len(), 18);
        assert_eq!(WebhookEvent::WIRE_VALUES.len(), 18);
        for event_type in EventType::ALL {
            let subscription = WebhookEvent::from(*event_type);
            assert!(!subscription.is_unknown(), "{event_type}");
            assert_eq!(EventType::from_id(subscription.as_str()), Some(*event_type));
            assert_eq!(EventType::from_id(event_type.id()), Some(*event_type));
        }
        assert_eq!(
            EventType::ProposalPremiumPurchased.subscription(),
            WebhookEvent::ProposalPremiumPurchased
        );
        assert_eq!(EventType::from_id("policy.deleted"), None);
    }

    #[test]
    fn every_documented_sample_parses_to_its_own_typed_event() {
        let mut covered = std::collections::HashSet::new();
        for (id, body) in SAMPLES {
            let event = parse(body.as_bytes()).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(!event.is_unknown(), "{id}");
            assert_eq!(event.event_type(), *id);
            assert_eq!(event.known_type().map(EventType::id), Some(*id));
            covered.insert(*id);
        }
        assert_eq!(
            covered.len(),
            EventType::ALL.len(),
            "a sample per event type"
        );
    }

    #[test]
    fn payload_fields_are_decoded_with_the_cores_types() {
        let Event::ProposalPremiumReceived(received) = sample("proposal_premium.received") else {
            panic!("premium received");
        };
        assert_eq!(received.proposal_id, "6650a1b2c3d4e5f601a2b3d0");
        assert_eq!(received.product_branch, Some(ProductBranch::Kasko));
        assert_eq!(received.premiums.len(), 2);
        assert!((received.premiums[1].gross_premium - 9200.0).abs() < f64::EPSILON);
        let insured = received.insured_customer.expect("insured customer");
        assert_eq!(insured.customer_type, Some(CustomerType::Individual));
        assert_eq!(
            insured.email.map(|e| e.value).as_deref(),
            Some("ahmet@example.com")
        );
        assert_eq!(insured.city.map(|c| c.text).as_deref(), Some("İSTANBUL"));

        let Event::PolicyCreated(policy) = sample("policy.created") else {
            panic!("policy created");
        };
        assert_eq!(policy.policy_id, "6650a1b2c3d4e5f601a2b3d2");
        assert_eq!(policy.payment_type, Some(PaymentOption::SyncCreditCard));
        assert_eq!(policy.channel, Some(Channel::Website));
        assert_eq!(policy.insurance_company.map(|c| c.id), Some(7));
        assert_eq!(
            policy.insurance_company_policy_no.as_deref(),
            Some("POL-2026-123456")
        );

        let Event::PolicyUpdated(updated) = sample("policy.updated") else {
            panic!("policy updated");
        };
        assert!(updated.is_cancel);
        assert!(updated.gross_premium.is_some_and(|gross| gross < 0.0));

        let Event::CustomerCreated(created) = sample("customer.created") else {
            panic!("customer created");
        };
        assert_eq!(
            created.customer.customer_id,
            "7d1c8f0e-2b4a-4f6e-9c3d-5a7b9e1f2c40"
        );
        assert_eq!(created.customer.gender, Some(Gender::Male));
        assert_eq!(created.creation_channel, Some(Channel::Website));

        let Event::CustomerUpdated(updated) = sample("customer.updated") else {
            panic!("customer updated");
        };
        assert_eq!(updated.customer.customer_type, Some(CustomerType::Company));
        assert_eq!(
            updated.updated_by.and_then(|by| by.user_type),
            Some(crate::model::UserType::Agent)
        );

        let Event::VehicleUpdated(vehicle) = sample("vehicle.updated") else {
            panic!("vehicle updated");
        };
        assert_eq!(
            vehicle.vehicle.utilization_style,
            Some(VehicleUtilizationStyle::Taxi)
        );

        let Event::PropertyUpdated(property) = sample("property.updated") else {
            panic!("property updated");
        };
        assert_eq!(
            property.property.ownership_type,
            Some(PropertyOwnershipType::Tenant)
        );
        assert_eq!(property.updated_by, None);

        let Event::CaseStateChanged(case) = sample("case.state_changed") else {
            panic!("case state changed");
        };
        assert_eq!(case.new_main_state, Some(CaseMainState::InProgress));
        assert_eq!(
            case.new_sub_state,
            Some(crate::model::CaseSubState::InProgressUnderAnalysis)
        );
    }

    #[test]
    fn the_two_consent_kinds_share_a_payload_but_stay_distinct_events() {
        let Event::CustomerKvkkConsentGiven(kvkk) = sample("customer.kvkk_consent_given") else {
            panic!("kvkk given");
        };
        let Event::CustomerEtkConsentGiven(etk) = sample("customer.etk_consent_given") else {
            panic!("etk given");
        };
        assert_eq!(kvkk.channel, Some(crate::model::ConsentChannel::Web));
        assert_eq!(kvkk.given_at, etk.given_at);
        let Event::CustomerEtkConsentRevoked(revoked) = sample("customer.etk_consent_revoked")
        else {
            panic!("etk revoked");
        };
        assert_eq!(
            revoked.revoked_at.as_deref(),
            Some("2026-03-10T16:00:00+03:00")
        );
    }

    #[test]
    fn an_unknown_event_is_kept_whole_rather_than_refused() {
        let body = include_str!("samples/unknown.json");
        let event = parse(body.as_bytes()).expect("unknown events are not errors");
        assert!(event.is_unknown());
        assert_eq!(event.event_type(), "policy.renewal_reminder");
        assert_eq!(event.known_type(), None);
        let Event::Unknown { payload, .. } = &event else {
            panic!("unknown");
        };
        assert_eq!(payload["daysLeft"], 30);
        assert_eq!(payload["$event"], "policy.renewal_reminder");
    }

    #[test]
    fn missing_optional_fields_and_unknown_fields_are_tolerated() {
        let body = br#"{"$event":"policy.created","policyId":"6650a1b2c3d4e5f601a2b3d2",
            "event":1000,"paymentType":"CreditCard","productBranch":"Dask","futureField":{"a":1}}"#;
        let Event::PolicyCreated(policy) = parse(body).expect("sparse policy") else {
            panic!("policy created");
        };
        assert_eq!(policy.insurance_company, None);
        assert!(!policy.from_policy_transfer);
        // Older documents spell enum values in PascalCase; they are kept, not refused.
        assert_eq!(
            policy.payment_type,
            Some(PaymentOption::Unknown("CreditCard".into()))
        );
        assert_eq!(policy.product_branch, Some(ProductBranch::Dask));
    }

    #[test]
    fn seventeen_event_types_are_delivered_and_purchasing_stays_internal() {
        let delivered: Vec<EventType> = EventType::deliverable().collect();
        assert_eq!(delivered.len(), 17);
        assert!(!delivered.contains(&EventType::ProposalPremiumPurchasing));
        assert!(!EventType::ProposalPremiumPurchasing.is_delivered());
        assert!(EventType::CaseStateChanged.is_delivered());
    }

    #[test]
    fn the_older_envelope_with_event_and_data_is_read_too() {
        let body = br#"{"event":"proposal_premium.purchased","data":{
            "proposalId":"6650a1b2c3d4e5f601a2b3d0","policyId":"6650a1b2c3d4e5f601a2b3d2"}}"#;
        let Event::ProposalPremiumPurchased(bought) = parse(body).expect("envelope") else {
            panic!("purchased");
        };
        assert_eq!(bought.policy_id, "6650a1b2c3d4e5f601a2b3d2");
        let flat = br#"{"event":"CUSTOMER_ETK_CONSENT_REVOKED",
            "customerId":"7d1c8f0e-2b4a-4f6e-9c3d-5a7b9e1f2c40","channel":"SMS"}"#;
        let Event::CustomerEtkConsentRevoked(revoked) = parse(flat).expect("flat") else {
            panic!("etk revoked");
        };
        assert_eq!(revoked.channel, Some(crate::model::ConsentChannel::Sms));
        let unknown = parse(br#"{"event":"proposal.product.archived","data":{"a":1}}"#)
            .expect("unknown envelope");
        assert_eq!(unknown.event_type(), "proposal.product.archived");
        let Event::Unknown { payload, .. } = unknown else {
            panic!("unknown");
        };
        assert_eq!(payload["$event"], "proposal.product.archived");
        assert_eq!(payload["a"], 1);
    }

    #[test]
    fn a_property_address_is_read_level_by_level_or_as_text() {
        let levels = r#"{"$event":"property.created","customerId":"c","propertyId":"p",
            "address":{"city":{"value":"34","text":"İSTANBUL"},
                       "district":{"value":"1823","text":"KADIKÖY"}}}"#;
        let Event::PropertyCreated(created) = parse(levels.as_bytes()).expect("levels") else {
            panic!("property created");
        };
        let address = created.property.address.expect("address");
        assert_eq!(address.city.map(|c| c.text).as_deref(), Some("İSTANBUL"));
        let text = r#"{"$event":"property.created","customerId":"c","propertyId":"p",
            "address":"Moda Cd. 1 Kadıköy"}"#;
        let Event::PropertyCreated(created) = parse(text.as_bytes()).expect("text") else {
            panic!("property created");
        };
        assert_eq!(
            created.property.address.and_then(|a| a.text).as_deref(),
            Some("Moda Cd. 1 Kadıköy")
        );
    }

    #[test]
    fn subscription_names_in_event_are_accepted_and_reported_in_dotted_form() {
        let body = br#"{"$event":"POLICY_CREATED","policyId":"6650a1b2c3d4e5f601a2b3d2"}"#;
        let event = parse(body).expect("upper snake");
        assert_eq!(event.known_type(), Some(EventType::PolicyCreated));
        assert_eq!(event.event_type(), "policy.created");
    }

    #[test]
    fn a_known_event_without_the_ids_it_is_about_is_a_decode_error() {
        let error =
            parse(br#"{"$event":"policy.created","proposalId":"x"}"#).expect_err("no policyId");
        assert_eq!(error.kind(), ErrorKind::Decode);
        assert!(error.message().contains("policy.created"), "{error}");
        assert!(error.message().contains("policyId"), "{error}");
    }

    #[test]
    fn bodies_that_are_not_events_are_decode_errors() {
        for body in [&b"not json"[..], b"[1,2]", b"{}", br#"{"$event":7}"#] {
            let error = parse(body).expect_err("not an event");
            assert_eq!(error.kind(), ErrorKind::Decode);
        }
    }

    #[test]
    fn events_serialise_back_to_their_wire_shape() {
        for (id, body) in SAMPLES {
            let event = parse(body.as_bytes()).expect("parses");
            let json = serde_json::to_value(&event).expect("serialises");
            assert_eq!(json["$event"], *id);
            let again: Event = serde_json::from_value(json).expect("deserialises");
            assert_eq!(again, event, "{id}");
        }
        let Event::ProposalPremiumReceived(received) = sample("proposal_premium.received") else {
            panic!("premium received");
        };
        let json = serde_json::to_value(&received).expect("serialises");
        assert_eq!(json["insuredCustomer"]["$type"], "individual");
    }
}
