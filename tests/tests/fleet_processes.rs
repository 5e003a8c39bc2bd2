//! Eight worker processes share one agent-user session through Redis for a minute of 10 s access
//! tokens: one login, exactly one refresh per token generation, no refresh token refused, and
//! every worker ends on the record's version; then, for half a minute each, the same with the
//! lease holder killed before and after its refresh, and with Redis paused, its clients killed,
//! and Redis restarted.
//!
//! `FLEET_TEST_SECONDS` shortens the minute for a quick local run.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use insurup::RedisTokenStore;
use insurup_e2e::faulty_store::DIED_ON_PURPOSE;
use insurup_e2e::redis_server::RedisServer;
use insurup_sandbox::SandboxConfig;
use serde_json::Value;
use support::{AGENT, TestSandbox};

const WORKERS: usize = 8;
const TOKEN_SECONDS: u64 = 10;

fn run_seconds() -> u64 {
    std::env::var("FLEET_TEST_SECONDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(60)
}

/// The fault scenarios run for half as long: each still crosses three token generations.
fn fault_run_seconds() -> u64 {
    run_seconds().min(30)
}

/// What a run left behind.
#[derive(Debug)]
struct Outcome {
    /// Reports of the workers that ran to the end.
    reports: Vec<Value>,
    /// Workers that died on purpose.
    died: usize,
    logins: u64,
    refreshes: u64,
    refused_refreshes: u64,
    /// The shared record's version at the end.
    version: u64,
    /// How long the workers ran.
    seconds: u64,
}

impl Outcome {
    fn failed_calls(&self) -> u64 {
        self.reports
            .iter()
            .filter_map(|report| report["failures"].as_object())
            .flat_map(|failures| failures.values())
            .filter_map(Value::as_u64)
            .sum()
    }

    fn calls(&self) -> u64 {
        self.reports
            .iter()
            .filter_map(|report| report["calls"].as_u64())
            .sum()
    }

    fn worker_versions(&self) -> Vec<u64> {
        self.reports
            .iter()
            .map(|report| report["version"].as_u64().unwrap_or(0))
            .collect()
    }

    fn summary(&self, scenario: &str) -> String {
        format!(
            "{scenario}: {} calls ({} failed), logins {}, refreshes {}, refused refreshes {}, \
             record version {}, worker versions {:?}, died {}",
            self.calls(),
            self.failed_calls(),
            self.logins,
            self.refreshes,
            self.refused_refreshes,
            self.version,
            self.worker_versions(),
            self.died
        )
    }

    fn assert_every_worker_ends_on_the_records_version(&self, scenario: &str) {
        assert_eq!(
            self.reports.len() + self.died,
            WORKERS,
            "{scenario}: every worker reported or died on purpose"
        );
        for version in self.worker_versions() {
            assert_eq!(
                version,
                self.version,
                "{scenario}: every worker ends on the record's version ({})",
                self.summary(scenario)
            );
        }
    }
}

/// Starts the fleet, lets `disturb` do its worst meanwhile, and collects what happened.
async fn run_fleet<F, Fut>(scenario: &str, seconds: u64, die: &str, disturb: F) -> Option<Outcome>
where
    F: FnOnce(RedisServer, RedisTokenStore) -> Fut,
    Fut: std::future::Future<Output = RedisServer>,
{
    let redis = RedisServer::start()?;
    let sandbox = TestSandbox::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(TOKEN_SECONDS),
        ..SandboxConfig::for_tests()
    })
    .await;
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_fleet-worker"))
                .args(["--base-url", &sandbox.url(), "--redis", &redis.url()])
                .args(["--seconds", &seconds.to_string(), "--pause-ms", "100"])
                .args(["--die", die])
                .env("RUST_LOG", "off")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("a worker starts")
        })
        .collect();
    let waiting = tokio::task::spawn_blocking(move || {
        workers
            .into_iter()
            .map(|worker| worker.wait_with_output().expect("the worker ends"))
            .collect::<Vec<_>>()
    });
    let store = RedisTokenStore::new(&redis.url(), AGENT).expect("valid");
    let redis = disturb(redis, store).await;
    let finished = waiting.await.expect("the workers are waited for");

    let mut reports = Vec::new();
    let mut died = 0;
    for output in finished {
        match output.status.code() {
            Some(0) => reports
                .push(serde_json::from_slice(&output.stdout).expect("a worker's report is JSON")),
            Some(DIED_ON_PURPOSE) => died += 1,
            other => panic!("{scenario}: a worker ended with {other:?}"),
        }
    }
    let stats = sandbox.stats().await;
    let refreshes = stats["refreshes"].as_u64().unwrap_or(0);
    let asked = stats["requests"]["POST /api/authentication:agent-user/refresh"]
        .as_u64()
        .unwrap_or(0);
    let version = RedisTokenStore::new(&redis.url(), AGENT)
        .expect("valid")
        .session()
        .await
        .expect("the record")
        .version;
    let outcome = Outcome {
        reports,
        died,
        logins: stats["logins"].as_u64().unwrap_or(0),
        refreshes,
        refused_refreshes: asked - refreshes,
        version,
        seconds,
    };
    eprintln!("{}", outcome.summary(scenario));
    Some(outcome)
}

/// When the current token's renewal is due (80 % of its life), by the shared record.
async fn renewal_due(store: &RedisTokenStore) -> Option<tokio::time::Instant> {
    let tokens = store.session().await.ok()?.tokens?;
    let due_ms = tokens.issued_at_ms + (tokens.expires_in_secs * 800) as i64;
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_millis() as i64;
    let wait = Duration::from_millis(u64::try_from(due_ms - now_ms).unwrap_or(0));
    Some(tokio::time::Instant::now() + wait)
}

fn assert_one_login_and_one_refresh_per_generation(outcome: &Outcome, scenario: &str) {
    let summary = outcome.summary(scenario);
    assert_eq!(outcome.logins, 1, "no login after the first: {summary}");
    assert_eq!(
        outcome.refused_refreshes, 0,
        "no refresh token refused: {summary}"
    );
    assert!(
        outcome.version >= outcome.seconds / TOKEN_SECONDS,
        "the run went through a generation every {TOKEN_SECONDS} s or so: {summary}"
    );
    assert_eq!(
        outcome.refreshes,
        outcome.version - 1,
        "exactly one refresh per token generation: {summary}"
    );
    outcome.assert_every_worker_ends_on_the_records_version(scenario);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_workers_share_one_session_for_a_minute() {
    let Some(outcome) = run_fleet("undisturbed", run_seconds(), "never", |redis, _| async {
        redis
    })
    .await
    else {
        return;
    };
    assert_one_login_and_one_refresh_per_generation(&outcome, "undisturbed");
    assert_eq!(
        outcome.failed_calls(),
        0,
        "{}",
        outcome.summary("undisturbed")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lease_holder_killed_before_refreshing_is_replaced_after_its_lease_expires() {
    let scenario = "holder killed before its refresh";
    let Some(outcome) = run_fleet(
        scenario,
        fault_run_seconds(),
        "before-refresh",
        |redis, _| async { redis },
    )
    .await
    else {
        return;
    };
    assert_eq!(outcome.died, 1, "{}", outcome.summary(scenario));
    assert_one_login_and_one_refresh_per_generation(&outcome, scenario);
    assert_eq!(outcome.failed_calls(), 0, "{}", outcome.summary(scenario));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lease_holder_killed_after_the_server_rotated_its_token_costs_one_login() {
    let scenario = "holder killed after its refresh";
    let Some(outcome) = run_fleet(
        scenario,
        fault_run_seconds(),
        "after-refresh",
        |redis, _| async { redis },
    )
    .await
    else {
        return;
    };
    let summary = outcome.summary(scenario);
    assert_eq!(outcome.died, 1, "{summary}");
    assert_eq!(
        outcome.refused_refreshes, 1,
        "the dead worker's rotation is found out once: {summary}"
    );
    assert_eq!(
        outcome.logins, 2,
        "then one worker logs in, once: {summary}"
    );
    // Committed refreshes (all but the dead worker's), plus "needs login", plus the login.
    assert_eq!(
        outcome.version,
        1 + (outcome.refreshes - 1) + 2,
        "{summary}"
    );
    outcome.assert_every_worker_ends_on_the_records_version(scenario);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_paused_across_a_renewal_delays_it_without_a_second_refresh_or_login() {
    let scenario = "Redis paused";
    let Some(outcome) = run_fleet(
        scenario,
        fault_run_seconds(),
        "never",
        |redis, store| async move {
            // Twice: from half a second before a renewal is due, for two seconds.
            for _ in 0..2 {
                tokio::time::sleep(Duration::from_secs(3)).await;
                let Some(due) = renewal_due(&store).await else {
                    continue;
                };
                tokio::time::sleep_until(due - Duration::from_millis(500)).await;
                redis.pause(Duration::from_secs(2));
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            redis
        },
    )
    .await
    else {
        return;
    };
    assert_one_login_and_one_refresh_per_generation(&outcome, scenario);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_killing_every_client_connection_changes_nothing_the_fleet_can_see() {
    let scenario = "Redis clients killed";
    let Some(outcome) = run_fleet(
        scenario,
        fault_run_seconds(),
        "never",
        |redis, store| async move {
            // At every renewal, and in between.
            let until = tokio::time::Instant::now() + Duration::from_secs(fault_run_seconds() - 5);
            while tokio::time::Instant::now() < until {
                if let Some(due) = renewal_due(&store).await {
                    tokio::time::sleep_until(due + Duration::from_millis(5)).await;
                }
                redis.kill_clients();
                tokio::time::sleep(Duration::from_millis(1500)).await;
                redis.kill_clients();
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            redis
        },
    )
    .await
    else {
        return;
    };
    assert_one_login_and_one_refresh_per_generation(&outcome, scenario);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_restarted_empty_is_restored_from_the_workers_without_a_login() {
    let scenario = "Redis restarted";
    let Some(outcome) = run_fleet(
        scenario,
        fault_run_seconds(),
        "never",
        |mut redis, store| async move {
            tokio::time::sleep(Duration::from_secs(fault_run_seconds() / 3)).await;
            // Mid-generation: the record, lease and counters are all lost.
            if let Some(due) = renewal_due(&store).await {
                tokio::time::sleep_until(due - Duration::from_secs(4)).await;
            }
            redis.restart();
            redis
        },
    )
    .await
    else {
        return;
    };
    assert_one_login_and_one_refresh_per_generation(&outcome, scenario);
}
