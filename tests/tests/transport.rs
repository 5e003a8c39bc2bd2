//! The HTTP layer's promises that need a peer the sandbox cannot be: one request id across
//! retries, redirects refused, oversized answers refused, mutations not replayed, and GraphQL
//! lists that cannot loop and can be resumed.
//!
//! Peers that misbehave on purpose are small axum servers in this file; they stand in for a
//! proxy, a gateway or a broken server, never for the SDK.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use futures::TryStreamExt;
use insurup::{Client, ErrorKind, ListQuery, RetryPolicy};
use insurup_sandbox::SandboxConfig;
use serde_json::{Value, json};
use support::*;

/// What a peer saw: the `x-request-id` of each request.
type Seen = Arc<Mutex<Vec<String>>>;

async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

fn quick_client(base_url: &str) -> Client {
    Client::builder()
        .base_url(base_url)
        .access_token("a-token")
        .retry(RetryPolicy {
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(50),
            ..RetryPolicy::default()
        })
        .build()
        .expect("client")
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_attempt_of_one_call_carries_the_same_request_id() {
    let seen: Seen = Arc::default();
    let url = serve(
        Router::new()
            .route(
                "/api/agent-users/me",
                get(|State(seen): State<Seen>, headers: HeaderMap| async move {
                    let mut seen = seen.lock().expect("lock");
                    seen.push(request_id(&headers));
                    if seen.len() < 3 {
                        (StatusCode::SERVICE_UNAVAILABLE, "{}").into_response()
                    } else {
                        axum::Json(json!({"id": "u1", "email": "a@b.c"})).into_response()
                    }
                }),
            )
            .with_state(Arc::clone(&seen)),
    )
    .await;
    let client = quick_client(&url);
    client
        .reference()
        .me()
        .await
        .expect("the third attempt succeeds");
    client.reference().me().await.expect("a second call");
    let ids = seen.lock().expect("lock").clone();
    assert_eq!(ids.len(), 4);
    assert!(ids[0].len() == 32 && ids[0].chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
    assert_ne!(ids[2], ids[3], "a new call gets a new id");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_redirect_is_never_followed_so_a_card_is_never_sent_elsewhere() {
    let elsewhere: Seen = Arc::default();
    let other_host = serve(
        Router::new()
            .fallback(|State(seen): State<Seen>, headers: HeaderMap| async move {
                seen.lock().expect("lock").push(request_id(&headers));
                StatusCode::OK
            })
            .with_state(Arc::clone(&elsewhere)),
    )
    .await;
    let target = format!("{other_host}/steal");
    let redirecting = serve(Router::new().fallback(move || {
        let target = target.clone();
        async move { (StatusCode::TEMPORARY_REDIRECT, [("location", target)]) }
    }))
    .await;
    let client = quick_client(&redirecting);
    let error = client
        .purchase()
        .credit_card(
            &insurup::ProposalId::new("6650a1b2c3d4e5f601a2b3c4"),
            &insurup::ProposalProductId::new("6650a1b2c3d4e5f601a2b3c5"),
            card(),
            1,
        )
        .await
        .expect_err("a redirect is an error");
    assert_eq!(error.status(), Some(307));
    assert!(error.to_string().contains("redirect"), "{error}");
    assert!(
        !error.to_string().contains("/steal"),
        "no path or query in the message"
    );
    let error = client
        .reference()
        .me()
        .await
        .expect_err("GET is not followed either");
    assert_eq!(error.status(), Some(307));
    assert!(
        elsewhere.lock().expect("lock").is_empty(),
        "nothing reached the other host"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_larger_than_the_limit_is_refused_with_a_clear_error() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        generated_policies: 200,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .max_response_bytes(4096)
        .build()
        .expect("client");
    client
        .reference()
        .me()
        .await
        .expect("small answers still fit");
    let error = client
        .graphql()
        .policies(&ListQuery::first(200))
        .await
        .expect_err("a 200-row page is larger than 4 KiB");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(error.to_string().contains("4096 bytes"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mutation_that_may_have_been_sent_is_not_sent_again_but_a_query_is() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    let drop_once = || fault("POST", "/api/graphql", 1, json!({ "action": "drop" }));

    sandbox.fault(drop_once()).await;
    let before = sandbox.requests("POST /api/graphql").await;
    let error = client
        .graphql()
        .execute("mutation Archive { archive(id: \"x\") }", json!({}))
        .await
        .expect_err("the connection dropped");
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert_eq!(
        sandbox.requests("POST /api/graphql").await - before,
        1,
        "sent once"
    );

    sandbox.fault(drop_once()).await;
    let before = sandbox.requests("POST /api/graphql").await;
    client
        .graphql()
        .execute("query { policiesNew(first: 1) { totalCount } }", json!({}))
        .await
        .expect("a query is retried");
    assert_eq!(sandbox.requests("POST /api/graphql").await - before, 2);
}

/// A GraphQL peer whose every page says "more after `c1`", forever.
async fn stuck_cursor_server(seen: Seen) -> String {
    serve(
        Router::new()
            .route(
                "/graphql",
                post(|State(seen): State<Seen>, headers: HeaderMap| async move {
                    seen.lock().expect("lock").push(request_id(&headers));
                    axum::Json(json!({"data": {"policiesNew": {
                        "totalCount": 1000,
                        "pageInfo": {"hasNextPage": true, "endCursor": "c1"},
                        "nodes": [{"id": "p1", "state": "ACTIVE"}]
                    }}}))
                }),
            )
            .with_state(seen),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_that_repeats_its_cursor_ends_the_stream_with_an_error_instead_of_a_loop() {
    let seen: Seen = Arc::default();
    let url = stuck_cursor_server(Arc::clone(&seen)).await;
    let client = quick_client(&url);
    let outcome = tokio::time::timeout(
        Duration::from_secs(30),
        client
            .graphql()
            .policies_stream(ListQuery::first(1))
            .try_collect::<Vec<_>>(),
    )
    .await
    .expect("the stream ends");
    let error = outcome.expect_err("a repeated cursor is an error");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(error.to_string().contains("same cursor"), "{error}");
    assert_eq!(
        seen.lock().expect("lock").len(),
        2,
        "the same page is not fetched a third time"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stream_that_failed_midway_resumes_from_its_cursor_without_a_gap_or_a_repeat() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        generated_policies: 60,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox.client();
    let everything: Vec<String> = client
        .graphql()
        .policies_stream(ListQuery::first(500))
        .map_ok(|row| row.id.into_string())
        .try_collect()
        .await
        .expect("the whole list");

    let mut rows = client.graphql().policy_rows(ListQuery::first(10));
    let mut read = Vec::new();
    for _ in 0..15 {
        read.push(
            rows.next()
                .await
                .expect("row")
                .expect("some row")
                .id
                .into_string(),
        );
    }
    // Every attempt at the third page fails.
    sandbox
        .fault(fault("POST", "/api/graphql", 4, json!({ "status": 503 })))
        .await;
    let error = loop {
        match rows.next().await {
            Ok(Some(row)) => read.push(row.id.into_string()),
            Ok(None) => panic!("the list ended early"),
            Err(error) => break error,
        }
    };
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(
        read.len(),
        20,
        "the fetched pages were delivered before the error"
    );
    let cursor = rows
        .resume_cursor()
        .expect("a cursor to resume from")
        .to_owned();

    // In this process: ask again. In another one: start from the cursor.
    let mut resumed_here = read.clone();
    while let Some(row) = rows.next().await.expect("the page is fetched again") {
        resumed_here.push(row.id.into_string());
    }
    let mut resumed_elsewhere = read.clone();
    let mut fresh = client
        .graphql()
        .policy_rows(ListQuery::first(10).after(cursor));
    while let Some(row) = fresh.next().await.expect("row") {
        resumed_elsewhere.push(row.id.into_string());
    }
    assert_eq!(resumed_here, everything);
    assert_eq!(resumed_elsewhere, everything);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_graphql_error_midway_keeps_its_message_even_without_extensions() {
    let pages: Arc<Mutex<u32>> = Arc::default();
    let url = serve(
        Router::new()
            .route(
                "/graphql",
                post(|State(pages): State<Arc<Mutex<u32>>>| async move {
                    let mut served = pages.lock().expect("lock");
                    *served += 1;
                    let answer: Value = if *served == 1 {
                        json!({"data": {"policiesNew": {
                            "pageInfo": {"hasNextPage": true, "endCursor": "c1"},
                            "nodes": [{"id": "p1", "state": "ACTIVE"}]
                        }}})
                    } else {
                        json!({"data": null, "errors": [
                            {"message": "Poliçe servisi yanıt vermedi.", "extensions": null, "path": null}
                        ]})
                    };
                    axum::Json(answer)
                }),
            )
            .with_state(pages),
    )
    .await;
    let client = quick_client(&url);
    let mut rows = client.graphql().policy_rows(ListQuery::first(1));
    assert!(rows.next().await.expect("first page").is_some());
    let error = rows.next().await.expect_err("the second page failed");
    assert_eq!(error.message(), "Poliçe servisi yanıt vermedi.");
    assert_eq!(error.graphql_errors().len(), 1);
    assert_eq!(rows.resume_cursor(), Some("c1"));
}

/// `calls` calls of one client, `workers` at a time, against `sandbox`; returns how many 429s
/// the sandbox had answered one and a half seconds in (the first second and the wait it asked
/// for), and in all.
async fn batch_at_the_limit(sandbox: &TestSandbox, workers: usize, calls: usize) -> (u64, u64) {
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let batch = tokio::spawn(futures::future::join_all((0..workers).map(|_| {
        let client = client.clone();
        let next = Arc::clone(&next);
        async move {
            while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < calls {
                client
                    .reference()
                    .me()
                    .await
                    .expect("every call gets through");
            }
        }
    })));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let early = sandbox.stats().await["rateLimited"]
        .as_u64()
        .expect("counter");
    batch.await.expect("the batch finishes");
    let all = sandbox.stats().await["rateLimited"]
        .as_u64()
        .expect("counter");
    (early, all)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_refused_for_its_rate_paces_itself_under_the_limit_after_a_few_429s() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        rate_limit: 40,
        ..SandboxConfig::for_tests()
    })
    .await;
    let (early, all) = batch_at_the_limit(&sandbox, 8, 120).await;
    assert!(
        (1..=8).contains(&early),
        "the burst overran the limit once, a 429 per worker at most: {early}"
    );
    assert_eq!(all, early, "no 429 once the client paces itself");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_told_the_servers_rate_limit_policy_paces_itself_without_a_429() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        rate_limit: 40,
        rate_limit_headers: true,
        ..SandboxConfig::for_tests()
    })
    .await;
    let (early, all) = batch_at_the_limit(&sandbox, 8, 80).await;
    assert_eq!((early, all), (0, 0), "paced from the first answer");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_without_pacing_keeps_bouncing_off_the_limit() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        rate_limit: 40,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .pacing(false)
        .build()
        .expect("client");
    client.sign_in().await.expect("login");
    let calls = (0..120).map(|_| {
        let client = client.clone();
        async move { client.reference().me().await }
    });
    futures::future::join_all(calls).await;
    let refused = sandbox.stats().await["rateLimited"]
        .as_u64()
        .expect("counter");
    assert!(
        refused > 8,
        "the same calls unpaced are refused many times: {refused}"
    );
}
