//! The wire: authentication before the upgrade, the handshake, framing, invocations and
//! completions, keep-alive and the client timeout.

use std::time::Duration;

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::json;
use tokio_tungstenite::tungstenite;

use super::client::{HANDSHAKE, HubClient, RS, Received, hub_url, record};
use crate::common::*;

fn refused_with(result: Result<HubClient, tungstenite::Error>) -> u16 {
    match result {
        Err(tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(other) => panic!("expected an HTTP answer, got {other}"),
        Ok(_) => panic!("expected the upgrade to be refused"),
    }
}

#[tokio::test]
async fn a_missing_or_invalid_token_is_refused_with_401_before_the_upgrade() {
    let api = Api::start().await;
    let url = hub_url(&api, "");
    assert_eq!(refused_with(HubClient::open_at(&url, None).await), 401);
    assert_eq!(
        refused_with(HubClient::open_at(&url, Some("not-a-jwt")).await),
        401
    );
    let forged = hub_url(&api, "access_token=not-a-jwt");
    assert_eq!(refused_with(HubClient::open_at(&forged, None).await), 401);

    // An expired token, issued while the sandbox's clock is skewed into the past.
    api.control("/__sandbox/clock", json!({"skewSeconds": -100_000}))
        .await
        .expect(204);
    let expired = api.login(AGENT_EMAIL).await;
    assert_eq!(
        refused_with(HubClient::open_at(&url, Some(&expired)).await),
        401
    );
    let in_query = hub_url(&api, &format!("access_token={expired}"));
    assert_eq!(refused_with(HubClient::open_at(&in_query, None).await), 401);
}

#[tokio::test]
async fn the_401_is_a_problem_naming_the_token_fault() {
    let api = Api::start().await;
    let url = api.url("/hubs/proposal-detail");
    let missing = Reply::from(
        api.http
            .get(&url)
            .header("connection", "upgrade")
            .header("upgrade", "websocket")
            .send()
            .await
            .expect("request"),
    )
    .await;
    missing.expect_problem(401, "TOKEN_MISSING");
}

#[tokio::test]
async fn a_token_in_the_header_or_the_access_token_query_opens_the_hub() {
    let api = Api::start().await;
    HubClient::connect(&api).await;
    let mut by_query =
        HubClient::open_at(&hub_url(&api, &format!("access_token={}", api.token)), None)
            .await
            .expect("a query token is accepted");
    by_query.send_raw(HANDSHAKE).await;
    assert_eq!(by_query.next().await.message(), json!({}));
}

#[tokio::test]
async fn there_is_no_negotiate_endpoint_and_plain_http_is_refused() {
    let api = Api::start().await;
    api.post(
        "/hubs/proposal-detail/negotiate?negotiateVersion=1",
        json!({}),
    )
    .await
    .expect(404);
    api.get("/hubs/proposal-detail")
        .await
        .expect_problem(400, "WEBSOCKET_REQUIRED");
}

#[tokio::test]
async fn a_handshake_for_another_protocol_is_answered_with_an_error_and_the_socket_closes() {
    let api = Api::start().await;
    let mut client = HubClient::open(&api).await;
    client
        .send_raw("{\"protocol\":\"messagepack\",\"version\":1}\u{1e}")
        .await;
    assert_eq!(
        client.next().await.message(),
        json!({"error": "The protocol 'messagepack' is not supported."})
    );
    assert!(matches!(client.next().await, Received::Closed));

    let mut client = HubClient::open(&api).await;
    client
        .send_raw("{\"protocol\":\"json\",\"version\":2}\u{1e}")
        .await;
    assert_eq!(
        client.next().await.message()["error"],
        "The server does not support version 2 of the 'json' protocol."
    );
}

#[tokio::test]
async fn one_frame_may_carry_the_handshake_and_several_invocations() {
    let api = Api::start().await;
    let mut client = HubClient::open(&api).await;
    let frame = format!(
        "{HANDSHAKE}{}{}",
        record(&json!({"type": 1, "invocationId": "a", "target": "Nope", "arguments": []})),
        record(&json!({"type": 1, "invocationId": "b", "target": "Nope", "arguments": []})),
    );
    client.send_raw(&frame).await;
    assert_eq!(client.next().await.message(), json!({}));
    assert_eq!(client.next_but_pings().await.message()["invocationId"], "a");
    assert_eq!(client.next_but_pings().await.message()["invocationId"], "b");
}

#[tokio::test]
async fn a_record_split_across_frames_is_read_whole() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    let whole =
        record(&json!({"type": 1, "invocationId": "split", "target": "Nope", "arguments": []}));
    let (head, tail) = whole.split_at(10);
    client.send_raw(head).await;
    client.send_raw(tail).await;
    assert_eq!(
        client.next_but_pings().await.message()["invocationId"],
        "split"
    );
}

#[tokio::test]
async fn an_unknown_method_with_an_id_completes_with_an_error() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    let completion = client.invoke("7", "Subscribe", json!([])).await;
    assert_eq!(
        completion,
        json!({"type": 3, "invocationId": "7", "error": "Failed to invoke 'Subscribe' due to an error on the server. HubException: Method does not exist."})
    );
    // The method name is case-sensitive.
    let completion = client
        .invoke("8", "register", json!([{"proposalId": "x"}]))
        .await;
    assert!(
        completion["error"]
            .as_str()
            .is_some_and(|e| e.contains("Method does not exist")),
        "{completion}"
    );
}

#[tokio::test]
async fn an_invocation_without_an_id_gets_no_completion_even_when_it_fails() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    let mut client = HubClient::connect(&api).await;
    client
        .send(json!({"type": 1, "target": "Subscribe", "arguments": []}))
        .await;
    client
        .send(json!({"type": 1, "target": "Register", "arguments": [{"proposalId": proposal}]}))
        .await;
    // The next answer is the completion of this invocation, nothing for the two before it.
    let completion = client.invoke("after", "Nope", json!([])).await;
    assert_eq!(completion["invocationId"], "after");
    // The non-blocking Register did take effect.
    assert_eq!(api.stats().await["hubRegistrations"], 1);
}

#[tokio::test]
async fn register_completes_without_a_result_and_a_foreign_proposal_is_an_error() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    // Another sandbox's proposal (another seed: ids are a function of the seed).
    let elsewhere = Api::start_with(SandboxConfig {
        seed: 7,
        ..SandboxConfig::for_tests()
    })
    .await;
    let (foreign, _) = elsewhere.quoted_product().await;
    assert_ne!(foreign, proposal);
    let mut client = HubClient::connect(&api).await;

    let ok = client
        .invoke("1", "Register", json!([{"proposalId": proposal}]))
        .await;
    assert_eq!(ok, json!({"type": 3, "invocationId": "1"}));

    let refused = client
        .invoke("2", "Register", json!([{"proposalId": foreign}]))
        .await;
    assert_eq!(
        refused["error"],
        "Failed to invoke 'Register' due to an error on the server. HubException: Teklif bulunamadı."
    );
    assert!(refused.get("result").is_none());

    let no_argument = client.invoke("3", "Register", json!([])).await;
    assert!(
        no_argument["error"]
            .as_str()
            .is_some_and(|e| e.contains("Invocation provides 0 argument(s) but target expects 1")),
        "{no_argument}"
    );
    let bare_string = client.invoke("4", "Register", json!([proposal])).await;
    assert!(
        bare_string["error"]
            .as_str()
            .is_some_and(|e| e.contains("Error binding arguments")),
        "{bare_string}"
    );
    client
        .send(json!({"type": 4, "invocationId": "5", "target": "Register", "arguments": [{"proposalId": proposal}]}))
        .await;
    let completion = client.next_but_pings().await.message();
    assert_eq!(completion["invocationId"], "5");
    assert!(
        completion["error"]
            .as_str()
            .is_some_and(|e| e.contains("non-streaming"))
    );
    assert_eq!(api.stats().await["hubRegistrations"], 1);
}

#[tokio::test]
async fn a_record_that_breaks_the_protocol_ends_the_connection_with_a_close_error() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    client
        .send_raw(&format!("{{\"target\":\"Register\"}}{RS}"))
        .await;
    let close = client.next_but_pings().await.message();
    assert_eq!(close["type"], 7, "{close}");
    assert!(
        close["error"]
            .as_str()
            .is_some_and(|e| e.contains("Missing required property 'type'")),
        "{close}"
    );
    assert!(close.get("allowReconnect").is_none(), "{close}");
    assert!(matches!(client.next().await, Received::Closed));
}

#[tokio::test]
async fn unknown_message_types_and_client_pings_are_ignored() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    client.send(json!({"type": 6})).await;
    client.send(json!({"type": 42, "whatever": true})).await;
    client
        .send(json!({"type": 5, "invocationId": "nothing"}))
        .await;
    let completion = client.invoke("still-here", "Nope", json!([])).await;
    assert_eq!(completion["invocationId"], "still-here");
}

#[tokio::test]
async fn a_client_close_message_ends_the_connection() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    client.send(json!({"type": 7})).await;
    assert!(matches!(client.next_but_pings().await, Received::Closed));
}

fn quick_keep_alive() -> SandboxConfig {
    SandboxConfig {
        hub_keep_alive: Duration::from_millis(100),
        hub_client_timeout: Duration::from_millis(600),
        ..SandboxConfig::for_tests()
    }
}

#[tokio::test]
async fn an_idle_connection_is_pinged_at_the_keep_alive_interval() {
    let api = Api::start_with(quick_keep_alive()).await;
    let mut client = HubClient::connect(&api).await;
    for _ in 0..3 {
        client.send(json!({"type": 6})).await;
        assert_eq!(client.next().await.message(), json!({"type": 6}));
    }
}

#[tokio::test]
async fn a_silent_client_is_closed_after_the_client_timeout_with_leave_to_reconnect() {
    let api = Api::start_with(quick_keep_alive()).await;
    let mut client = HubClient::connect(&api).await;
    let mut pings = 0;
    let close = loop {
        let message = client.next().await.message();
        if message["type"] == 6 {
            pings += 1;
            continue;
        }
        break message;
    };
    assert!(pings >= 2, "pinged while waiting: {pings}");
    assert_eq!(close["type"], 7, "{close}");
    assert_eq!(close["allowReconnect"], true, "{close}");
    assert!(
        close["error"]
            .as_str()
            .is_some_and(|e| e.contains("timeout"))
    );
    assert!(matches!(client.next().await, Received::Closed));
}

#[tokio::test]
async fn a_client_that_keeps_pinging_stays_connected_past_the_timeout() {
    let api = Api::start_with(quick_keep_alive()).await;
    let mut client = HubClient::connect(&api).await;
    let until = tokio::time::Instant::now() + Duration::from_millis(1_500);
    while tokio::time::Instant::now() < until {
        client.send(json!({"type": 6})).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let completion = client.invoke("alive", "Nope", json!([])).await;
    assert_eq!(completion["invocationId"], "alive");
}

#[tokio::test]
async fn the_hub_is_the_same_in_every_dialect() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, _) = api.quoted_product().await;
        HubClient::watching(&api, &proposal).await;
    }
}

#[tokio::test]
async fn a_stopping_sandbox_closes_its_hub_connections() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    api.sandbox.shutdown().await;
    let close = client.next_but_pings().await.message();
    assert_eq!(close, json!({"type": 7}));
}
