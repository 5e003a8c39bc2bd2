//! Measurements of the Rust core for `bench/run.sh`, each printed as one JSON line.
//!
//! Contenders run side by side in one process against one sandbox, interleaved round by round so
//! a noisy neighbour hurts both alike; `run.sh` turns the rounds into ratios.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use futures::{StreamExt, TryStreamExt, stream};
use insurup::{
    Client, ListQuery, NewCustomer, NewProposal, NewVehicle, ProposalId, ProposalProductId,
    WaitOptions,
};
use serde_json::json;

const EMAIL: &str = "agent@sandbox.insurup.test";
const PASSWORD: &str = "sandbox-password";
const AGENT_ID: &str = "00000000-0000-4000-8000-000000000001";

#[derive(Parser)]
struct Args {
    /// The sandbox to measure against.
    #[arg(long)]
    base_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates the customer, vehicle and answered proposal the other measurements read, and
    /// prints the proposal id, its path, its body size and an access token for raw clients.
    Setup,
    /// Sequential GETs of one proposal product (about 1 KB): the SDK vs bare reqwest decoding
    /// into the same type.
    Latency {
        #[arg(long)]
        proposal_id: String,
        #[arg(long)]
        product_id: String,
        #[arg(long, default_value_t = 7)]
        rounds: u32,
        #[arg(long, default_value_t = 2000)]
        calls: u32,
    },
    /// GETs of one proposal product from `concurrency` tasks for `seconds`: requests per second.
    Throughput {
        #[arg(long)]
        proposal_id: String,
        #[arg(long)]
        product_id: String,
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        #[arg(long, default_value_t = 5.0)]
        seconds: f64,
    },
    /// `calls` concurrent GETs fired just as the access token is due for renewal (run against
    /// a sandbox with a short `--token-ttl`): refreshes and failures.
    RefreshStorm {
        #[arg(long)]
        proposal_id: String,
        #[arg(long, default_value_t = 1000)]
        calls: usize,
    },
    /// Every policy of the agency through GraphQL pages of `page_size`: rows per second and
    /// the process's peak resident memory.
    Stream {
        #[arg(long, default_value_t = 500)]
        page_size: u32,
    },
}

fn client(base_url: &str) -> insurup::Result<Client> {
    Client::builder()
        .base_url(base_url)
        .agent_user(EMAIL, PASSWORD)
        .agent_id(AGENT_ID)
        .build()
}

/// The same settings the SDK gives its own reqwest client.
fn bare_reqwest() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .pool_idle_timeout(Duration::from_secs(60))
        .tcp_nodelay(true)
        .build()
        .expect("a reqwest client")
}

async fn access_token(http: &reqwest::Client, base_url: &str) -> String {
    let answer: serde_json::Value = http
        .post(format!("{base_url}/api/authentication:agent-user/login"))
        .json(&json!({"email": EMAIL, "password": PASSWORD}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("login answer");
    answer["accessToken"]
        .as_str()
        .expect("an access token")
        .to_owned()
}

/// Peak resident set size of this process, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[tokio::main]
async fn main() -> insurup::Result<()> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let args = Args::parse();
    let base_url = args.base_url.trim_end_matches('/').to_owned();
    let sdk = client(&base_url)?;
    let http = bare_reqwest();

    match args.command {
        Command::Setup => {
            let customer = sdk
                .customers()
                .ensure(NewCustomer::individual("11111111110").with_birth_date("1990-01-01"))
                .await?;
            let vehicle = sdk
                .vehicles()
                .create(
                    &customer.id,
                    NewVehicle::new("34ABC123").with_document_serial("AB", "123456"),
                )
                .await?;
            let proposal = sdk
                .proposals()
                .create(NewProposal::trafik(&customer.id, &vehicle.id))
                .await?;
            let proposal = sdk
                .proposals()
                .wait(&proposal.id, WaitOptions::default())
                .await?;
            let product = proposal.cheapest_product(1).expect("an insurer answered");
            let token = access_token(&http, &base_url).await;
            let path = format!("/api/proposals/{}/products/{}", proposal.id, product.id);
            let body = http
                .get(format!("{base_url}{path}"))
                .bearer_auth(&token)
                .send()
                .await
                .and_then(reqwest::Response::error_for_status)
                .expect("the proposal")
                .bytes()
                .await
                .expect("its body");
            println!(
                "{}",
                json!({"proposalId": proposal.id, "productId": product.id, "path": path, "bodyBytes": body.len(), "token": token})
            );
        }
        Command::Latency {
            proposal_id,
            product_id,
            rounds,
            calls,
        } => {
            let id = ProposalId::new(proposal_id);
            let product = ProposalProductId::new(product_id);
            let url = format!("{base_url}/api/proposals/{id}/products/{product}");
            let token = access_token(&http, &base_url).await;
            sdk.proposals().product(&id, &product).await?; // logs in and warms the pool outside the timing
            for round in 1..=rounds {
                let started = Instant::now();
                for _ in 0..calls {
                    sdk.proposals().product(&id, &product).await?;
                }
                let sdk_us = started.elapsed().as_secs_f64() * 1e6 / f64::from(calls);
                let started = Instant::now();
                for _ in 0..calls {
                    let product: insurup::Product = http
                        .get(&url)
                        .bearer_auth(&token)
                        .send()
                        .await
                        .expect("a response")
                        .json()
                        .await
                        .expect("a product");
                    std::hint::black_box(product);
                }
                let raw_us = started.elapsed().as_secs_f64() * 1e6 / f64::from(calls);
                println!(
                    "{}",
                    json!({"measure": "latency", "round": round, "sdkMicros": sdk_us, "reqwestMicros": raw_us})
                );
            }
        }
        Command::Throughput {
            proposal_id,
            product_id,
            concurrency,
            seconds,
        } => {
            let id = ProposalId::new(proposal_id);
            let product = ProposalProductId::new(product_id);
            sdk.proposals().product(&id, &product).await?;
            let done = Arc::new(AtomicU64::new(0));
            let deadline = Instant::now() + Duration::from_secs_f64(seconds);
            let started = Instant::now();
            let workers = (0..concurrency).map(|_| {
                let (sdk, id, product, done) =
                    (sdk.clone(), id.clone(), product.clone(), done.clone());
                tokio::spawn(async move {
                    while Instant::now() < deadline {
                        sdk.proposals().product(&id, &product).await?;
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok::<_, insurup::Error>(())
                })
            });
            for worker in futures::future::join_all(workers).await {
                worker.expect("a worker")?;
            }
            let per_second = done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
            println!(
                "{}",
                json!({"measure": "throughput", "sdkRequestsPerSecond": per_second})
            );
        }
        Command::RefreshStorm { proposal_id, calls } => {
            let id = ProposalId::new(proposal_id);
            let stats_url = format!("{base_url}/__sandbox/stats");
            let stats = || async {
                http.get(&stats_url)
                    .send()
                    .await
                    .expect("stats")
                    .json::<serde_json::Value>()
                    .await
                    .expect("stats")
            };
            sdk.proposals().get(&id).await?; // logs in: the token's clock starts now
            let before = stats().await;
            // Fire just before the renewal point (80 % of the lifetime), so the calls straddle it.
            tokio::time::sleep(renewal_after().saturating_sub(Duration::from_millis(50))).await;
            let outcomes: Vec<_> = stream::iter(0..calls)
                .map(|_| {
                    let (sdk, id) = (sdk.clone(), id.clone());
                    async move { sdk.proposals().get(&id).await }
                })
                .buffer_unordered(calls)
                .collect()
                .await;
            let after = stats().await;
            let failures = outcomes.iter().filter(|outcome| outcome.is_err()).count();
            let count = |stats: &serde_json::Value, key: &str| stats[key].as_u64().unwrap_or(0);
            println!(
                "{}",
                json!({
                    "measure": "refreshStorm",
                    "calls": calls,
                    "refreshes": count(&after, "refreshes") - count(&before, "refreshes"),
                    "logins": count(&after, "logins") - count(&before, "logins"),
                    "failures": failures,
                })
            );
        }
        Command::Stream { page_size } => {
            let started = Instant::now();
            let rows = sdk
                .graphql()
                .policies_stream(ListQuery::first(page_size))
                .try_fold(0_u64, |rows, _| async move { Ok(rows + 1) })
                .await?;
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "{}",
                json!({"measure": "stream", "rows": rows, "rowsPerSecond": rows as f64 / seconds, "peakRssMb": peak_rss_mb()})
            );
        }
    }
    Ok(())
}

/// When the SDK renews a fresh token: at 80 % of the sandbox's `--token-ttl`, which `run.sh`
/// passes as `INSURUP_BENCH_TOKEN_TTL` (seconds).
fn renewal_after() -> Duration {
    let ttl: f64 = std::env::var("INSURUP_BENCH_TOKEN_TTL")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(ttl * 0.8)
}
