//! `RedisTokenStore` against a real `redis-server` and the sandbox: clients that each have their
//! own store (as separate processes would) share one session, and each failure of Redis or of a
//! renewing worker ends the way the shared-session protocol promises.

mod support;

use std::sync::Arc;
use std::time::Duration;

use insurup::{
    Client, ErrorKind, RedisFleet, RedisTokenStore, RenewalStart, SharedSession,
    SharedSessionState, SharedTokenStore, TokenStore,
};
use insurup_e2e::redis_server::RedisServer;
use insurup_sandbox::SandboxConfig;
use support::{AGENT, PASSWORD, TestSandbox};

const ACCOUNT: &str = "agent@sandbox.insurup.test";

async fn sandbox_with_tokens_for(seconds: u64) -> TestSandbox {
    TestSandbox::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(seconds),
        ..SandboxConfig::for_tests()
    })
    .await
}

fn store(redis: &RedisServer) -> Arc<RedisTokenStore> {
    Arc::new(RedisTokenStore::new(&redis.url(), ACCOUNT).expect("a valid Redis URL"))
}

fn client_sharing(sandbox: &TestSandbox, store: Arc<RedisTokenStore>) -> Client {
    sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .token_store(store)
        .build()
        .expect("client builds")
}

/// The shared record once its version reaches `version`, or as it stands after 5 s. A renewal
/// runs in the background and commits the record only after the server's answer arrives, so a
/// test that saw the sandbox answer must still wait for the commit.
async fn record_at_version(store: &RedisTokenStore, version: u64) -> SharedSession {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let record = store.session().await.expect("the record");
        if record.version >= version || tokio::time::Instant::now() >= deadline {
            return record;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Refresh requests the sandbox refused (it counts only the accepted ones as refreshes).
async fn refused_refreshes(sandbox: &TestSandbox) -> u64 {
    let stats = sandbox.stats().await;
    let asked = stats["requests"]["POST /api/authentication:agent-user/refresh"]
        .as_u64()
        .unwrap_or(0);
    asked - stats["refreshes"].as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn clients_with_their_own_stores_log_in_once_and_refresh_once_per_token_generation() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(3).await;
    let clients: Vec<Client> = (0..4)
        .map(|_| client_sharing(&sandbox, store(&redis)))
        .collect();
    let calls = clients.iter().cloned().map(|client| {
        tokio::spawn(async move {
            let until = tokio::time::Instant::now() + Duration::from_secs(8);
            while tokio::time::Instant::now() < until {
                client.reference().me().await.expect("every call succeeds");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    });
    for call in futures::future::join_all(calls).await {
        call.expect("the calls finish");
    }
    let record = store(&redis).session().await.expect("the record");
    let stats = sandbox.stats().await;
    assert_eq!(stats["logins"], 1, "one login for the whole fleet");
    assert_eq!(
        refused_refreshes(&sandbox).await,
        0,
        "no refresh token was refused"
    );
    assert!(
        record.version >= 3,
        "8 s of 3 s tokens went through several generations"
    );
    assert_eq!(
        stats["refreshes"].as_u64(),
        Some(record.version - 1),
        "exactly one refresh per token generation after the login"
    );
}

#[tokio::test]
async fn a_new_worker_adopts_the_fleets_session_without_logging_in() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(600).await;
    client_sharing(&sandbox, store(&redis))
        .sign_in()
        .await
        .expect("the first worker logs in");
    let newcomer = sandbox
        .builder()
        .stored_agent_session(AGENT)
        .token_store(store(&redis))
        .build()
        .expect("client builds");
    newcomer
        .reference()
        .me()
        .await
        .expect("the newcomer calls with the shared token");
    assert_eq!(sandbox.stats().await["logins"], 1);
}

#[tokio::test]
async fn a_lease_holder_that_dies_before_refreshing_delays_the_fleet_by_one_lease_only() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(4).await;
    let client = client_sharing(&sandbox, store(&redis));
    client.sign_in().await.expect("login");
    tokio::time::sleep(Duration::from_millis(3100)).await;
    // Just before the renewal is due, a worker takes the lease and is never heard of again.
    let dead = store(&redis);
    let RenewalStart::Acquired(_) = dead
        .begin_renewal(1, Duration::from_millis(500))
        .await
        .expect("Redis answers")
    else {
        panic!("the lease was free");
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    client
        .reference()
        .me()
        .await
        .expect("a call while the dead worker's lease lasts");
    tokio::time::sleep(Duration::from_millis(400)).await;
    client
        .reference()
        .me()
        .await
        .expect("a call after the lease expired");
    // The ageing token's renewal waited out the dead lease, then refreshed once.
    let record = record_at_version(&store(&redis), 2).await;
    assert_eq!(sandbox.stats().await["refreshes"], 1);
    assert_eq!(refused_refreshes(&sandbox).await, 0);
    assert_eq!(record.version, 2);
}

#[tokio::test]
async fn a_refresh_token_rotated_by_a_worker_that_died_leads_to_one_login_for_everyone() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(4).await;
    let shared = store(&redis);
    let client = client_sharing(&sandbox, Arc::clone(&shared));
    client.sign_in().await.expect("login");
    // Another worker refreshes with the shared refresh token and dies before committing.
    let record = shared.session().await.expect("record");
    let refresh_token = record
        .tokens
        .and_then(|tokens| tokens.refresh_token)
        .expect("a refresh token");
    let rotated = reqwest::Client::new()
        .post(format!(
            "{}/api/authentication:agent-user/refresh",
            sandbox.url()
        ))
        .json(&serde_json::json!({ "refreshToken": refresh_token.expose() }))
        .send()
        .await
        .expect("the sandbox answers");
    assert!(rotated.status().is_success());
    // At 80 % of the token's life this worker's refresh is refused.
    tokio::time::sleep(Duration::from_millis(3300)).await;
    let other = client_sharing(&sandbox, store(&redis));
    let (mine, theirs) = (client.reference(), other.reference());
    let (one, two) = tokio::join!(mine.me(), theirs.me());
    one.expect("a call while the session is renewed");
    two.expect("another worker's call");
    let record = record_at_version(&shared, 3).await;
    assert_eq!(refused_refreshes(&sandbox).await, 1, "one refused refresh");
    assert_eq!(sandbox.stats().await["logins"], 2, "then exactly one login");
    assert_eq!(record.state, SharedSessionState::Ok);
    assert_eq!(
        record.version, 3,
        "version 2 said it needed a login, version 3 holds the new session"
    );
    other
        .reference()
        .me()
        .await
        .expect("the other worker works on");
    assert_eq!(sandbox.stats().await["logins"], 2);
}

#[tokio::test]
async fn while_redis_is_down_the_cached_token_is_used_until_it_expires_then_calls_fail_clearly() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(10).await;
    let client = client_sharing(&sandbox, store(&redis));
    client.sign_in().await.expect("login");
    redis.stop();
    client
        .reference()
        .me()
        .await
        .expect("the cached token needs no Redis");
    tokio::time::sleep(Duration::from_millis(8400)).await;
    client
        .reference()
        .me()
        .await
        .expect("past 80 % the token is still used while Redis is away");
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let error = client
        .reference()
        .me()
        .await
        .expect_err("the token expired and cannot be renewed without the lease");
    assert_eq!(error.kind(), ErrorKind::TokenStore);
    assert!(error.to_string().contains("without its lease"), "{error}");
    let stats = sandbox.stats().await;
    assert_eq!(
        stats["refreshes"], 0,
        "nothing was refreshed without the lease"
    );
    assert_eq!(stats["logins"], 1);
}

#[tokio::test]
async fn the_single_worker_fallback_renews_without_redis_once_the_token_has_expired() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(3).await;
    let shared = Arc::new(
        RedisTokenStore::new(&redis.url(), ACCOUNT)
            .expect("valid")
            .single_worker_fallback(true),
    );
    let client = client_sharing(&sandbox, Arc::clone(&shared));
    client.sign_in().await.expect("login");
    redis.stop();
    tokio::time::sleep(Duration::from_millis(3000)).await;
    // The renewal's save fails (Redis is away): the session keeps the new tokens and says so.
    let outcome = client.reference().me().await;
    if let Err(error) = outcome {
        assert_eq!(error.kind(), ErrorKind::TokenStore, "{error}");
    }
    client
        .reference()
        .me()
        .await
        .expect("the renewed token is used");
    assert_eq!(sandbox.stats().await["refreshes"], 1);
    assert_eq!(sandbox.stats().await["logins"], 1);
}

#[tokio::test]
async fn an_empty_redis_after_a_restart_is_restored_from_the_workers_tokens_without_a_login() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(3).await;
    let client = client_sharing(&sandbox, store(&redis));
    client.sign_in().await.expect("login");
    redis.restart();
    assert_eq!(store(&redis).session().await.expect("empty").version, 0);
    tokio::time::sleep(Duration::from_millis(2600)).await;
    client.reference().me().await.expect("a call at 85 %");
    let record = record_at_version(&store(&redis), 2).await;
    assert_eq!(record.version, 2, "the worker's version 1, refreshed");
    assert_eq!(sandbox.stats().await["logins"], 1, "no second login");
    assert_eq!(refused_refreshes(&sandbox).await, 0);
}

#[tokio::test]
async fn an_acl_user_connects_and_a_wrong_password_never_appears_in_the_error() {
    let Some(redis) = RedisServer::start_with(&[
        "--user",
        "default",
        "off",
        "--user",
        "fleet",
        "on",
        ">fleet-s3cret",
        "~*",
        "&*",
        "+@all",
    ]) else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(600).await;
    let url = format!("redis://fleet:fleet-s3cret@127.0.0.1:{}/", redis.port());
    let store = Arc::new(RedisTokenStore::new(&url, ACCOUNT).expect("valid"));
    assert!(!format!("{store:?}").contains("fleet-s3cret"));
    client_sharing(&sandbox, Arc::clone(&store))
        .sign_in()
        .await
        .expect("the ACL user may use the store");
    assert_eq!(store.session().await.expect("record").version, 1);

    let wrong = format!("redis://fleet:not-the-pw@127.0.0.1:{}/", redis.port());
    let error = RedisTokenStore::new(&wrong, ACCOUNT)
        .expect("valid")
        .load()
        .await
        .expect_err("a wrong password is refused");
    assert_eq!(error.kind(), ErrorKind::TokenStore);
    let said = error.to_string();
    assert!(!said.contains("not-the-pw"), "{said}");
    assert!(said.contains("fleet:***@127.0.0.1"), "{said}");
}

#[tokio::test]
async fn the_fleet_shows_its_redis_without_the_password() {
    let fleet =
        RedisFleet::new("rediss://ops:pw-123@cache.example:6380/1", ACCOUNT).expect("valid");
    assert_eq!(fleet.url(), "rediss://ops:***@cache.example:6380/1");
    assert!(!format!("{fleet:?}").contains("pw-123"));
}

#[tokio::test]
async fn a_session_is_shared_over_tls_with_a_private_ca() {
    let Some(redis) = RedisServer::start_tls() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(600).await;
    let fleet = RedisFleet::builder(redis.url(), ACCOUNT)
        .root_certificate(redis.ca_certificate())
        .build()
        .expect("valid");
    assert!(fleet.url().starts_with("rediss://"), "{}", fleet.url());
    let store = Arc::new(RedisTokenStore::in_fleet(&fleet));
    client_sharing(&sandbox, Arc::clone(&store))
        .sign_in()
        .await
        .expect("the session is kept over TLS");
    assert_eq!(store.session().await.expect("record").version, 1);

    // Without the CA the server's certificate is not trusted.
    let error = RedisTokenStore::new(&redis.url(), ACCOUNT)
        .expect("valid")
        .load()
        .await
        .expect_err("an unknown CA is refused");
    assert_eq!(error.kind(), ErrorKind::TokenStore);
}

#[tokio::test]
async fn a_redis_that_came_back_with_an_older_record_is_renewed_from_the_workers_newer_tokens() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with_tokens_for(3).await;
    let shared = store(&redis);
    let client = client_sharing(&sandbox, Arc::clone(&shared));
    client.sign_in().await.expect("login");
    let key = "insurup:{agent@sandbox.insurup.test}:session";
    let first: Vec<String> = redis.command(&["HGETALL", key]);
    // Version 2 is written, then lost: Redis comes back holding version 1 (a replica that
    // missed the last write, a snapshot restored).
    tokio::time::sleep(Duration::from_millis(2600)).await;
    client.reference().me().await.expect("a call at 85 %");
    assert_eq!(
        record_at_version(&store(&redis), 2).await.version,
        2,
        "version 2 is written"
    );
    // Version 2 was issued at most 50 ms ago; its renewal point is at 80 % of 3 s.
    let second_issued = tokio::time::Instant::now();
    redis.restart();
    let mut restore = vec!["HSET", key];
    restore.extend(first.iter().map(String::as_str));
    let _: i64 = redis.command(&restore);
    assert_eq!(store(&redis).session().await.expect("record").version, 1);

    tokio::time::sleep_until(second_issued + Duration::from_millis(2550)).await;
    client
        .reference()
        .me()
        .await
        .expect("a call at 85 % of version 2");
    assert_eq!(
        record_at_version(&store(&redis), 3).await.version,
        3,
        "version 3 is written"
    );
    assert_eq!(
        refused_refreshes(&sandbox).await,
        0,
        "the worker refreshed with its own newer refresh token, not the record's dead one"
    );
    assert_eq!(sandbox.stats().await["logins"], 1, "no second login");
    assert_eq!(sandbox.stats().await["refreshes"], 2);
}
