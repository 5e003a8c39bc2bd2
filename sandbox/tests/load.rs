//! A bounded load test: 64 concurrent clients for three seconds against one sandbox on loopback,
//! in the default dialect (the vendor client's). Asserts no 5xx, every read answered, and
//! consistent state afterwards, and prints the measured requests per second.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use insurup_sandbox::{Sandbox, SandboxConfig};
use serde_json::{Value, json};

const CLIENTS: u64 = 64;
const DURATION: Duration = Duration::from_secs(3);

/// A valid TCKN from a client number (the first digit is never 1, so it never collides with fixtures).
fn tckn(n: u64) -> String {
    let mut d = [0u32; 9];
    let mut x = n + 200_000_000;
    for slot in d.iter_mut().rev() {
        *slot = u32::try_from(x % 10).unwrap_or(0);
        x /= 10;
    }
    let odd = d[0] + d[2] + d[4] + d[6] + d[8];
    let even = d[1] + d[3] + d[5] + d[7];
    let d10 = (odd * 7 + 100 - even) % 10;
    let d11 = (d.iter().sum::<u32>() + d10) % 10;
    d.iter()
        .chain([d10, d11].iter())
        .map(|v| char::from(b'0' + u8::try_from(*v).unwrap_or(0)))
        .collect()
}

#[derive(Default)]
struct Counters {
    requests: AtomicU64,
    server_errors: AtomicU64,
    /// Reads that did not answer 200.
    failed_reads: AtomicU64,
    purchases: AtomicU64,
}

struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
    counters: Arc<Counters>,
}

impl Client {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("the sandbox always answers");
        let status = response.status().as_u16();
        self.counters.requests.fetch_add(1, Ordering::Relaxed);
        if status >= 500 {
            self.counters.server_errors.fetch_add(1, Ordering::Relaxed);
        }
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// One customer journey, then reads until time runs out.
    async fn run(self, n: u64, until: Instant) {
        let (_, customer) = self
            .call(reqwest::Method::POST, "/api/customers", Some(json!({"$type": "individual", "identityNumber": tckn(n), "fullName": format!("MÜŞTERİ {n}")})))
            .await;
        let customer = customer["id"].as_str().expect("customer").to_owned();
        let (_, vehicle) = self
            .call(reqwest::Method::POST, &format!("/api/customers/{customer}/vehicles"), Some(json!({"plate": {"city": 34, "code": format!("LD{:03}", n)}, "utilizationStyle": "PRIVATE_CAR"})))
            .await;
        let vehicle = vehicle["id"].as_str().expect("vehicle").to_owned();
        let (_, proposal) = self
            .call(
                reqwest::Method::POST,
                "/api/proposals",
                Some(
                    json!({"$type": "trafik", "insurerCustomerId": customer, "vehicleId": vehicle}),
                ),
            )
            .await;
        let proposal = proposal["proposalId"]
            .as_str()
            .expect("proposal")
            .to_owned();
        let (_, body) = self
            .call(
                reqwest::Method::GET,
                &format!("/api/proposals/{proposal}"),
                None,
            )
            .await;
        let product = body["products"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
            .map(|p| p["id"].as_str().unwrap_or_default().to_owned());
        if let Some(product) = &product {
            let card = json!({"number": "4242424242424242", "cvc": "123", "expiryMonth": "12", "expiryYear": "2030", "holderName": "LOAD"});
            let (status, _) = self
                .call(
                    reqwest::Method::POST,
                    &format!("/api/proposals/{proposal}/products/{product}/purchase/sync"),
                    Some(json!({"$type": "credit-card", "installmentNumber": 1, "card": card})),
                )
                .await;
            assert_eq!(status, 200);
            self.counters.purchases.fetch_add(1, Ordering::Relaxed);
        }
        let mut i = 0u64;
        while Instant::now() < until {
            i += 1;
            let (status, _) = match i % 4 {
                0 => self.call(reqwest::Method::GET, &format!("/api/proposals/{proposal}"), None).await,
                1 => self.call(reqwest::Method::GET, &format!("/api/customers/{customer}"), None).await,
                2 => self.call(reqwest::Method::POST, "/api/graphql", Some(json!({"query": "{ policiesNew(first: 20) { totalCount edges { cursor node { id grossPremium } } } }"}))).await,
                _ => self.call(reqwest::Method::GET, "/api/insurance-companies", None).await,
            };
            if status != 200 {
                self.counters.failed_reads.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_clients_see_no_server_errors_and_consistent_state() {
    let sandbox = Sandbox::start(SandboxConfig {
        generated_policies: 2_000,
        ..SandboxConfig::for_tests()
    })
    .await
    .expect("start");
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(CLIENTS as usize)
        .build()
        .expect("client");
    let login: Value = http
        .post(format!(
            "{}/api/authentication:agent-user/login",
            sandbox.base_url()
        ))
        .json(&json!({"email": "agent@sandbox.insurup.test", "password": "sandbox-password"}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json");
    let token = login["accessToken"].as_str().expect("token").to_owned();
    let counters = Arc::new(Counters::default());
    let started = Instant::now();
    let until = started + DURATION;
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let client = Client {
                http: http.clone(),
                base: sandbox.base_url().to_owned(),
                token: token.clone(),
                counters: counters.clone(),
            };
            tokio::spawn(client.run(n, until))
        })
        .collect();
    for task in tasks {
        task.await.expect("client finished");
    }
    let elapsed = started.elapsed().as_secs_f64();
    let requests = counters.requests.load(Ordering::Relaxed);
    eprintln!(
        "load: {requests} requests in {elapsed:.2}s = {:.0} requests/s with {CLIENTS} clients",
        requests as f64 / elapsed
    );
    assert_eq!(
        counters.server_errors.load(Ordering::Relaxed),
        0,
        "no 5xx under load"
    );
    assert_eq!(
        counters.failed_reads.load(Ordering::Relaxed),
        0,
        "every read answered"
    );

    let stats = sandbox.stats();
    assert_eq!(stats.customers_created, CLIENTS);
    assert_eq!(stats.proposals_created, CLIENTS);
    let purchases = counters.purchases.load(Ordering::Relaxed);
    assert_eq!(stats.purchases.values().sum::<u64>(), purchases);
    let listed: Value = http
        .post(format!("{}/api/graphql", sandbox.base_url()))
        .bearer_auth(&token)
        .json(&json!({"query": "{ policiesNew(first: 1) { totalCount } customersNew(first: 1) { totalCount } }"}))
        .send()
        .await
        .expect("graphql")
        .json()
        .await
        .expect("json");
    assert_eq!(
        listed["data"]["policiesNew"]["totalCount"].as_u64(),
        Some(2_000 + purchases)
    );
    assert_eq!(
        listed["data"]["customersNew"]["totalCount"].as_u64(),
        Some(1_000 + CLIENTS)
    );
    assert!(
        requests > CLIENTS * 10,
        "the server kept up: {requests} requests"
    );
    sandbox.shutdown().await;
}
