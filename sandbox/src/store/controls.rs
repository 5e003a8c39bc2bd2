//! What the test controls and the rate limiter keep between requests: pending faults and token
//! buckets. Plain data, so the store does not depend on the middleware that uses it.

use std::time::Instant;

use serde::Serialize;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultAction {
    Respond,
    Drop,
    ApplyThenDrop,
    ApplyThenRespond,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    pub id: String,
    pub method: String,
    pub path: String,
    /// Matching requests still to be faulted.
    pub times: u32,
    pub status: Option<u16>,
    pub delay_ms: u64,
    pub action: FaultAction,
    pub retry_after: Option<Value>,
    /// Top-level members taken out of the handler's JSON answer (`respond` without a status).
    pub omit_fields: Vec<String>,
}

impl Fault {
    pub fn matches(&self, method: &str, template: Option<&str>, path: &str) -> bool {
        (self.method == "*" || self.method.eq_ignore_ascii_case(method))
            && (self.path == path || Some(self.path.as_str()) == template)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    /// Whole requests the bucket would accept now.
    pub fn remaining(&self) -> u64 {
        self.tokens.max(0.0).floor() as u64
    }

    /// Whole seconds until the bucket is full again.
    pub fn seconds_to_full(&self, rate: f64) -> u64 {
        ((rate - self.tokens).max(0.0) / rate).ceil() as u64
    }
}

/// Takes one token; on refusal returns the whole seconds until one is available.
pub fn take(bucket: Option<&mut Bucket>, rate: f64, now: Instant) -> Result<Bucket, u64> {
    let mut b = bucket.map_or(
        Bucket {
            tokens: rate,
            last: now,
        },
        |b| *b,
    );
    b.tokens = (b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * rate).min(rate);
    b.last = now;
    if b.tokens >= 1.0 {
        b.tokens -= 1.0;
        Ok(b)
    } else {
        Err((((1.0 - b.tokens) / rate).ceil() as u64).max(1))
    }
}
