//! Real-time quotes: watches and waits hear insurers' answers from the sandbox's SignalR hub, and
//! still report every product's final state exactly once when the hub's connection is cut,
//! closed, goes silent, outlives its token or is not there at all.

mod support;

use std::collections::HashMap;
use std::time::Duration;

use insurup::{
    Client, ErrorKind, NewCustomer, NewProposal, NewVehicle, ProductState, ProposalId,
    ProposalUpdate, RealTime, WaitOptions,
};
use insurup_sandbox::SandboxConfig;
use serde_json::json;
use support::*;

/// Insurers answer over a few seconds (0.3 s to 4 s each), so a fault lands mid-proposal.
async fn sandbox() -> TestSandbox {
    sandbox_with(SandboxConfig::for_tests()).await
}

/// Insurers answer over twelve seconds, with pauses longer than a client's server timeout.
async fn slow_sandbox(config: SandboxConfig) -> TestSandbox {
    sandbox_with(SandboxConfig {
        latency_scale: 3.0,
        ..config
    })
    .await
}

async fn sandbox_with(config: SandboxConfig) -> TestSandbox {
    TestSandbox::start_with(SandboxConfig {
        latency_scale: if config.latency_scale > 0.0 {
            config.latency_scale
        } else {
            1.0
        },
        // Pings often enough for the clients' short server timeout below.
        hub_keep_alive: Duration::from_millis(200),
        ..config
    })
    .await
}

/// A client that hears of a silent hub within a second.
fn client(sandbox: &TestSandbox, mode: RealTime) -> Client {
    sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .real_time(mode)
        .real_time_keep_alive(Duration::from_millis(300))
        .real_time_server_timeout(Duration::from_secs(1))
        .build()
        .expect("client builds")
}

/// A new kasko proposal whose insurers are still answering.
async fn new_proposal(client: &Client) -> ProposalId {
    let customer = client
        .customers()
        .ensure(NewCustomer::individual(TCKN).with_birth_date("1990-01-01"))
        .await
        .expect("customer");
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle");
    let proposal = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    assert!(
        !proposal.is_complete(),
        "the insurers must still be answering"
    );
    proposal.id
}

fn options() -> WaitOptions {
    WaitOptions::with_timeout(Duration::from_secs(30))
}

/// Every product of the final update was reported exactly once, in the state it ended in.
async fn assert_each_final_state_reported_once(
    client: &Client,
    id: &ProposalId,
    updates: &[ProposalUpdate],
) {
    let last = updates.last().expect("at least one update");
    assert!(last.finished, "the last update is final");
    assert!(last.proposal.is_complete(), "every insurer answered");
    let mut reported: HashMap<String, Vec<ProductState>> = HashMap::new();
    for update in updates {
        for product in &update.resolved {
            reported
                .entry(product.id.to_string())
                .or_default()
                .push(product.state.clone());
        }
    }
    let server = client.proposals().get(id).await.expect("read back");
    assert_eq!(reported.len(), server.products.len(), "{reported:?}");
    for product in &server.products {
        let states = &reported[product.id.as_str()];
        assert_eq!(
            states,
            &vec![product.state.clone()],
            "product {} reported once, as it ended",
            product.id
        );
    }
}

/// Watches `id` to the end, doing `fault` once the first insurer answered.
async fn watch_through<F, Fut>(client: &Client, id: &ProposalId, fault: F) -> Vec<ProposalUpdate>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut watch = client.proposals().watch(id, options()).expect("watch");
    let mut updates = Vec::new();
    let mut fault = Some(fault);
    while let Some(update) = watch.next().await.expect("update") {
        let finished = update.finished;
        updates.push(update);
        if let Some(fault) = fault.take().filter(|_| !finished) {
            fault().await;
        }
    }
    assert!(fault.is_none(), "the fault landed mid-proposal");
    updates
}

async fn stat(sandbox: &TestSandbox, name: &str) -> u64 {
    sandbox.stats().await[name].as_u64().unwrap_or(0)
}

/// REST requests the sandbox has seen (the hub's WebSocket upgrades left out).
async fn rest_requests(sandbox: &TestSandbox) -> u64 {
    sandbox.stats().await["requests"]
        .as_object()
        .map(|routes| {
            routes
                .iter()
                .filter(|(route, _)| route.contains(" /api/"))
                .filter_map(|(_, count)| count.as_u64())
                .sum()
        })
        .unwrap_or(0)
}

async fn proposal_reads(sandbox: &TestSandbox) -> u64 {
    sandbox.requests("GET /api/proposals/{id}").await
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_are_pushed_as_they_arrive_and_each_product_is_reported_once() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let mut watch = client.proposals().watch(&id, options()).expect("watch");
    let mut updates = Vec::new();
    let mut pushed = false;
    while let Some(update) = watch.next().await.expect("update") {
        pushed |= watch.is_real_time();
        updates.push(update);
    }
    assert!(pushed, "the watch heard the hub");
    assert!(
        updates.len() > 2,
        "answers arrive one by one: {}",
        updates.len()
    );
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert_eq!(stat(&sandbox, "hubConnections").await, 1);
    assert_eq!(stat(&sandbox, "hubRegistrations").await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn after_create_the_hub_needs_no_read_and_polling_reads_again_and_again() {
    let sandbox = sandbox().await;
    let hub = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&hub).await;
    let before = rest_requests(&sandbox).await;
    let reads_before = proposal_reads(&sandbox).await;
    let answered = hub.proposals().wait(&id, options()).await.expect("answers");
    assert!(answered.is_complete());
    let hub_requests = rest_requests(&sandbox).await - before;
    // The create opened the hub connection and registered the proposal before its own read, so
    // the hub pushes everything after that read.
    assert_eq!(hub_requests, 0, "no read of the wait's own");
    assert_eq!(proposal_reads(&sandbox).await - reads_before, 0);

    let polling = client(&sandbox, RealTime::Polling);
    let id = new_proposal(&polling).await;
    let before = rest_requests(&sandbox).await;
    polling
        .proposals()
        .wait(&id, options())
        .await
        .expect("answers");
    let polling_requests = rest_requests(&sandbox).await - before;
    assert!(
        polling_requests > hub_requests + 2,
        "polling reads {polling_requests} times, the hub {hub_requests}"
    );
    eprintln!("reads after create until answered: hub {hub_requests}, polling {polling_requests}");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_to_purchase_takes_three_requests_with_the_hub_from_a_clients_first_proposal() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    for proposal in ["first", "next"] {
        create_wait_and_buy_in_three_requests(&sandbox, &client, proposal).await;
    }
    assert_eq!(stat(&sandbox, "hubConnections").await, 1);
}

async fn create_wait_and_buy_in_three_requests(
    sandbox: &TestSandbox,
    client: &Client,
    which: &str,
) {
    let customer = client
        .customers()
        .ensure(NewCustomer::individual(TCKN).with_birth_date("1990-01-01"))
        .await
        .expect("customer");
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle");
    let before = rest_requests(sandbox).await;
    let created = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    assert!(!created.is_complete(), "the insurers are still answering");
    let answered = client
        .proposals()
        .wait(&created.id, options())
        .await
        .expect("answers");
    let best = answered.cheapest_product(1).expect("a price").clone();
    client
        .purchase()
        .sync(
            &answered.id,
            &best.id,
            insurup::Payment::credit_card(card(), 1),
        )
        .await
        .expect("bought");
    // POST the proposal, read it once (registered first, so the hub pushes the rest), POST the
    // purchase.
    assert_eq!(
        rest_requests(sandbox).await - before,
        3,
        "the client's {which} proposal"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn wait_with_the_hub_returns_when_the_last_insurer_answers_without_polling() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    // Polls would come too late to finish before the deadline: only pushes can.
    let options = WaitOptions {
        timeout: Duration::from_secs(20),
        poll_interval: Duration::from_secs(60),
        max_poll_interval: Duration::from_secs(60),
    };
    let proposal = client
        .proposals()
        .wait(&id, options)
        .await
        .expect("answers");
    assert!(proposal.is_complete(), "{proposal:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sockets_cut_mid_proposal_reconnect_register_again_and_lose_nothing() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let updates = watch_through(&client, &id, || async {
        sandbox.control("hub/cut", json!({})).await;
    })
    .await;
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert!(stat(&sandbox, "hubConnections").await >= 2, "reconnected");
    assert!(
        stat(&sandbox, "hubRegistrations").await >= 2,
        "registered again"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_close_that_allows_reconnecting_is_followed_by_a_new_connection() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let updates = watch_through(&client, &id, || async {
        sandbox
            .control(
                "hub/close",
                json!({"allowReconnect": true, "error": "restarting"}),
            )
            .await;
    })
    .await;
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert!(stat(&sandbox, "hubConnections").await >= 2, "reconnected");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_close_that_forbids_reconnecting_stops_the_hub_and_the_watch_polls() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Auto);
    let id = new_proposal(&client).await;
    let mut watch = client.proposals().watch(&id, options()).expect("watch");
    let mut updates = Vec::new();
    let mut closed = false;
    while let Some(update) = watch.next().await.expect("update") {
        updates.push(update);
        if !closed {
            closed = true;
            sandbox
                .control("hub/close", json!({"allowReconnect": false}))
                .await;
        }
    }
    assert!(!watch.is_real_time(), "polling after the close");
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert_eq!(
        stat(&sandbox, "hubConnections").await,
        1,
        "never reconnected"
    );
    // A later watch of the same client polls from the start.
    let again = new_proposal(&client).await;
    client
        .proposals()
        .wait(&again, options())
        .await
        .expect("answers by polling");
    assert_eq!(stat(&sandbox, "hubConnections").await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hub_that_stops_pinging_is_given_up_and_reopened() {
    let sandbox = slow_sandbox(SandboxConfig::for_tests()).await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let updates = watch_through(&client, &id, || async {
        sandbox.control("hub/pings", json!({"paused": true})).await;
    })
    .await;
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert!(
        stat(&sandbox, "hubConnections").await >= 2,
        "the silent connection was replaced"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reconnection_after_the_token_expired_uses_a_fresh_one() {
    let sandbox = slow_sandbox(SandboxConfig {
        token_ttl: Duration::from_secs(2),
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let updates = watch_through(&client, &id, || async {
        // Past the token's life, then every socket dropped.
        tokio::time::sleep(Duration::from_millis(2100)).await;
        sandbox.control("hub/cut", json!({})).await;
    })
    .await;
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert!(stat(&sandbox, "hubConnections").await >= 2, "reconnected");
    assert!(
        stat(&sandbox, "refreshes").await + stat(&sandbox, "logins").await >= 2,
        "with a renewed token"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_hub_watches_poll_and_report_the_same() {
    let sandbox = sandbox().await;
    sandbox
        .fault(fault(
            "GET",
            "/hubs/proposal-detail",
            100,
            json!({"status": 404}),
        ))
        .await;
    let client = client(&sandbox, RealTime::Auto);
    let id = new_proposal(&client).await;
    let mut watch = client.proposals().watch(&id, options()).expect("watch");
    let mut updates = Vec::new();
    while let Some(update) = watch.next().await.expect("update") {
        assert!(!watch.is_real_time());
        updates.push(update);
    }
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert_eq!(stat(&sandbox, "hubConnections").await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_requires_the_hub_says_so_when_there_is_none() {
    let sandbox = sandbox().await;
    sandbox
        .fault(fault(
            "GET",
            "/hubs/proposal-detail",
            100,
            json!({"status": 404}),
        ))
        .await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let error = client
        .proposals()
        .wait(&id, options())
        .await
        .expect_err("no hub");
    assert_eq!(error.kind(), ErrorKind::Connection, "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn one_connection_serves_every_watched_proposal() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    let first = new_proposal(&client).await;
    let second = new_proposal(&client).await;
    let proposals = client.proposals();
    let (a, b) = tokio::join!(
        proposals.wait(&first, options()),
        proposals.wait(&second, options()),
    );
    assert!(a.expect("first").is_complete());
    assert!(b.expect("second").is_complete());
    assert_eq!(stat(&sandbox, "hubConnections").await, 1);
    assert_eq!(stat(&sandbox, "hubRegistrations").await, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_hub_methods_and_malformed_events_are_skipped() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, RealTime::Hub);
    let id = new_proposal(&client).await;
    let updates = watch_through(&client, &id, || async {
        for (target, argument) in [
            ("ReceiveSomethingNew", json!({"proposalId": id.as_str()})),
            ("ReceiveProposalProductSuccess", json!({"unexpected": true})),
            ("ReceiveProposalProductFailed", json!(42)),
        ] {
            sandbox
                .control(
                    "hub/events",
                    json!({"proposalId": id.as_str(), "target": target, "argument": argument}),
                )
                .await;
        }
    })
    .await;
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert_eq!(
        stat(&sandbox, "hubConnections").await,
        1,
        "the connection stayed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn while_the_handshake_is_slow_the_watch_polls_then_takes_pushes() {
    let sandbox = sandbox().await;
    sandbox
        .control("hub/handshake-delay", json!({"delayMs": 1500, "times": 1}))
        .await;
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .real_time(RealTime::Hub)
        .build()
        .expect("client builds");
    let id = new_proposal(&client).await;
    let mut watch = client.proposals().watch(&id, options()).expect("watch");
    let mut updates = Vec::new();
    let mut polled_first = None;
    let mut pushed_later = false;
    while let Some(update) = watch.next().await.expect("update") {
        polled_first.get_or_insert(!watch.is_real_time());
        pushed_later |= watch.is_real_time();
        updates.push(update);
    }
    assert_eq!(polled_first, Some(true), "answers came by polling first");
    assert!(pushed_later, "then from the hub");
    assert_each_final_state_reported_once(&client, &id, &updates).await;
    assert_eq!(stat(&sandbox, "hubConnections").await, 1);
}
