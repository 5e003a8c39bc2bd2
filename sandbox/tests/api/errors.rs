use insurup_sandbox::Dialect;
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
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        for body in [
            b"{\"$type\": ".to_vec(),
            b"{} trailing".to_vec(),
            vec![b'{', 0xff, 0xfe, b'}'],
        ] {
            let reply = raw_post(&api, "/api/customers", Some("application/json"), body).await;
            assert_unbindable(&reply, "$");
            assert_eq!(
                reply.body["errors"]["request"],
                json!(["The request field is required."]),
                "{dialect}"
            );
        }
        api.get("/api/agent-users/me").await.expect(200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_that_is_not_json_is_an_unsupported_media_type() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        raw_post(&api, "/api/customers", Some("text/plain"), b"{}".to_vec())
            .await
            .expect_problem(415, "UNSUPPORTED_MEDIA_TYPE");
        raw_post(&api, "/api/customers", None, b"{}".to_vec())
            .await
            .expect_problem(415, "UNSUPPORTED_MEDIA_TYPE");
        raw_post(
            &api,
            api.graphql_path(),
            Some("application/x-www-form-urlencoded"),
            b"query=x".to_vec(),
        )
        .await
        .expect_problem(415, "UNSUPPORTED_MEDIA_TYPE");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_missing_and_mistyped_fields_are_named_in_validation_errors() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let unknown = api
            .post(
                "/api/customers",
                json!({"$type": "individual", "identityNumber": TCKN, "fulName": "x"}),
            )
            .await;
        assert_unbindable(&unknown, "$.fulName");
        let missing = api
            .anonymous_post(
                "/api/authentication:agent-user/login",
                json!({"email": AGENT_EMAIL}),
            )
            .await;
        assert_unbindable(&missing, "$");
        assert!(
            missing.body["errors"]["$"][0]
                .as_str()
                .is_some_and(|m| m
                    .ends_with("missing required properties, including the following: password")),
            "{dialect}: {}",
            missing.text
        );
        let nested = api.post("/api/customers", json!({"$type": "individual", "identityNumber": TCKN, "phoneNumber": {"countryCode": 90, "numbr": "5"}})).await;
        assert_unbindable(&nested, "$.phoneNumber.numbr");
        let typed = api
            .post(
                "/api/customers",
                json!({"$type": "individual", "identityNumber": TCKN, "birthDate": 1990}),
            )
            .await;
        assert_unbindable(&typed, "$.birthDate");
        assert_eq!(
            api.stats().await["customersCreated"],
            0,
            "{dialect}: nothing created by a body that did not bind"
        );
    }
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
