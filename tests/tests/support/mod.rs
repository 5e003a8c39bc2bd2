//! Shared set-up for the end-to-end tests: a sandbox on loopback, clients for its fixtures, and
//! its test controls (`/__sandbox/...`).
#![allow(dead_code)] // each test file uses a different part

pub mod receiver;

use std::time::Duration;

use futures::FutureExt;
use insurup::{Client, ClientBuilder, RetryPolicy};
use insurup_sandbox::{Dialect as Served, Sandbox, SandboxConfig, SandboxHandle};
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
/// Purchase confirmation window of test clients (the default is 60 s).
pub const CONFIRMATION_WINDOW: Duration = Duration::from_secs(3);

/// A running sandbox and a raw HTTP client for its controls.
pub struct TestSandbox {
    pub handle: SandboxHandle,
    /// The dialect this sandbox speaks.
    pub dialect: Served,
    /// Whether clients from [`TestSandbox::builder`] are told the dialect
    /// (`ClientBuilder::dialect`: no discovery, no second spelling) or find it out.
    pub tells_dialect: bool,
    http: reqwest::Client,
}

impl TestSandbox {
    pub async fn start() -> Self {
        Self::start_with(SandboxConfig::for_tests()).await
    }

    pub async fn start_with(config: SandboxConfig) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let dialect = config.dialect;
        let handle = Sandbox::start(config).await.expect("sandbox starts");
        TestSandbox {
            handle,
            dialect,
            tells_dialect: false,
            http: reqwest::Client::new(),
        }
    }

    /// The SDK's name for the dialect this sandbox speaks.
    pub fn sdk_dialect(&self) -> insurup::Dialect {
        self.dialect
            .as_str()
            .parse()
            .expect("the SDK names every dialect the sandbox speaks")
    }

    pub fn url(&self) -> String {
        self.handle.base_url().to_owned()
    }

    /// A builder pointed at this sandbox with quick retries (the policy's shape, shorter waits)
    /// and a short purchase confirmation window.
    pub fn builder(&self) -> ClientBuilder {
        let builder = if self.tells_dialect {
            Client::builder().dialect(self.sdk_dialect())
        } else {
            Client::builder()
        };
        builder
            .base_url(self.url())
            // Where the dialect serves the OAuth token endpoint (its own origin in most).
            .auth_url(self.handle.auth_url())
            .agent_id(AGENT_ID)
            .retry(RetryPolicy {
                base_delay: Duration::from_millis(20),
                max_delay: Duration::from_millis(200),
                ..RetryPolicy::default()
            })
            .purchase_confirmation_window(CONFIRMATION_WINDOW)
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

/// Runs `body` against a sandbox of each documented dialect (`config` with its `dialect` replaced),
/// twice: once with clients that find the dialect out, once with clients told it
/// ([`TestSandbox::builder`]), so every request must be spelt right the first time. The six
/// runs go at once, each with its own sandbox. Fails after all ran, naming each dialect (and
/// whether the client was told it) in which the body failed and why.
pub async fn in_every_dialect(config: SandboxConfig, body: impl AsyncFn(&TestSandbox)) {
    let body = &body;
    let runs = Served::ALL_STRICT
        .into_iter()
        .flat_map(|dialect| [(dialect, false), (dialect, true)])
        .map(|(dialect, told)| {
            let config = SandboxConfig {
                dialect,
                ..config.clone()
            };
            async move {
                let mut sandbox = TestSandbox::start_with(config).await;
                sandbox.tells_dialect = told;
                let outcome = std::panic::AssertUnwindSafe(body(&sandbox))
                    .catch_unwind()
                    .await;
                outcome.map_err(|panic| {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_else(|| "a panic without a message".to_owned());
                    let how = if told { "told" } else { "found out" };
                    format!("in the {dialect} dialect ({how}): {message}")
                })
            }
        });
    let failures: Vec<String> = futures::future::join_all(runs)
        .await
        .into_iter()
        .filter_map(Result::err)
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// [`in_every_dialect`] with the sandbox's test configuration.
pub async fn in_each_dialect(body: impl AsyncFn(&TestSandbox)) {
    in_every_dialect(SandboxConfig::for_tests(), body).await;
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

/// Buys the cheapest single-installment offer of `proposal` with the test card.
pub async fn buy_cheapest(
    client: &Client,
    proposal: &insurup::Proposal,
) -> (insurup::Product, insurup::Purchase) {
    let best = proposal
        .cheapest_product(1)
        .expect("a product with a premium")
        .clone();
    let bought = client
        .purchase()
        .sync(
            &proposal.id,
            &best.id,
            insurup::Payment::credit_card(card(), 1),
        )
        .await
        .expect("bought");
    (best, bought)
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

/// Asserts that `result` is a validation error naming `field`.
pub fn expect_field<T: std::fmt::Debug>(result: insurup::Result<T>, field: &str) {
    let error = result.expect_err(field);
    assert_eq!(
        error.kind(),
        insurup::ErrorKind::Validation,
        "{field}: {error}"
    );
    assert_eq!(error.field(), Some(field), "{error}");
}

/// A customer with an e-mail address and a phone number.
pub async fn customer_with_contacts(client: &Client, n: u32) -> insurup::Customer {
    client
        .customers()
        .create(
            insurup::NewCustomer::individual(tckn(n))
                .with_birth_date("1990-01-01")
                .with_email(format!("musteri{n}@example.com"))
                .with_phone_number("5321234567"),
        )
        .await
        .expect("customer")
}

/// The first UAVT number the address cascade reaches, walking the first entry of each level.
pub async fn first_uavt_number(client: &Client) -> i64 {
    let addresses = client.addresses();
    let first = |mut levels: Vec<insurup::Reference>, what: &str| {
        assert!(!levels.is_empty(), "no {what}");
        levels.remove(0)
    };
    let city = first(addresses.cities().await.expect("cities"), "city");
    let district = first(
        addresses.districts(&city.value).await.expect("districts"),
        "district",
    );
    let town = first(
        addresses.towns(&district.value).await.expect("towns"),
        "town",
    );
    let neighbourhood = first(
        addresses
            .neighbourhoods(&town.value)
            .await
            .expect("neighbourhoods"),
        "neighbourhood",
    );
    let street = first(
        addresses
            .streets(&neighbourhood.value)
            .await
            .expect("streets"),
        "street",
    );
    let building = first(
        addresses.buildings(&street.value).await.expect("buildings"),
        "building",
    );
    let flat = first(
        addresses
            .apartments(&building.value)
            .await
            .expect("apartments"),
        "flat",
    );
    flat.value
        .parse()
        .expect("a flat's value is its UAVT number")
}
