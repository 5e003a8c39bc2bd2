//! Webhooks end to end: the sandbox signs and POSTs real deliveries to a receiver on loopback,
//! and the core verifies, decodes and de-duplicates them; subscriptions are managed through the
//! SDK.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use insurup::Card;
use insurup::webhook::{self, DeliveryDeduplicator, Event, EventType};
use insurup::{
    CaseMainState, CaseSubState, Channel, Client, ConsentChannel, ConsentType, ErrorKind,
    NewCustomer, NewProperty, NewProposal, NewVehicle, NewWebhook, Payment, PaymentOption,
    ProductBranch, WaitOptions, Webhook, WebhookDelivery, WebhookDeliveryId, WebhookEvent,
};
use support::*;
use tokio::sync::watch;

const SECRET: &str = "whsec-e2e-0123456789abcdef";
/// How long a test waits for something the sandbox does in the background before giving up.
const PATIENCE: Duration = Duration::from_secs(30);

/// One request the receiver got, exactly as it arrived.
#[derive(Debug, Clone)]
struct Delivery {
    event: String,
    webhook_id: String,
    delivery_id: String,
    signature: Option<String>,
    body: Bytes,
    answered: u16,
}

/// A webhook endpoint on loopback that records every request and answers 500 to the first
/// `failures` of them. Recording happens before any check, so tests can assert on what a real
/// receiver would have to verify.
struct Receiver {
    url: String,
    deliveries: watch::Receiver<Vec<Delivery>>,
    server: tokio::task::JoinHandle<()>,
}

#[derive(Clone)]
struct Recorder {
    failures_left: Arc<AtomicU32>,
    log: Arc<watch::Sender<Vec<Delivery>>>,
}

async fn record(State(recorder): State<Recorder>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let fail = recorder
        .failures_left
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
            left.checked_sub(1)
        })
        .is_ok();
    let status = if fail {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::OK
    };
    recorder.log.send_modify(|log| {
        log.push(Delivery {
            event: header(webhook::EVENT_HEADER).unwrap_or_default(),
            webhook_id: header(webhook::WEBHOOK_ID_HEADER).unwrap_or_default(),
            delivery_id: header(webhook::DELIVERY_HEADER).unwrap_or_default(),
            signature: header(webhook::SIGNATURE_HEADER),
            body,
            answered: status.as_u16(),
        });
    });
    status
}

impl Receiver {
    async fn start() -> Self {
        Self::failing_first(0).await
    }

    async fn failing_first(failures: u32) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let address = listener.local_addr().expect("bound address");
        let (log, deliveries) = watch::channel(Vec::new());
        let recorder = Recorder {
            failures_left: Arc::new(AtomicU32::new(failures)),
            log: Arc::new(log),
        };
        let app = axum::Router::new()
            .route("/insurup/webhooks", axum::routing::post(record))
            .with_state(recorder);
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver {
            url: format!("http://{address}/insurup/webhooks"),
            deliveries,
            server,
        }
    }

    /// Waits until the deliveries received so far satisfy `done`, and returns them.
    async fn wait_until(&self, what: &str, done: impl Fn(&[Delivery]) -> bool) -> Vec<Delivery> {
        let mut deliveries = self.deliveries.clone();
        let waited =
            tokio::time::timeout(PATIENCE, deliveries.wait_for(|log| done(log.as_slice()))).await;
        match waited {
            Ok(Ok(log)) => log.clone(),
            _ => {
                let seen: Vec<String> = self
                    .deliveries
                    .borrow()
                    .iter()
                    .map(|d| format!("{} ({})", d.event, d.answered))
                    .collect();
                panic!("never received {what}; received {seen:?}")
            }
        }
    }

    async fn wait_for_count(&self, count: usize) -> Vec<Delivery> {
        self.wait_until(&format!("{count} deliveries"), |log| log.len() >= count)
            .await
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.abort();
    }
}

fn has(deliveries: &[Delivery], event: &str) -> bool {
    deliveries.iter().any(|d| d.event == event)
}

async fn subscribe(client: &Client, url: &str, events: Vec<WebhookEvent>) -> Webhook {
    client
        .webhooks()
        .create(NewWebhook::new(url, events, SECRET))
        .await
        .expect("webhook registered")
}

async fn create_customer(client: &Client, n: u32) {
    client
        .customers()
        .create(NewCustomer::individual(tckn(n)).with_birth_date("1990-01-01"))
        .await
        .expect("customer created");
}

/// The sandbox records a delivery's outcome after the receiver answers; wait for the record.
async fn settled(client: &Client, webhook: &Webhook, delivery_id: &str) -> WebhookDelivery {
    let id = WebhookDeliveryId::new(delivery_id);
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let delivery = client
            .webhooks()
            .delivery(&webhook.id, &id)
            .await
            .expect("delivery readable");
        if delivery.is_success || tokio::time::Instant::now() > deadline {
            return delivery;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn buying_a_policy_delivers_signed_purchased_and_policy_created_events() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let receiver = Receiver::start().await;
    let webhook = subscribe(
        &client,
        &receiver.url,
        vec![
            WebhookEvent::ProposalPremiumPurchased,
            WebhookEvent::PolicyCreated,
        ],
    )
    .await;

    let quoted = quote(&client, &tckn(71)).await;
    let best = quoted
        .proposal
        .cheapest_product(1)
        .expect("a priced product");
    let bought = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("bought");

    let deliveries = receiver
        .wait_until("purchased and policy.created", |log| {
            has(log, "proposal_premium.purchased") && has(log, "policy.created")
        })
        .await;
    assert_eq!(
        deliveries.len(),
        2,
        "customer, vehicle and case events are not subscribed"
    );
    assert_ne!(deliveries[0].delivery_id, deliveries[1].delivery_id);
    for delivery in &deliveries {
        webhook::verify(SECRET, &delivery.body, delivery.signature.as_deref())
            .expect("signed with the webhook's secret");
        assert_eq!(delivery.webhook_id, webhook.id.as_str());
        let event = webhook::parse(&delivery.body).expect("a known event");
        assert_eq!(event.event_type(), delivery.event, "header and body agree");
        match event {
            Event::ProposalPremiumPurchased(purchased) => {
                assert_eq!(purchased.policy_id, bought.policy_id);
                assert_eq!(purchased.proposal_id, quoted.proposal.id);
                assert_eq!(purchased.installment_number, Some(1));
                assert_eq!(purchased.payment_type, Some(PaymentOption::SyncCreditCard));
                assert!(purchased.policy_start_date.is_some());
            }
            Event::PolicyCreated(policy) => {
                assert_eq!(policy.policy_id, bought.policy_id);
                assert_eq!(policy.proposal_id.as_ref(), Some(&quoted.proposal.id));
                let issued = client
                    .policies()
                    .get(&bought.policy_id)
                    .await
                    .expect("the policy");
                assert_eq!(policy.insurance_company_policy_no, issued.policy_number);
                assert_eq!(
                    policy.insured_customer_id.as_ref(),
                    Some(&quoted.customer.id)
                );
                let company = policy.insurance_company.expect("the insurer");
                assert_eq!(company.id, best.insurance_company_id);
                let cash = best.premium(1).expect("cash premium");
                assert_eq!(policy.gross_premium, Some(cash.gross_premium));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    let record = settled(&client, &webhook, &deliveries[1].delivery_id).await;
    assert!(record.is_success);
    assert_eq!(record.response_status_code, Some(200));
    assert_eq!(record.event.as_deref(), Some(deliveries[1].event.as_str()));
    let webhook = client.webhooks().get(&webhook.id).await.expect("webhook");
    assert_eq!(webhook.delivery_count, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tampered_body_a_wrong_secret_or_an_unsigned_delivery_is_rejected() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let signed = Receiver::start().await;
    let unsigned = Receiver::start().await;
    subscribe(&client, &signed.url, vec![WebhookEvent::CustomerCreated]).await;
    client
        .webhooks()
        .create(NewWebhook {
            secret: None,
            ..NewWebhook::new(&unsigned.url, vec![WebhookEvent::CustomerCreated], SECRET)
        })
        .await
        .expect("a webhook without a secret");
    create_customer(&client, 72).await;

    let delivery = signed.wait_for_count(1).await.remove(0);
    let signature = delivery.signature.as_deref();
    webhook::verify(SECRET, &delivery.body, signature).expect("genuine");

    let error = webhook::verify("whsec-someone-else-0123", &delivery.body, signature)
        .expect_err("another secret");
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(error.field(), Some(webhook::SIGNATURE_HEADER));

    let text = String::from_utf8(delivery.body.to_vec()).expect("utf-8 body");
    let tampered = text.replace(&tckn(72), &tckn(73));
    assert_ne!(tampered, text, "the body names the customer's TCKN");
    assert!(webhook::verify(SECRET, tampered.as_bytes(), signature).is_err());

    let value: serde_json::Value = serde_json::from_slice(&delivery.body).expect("json");
    let reserialised = serde_json::to_vec_pretty(&value).expect("json");
    let error = webhook::verify_and_parse(SECRET, &reserialised, signature)
        .expect_err("same JSON, other bytes");
    assert!(error.message().contains("raw request body"), "{error}");

    let unsigned_delivery = unsigned.wait_for_count(1).await.remove(0);
    assert_eq!(unsigned_delivery.signature, None);
    let error = webhook::verify(SECRET, &unsigned_delivery.body, None).expect_err("unsigned");
    assert!(error.message().contains("missing"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_receiver_that_fails_twice_gets_the_third_attempt_of_the_same_delivery() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let receiver = Receiver::failing_first(2).await;
    let webhook = subscribe(&client, &receiver.url, vec![WebhookEvent::CustomerCreated]).await;
    create_customer(&client, 74).await;

    let attempts = receiver.wait_for_count(3).await;
    let answers: Vec<u16> = attempts.iter().map(|a| a.answered).collect();
    assert_eq!(answers, [500, 500, 200]);
    let first = &attempts[0];
    for attempt in &attempts {
        assert_eq!(
            attempt.delivery_id, first.delivery_id,
            "one delivery, retried"
        );
        assert_eq!(attempt.body, first.body);
        webhook::verify(SECRET, &attempt.body, attempt.signature.as_deref()).expect("signed");
    }
    let seen = DeliveryDeduplicator::default();
    let handled = attempts
        .iter()
        .filter(|attempt| seen.first_time_with_body(&attempt.delivery_id, &attempt.body))
        .count();
    assert_eq!(handled, 1, "the de-duplicator lets one copy through");

    let record = settled(&client, &webhook, &first.delivery_id).await;
    assert!(record.is_success, "the third attempt succeeded: {record:?}");
    assert_eq!(record.response_status_code, Some(200));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_redelivery_repeats_the_delivery_id_and_body_and_is_recognised_as_a_repeat() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let receiver = Receiver::start().await;
    let webhook = subscribe(&client, &receiver.url, vec![WebhookEvent::CustomerCreated]).await;
    create_customer(&client, 75).await;
    let original = receiver.wait_for_count(1).await.remove(0);
    let seen = DeliveryDeduplicator::default();
    assert!(seen.first_time_with_body(&original.delivery_id, &original.body));

    client
        .webhooks()
        .redeliver(
            &webhook.id,
            &WebhookDeliveryId::new(original.delivery_id.as_str()),
        )
        .await
        .expect("redelivery accepted");

    let again = receiver.wait_for_count(2).await.remove(1);
    assert_eq!(again.delivery_id, original.delivery_id);
    assert_eq!(again.body, original.body);
    let event = webhook::verify_and_parse(SECRET, &again.body, again.signature.as_deref())
        .expect("still signed");
    assert!(matches!(event, Event::CustomerCreated(_)));
    assert!(!seen.first_time_with_body(&again.delivery_id, &again.body));
    assert!(
        !seen.first_time_with_body("a-forged-delivery-id", &again.body),
        "the same signed body under another delivery id is a replay"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn subscriptions_are_created_listed_read_updated_and_deleted() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let first = Receiver::start().await;
    let second = Receiver::start().await;

    let created = subscribe(&client, &first.url, vec![WebhookEvent::PolicyCreated]).await;
    assert_eq!(created.url, first.url);
    assert_eq!(created.events, [WebhookEvent::PolicyCreated]);
    assert!(created.agent_branch_ids.is_empty());
    assert_eq!(created.delivery_count, 0);
    let listed = client.webhooks().list().await.expect("list");
    assert_eq!(listed, std::slice::from_ref(&created));
    assert_eq!(
        client.webhooks().get(&created.id).await.expect("get"),
        created
    );

    let rotated_secret = "whsec-rotated-0123456789";
    let updated = client
        .webhooks()
        .update(
            &created.id,
            NewWebhook::new(
                &second.url,
                vec![WebhookEvent::CustomerCreated, WebhookEvent::CustomerUpdated],
                rotated_secret,
            ),
        )
        .await
        .expect("updated");
    assert_eq!(updated.id, created.id);
    assert_eq!(updated.url, second.url);
    assert_eq!(
        updated.events,
        [WebhookEvent::CustomerCreated, WebhookEvent::CustomerUpdated],
        "the event list is replaced, not merged"
    );

    create_customer(&client, 76).await;
    let delivery = second.wait_for_count(1).await.remove(0);
    assert_eq!(delivery.event, "customer.created");
    let signature = delivery.signature.as_deref();
    webhook::verify(rotated_secret, &delivery.body, signature).expect("signed with the new secret");
    assert!(webhook::verify(SECRET, &delivery.body, signature).is_err());

    client
        .webhooks()
        .delete(&created.id)
        .await
        .expect("deleted");
    let error = client.webhooks().get(&created.id).await.expect_err("gone");
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert!(client.webhooks().list().await.expect("list").is_empty());
    let error = client
        .webhooks()
        .delete(&created.id)
        .await
        .expect_err("already gone");
    assert_eq!(error.kind(), ErrorKind::NotFound);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_subscriptions_are_refused_locally_naming_the_field() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let cases = [
        (
            NewWebhook::new(
                "http://crm.example.com/hooks",
                vec![WebhookEvent::PolicyCreated],
                SECRET,
            ),
            "url",
        ),
        (
            NewWebhook::new("https://crm.example.com/hooks", Vec::new(), SECRET),
            "events",
        ),
        (
            NewWebhook::new(
                "https://crm.example.com/hooks",
                vec![WebhookEvent::PolicyCreated],
                "short",
            ),
            "secret",
        ),
    ];
    for (webhook, field) in cases {
        let error = client.webhooks().create(webhook).await.expect_err(field);
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert_eq!(error.field(), Some(field));
    }
    assert_eq!(sandbox.requests("POST /api/webhooks").await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn each_of_the_seventeen_deliverable_events_arrives_signed_and_decodes_to_its_type() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let receiver = Receiver::start().await;
    let deliverable: Vec<EventType> = EventType::deliverable().collect();
    assert_eq!(deliverable.len(), 17);
    subscribe(
        &client,
        &receiver.url,
        deliverable.iter().map(|e| e.subscription()).collect(),
    )
    .await;

    // The customer's record: created, updated, both consents given and revoked.
    let customer = customer_with_contacts(&client, 77).await;
    client
        .customers()
        .update(
            &customer.id,
            NewCustomer::individual(tckn(77))
                .with_birth_date("1990-01-01")
                .with_email("yeni77@example.com"),
        )
        .await
        .expect("customer updated");
    let contacts = client.customers();
    for consent in [ConsentType::Kvkk, ConsentType::Etk] {
        contacts
            .give_consent(&customer.id, consent.clone(), ConsentChannel::Web)
            .await
            .expect("consent given");
        contacts
            .revoke_consent(&customer.id, consent)
            .await
            .expect("consent revoked");
    }

    // Its assets: a vehicle and a property, each created and updated.
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle");
    client
        .vehicles()
        .update(
            &customer.id,
            &vehicle.id,
            NewVehicle::new("34XYZ77").with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle updated");
    let uavt = first_uavt_number(&client).await;
    let property = client
        .properties()
        .create(&customer.id, NewProperty::new(uavt, 110, 2005))
        .await
        .expect("property");
    client
        .properties()
        .update(
            &customer.id,
            &property.id,
            NewProperty::new(uavt, 120, 2005),
        )
        .await
        .expect("property updated");

    // A case that moves on.
    let case = client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
        .await
        .expect("case");
    let case_ref = case.case_ref.clone().unwrap_or_else(|| case.id.to_string());
    client
        .cases()
        .set_state(
            &case_ref,
            CaseMainState::InProgress,
            CaseSubState::InProgressUnderAnalysis,
            None,
        )
        .await
        .expect("state changed");

    // Prices arrive, a declined card fails, a good one buys, an endorsement updates the policy.
    let created = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    let proposal = client
        .proposals()
        .wait(&created.id, WaitOptions::with_timeout(PATIENCE))
        .await
        .expect("priced");
    let best = proposal.cheapest_product(1).expect("a priced product");
    let declined = Card::new(DECLINED_CARD, "123", "12", "2030", "AHMET YILMAZ").expect("card");
    let refused = client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(declined, 1))
        .await
        .expect_err("the card is declined");
    assert_eq!(refused.kind(), ErrorKind::Unprocessable);
    let bought = client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(card(), 1))
        .await
        .expect("bought");
    sandbox
        .control(
            &format!("policies/{}/endorse", bought.policy_id),
            serde_json::json!({}),
        )
        .await;

    let deliveries = receiver
        .wait_until("every deliverable event", |log| {
            deliverable.iter().all(|e| has(log, e.id()))
        })
        .await;
    for event_type in &deliverable {
        let delivery = deliveries
            .iter()
            .find(|d| d.event == event_type.id())
            .expect("seen");
        webhook::verify(SECRET, &delivery.body, delivery.signature.as_deref())
            .unwrap_or_else(|e| panic!("{event_type} is signed with the secret: {e}"));
        let event = webhook::parse(&delivery.body).expect("decodes");
        assert_eq!(event.known_type(), Some(*event_type), "{event:?}");
        let customer_id = &customer.id;
        match &event {
            Event::ProposalPremiumReceived(p) => {
                assert_eq!(p.proposal_id, proposal.id);
                assert!(!p.premiums.is_empty(), "premiums are carried");
                assert!(p.insured_customer.is_some());
            }
            Event::ProposalPremiumPurchaseFailed(p) => {
                assert_eq!(p.proposal_id, proposal.id);
                assert!(p.failure_reason.is_some());
            }
            Event::ProposalPremiumPurchased(p) => assert_eq!(p.policy_id, bought.policy_id),
            Event::PolicyCreated(p) => assert_eq!(p.policy_id, bought.policy_id),
            Event::PolicyUpdated(p) => {
                assert_eq!(p.policy_id, bought.policy_id);
                assert!(!p.is_cancel);
                assert_eq!(p.endorsement_number, Some(1));
            }
            Event::CustomerCreated(c) => assert_eq!(&c.customer.customer_id, customer_id),
            Event::CustomerUpdated(c) => assert_eq!(&c.customer.customer_id, customer_id),
            Event::CustomerKvkkConsentGiven(c) | Event::CustomerEtkConsentGiven(c) => {
                assert_eq!(&c.customer_id, customer_id);
                assert_eq!(c.channel, Some(ConsentChannel::Web));
            }
            Event::CustomerKvkkConsentRevoked(c) | Event::CustomerEtkConsentRevoked(c) => {
                assert_eq!(&c.customer_id, customer_id);
            }
            Event::VehicleCreated(v) => assert_eq!(v.vehicle.vehicle_id, vehicle.id),
            Event::VehicleUpdated(v) => assert_eq!(v.vehicle.vehicle_id, vehicle.id),
            Event::PropertyCreated(p) => assert_eq!(p.property.property_id, property.id),
            Event::PropertyUpdated(p) => assert_eq!(p.property.property_id, property.id),
            Event::CaseCreated(c) => assert_eq!(c.customer_id.as_ref(), Some(customer_id)),
            Event::CaseStateChanged(c) => assert_eq!(c.customer_id.as_ref(), Some(customer_id)),
            other => panic!("not a deliverable event: {other:?}"),
        }
    }
    assert!(
        !has(&deliveries, EventType::ProposalPremiumPurchasing.id()),
        "purchasing is internal to InsurUp"
    );
}
