use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use insurup_sandbox::{Sandbox, SandboxConfig};
use serde_json::json;

use crate::common::*;

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_stops_the_server() {
    let sandbox = Sandbox::start(SandboxConfig::for_tests())
        .await
        .expect("start");
    let url = format!("{}/graphql/schema", sandbox.base_url());
    let client = http();
    assert!(client.get(&url).send().await.is_ok());
    sandbox.shutdown().await;
    assert!(
        client.get(&url).send().await.is_err(),
        "nothing listens any more"
    );
}

#[test]
fn the_blocking_sandbox_runs_without_a_caller_runtime() {
    let sandbox = Sandbox::start_blocking(SandboxConfig::for_tests()).expect("start");
    assert!(sandbox.base_url().starts_with("http://127.0.0.1:"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let status = runtime.block_on(async {
        http()
            .get(format!("{}/graphql/schema", sandbox.base_url()))
            .send()
            .await
            .map(|r| r.status().as_u16())
    });
    assert_eq!(status.expect("response"), 200);
    assert_eq!(
        sandbox.stats().requests.get("GET /graphql/schema"),
        Some(&1)
    );
    sandbox.shutdown();
}

#[tokio::test(flavor = "multi_thread")]
async fn reset_restores_the_seeded_state_and_clears_stats_but_keeps_sessions() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    api.control("/__sandbox/reset", json!({})).await.expect(204);
    api.get(&format!("/api/customers/{customer}"))
        .await
        .expect_problem(404, "CUSTOMER_NOT_FOUND");
    let stats = api.stats().await;
    assert_eq!(stats["customersCreated"], 0);
    // The same seed hands out the same first id again.
    assert_eq!(api.create_customer(TCKN).await, customer);
}

#[test]
fn the_binary_prints_its_base_url_on_the_first_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_insurup-sandbox"))
        .args(["--port", "0", "--latency-scale", "0", "--seed", "3"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    let url = line.trim().to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:") && !url.ends_with('/'),
        "{url:?}"
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let status = runtime.block_on(async {
        http()
            .get(format!("{url}/graphql/schema"))
            .send()
            .await
            .map(|r| r.status().as_u16())
    });
    assert_eq!(status.expect("response"), 200);
    // SIGTERM ends it cleanly.
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(term.success());
    let exit = child.wait().expect("exit status");
    assert!(exit.success(), "{exit:?}");
}
