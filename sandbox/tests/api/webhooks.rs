use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hmac::{Hmac, Mac};
use insurup_sandbox::Dialect;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::common::*;

#[derive(Clone, Debug)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: Bytes,
}

#[derive(Clone, Default)]
pub struct Receiver {
    received: Arc<Mutex<Vec<Received>>>,
    /// Answer 500 to this many requests before accepting.
    failures_left: Arc<Mutex<u32>>,
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    receiver
        .received
        .lock()
        .expect("lock")
        .push(Received { headers, body });
    let mut left = receiver.failures_left.lock().expect("lock");
    if *left > 0 {
        *left -= 1;
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::OK
    }
}

/// A partner endpoint on loopback that records what it receives.
pub async fn partner(failures: u32) -> (String, Receiver) {
    let receiver = Receiver {
        failures_left: Arc::new(Mutex::new(failures)),
        ..Receiver::default()
    };
    let app = Router::new()
        .route("/hooks", post(receive))
        .with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hooks", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, receiver)
}

pub async fn wait_for(receiver: &Receiver, count: usize) -> Vec<Received> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let got = receiver.received.lock().expect("lock").clone();
        if got.len() >= count {
            return got;
        }
        assert!(
            Instant::now() < deadline,
            "only {} deliveries arrived",
            got.len()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub fn header<'a>(r: &'a Received, name: &str) -> &'a str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// An event as the dialect spells it when registering: the webhook guide's dotted id, or the
/// vendor client's `WebhookEvent` value.
pub fn event(dialect: Dialect, dotted: &str) -> String {
    if dialect == Dialect::Guide {
        dotted.to_owned()
    } else {
        dotted.replace('.', "_").to_uppercase()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_purchase_delivers_signed_purchased_then_policy_created_events() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (url, receiver) = partner(0).await;
        let events = [
            event(dialect, "proposal_premium.purchased"),
            event(dialect, "policy.created"),
        ];
        let created = api
            .post(
                "/api/webhooks",
                json!({"url": url, "events": events, "agentBranchIds": [], "secret": "whsec-test"}),
            )
            .await
            .expect(200);
        let webhook = created.body["id"].as_str().expect("id").to_owned();
        let (proposal, product) = api.quoted_product().await;
        let bought = api
            .purchase(
                &proposal,
                product["id"].as_str().expect("id"),
                "4242424242424242",
                1,
            )
            .await
            .expect(200);
        let policy_id = bought.body["policyId"].as_str().expect("policy id");
        let policy_number = api
            .get(&format!("/api/policies/{policy_id}"))
            .await
            .expect(200)
            .body["policyNumber"]
            .clone();
        assert!(policy_number.is_string());

        let got = wait_for(&receiver, 2).await;
        let delivered: Vec<&str> = got.iter().map(|r| header(r, "x-webhook-event")).collect();
        assert_eq!(
            delivered,
            ["proposal_premium.purchased", "policy.created"],
            "{dialect}: delivered with the dotted id"
        );
        for r in &got {
            let mut mac = Hmac::<Sha256>::new_from_slice(b"whsec-test").expect("key");
            mac.update(&r.body);
            assert_eq!(
                header(r, "x-webhook-signature"),
                hex::encode(mac.finalize().into_bytes())
            );
            assert_eq!(header(r, "x-webhook-id"), webhook);
            assert_eq!(header(r, "content-type"), "application/json");
            assert_eq!(header(r, "x-webhook-delivery").len(), 24);
        }
        let purchased: Value = serde_json::from_slice(&got[0].body).expect("json");
        assert_eq!(purchased["$event"], "proposal_premium.purchased");
        assert_eq!(purchased["policyId"], policy_id);
        let policy: Value = serde_json::from_slice(&got[1].body).expect("json");
        assert_eq!(
            policy["insuranceCompanyPolicyNo"], policy_number,
            "{dialect}"
        );
        assert_eq!(policy["insuredIdentityNumber"], TCKN);

        let listed = api.get("/api/webhooks").await.expect(200);
        assert_eq!(listed.body[0]["deliveryCount"], 2);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_endpoint_is_retried_with_the_same_delivery_id_up_to_three_times() {
    let api = Api::start().await;
    let (url, receiver) = partner(2).await;
    let created = api
        .post(
            "/api/webhooks",
            json!({"url": url, "events": ["CUSTOMER_CREATED"], "secret": null}),
        )
        .await
        .expect(200);
    let webhook = created.body["id"].as_str().expect("id").to_owned();
    api.create_customer(TCKN).await;
    let got = wait_for(&receiver, 3).await;
    assert_eq!(got.len(), 3);
    let delivery = header(&got[0], "x-webhook-delivery").to_owned();
    assert!(
        got.iter()
            .all(|r| header(r, "x-webhook-delivery") == delivery)
    );
    assert!(
        got.iter()
            .all(|r| r.headers.get("x-webhook-signature").is_none()),
        "no secret, no signature"
    );
    // The record catches up once the third attempt's answer is stored.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let record = api
            .get(&format!("/api/webhooks/{webhook}/deliveries/{delivery}"))
            .await
            .expect(200);
        if record.body["isSuccess"] == true {
            assert_eq!(record.body["attempts"], 3);
            assert_eq!(record.body["responseStatusCode"], 200);
            assert_eq!(record.body["event"], "customer.created");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "delivery never succeeded: {}",
            record.text
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    api.post(
        &format!("/api/webhooks/{webhook}/deliveries/{delivery}/redeliver"),
        json!({}),
    )
    .await
    .expect(204);
    wait_for(&receiver, 4).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn webhooks_are_managed_with_validation() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let bad = api
            .post(
                "/api/webhooks",
                json!({"url": "ftp://x", "events": [event(dialect, "policy.created")], "secret": null}),
            )
            .await;
        assert_eq!(
            bad.expect_invalid_input(dialect).field_errors(),
            vec!["url"]
        );
        // An event no dialect names does not bind to the request's event type.
        let unknown = api
            .post(
                "/api/webhooks",
                json!({"url": "http://127.0.0.1:9/hooks", "events": ["NOPE"], "secret": null}),
            )
            .await;
        assert_unbindable(&unknown, "$.events[0]");
        let created = api
            .post(
                "/api/webhooks",
                json!({"url": "http://127.0.0.1:9/hooks", "events": [event(dialect, "policy.created")], "secret": "s"}),
            )
            .await
            .expect(200);
        let id = created.body["id"].as_str().expect("id");
        api.put(
            &format!("/api/webhooks/{id}"),
            json!({"id": id, "url": "http://127.0.0.1:9/other", "events": [event(dialect, "case.created")], "secret": null}),
        )
        .await
        .expect(204);
        let read = api.get(&format!("/api/webhooks/{id}")).await.expect(200);
        assert_eq!(
            read.body["events"],
            json!([event(dialect, "case.created")]),
            "{dialect}"
        );
        assert!(read.body["secret"].is_null());
        api.delete(&format!("/api/webhooks/{id}")).await.expect(204);
        api.get(&format!("/api/webhooks/{id}"))
            .await
            .expect_problem(404, "WEBHOOK_NOT_FOUND");
        assert_eq!(
            api.get("/api/webhooks").await.expect(200).body,
            json!([]),
            "{dialect}: the refused bodies created nothing"
        );
    }
}

/// A partner endpoint subscribed to `dotted` events (spelt as the sandbox's dialect spells them),
/// without a branch filter.
pub async fn subscribe(api: &Api, dotted: &[&str]) -> Receiver {
    let (url, receiver) = partner(0).await;
    let events: Vec<String> = dotted.iter().map(|e| event(api.dialect(), e)).collect();
    api.post(
        "/api/webhooks",
        json!({"url": url, "events": events, "agentBranchIds": [], "secret": "whsec-test"}),
    )
    .await
    .expect(200);
    receiver
}

/// The JSON bodies of the deliveries received so far, once at least `count` have arrived.
pub async fn payloads(receiver: &Receiver, count: usize) -> Vec<Value> {
    wait_for(receiver, count)
        .await
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("JSON body"))
        .collect()
}

/// Gives the deliveries in flight a moment, then asserts nothing more than `count` arrived.
pub async fn assert_no_more(receiver: &Receiver, count: usize) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = receiver.received.lock().expect("lock").len();
    assert_eq!(got, count, "unexpected extra deliveries");
}
