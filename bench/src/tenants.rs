//! Many tenants in one process: a thousand clients, each with its own session, and when their
//! proactive refreshes reach the server.

use std::time::{Duration, Instant};

use futures::future::try_join_all;
use futures::{StreamExt, TryStreamExt};
use insurup::Client;
use serde_json::{Value, json};

use crate::sys;

/// The sandbox's counters (`GET /__sandbox/stats`). The connection is closed after the answer,
/// so the harness's own socket is not counted among the clients' connections.
pub async fn stats(http: &reqwest::Client, base_url: &str) -> Value {
    let request = http
        .get(format!("{base_url}/__sandbox/stats"))
        .header(reqwest::header::CONNECTION, "close");
    match request.send().await {
        Ok(answer) => answer.json().await.unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

pub fn counter(stats: &Value, key: &str) -> u64 {
    stats[key].as_u64().unwrap_or(0)
}

fn port_of(base_url: &str) -> u16 {
    base_url
        .rsplit(':')
        .next()
        .and_then(|port| port.trim_end_matches('/').parse().ok())
        .unwrap_or(80)
}

/// `clients` clients built, then signed in `concurrency` at a time; the memory, threads and
/// connections they add. Clients that share one connection pool end with at most `concurrency`
/// connections to the sandbox (one per request that was in flight at once); clients with a pool
/// each end with one per client.
pub async fn tenants(
    base_url: &str,
    http: &reqwest::Client,
    build: impl Fn() -> insurup::Result<Client>,
    clients: usize,
    concurrency: usize,
) -> insurup::Result<Value> {
    // One client first, so the runtime, the TLS provider and the allocator's arenas are in place
    // and only what each further client adds is counted.
    let first = build()?;
    first.sign_in().await?;
    let before = stats(http, base_url).await;
    let rss_before = sys::rss_kb();
    let threads_before = sys::threads();
    let started = Instant::now();
    let tenants: Vec<Client> = (0..clients).map(|_| build()).collect::<Result<_, _>>()?;
    let built = started.elapsed();
    let started = Instant::now();
    futures::stream::iter(tenants.iter().map(Client::sign_in))
        .buffer_unordered(concurrency.max(1))
        .try_collect::<Vec<()>>()
        .await?;
    let signed_in = started.elapsed();
    let rss_after = sys::rss_kb();
    let after = stats(http, base_url).await;
    let per_client_kb = match (rss_before, rss_after) {
        (Some(before), Some(after)) => Some(after.saturating_sub(before) as f64 / clients as f64),
        _ => None,
    };
    let result = json!({
        "measure": "tenants",
        "language": "rust",
        "kind": "sdk",
        "clients": clients,
        "rssBeforeKb": rss_before,
        "rssAfterKb": rss_after,
        "rssPerClientKb": per_client_kb,
        "createSeconds": built.as_secs_f64(),
        "signInSeconds": signed_in.as_secs_f64(),
        "signInConcurrency": concurrency,
        "logins": counter(&after, "logins") - counter(&before, "logins"),
        "tcpConnections": sys::tcp_connections_to(port_of(base_url)),
        "threadsBefore": threads_before,
        "threads": sys::threads(),
        "threadNames": sys::thread_names(),
    });
    drop(tenants);
    Ok(result)
}

/// `sessions` sessions started together against a sandbox whose tokens live `token_ttl`; each is
/// asked for a token every `use_every` (what every call does first; no request unless a renewal
/// is due) until each session has renewed once, or until a second after the first tokens
/// expired. The sandbox's `refreshes` counter, read every 100 ms, says when the renewals arrived.
pub async fn refresh_spread(
    base_url: &str,
    http: &reqwest::Client,
    build: impl Fn() -> insurup::Result<Client>,
    sessions: usize,
    token_ttl: Duration,
    use_every: Duration,
) -> insurup::Result<Value> {
    let tenants: Vec<Client> = (0..sessions).map(|_| build()).collect::<Result<_, _>>()?;
    let before = stats(http, base_url).await;
    let started = Instant::now();
    try_join_all(tenants.iter().map(Client::sign_in)).await?;
    let start_spread = started.elapsed();
    let until = started + token_ttl + Duration::from_secs(1);

    let sampler = {
        let (http, base_url) = (http.clone(), base_url.to_owned());
        let base = counter(&before, "refreshes");
        tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut ticks = tokio::time::interval(Duration::from_millis(100));
            while Instant::now() < until {
                ticks.tick().await;
                let now = stats(&http, &base_url).await;
                let renewed = counter(&now, "refreshes").saturating_sub(base);
                samples.push((started.elapsed().as_secs_f64(), renewed));
                if renewed >= sessions as u64 {
                    break;
                }
            }
            samples
        })
    };
    let mut failures = 0_u64;
    let mut ticks = tokio::time::interval(use_every);
    while !sampler.is_finished() {
        ticks.tick().await;
        for outcome in futures::future::join_all(tenants.iter().map(Client::sign_in)).await {
            if outcome.is_err() {
                failures += 1;
            }
        }
    }
    let samples = sampler.await.unwrap_or_default();
    let after = stats(http, base_url).await;

    // The most renewals inside any one second: each sample against the last sample at least a
    // second older.
    let mut max_in_one_second = 0;
    let mut oldest = 0;
    for (index, &(at, count)) in samples.iter().enumerate() {
        while oldest + 1 < index && samples[oldest + 1].0 <= at - 1.0 {
            oldest += 1;
        }
        let window_start = if samples[oldest].0 <= at - 1.0 {
            samples[oldest].1
        } else {
            0
        };
        max_in_one_second = max_in_one_second.max(count - window_start);
    }
    let renewed_at = |fraction: f64| {
        let total = samples.last().map_or(0, |s| s.1) as f64;
        samples
            .iter()
            .find(|s| s.1 as f64 >= total * fraction && total > 0.0)
            .map(|s| s.0)
    };
    // Renewals per whole second since the sessions started.
    let mut per_second = Vec::new();
    let mut previous = 0;
    let observed = samples.last().map_or(0.0, |s| s.0);
    for second in 1..=observed.ceil() as usize {
        let count = samples
            .iter()
            .take_while(|s| s.0 <= second as f64)
            .last()
            .map_or(previous, |s| s.1);
        per_second.push(count - previous);
        previous = count;
    }
    Ok(json!({
        "measure": "refreshSpread",
        "sessions": sessions,
        "tokenTtlSeconds": token_ttl.as_secs_f64(),
        "startSpreadSeconds": start_spread.as_secs_f64(),
        "refreshes": counter(&after, "refreshes") - counter(&before, "refreshes"),
        "logins": counter(&after, "logins") - counter(&before, "logins"),
        "failures": failures,
        "maxInOneSecond": max_in_one_second,
        "maxShareInOneSecond": max_in_one_second as f64 / sessions.max(1) as f64,
        "firstRenewalSeconds": renewed_at(0.0001),
        "lastRenewalSeconds": renewed_at(1.0),
        "renewalsPerSecond": per_second,
    }))
}
