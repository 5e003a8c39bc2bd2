//! Test helpers: a started sandbox, a plain reqwest client, and short verbs for the calls tests repeat.

use std::time::{Duration, Instant};

use insurup_sandbox::{Dialect, Sandbox, SandboxConfig, SandboxHandle};
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

pub const AGENT_EMAIL: &str = "agent@sandbox.insurup.test";
pub const MFA_EMAIL: &str = "mfa@sandbox.insurup.test";
pub const PASSWORD: &str = "sandbox-password";
pub const AGENT_ID: &str = "00000000-0000-4000-8000-000000000001";
pub const BRANCH_ID: &str = "6650a1b2c3d4e5f601a2b3c4";
pub const TCKN: &str = "11111111110";

pub fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("http client")
}

/// A response, with its body parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Reply {
    pub async fn from(response: reqwest::Response) -> Self {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.expect("response body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Self {
            status,
            headers,
            body,
            text,
        }
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> Self {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.text
        );
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts an input-validation problem with the dialect's status.
    #[track_caller]
    pub fn expect_invalid_input(self, dialect: Dialect) -> Self {
        self.expect_problem(invalid_input_status(dialect), "INPUT_VALIDATION")
    }

    /// Asserts a problem-details answer with this status and code.
    #[track_caller]
    pub fn expect_problem(self, status: u16, code: &str) -> Self {
        let reply = self.expect(status);
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{}",
            reply.text
        );
        assert_eq!(reply.body["status"], status);
        let codes = reply.body["codes"].as_array().cloned().unwrap_or_default();
        assert!(
            codes.iter().any(|c| c == code),
            "expected code {code} in {}",
            reply.text
        );
        let trace = reply.body["traceId"].as_str().unwrap_or_default();
        assert_eq!(trace.len(), 32, "traceId is 32 hex: {}", reply.text);
        assert_eq!(
            reply.header("x-trace-id"),
            Some(trace),
            "x-trace-id matches traceId"
        );
        assert!(
            reply.body["type"]
                .as_str()
                .unwrap_or_default()
                .starts_with("https://api.insurup.com/problems/")
        );
        reply
    }

    pub fn field_errors(&self) -> Vec<String> {
        self.body["validationErrors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|e| e["propertyName"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Asserts ASP.NET Core's answer to a body it cannot bind, with an error under `key`.
#[track_caller]
pub fn assert_unbindable(reply: &Reply, key: &str) {
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json; charset=utf-8")
    );
    assert_eq!(
        reply.body["type"],
        "https://tools.ietf.org/html/rfc9110#section-15.5.1"
    );
    assert_eq!(
        reply.body["title"],
        "One or more validation errors occurred."
    );
    assert_eq!(reply.body["status"], 400);
    assert!(
        reply.body["errors"][key].is_array(),
        "expected an error under {key}: {}",
        reply.text
    );
    let trace = reply.body["traceId"].as_str().unwrap_or_default();
    assert!(trace.starts_with("00-") && trace.len() == 55, "{trace}");
}

/// The status of an input-validation problem (a checksum, a format, a value out of range): 400 in
/// the B2B guide, 422 where the OAuth docs' .NET client says so.
pub fn invalid_input_status(dialect: Dialect) -> u16 {
    if dialect == Dialect::Guide { 400 } else { 422 }
}

/// The dialect's root field of a list connection: `getPoliciesNew` in the guide, `policiesNew`
/// elsewhere (`list` is `Policies`, `Customers` or `Proposals`).
pub fn list_field(dialect: Dialect, list: &str) -> String {
    if dialect == Dialect::Guide {
        format!("get{list}New")
    } else {
        format!("{}New", list.to_lowercase())
    }
}

/// The dialect's sort argument: the guide's `orderBy`, HotChocolate's `order` elsewhere.
pub fn sort_argument(dialect: Dialect) -> &'static str {
    if dialect == Dialect::Guide {
        "orderBy"
    } else {
        "order"
    }
}

/// The rows of a connection, each selecting `fields`, in the dialect's shape: `edges { node { … }
/// }` (guide), `nodes { … }` (GraphQL docs), `edges { cursor node { … } }` (vendor client).
pub fn rows_of(dialect: Dialect, fields: &str) -> String {
    match dialect {
        Dialect::Guide => format!("edges {{ node {{ {fields} }} }}"),
        Dialect::GraphqlDocs => format!("nodes {{ {fields} }}"),
        Dialect::VendorSdk => format!("edges {{ cursor node {{ {fields} }} }}"),
    }
}

/// The rows of a connection as any dialect answers it.
pub fn rows(connection: &Value) -> Vec<Value> {
    match connection["nodes"].as_array() {
        Some(nodes) => nodes.clone(),
        None => connection["edges"]
            .as_array()
            .map(|edges| edges.iter().map(|e| e["node"].clone()).collect())
            .unwrap_or_default(),
    }
}

/// A page of the policies connection in the dialect's names, with the variables `$first`,
/// `$after`, `$last`, `$before`, `$filter` and `$order`, selecting `fields` of each row.
pub fn policies_page(dialect: Dialect, fields: &str) -> String {
    let (filter, sort) = match dialect {
        Dialect::Guide => ("PolicyFilterInput", "PolicySortInput"),
        Dialect::GraphqlDocs => (
            "QueryPoliciesResultFilterInput",
            "QueryPoliciesResultSortInput",
        ),
        Dialect::VendorSdk => (
            "filtering_QueryPoliciesResultFilterInput",
            "sorting_QueryPoliciesResultSortInput",
        ),
    };
    format!(
        "query($first: Int, $after: String, $last: Int, $before: String, $filter: {filter}, $order: [{sort}!]) {{
  {field}(first: $first, after: $after, last: $last, before: $before, filter: $filter, {sort_argument}: $order) {{
    totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    {rows}
  }}
}}",
        field = list_field(dialect, "Policies"),
        sort_argument = sort_argument(dialect),
        rows = rows_of(dialect, fields),
    )
}

pub struct Api {
    pub sandbox: SandboxHandle,
    pub http: reqwest::Client,
    pub token: String,
}

impl Api {
    /// A sandbox with instant insurers and a logged-in agent user.
    pub async fn start() -> Self {
        Self::start_with(SandboxConfig::for_tests()).await
    }

    /// A sandbox speaking `dialect`, with instant insurers and a logged-in agent user.
    pub async fn start_in(dialect: Dialect) -> Self {
        Self::start_with(SandboxConfig {
            dialect,
            ..SandboxConfig::for_tests()
        })
        .await
    }

    pub fn dialect(&self) -> Dialect {
        self.sandbox.dialect()
    }

    /// Where this sandbox's dialect posts GraphQL.
    pub fn graphql_path(&self) -> &'static str {
        match self.dialect() {
            Dialect::VendorSdk => "/api/graphql",
            _ => "/graphql",
        }
    }

    /// Posts a GraphQL request to the dialect's endpoint and returns the whole reply.
    pub async fn query(&self, query: &str, variables: Value) -> Reply {
        self.post(
            self.graphql_path(),
            json!({"query": query, "variables": variables}),
        )
        .await
    }

    pub async fn start_with(config: SandboxConfig) -> Self {
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        let http = http();
        let mut api = Self {
            sandbox,
            http,
            token: String::new(),
        };
        api.token = api.login(AGENT_EMAIL).await;
        api
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    /// A URL on the origin that serves the OAuth token endpoint (the API origin in the guide).
    pub fn auth_url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.auth_url())
    }

    pub async fn login(&self, email: &str) -> String {
        let reply = self
            .anonymous_post(
                "/api/authentication:agent-user/login",
                json!({"email": email, "password": PASSWORD}),
            )
            .await
            .expect(200);
        reply.body["accessToken"]
            .as_str()
            .expect("access token")
            .to_owned()
    }

    pub async fn anonymous_post(&self, path: &str, body: Value) -> Reply {
        Reply::from(
            self.http
                .post(self.url(path))
                .json(&body)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn get(&self, path: &str) -> Reply {
        Reply::from(
            self.http
                .get(self.url(path))
                .bearer_auth(&self.token)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn get_with(&self, path: &str, token: &str) -> Reply {
        Reply::from(
            self.http
                .get(self.url(path))
                .bearer_auth(token)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        Reply::from(
            self.http
                .post(self.url(path))
                .bearer_auth(&self.token)
                .json(&body)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        Reply::from(
            self.http
                .put(self.url(path))
                .bearer_auth(&self.token)
                .json(&body)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        Reply::from(
            self.http
                .delete(self.url(path))
                .bearer_auth(&self.token)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn control(&self, path: &str, body: Value) -> Reply {
        self.anonymous_post(path, body).await
    }

    pub async fn stats(&self) -> Value {
        Reply::from(
            self.http
                .get(self.url("/__sandbox/stats"))
                .send()
                .await
                .expect("request"),
        )
        .await
        .expect(200)
        .body
    }

    /// Posts a GraphQL request to the dialect's endpoint and returns the body of its 200 answer.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        self.query(query, variables).await.expect(200).body
    }

    pub async fn create_customer(&self, tckn: &str) -> String {
        let reply = self
            .post(
                "/api/customers",
                json!({
                    "$type": "individual",
                    "identityNumber": tckn,
                    "fullName": "AHMET YILMAZ",
                    "birthDate": "1990-01-01",
                    "email": "ahmet@example.com.tr",
                    "phoneNumber": {"countryCode": 90, "number": "5321234567"},
                    "cityReference": "34",
                    "districtReference": "1823",
                    "agentId": AGENT_ID,
                    "agentBranchId": BRANCH_ID,
                }),
            )
            .await
            .expect(200);
        reply.body["id"].as_str().expect("customer id").to_owned()
    }

    /// The vehicle body of the dialect: the kasko guide's flat one, else the vendor client's.
    pub fn vehicle_body(&self, customer: &str) -> Value {
        if self.dialect() == Dialect::Guide {
            json!({
                "plate": "34ABC123",
                "year": 2021,
                "brandCode": "139",
                "modelCode": "139014",
                "utilizationStyle": "PRIVATE_CAR",
                "fuel": "GASOLINE",
                "documentSerialCode": "AB",
                "documentSerialNumber": "123456",
            })
        } else {
            json!({
                "customerId": customer,
                "plate": {"city": 34, "code": "ABC123"},
                "modelYear": 2021,
                "brandReference": "139",
                "modelTypeReference": "139014",
                "utilizationStyle": "PRIVATE_CAR",
                "fuel": "GASOLINE",
                "documentSerial": {"code": "AB", "number": "123456"},
            })
        }
    }

    pub async fn create_vehicle(&self, customer: &str) -> String {
        let reply = self
            .post(
                &format!("/api/customers/{customer}/vehicles"),
                self.vehicle_body(customer),
            )
            .await
            .expect(200);
        reply.body["id"].as_str().expect("vehicle id").to_owned()
    }

    /// The kasko proposal body of the dialect: the guide's older one, else the vendor client's.
    pub fn proposal_body(&self, customer: &str, vehicle: &str) -> Value {
        if self.dialect() == Dialect::Guide {
            json!({
                "type": "kasko",
                "customerId": customer,
                "insuredCustomerId": customer,
                "vehicleId": vehicle,
                "channel": "website",
                "coverageGroupIds": [123],
            })
        } else {
            json!({
                "$type": "kasko",
                "productBranch": "KASKO",
                "insurerCustomerId": customer,
                "insuredCustomerId": customer,
                "vehicleId": vehicle,
                "channel": "API",
            })
        }
    }

    pub async fn create_proposal(&self, customer: &str, vehicle: &str) -> String {
        let reply = self
            .post("/api/proposals", self.proposal_body(customer, vehicle))
            .await
            .expect(200);
        reply.body["proposalId"]
            .as_str()
            .expect("proposal id")
            .to_owned()
    }

    /// Polls until no product waits, as a client would.
    pub async fn wait_for_proposal(&self, proposal: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let body = self
                .get(&format!("/api/proposals/{proposal}"))
                .await
                .expect(200)
                .body;
            if body["state"] != "WAITING" {
                return body;
            }
            assert!(Instant::now() < deadline, "proposal still waiting: {body}");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// A customer with a vehicle and a resolved kasko proposal; returns (proposal id, an ACTIVE product).
    pub async fn quoted_product(&self) -> (String, Value) {
        let customer = self.create_customer(TCKN).await;
        let vehicle = self.create_vehicle(&customer).await;
        let proposal = self.create_proposal(&customer, &vehicle).await;
        let body = self.wait_for_proposal(&proposal).await;
        let product = body["products"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
            .cloned()
            .expect("at least one insurer quoted");
        (proposal, product)
    }

    pub async fn purchase(
        &self,
        proposal: &str,
        product: &str,
        card_number: &str,
        installments: u8,
    ) -> Reply {
        self.post(
            &format!("/api/proposals/{proposal}/products/{product}/purchase/sync"),
            json!({
                "$type": "credit-card",
                "proposalId": proposal,
                "proposalProductId": product,
                "installmentNumber": installments,
                "card": {
                    "number": card_number,
                    "cvc": "123",
                    "expiryMonth": "12",
                    "expiryYear": "2030",
                    "holderName": "AHMET YILMAZ",
                },
            }),
        )
        .await
    }
}
