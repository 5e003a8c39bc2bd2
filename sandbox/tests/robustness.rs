//! Hostile input on every route: malformed and deeply nested JSON, bodies past the limit (sized and
//! chunked), wrong content types, invalid UTF-8, unknown fields, junk tokens, deep and expensive
//! GraphQL queries and bytes that are not HTTP, in every dialect. Every answer is a clear 4xx
//! problem (InsurUp's, or ASP.NET Core's for a body that cannot bind) or a GraphQL error, never a
//! 5xx, never a hang, and the sandbox keeps serving afterwards.

#[allow(dead_code)]
#[path = "api/common.rs"]
mod common;

use std::time::Duration;

use common::*;
use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A small body limit, so "too large" is cheap to send to every route.
const BODY_LIMIT: usize = 16 * 1024;
/// Longer than any answer may take; a request still open then counts as a hang.
const HANG_LIMIT: Duration = Duration::from_secs(10);

const CUSTOMER: &str = "00000000-0000-4000-8000-00000000dead";
const OBJECT: &str = "0123456789abcdef01234567";

/// Whether a route reads a JSON body, and so must refuse a bad one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Json,
    /// Reads a JSON body when one is sent (an empty body is fine).
    OptionalJson,
    /// `/connect/token`: a form, answered with OAuth errors rather than problems.
    Form,
    Ignored,
}

/// Every route of a sandbox speaking `dialect`, with ids that have the right shape but match
/// nothing.
fn routes(dialect: Dialect) -> Vec<(&'static str, String, Body)> {
    let customer = format!("/api/customers/{CUSTOMER}");
    let proposal = format!("/api/proposals/{OBJECT}");
    let product = format!("{proposal}/products/{OBJECT}");
    let webhook = format!("/api/webhooks/{OBJECT}");
    let mut routes = vec![
        (
            "POST",
            "/api/authentication:agent-user/login".to_owned(),
            Body::Json,
        ),
        (
            "POST",
            "/api/authentication:agent-user/verify-mfa".to_owned(),
            Body::Json,
        ),
        (
            "POST",
            "/api/authentication:agent-user/refresh".to_owned(),
            Body::Json,
        ),
        ("POST", "/connect/token".to_owned(), Body::Form),
        ("GET", "/graphql/schema".to_owned(), Body::Ignored),
        ("GET", "/api/products".to_owned(), Body::Ignored),
        (
            "GET",
            "/api/coverage-choices:kasko".to_owned(),
            Body::Ignored,
        ),
        ("GET", "/__sandbox/stats".to_owned(), Body::Ignored),
        (
            "POST",
            "/__sandbox/revoke-tokens".to_owned(),
            Body::OptionalJson,
        ),
        ("POST", "/__sandbox/clock".to_owned(), Body::Json),
        ("POST", "/__sandbox/faults".to_owned(), Body::Json),
        ("GET", "/__sandbox/faults".to_owned(), Body::Ignored),
        (
            "GET",
            format!("/__sandbox/3d-secure/{OBJECT}"),
            Body::Ignored,
        ),
        ("GET", "/api/agent-users/me".to_owned(), Body::Ignored),
        ("GET", "/api/agent-branches".to_owned(), Body::Ignored),
        (
            "GET",
            format!("/api/agent-branches/{OBJECT}"),
            Body::Ignored,
        ),
        ("GET", "/api/insurance-companies".to_owned(), Body::Ignored),
        ("GET", "/api/coverage-groups".to_owned(), Body::Ignored),
        (
            "GET",
            format!("/api/coverage-groups/{OBJECT}"),
            Body::Ignored,
        ),
        (
            "GET",
            "/api/vehicle-parameters/brands".to_owned(),
            Body::Ignored,
        ),
        (
            "GET",
            "/api/vehicle-parameters/models?brandReference=139&year=2021".to_owned(),
            Body::Ignored,
        ),
        ("POST", "/api/customers".to_owned(), Body::Json),
        (
            "POST",
            "/api/customers/external-lookup".to_owned(),
            Body::Json,
        ),
        ("GET", customer.clone(), Body::Ignored),
        ("GET", format!("{customer}/assets"), Body::Ignored),
        ("PUT", customer.clone(), Body::Json),
        ("DELETE", customer.clone(), Body::Ignored),
        ("GET", format!("{customer}/vehicles"), Body::Ignored),
        ("POST", format!("{customer}/vehicles"), Body::Json),
        (
            "POST",
            format!("{customer}/vehicles/external-lookup"),
            Body::Json,
        ),
        (
            "GET",
            format!("{customer}/vehicles/{CUSTOMER}"),
            Body::Ignored,
        ),
        (
            "DELETE",
            format!("{customer}/vehicles/{CUSTOMER}"),
            Body::Ignored,
        ),
        ("GET", format!("{customer}/properties"), Body::Ignored),
        ("POST", format!("{customer}/properties"), Body::Json),
        (
            "GET",
            format!("{customer}/properties/{CUSTOMER}"),
            Body::Ignored,
        ),
        (
            "POST",
            "/api/cases:new-sale-opportunity".to_owned(),
            Body::Json,
        ),
        ("GET", format!("/api/cases/{OBJECT}"), Body::Ignored),
        ("POST", "/api/proposals".to_owned(), Body::Json),
        ("GET", proposal.clone(), Body::Ignored),
        ("GET", format!("{proposal}/products"), Body::Ignored),
        ("GET", product.clone(), Body::Ignored),
        ("GET", format!("{product}/coverage"), Body::Ignored),
        ("GET", format!("{product}/document"), Body::Ignored),
        ("POST", format!("{product}/retry"), Body::OptionalJson),
        ("POST", format!("{product}/purchase/sync"), Body::Json),
        ("POST", format!("{product}/purchase/async"), Body::Json),
        ("GET", format!("/api/policies/{OBJECT}"), Body::Ignored),
        (
            "GET",
            format!("/api/policies/{OBJECT}/document"),
            Body::Ignored,
        ),
        (
            "POST",
            format!("/api/policies/{OBJECT}/document/send"),
            Body::OptionalJson,
        ),
        ("GET", "/api/webhooks".to_owned(), Body::Ignored),
        ("POST", "/api/webhooks".to_owned(), Body::Json),
        ("GET", webhook.clone(), Body::Ignored),
        ("PUT", webhook.clone(), Body::Json),
        ("DELETE", webhook.clone(), Body::Ignored),
        ("GET", format!("{webhook}/deliveries"), Body::Ignored),
        (
            "GET",
            format!("{webhook}/deliveries/{OBJECT}"),
            Body::Ignored,
        ),
        (
            "POST",
            format!("{webhook}/deliveries/{OBJECT}/redeliver"),
            Body::Ignored,
        ),
        // Not routes: the fallbacks must answer just as clearly.
        ("GET", "/api/no-such-route".to_owned(), Body::Ignored),
        ("PATCH", "/api/customers".to_owned(), Body::Ignored),
    ];
    // The routes the dialects spell differently.
    if dialect == Dialect::Guide {
        routes.extend([
            ("GET", format!("{product}/premiums/1"), Body::Ignored),
            (
                "GET",
                format!("{product}/information-form-document"),
                Body::Ignored,
            ),
            ("GET", format!("{product}/retry"), Body::Ignored),
            ("POST", "/graphql".to_owned(), Body::Json),
        ]);
    } else {
        routes.extend([
            ("GET", format!("{product}/premium-detail/1"), Body::Ignored),
            ("GET", format!("{product}/information-form"), Body::Ignored),
            (
                "GET",
                "/.well-known/openid-configuration".to_owned(),
                Body::Ignored,
            ),
        ]);
    }
    match dialect {
        Dialect::GraphqlDocs => routes.push(("POST", "/graphql".to_owned(), Body::Json)),
        Dialect::VendorSdk => routes.extend([
            ("POST", "/api/graphql".to_owned(), Body::Json),
            ("GET", "/api/graphql/schema".to_owned(), Body::Ignored),
        ]),
        Dialect::Guide => {}
    }
    // Reset last: it wipes the data the other routes would look for.
    routes.push(("POST", "/__sandbox/reset".to_owned(), Body::Ignored));
    routes
}

/// One kind of bad request body.
#[derive(Debug, Clone, Copy)]
enum Hostile {
    MalformedJson,
    DeeplyNestedJson,
    TooLarge,
    WrongContentType,
    InvalidUtf8,
    UnknownField,
}

impl Hostile {
    const ALL: [Hostile; 6] = [
        Hostile::MalformedJson,
        Hostile::DeeplyNestedJson,
        Hostile::TooLarge,
        Hostile::WrongContentType,
        Hostile::InvalidUtf8,
        Hostile::UnknownField,
    ];

    fn content_type(self) -> &'static str {
        match self {
            Hostile::WrongContentType => "text/plain; charset=utf-8",
            _ => "application/json",
        }
    }

    fn body(self) -> Vec<u8> {
        match self {
            Hostile::MalformedJson => br#"{"email": "agent@sandbox.insurup.test", "#.to_vec(),
            Hostile::DeeplyNestedJson => {
                let depth = 5_000;
                let mut body = "[".repeat(depth).into_bytes();
                body.extend("]".repeat(depth).into_bytes());
                body
            }
            Hostile::TooLarge => {
                let mut body = br#"{"padding": ""#.to_vec();
                body.resize(BODY_LIMIT + 1024, b'x');
                body.extend(br#""}"#);
                body
            }
            Hostile::WrongContentType => br#"{"query": "{ __typename }"}"#.to_vec(),
            Hostile::InvalidUtf8 => b"{\"fullName\": \"\xff\xfe\xc3\x28\"}".to_vec(),
            Hostile::UnknownField => br#"{"surelyNotAField": 1}"#.to_vec(),
        }
    }

    /// The statuses a route that reads a JSON body must answer with.
    fn expected(self) -> &'static [u16] {
        match self {
            Hostile::TooLarge => &[413],
            Hostile::WrongContentType => &[415],
            _ => &[400],
        }
    }

    /// How a route that reads a JSON body refuses this body: InsurUp's problem for a size or a
    /// content type, else as the server's stack refuses a body it cannot read — HotChocolate's
    /// GraphQL error at the GraphQL endpoint, ASP.NET Core's validation problem on REST routes —
    /// except on test controls, which answer InsurUp's problem in every dialect.
    fn refusal(self, path: &str) -> Refusal {
        match self {
            Hostile::TooLarge | Hostile::WrongContentType => Refusal::Problem,
            _ if path.ends_with("/graphql") => Refusal::GraphQl,
            _ if path.starts_with("/__sandbox/") => Refusal::Problem,
            _ => Refusal::AspNet,
        }
    }
}

/// The kinds of clear refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Problem,
    AspNet,
    GraphQl,
}

#[track_caller]
fn assert_refusal(refusal: Refusal, reply: &Reply, context: &str) {
    match refusal {
        Refusal::Problem => assert_problem(reply, context),
        Refusal::AspNet => {
            assert_eq!(reply.status, 400, "{context}: {}", reply.text);
            assert_eq!(
                reply.header("content-type"),
                Some("application/problem+json; charset=utf-8"),
                "{context}: {}",
                reply.text
            );
            assert_eq!(
                reply.body["title"], "One or more validation errors occurred.",
                "{context}"
            );
            assert_eq!(reply.body["status"], 400, "{context}");
            assert!(
                reply.body["errors"]
                    .as_object()
                    .is_some_and(|errors| !errors.is_empty()),
                "{context}: no errors in {}",
                reply.text
            );
            assert_eq!(
                reply.body["traceId"].as_str().map(str::len),
                Some(55),
                "{context}: {}",
                reply.text
            );
        }
        Refusal::GraphQl => {
            assert_eq!(reply.status, 400, "{context}: {}", reply.text);
            assert_eq!(
                reply.header("content-type"),
                Some("application/graphql-response+json; charset=utf-8"),
                "{context}"
            );
            let error = &reply.body["errors"][0];
            assert!(
                error["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{context}: {}",
                reply.text
            );
            assert_eq!(
                error["extensions"]["traceId"].as_str().map(str::len),
                Some(32),
                "{context}: {}",
                reply.text
            );
        }
    }
}

/// Where a path is served: the token endpoint and its discovery document on the auth origin (the
/// API origin in the guide), everything else on the API origin.
fn url(api: &Api, path: &str) -> String {
    if path == "/connect/token" || path.starts_with("/.well-known/") {
        api.auth_url(path)
    } else {
        api.url(path)
    }
}

async fn send(api: &Api, method: &str, path: &str, content_type: &str, body: Vec<u8>) -> Reply {
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let request = api
        .http
        .request(method.clone(), url(api, path))
        .bearer_auth(&api.token)
        .header("content-type", content_type)
        .body(body)
        .send();
    let response = tokio::time::timeout(HANG_LIMIT, request)
        .await
        .unwrap_or_else(|_| panic!("{method} {path} hung"))
        .unwrap_or_else(|error| panic!("{method} {path} failed: {error}"));
    Reply::from(response).await
}

/// A clear problem: the documented content type and body, the status it claims, a detail and a
/// trace id.
#[track_caller]
fn assert_problem(reply: &Reply, context: &str) {
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json"),
        "{context}: {}",
        reply.text
    );
    assert_eq!(
        reply.body["status"], reply.status,
        "{context}: {}",
        reply.text
    );
    let detail = reply.body["detail"].as_str().unwrap_or_default();
    assert!(
        !detail.trim().is_empty(),
        "{context}: no detail in {}",
        reply.text
    );
    assert_eq!(
        reply.body["traceId"].as_str().map(str::len),
        Some(32),
        "{context}: {}",
        reply.text
    );
}

async fn start(dialect: Dialect) -> Api {
    Api::start_with(SandboxConfig {
        dialect,
        body_limit: BODY_LIMIT,
        ..SandboxConfig::for_tests()
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_refuses_every_hostile_body_with_a_clear_4xx_and_never_a_5xx() {
    for dialect in Dialect::ALL_STRICT {
        let api = start(dialect).await;
        let mut answered = 0;
        for (method, path, body) in routes(dialect) {
            for hostile in Hostile::ALL {
                let context = format!("{dialect}: {method} {path} with {hostile:?}");
                let reply = send(&api, method, &path, hostile.content_type(), hostile.body()).await;
                assert!(
                    reply.status < 500,
                    "{context}: {} {}",
                    reply.status,
                    reply.text
                );
                answered += 1;
                match body {
                    Body::Json => {
                        assert!(
                            hostile.expected().contains(&reply.status),
                            "{context}: expected {:?}, got {} {}",
                            hostile.expected(),
                            reply.status,
                            reply.text
                        );
                        assert_refusal(hostile.refusal(&path), &reply, &context);
                    }
                    Body::OptionalJson => {
                        assert!(
                            (400..500).contains(&reply.status),
                            "{context}: {}",
                            reply.status
                        );
                        assert_refusal(hostile.refusal(&path), &reply, &context);
                    }
                    Body::Form => {
                        assert!(
                            (400..500).contains(&reply.status),
                            "{context}: {}",
                            reply.status
                        );
                        let oauth_error = reply.body["error"].as_str().is_some();
                        assert!(
                            oauth_error
                                || reply.header("content-type") == Some("application/problem+json"),
                            "{context}: neither an OAuth error nor a problem: {}",
                            reply.text
                        );
                    }
                    Body::Ignored if reply.status >= 400 => assert_problem(&reply, &context),
                    Body::Ignored => {}
                }
            }
        }
        assert_eq!(answered, routes(dialect).len() * Hostile::ALL.len());
        // Still serving, and the hostile bodies changed nothing they should not have.
        api.get("/api/agent-users/me").await.expect(200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_fields_are_named_in_the_problem() {
    for dialect in Dialect::ALL_STRICT {
        let api = start(dialect).await;
        for (method, path, body) in routes(dialect) {
            if body != Body::Json || path.ends_with("/graphql") {
                continue;
            }
            let reply = send(
                &api,
                method,
                &path,
                "application/json",
                Hostile::UnknownField.body(),
            )
            .await;
            let context = format!("{dialect}: {method} {path}");
            assert_eq!(reply.status, 400, "{context}: {}", reply.text);
            // REST routes answer as ASP.NET Core binds, with the stranger under its JSON path;
            // test controls answer InsurUp's problem naming it.
            if path.starts_with("/__sandbox/") {
                assert_eq!(
                    reply.field_errors(),
                    vec!["surelyNotAField"],
                    "{context}: {}",
                    reply.text
                );
            } else {
                assert!(
                    reply.body["errors"]["$.surelyNotAField"].is_array(),
                    "{context}: {}",
                    reply.text
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_body_limit_is_enforced_on_streamed_bodies_too() {
    let api = start(Dialect::default()).await;
    let chunk = vec![b' '; 4096];
    // Just past the limit, so the whole body usually fits in the socket buffers and the 413 is read.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = (0..BODY_LIMIT / chunk.len() + 2)
        .map(|_| Ok(chunk.clone()))
        .collect();
    let body = reqwest::Body::wrap_stream(futures::stream::iter(chunks));
    let request = api
        .http
        .post(api.url("/api/customers"))
        .bearer_auth(&api.token)
        .header("content-type", "application/json")
        .body(body)
        .send();
    match tokio::time::timeout(HANG_LIMIT, request)
        .await
        .expect("no hang")
    {
        Ok(response) => {
            Reply::from(response)
                .await
                .expect_problem(413, "PAYLOAD_TOO_LARGE");
        }
        // A server that stops reading at the limit may close the connection while the client is
        // still writing; that is a refusal too, as long as the sandbox keeps serving.
        Err(error) => assert!(
            was_cut_off_while_sending(&error),
            "refused by closing the connection, not by failing: {error:?}"
        ),
    }
    let after = send(
        &api,
        "GET",
        "/api/customers/1",
        "application/json",
        Vec::new(),
    )
    .await;
    assert!(
        after.status < 500,
        "the sandbox still serves: {}",
        after.text
    );
}

fn was_cut_off_while_sending(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
            );
        }
        source = current.source();
    }
    false
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_just_under_the_limit_is_read_and_judged_on_its_content() {
    for dialect in Dialect::ALL_STRICT {
        let api = start(dialect).await;
        let mut body = br#"{"fullName": ""#.to_vec();
        body.resize(BODY_LIMIT - 64, b'x');
        body.extend(br#"", "$type": "individual"}"#);
        let reply = send(&api, "POST", "/api/customers", "application/json", body).await;
        assert_eq!(
            reply.status,
            invalid_input_status(dialect),
            "{dialect}: refused for its content, not its size: {}",
            reply.text
        );
        assert_problem(&reply, "a body under the limit");
        assert_eq!(reply.field_errors(), vec!["identityNumber"], "{dialect}");
    }
}

/// A query refused before it ran: HotChocolate's 400 with the GraphQL-over-HTTP media type.
fn graphql_error(reply: &Reply) -> (String, String) {
    assert_eq!(
        reply.status, 400,
        "a query that does not validate is a 400: {}",
        reply.text
    );
    assert_eq!(
        reply.header("content-type"),
        Some("application/graphql-response+json; charset=utf-8")
    );
    assert!(reply.body["data"].is_null(), "{}", reply.text);
    let error = &reply.body["errors"][0];
    assert_eq!(
        error["extensions"]["traceId"].as_str().map(str::len),
        Some(32),
        "{}",
        reply.text
    );
    (
        error["message"].as_str().unwrap_or_default().to_owned(),
        error["extensions"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

async fn graphql(api: &Api, query: &str) -> Reply {
    send(
        api,
        "POST",
        api.graphql_path(),
        "application/json",
        serde_json::to_vec(&json!({ "query": query })).expect("json"),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_queries_past_the_depth_limit_are_refused_by_name() {
    for dialect in Dialect::ALL_STRICT {
        // Large queries: the default 1 MiB body limit.
        let api = Api::start_in(dialect).await;
        // Introspection nests as deep as a client asks; 22 levels of `ofType` pass depth 20 (and
        // stay under the parser's recursion limit of 32, which refuses deeper queries earlier).
        let mut selection = "name".to_owned();
        for _ in 0..22 {
            selection = format!("name ofType {{ {selection} }}");
        }
        let query = format!("{{ __schema {{ types {{ fields {{ type {{ {selection} }} }} }} }} }}");
        let (message, code) = graphql_error(&graphql(&api, &query).await);
        assert!(
            message.to_lowercase().contains("nested too deep"),
            "{dialect}: {message}"
        );
        assert_eq!(code, "VALIDATION_ERROR");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_queries_nested_beyond_reason_are_refused_without_exhausting_the_stack() {
    for dialect in Dialect::ALL_STRICT {
        // Large queries: the default 1 MiB body limit.
        let api = Api::start_in(dialect).await;
        let depth = 20_000;
        let query = format!("{}{}", "{ a ".repeat(depth), "}".repeat(depth));
        let (message, _) = graphql_error(&graphql(&api, &query).await);
        assert!(!message.is_empty());
        let list = format!(
            "query {{ {}(filter: {}) {{ totalCount }} }}",
            list_field(dialect, "Policies"),
            "{ and: [".repeat(5_000)
        );
        let (message, _) = graphql_error(&graphql(&api, &list).await);
        assert!(!message.is_empty());
        api.get("/api/agent-users/me").await.expect(200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_queries_past_the_complexity_limit_are_refused() {
    for dialect in Dialect::ALL_STRICT {
        // Large queries: the default 1 MiB body limit.
        let api = Api::start_in(dialect).await;
        let field = list_field(dialect, "Policies");
        let rows = rows_of(dialect, "id grossPremium");
        let aliases: String = (0..3_000)
            .map(|n| format!("a{n}: {field}(first: 500) {{ {rows} }} "))
            .collect();
        let (message, code) = graphql_error(&graphql(&api, &format!("{{ {aliases} }}")).await);
        assert!(
            message.to_lowercase().contains("complex"),
            "{dialect}: {message}"
        );
        assert_eq!(code, "VALIDATION_ERROR");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_bodies_that_are_not_graphql_requests_are_refused_as_unreadable() {
    for dialect in Dialect::ALL_STRICT {
        let api = start(dialect).await;
        for body in [
            json!({}),
            json!({ "query": 42 }),
            json!({ "query": "{ __typename }", "variables": "not an object" }),
            json!({ "query": "{ __typename }", "varibles": {} }),
        ] {
            let reply = send(
                &api,
                "POST",
                api.graphql_path(),
                "application/json",
                serde_json::to_vec(&body).expect("json"),
            )
            .await;
            let context = format!("{dialect}: {body}");
            assert_refusal(Refusal::GraphQl, &reply, &context);
            assert_eq!(
                reply.body["errors"][0]["extensions"]["code"], "HC0009",
                "{context}: HotChocolate's code for a request it cannot read"
            );
        }
        api.get("/api/agent-users/me").await.expect(200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn junk_tokens_are_401_problems_on_every_protected_route() {
    for dialect in Dialect::ALL_STRICT {
        let api = start(dialect).await;
        let tokens = [
            "",
            "not-a-jwt",
            "a.b.c",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            &"x".repeat(8 * 1024),
        ];
        for (method, path, _) in routes(dialect) {
            let protected = path.starts_with("/api/") || path == "/graphql";
            let public =
                path.starts_with("/api/authentication") || path.ends_with("/graphql/schema");
            if !protected || public || path == "/api/no-such-route" {
                continue;
            }
            for token in tokens {
                let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
                let request = api
                    .http
                    .request(method.clone(), api.url(&path))
                    .header("authorization", format!("Bearer {token}"))
                    .send();
                let reply = Reply::from(
                    tokio::time::timeout(HANG_LIMIT, request)
                        .await
                        .expect("no hang")
                        .expect("an answer"),
                )
                .await;
                let context = format!("{dialect}: {method} {path} with token {:.12}", token);
                if reply.status == 405 {
                    // PATCH /api/customers: the method is wrong before the token matters.
                    assert_problem(&reply, &context);
                    continue;
                }
                assert_eq!(reply.status, 401, "{context}: {}", reply.text);
                assert_problem(&reply, &context);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn paths_with_invalid_utf8_or_odd_ids_are_4xx_problems() {
    let api = start(Dialect::default()).await;
    for path in [
        "/api/customers/%FF%FE",
        "/api/customers/%00",
        "/api/proposals/..%2F..%2Fetc%2Fpasswd",
        "/api/proposals/%C3%28/products/%80",
        &format!("/api/customers/{}", "9".repeat(4096)),
        "/api/vehicle-parameters/models?brandReference=%FF&year=-1",
        "/api/vehicle-parameters/models?year=99999999999999999999",
    ] {
        let reply = api.get(path).await;
        assert!(
            (400..500).contains(&reply.status),
            "{path}: {} {}",
            reply.status,
            reply.text
        );
        assert_problem(&reply, path);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bytes_that_are_not_http_get_an_answer_or_a_closed_connection_never_a_hang() {
    let api = start(Dialect::default()).await;
    let address = api
        .sandbox
        .base_url()
        .trim_start_matches("http://")
        .to_owned();
    for garbage in [
        b"GARBAGE\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".to_vec(),
        b"POST /api/customers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
            .to_vec(),
        vec![0xff; 64 * 1024],
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03".to_vec(),
    ] {
        let mut stream = tokio::net::TcpStream::connect(&address)
            .await
            .expect("connects");
        // The server may close before it has read everything: a failed write is an answer too.
        let _ = stream.write_all(&garbage).await;
        let mut answer = Vec::new();
        let read = tokio::time::timeout(HANG_LIMIT, stream.read_to_end(&mut answer)).await;
        assert!(
            read.is_ok(),
            "the sandbox held a connection open after {:?}",
            &garbage[..8.min(garbage.len())]
        );
        let text = String::from_utf8_lossy(&answer);
        assert!(!text.contains(" 500 "), "{text}");
    }
    api.get("/api/agent-users/me").await.expect(200);
}

#[test]
fn hostile_bodies_are_what_they_claim() {
    assert!(serde_json::from_slice::<Value>(&Hostile::MalformedJson.body()).is_err());
    assert!(std::str::from_utf8(&Hostile::InvalidUtf8.body()).is_err());
    assert!(Hostile::TooLarge.body().len() > BODY_LIMIT);
    assert!(serde_json::from_slice::<Value>(&Hostile::UnknownField.body()).is_ok());
}
