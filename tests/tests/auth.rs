//! Sessions: lazy login, 2FA, proactive refresh with one refresh in flight, rotation, re-login.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use insurup::{ErrorKind, FileTokenStore, MemoryTokenStore, TokenStore, TwoFactorChallenge};
use insurup_sandbox::SandboxConfig;
use serde_json::json;
use support::*;

fn short_lived(seconds: u64) -> SandboxConfig {
    SandboxConfig {
        token_ttl: Duration::from_secs(seconds),
        ..SandboxConfig::for_tests()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_is_sent_until_the_first_call_and_then_one_login_serves_every_call() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    assert_eq!(
        sandbox.stats().await["logins"],
        0,
        "building a client sends nothing"
    );
    let calls = (0..50).map(|_| {
        let client = client.clone();
        async move { client.reference().me().await }
    });
    for result in futures::future::join_all(calls).await {
        result.expect("call succeeds");
    }
    assert_eq!(sandbox.stats().await["logins"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_calls_across_token_expiry_trigger_a_single_refresh() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    // Spread 200 calls over the window where the token passes 80 % of its life and expires.
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let calls = (0..200u64).map(|i| {
        let client = client.clone();
        async move {
            tokio::time::sleep(Duration::from_millis(i * 4)).await;
            client.reference().me().await
        }
    });
    let results = futures::future::join_all(calls).await;
    let failures: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(failures.is_empty(), "failures: {failures:?}");
    let stats = sandbox.stats().await;
    assert_eq!(stats["refreshes"], 1, "{stats}");
    assert_eq!(stats["logins"], 1, "{stats}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rotated_refresh_token_is_stored_before_it_is_used() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let store = Arc::new(MemoryTokenStore::new());
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store.clone())
        .build()
        .expect("client");
    client.sign_in().await.expect("login");
    let first = store
        .load()
        .await
        .expect("load")
        .expect("tokens saved at login");
    tokio::time::sleep(Duration::from_millis(1900)).await;
    client.reference().me().await.expect("call after refresh");
    let second = store.load().await.expect("load").expect("tokens");
    let (old, new) = (
        first.refresh_token.expect("refresh token"),
        second.refresh_token.expect("rotated refresh token"),
    );
    assert_ne!(
        old.expose(),
        new.expose(),
        "the store holds the rotated token"
    );
    assert_eq!(sandbox.stats().await["refreshes"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_token_used_elsewhere_is_refused_and_the_client_logs_in_again() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let store = Arc::new(MemoryTokenStore::new());
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store.clone())
        .build()
        .expect("client");
    client.sign_in().await.expect("login");
    let stolen = store.load().await.expect("load").expect("tokens");
    let rotated = reqwest::Client::new()
        .post(format!(
            "{}/api/authentication:agent-user/refresh",
            sandbox.url()
        ))
        .json(&json!({ "refreshToken": stolen.refresh_token.expect("refresh").expose() }))
        .send()
        .await
        .expect("raw refresh");
    assert!(rotated.status().is_success());

    tokio::time::sleep(Duration::from_millis(1900)).await;
    client
        .reference()
        .me()
        .await
        .expect("the client recovers by logging in again");
    assert_eq!(sandbox.stats().await["logins"], 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn tokens_revoked_mid_run_are_renewed_once_and_every_call_replayed() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    sandbox.control("revoke-tokens", json!({})).await;
    let calls = (0..50).map(|_| {
        let client = client.clone();
        async move { client.reference().insurance_companies().await }
    });
    for result in futures::future::join_all(calls).await {
        result.expect("replayed after renewal");
    }
    let stats = sandbox.stats().await;
    assert_eq!(stats["refreshes"], 1, "{stats}");
    assert_eq!(stats["logins"], 1, "{stats}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restarted_process_reuses_stored_tokens_without_a_new_2fa_code() {
    let sandbox = TestSandbox::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let codes = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&codes);
    let first = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(Arc::new(move |_: TwoFactorChallenge| {
            counter.fetch_add(1, Ordering::SeqCst);
            async { Ok(MFA_CODE.to_owned()) }
        }))
        .token_store(Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client");
    first.reference().me().await.expect("first process");
    drop(first);

    let restarted = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .token_store(Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client without a 2FA provider");
    restarted
        .reference()
        .me()
        .await
        .expect("stored tokens are reused");
    assert_eq!(codes.load(Ordering::SeqCst), 1);
    let stats = sandbox.stats().await;
    assert_eq!(stats["logins"], 1, "{stats}");
    assert_eq!(stats["mfaVerifications"], 1, "{stats}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_2fa_account_without_a_provider_says_what_is_missing() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .build()
        .expect("client");
    let error = client.reference().me().await.expect_err("needs 2FA");
    assert_eq!(error.kind(), ErrorKind::TwoFactorRequired);
    assert!(error.to_string().contains("two-factor provider"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_2fa_code_or_password_is_an_authentication_error_without_loops() {
    let sandbox = TestSandbox::start().await;
    let wrong_code = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(insurup::fixed_code("000000"))
        .build()
        .expect("client");
    let error = wrong_code.reference().me().await.expect_err("wrong code");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.codes(), ["INVALID_MFA_CODE"]);

    let wrong_password = sandbox
        .builder()
        .agent_user(AGENT, "not-the-password")
        .build()
        .expect("client");
    let error = wrong_password
        .reference()
        .me()
        .await
        .expect_err("wrong password");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.codes(), ["INVALID_CREDENTIALS"]);
    assert!(error.request_id().is_some());
    assert_eq!(
        sandbox
            .requests("POST /api/authentication:agent-user/login")
            .await,
        2,
        "one login attempt per client, no retry of a refused login"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_static_token_is_returned_as_is_without_retrying() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .access_token("not-a-real-token")
        .build()
        .expect("client");
    let error = client.reference().me().await.expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(sandbox.requests("GET /api/agent-users/me").await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_client_credentials_are_an_authentication_error() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .client_credentials(CLIENT_ID, "wrong-secret")
        .build()
        .expect("client");
    let error = client.reference().me().await.expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Authentication);
}

#[tokio::test(flavor = "multi_thread")]
async fn tokens_already_expired_on_arrival_end_in_an_error_that_points_at_the_clock() {
    let sandbox = TestSandbox::start().await;
    sandbox
        .control("clock", json!({ "skewSeconds": -3600 }))
        .await;
    let client = sandbox.client();
    let error = client
        .reference()
        .me()
        .await
        .expect_err("every token is expired");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(error.to_string().contains("clock"), "{error}");
    let stats = sandbox.stats().await;
    assert_eq!(stats["logins"], 1, "no login loop: {stats}");
    assert_eq!(
        stats["refreshes"], 1,
        "one renewal, then the error: {stats}"
    );
}
