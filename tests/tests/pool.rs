//! Many accounts in one process: clients that share a `ConnectionPool` share its connections,
//! each still sending its own credentials and `User-Agent`.

mod support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::HeaderMap;
use axum::routing::get;
use insurup::{Client, ConnectionPool, ErrorKind};
use serde_json::json;
use support::*;

/// A TCP proxy in front of `target` that counts the connections it accepts.
async fn counting_proxy(target: SocketAddr) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    (url, accepted)
}

async fn sandbox_behind_a_proxy() -> (TestSandbox, String, Arc<AtomicUsize>) {
    let sandbox = TestSandbox::start().await;
    let address: SocketAddr = sandbox
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("the sandbox listens on a loopback address");
    let (url, accepted) = counting_proxy(address).await;
    (sandbox, url, accepted)
}

const ACCOUNTS: usize = 10;

/// Agencies' clients, each signing in and reading its agent user, one after another.
async fn accounts_in_turn(clients: &[Client]) {
    for client in clients {
        client.reference().me().await.expect("a call");
        // A finished connection goes back to the pool a moment after its answer is read.
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_given_one_pool_reuse_one_connection() {
    let (sandbox, url, accepted) = sandbox_behind_a_proxy().await;
    let pool = ConnectionPool::new().expect("pool");
    let clients: Vec<Client> = (0..ACCOUNTS)
        .map(|_| {
            sandbox
                .builder()
                .base_url(&url)
                .auth_url(&url)
                .agent_user(AGENT, PASSWORD)
                .connection_pool(pool.clone())
                .build()
                .expect("client")
        })
        .collect();
    accounts_in_turn(&clients).await;
    let connections = accepted.load(Ordering::SeqCst);
    assert!(
        connections <= 2,
        "{ACCOUNTS} sign-ins and {ACCOUNTS} calls, in turn, reuse kept-alive connections: {connections}"
    );
    assert_eq!(
        sandbox
            .requests("POST /api/authentication:agent-user/login")
            .await,
        ACCOUNTS as u64,
        "each client still signs in with its own account"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_without_a_shared_pool_each_open_their_own() {
    let (sandbox, url, accepted) = sandbox_behind_a_proxy().await;
    let clients: Vec<Client> = (0..ACCOUNTS)
        .map(|_| {
            sandbox
                .builder()
                .base_url(&url)
                .auth_url(&url)
                .agent_user(AGENT, PASSWORD)
                .build()
                .expect("client")
        })
        .collect();
    accounts_in_turn(&clients).await;
    assert_eq!(accepted.load(Ordering::SeqCst), ACCOUNTS);
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_sharing_a_pool_send_their_own_user_agent_and_token() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::<(String, String)>::new()));
    let record = Arc::clone(&seen);
    let router = Router::new().route(
        "/api/agent-users/me",
        get(move |headers: HeaderMap| {
            let record = Arc::clone(&record);
            async move {
                let header = |name: &str| {
                    headers
                        .get(name)
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or_default()
                        .to_owned()
                };
                record
                    .lock()
                    .expect("lock")
                    .push((header("user-agent"), header("authorization")));
                axum::Json(json!({"id": AGENT_ID, "email": AGENT, "name": "Ajan"}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });

    let pool = ConnectionPool::new().expect("pool");
    for agency in ["acente-a", "acente-b"] {
        let client = Client::builder()
            .base_url(&url)
            .access_token(format!("token-of-{agency}"))
            .user_agent_suffix(format!("{agency}/1.0"))
            .connection_pool(pool.clone())
            .build()
            .expect("client");
        let _ = client.reference().me().await;
    }
    let seen = seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 2, "both calls reached the server: {seen:?}");
    for ((user_agent, authorization), agency) in seen.iter().zip(["acente-a", "acente-b"]) {
        assert!(
            user_agent.starts_with("insurup-rust/")
                && user_agent.ends_with(&format!("{agency}/1.0")),
            "{user_agent}"
        );
        assert_eq!(authorization, &format!("Bearer token-of-{agency}"));
    }
}

#[tokio::test]
async fn a_connect_timeout_that_contradicts_the_shared_pool_is_refused_naming_the_field() {
    let pool = ConnectionPool::with_connect_timeout(Duration::from_secs(3)).expect("pool");
    let error = Client::builder()
        .access_token("a-token")
        .connection_pool(pool.clone())
        .connect_timeout(Duration::from_secs(20))
        .build()
        .expect_err("two timeouts for one pool");
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert_eq!(error.field(), Some("connect_timeout"));
    Client::builder()
        .access_token("a-token")
        .connection_pool(pool)
        .connect_timeout(Duration::from_secs(3))
        .build()
        .expect("the pool's own timeout is fine");
}
