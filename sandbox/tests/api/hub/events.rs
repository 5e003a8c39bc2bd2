//! Events: insurers answer on the sandbox's clock and each answer reaches the proposal's watchers;
//! purchases and retries are announced; what an event says, a REST read says too.

use std::collections::BTreeMap;

use insurup_sandbox::SandboxConfig;
use serde_json::{Value, json};

use super::client::HubClient;
use crate::common::*;

/// Real latencies (0.2–4 s nominal), so every product answers after the watcher registered.
fn real_latency() -> SandboxConfig {
    SandboxConfig {
        latency_scale: 1.0,
        ..SandboxConfig::for_tests()
    }
}

fn products_by_id(proposal: &Value) -> BTreeMap<String, Value> {
    proposal["products"]
        .as_array()
        .expect("products")
        .iter()
        .map(|p| (p["id"].as_str().expect("id").to_owned(), p.clone()))
        .collect()
}

/// The members every product event shares, as the REST product shows them.
fn assert_describes(event: &Value, proposal: &str, product: &Value) {
    assert_eq!(event["proposalId"], proposal, "{event}");
    assert_eq!(event["proposalProductId"], product["id"], "{event}");
    for member in [
        "productId",
        "productName",
        "productType",
        "insuranceCompanyId",
        "insuranceCompanyName",
        "insuranceCompanyLogo",
        "supportedPaymentOptions",
    ] {
        assert_eq!(event[member], product[member], "{member} in {event}");
    }
}

/// A new kasko proposal and a connection that registered for it right after its creation,
/// before any insurer could answer (the connection is opened first).
async fn watched_from_the_start(api: &Api) -> (HubClient, String) {
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let mut client = HubClient::connect(api).await;
    let proposal = api.create_proposal(&customer, &vehicle).await;
    client.register(&proposal).await;
    (client, proposal)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_insurer_answer_is_pushed_as_it_happens_and_a_later_read_agrees() {
    let api = Api::start_with(real_latency()).await;
    let (mut client, proposal) = watched_from_the_start(&api).await;
    let first_look = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body;
    let waiting = products_by_id(&first_look);
    assert!(
        waiting.values().any(|p| p["state"] == "WAITING"),
        "{first_look}"
    );

    let mut answers: BTreeMap<String, (String, Value)> = BTreeMap::new();
    while answers.len() < waiting.len() {
        let (target, event) = client.next_event().await;
        let id = event["proposalProductId"]
            .as_str()
            .expect("product id")
            .to_owned();
        assert!(
            waiting.contains_key(&id),
            "a product of this proposal: {event}"
        );
        assert!(
            matches!(
                target.as_str(),
                "ReceiveProposalProductSuccess" | "ReceiveProposalProductFailed"
            ),
            "{target}"
        );
        let earlier = answers.insert(id, (target, event));
        assert!(earlier.is_none(), "each product answers once");
    }
    // Nobody read the proposal while the insurers answered: their clock did it.
    let stats = api.stats().await;
    assert_eq!(stats["requests"]["GET /api/proposals/{id}"], 1, "{stats}");

    let settled = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body;
    assert_ne!(settled["state"], "WAITING");
    for (id, product) in products_by_id(&settled) {
        let (target, event) = &answers[&id];
        assert_describes(event, &proposal, &product);
        if target == "ReceiveProposalProductSuccess" {
            assert_eq!(product["state"], "ACTIVE");
            let premiums = event["premiums"].as_array().expect("premiums");
            assert_eq!(
                premiums.len(),
                product["premiums"].as_array().map_or(0, Vec::len)
            );
            for (pushed, read) in premiums
                .iter()
                .zip(product["premiums"].as_array().into_iter().flatten())
            {
                for member in [
                    "installmentNumber",
                    "netPremium",
                    "grossPremium",
                    "commission",
                    "currency",
                    "exchangeRate",
                    "insuranceCompanyProposalNumber",
                ] {
                    assert_eq!(pushed[member], read[member], "{member}");
                }
                assert!(pushed["insurancePremiumReference"].is_string(), "{pushed}");
            }
            assert_eq!(
                event["hasUndamagedDiscount"],
                product["hasUndamagedDiscount"]
            );
        } else {
            assert_eq!(product["state"], "FAILED");
            assert_eq!(event["errorMessage"], product["errorMessage"]);
            assert!(event.get("premiums").is_none(), "{event}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_right_after_an_event_already_shows_its_state() {
    let api = Api::start_with(SandboxConfig {
        latency_scale: 0.5,
        ..SandboxConfig::for_tests()
    })
    .await;
    let (mut client, proposal) = watched_from_the_start(&api).await;
    let count = products_by_id(
        &api.get(&format!("/api/proposals/{proposal}"))
            .await
            .expect(200)
            .body,
    )
    .len();
    for _ in 0..count {
        let (target, event) = client.next_event().await;
        let product = event["proposalProductId"].as_str().expect("id");
        let read = api
            .get(&format!("/api/proposals/{proposal}/products/{product}"))
            .await
            .expect(200)
            .body;
        let expected = if target == "ReceiveProposalProductSuccess" {
            "ACTIVE"
        } else {
            "FAILED"
        };
        assert_eq!(read["state"], expected, "{target}: {read}");
    }
}

#[tokio::test]
async fn a_purchase_is_announced_as_purchasing_then_purchased_with_the_policy() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let mut client = HubClient::watching(&api, &proposal).await;
    let product_id = product["id"].as_str().expect("id");
    let bought = api
        .purchase(&proposal, product_id, "4242424242424242", 1)
        .await
        .expect(200);

    let (target, purchasing) = client.next_event().await;
    assert_eq!(target, "ReceiveProposalProductPurchasing");
    assert_describes(&purchasing, &proposal, &product);
    let (target, purchased) = client.next_event().await;
    assert_eq!(target, "ReceiveProposalProductPurchased");
    assert_describes(&purchased, &proposal, &product);
    assert_eq!(purchased["policyId"], bought.body["policyId"]);
    let read = api
        .get(&format!("/api/proposals/{proposal}/products/{product_id}"))
        .await
        .expect(200)
        .body;
    assert_eq!(read["state"], "PURCHASED");
    assert_eq!(read["policyId"], purchased["policyId"]);
}

#[tokio::test]
async fn a_declined_card_is_announced_as_purchasing_then_purchase_failed_with_the_reason() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let mut client = HubClient::watching(&api, &proposal).await;
    let product_id = product["id"].as_str().expect("id");
    api.purchase(&proposal, product_id, "4000000000000002", 1)
        .await
        .expect_problem(422, "PAYMENT_DECLINED");

    assert_eq!(
        client.next_event().await.0,
        "ReceiveProposalProductPurchasing"
    );
    let (target, failed) = client.next_event().await;
    assert_eq!(target, "ReceiveProposalProductPurchaseFailed");
    assert_describes(&failed, &proposal, &product);
    assert_eq!(
        failed["errorMessage"],
        "Kart bankanız tarafından reddedildi."
    );
    let read = api
        .get(&format!("/api/proposals/{proposal}/products/{product_id}"))
        .await
        .expect(200)
        .body;
    assert_eq!(read["state"], "PURCHASE_FAILED");
}

/// A resolved proposal with at least one FAILED product (outcomes depend on the proposal id, so
/// a few proposals may be needed).
async fn proposal_with_a_failed_product(api: &Api) -> (String, Value) {
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    for _ in 0..20 {
        let proposal = api.create_proposal(&customer, &vehicle).await;
        let body = api.wait_for_proposal(&proposal).await;
        if let Some(failed) = body["products"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["state"] == "FAILED")
        {
            return (proposal, failed.clone());
        }
    }
    panic!("no insurer refused in twenty proposals");
}

#[tokio::test]
async fn a_retried_product_is_announced_in_progress_then_with_its_new_answer() {
    let api = Api::start().await;
    let (proposal, failed) = proposal_with_a_failed_product(&api).await;
    let product_id = failed["id"].as_str().expect("id");
    let mut client = HubClient::watching(&api, &proposal).await;
    api.post(
        &format!("/api/proposals/{proposal}/products/{product_id}/retry"),
        json!({}),
    )
    .await
    .expect(204);
    let (target, started) = client.next_event().await;
    assert_eq!(target, "ReceiveProposalProductInProgress");
    assert_describes(&started, &proposal, &failed);
    let (target, answered) = client.next_event().await;
    assert_eq!(answered["proposalProductId"], product_id);
    let read = api
        .get(&format!("/api/proposals/{proposal}/products/{product_id}"))
        .await
        .expect(200)
        .body;
    let expected = match target.as_str() {
        "ReceiveProposalProductSuccess" => "ACTIVE",
        "ReceiveProposalProductFailed" => "FAILED",
        other => panic!("unexpected {other}"),
    };
    assert_eq!(read["state"], expected);
}

#[tokio::test]
async fn several_connections_may_watch_one_proposal_and_one_may_watch_several() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let quoted = |proposal: &Value| {
        proposal["products"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
            .cloned()
            .expect("an insurer quoted")
    };
    let first = api.create_proposal(&customer, &vehicle).await;
    let first_product = quoted(&api.wait_for_proposal(&first).await);
    let second = api.create_proposal(&customer, &vehicle).await;
    let second_product = quoted(&api.wait_for_proposal(&second).await);
    let mut both = HubClient::watching(&api, &first).await;
    both.register(&second).await;
    let mut only_first = HubClient::watching(&api, &first).await;

    let first_id = first_product["id"].as_str().expect("id");
    api.purchase(&first, first_id, "4242424242424242", 1)
        .await
        .expect(200);
    for client in [&mut both, &mut only_first] {
        assert_eq!(
            client.next_event().await.0,
            "ReceiveProposalProductPurchasing"
        );
        assert_eq!(
            client.next_event().await.0,
            "ReceiveProposalProductPurchased"
        );
    }
    let second_id = second_product["id"].as_str().expect("id");
    api.purchase(&second, second_id, "4242424242424242", 1)
        .await
        .expect(200);
    let (_, event) = both.next_event().await;
    assert_eq!(event["proposalId"], second);
    // The second proposal's events skip the connection that did not register for it: the next
    // thing it receives is an event pushed for the first.
    api.control(
        "/__sandbox/hub/events",
        json!({"proposalId": first, "target": "Marker", "argument": {"proposalId": first}}),
    )
    .await
    .expect(200);
    let (target, _) = only_first.next_event().await;
    assert_eq!(target, "Marker");
}
