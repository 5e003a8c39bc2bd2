//! Batches at the rate-limit ceiling: `insurup quote-batch` run against a rate-limited sandbox
//! through a recording proxy, which notes when each request passed and how it was answered.
//!
//! The sandbox counts requests per route but neither their answers nor their times, so the
//! proxy is what sees every 429 and the accepted rate second by second. It forwards requests as
//! they are (headers and bodies streamed both ways) and records the status as the answer's head
//! passes through.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};

use crate::{AGENT_ID, EMAIL, PASSWORD};

/// One request that went through the proxy.
#[derive(Clone, Copy, Debug)]
struct Passed {
    /// Milliseconds since the proxy started, when the answer's head came back.
    at_ms: f64,
    status: u16,
    /// Budgeted per token by the sandbox: not an auth endpoint, a test control or the schema.
    budgeted: bool,
}

#[derive(Clone)]
struct Proxy {
    upstream: String,
    http: reqwest::Client,
    started: Instant,
    log: Arc<Mutex<Vec<Passed>>>,
}

impl Proxy {
    async fn forward(
        self,
        request: hyper::Request<Incoming>,
    ) -> Result<hyper::Response<reqwest::Body>, Infallible> {
        let path = request.uri().path().to_owned();
        let target = format!(
            "{}{}",
            self.upstream,
            request
                .uri()
                .path_and_query()
                .map_or("/", |path| path.as_str())
        );
        let budgeted = !(path.starts_with("/api/authentication:")
            || path.starts_with("/connect/")
            || path.starts_with("/__sandbox/")
            || path == "/graphql/schema"
            || path == "/api/graphql/schema");
        let (parts, body) = request.into_parts();
        let mut headers = parts.headers;
        for hop in [
            "host",
            "connection",
            "keep-alive",
            "transfer-encoding",
            "upgrade",
        ] {
            headers.remove(hop);
        }
        let answer = self
            .http
            .request(parts.method, target)
            .headers(headers)
            .body(reqwest::Body::wrap(body))
            .send()
            .await;
        let response = match answer {
            Ok(answer) => {
                let mut response = hyper::Response::from(answer);
                response.headers_mut().remove("transfer-encoding");
                response.headers_mut().remove("connection");
                response
            }
            Err(_) => {
                let mut response = hyper::Response::new(reqwest::Body::from(""));
                *response.status_mut() = hyper::StatusCode::BAD_GATEWAY;
                response
            }
        };
        let passed = Passed {
            at_ms: self.started.elapsed().as_secs_f64() * 1e3,
            status: response.status().as_u16(),
            budgeted,
        };
        self.log
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(passed);
        Ok(response)
    }
}

/// Starts the proxy on a free loopback port; returns its base URL and its log.
async fn start_proxy(upstream: &str) -> std::io::Result<(String, Arc<Mutex<Vec<Passed>>>)> {
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
    let address = listener.local_addr()?;
    let proxy = Proxy {
        upstream: upstream.trim_end_matches('/').to_owned(),
        http: reqwest::Client::builder()
            .tcp_nodelay(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(std::io::Error::other)?,
        started: Instant::now(),
        log: Arc::default(),
    };
    let log = Arc::clone(&proxy.log);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            let proxy = proxy.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request| proxy.clone().forward(request));
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok((format!("http://{address}"), log))
}

pub struct Batch {
    pub cli: PathBuf,
    pub work_dir: PathBuf,
    pub rows: usize,
    pub rate_limit: u32,
    pub concurrency: Option<u16>,
    /// Whether quote-batch paces itself (its default) or runs with `--no-pacing`.
    pub pacing: bool,
    pub label: String,
    pub seed: u64,
}

/// Runs the CLI on `rows` generated rows through the proxy and prints one JSON line.
pub async fn run(base_url: &str, batch: Batch) -> Result<(), String> {
    std::fs::create_dir_all(&batch.work_dir).map_err(|error| error.to_string())?;
    let input = batch.work_dir.join("rows.csv");
    let output = batch.work_dir.join("rows.quotes.jsonl");
    let _ = std::fs::remove_file(&output);
    let sample = std::process::Command::new(&batch.cli)
        .args(["quote-batch", "--generate-sample"])
        .arg(batch.rows.to_string())
        .arg("--seed")
        .arg(batch.seed.to_string())
        .output()
        .map_err(|error| format!("could not run {}: {error}", batch.cli.display()))?;
    if !sample.status.success() {
        return Err(format!(
            "quote-batch --generate-sample failed: {}",
            String::from_utf8_lossy(&sample.stderr)
        ));
    }
    std::fs::write(&input, &sample.stdout).map_err(|error| error.to_string())?;

    let (proxy_url, log) = start_proxy(base_url)
        .await
        .map_err(|error| format!("could not start the proxy: {error}"))?;
    let mut command = std::process::Command::new(&batch.cli);
    command
        .args(["--json", "--quiet", "quote-batch"])
        .arg(&input)
        .args(["--format", "json", "--output"])
        .arg(&output);
    if let Some(concurrency) = batch.concurrency {
        command.arg("--concurrency").arg(concurrency.to_string());
    }
    if !batch.pacing {
        command.arg("--no-pacing");
    }
    // A private home: no config file or stored session of the user's is read or written.
    command
        .env("HOME", &batch.work_dir)
        .env("XDG_CONFIG_HOME", batch.work_dir.join("config"))
        .env("INSURUP_BASE_URL", &proxy_url)
        .env("INSURUP_EMAIL", EMAIL)
        .env("INSURUP_PASSWORD", PASSWORD)
        .env("INSURUP_AGENT_ID", AGENT_ID)
        .env("INSURUP_TOKEN_FILE", batch.work_dir.join("session.json"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let finished = tokio::task::spawn_blocking(move || command.output())
        .await
        .map_err(|error| error.to_string())?
        .map_err(|error| format!("could not run quote-batch: {error}"))?;
    let wall_seconds = started.elapsed().as_secs_f64();
    let summary: Value = serde_json::from_slice(&finished.stdout).map_err(|error| {
        format!(
            "quote-batch printed no JSON summary ({error}); exit {:?}, stderr: {}",
            finished.status.code(),
            String::from_utf8_lossy(&finished.stderr)
        )
    })?;

    let passed = log
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    let budgeted: Vec<Passed> = passed.iter().copied().filter(|p| p.budgeted).collect();
    let first = budgeted.first().map_or(0.0, |p| p.at_ms);
    let last = budgeted.last().map_or(0.0, |p| p.at_ms);
    let accepted = budgeted.iter().filter(|p| p.status != 429).count();
    let refused = budgeted.iter().filter(|p| p.status == 429).count();
    let refused_after_first_second = budgeted
        .iter()
        .filter(|p| p.status == 429 && p.at_ms > first + 1000.0)
        .count();
    let seconds = ((last - first) / 1e3).max(1e-3);
    let achieved = accepted as f64 / seconds;
    // Accepted requests per whole second since the first budgeted one.
    let mut per_second = vec![0_u32; (seconds.ceil() as usize).max(1)];
    for pass in budgeted.iter().filter(|p| p.status != 429) {
        let slot = (((pass.at_ms - first) / 1e3) as usize).min(per_second.len() - 1);
        per_second[slot] += 1;
    }
    let count = |key: &str| summary[key].as_u64().unwrap_or(0);
    println!(
        "{}",
        json!({
            "measure": "ceiling",
            "label": batch.label,
            "concurrency": batch.concurrency,
            "pacing": batch.pacing,
            "rows": batch.rows,
            "rateLimit": batch.rate_limit,
            "exitCode": finished.status.code(),
            "succeededRows": count("succeeded"),
            "failedRows": count("failed"),
            "failuresByKind": summary["failuresByKind"],
            "requests": passed.len(),
            "budgetedRequests": budgeted.len(),
            "acceptedRequests": accepted,
            "refused429": refused,
            "refused429AfterFirstSecond": refused_after_first_second,
            "seconds": seconds,
            "wallSeconds": wall_seconds,
            "achievedPerSecond": achieved,
            "fractionOfAllowed": achieved / f64::from(batch.rate_limit.max(1)),
            "acceptedPerSecond": per_second,
        })
    );
    Ok(())
}
