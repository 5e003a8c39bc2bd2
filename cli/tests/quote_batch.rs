//! `insurup quote-batch` against a sandbox with injected failures: every row ends in the output
//! exactly once, failures carry their reasons, and reruns redo no finished work.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{AGENT, Insurup, assert_exit, inject_fault, json, run, stdout};
use insurup_sandbox::SandboxHandle;
use serde_json::json;

/// Rows whose TCKN is made invalid: refused by the SDK before any request.
const INVALID_ROWS: [usize; 3] = [10, 100, 150];
/// Proposal requests answered 503: a create is never retried, so each fails one row.
const REFUSED_PROPOSALS: usize = 7;

#[derive(Debug, serde::Deserialize)]
struct Record {
    key: String,
    status: String,
    insurer: Option<String>,
    gross_premium: Option<f64>,
    proposal_id: Option<String>,
    product_id: Option<String>,
    error_kind: Option<String>,
    error_message: Option<String>,
}

fn read_output(path: &Path) -> Vec<Record> {
    csv::Reader::from_path(path)
        .expect("the output exists")
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("every output row parses")
}

fn keys_of_input(path: &Path) -> Vec<String> {
    csv::Reader::from_path(path)
        .expect("the input exists")
        .records()
        .map(|record| record.expect("an input row")[0].to_owned())
        .collect()
}

/// Every input key exactly once.
fn assert_every_row_once(input: &Path, records: &[Record]) {
    let mut keys: Vec<&str> = records.iter().map(|r| r.key.as_str()).collect();
    keys.sort_unstable();
    let mut expected = keys_of_input(input);
    expected.sort_unstable();
    assert_eq!(keys, expected, "each input row appears once in the output");
}

fn failures_by_kind(records: &[Record]) -> BTreeMap<String, usize> {
    let mut kinds = BTreeMap::new();
    for record in records.iter().filter(|r| r.status == "failed") {
        *kinds
            .entry(record.error_kind.clone().unwrap_or_default())
            .or_default() += 1;
    }
    kinds
}

fn proposals_created(sandbox: &SandboxHandle) -> u64 {
    sandbox.stats().proposals_created
}

/// Writes a sample of `rows` rows with the binary's own generator. With seed 6 the sandbox's
/// vehicle registry dates every plate's registration in the past; for a few plates of other
/// seeds it answers a date later this year, which the SDK refuses, failing those rows.
async fn sample(insurup: &Insurup, rows: usize) -> std::path::PathBuf {
    let mut command = insurup.command();
    command.args([
        "quote-batch",
        "--generate-sample",
        &rows.to_string(),
        "--seed",
        "6",
    ]);
    let output = run(command).await;
    assert_exit(&output, 0);
    let path = insurup.home().join("renewals.csv");
    std::fs::write(&path, &output.stdout).expect("the sample is saved");
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn two_hundred_rows_with_failures_end_in_the_output_once_and_reruns_redo_nothing() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();
    let input = sample(&insurup, 200).await;
    let mut text = std::fs::read_to_string(&input).expect("readable");
    for row in INVALID_ROWS {
        let key = format!("row-{row:05},");
        let start = text.find(&key).expect("the row exists") + key.len();
        text.replace_range(start..start + 11, "11111111111");
    }
    std::fs::write(&input, text).expect("writable");
    let output = insurup.home().join("quotes.csv");
    inject_fault(
        &sandbox,
        json!({"method": "POST", "path": "/api/proposals", "times": REFUSED_PROPOSALS, "status": 503}),
    )
    .await;
    // Transient answers the SDK's retry policy absorbs: no row may fail because of them.
    inject_fault(
        &sandbox,
        json!({"method": "GET", "path": "/api/proposals/{id}", "times": 3, "status": 503}),
    )
    .await;
    inject_fault(
        &sandbox,
        json!({"method": "POST", "path": "/api/graphql", "times": 3, "status": 429, "retryAfter": 1}),
    )
    .await;
    let batch = |extra: &'static [&'static str]| {
        let mut command = insurup.as_user(&sandbox, AGENT);
        command
            .args(["quote-batch", "--concurrency", "8", "--json", "-o"])
            .arg(&output)
            .arg(&input)
            .args(extra);
        run(command)
    };

    let first = batch(&[]).await;
    assert_exit(&first, 0);
    let summary = json(&first);
    assert_eq!(summary["quoted"], 200);
    let records = read_output(&output);
    assert_every_row_once(&input, &records);
    assert_eq!(
        failures_by_kind(&records),
        BTreeMap::from([
            ("ServerError".to_owned(), REFUSED_PROPOSALS),
            ("ValidationError".to_owned(), INVALID_ROWS.len()),
        ])
    );
    for record in &records {
        if record.status == "failed" {
            assert!(
                record
                    .error_message
                    .as_deref()
                    .is_some_and(|m| !m.is_empty()),
                "a failure carries its reason: {record:?}"
            );
        } else {
            assert_eq!(record.status, "ok");
            assert!(
                record.insurer.is_some() && record.gross_premium > Some(0.0),
                "{record:?}"
            );
            assert!(
                record.proposal_id.is_some() && record.product_id.is_some(),
                "{record:?}"
            );
        }
    }
    let invalid = records
        .iter()
        .find(|r| r.key == format!("row-{:05}", INVALID_ROWS[0]))
        .expect("the invalid row is there");
    assert!(
        invalid
            .error_message
            .as_deref()
            .is_some_and(|m| m.contains("identity_number")),
        "the validation failure names the field: {invalid:?}"
    );
    let quoted = 200 - REFUSED_PROPOSALS - INVALID_ROWS.len();
    assert_eq!(proposals_created(&sandbox), quoted as u64);

    let customers_before = common::requests(&sandbox, "POST /api/customers");
    let rerun = batch(&[]).await;
    assert_exit(&rerun, 0);
    assert_eq!(json(&rerun)["skipped"], 200);
    assert_eq!(
        proposals_created(&sandbox),
        quoted as u64,
        "a rerun requests no proposal"
    );
    assert_eq!(
        common::requests(&sandbox, "POST /api/customers"),
        customers_before,
        "a rerun creates no customer"
    );
    assert_eq!(read_output(&output).len(), 200);

    let retry = batch(&["--retry-failed"]).await;
    assert_exit(&retry, 0);
    assert_eq!(
        json(&retry)["retried"],
        REFUSED_PROPOSALS + INVALID_ROWS.len()
    );
    let records = read_output(&output);
    assert_every_row_once(&input, &records);
    assert_eq!(
        failures_by_kind(&records),
        BTreeMap::from([("ValidationError".to_owned(), INVALID_ROWS.len())]),
        "the refused proposals succeed when retried; bad input fails again"
    );
    assert_eq!(
        proposals_created(&sandbox),
        (quoted + REFUSED_PROPOSALS) as u64,
        "only the failed rows were quoted again"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_cut_short_mid_line_resumes_with_exactly_the_missing_rows() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();
    let input = sample(&insurup, 40).await;
    let output = insurup.home().join("quotes.jsonl");
    let batch = || {
        let mut command = insurup.as_user(&sandbox, AGENT);
        command
            .args(["quote-batch", "--format", "json", "--quiet", "-o"])
            .arg(&output)
            .arg(&input);
        run(command)
    };
    assert_exit(&batch().await, 0);
    assert_eq!(proposals_created(&sandbox), 40);

    // What a crash leaves behind: 25 whole lines and half of the 26th.
    let text = std::fs::read_to_string(&output).expect("readable");
    let lines: Vec<&str> = text.lines().collect();
    let mut cut = lines[..25].join("\n");
    cut.push('\n');
    cut.push_str(&lines[25][..lines[25].len() / 2]);
    std::fs::write(&output, cut).expect("writable");

    let resumed = batch().await;
    assert_exit(&resumed, 0);
    assert_eq!(
        proposals_created(&sandbox),
        40 + 15,
        "only the 15 missing rows are quoted"
    );
    let keys: Vec<String> = std::fs::read_to_string(&output)
        .expect("readable")
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("a whole JSON line");
            record["key"].as_str().expect("a key").to_owned()
        })
        .collect();
    let unique: BTreeSet<&String> = keys.iter().collect();
    assert_eq!((keys.len(), unique.len()), (40, 40), "40 rows, each once");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_password_stops_the_batch_before_any_row() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();
    let input = sample(&insurup, 5).await;
    let mut command = insurup.as_user(&sandbox, AGENT);
    command
        .env("INSURUP_PASSWORD", "not-the-password")
        .arg("quote-batch")
        .arg(&input);
    let output = run(command).await;

    assert_exit(&output, 3);
    assert_eq!(sandbox.stats().customers_created, 0);
    let written = std::fs::read_to_string(insurup.home().join("renewals.quotes.csv"))
        .expect("the output was created");
    assert_eq!(written.lines().count(), 1, "only the header: {written}");
    assert!(!stdout(&output).contains("not-the-password"));
}
