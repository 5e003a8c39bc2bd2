//! Every error kind, mapped from a real answer, and the retry policy around them.

mod support;

use std::time::{Duration, Instant};

use insurup::{ErrorKind, NewCustomer, ProposalId};
use insurup_sandbox::SandboxConfig;
use serde_json::json;
use support::*;

const ME: &str = "/api/agent-users/me";
const ME_ROUTE: &str = "GET /api/agent-users/me";

async fn signed_in(sandbox: &TestSandbox) -> insurup::Client {
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    client
}

#[tokio::test(flavor = "multi_thread")]
async fn statuses_become_the_kinds_named_in_the_design() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    for (status, kind) in [
        (400, ErrorKind::BadRequest),
        (403, ErrorKind::PermissionDenied),
        (404, ErrorKind::NotFound),
        (409, ErrorKind::Conflict),
        (422, ErrorKind::Unprocessable),
    ] {
        sandbox
            .fault(fault(
                "GET",
                ME,
                1,
                json!({ "status": status, "action": "respond" }),
            ))
            .await;
        let error = client.reference().me().await.expect_err("fault");
        assert_eq!(error.kind(), kind, "status {status}");
        assert_eq!(error.status(), Some(status));
        assert!(
            error.trace_id().is_some(),
            "status {status} carries the server trace id"
        );
        assert!(error.problem_type().is_some());
    }
    assert_eq!(
        sandbox.requests(ME_ROUTE).await,
        5,
        "client errors are never retried"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_id_is_not_found_with_the_servers_problem_details() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let error = client
        .proposals()
        .get(&ProposalId::new("64b000000000000000000999"))
        .await
        .expect_err("unknown");
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert!(
        error
            .problem_type()
            .is_some_and(|t| t.ends_with("resource-not-found"))
    );
    assert!(error.request_id().is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_503_burst_is_retried_until_it_passes() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault(
            "GET",
            ME,
            2,
            json!({ "status": 503, "action": "respond" }),
        ))
        .await;
    client
        .reference()
        .me()
        .await
        .expect("third attempt succeeds");
    assert_eq!(sandbox.requests(ME_ROUTE).await, 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_longer_outage_ends_in_a_server_error_after_three_retries() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault(
            "GET",
            ME,
            10,
            json!({ "status": 502, "action": "respond" }),
        ))
        .await;
    let error = client.reference().me().await.expect_err("outage");
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.status(), Some(502));
    assert!(error.is_retryable());
    assert_eq!(sandbox.requests(ME_ROUTE).await, 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn retry_after_is_waited_for_before_the_next_attempt() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault(
            "GET",
            ME,
            1,
            json!({ "status": 429, "action": "respond", "retryAfter": 1 }),
        ))
        .await;
    let started = Instant::now();
    client
        .reference()
        .me()
        .await
        .expect("succeeds after waiting");
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(1), "waited only {waited:?}");
    assert!(waited < Duration::from_secs(10), "waited {waited:?}");
    assert_eq!(sandbox.requests(ME_ROUTE).await, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_retry_after_beyond_a_minute_is_handed_to_the_caller() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault(
            "GET",
            ME,
            1,
            json!({ "status": 429, "action": "respond", "retryAfter": 120 }),
        ))
        .await;
    let error = client.reference().me().await.expect_err("too long to wait");
    assert_eq!(error.kind(), ErrorKind::RateLimit);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(sandbox.requests(ME_ROUTE).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sandboxs_rate_limit_is_absorbed_by_the_retry_policy() {
    let config = SandboxConfig {
        rate_limit: 5,
        ..SandboxConfig::for_tests()
    };
    let sandbox = TestSandbox::start_with(config).await;
    let client = signed_in(&sandbox).await;
    let calls = (0..15).map(|_| {
        let client = client.clone();
        async move { client.reference().me().await }
    });
    let results = futures::future::join_all(calls).await;
    let limited = results
        .iter()
        .filter(|r| r.as_ref().is_err_and(|e| e.kind() == ErrorKind::RateLimit))
        .count();
    let other_failures = results
        .iter()
        .filter(|r| r.as_ref().is_err_and(|e| e.kind() != ErrorKind::RateLimit))
        .count();
    assert_eq!(other_failures, 0);
    // 5 per second, 15 calls, up to 3 retries each with the server's one-second `Retry-After`
    // as the floor: every call gets through within its retries.
    assert_eq!(limited, 0, "every call gets through after waiting");
    assert!(sandbox.requests(ME_ROUTE).await > 15, "429s were retried");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_create_is_not_sent_again_after_the_server_may_have_acted() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault(
            "POST",
            "/api/customers",
            1,
            json!({ "status": 503, "action": "respond" }),
        ))
        .await;
    let error = client
        .customers()
        .create(NewCustomer::individual(tckn(21)).with_birth_date("1990-01-01"))
        .await
        .expect_err("503 on create");
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(sandbox.requests("POST /api/customers").await, 1);

    sandbox
        .fault(fault(
            "POST",
            "/api/customers",
            1,
            json!({ "action": "apply-then-drop" }),
        ))
        .await;
    let error = client
        .customers()
        .create(NewCustomer::individual(tckn(22)).with_birth_date("1990-01-01"))
        .await
        .expect_err("answer lost");
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert_eq!(sandbox.requests("POST /api/customers").await, 2);
    assert_eq!(
        sandbox.stats().await["customersCreated"],
        1,
        "created once, not twice"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_create_answered_with_429_is_retried_because_nothing_happened() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault(
            "POST",
            "/api/customers",
            1,
            json!({ "status": 429, "action": "respond", "retryAfter": 0 }),
        ))
        .await;
    client
        .customers()
        .create(NewCustomer::individual(tckn(23)).with_birth_date("1990-01-01"))
        .await
        .expect("created on the second attempt");
    assert_eq!(sandbox.requests("POST /api/customers").await, 2);
    assert_eq!(sandbox.stats().await["customersCreated"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_answer_times_out_and_reads_are_retried() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .timeout(Duration::from_millis(300))
        .build()
        .expect("client");
    client.sign_in().await.expect("login");
    sandbox
        .fault(fault(
            "GET",
            ME,
            1,
            json!({ "delayMs": 1500, "action": "respond" }),
        ))
        .await;
    client.reference().me().await.expect("the retry is fast");
    sandbox
        .fault(fault(
            "GET",
            ME,
            10,
            json!({ "delayMs": 1500, "action": "respond" }),
        ))
        .await;
    let error = client.reference().me().await.expect_err("always slow");
    assert_eq!(error.kind(), ErrorKind::Timeout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_connection_on_a_read_is_retried() {
    let sandbox = TestSandbox::start().await;
    let client = signed_in(&sandbox).await;
    sandbox
        .fault(fault("GET", ME, 1, json!({ "action": "drop" })))
        .await;
    client.reference().me().await.expect("retried");
    sandbox
        .fault(fault("GET", ME, 10, json!({ "action": "drop" })))
        .await;
    let error = client.reference().me().await.expect_err("always dropped");
    assert_eq!(error.kind(), ErrorKind::Connection);
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_listening_is_a_connection_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    let client = insurup::Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .access_token("t")
        .retry(insurup::RetryPolicy::none())
        .build()
        .expect("client");
    let error = client.reference().me().await.expect_err("nothing there");
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert!(error.to_string().contains("could not connect"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_that_is_not_json_is_a_decode_error() {
    let app = axum::Router::new().route(
        ME,
        axum::routing::get(|| async { "<html>maintenance</html>" }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = insurup::Client::builder()
        .base_url(url)
        .access_token("t")
        .build()
        .expect("client");
    let error = client.reference().me().await.expect_err("not JSON");
    assert_eq!(error.kind(), ErrorKind::Decode);
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_render_the_servers_detail_and_first_suggestion() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(24)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    let declined =
        insurup::Card::new(DECLINED_CARD, "123", "12", "2030", "AHMET YILMAZ").expect("card");
    let error = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, declined, 1)
        .await
        .expect_err("declined");
    insta::with_settings!({filters => vec![
        (r#"request_id: "[0-9a-f]{32}""#, r#"request_id: "[request-id]""#),
        (r#"trace_id: "[0-9a-f]+""#, r#"trace_id: "[trace-id]""#),
        (r#"proposal_id: "[0-9a-f]{24}""#, r#"proposal_id: "[proposal-id]""#),
        (r#"product_id: "[0-9a-f]{24}""#, r#"product_id: "[product-id]""#),
    ]}, {
        insta::assert_snapshot!("declined_card_display", error.to_string());
        insta::assert_snapshot!("declined_card_debug", format!("{error:?}"));
    });
}
