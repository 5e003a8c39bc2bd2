//! A CRM's first week against the sandbox: a customer is onboarded with KVKK consent, buys kasko
//! for a car and DASK for a flat, the kasko policy is endorsed and then cancelled by its insurer
//! (the sandbox's test controls), and the CRM's webhook endpoint receives, verifies and decodes
//! every event this produces, each exactly once; against each dialect, by a client that finds it
//! out and by one told it.

use std::collections::BTreeMap;
use std::time::Duration;

use insurup::webhook::{self, DeliveryDeduplicator, Event, EventType};
use insurup::{
    Channel, Client, ConsentChannel, ConsentType, NewProperty, NewProposal, NewVehicle, NewWebhook,
    Payment, PolicyId, ProductBranch, Proposal, WaitOptions, WebhookEvent,
};
use serde_json::json;

use crate::support::receiver::{Delivery, Receiver};
use crate::support::*;

const SECRET: &str = "whsec-crm-week-0123456789";
const PATIENCE: Duration = Duration::from_secs(30);

/// Counts deliveries per event id.
fn tally(deliveries: &[Delivery]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for delivery in deliveries {
        *counts.entry(delivery.event.clone()).or_insert(0) += 1;
    }
    counts
}

/// Waits until the receiver holds at least `expected` of each event, then a moment longer so an
/// event sent in excess would show too.
async fn received_at_least(
    receiver: &Receiver,
    expected: &BTreeMap<String, usize>,
) -> Vec<Delivery> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let counts = tally(&receiver.received());
        if expected
            .iter()
            .all(|(event, n)| counts.get(event).copied().unwrap_or(0) >= *n)
        {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "expected {expected:?}, received {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    receiver.received()
}

/// Creates the proposal, waits for the insurers and buys the cheapest cash offer.
async fn quote_and_buy(client: &Client, proposal: NewProposal) -> (Proposal, PolicyId) {
    let created = client.proposals().create(proposal).await.expect("proposal");
    let priced = client
        .proposals()
        .wait(&created.id, WaitOptions::with_timeout(PATIENCE))
        .await
        .expect("the insurers answer");
    let best = priced.cheapest_product(1).expect("a priced product");
    let bought = client
        .purchase()
        .sync(&priced.id, &best.id, Payment::credit_card(card(), 1))
        .await
        .expect("bought");
    (priced, bought.policy_id)
}

fn priced_products(proposal: &Proposal) -> usize {
    proposal
        .products
        .iter()
        .filter(|p| !p.premiums.is_empty())
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crm_week_onboards_sells_kasko_and_dask_endorses_and_cancels_and_hears_every_event() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let receiver = Receiver::start().await;
        let hook = client
            .webhooks()
            .create(NewWebhook::new(
                &receiver.url,
                EventType::deliverable()
                    .map(EventType::subscription)
                    .collect(),
                SECRET,
            ))
            .await
            .expect("the CRM's webhook");

        // Monday: the customer, with KVKK consent given on the website.
        let customer = customer_with_contacts(&client, 601).await;
        client
            .customers()
            .give_consent(&customer.id, ConsentType::Kvkk, ConsentChannel::Web)
            .await
            .expect("consent");

        // Tuesday: kasko for the car, worked as a sale opportunity.
        let vehicle = client
            .vehicles()
            .create(
                &customer.id,
                NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
            )
            .await
            .expect("vehicle");
        client
            .cases()
            .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::CallCenter)
            .await
            .expect("kasko case");
        let (kasko, kasko_policy) =
            quote_and_buy(&client, NewProposal::kasko(&customer.id, &vehicle.id)).await;

        // Wednesday: DASK for the flat.
        let uavt = first_uavt_number(&client).await;
        let flat = client
            .properties()
            .create(&customer.id, NewProperty::new(uavt, 95, 2012))
            .await
            .expect("property");
        client
            .cases()
            .ensure_sale_opportunity(&customer.id, ProductBranch::Dask, Channel::CallCenter)
            .await
            .expect("DASK case");
        let (dask, dask_policy) =
            quote_and_buy(&client, NewProposal::dask(&customer.id, &flat.id)).await;

        // Thursday and Friday: the insurer endorses the kasko policy, then cancels it.
        let controls = format!("policies/{kasko_policy}");
        sandbox
            .control(
                &format!("{controls}/endorse"),
                json!({ "netPremium": 250.0 }),
            )
            .await;
        sandbox
            .control(&format!("{controls}/cancel"), json!({}))
            .await;
        let cancelled = client.policies().get(&kasko_policy).await.expect("policy");
        assert_eq!(cancelled.state, insurup::PolicyState::Cancelled);
        assert_eq!(
            client.dialect(),
            sandbox.sdk_dialect(),
            "the client speaks the server's dialect"
        );

        let expected: BTreeMap<String, usize> = [
            ("customer.created", 1),
            ("customer.kvkk_consent_given", 1),
            ("vehicle.created", 1),
            ("property.created", 1),
            ("case.created", 2),
            (
                "proposal_premium.received",
                priced_products(&kasko) + priced_products(&dask),
            ),
            ("proposal_premium.purchased", 2),
            ("policy.created", 2),
            ("case.state_changed", 2),
            ("policy.updated", 2),
        ]
        .into_iter()
        .map(|(event, n)| (event.to_owned(), n))
        .collect();
        let deliveries = received_at_least(&receiver, &expected).await;
        assert_eq!(
            tally(&deliveries),
            expected,
            "every event once, nothing else"
        );

        let seen = DeliveryDeduplicator::default();
        let mut updates = Vec::new();
        for delivery in &deliveries {
            assert!(
                seen.first_time(&delivery.delivery_id),
                "one delivery id each"
            );
            let event =
                webhook::verify_and_parse(SECRET, &delivery.body, delivery.signature.as_deref())
                    .unwrap_or_else(|e| panic!("{}: {e}", delivery.event));
            assert!(!event.is_unknown(), "{}", delivery.event);
            assert_eq!(event.event_type(), delivery.event, "header and body agree");
            match event {
                Event::CustomerCreated(c) => assert_eq!(c.customer.customer_id, customer.id),
                Event::CustomerKvkkConsentGiven(c) => {
                    assert_eq!(c.customer_id, customer.id);
                    assert_eq!(c.channel, Some(ConsentChannel::Web));
                }
                Event::ProposalPremiumReceived(p) => {
                    assert!(p.proposal_id == kasko.id || p.proposal_id == dask.id);
                    assert!(!p.premiums.is_empty());
                }
                Event::ProposalPremiumPurchased(p) => {
                    assert!(p.policy_id == kasko_policy || p.policy_id == dask_policy);
                }
                Event::PolicyCreated(p) => {
                    assert!(p.policy_id == kasko_policy || p.policy_id == dask_policy);
                    assert_eq!(p.insured_customer_id.as_ref(), Some(&customer.id));
                }
                Event::PolicyUpdated(p) => {
                    assert_eq!(p.policy_id, kasko_policy);
                    updates.push(p);
                }
                Event::CaseCreated(c) => assert_eq!(c.customer_id.as_ref(), Some(&customer.id)),
                Event::CaseStateChanged(c) => {
                    assert_eq!(c.customer_id.as_ref(), Some(&customer.id));
                }
                Event::VehicleCreated(v) => assert_eq!(v.vehicle.vehicle_id, vehicle.id),
                Event::PropertyCreated(p) => assert_eq!(p.property.property_id, flat.id),
                other => panic!("unexpected {other:?}"),
            }
        }
        updates.sort_by_key(|u| u.endorsement_number);
        let [endorsed, cancel] = updates.as_slice() else {
            panic!("two policy updates: {updates:?}");
        };
        assert!(!endorsed.is_cancel);
        assert_eq!(endorsed.net_premium, Some(250.0));
        assert!(cancel.is_cancel);
        assert!(cancel.gross_premium.is_some_and(|g| g < 0.0), "a refund");

        // The weekend: the CRM narrows its webhook to policy events, then removes it. The events
        // are spelt as the server spells them (DIALECTS.md row 15) and read back in either.
        let narrowed = client
            .webhooks()
            .update(
                &hook.id,
                NewWebhook::new(
                    &receiver.url,
                    vec![WebhookEvent::PolicyCreated, WebhookEvent::PolicyUpdated],
                    SECRET,
                ),
            )
            .await
            .expect("narrowed");
        assert_eq!(
            narrowed.events,
            [WebhookEvent::PolicyCreated, WebhookEvent::PolicyUpdated]
        );
        let listed = client.webhooks().list().await.expect("webhooks");
        assert_eq!(listed, [narrowed]);
        client.webhooks().delete(&hook.id).await.expect("removed");
        assert!(client.webhooks().list().await.expect("webhooks").is_empty());
    })
    .await;
}
