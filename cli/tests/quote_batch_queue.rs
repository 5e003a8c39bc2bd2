//! `insurup quote-batch --queue`: four processes split one 2 000-row portfolio through Redis
//! under the sandbox's rate limit. Every row is quoted exactly once and none fails, the rows of
//! a worker killed mid-run are finished by the others, the workers share one login, a rerun
//! resumes (here: finds the batch done), and `--status` shows the whole batch.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{AGENT, Insurup, assert_exit, json, run, sandbox_with};
use insurup_e2e::redis_server::RedisServer;
use insurup_sandbox::{SandboxConfig, SandboxHandle};

const ROWS: usize = 2000;
const WORKERS: usize = 4;
/// Requests per second the sandbox allows per token; the workers share this budget.
const RATE_LIMIT: u32 = 400;

fn keys_and_statuses(path: &Path) -> Vec<(String, String)> {
    csv::Reader::from_path(path)
        .expect("the output exists")
        .records()
        .map(|record| {
            let record = record.expect("an output row");
            (record[0].to_owned(), record[2].to_owned())
        })
        .collect()
}

fn input_keys(path: &Path) -> BTreeSet<String> {
    csv::Reader::from_path(path)
        .expect("the input exists")
        .records()
        .map(|record| record.expect("an input row")[0].to_owned())
        .collect()
}

fn worker(insurup: &Insurup, sandbox: &SandboxHandle, redis: &RedisServer, name: &str) -> Child {
    insurup
        .as_user(sandbox, AGENT)
        .args([
            "quote-batch",
            "rows.csv",
            "--queue",
            &redis.url(),
            "--quiet",
        ])
        .args([
            "--worker",
            name,
            "--concurrency",
            "16",
            "--claim-after",
            "3",
        ])
        .args(["--rate-limit", &RATE_LIMIT.to_string()])
        .args(["-o", &format!("{name}.csv")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("a worker starts")
}

fn results(redis: &RedisServer) -> usize {
    redis
        .command::<Vec<String>>(&["KEYS", "insurup:batch:*:results"])
        .first()
        .map_or(0, |key| redis.command::<usize>(&["HLEN", key]))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_workers_quote_two_thousand_rows_once_each_and_survive_one_of_them_killed() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = sandbox_with(SandboxConfig {
        rate_limit: RATE_LIMIT,
        ..SandboxConfig::for_tests()
    })
    .await;
    let insurup = Insurup::new();
    let mut sample = insurup.command();
    sample.args(["quote-batch", "--generate-sample", &ROWS.to_string()]);
    let sample = run(sample).await;
    assert_exit(&sample, 0);
    let input = insurup.home().join("rows.csv");
    std::fs::write(&input, &sample.stdout).expect("the portfolio is written");

    let mut workers: Vec<(String, Child)> = (0..WORKERS)
        .map(|n| {
            let name = format!("worker-{n}");
            let child = worker(&insurup, &sandbox, &redis, &name);
            (name, child)
        })
        .collect();

    // A fifth of the way in, one worker dies without a word.
    let deadline = Instant::now() + Duration::from_secs(300);
    while results(&redis) < ROWS / 5 {
        assert!(Instant::now() < deadline, "the batch makes progress");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (killed, mut victim) = workers.pop().expect("a worker");
    victim.kill().expect("the worker is killed");
    let _ = victim.wait();
    let stream = redis
        .command::<Vec<String>>(&["KEYS", "insurup:batch:*:rows"])
        .pop()
        .expect("the batch's stream");
    let held: Vec<redis::Value> = redis.command(&[
        "XPENDING",
        &stream,
        "quote-batch",
        "-",
        "+",
        "1000",
        &killed,
    ]);
    assert!(!held.is_empty(), "the killed worker held rows");

    let finished = tokio::task::spawn_blocking(move || {
        workers
            .into_iter()
            .map(|(name, child)| (name, child.wait_with_output().expect("a worker ends")))
            .collect::<Vec<_>>()
    })
    .await
    .expect("the workers are waited for");

    let expected = input_keys(&input);
    for (name, output) in &finished {
        assert_exit(output, 0);
        let rows = keys_and_statuses(&insurup.home().join(format!("{name}.csv")));
        let keys: BTreeSet<String> = rows.iter().map(|(key, _)| key.clone()).collect();
        assert_eq!(rows.len(), ROWS, "{name}'s output has every row once");
        assert_eq!(keys, expected, "{name}'s output has every input key");
        let failed = rows.iter().filter(|(_, status)| status != "ok").count();
        assert_eq!(failed, 0, "no row failed");
    }
    let stats = sandbox.stats();
    assert_eq!(
        stats.proposals_created, ROWS as u64,
        "every row was quoted exactly once, the killed worker's included"
    );
    assert_eq!(stats.logins, 1, "the workers share one login");
    let pending: Vec<redis::Value> =
        redis.command(&["XPENDING", &stream, "quote-batch", "-", "+", "1000"]);
    assert!(pending.is_empty(), "no row is left unacknowledged");

    // Every machine can ask how the batch stands.
    let mut status = insurup.as_user(&sandbox, AGENT);
    status.args([
        "quote-batch",
        "rows.csv",
        "--queue",
        &redis.url(),
        "--status",
        "--json",
    ]);
    let status = run(status).await;
    assert_exit(&status, 0);
    let status = json(&status);
    assert_eq!(status["rows"], ROWS);
    assert_eq!(status["done"], ROWS);
    assert_eq!(status["failed"], 0);
    assert_eq!(status["inFlight"], 0);
    let quoted: i64 = status["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .filter_map(|worker| worker["quoted"].as_i64())
        .sum();
    assert_eq!(
        quoted, ROWS as i64,
        "each row counted for the one worker that quoted it"
    );

    // A rerun joins the batch where it stands: done, so it only writes the output.
    let mut rerun = insurup.as_user(&sandbox, AGENT);
    rerun
        .args([
            "quote-batch",
            "rows.csv",
            "--queue",
            &redis.url(),
            "--quiet",
        ])
        .args(["-o", "rerun.csv"]);
    let rerun = run(rerun).await;
    assert_exit(&rerun, 0);
    assert_eq!(
        keys_and_statuses(&insurup.home().join("rerun.csv")).len(),
        ROWS
    );
    assert_eq!(
        sandbox.stats().proposals_created,
        ROWS as u64,
        "nothing was quoted again"
    );
}
