use serde_json::json;

use crate::common::*;

async fn raw_post(api: &Api, path: &str, content_type: Option<&str>, body: Vec<u8>) -> Reply {
    let mut request = api
        .http
        .post(api.url(path))
        .bearer_auth(&api.token)
        .body(body);
    if let Some(ct) = content_type {
        request = request.header("content-type", ct);
    }
    Reply::from(request.send().await.expect("request")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_json_is_a_400_problem_not_a_crash() {
    let api = Api::start().await;
    raw_post(
        &api,
        "/api/customers",
        Some("application/json"),
        b"{\"$type\": ".to_vec(),
    )
    .await
    .expect_problem(400, "MALFORMED_REQUEST");
    raw_post(
        &api,
        "/api/customers",
        Some("application/json"),
        b"{} trailing".to_vec(),
    )
    .await
    .expect_problem(400, "MALFORMED_REQUEST");
    raw_post(
        &api,
        "/api/customers",
        Some("application/json"),
        vec![b'{', 0xff, 0xfe, b'}'],
    )
    .await
    .expect_problem(400, "MALFORMED_REQUEST");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_that_is_not_json_is_an_unsupported_media_type() {
    let api = Api::start().await;
    raw_post(&api, "/api/customers", Some("text/plain"), b"{}".to_vec())
        .await
        .expect_problem(415, "UNSUPPORTED_MEDIA_TYPE");
    raw_post(&api, "/api/customers", None, b"{}".to_vec())
        .await
        .expect_problem(415, "UNSUPPORTED_MEDIA_TYPE");
    raw_post(
        &api,
        "/graphql",
        Some("application/x-www-form-urlencoded"),
        b"query=x".to_vec(),
    )
    .await
    .expect_problem(415, "UNSUPPORTED_MEDIA_TYPE");
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_missing_and_mistyped_fields_are_named_in_validation_errors() {
    let api = Api::start().await;
    let unknown = api
        .post(
            "/api/customers",
            json!({"$type": "individual", "identityNumber": TCKN, "fulName": "x"}),
        )
        .await;
    assert_eq!(
        unknown
            .expect_problem(400, "INPUT_VALIDATION")
            .field_errors(),
        vec!["fulName"]
    );
    let missing = api
        .anonymous_post(
            "/api/authentication:agent-user/login",
            json!({"email": AGENT_EMAIL}),
        )
        .await;
    assert_eq!(
        missing
            .expect_problem(400, "INPUT_VALIDATION")
            .field_errors(),
        vec!["password"]
    );
    let nested = api.post("/api/customers", json!({"$type": "individual", "identityNumber": TCKN, "phoneNumber": {"countryCode": 90, "numbr": "5"}})).await;
    assert_eq!(
        nested
            .expect_problem(400, "INPUT_VALIDATION")
            .field_errors(),
        vec!["phoneNumber.numbr"]
    );
    let typed = api
        .post(
            "/api/customers",
            json!({"$type": "individual", "identityNumber": TCKN, "birthDate": 1990}),
        )
        .await;
    assert_eq!(
        typed.expect_problem(400, "INPUT_VALIDATION").field_errors(),
        vec!["birthDate"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_over_the_limit_is_a_413_problem() {
    let api = Api::start().await;
    let big = format!(
        "{{\"$type\":\"individual\",\"fullName\":\"{}\"}}",
        "x".repeat(1024 * 1024 + 10)
    );
    raw_post(
        &api,
        "/api/customers",
        Some("application/json"),
        big.into_bytes(),
    )
    .await
    .expect_problem(413, "PAYLOAD_TOO_LARGE");
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_routes_and_methods_answer_with_problems() {
    let api = Api::start().await;
    let missing = api
        .get("/api/nothing-here")
        .await
        .expect_problem(404, "ENDPOINT_NOT_FOUND");
    assert_eq!(
        missing.body["type"],
        "https://api.insurup.com/problems/endpoint-not-found"
    );
    api.delete("/api/proposals")
        .await
        .expect_problem(405, "METHOD_NOT_ALLOWED");
    api.get("/api/customers/00000000-0000-4000-8000-00000000dead")
        .await
        .expect_problem(404, "CUSTOMER_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_response_carries_a_trace_id_and_echoes_the_request_id() {
    let api = Api::start().await;
    let response = api
        .http
        .get(api.url("/api/agent-users/me"))
        .bearer_auth(&api.token)
        .header("x-request-id", "req-123")
        .send()
        .await
        .expect("request");
    assert_eq!(response.headers()["x-request-id"], "req-123");
    assert_eq!(response.headers()["x-trace-id"].len(), 32);
}
