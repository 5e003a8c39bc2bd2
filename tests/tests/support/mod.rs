//! Shared set-up for the end-to-end tests: a sandbox on loopback, clients for its fixtures, and
//! its test controls (`/__sandbox/...`).
#![allow(dead_code)] // each test file uses a different part

use std::time::Duration;

use insurup::{Client, ClientBuilder, RetryPolicy};
use insurup_sandbox::{Sandbox, SandboxConfig, SandboxHandle};
use serde_json::{Value, json};

pub const AGENT: &str = "agent@sandbox.insurup.test";
pub const MFA_AGENT: &str = "mfa@sandbox.insurup.test";
pub const PASSWORD: &str = "sandbox-password";
pub const MFA_CODE: &str = "123456";
pub const CLIENT_ID: &str = "sandbox-client";
pub const CLIENT_SECRET: &str = "sandbox-secret";
pub const AGENT_ID: &str = "00000000-0000-4000-8000-000000000001";
pub const TCKN: &str = "11111111110";
pub const PLATE: &str = "34ABC123";
pub const GOOD_CARD: &str = "4242424242424242";
pub const DECLINED_CARD: &str = "4000000000000002";

/// A running sandbox and a raw HTTP client for its controls.
pub struct TestSandbox {
    pub handle: SandboxHandle,
    http: reqwest::Client,
}

impl TestSandbox {
    pub async fn start() -> Self {
        Self::start_with(SandboxConfig::for_tests()).await
    }

    pub async fn start_with(config: SandboxConfig) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let handle = Sandbox::start(config).await.expect("sandbox starts");
        TestSandbox {
            handle,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self) -> String {
        self.handle.base_url().to_owned()
    }

    /// A builder pointed at this sandbox with quick retries (the policy's shape, shorter waits).
    pub fn builder(&self) -> ClientBuilder {
        Client::builder()
            .base_url(self.url())
            .agent_id(AGENT_ID)
            .retry(RetryPolicy {
                base_delay: Duration::from_millis(20),
                max_delay: Duration::from_millis(200),
                ..RetryPolicy::default()
            })
    }

    /// The agent user without 2FA.
    pub fn client(&self) -> Client {
        self.builder()
            .agent_user(AGENT, PASSWORD)
            .build()
            .expect("client builds")
    }

    pub async fn stats(&self) -> Value {
        self.http
            .get(format!("{}/__sandbox/stats", self.url()))
            .send()
            .await
            .expect("stats answer")
            .json()
            .await
            .expect("stats are JSON")
    }

    /// How many times `route` (e.g. `"POST /api/customers"`) was requested.
    pub async fn requests(&self, route: &str) -> u64 {
        self.stats().await["requests"][route].as_u64().unwrap_or(0)
    }

    /// Every API request the sandbox has seen (its own `/__sandbox/` controls left out).
    pub async fn total_requests(&self) -> u64 {
        self.stats().await["requests"]
            .as_object()
            .map(|routes| {
                routes
                    .iter()
                    .filter(|(route, _)| !route.contains("/__sandbox/"))
                    .filter_map(|(_, count)| count.as_u64())
                    .sum()
            })
            .unwrap_or(0)
    }

    pub async fn fault(&self, fault: Value) {
        let status = self
            .http
            .post(format!("{}/__sandbox/faults", self.url()))
            .json(&fault)
            .send()
            .await
            .expect("fault answer")
            .status();
        assert!(status.is_success(), "fault {fault} refused: {status}");
    }

    pub async fn control(&self, path: &str, body: Value) {
        let status = self
            .http
            .post(format!("{}/__sandbox/{path}", self.url()))
            .json(&body)
            .send()
            .await
            .expect("control answer")
            .status();
        assert!(status.is_success(), "{path} refused: {status}");
    }
}

/// Purchases recorded for a product in the sandbox's stats.
pub async fn purchases_of(sandbox: &TestSandbox, product_id: &str) -> u64 {
    sandbox.stats().await["purchases"][product_id]
        .as_u64()
        .unwrap_or(0)
}

pub fn fault(method: &str, path: &str, times: u32, extra: Value) -> Value {
    let mut fault = json!({ "method": method, "path": path, "times": times });
    if let (Some(target), Some(extra)) = (fault.as_object_mut(), extra.as_object()) {
        target.extend(extra.clone());
    }
    fault
}

pub fn card() -> insurup::Card {
    insurup::Card::new(GOOD_CARD, "123", "12", "2030", "AHMET YILMAZ").expect("valid test card")
}

/// A customer, a vehicle and a resolved kasko proposal, ready to buy.
pub struct Quoted {
    pub customer: insurup::Customer,
    pub vehicle: insurup::Vehicle,
    pub proposal: insurup::Proposal,
}

pub async fn quote(client: &Client, tckn: &str) -> Quoted {
    let customer = client
        .customers()
        .ensure(insurup::NewCustomer::individual(tckn).with_birth_date("1990-01-01"))
        .await
        .expect("customer");
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            insurup::NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle");
    let created = client
        .proposals()
        .create(insurup::NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    let proposal = client
        .proposals()
        .wait(
            &created.id,
            insurup::WaitOptions::with_timeout(Duration::from_secs(30)),
        )
        .await
        .expect("proposal resolves");
    Quoted {
        customer,
        vehicle,
        proposal,
    }
}

/// Valid TCKNs, distinct per `n`, for tests that need many customers.
pub fn tckn(n: u32) -> String {
    let base = 100_000_000 + n;
    let digits: Vec<u32> = base
        .to_string()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    let odd: i64 = [0, 2, 4, 6, 8].iter().map(|&i| i64::from(digits[i])).sum();
    let even: i64 = [1, 3, 5, 7].iter().map(|&i| i64::from(digits[i])).sum();
    let tenth = (odd * 7 - even).rem_euclid(10) as u32;
    let eleventh = (digits.iter().sum::<u32>() + tenth) % 10;
    format!("{base}{tenth}{eleventh}")
}
