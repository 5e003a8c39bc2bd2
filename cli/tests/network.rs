//! What the network between the command and the API may do: proxies from the environment, and
//! blips that must not cost the saved session.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use insurup_sandbox::SandboxConfig;
use serde_json::json;

/// An HTTP proxy that records the first line of every request and refuses it.
fn refusing_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorded = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            if reader.read_line(&mut line).is_ok() {
                recorded.lock().expect("lock").push(line.trim().to_owned());
            }
            let mut stream = reader.into_inner();
            let _ = stream.write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
        }
    });
    (url, seen)
}

#[tokio::test(flavor = "multi_thread")]
async fn https_proxy_is_honoured_and_no_proxy_bypasses_it() {
    let (proxy, seen) = refusing_proxy();
    let insurup = Insurup::new();
    let command = |no_proxy: Option<&str>| {
        let mut command = insurup.command();
        command
            .env("INSURUP_BASE_URL", "https://api.insurup.example")
            .env("INSURUP_ACCESS_TOKEN", "a-token")
            .env("INSURUP_MAX_RETRIES", "0")
            .env("HTTPS_PROXY", &proxy)
            .args(["policies", "list"]);
        if let Some(hosts) = no_proxy {
            command.env("NO_PROXY", hosts);
        }
        command
    };
    let through_proxy = run(command(None)).await;
    assert_exit(&through_proxy, 6);
    let tunnels = seen.lock().expect("lock").clone();
    assert!(!tunnels.is_empty(), "the API was reached through the proxy");
    assert!(
        tunnels
            .iter()
            .all(|line| line == "CONNECT api.insurup.example:443 HTTP/1.1"),
        "{tunnels:?}"
    );

    let bypassing = run(command(Some("api.insurup.example"))).await;
    assert_exit(&bypassing, 6);
    assert_eq!(
        seen.lock().expect("lock").len(),
        tunnels.len(),
        "NO_PROXY bypassed the proxy"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_session_survives_a_refresh_that_met_a_server_blip() {
    let sandbox = sandbox_with(SandboxConfig {
        token_ttl: Duration::from_secs(2),
        ..SandboxConfig::for_tests()
    })
    .await;
    let insurup = Insurup::new();
    let command = |args: &[&str]| {
        let mut command = insurup.command();
        command
            .env("INSURUP_BASE_URL", sandbox.base_url())
            .env("INSURUP_MAX_RETRIES", "1")
            .args(args);
        command
    };
    let login = run_with_stdin(
        command(&["login", "--email", AGENT, "--password-stdin"]),
        "sandbox-password\n",
    )
    .await;
    assert_exit(&login, 0);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    inject_fault(
        &sandbox,
        json!({"method": "POST", "path": "/api/authentication:agent-user/refresh",
               "times": 5, "status": 503}),
    )
    .await;
    let during = run(command(&["policies", "list"])).await;
    assert_exit(&during, 5);
    assert!(insurup.token_file().exists(), "the session file is kept");

    let cleared = reqwest::Client::new()
        .delete(format!("{}/__sandbox/faults", sandbox.base_url()))
        .send()
        .await
        .expect("faults cleared");
    assert!(cleared.status().is_success());
    let after = run(command(&["policies", "list"])).await;
    assert_exit(&after, 0);
    let stats = sandbox.stats();
    assert_eq!(stats.logins, 1, "no new login was needed");
    assert_eq!(stats.refreshes, 1);
}
