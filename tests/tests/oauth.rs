//! A user's OAuth sign-in (authorization code with PKCE, PAR), refresh rotation through the token
//! store, and sign-out with revocation, against the sandbox's authorization server.

mod support;

use std::time::Duration;

use insurup::{Client, ErrorKind, FileTokenStore, TokenStore};
use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::{Value, json};
use support::*;

const APP: &str = "sandbox-app";
const REDIRECT: &str = "http://127.0.0.1:53682/callback";

fn oauth_client(sandbox: &TestSandbox) -> Client {
    sandbox
        .builder()
        .oauth_user(APP, REDIRECT)
        .build()
        .expect("client builds")
}

/// What the user's browser does with the authorization URL: sign in, consent, land on the
/// callback (the sandbox's approve control).
async fn approve(sandbox: &TestSandbox, url: &str, extra: Value) -> String {
    let mut body = json!({ "url": url });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    let answer: Value = reqwest::Client::new()
        .post(format!("{}/__sandbox/oauth/approve", sandbox.url()))
        .json(&body)
        .send()
        .await
        .expect("approve answer")
        .json()
        .await
        .expect("JSON");
    answer["redirectUrl"]
        .as_str()
        .unwrap_or_else(|| panic!("no redirect URL in {answer}"))
        .to_owned()
}

async fn signed_in(sandbox: &TestSandbox, client: &Client) {
    let pending = client.start_sign_in().await.expect("sign-in starts");
    let callback = approve(sandbox, &pending.authorization_url, json!({})).await;
    client
        .complete_sign_in(&callback)
        .await
        .expect("sign-in completes");
}

fn with_param(url: &str, name: &str, value: &str) -> String {
    let mut parsed = url::Url::parse(url).expect("url");
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .into_owned()
        .map(|(key, old)| {
            if key == name {
                (key, value.to_owned())
            } else {
                (key, old)
            }
        })
        .collect();
    parsed.query_pairs_mut().clear().extend_pairs(pairs);
    parsed.into()
}

#[test]
fn oauth_sign_in_settings_are_checked_before_anything_is_sent() {
    let error = Client::builder()
        .base_url("http://127.0.0.1:9")
        .oauth_user(APP, "not a url")
        .build()
        .expect_err("bad redirect");
    assert_eq!(error.field(), Some("redirect_uri"));
    let error = Client::builder()
        .base_url("https://crm-gateway.example.com")
        .oauth_user(APP, REDIRECT)
        .build()
        .expect_err("unknown auth server");
    assert_eq!(error.field(), Some("auth_url"));
    let client = Client::builder()
        .base_url("https://api.insurup.com")
        .oauth_user(APP, REDIRECT)
        .build()
        .expect("production");
    assert_eq!(client.auth_url(), "https://auth.insurup.com/");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_signs_in_with_pkce_through_par_and_the_client_acts_as_that_user() {
    for dialect in [Dialect::VendorSdk, Dialect::Guide, Dialect::GraphqlDocs] {
        let sandbox = TestSandbox::start_with(SandboxConfig {
            dialect,
            ..SandboxConfig::for_tests()
        })
        .await;
        let client = oauth_client(&sandbox);

        let error = client.reference().me().await.expect_err("nobody signed in");
        assert_eq!(error.kind(), ErrorKind::Authentication, "{dialect}");
        assert!(error.to_string().contains("start_sign_in"), "{error}");
        assert_eq!(
            sandbox.total_requests().await,
            0,
            "refused before any request"
        );

        let pending = client.start_sign_in().await.expect("sign-in starts");
        // Discovery advertises PAR, so the URL names the pushed request only.
        assert!(
            pending.authorization_url.contains("request_uri="),
            "{pending:?}"
        );
        assert!(!pending.authorization_url.contains("code_challenge"));
        assert!(
            pending
                .authorization_url
                .starts_with(&format!("{}/connect/authorize?", sandbox.handle.auth_url())),
            "{pending:?}"
        );
        assert_eq!(sandbox.requests("POST /connect/par").await, 1);
        let callback = approve(&sandbox, &pending.authorization_url, json!({})).await;
        assert!(callback.contains(&format!("state={}", pending.state)));
        client.complete_sign_in(&callback).await.expect("completes");

        let me = client.reference().me().await.expect("acts as the user");
        assert_eq!(me.email.as_deref(), Some(AGENT), "{dialect}");
        assert!(!me.is_service_account);
        let stats = sandbox.stats().await;
        assert_eq!(stats["authorizationCodes"], 1);
        assert_eq!(
            stats["requests"]["GET /.well-known/openid-configuration"], 1,
            "discovery is read once"
        );
        // The same callback again is not a sign-in this client is waiting for.
        let again = client.complete_sign_in(&callback).await.expect_err("used");
        assert_eq!(again.field(), Some("state"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_without_discovery_gets_the_whole_request_in_the_url_and_the_documented_paths() {
    let sandbox = TestSandbox::start().await;
    sandbox
        .fault(fault(
            "GET",
            "/.well-known/openid-configuration",
            1,
            json!({"status": 404}),
        ))
        .await;
    let client = oauth_client(&sandbox);
    let pending = client
        .start_sign_in()
        .await
        .expect("starts without discovery");
    assert_eq!(sandbox.requests("POST /connect/par").await, 0, "no PAR");
    let url = url::Url::parse(&pending.authorization_url).expect("url");
    assert_eq!(url.path(), "/connect/authorize");
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let value = |name: &str| {
        query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    assert_eq!(value("code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(value("code_challenge").map(|c| c.len()), Some(43));
    assert_eq!(value("client_id").as_deref(), Some(APP));
    assert_eq!(
        value("scope").as_deref(),
        Some("openid profile offline_access core-api")
    );
    assert_eq!(value("state").as_deref(), Some(pending.state.as_str()));
    assert!(
        !pending
            .authorization_url
            .contains(pending.code_verifier.expose())
    );
    let callback = approve(&sandbox, &pending.authorization_url, json!({})).await;
    client.complete_sign_in(&callback).await.expect("completes");
    client.reference().me().await.expect("signed in");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_callback_with_another_state_or_issuer_is_refused_without_a_request() {
    let sandbox = TestSandbox::start().await;
    let client = oauth_client(&sandbox);
    let pending = client.start_sign_in().await.expect("starts");
    let callback = approve(&sandbox, &pending.authorization_url, json!({})).await;

    let forged = with_param(&callback, "state", "someone-elses");
    let error = client.complete_sign_in(&forged).await.expect_err("state");
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(error.field(), Some("state"));

    let elsewhere = with_param(&callback, "iss", "https://evil.example/");
    let error = client.complete_sign_in(&elsewhere).await.expect_err("iss");
    assert_eq!(error.field(), Some("iss"));
    assert_eq!(sandbox.requests("POST /connect/token").await, 0);

    // A user who refuses consent.
    let pending = client.start_sign_in().await.expect("starts");
    let refused = approve(&sandbox, &pending.authorization_url, json!({"deny": true})).await;
    let error = client.complete_sign_in(&refused).await.expect_err("denied");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(error.to_string().contains("access_denied"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_started_elsewhere_completes_with_its_pending_value() {
    let sandbox = TestSandbox::start().await;
    let starter = oauth_client(&sandbox);
    let pending = starter.start_sign_in().await.expect("starts");
    let callback = approve(&sandbox, &pending.authorization_url, json!({})).await;
    let finisher = oauth_client(&sandbox);
    finisher
        .complete_sign_in_with(&pending, &callback)
        .await
        .expect("completes with the verifier it was given");
    finisher.reference().me().await.expect("signed in");
}

#[tokio::test(flavor = "multi_thread")]
async fn rotated_refresh_tokens_are_stored_before_use_and_a_new_client_resumes_from_them() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(2),
        ..SandboxConfig::for_tests()
    })
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let client = sandbox
        .builder()
        .oauth_user(APP, REDIRECT)
        .token_store(std::sync::Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client");
    signed_in(&sandbox, &client).await;
    let first = FileTokenStore::new(&path)
        .load()
        .await
        .expect("load")
        .expect("stored after the sign-in");
    let first_refresh = first.refresh_token.clone().expect("offline_access");

    tokio::time::sleep(Duration::from_millis(1900)).await;
    client.reference().me().await.expect("renewed");
    assert!(sandbox.stats().await["refreshes"].as_u64() >= Some(1));
    let rotated = FileTokenStore::new(&path)
        .load()
        .await
        .expect("load")
        .expect("stored");
    assert_ne!(rotated.refresh_token, Some(first_refresh.clone()));

    // The refresh token that was rotated away is refused by the server.
    let reused: Value = reqwest::Client::new()
        .post(format!("{}/connect/token", sandbox.handle.auth_url()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", APP),
            ("refresh_token", first_refresh.expose()),
        ])
        .send()
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(reused["error"], "invalid_grant");

    // A new process resumes the sign-in from the file, without the user.
    let resumed = sandbox
        .builder()
        .oauth_user(APP, REDIRECT)
        .token_store(std::sync::Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client");
    resumed.reference().me().await.expect("resumed");
    assert_eq!(sandbox.stats().await["authorizationCodes"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_refresh_ends_the_sign_in_and_the_user_must_sign_in_again() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(1),
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = oauth_client(&sandbox);
    signed_in(&sandbox, &client).await;
    // Every refresh token dies (as when the user's sessions are revoked elsewhere).
    sandbox
        .control("revoke-tokens", json!({"refreshTokens": true}))
        .await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let error = client.reference().me().await.expect_err("refresh refused");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(error.to_string().contains("sign"), "{error}");
    let token_requests = sandbox.requests("POST /connect/token").await;
    let error = client.reference().me().await.expect_err("still signed out");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(
        sandbox.requests("POST /connect/token").await,
        token_requests,
        "the dead refresh token is not sent again"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_revokes_the_tokens_and_clears_the_store() {
    let sandbox = TestSandbox::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let client = sandbox
        .builder()
        .oauth_user(APP, REDIRECT)
        .token_store(std::sync::Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client");
    signed_in(&sandbox, &client).await;
    client.reference().me().await.expect("signed in");
    let tokens = FileTokenStore::new(&path)
        .load()
        .await
        .expect("load")
        .expect("stored");

    client.sign_out().await.expect("signed out");
    assert_eq!(sandbox.requests("POST /connect/revoke").await, 2);
    assert!(!path.exists(), "the token file is gone");
    let before = sandbox.total_requests().await;
    let error = client.reference().me().await.expect_err("signed out");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(sandbox.total_requests().await, before, "no request is sent");

    // The server refuses both tokens now.
    let me = reqwest::Client::new()
        .get(format!("{}/api/agent-users/me", sandbox.url()))
        .bearer_auth(tokens.access_token.expose())
        .send()
        .await
        .expect("answer");
    assert_eq!(me.status(), 401);
    let refresh = tokens.refresh_token.expect("refresh token");
    let refreshed = reqwest::Client::new()
        .post(format!("{}/connect/token", sandbox.handle.auth_url()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", APP),
            ("refresh_token", refresh.expose()),
        ])
        .send()
        .await
        .expect("answer");
    assert_eq!(refreshed.status(), 400);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_verifier_code_and_tokens_never_appear_in_debug_output_or_errors() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .oauth_user("sandbox-web", REDIRECT)
        .oauth_client_secret("sandbox-web-secret")
        .build()
        .expect("client");
    let printed = format!("{client:?}");
    assert!(!printed.contains("sandbox-web-secret"), "{printed}");
    let pending = client
        .start_sign_in()
        .await
        .expect("a confidential client starts");
    let verifier = pending.code_verifier.expose().to_owned();
    let printed = format!("{pending:?}");
    assert!(!printed.contains(&verifier), "{printed}");
    let callback = approve(&sandbox, &pending.authorization_url, json!({})).await;
    let code = url::Url::parse(&callback)
        .expect("url")
        .query_pairs()
        .find(|(key, _)| key == "code")
        .map(|(_, value)| value.into_owned())
        .expect("code");
    // The server refuses the exchange: its error names neither the code nor the verifier.
    sandbox
        .fault(fault("POST", "/connect/token", 1, json!({"status": 400})))
        .await;
    let error = client
        .complete_sign_in(&callback)
        .await
        .expect_err("refused");
    let shown = format!("{error} {error:?}");
    for secret in [&code, &verifier, "sandbox-web-secret"] {
        assert!(!shown.contains(secret), "{shown}");
    }
}
