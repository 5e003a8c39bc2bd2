use std::time::{Duration, Instant};

use insurup_sandbox::SandboxConfig;
use serde_json::json;

use crate::common::*;

const PURCHASE: &str = "/api/proposals/{id}/products/{productId}/purchase/sync";

#[tokio::test(flavor = "multi_thread")]
async fn an_injected_status_answers_the_next_matching_requests_only() {
    let api = Api::start().await;
    api.control("/__sandbox/faults", json!({"method": "GET", "path": "/api/agent-users/me", "times": 2, "status": 503, "retryAfter": 2}))
        .await
        .expect(200);
    for _ in 0..2 {
        let reply = api
            .get("/api/agent-users/me")
            .await
            .expect_problem(503, "SANDBOX_FAULT");
        assert_eq!(reply.header("retry-after"), Some("2"));
    }
    api.get("/api/agent-users/me").await.expect(200);
    assert_eq!(
        api.stats().await["requests"]["GET /api/agent-users/me"],
        3,
        "faulted requests count too"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_delay_fault_slows_the_response_but_runs_the_handler() {
    let api = Api::start().await;
    api.control(
        "/__sandbox/faults",
        json!({"method": "GET", "path": "/api/insurance-companies", "delayMs": 300}),
    )
    .await
    .expect(200);
    let started = Instant::now();
    api.get("/api/insurance-companies").await.expect(200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_drop_fault_closes_the_connection_without_running_the_handler() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let id = product["id"].as_str().expect("id");
    api.control(
        "/__sandbox/faults",
        json!({"method": "POST", "path": PURCHASE, "action": "drop"}),
    )
    .await
    .expect(200);
    let url = api.url(&format!(
        "/api/proposals/{proposal}/products/{id}/purchase/sync"
    ));
    let body = json!({"$type": "open-account", "installmentNumber": 1});
    let result = api
        .http
        .post(&url)
        .bearer_auth(&api.token)
        .json(&body)
        .send()
        .await;
    assert!(result.is_err(), "the connection was dropped: {result:?}");
    let after = api
        .get(&format!("/api/proposals/{proposal}/products/{id}"))
        .await
        .expect(200);
    assert_eq!(after.body["state"], "ACTIVE", "nothing was bought");
    assert!(api.stats().await["purchases"].get(id).is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn apply_then_drop_buys_the_product_but_loses_the_answer() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let id = product["id"].as_str().expect("id");
    api.control(
        "/__sandbox/faults",
        json!({"method": "POST", "path": PURCHASE, "action": "apply-then-drop"}),
    )
    .await
    .expect(200);
    let url = api.url(&format!(
        "/api/proposals/{proposal}/products/{id}/purchase/sync"
    ));
    let body = json!({"$type": "credit-card", "installmentNumber": 1, "card": {"number": "4242424242424242", "cvc": "123", "expiryMonth": "12", "expiryYear": "2030", "holderName": "AHMET"}});
    let result = api
        .http
        .post(&url)
        .bearer_auth(&api.token)
        .json(&body)
        .send()
        .await;
    assert!(result.is_err(), "the client never hears back: {result:?}");
    let after = api
        .get(&format!("/api/proposals/{proposal}/products/{id}"))
        .await
        .expect(200);
    assert_eq!(
        after.body["state"], "PURCHASED",
        "but the purchase happened"
    );
    assert!(after.body["policyId"].is_string());
    assert_eq!(api.stats().await["purchases"][id], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn faults_match_concrete_paths_and_can_be_cleared() {
    let api = Api::start().await;
    api.control(
        "/__sandbox/faults",
        json!({"method": "GET", "path": "/api/coverage-groups", "times": 5, "status": 500}),
    )
    .await
    .expect(200);
    api.get("/api/coverage-groups")
        .await
        .expect_problem(500, "SANDBOX_FAULT");
    let cleared = api
        .http
        .delete(api.url("/__sandbox/faults"))
        .send()
        .await
        .expect("request");
    assert_eq!(cleared.status().as_u16(), 204);
    api.get("/api/coverage-groups").await.expect(200);
    let invalid = api
        .control(
            "/__sandbox/faults",
            json!({"method": "GET", "path": "/x", "action": "explode"}),
        )
        .await;
    assert_eq!(
        invalid
            .expect_problem(400, "INPUT_VALIDATION")
            .field_errors(),
        vec!["action"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn over_the_rate_limit_a_token_gets_429_with_retry_after() {
    let api = Api::start_with(SandboxConfig {
        rate_limit: 5,
        ..SandboxConfig::for_tests()
    })
    .await;
    let mut refused = 0;
    let mut retry_after = None;
    for _ in 0..8 {
        let reply = api.get("/api/insurance-companies").await;
        if reply.status == 429 {
            retry_after = reply.header("retry-after").map(str::to_owned);
            reply.expect_problem(429, "RATE_LIMIT_EXCEEDED");
            refused += 1;
        } else {
            reply.expect(200);
        }
    }
    assert!(
        (3..=4).contains(&refused),
        "a burst of 5 then refusals: {refused} refused"
    );
    let retry_after: u64 = retry_after
        .expect("a 429 came")
        .parse()
        .expect("integer seconds");
    assert!(retry_after >= 1);
    // Another token has its own budget.
    let other = api.login(AGENT_EMAIL).await;
    api.get_with("/api/insurance-companies", &other)
        .await
        .expect(200);
    tokio::time::sleep(Duration::from_secs(retry_after)).await;
    api.get("/api/insurance-companies").await.expect(200);
}
