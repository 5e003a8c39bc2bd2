//! The hub's test controls and counters.

use std::time::{Duration, Instant};

use insurup_sandbox::SandboxConfig;
use serde_json::json;

use super::client::{HANDSHAKE, HubClient, Received};
use crate::common::*;

#[tokio::test]
async fn a_pushed_event_reaches_the_watchers_of_its_proposal_only() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let mut watcher = HubClient::watching(&api, &proposal).await;
    let mut bystander = HubClient::connect(&api).await;

    let pushed = api
        .control(
            "/__sandbox/hub/events",
            json!({"proposalId": proposal, "target": "ReceiveSomethingNew", "argument": {"proposalId": proposal, "anything": [1, 2]}}),
        )
        .await
        .expect(200);
    assert_eq!(pushed.body, json!({"connections": 1}));
    assert_eq!(
        watcher.next_event().await,
        (
            "ReceiveSomethingNew".to_owned(),
            json!({"proposalId": proposal, "anything": [1, 2]})
        )
    );
    assert!(
        bystander
            .next_within(Duration::from_millis(200))
            .await
            .is_none(),
        "a connection that did not register hears nothing"
    );

    // Without an argument, the product's event as the hub itself would send it.
    api.control(
        "/__sandbox/hub/events",
        json!({"proposalId": proposal, "target": "ReceiveProposalProductRevised", "proposalProductId": product["id"]}),
    )
    .await
    .expect(200);
    let (target, revised) = watcher.next_event().await;
    assert_eq!(target, "ReceiveProposalProductRevised");
    assert_eq!(revised["proposalProductId"], product["id"]);
    assert_eq!(
        revised["insuranceCompanyName"],
        product["insuranceCompanyName"]
    );
}

#[tokio::test]
async fn cutting_drops_every_socket_without_a_close_frame_and_a_client_can_come_back() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    let mut one = HubClient::connect(&api).await;
    let mut two = HubClient::connect(&api).await;
    one.register(&proposal).await;
    let cut = api
        .control("/__sandbox/hub/cut", json!({}))
        .await
        .expect(200);
    assert_eq!(cut.body, json!({"connections": 2}));
    assert!(matches!(one.next().await, Received::Dropped));
    assert!(matches!(two.next().await, Received::Dropped));

    let _again = HubClient::watching(&api, &proposal).await;
    let stats = api.stats().await;
    assert_eq!(stats["hubConnections"], 3, "{stats}");
    assert_eq!(stats["hubOpenConnections"], 1, "{stats}");
    assert_eq!(stats["hubRegistrations"], 2, "{stats}");
}

#[tokio::test]
async fn close_sends_a_close_message_with_or_without_leave_to_reconnect() {
    let api = Api::start().await;
    let mut client = HubClient::connect(&api).await;
    api.control("/__sandbox/hub/close", json!({"allowReconnect": true}))
        .await
        .expect(200);
    assert_eq!(
        client.next_but_pings().await.message(),
        json!({"type": 7, "allowReconnect": true})
    );
    assert!(matches!(client.next().await, Received::Closed));

    let mut client = HubClient::connect(&api).await;
    let closed = api
        .anonymous_post("/__sandbox/hub/close", json!({}))
        .await
        .expect(200);
    assert_eq!(closed.body, json!({"connections": 1}));
    assert_eq!(client.next_but_pings().await.message(), json!({"type": 7}));

    let mut client = HubClient::connect(&api).await;
    api.control("/__sandbox/hub/close", json!({"error": "Sunucu bakımda."}))
        .await
        .expect(200);
    assert_eq!(
        client.next_but_pings().await.message(),
        json!({"type": 7, "error": "Sunucu bakımda."})
    );
}

#[tokio::test]
async fn paused_pings_stop_until_resumed() {
    let api = Api::start_with(SandboxConfig {
        hub_keep_alive: Duration::from_millis(50),
        ..SandboxConfig::for_tests()
    })
    .await;
    let mut client = HubClient::connect(&api).await;
    assert_eq!(client.next().await.message(), json!({"type": 6}));
    api.control("/__sandbox/hub/pings", json!({"paused": true}))
        .await
        .expect(204);
    // A ping already on its way may still arrive; after that, silence.
    while let Some(Received::Message(message)) =
        client.next_within(Duration::from_millis(150)).await
    {
        assert_eq!(message, json!({"type": 6}));
    }
    assert!(
        client
            .next_within(Duration::from_millis(400))
            .await
            .is_none(),
        "no ping for eight keep-alive intervals"
    );
    api.control("/__sandbox/hub/pings", json!({"paused": false}))
        .await
        .expect(204);
    assert_eq!(client.next().await.message(), json!({"type": 6}));
}

#[tokio::test]
async fn a_handshake_delay_holds_back_the_answer_for_the_next_connections_only() {
    let api = Api::start().await;
    api.control("/__sandbox/hub/handshake-delay", json!({"delayMs": 1500}))
        .await
        .expect(204);
    let mut slow = HubClient::open(&api).await;
    let started = Instant::now();
    slow.send_raw(HANDSHAKE).await;
    // The next connection is answered at once, while the delayed one still waits.
    let mut quick = HubClient::open(&api).await;
    quick.send_raw(HANDSHAKE).await;
    assert_eq!(quick.next().await.message(), json!({}));
    assert!(
        slow.next_within(Duration::ZERO).await.is_none(),
        "the delayed handshake is still unanswered"
    );
    assert_eq!(slow.next().await.message(), json!({}));
    assert!(started.elapsed() >= Duration::from_millis(1500));
}

#[tokio::test]
async fn a_reset_clears_the_hub_switches_and_counters_but_keeps_connections_open() {
    let api = Api::start_with(SandboxConfig {
        hub_keep_alive: Duration::from_millis(50),
        ..SandboxConfig::for_tests()
    })
    .await;
    let mut client = HubClient::connect(&api).await;
    api.control("/__sandbox/hub/pings", json!({"paused": true}))
        .await
        .expect(204);
    while client
        .next_within(Duration::from_millis(150))
        .await
        .is_some()
    {}
    api.control("/__sandbox/reset", json!({})).await.expect(204);
    let stats = api.stats().await;
    assert_eq!(stats["hubConnections"], 0, "{stats}");
    assert_eq!(stats["hubOpenConnections"], 1, "{stats}");
    // Pings resumed.
    loop {
        match client.next().await {
            Received::Message(message) if message == json!({"type": 6}) => break,
            Received::Message(_) => continue,
            other => panic!("connection ended: {other:?}"),
        }
    }
}
