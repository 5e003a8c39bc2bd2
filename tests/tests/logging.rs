//! The SDK's diagnostics reach the host's logger through one `LogSink`, with the request's
//! fields and never a secret.

mod support;

use std::sync::{Arc, Mutex};

use insurup::logging::{LogRecord, LogSink, forward_logs};
use serde_json::json;
use support::*;

#[derive(Default)]
struct Collected(Mutex<Vec<LogRecord>>);

impl LogSink for Collected {
    fn enabled(&self, level: &str) -> bool {
        level != "trace"
    }

    fn log(&self, record: LogRecord) {
        self.0.lock().expect("lock").push(record);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn events_reach_the_sink_with_their_request_and_without_secrets() {
    let collected = Arc::new(Collected::default());
    assert!(
        forward_logs(collected.clone()),
        "the first sink is installed"
    );
    assert!(
        !forward_logs(Arc::new(Collected::default())),
        "and only the first"
    );

    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    sandbox
        .fault(fault(
            "GET",
            "/api/agent-users/me",
            1,
            json!({ "status": 503 }),
        ))
        .await;
    client.reference().me().await.expect("retried");

    let records = collected.0.lock().expect("lock").clone();
    let retry = records
        .iter()
        .find(|record| record.message == "retrying")
        .expect("the retry is logged");
    assert_eq!(retry.level, "info");
    assert!(retry.target.starts_with("insurup"), "{retry:?}");
    assert!(
        retry.fields.contains("route=/api/agent-users/me"),
        "{retry:?}"
    );
    assert!(retry.fields.contains("request_id="), "{retry:?}");
    for record in &records {
        let text = format!("{} {}", record.message, record.fields);
        assert!(!text.contains(PASSWORD), "a password in {record:?}");
        assert!(!text.contains("eyJ"), "a token in {record:?}");
    }
}
