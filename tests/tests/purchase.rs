//! A purchase is money: it is never sent twice, and a lost answer is settled by reading back.

mod support;

use std::time::Duration;

use insurup::{ErrorKind, Payment, ProductState, PurchaseStatus};
use serde_json::json;
use support::*;

const PURCHASE: &str = "/api/proposals/{id}/products/{productId}/purchase/sync";
const PURCHASE_ROUTE: &str = "POST /api/proposals/{id}/products/{productId}/purchase/sync";

#[tokio::test(flavor = "multi_thread")]
async fn a_purchase_whose_answer_is_lost_is_confirmed_by_reading_the_product() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(31)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault(
            "POST",
            PURCHASE,
            1,
            json!({ "action": "apply-then-drop" }),
        ))
        .await;
    let bought = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("the policy is found");
    assert!(bought.confirmed_by_read_back);
    assert_eq!(bought.status, PurchaseStatus::Purchased);
    assert!(bought.policy_number.is_some());
    client
        .policies()
        .get(&bought.policy_id)
        .await
        .expect("policy exists");
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 1);
    assert_eq!(
        sandbox.requests(PURCHASE_ROUTE).await,
        1,
        "never sent twice"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_purchase_that_may_not_have_arrived_is_reported_as_unknown_not_repeated() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(32)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault("POST", PURCHASE, 1, json!({ "action": "drop" })))
        .await;
    let error = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect_err("outcome unknown");
    assert_eq!(error.kind(), ErrorKind::PurchaseOutcomeUnknown);
    let about = error.purchase().expect("names the product");
    assert_eq!(about.proposal_id, quoted.proposal.id.as_str());
    assert_eq!(about.product_id, best.id.as_str());
    assert_eq!(sandbox.requests(PURCHASE_ROUTE).await, 1);
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 0);
    let product = client
        .proposals()
        .product(&quoted.proposal.id, &best.id)
        .await
        .expect("product");
    assert_eq!(
        product.state,
        ProductState::Active,
        "the caller can check, then retry"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_error_on_purchase_is_returned_without_a_second_attempt() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(33)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault(
            "POST",
            PURCHASE,
            1,
            json!({ "status": 502, "action": "respond" }),
        ))
        .await;
    let error = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect_err("insurer upstream failed");
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.status(), Some(502));
    assert_eq!(sandbox.requests(PURCHASE_ROUTE).await, 1);
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rate_limited_purchase_is_retried_because_the_server_did_not_act() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(34)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault(
            "POST",
            PURCHASE,
            1,
            json!({ "status": 429, "action": "respond", "retryAfter": 0 }),
        ))
        .await;
    client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("bought on the second attempt");
    assert_eq!(sandbox.requests(PURCHASE_ROUTE).await, 2);
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_caller_that_gives_up_does_not_abandon_a_purchase_in_flight() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(35)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault(
            "POST",
            PURCHASE,
            1,
            json!({ "delayMs": 400, "action": "respond" }),
        ))
        .await;
    let purchases = client.purchase();
    let purchase = purchases.sync(
        &quoted.proposal.id,
        &best.id,
        Payment::credit_card(card(), 1),
    );
    let gave_up = tokio::time::timeout(Duration::from_millis(50), purchase).await;
    assert!(gave_up.is_err(), "the caller stopped waiting");
    let mut state = ProductState::Active;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        state = client
            .proposals()
            .product(&quoted.proposal.id, &best.id)
            .await
            .expect("product")
            .state;
        if state == ProductState::Purchased {
            break;
        }
    }
    assert_eq!(
        state,
        ProductState::Purchased,
        "the purchase completed on its own task"
    );
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn fifty_concurrent_flows_buy_fifty_policies_once_each() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let flows = (0..50).map(|n| {
        let client = client.clone();
        async move {
            let quoted = quote(&client, &tckn(1000 + n)).await;
            let best = quoted
                .proposal
                .cheapest_product(1)
                .expect("product")
                .clone();
            let bought = client
                .purchase()
                .sync(
                    &quoted.proposal.id,
                    &best.id,
                    Payment::credit_card(card(), 1),
                )
                .await
                .expect("bought");
            (best.id, bought.policy_id)
        }
    });
    let bought = futures::future::join_all(flows).await;
    let stats = sandbox.stats().await;
    for (product, _) in &bought {
        assert_eq!(stats["purchases"][product.as_str()], 1);
    }
    let policies: std::collections::HashSet<_> = bought.iter().map(|(_, policy)| policy).collect();
    assert_eq!(policies.len(), 50);
    assert_eq!(stats["customersCreated"], 50);
    assert_eq!(stats["logins"], 1);
}
