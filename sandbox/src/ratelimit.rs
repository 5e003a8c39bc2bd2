//! Per-token request budget (token bucket, `rate_limit` per second, bursts up to one second's worth).
//! Auth endpoints, which have no token yet, are budgeted per client IP.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::auth::bearer;
use crate::problem::Problem;

#[derive(Clone, Copy, Debug)]
pub struct Bucket {
    tokens: f64,
    last: Instant,
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

pub async fn limit(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let rate = app.config.rate_limit;
    let path = request.uri().path();
    if rate == 0 || path.starts_with("/__sandbox/") || path == "/graphql/schema" {
        return next.run(request).await;
    }
    let is_auth = path.starts_with("/api/authentication:") || path.starts_with("/connect/");
    let key = match bearer(request.headers()) {
        Some(token) if !is_auth => format!("token:{token}"),
        _ => {
            let ip = request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
            format!("ip:{ip}")
        }
    };
    let now = Instant::now();
    let verdict = app.store.with(|s| {
        let result = take(s.buckets.get_mut(&key), f64::from(rate), now);
        if let Ok(bucket) = result {
            s.buckets.insert(key, bucket);
        }
        result.map(|_| ())
    });
    match verdict {
        Ok(()) => next.run(request).await,
        Err(wait) => Problem::too_many_requests(wait).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_bucket_allows_a_burst_of_rate_then_refuses_until_refilled() {
        let start = Instant::now();
        let mut bucket = None;
        for _ in 0..3 {
            bucket = Some(take(bucket.as_mut(), 3.0, start).expect("within budget"));
        }
        assert_eq!(take(bucket.as_mut(), 3.0, start).err(), Some(1));
        assert!(take(bucket.as_mut(), 3.0, start + Duration::from_millis(400)).is_ok());
    }
}
