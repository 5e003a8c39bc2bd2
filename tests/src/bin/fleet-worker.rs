//! One worker process of the fleet tests: a client of the sandbox's agent user whose session is
//! shared through Redis, calling the API at a steady pace for a while, then printing one JSON
//! line: its calls, its failures by kind, and the last session version it saw.
//!
//! `fleet-worker --base-url URL --redis URL --seconds N [--pause-ms N] [--die never|before-refresh|after-refresh]`

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use insurup::{Client, RedisTokenStore};
use insurup_e2e::faulty_store::{Death, FaultyStore};

const AGENT: &str = "agent@sandbox.insurup.test";
const PASSWORD: &str = "sandbox-password";

struct Args {
    base_url: String,
    redis: String,
    seconds: u64,
    pause: Duration,
    death: Death,
}

fn args() -> Result<Args, String> {
    let mut found = BTreeMap::new();
    let mut words = std::env::args().skip(1);
    while let Some(flag) = words.next() {
        let value = words
            .next()
            .ok_or_else(|| format!("{flag} needs a value"))?;
        found.insert(flag.trim_start_matches("--").to_owned(), value);
    }
    let take = |name: &str| {
        found
            .get(name)
            .cloned()
            .ok_or_else(|| format!("--{name} is required"))
    };
    let number = |name: &str, default: u64| {
        found.get(name).map_or(Ok(default), |text| {
            text.parse().map_err(|_| format!("--{name}: a number"))
        })
    };
    Ok(Args {
        base_url: take("base-url")?,
        redis: take("redis")?,
        seconds: number("seconds", 60)?,
        pause: Duration::from_millis(number("pause-ms", 100)?),
        death: found
            .get("die")
            .map_or(Ok(Death::Never), |text| text.parse())?,
    })
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("fleet-worker: {message}");
            return std::process::ExitCode::from(2);
        }
    };
    let redis_store = match RedisTokenStore::new(&args.redis, AGENT) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("fleet-worker: {error}");
            return std::process::ExitCode::from(2);
        }
    };
    let store = Arc::new(FaultyStore::new(redis_store, &args.redis, args.death));
    let client = match Client::builder()
        .base_url(&args.base_url)
        .agent_user(AGENT, PASSWORD)
        .token_store(Arc::clone(&store) as Arc<dyn insurup::TokenStore>)
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("fleet-worker: {error}");
            return std::process::ExitCode::from(2);
        }
    };
    let until = tokio::time::Instant::now() + Duration::from_secs(args.seconds);
    let mut calls = 0_u64;
    let mut failures: BTreeMap<String, u64> = BTreeMap::new();
    while tokio::time::Instant::now() < until {
        calls += 1;
        if let Err(error) = client.reference().me().await {
            eprintln!("fleet-worker {}: {error}", std::process::id());
            *failures
                .entry(error.kind().class_name().to_owned())
                .or_default() += 1;
        }
        tokio::time::sleep(args.pause).await;
    }
    let report = serde_json::json!({
        "pid": std::process::id(),
        "calls": calls,
        "failures": failures,
        "version": store.last_version(),
    });
    println!("{report}");
    std::process::ExitCode::SUCCESS
}
