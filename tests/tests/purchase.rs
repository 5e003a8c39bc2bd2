//! A purchase is money: it is never sent twice, and a lost answer is settled by reading back.

mod support;

use std::time::Duration;

use insurup::{ErrorKind, Payment, ProductState, PurchaseStatus};
use serde_json::json;
use support::*;

const PURCHASE: &str = "/api/proposals/{id}/products/{productId}/purchase/sync";
const PURCHASE_ROUTE: &str = "POST /api/proposals/{id}/products/{productId}/purchase/sync";
const PRODUCT_ROUTE: &str = "GET /api/proposals/{id}/products/{productId}";

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
async fn a_gateway_error_after_the_purchase_took_effect_returns_the_policy() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(33)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    for status in [502, 503] {
        sandbox
            .fault(fault(
                "POST",
                PURCHASE,
                1,
                json!({ "action": "apply-then-respond", "status": status }),
            ))
            .await;
    }
    let bought = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("the purchase happened behind the gateway's 502");
    assert!(bought.confirmed_by_read_back);
    assert!(bought.policy_number.is_some());
    assert_eq!(
        sandbox.requests(PURCHASE_ROUTE).await,
        1,
        "never sent twice"
    );
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_error_is_ambiguous_until_the_product_says_otherwise() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(36)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault("POST", PURCHASE, 1, json!({ "status": 502 })))
        .await;
    let reads_before = sandbox.requests(PRODUCT_ROUTE).await;
    let error = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect_err("a 502 does not prove the purchase failed");
    assert_eq!(error.kind(), ErrorKind::PurchaseOutcomeUnknown);
    assert!(
        !error.is_retryable(),
        "a caller's retry loop must not buy again"
    );
    let about = error.purchase().expect("names the product");
    assert_eq!(about.product_id, best.id.as_str());
    assert_eq!(
        sandbox.requests(PURCHASE_ROUTE).await,
        1,
        "never sent twice"
    );
    assert!(
        sandbox.requests(PRODUCT_ROUTE).await - reads_before > 1,
        "the product is read back over a window, not once"
    );
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accepted_purchase_whose_answer_names_no_policy_is_confirmed_by_reading_back() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    // A 200 whose body is not a purchase answer, and an empty 204.
    for (n, status) in [(0, 200), (1, 204)] {
        let quoted = quote(&client, &tckn(370 + n)).await;
        let best = quoted.proposal.cheapest_product(1).expect("product");
        sandbox
            .fault(fault(
                "POST",
                PURCHASE,
                1,
                json!({ "action": "apply-then-respond", "status": status }),
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
            .unwrap_or_else(|error| panic!("HTTP {status} is a success: {error:?}"));
        assert!(bought.confirmed_by_read_back, "HTTP {status}");
        let policy = client
            .policies()
            .get(&bought.policy_id)
            .await
            .expect("the policy read back exists");
        assert_eq!(policy.policy_number, bought.policy_number);
        assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 1);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declined_card_is_a_definite_refusal_returned_at_once() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(38)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    let declined =
        insurup::Card::new(DECLINED_CARD, "123", "12", "2030", "AHMET YILMAZ").expect("card");
    let reads_before = sandbox.requests(PRODUCT_ROUTE).await;
    let error = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, declined, 1)
        .await
        .expect_err("declined");
    assert_eq!(error.kind(), ErrorKind::Unprocessable);
    assert!(!error.is_retryable());
    assert_eq!(
        error.purchase().map(|about| about.product_id.as_str()),
        Some(best.id.as_str())
    );
    assert_eq!(
        sandbox.requests(PRODUCT_ROUTE).await,
        reads_before,
        "a 4xx is not read back"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_purchase_that_provably_never_left_returns_its_own_error_at_once() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(39)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");

    // No token: the login is refused, so nothing was sent to the purchase route.
    let locked_out = sandbox
        .builder()
        .agent_user(AGENT, "not-the-password")
        .purchase_confirmation_window(Duration::from_secs(600))
        .build()
        .expect("client");
    let reads_before = sandbox.requests(PRODUCT_ROUTE).await;
    let error = locked_out
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect_err("no token");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(!error.may_have_reached_server());
    assert!(!error.is_retryable());
    assert_eq!(sandbox.requests(PURCHASE_ROUTE).await, 0);
    assert_eq!(
        sandbox.requests(PRODUCT_ROUTE).await,
        reads_before,
        "no read-back"
    );

    // No connection: a port where nothing listens. Were it read back, it would take ten
    // minutes; the outer timeout only guards against that.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let nowhere = insurup::Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .access_token("token")
        .retry(insurup::RetryPolicy::none())
        .purchase_confirmation_window(Duration::from_secs(600))
        .build()
        .expect("client");
    let error = tokio::time::timeout(
        Duration::from_secs(60),
        nowhere.purchase().sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        ),
    )
    .await
    .expect("returns at once, without a read-back")
    .expect_err("connection refused");
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert!(!error.may_have_reached_server());
    assert!(error.purchase().is_some());
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

#[tokio::test(flavor = "multi_thread")]
async fn a_gateway_error_over_a_refused_payment_is_a_definite_failure_the_product_shows() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(40)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    sandbox
        .fault(fault(
            "POST",
            PURCHASE,
            1,
            json!({ "action": "apply-then-respond", "status": 502 }),
        ))
        .await;
    let declined =
        insurup::Card::new(DECLINED_CARD, "123", "12", "2030", "AHMET YILMAZ").expect("card");
    let error = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, declined, 1)
        .await
        .expect_err("the payment was refused behind the gateway's 502");
    assert_ne!(
        error.kind(),
        ErrorKind::PurchaseOutcomeUnknown,
        "the product says the purchase failed: that is not unknown"
    );
    assert!(error.to_string().contains("PURCHASE_FAILED"), "{error}");
    assert!(!error.is_retryable());
    let product = client
        .proposals()
        .product(&quoted.proposal.id, &best.id)
        .await
        .expect("product");
    assert_eq!(product.state, ProductState::PurchaseFailed);
    assert!(product.is_purchasable(), "another card may be tried");
    client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("bought with another card");
}
