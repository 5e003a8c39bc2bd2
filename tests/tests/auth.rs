//! Sessions: lazy login, 2FA, proactive refresh with one refresh in flight, rotation, re-login.

mod support;

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use insurup::{
    Error, ErrorKind, FileTokenStore, MemoryTokenStore, TokenSet, TokenStore, TwoFactorChallenge,
};
use insurup_sandbox::SandboxConfig;
use serde_json::json;
use support::*;

const REFRESH: &str = "/api/authentication:agent-user/refresh";
const ME_ROUTE: &str = "GET /api/agent-users/me";

/// A memory store whose saves misbehave the way a test needs: fail, panic, or take long.
#[derive(Debug, Default)]
struct UnreliableStore {
    tokens: MemoryTokenStore,
    failing_saves: AtomicU32,
    panic_on_next_save: AtomicBool,
    save_delay: Mutex<Duration>,
    saved_at: Mutex<Vec<Instant>>,
}

#[async_trait]
impl TokenStore for UnreliableStore {
    async fn load(&self) -> insurup::Result<Option<TokenSet>> {
        self.tokens.load().await
    }

    async fn save(&self, tokens: &TokenSet) -> insurup::Result<()> {
        if self.panic_on_next_save.swap(false, Ordering::SeqCst) {
            panic!("a token store with a bug");
        }
        let delay = *self.save_delay.lock().expect("lock");
        tokio::time::sleep(delay).await;
        let failing = self.failing_saves.load(Ordering::SeqCst);
        if failing > 0 {
            self.failing_saves.store(failing - 1, Ordering::SeqCst);
            return Err(Error::new(
                ErrorKind::TokenStore,
                "the secret manager is down",
            ));
        }
        self.tokens.save(tokens).await?;
        self.saved_at.lock().expect("lock").push(Instant::now());
        Ok(())
    }

    async fn clear(&self) -> insurup::Result<()> {
        self.tokens.clear().await
    }
}

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
    // Spread 200 calls over the window where the token reaches its renewal point (between 60 %
    // and 80 % of its life) and expires.
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
    let sandbox = TestSandbox::start_with(short_lived(1)).await;
    let store = Arc::new(UnreliableStore::default());
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
    // Past expiry every call waits for the renewal; the store now takes half a second to save.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    *store.save_delay.lock().expect("lock") = Duration::from_millis(500);
    let calls = (0..20).map(|_| {
        let client = client.clone();
        async move {
            client.reference().me().await.expect("call after refresh");
            Instant::now()
        }
    });
    let answered = futures::future::join_all(calls).await;
    let saved = *store.saved_at.lock().expect("lock").last().expect("saved");
    assert!(
        answered.iter().all(|at| *at >= saved),
        "no call used the new token before the store held it"
    );
    let second = store.load().await.expect("load").expect("tokens");
    assert_ne!(
        first.refresh_token.expect("refresh token").expose(),
        second
            .refresh_token
            .expect("rotated refresh token")
            .expose(),
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
    let verified = sandbox
        .requests("POST /api/authentication:agent-user/verify-mfa")
        .await;
    assert_eq!(verified, 1, "one code sent, by the first process");
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

#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_two_factor_provider_does_not_leave_the_session_failing() {
    let sandbox = TestSandbox::start().await;
    let panicked = Arc::new(AtomicBool::new(false));
    let first_time = Arc::clone(&panicked);
    let client = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(Arc::new(move |_: TwoFactorChallenge| {
            let panic_now = !first_time.swap(true, Ordering::SeqCst);
            async move {
                assert!(!panic_now, "a provider with a bug");
                Ok(MFA_CODE.to_owned())
            }
        }))
        .build()
        .expect("client");
    let error = client
        .reference()
        .me()
        .await
        .expect_err("the provider panicked");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(panicked.load(Ordering::SeqCst));
    client
        .reference()
        .me()
        .await
        .expect("the next call starts a fresh renewal");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_token_store_does_not_leave_the_session_failing() {
    let sandbox = TestSandbox::start().await;
    let store = Arc::new(UnreliableStore::default());
    store.panic_on_next_save.store(true, Ordering::SeqCst);
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store)
        .build()
        .expect("client");
    client
        .reference()
        .me()
        .await
        .expect_err("the store panicked");
    client
        .reference()
        .me()
        .await
        .expect("the next call starts a fresh renewal");
}

#[test]
fn a_renewal_cut_off_by_its_runtime_shutting_down_does_not_leave_the_session_failing() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    // The sandbox runs on a runtime of its own, which outlives the client's first runtime.
    let sandbox = insurup_sandbox::Sandbox::start_blocking(SandboxConfig::for_tests())
        .expect("sandbox starts");
    let codes = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&codes);
    let client = insurup::Client::builder()
        .base_url(sandbox.base_url())
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(Arc::new(move |_: TwoFactorChallenge| {
            let first = counter.fetch_add(1, Ordering::SeqCst) == 0;
            async move {
                if first {
                    // Nobody answers before the process shuts this runtime down.
                    std::future::pending::<()>().await;
                }
                Ok(MFA_CODE.to_owned())
            }
        }))
        .build()
        .expect("client");

    let first_runtime = tokio::runtime::Runtime::new().expect("runtime");
    let stuck = client.clone();
    first_runtime.spawn(async move { stuck.reference().me().await });
    while codes.load(Ordering::SeqCst) == 0 {
        std::thread::sleep(Duration::from_millis(20));
    }
    first_runtime.shutdown_background();

    let second_runtime = tokio::runtime::Runtime::new().expect("runtime");
    second_runtime
        .block_on(async {
            tokio::time::timeout(Duration::from_secs(30), client.reference().me()).await
        })
        .expect("does not wait on the dead renewal")
        .expect("a fresh renewal on the new runtime signs in");
    assert_eq!(codes.load(Ordering::SeqCst), 2);
    sandbox.shutdown();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_two_factor_provider_that_never_answers_is_given_up_on_and_every_caller_released() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(Arc::new(|_: TwoFactorChallenge| async {
            std::future::pending::<()>().await;
            Ok(MFA_CODE.to_owned())
        }))
        .two_factor_timeout(Duration::from_millis(300))
        .build()
        .expect("client");
    let calls = (0..5).map(|_| {
        let client = client.clone();
        async move { client.reference().me().await }
    });
    let results = tokio::time::timeout(Duration::from_secs(30), futures::future::join_all(calls))
        .await
        .expect("every caller is released");
    for result in results {
        let error = result.expect_err("no code arrived");
        assert_eq!(error.kind(), ErrorKind::TwoFactorRequired, "{error}");
    }
    assert_eq!(
        sandbox.stats().await["logins"],
        1,
        "one renewal served every caller"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_refused_when_only_a_2fa_login_could_follow_and_no_provider_is_set_is_an_authentication_error()
 {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let with_provider = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(insurup::fixed_code(MFA_CODE))
        .token_store(Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client");
    with_provider.sign_in().await.expect("2FA login");
    drop(with_provider);
    // Someone rotates the stored refresh token behind the file's back.
    let stored = FileTokenStore::new(&path)
        .load()
        .await
        .expect("load")
        .expect("tokens");
    let rotated = reqwest::Client::new()
        .post(format!("{}{REFRESH}", sandbox.url()))
        .json(&json!({ "refreshToken": stored.refresh_token.expect("refresh").expose() }))
        .send()
        .await
        .expect("raw refresh");
    assert!(rotated.status().is_success());

    let without_provider = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .token_store(Arc::new(FileTokenStore::new(&path)))
        .build()
        .expect("client");
    tokio::time::sleep(Duration::from_millis(1700)).await;
    let error = without_provider
        .reference()
        .me()
        .await
        .expect_err("refresh refused");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(error.to_string().contains("2FA"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_whose_answer_was_lost_falls_back_to_one_login() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    sandbox
        .fault(fault(
            "POST",
            REFRESH,
            1,
            json!({ "action": "apply-then-drop" }),
        ))
        .await;
    tokio::time::sleep(Duration::from_millis(1900)).await;
    client.reference().me().await.expect("logged in again");
    let stats = sandbox.stats().await;
    assert_eq!(
        stats["refreshes"], 1,
        "the lost refresh is not replayed: {stats}"
    );
    assert_eq!(stats["logins"], 2, "{stats}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_that_meets_a_blip_keeps_the_session_instead_of_logging_in_again() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let client = sandbox.client();
    client.sign_in().await.expect("login");
    tokio::time::sleep(Duration::from_millis(1900)).await;
    for (status, kind) in [(503, ErrorKind::Server), (429, ErrorKind::RateLimit)] {
        sandbox
            .fault(fault(
                "POST",
                REFRESH,
                10,
                json!({ "status": status, "retryAfter": 0 }),
            ))
            .await;
        let error = client
            .reference()
            .me()
            .await
            .expect_err("the refresh keeps failing");
        assert_eq!(error.kind(), kind);
        let cleared = reqwest::Client::new()
            .delete(format!("{}/__sandbox/faults", sandbox.url()))
            .send()
            .await
            .expect("faults cleared");
        assert!(cleared.status().is_success());
    }
    client
        .reference()
        .me()
        .await
        .expect("the kept refresh token still works");
    let stats = sandbox.stats().await;
    assert_eq!(
        stats["logins"], 1,
        "no new login (no 2FA prompt) after a blip: {stats}"
    );
    assert_eq!(stats["refreshes"], 1, "{stats}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_access_token_the_server_refused_is_never_sent_again() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    client.reference().me().await.expect("first call");
    sandbox.control("revoke-tokens", json!({})).await;
    sandbox
        .fault(fault("POST", REFRESH, 10, json!({ "status": 503 })))
        .await;
    client
        .reference()
        .me()
        .await
        .expect_err("refused, and no renewal possible yet");
    let sent_before = sandbox.requests(ME_ROUTE).await;
    let cleared = reqwest::Client::new()
        .delete(format!("{}/__sandbox/faults", sandbox.url()))
        .send()
        .await
        .expect("faults cleared");
    assert!(cleared.status().is_success());
    client.reference().me().await.expect("renewed, then sent");
    assert_eq!(
        sandbox.requests(ME_ROUTE).await - sent_before,
        1,
        "the refused token was not tried again first"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_store_that_cannot_save_renewed_tokens_is_reported_and_the_session_goes_on() {
    let sandbox = TestSandbox::start().await;
    let store = Arc::new(UnreliableStore::default());
    store.failing_saves.store(3, Ordering::SeqCst);
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store.clone())
        .build()
        .expect("client");
    let error = client
        .reference()
        .me()
        .await
        .expect_err("the store refused three times");
    assert_eq!(error.kind(), ErrorKind::TokenStore);
    assert!(
        error.to_string().contains("secret manager is down"),
        "{error}"
    );
    assert_eq!(
        store.failing_saves.load(Ordering::SeqCst),
        0,
        "the save was tried three times before the error"
    );
    client
        .reference()
        .me()
        .await
        .expect("the session kept the new tokens in memory");
    assert_eq!(sandbox.stats().await["logins"], 1, "no second login");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_store_that_fails_twice_is_tried_again_and_the_call_never_sees_it() {
    let sandbox = TestSandbox::start().await;
    let store = Arc::new(UnreliableStore::default());
    store.failing_saves.store(2, Ordering::SeqCst);
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store.clone())
        .build()
        .expect("client");
    client
        .reference()
        .me()
        .await
        .expect("the third save succeeded");
    assert_eq!(store.failing_saves.load(Ordering::SeqCst), 0);
    assert!(
        store.tokens.load().await.expect("load").is_some(),
        "the tokens are in the store"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn two_clients_sharing_one_token_file_never_refuse_each_others_refresh_tokens() {
    let sandbox = TestSandbox::start_with(short_lived(1)).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let clients: Vec<_> = (0..2)
        .map(|_| {
            sandbox
                .builder()
                .agent_user(AGENT, PASSWORD)
                .token_store(Arc::new(FileTokenStore::new(&path)))
                .build()
                .expect("client")
        })
        .collect();
    clients[0].sign_in().await.expect("the first login");
    let workers = clients.iter().map(|client| {
        let client = client.clone();
        let sandbox_url = sandbox.url();
        async move {
            let stats = reqwest::Client::new();
            loop {
                client.reference().me().await.expect("every call succeeds");
                let refreshes = stats
                    .get(format!("{sandbox_url}/__sandbox/stats"))
                    .send()
                    .await
                    .expect("stats")
                    .json::<serde_json::Value>()
                    .await
                    .expect("json")["refreshes"]
                    .as_u64()
                    .unwrap_or(0);
                if refreshes >= 20 {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    });
    futures::future::join_all(workers).await;
    let stats = sandbox.stats().await;
    assert_eq!(stats["logins"], 1, "no login after the first: {stats}");
    assert!(stats["refreshes"].as_u64().unwrap_or(0) >= 20, "{stats}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_account_renews_its_token_on_expiry_and_on_a_401() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let client = sandbox
        .builder()
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .build()
        .expect("client");
    client.reference().me().await.expect("first grant");
    tokio::time::sleep(Duration::from_millis(1900)).await;
    client
        .reference()
        .me()
        .await
        .expect("a new grant after expiry");
    assert_eq!(sandbox.stats().await["tokenGrants"], 2);
    sandbox.control("revoke-tokens", json!({})).await;
    client
        .reference()
        .me()
        .await
        .expect("a new grant after the 401");
    assert_eq!(sandbox.stats().await["tokenGrants"], 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refresh_answer_without_a_refresh_token_keeps_the_previous_one() {
    let sandbox = TestSandbox::start_with(short_lived(2)).await;
    let store = Arc::new(MemoryTokenStore::new());
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store.clone())
        .build()
        .expect("client");
    client.sign_in().await.expect("login");
    let before = store.load().await.expect("load").expect("tokens");
    sandbox
        .fault(fault(
            "POST",
            REFRESH,
            1,
            json!({ "status": null, "omitFields": ["refreshToken"] }),
        ))
        .await;
    tokio::time::sleep(Duration::from_millis(1900)).await;
    client.reference().me().await.expect("refreshed");
    let after = store.load().await.expect("load").expect("tokens");
    assert_ne!(
        after.access_token, before.access_token,
        "a new access token"
    );
    assert_eq!(
        after.refresh_token, before.refresh_token,
        "the refresh token the answer left out is kept, not dropped"
    );
}
