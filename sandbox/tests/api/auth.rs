use std::time::Duration;

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::json;

use crate::common::*;

const LOGIN: &str = "/api/authentication:agent-user/login";
const REFRESH: &str = "/api/authentication:agent-user/refresh";

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_password_is_refused_with_invalid_credentials() {
    let api = Api::start().await;
    api.anonymous_post(LOGIN, json!({"email": AGENT_EMAIL, "password": "nope"}))
        .await
        .expect_problem(401, "INVALID_CREDENTIALS");
    api.anonymous_post(
        LOGIN,
        json!({"email": "who@example.com", "password": PASSWORD}),
    )
    .await
    .expect_problem(401, "INVALID_CREDENTIALS");
}

#[tokio::test(flavor = "multi_thread")]
async fn empty_credentials_are_a_validation_error_naming_the_field() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let reply = api
            .anonymous_post(LOGIN, json!({"email": "", "password": PASSWORD}))
            .await
            .expect_invalid_input(dialect);
        assert_eq!(reply.field_errors(), vec!["email"], "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_two_factor_code_is_refused_and_the_right_one_still_works() {
    let api = Api::start().await;
    let login = api
        .anonymous_post(LOGIN, json!({"email": MFA_EMAIL, "password": PASSWORD}))
        .await
        .expect(200);
    let user = login.body["userId"].clone();
    api.anonymous_post(
        "/api/authentication:agent-user/verify-mfa",
        json!({"userId": user, "code": "000000"}),
    )
    .await
    .expect_problem(401, "INVALID_MFA_CODE");
    let ok = api
        .anonymous_post(
            "/api/authentication:agent-user/verify-mfa",
            json!({"userId": user, "code": "123456"}),
        )
        .await
        .expect(200);
    assert!(ok.body["accessToken"].is_string());
    // The challenge is used up.
    api.anonymous_post(
        "/api/authentication:agent-user/verify-mfa",
        json!({"userId": user, "code": "123456"}),
    )
    .await
    .expect_problem(401, "MFA_CHALLENGE_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn refresh_rotates_the_token_and_reuse_is_refused() {
    let api = Api::start().await;
    let login = api
        .anonymous_post(LOGIN, json!({"email": AGENT_EMAIL, "password": PASSWORD}))
        .await
        .expect(200);
    let first = login.body["refreshToken"]
        .as_str()
        .expect("refresh token")
        .to_owned();
    let rotated = api
        .anonymous_post(REFRESH, json!({"refreshToken": first}))
        .await
        .expect(200);
    let second = rotated.body["refreshToken"]
        .as_str()
        .expect("new refresh token");
    assert_ne!(first, second);
    let access = rotated.body["accessToken"].as_str().expect("access token");
    api.get_with("/api/agent-users/me", access)
        .await
        .expect(200);
    api.anonymous_post(REFRESH, json!({"refreshToken": first}))
        .await
        .expect_problem(401, "INVALID_REFRESH_TOKEN");
    api.anonymous_post(REFRESH, json!({"refreshToken": "not-a-token"}))
        .await
        .expect_problem(401, "INVALID_REFRESH_TOKEN");
    assert_eq!(api.stats().await["refreshes"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn protected_routes_refuse_missing_malformed_forged_and_expired_tokens() {
    let api = Api::start().await;
    let missing = api
        .http
        .get(api.url("/api/agent-users/me"))
        .send()
        .await
        .expect("request");
    assert_eq!(
        missing
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    Reply::from(missing)
        .await
        .expect_problem(401, "TOKEN_MISSING");
    let basic = api
        .http
        .get(api.url("/api/agent-users/me"))
        .header("authorization", "Basic abc")
        .send()
        .await
        .expect("request");
    Reply::from(basic)
        .await
        .expect_problem(401, "TOKEN_INVALID");
    api.get_with("/api/agent-users/me", "not.a.jwt")
        .await
        .expect_problem(401, "TOKEN_INVALID");
    // Same claims, signature from another secret.
    let other = Api::start().await;
    api.get_with("/api/agent-users/me", &other.token)
        .await
        .expect_problem(401, "TOKEN_INVALID");
    // Issue a token that is already expired by skewing the sandbox clock.
    api.control("/__sandbox/clock", json!({"skewSeconds": -3600}))
        .await
        .expect(204);
    let stale = api.login(AGENT_EMAIL).await;
    api.get_with("/api/agent-users/me", &stale)
        .await
        .expect_problem(401, "TOKEN_EXPIRED");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_access_token_expires_after_the_configured_ttl() {
    let api = Api::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(1),
        ..SandboxConfig::for_tests()
    })
    .await;
    api.get("/api/agent-users/me").await.expect(200);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    api.get("/api/agent-users/me")
        .await
        .expect_problem(401, "TOKEN_EXPIRED");
}

#[tokio::test(flavor = "multi_thread")]
async fn revoking_tokens_invalidates_every_earlier_access_token_and_optionally_refresh_tokens() {
    let api = Api::start().await;
    let login = api
        .anonymous_post(LOGIN, json!({"email": AGENT_EMAIL, "password": PASSWORD}))
        .await
        .expect(200);
    let refresh = login.body["refreshToken"]
        .as_str()
        .expect("refresh")
        .to_owned();
    api.control("/__sandbox/revoke-tokens", json!({}))
        .await
        .expect(204);
    api.get("/api/agent-users/me")
        .await
        .expect_problem(401, "TOKEN_INVALID");
    let renewed = api
        .anonymous_post(REFRESH, json!({"refreshToken": refresh}))
        .await
        .expect(200);
    let token = renewed.body["accessToken"].as_str().expect("token");
    api.get_with("/api/agent-users/me", token).await.expect(200);
    let refresh = renewed.body["refreshToken"]
        .as_str()
        .expect("refresh")
        .to_owned();
    api.control("/__sandbox/revoke-tokens", json!({"refreshTokens": true}))
        .await
        .expect(204);
    api.anonymous_post(REFRESH, json!({"refreshToken": refresh}))
        .await
        .expect_problem(401, "INVALID_REFRESH_TOKEN");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_service_account_gets_a_token_by_client_credentials() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let token_request = |form: &[(&str, &str)]| {
            let request = api.http.post(api.auth_url("/connect/token")).form(form);
            async move { Reply::from(request.send().await.expect("request")).await }
        };
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", "sandbox-client"),
            ("client_secret", "sandbox-secret"),
            ("scope", "core-api"),
        ];
        let reply = token_request(&form).await.expect(200);
        assert_eq!(reply.body["token_type"], "Bearer", "{dialect}");
        assert_eq!(
            reply.body["expires_in"], 600,
            "capped by the configured token ttl"
        );
        assert_eq!(reply.body["scope"], "core-api");
        assert!(reply.body.get("refresh_token").is_none());
        let token = reply.body["access_token"].as_str().expect("token");
        let me = api.get_with("/api/agent-users/me", token).await.expect(200);
        assert_eq!(me.body["isServiceAccount"], true);
        assert_eq!(me.body["agentId"], AGENT_ID);

        let wrong = [
            ("grant_type", "client_credentials"),
            ("client_id", "sandbox-client"),
            ("client_secret", "x"),
        ];
        let reply = token_request(&wrong).await;
        assert_eq!(
            (reply.status, reply.body["error"].as_str()),
            (401, Some("invalid_client")),
            "{dialect}"
        );
        let password = [("grant_type", "password"), ("client_id", "sandbox-client")];
        let reply = token_request(&password).await;
        assert_eq!(
            (reply.status, reply.body["error"].as_str()),
            (400, Some("unsupported_grant_type")),
            "{dialect}"
        );
        let scope = [
            ("grant_type", "client_credentials"),
            ("client_id", "sandbox-client"),
            ("client_secret", "sandbox-secret"),
            ("scope", "openid core-api"),
        ];
        let reply = token_request(&scope).await;
        assert_eq!(
            (reply.status, reply.body["error"].as_str()),
            (400, Some("invalid_scope")),
            "{dialect}"
        );
    }
}
