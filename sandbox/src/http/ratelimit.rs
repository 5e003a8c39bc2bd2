//! Per-token request budget (token bucket, `rate_limit` per second, bursts up to one second's worth).
//! Auth endpoints, which have no token yet, are budgeted per client IP. With
//! `rate_limit_headers`, every budgeted answer tells the client its budget in the IETF httpapi
//! draft's fields: `RateLimit-Policy: "default";q=<rate>;w=1` and
//! `RateLimit: "default";r=<remaining>;t=<seconds until the bucket is full>`.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::auth::bearer;
use crate::http::problem::Problem;
use crate::state::AppState;
use crate::store::controls::take;

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
        match result {
            Ok(bucket) => {
                s.buckets.insert(key, bucket);
            }
            Err(_) => s.stats.rate_limited += 1,
        }
        result.map(|bucket| (bucket.remaining(), bucket.seconds_to_full(f64::from(rate))))
    });
    let (mut response, remaining, reset) = match verdict {
        Ok((remaining, reset)) => (next.run(request).await, remaining, reset),
        Err(wait) => (Problem::too_many_requests(wait).into_response(), 0, wait),
    };
    if app.config.rate_limit_headers {
        let headers = response.headers_mut();
        if let Ok(policy) = HeaderValue::from_str(&format!("\"default\";q={rate};w=1")) {
            headers.insert("ratelimit-policy", policy);
        }
        if let Ok(state) = HeaderValue::from_str(&format!("\"default\";r={remaining};t={reset}")) {
            headers.insert("ratelimit", state);
        }
    }
    response
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
