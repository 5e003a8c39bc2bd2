//! Measurements of the Rust core for `bench/run.sh`, each printed as one JSON line.
//!
//! Contenders run side by side in one process against one sandbox, interleaved round by round so
//! a noisy neighbour hurts both alike; `run.sh` turns the rounds into ratios.

mod ceiling;
mod quote_time;
mod sys;
mod tenants;

use std::path::PathBuf;
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

pub(crate) const EMAIL: &str = "agent@sandbox.insurup.test";
pub(crate) const PASSWORD: &str = "sandbox-password";
pub(crate) const AGENT_ID: &str = "00000000-0000-4000-8000-000000000001";

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
    /// GETs of one proposal product from `concurrency` tasks for `seconds`, through the SDK and
    /// then through bare reqwest decoding into the same type: requests per second of each.
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
    /// `clients` clients, each with its own session, built and signed in (16 at a time):
    /// resident memory per extra client, the time to create them, and the TCP connections and
    /// threads they leave in the process.
    Tenants {
        #[arg(long, default_value_t = 1000)]
        clients: usize,
        /// Sign-ins in flight at once.
        #[arg(long, default_value_t = 16)]
        sign_in_concurrency: usize,
    },
    /// `sessions` sessions started together against a sandbox with `--token-ttl`
    /// `token_ttl`, used until every token has expired: renewals per second at the server.
    RefreshSpread {
        #[arg(long, default_value_t = 1000)]
        sessions: usize,
        /// The sandbox's `--token-ttl`, in seconds.
        #[arg(long)]
        token_ttl: f64,
        /// How often each session is asked for a token, in milliseconds.
        #[arg(long, default_value_t = 250)]
        use_every_ms: u64,
    },
    /// `insurup quote-batch` on `rows` generated rows through a recording proxy, against a
    /// sandbox started with `--rate-limit` `rate_limit`: achieved rate, failed rows, 429s.
    Ceiling {
        /// The `insurup` binary.
        #[arg(long)]
        cli: PathBuf,
        /// Where the input, the results and the session file go.
        #[arg(long)]
        work_dir: PathBuf,
        #[arg(long, default_value_t = 2000)]
        rows: usize,
        /// The sandbox's `--rate-limit` (requests per second per token).
        #[arg(long)]
        rate_limit: u32,
        /// `--concurrency` for quote-batch; its default when absent.
        #[arg(long)]
        concurrency: Option<u16>,
        /// Runs quote-batch with `--no-pacing`.
        #[arg(long)]
        no_pacing: bool,
        /// A name for this run in the output.
        #[arg(long)]
        label: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The quote-and-buy flow (a fresh client each round) against the sandbox's floor for the
    /// same proposal, read from its real-time hub.
    TimeToQuote {
        #[arg(long, default_value_t = 5)]
        rounds: u32,
        /// How the SDK hears of the insurers' answers: `hub` or `polling`.
        #[arg(long, default_value = "hub")]
        real_time: String,
    },
}

fn client(base_url: &str) -> insurup::Result<Client> {
    Client::builder()
        .base_url(base_url)
        .agent_user(EMAIL, PASSWORD)
        .agent_id(AGENT_ID)
        .build()
}

/// A client of one of many accounts served by one process: they share `pool`, as a CRM serving
/// many agencies would (the language packages do it for their users).
fn tenant_client(base_url: &str, pool: &insurup::ConnectionPool) -> insurup::Result<Client> {
    Client::builder()
        .base_url(base_url)
        .agent_user(EMAIL, PASSWORD)
        .agent_id(AGENT_ID)
        .connection_pool(pool.clone())
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
            let url = format!("{base_url}/api/proposals/{id}/products/{product}");
            let token = access_token(&http, &base_url).await;
            sdk.proposals().product(&id, &product).await?;
            let sdk_rate = rate(concurrency, seconds, {
                let (sdk, id, product) = (sdk.clone(), id.clone(), product.clone());
                move || {
                    let (sdk, id, product) = (sdk.clone(), id.clone(), product.clone());
                    async move {
                        sdk.proposals().product(&id, &product).await?;
                        Ok(())
                    }
                }
            })
            .await?;
            let raw_rate = rate(concurrency, seconds, {
                let (http, url, token) = (http.clone(), Arc::new(url), Arc::new(token));
                move || {
                    let (http, url, token) = (http.clone(), Arc::clone(&url), Arc::clone(&token));
                    async move {
                        let product: insurup::Product = http
                            .get(url.as_str())
                            .bearer_auth(token.as_str())
                            .send()
                            .await
                            .expect("a response")
                            .json()
                            .await
                            .expect("a product");
                        std::hint::black_box(product);
                        Ok(())
                    }
                }
            })
            .await?;
            println!(
                "{}",
                json!({"measure": "throughput", "concurrency": concurrency, "sdkRequestsPerSecond": sdk_rate, "reqwestRequestsPerSecond": raw_rate})
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
            let mut failure_kinds = std::collections::BTreeMap::<String, usize>::new();
            for error in outcomes.iter().filter_map(|outcome| outcome.as_ref().err()) {
                *failure_kinds
                    .entry(format!("{} {:?}", error.kind(), error.status()))
                    .or_default() += 1;
            }
            let count = |stats: &serde_json::Value, key: &str| stats[key].as_u64().unwrap_or(0);
            println!(
                "{}",
                json!({
                    "measure": "refreshStorm",
                    "calls": calls,
                    "refreshes": count(&after, "refreshes") - count(&before, "refreshes"),
                    "logins": count(&after, "logins") - count(&before, "logins"),
                    "failures": failures,
                    "failureKinds": failure_kinds,
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
                json!({"measure": "stream", "rows": rows, "rowsPerSecond": rows as f64 / seconds, "peakRssMb": sys::peak_rss_mb()})
            );
        }
        Command::Tenants {
            clients,
            sign_in_concurrency,
        } => {
            let pool = insurup::ConnectionPool::new()?;
            let report = tenants::tenants(
                &base_url,
                &http,
                || tenant_client(&base_url, &pool),
                clients,
                sign_in_concurrency,
            )
            .await?;
            println!("{report}");
        }
        Command::RefreshSpread {
            sessions,
            token_ttl,
            use_every_ms,
        } => {
            let pool = insurup::ConnectionPool::new()?;
            let report = tenants::refresh_spread(
                &base_url,
                &http,
                || tenant_client(&base_url, &pool),
                sessions,
                Duration::from_secs_f64(token_ttl),
                Duration::from_millis(use_every_ms),
            )
            .await?;
            println!("{report}");
        }
        Command::Ceiling {
            cli,
            work_dir,
            rows,
            rate_limit,
            concurrency,
            no_pacing,
            label,
            seed,
        } => {
            let batch = ceiling::Batch {
                cli,
                work_dir,
                rows,
                rate_limit,
                concurrency,
                pacing: !no_pacing,
                label,
                seed,
            };
            if let Err(problem) = ceiling::run(&base_url, batch).await {
                eprintln!("ceiling: {problem}");
                std::process::exit(1);
            }
        }
        Command::TimeToQuote { rounds, real_time } => {
            let token = access_token(&http, &base_url).await;
            let mode: insurup::RealTime = real_time.parse()?;
            let build = || {
                Client::builder()
                    .base_url(&base_url)
                    .agent_user(EMAIL, PASSWORD)
                    .agent_id(AGENT_ID)
                    .real_time(mode)
                    .build()
            };
            for round in 1..=rounds {
                match quote_time::round(&http, &base_url, &token, build, round).await {
                    Ok(report) => println!("{report}"),
                    Err(problem) => {
                        eprintln!("time-to-quote: {problem}");
                        std::process::exit(1);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Runs `call` from `concurrency` tasks for `seconds`: completed calls per second.
async fn rate<F, Fut>(concurrency: usize, seconds: f64, call: F) -> insurup::Result<f64>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = insurup::Result<()>> + Send + 'static,
{
    let done = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let workers = (0..concurrency).map(|_| {
        let (call, done) = (call.clone(), done.clone());
        tokio::spawn(async move {
            while Instant::now() < deadline {
                call().await?;
                done.fetch_add(1, Ordering::Relaxed);
            }
            Ok::<_, insurup::Error>(())
        })
    });
    for worker in futures::future::join_all(workers).await {
        worker.expect("a worker")?;
    }
    Ok(done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64())
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
