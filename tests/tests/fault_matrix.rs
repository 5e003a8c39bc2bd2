//! The fault matrix: fifty concurrent quote-and-buy flows under every fault the sandbox can
//! inject, one fault at a time.
//!
//! For every fault, each flow ends in a policy or in a typed error that says what to do; nothing
//! panics or hangs; and once the fault is gone, the same client finishes every interrupted flow
//! from where it stopped, doing what the error said (read a purchase back before buying again).
//! At the end the sandbox has recorded exactly one customer, one case and one purchase per flow.
//!
//! The table of faults × outcomes in `tests/FAULTS.md` is written by this test:
//!
//! ```text
//! INSURUP_WRITE_FAULTS=1 cargo test -p insurup-e2e --test fault_matrix -- --nocapture
//! ```

mod support;

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;

use insurup::{
    Case, Channel, Client, Customer, Error, ErrorKind, MemoryTokenStore, NewCustomer, NewProposal,
    NewVehicle, Payment, PolicyId, ProductBranch, ProductState, ProposalId, ProposalProductId,
    Vehicle, WaitOptions,
};
use serde_json::{Value, json};
use support::*;

/// Concurrent flows per fault, as many as a busy agency's CRM runs at once.
const FLOWS: u32 = 50;
/// A flow still running after this long counts as hung.
const HANG_LIMIT: Duration = Duration::from_secs(60);
/// Per-attempt timeout of the client in the slow-response row; the injected delay exceeds it.
const SHORT_TIMEOUT: Duration = Duration::from_millis(1000);
const SLOW_DELAY_MS: u64 = 1300;
/// How long a purchase with a lost or ambiguous answer is read back before its outcome is
/// reported unknown: short here, so flows whose purchase never happened end within the hang
/// limit (the default is 60 s).
const CONFIRMATION_WINDOW: Duration = Duration::from_secs(4);

const LOGIN: &str = "/api/authentication:agent-user/login";
const REFRESH: &str = "/api/authentication:agent-user/refresh";
const CUSTOMERS: &str = "/api/customers";
const CUSTOMER: &str = "/api/customers/{id}";
const VEHICLES: &str = "/api/customers/{id}/vehicles";
const GRAPHQL: &str = "/api/graphql";
const CASES: &str = "/api/cases:new-sale-opportunity";
const CASE: &str = "/api/cases/{ref}";
const PROPOSALS: &str = "/api/proposals";
const PROPOSAL: &str = "/api/proposals/{id}";
const PURCHASE: &str = "/api/proposals/{id}/products/{productId}/purchase/sync";

/// Every route a flow calls after signing in, as `(method, route template)`.
const FLOW_ROUTES: [(&str, &str); 9] = [
    ("POST", CUSTOMERS),
    ("GET", CUSTOMER),
    ("POST", VEHICLES),
    ("POST", GRAPHQL),
    ("POST", CASES),
    ("GET", CASE),
    ("POST", PROPOSALS),
    ("GET", PROPOSAL),
    ("POST", PURCHASE),
];

/// Kinds that would mean the SDK misread a transport fault: a fault never makes input invalid,
/// a resource vanish or an answer undecodable.
const KINDS_NO_FAULT_EXPLAINS: [ErrorKind; 4] = [
    ErrorKind::Validation,
    ErrorKind::BadRequest,
    ErrorKind::NotFound,
    ErrorKind::Decode,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    RateLimitBursts,
    ServiceUnavailableBursts,
    UpstreamFailures,
    ResetBeforeHandling,
    ResetAfterHandling,
    SlowResponses,
    PurchaseAppliedThenBadGateway,
    TokensRevokedMidRun,
    RefreshTokenReused,
    RefreshDropped,
    RefreshAppliedThenDropped,
    RefreshUnavailable,
    RefreshRateLimited,
    ClockSkew,
}

impl Fault {
    const ALL: [Fault; 14] = [
        Fault::RateLimitBursts,
        Fault::ServiceUnavailableBursts,
        Fault::UpstreamFailures,
        Fault::ResetBeforeHandling,
        Fault::ResetAfterHandling,
        Fault::SlowResponses,
        Fault::PurchaseAppliedThenBadGateway,
        Fault::TokensRevokedMidRun,
        Fault::RefreshTokenReused,
        Fault::RefreshDropped,
        Fault::RefreshAppliedThenDropped,
        Fault::RefreshUnavailable,
        Fault::RefreshRateLimited,
        Fault::ClockSkew,
    ];

    fn name(self) -> &'static str {
        match self {
            Fault::RateLimitBursts => "429 bursts with `Retry-After: 1`",
            Fault::ServiceUnavailableBursts => "503 bursts",
            Fault::UpstreamFailures => "502 from the insurer upstream",
            Fault::ResetBeforeHandling => {
                "connection reset before the response (request not handled)"
            }
            Fault::ResetAfterHandling => "connection reset before the response (request handled)",
            Fault::SlowResponses => "responses slower than the 1 s client timeout",
            Fault::PurchaseAppliedThenBadGateway => "purchase made, then 502 from the gateway",
            Fault::TokensRevokedMidRun => "access tokens revoked mid-run",
            Fault::RefreshTokenReused => "a second client holds the refresh token just rotated",
            Fault::RefreshDropped => "refresh: connection reset (request not handled)",
            Fault::RefreshAppliedThenDropped => {
                "refresh: connection reset (token rotated, answer lost)"
            }
            Fault::RefreshUnavailable => "refresh: 503 twice",
            Fault::RefreshRateLimited => "refresh: 429 twice with `Retry-After: 1`",
            Fault::ClockSkew => "clock skew: token `exp` already past on arrival",
        }
    }

    fn injected_on(self) -> &'static str {
        match self {
            Fault::RateLimitBursts => "first 10 requests of every flow route, first 2 logins",
            Fault::ServiceUnavailableBursts => {
                "first 10 requests of every flow route, first 2 logins"
            }
            Fault::UpstreamFailures => "first 10 proposal creations, proposal reads and purchases",
            Fault::ResetBeforeHandling => "first 5 requests of every flow route",
            Fault::ResetAfterHandling => {
                "first 5 customer, vehicle, case and proposal creations; first 10 purchases"
            }
            Fault::SlowResponses => {
                "first 5 customer creations, 10 proposal reads, 10 purchases (+1.3 s)"
            }
            Fault::PurchaseAppliedThenBadGateway => "first 10 purchases",
            Fault::RefreshDropped
            | Fault::RefreshAppliedThenDropped
            | Fault::RefreshUnavailable
            | Fault::RefreshRateLimited => {
                "the refresh after every access token is revoked, when flow 25 has its proposal"
            }
            Fault::TokensRevokedMidRun => "every access token, when flow 25 has its proposal",
            Fault::RefreshTokenReused => {
                "two clients share one token store; tokens revoked when flow 25 has its proposal"
            }
            Fault::ClockSkew => "every token issued during the run (`skewSeconds: -3600`)",
        }
    }

    /// Clients the flows take turns on. They share one token store, as two workers of one CRM
    /// would; only the reuse row has two.
    async fn clients(self, sandbox: &TestSandbox) -> Vec<Client> {
        let store: Arc<MemoryTokenStore> = Arc::new(MemoryTokenStore::new());
        let builder = sandbox
            .builder()
            .agent_user(AGENT, PASSWORD)
            .purchase_confirmation_window(CONFIRMATION_WINDOW)
            .token_store(store);
        let builder = match self {
            Fault::SlowResponses => builder.timeout(SHORT_TIMEOUT),
            _ => builder,
        };
        let count = if self == Fault::RefreshTokenReused {
            2
        } else {
            1
        };
        let mut clients = Vec::new();
        for _ in 0..count {
            let client = builder.clone().build().expect("client builds");
            // The clock-skew row must sign in under the skewed clock, so it signs in lazily.
            if self != Fault::ClockSkew {
                client.sign_in().await.expect("signs in before the fault");
            }
            clients.push(client);
        }
        clients
    }

    /// Sets the fault up before the flows start.
    async fn arm(self, sandbox: &TestSandbox) {
        let on_every_route = |times: u32, extra: Value| {
            FLOW_ROUTES
                .iter()
                .map(move |(method, path)| fault(method, path, times, extra.clone()))
                .collect::<Vec<_>>()
        };
        let faults = match self {
            Fault::RateLimitBursts => {
                let burst = json!({ "status": 429, "retryAfter": 1 });
                let mut faults = on_every_route(10, burst.clone());
                faults.push(fault("POST", LOGIN, 2, burst));
                faults
            }
            Fault::ServiceUnavailableBursts => {
                let mut faults = on_every_route(10, json!({ "status": 503 }));
                faults.push(fault("POST", LOGIN, 2, json!({ "status": 503 })));
                faults
            }
            Fault::UpstreamFailures => [("POST", PROPOSALS), ("GET", PROPOSAL), ("POST", PURCHASE)]
                .iter()
                .map(|(method, path)| fault(method, path, 10, json!({ "status": 502 })))
                .collect(),
            Fault::ResetBeforeHandling => on_every_route(5, json!({ "action": "drop" })),
            Fault::ResetAfterHandling => {
                let mut faults: Vec<Value> = [CUSTOMERS, VEHICLES, CASES, PROPOSALS]
                    .iter()
                    .map(|path| fault("POST", path, 5, json!({ "action": "apply-then-drop" })))
                    .collect();
                faults.push(fault(
                    "POST",
                    PURCHASE,
                    10,
                    json!({ "action": "apply-then-drop" }),
                ));
                faults
            }
            Fault::SlowResponses => {
                let slow = json!({ "status": null, "delayMs": SLOW_DELAY_MS });
                vec![
                    fault("POST", CUSTOMERS, 5, slow.clone()),
                    fault("GET", PROPOSAL, 10, slow.clone()),
                    fault("POST", PURCHASE, 10, slow),
                ]
            }
            Fault::PurchaseAppliedThenBadGateway => vec![fault(
                "POST",
                PURCHASE,
                10,
                json!({ "action": "apply-then-respond", "status": 502 }),
            )],
            Fault::RefreshDropped => vec![fault("POST", REFRESH, 1, json!({ "action": "drop" }))],
            Fault::RefreshAppliedThenDropped => vec![fault(
                "POST",
                REFRESH,
                1,
                json!({ "action": "apply-then-drop" }),
            )],
            Fault::RefreshUnavailable => vec![fault("POST", REFRESH, 2, json!({ "status": 503 }))],
            Fault::RefreshRateLimited => vec![fault(
                "POST",
                REFRESH,
                2,
                json!({ "status": 429, "retryAfter": 1 }),
            )],
            Fault::ClockSkew => {
                sandbox
                    .control("clock", json!({ "skewSeconds": -3600 }))
                    .await;
                Vec::new()
            }
            Fault::TokensRevokedMidRun | Fault::RefreshTokenReused => Vec::new(),
        };
        for fault in faults {
            sandbox.fault(fault).await;
        }
    }

    /// Runs inside one flow, once it has its proposal, while the other flows are at work.
    async fn mid_run(self, sandbox: &TestSandbox, clients: &[Client]) {
        match self {
            Fault::TokensRevokedMidRun
            | Fault::RefreshTokenReused
            | Fault::RefreshDropped
            | Fault::RefreshAppliedThenDropped
            | Fault::RefreshUnavailable
            | Fault::RefreshRateLimited => {
                sandbox.control("revoke-tokens", json!({})).await;
                // Each client meets the revocation at least once, one after the other, so the
                // second one presents a refresh token the first has already rotated.
                for client in clients {
                    if let Err(error) = client.reference().me().await {
                        eprintln!(
                            "{}: a call after the revocation failed: {error:?}",
                            self.name()
                        );
                    }
                }
            }
            _ => {}
        }
    }

    async fn disarm(self, sandbox: &TestSandbox) {
        let cleared = reqwest::Client::new()
            .delete(format!("{}/__sandbox/faults", sandbox.url()))
            .send()
            .await
            .expect("faults cleared")
            .status();
        assert!(cleared.is_success(), "clearing faults answered {cleared}");
        if self == Fault::ClockSkew {
            sandbox.control("clock", json!({ "skewSeconds": 0 })).await;
        }
    }
}

/// One customer's quote-and-buy flow. Each step keeps what it obtained, so a flow interrupted
/// by an error resumes where it stopped.
#[derive(Debug, Default)]
struct Flow {
    number: u32,
    customer: Option<Customer>,
    vehicle: Option<Vehicle>,
    case: Option<Case>,
    proposal: Option<ProposalId>,
    product: Option<ProposalProductId>,
    purchase_attempted: bool,
    policy: Option<PolicyId>,
    confirmed_by_read_back: bool,
}

impl Flow {
    fn new(number: u32) -> Self {
        Flow {
            number,
            ..Flow::default()
        }
    }

    /// Runs the remaining steps. `mid_run` is called once the proposal exists.
    async fn advance(&mut self, client: &Client, mid_run: impl AsyncFnOnce()) -> Result<(), Error> {
        let customer = match &self.customer {
            Some(customer) => customer.clone(),
            None => {
                let new =
                    NewCustomer::individual(tckn(5000 + self.number)).with_birth_date("1990-01-01");
                let customer = client.customers().ensure(new).await?;
                self.customer = Some(customer.clone());
                customer
            }
        };
        let vehicle = match &self.vehicle {
            Some(vehicle) => vehicle.clone(),
            None => {
                let new = NewVehicle::new(PLATE).with_document_serial("AB", "123456");
                let vehicle = client.vehicles().create(&customer.id, new).await?;
                self.vehicle = Some(vehicle.clone());
                vehicle
            }
        };
        if self.case.is_none() {
            let case = client
                .cases()
                .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
                .await?;
            self.case = Some(case);
        }
        let proposal_id = match &self.proposal {
            Some(id) => id.clone(),
            None => {
                let created = client
                    .proposals()
                    .create(NewProposal::kasko(&customer.id, &vehicle.id))
                    .await?;
                self.proposal = Some(created.id.clone());
                mid_run().await;
                created.id
            }
        };
        let product_id = match &self.product {
            Some(id) => id.clone(),
            None => {
                let quick = WaitOptions {
                    timeout: Duration::from_secs(30),
                    poll_interval: Duration::from_millis(20),
                    max_poll_interval: Duration::from_millis(200),
                };
                let proposal = client.proposals().wait(&proposal_id, quick).await?;
                let best = proposal
                    .cheapest_product(1)
                    .map(|product| product.id.clone())
                    .ok_or_else(|| {
                        Error::new(ErrorKind::Unprocessable, "no insurer offered cash")
                    })?;
                self.product = Some(best.clone());
                best
            }
        };
        if self.purchase_attempted
            && self
                .settled_by_reading_back(client, &proposal_id, &product_id)
                .await?
        {
            return Ok(());
        }
        self.purchase_attempted = true;
        let bought = client
            .purchase()
            .sync(&proposal_id, &product_id, Payment::credit_card(card(), 1))
            .await?;
        self.confirmed_by_read_back = bought.confirmed_by_read_back;
        self.policy = Some(bought.policy_id);
        Ok(())
    }

    /// What a `PurchaseOutcomeUnknownError` asks for: look at the product before buying again.
    /// True when it turns out to be bought.
    async fn settled_by_reading_back(
        &mut self,
        client: &Client,
        proposal: &ProposalId,
        product: &ProposalProductId,
    ) -> Result<bool, Error> {
        loop {
            let read = client.proposals().product(proposal, product).await?;
            match read.state {
                ProductState::Purchasing => tokio::time::sleep(Duration::from_millis(50)).await,
                ProductState::Purchased => {
                    self.policy = read.policy_id;
                    self.confirmed_by_read_back = true;
                    return Ok(self.policy.is_some());
                }
                _ => return Ok(false),
            }
        }
    }
}

/// How a flow ended in the first pass, under the fault.
#[derive(Debug)]
enum Outcome {
    Policy { read_back: bool },
    Failed(Error),
}

/// One row of the matrix.
#[derive(Debug, Default)]
struct Row {
    policies: u32,
    read_back: u32,
    errors: BTreeMap<String, u32>,
    /// The first message seen for each error class, to show what the caller is told.
    messages: BTreeMap<String, String>,
    logins: u64,
    refreshes: u64,
    requests: u64,
    recovered: u32,
    violations: Vec<String>,
}

/// Runs every flow under `fault`, then without it, and checks the invariants.
async fn run_row(fault: Fault) -> Row {
    let sandbox = Arc::new(TestSandbox::start().await);
    // Armed first, so the bursts also meet the sign-in.
    fault.arm(&sandbox).await;
    let clients = Arc::new(fault.clients(&sandbox).await);

    let mut tasks = Vec::new();
    for number in 0..FLOWS {
        let (sandbox, clients) = (Arc::clone(&sandbox), Arc::clone(&clients));
        tasks.push(tokio::spawn(async move {
            let client = clients[number as usize % clients.len()].clone();
            let mut flow = Flow::new(number);
            let hook = async || {
                if number == FLOWS / 2 {
                    fault.mid_run(&sandbox, &clients).await;
                }
            };
            let ended = tokio::time::timeout(HANG_LIMIT, flow.advance(&client, hook)).await;
            (flow, ended)
        }));
    }

    let mut row = Row::default();
    let mut flows = Vec::new();
    for task in tasks {
        let (flow, ended) = match task.await {
            Ok(done) => done,
            Err(join) => {
                row.violations.push(format!("a flow panicked: {join}"));
                continue;
            }
        };
        let outcome = match ended {
            Err(_) => {
                row.violations
                    .push(format!("flow {} hung for {HANG_LIMIT:?}", flow.number));
                continue;
            }
            Ok(Ok(())) => Outcome::Policy {
                read_back: flow.confirmed_by_read_back,
            },
            Ok(Err(error)) => Outcome::Failed(error),
        };
        match &outcome {
            Outcome::Policy { read_back } => {
                row.policies += 1;
                row.read_back += u32::from(*read_back);
            }
            Outcome::Failed(error) => {
                let class = error.kind().class_name().to_owned();
                *row.errors.entry(class.clone()).or_default() += 1;
                row.messages
                    .entry(class)
                    .or_insert_with(|| error.to_string());
                if let Some(problem) = says_what_to_do(error, &flow) {
                    row.violations
                        .push(format!("flow {}: {problem}: {error:?}", flow.number));
                }
            }
        }
        flows.push(flow);
    }

    let stats = sandbox.stats().await;
    row.logins = stats["logins"].as_u64().unwrap_or(0);
    row.refreshes = stats["refreshes"].as_u64().unwrap_or(0);
    row.requests = sandbox.total_requests().await;
    let unfelt = the_fault_was_not_felt(fault, &row);
    row.violations.extend(unfelt);

    // The fault is gone: the same clients finish what the fault interrupted.
    fault.disarm(&sandbox).await;
    for flow in &mut flows {
        if flow.policy.is_some() {
            row.recovered += 1;
            continue;
        }
        let client = &clients[flow.number as usize % clients.len()];
        match tokio::time::timeout(HANG_LIMIT, flow.advance(client, async || {})).await {
            Ok(Ok(())) => row.recovered += 1,
            Ok(Err(error)) => row.violations.push(format!(
                "flow {} did not finish after the fault: {error:?}",
                flow.number
            )),
            Err(_) => row
                .violations
                .push(format!("flow {} hung after the fault", flow.number)),
        }
    }
    row.violations
        .extend(duplicates(&sandbox.stats().await, &flows));
    row
}

/// Why `error` fails to tell the caller what to do, if it does.
fn says_what_to_do(error: &Error, flow: &Flow) -> Option<String> {
    let kind = error.kind();
    if !ErrorKind::ALL.contains(&kind) {
        return Some(format!("kind {kind:?} is not one of the documented kinds"));
    }
    if KINDS_NO_FAULT_EXPLAINS.contains(&kind) {
        return Some(format!("{kind} does not describe a transport fault"));
    }
    if error.message().trim().is_empty() {
        return Some("the error has no message".to_owned());
    }
    if error.request_id().is_none() {
        return Some("the error does not carry the request id to quote".to_owned());
    }
    match kind {
        ErrorKind::RateLimit if error.retry_after().is_none() => {
            Some("a rate-limit error without retry_after".to_owned())
        }
        ErrorKind::Server if !error.status().is_some_and(|s| (500..600).contains(&s)) => {
            Some("a server error without a 5xx status".to_owned())
        }
        ErrorKind::Server if error.status() == Some(500) => {
            Some("the sandbox failed on its own (500), not by an injected fault".to_owned())
        }
        ErrorKind::PurchaseOutcomeUnknown => {
            let named = error.purchase().is_some_and(|about| {
                Some(about.proposal_id.as_str()) == flow.proposal.as_ref().map(ProposalId::as_str)
                    && Some(about.product_id.as_str())
                        == flow.product.as_ref().map(ProposalProductId::as_str)
            });
            (!named)
                .then(|| "an unknown purchase outcome that does not name the product".to_owned())
        }
        _ => None,
    }
}

/// Behaviour each auth row must show beyond the shared invariants, where it is missing.
fn the_fault_was_not_felt(fault: Fault, row: &Row) -> Vec<String> {
    let mut violations = Vec::new();
    match fault {
        Fault::TokensRevokedMidRun => {
            if row.refreshes == 0 {
                violations.push("the revocation was not met with a refresh".to_owned());
            }
            if row.logins != 1 {
                violations.push(format!(
                    "a revoked access token is renewed with the refresh token, not by logging in again ({} logins)",
                    row.logins
                ));
            }
        }
        // The second client finds the first one's rotated tokens in the shared store.
        Fault::RefreshTokenReused if row.logins != 1 || row.refreshes != 1 => {
            violations.push(format!(
                "a client sharing the store adopts the tokens another client renewed instead of \
                 refreshing or logging in again ({} logins, {} refreshes)",
                row.logins, row.refreshes
            ));
        }
        // A refresh whose answer was lost may have rotated the token: log in again, once.
        Fault::RefreshDropped | Fault::RefreshAppliedThenDropped if row.logins != 2 => {
            violations.push(format!(
                "a refresh with a lost answer falls back to one login ({} logins)",
                row.logins
            ));
        }
        // A 503 or 429 on the refresh changed nothing: retry it, never prompt for a login.
        Fault::RefreshUnavailable | Fault::RefreshRateLimited
            if row.logins != 1 || row.refreshes != 1 =>
        {
            violations.push(format!(
                "a refused-for-now refresh is retried without a new login ({} logins, {} refreshes)",
                row.logins, row.refreshes
            ));
        }
        Fault::PurchaseAppliedThenBadGateway if row.read_back == 0 => {
            violations.push("no purchase was confirmed by reading it back".to_owned());
        }
        _ => {}
    }
    violations
}

/// Duplicates the sandbox recorded: customers, cases, purchase requests and policies.
fn duplicates(stats: &Value, flows: &[Flow]) -> Vec<String> {
    let mut violations = Vec::new();
    let expect_one_each = |counter: &str, violations: &mut Vec<String>| {
        let recorded = stats[counter].as_u64().unwrap_or(0);
        if recorded != u64::from(FLOWS) {
            violations.push(format!("{counter} is {recorded} for {FLOWS} flows"));
        }
    };
    expect_one_each("customersCreated", &mut violations);
    expect_one_each("casesCreated", &mut violations);
    if let Some(purchases) = stats["purchases"].as_object() {
        for (product, count) in purchases {
            if count.as_u64() != Some(1) {
                violations.push(format!(
                    "product {product} received {count} purchase requests"
                ));
            }
        }
    }
    let policies: HashSet<_> = flows
        .iter()
        .filter_map(|flow| flow.policy.as_ref())
        .collect();
    let customers: HashSet<_> = flows
        .iter()
        .filter_map(|flow| flow.customer.as_ref().map(|c| c.id.clone()))
        .collect();
    if policies.len() != flows.len() || customers.len() != flows.len() {
        violations.push(format!(
            "{} flows ended with {} distinct policies for {} distinct customers",
            flows.len(),
            policies.len(),
            customers.len()
        ));
    }
    violations
}

fn table(rows: &[(Fault, Row)]) -> String {
    let mut out = String::new();
    out.push_str(
        "| fault | injected on | policies (read back) | typed errors | logins / refreshes | requests | finished after the fault |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|\n");
    for (fault, row) in rows {
        let errors = if row.errors.is_empty() {
            "none".to_owned()
        } else {
            row.errors
                .iter()
                .map(|(kind, count)| format!("{kind} ×{count}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} ({}) | {} | {} / {} | {} | {}/{} |",
            fault.name(),
            fault.injected_on(),
            row.policies,
            row.read_back,
            errors,
            row.logins,
            row.refreshes,
            row.requests,
            row.recovered,
            FLOWS,
        );
    }
    out
}

/// One message per error class, as callers see it (`Display`).
fn messages(rows: &[(Fault, Row)]) -> String {
    let mut seen = BTreeMap::new();
    for (_, row) in rows {
        for (class, message) in &row.messages {
            seen.entry(class.clone()).or_insert_with(|| message.clone());
        }
    }
    let mut out =
        String::from("| error class | what the caller is told (first seen) |\n|---|---|\n");
    for (class, message) in seen {
        let _ = writeln!(out, "| {class} | {} |", message.replace('|', "\\|"));
    }
    out
}

fn faults_md(table: &str, messages: &str) -> String {
    format!(
        "# Fault matrix\n\n\
         <!-- generated by tests/tests/fault_matrix.rs, do not edit; regenerate with:\n     \
         INSURUP_WRITE_FAULTS=1 cargo test -p insurup-e2e --test fault_matrix -- --nocapture -->\n\n\
         Regenerate: `INSURUP_WRITE_FAULTS=1 cargo test -p insurup-e2e --test fault_matrix -- --nocapture`\n\n\
         {FLOWS} quote-and-buy flows (customer, vehicle, sale opportunity, kasko proposal, cheapest cash \
         premium, card purchase) run concurrently against one sandbox per fault. \"policies\" counts \
         flows that ended with a policy while the fault was active (\"read back\": the purchase answer \
         was lost and the SDK confirmed the policy by reading the product); \"typed errors\" counts the \
         others by error class. Then the fault is cleared and the same client finishes every \
         interrupted flow from where it stopped. Every row holds: no panic, no hang, every error one \
         of the documented kinds with a message and a request id, and exactly {FLOWS} customers, \
         {FLOWS} cases and one purchase request per bought product in the sandbox's stats.\n\n\
         The counts come from one run: how many flows meet a burst depends on scheduling and on \
         jittered backoff, so they vary a little between runs; the invariants do not.\n\n\
         {table}\n\
         What the errors say (the server's `detail` is Turkish, as InsurUp sends it):\n\n\
         {messages}"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_flow_under_every_fault_ends_in_a_policy_or_an_actionable_error_without_duplicates() {
    let mut rows = Vec::new();
    for fault in Fault::ALL {
        let row = run_row(fault).await;
        rows.push((fault, row));
    }
    let table = table(&rows);
    let messages = messages(&rows);
    println!("{table}\n{messages}");
    if std::env::var_os("INSURUP_WRITE_FAULTS").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("FAULTS.md");
        std::fs::write(&path, faults_md(&table, &messages)).expect("FAULTS.md written");
        println!("wrote {}", path.display());
    }
    let violations: Vec<String> = rows
        .iter()
        .flat_map(|(fault, row)| {
            row.violations
                .iter()
                .map(move |v| format!("{}: {v}", fault.name()))
        })
        .collect();
    assert!(
        violations.is_empty(),
        "{} violations:\n{}",
        violations.len(),
        violations.join("\n")
    );
}
