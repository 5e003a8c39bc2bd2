//! When a failed attempt is tried again, and after how long.
//!
//! Follows the documented behaviour: idempotent requests (GET, PUT, DELETE, login) retry on
//! connection failures and on 408, 429, 500, 502, 503 and 504 with full-jitter exponential
//! backoff; `Retry-After` is a floor; a wait above the cap is handed to the caller instead.
//! Requests that create something retry only when the server provably did not act: the
//! connection was never made, or the server answered 429. A token refresh sits between the two:
//! the server refuses a refresh token it already rotated, so replaying one after an error
//! answer either succeeds (the first attempt changed nothing) or is refused (it did, and the
//! session logs in again); a refresh whose answer was lost is not replayed.

use std::time::{Duration, SystemTime};

use retry_policies::policies::ExponentialBackoff;
use retry_policies::{Jitter, RetryDecision, RetryPolicy as _};

/// How failed attempts are retried.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (3 by default; 0 disables retrying).
    pub max_retries: u32,
    /// First backoff step (0.5 s); each retry doubles it, with full jitter.
    pub base_delay: Duration,
    /// Longest backoff step (8 s).
    pub max_delay: Duration,
    /// Longest `Retry-After` the SDK sleeps through (60 s); longer waits are returned as a
    /// `RateLimitError` carrying `retry_after`.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// The default policy with `max_retries` retries.
    pub fn with_max_retries(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            ..RetryPolicy::default()
        }
    }

    /// The backoff before retry number `retries_done + 1`, or `None` when retries are spent.
    pub(crate) fn backoff(&self, retries_done: u32) -> Option<Duration> {
        if retries_done >= self.max_retries {
            return None;
        }
        if self.base_delay.is_zero() {
            return Some(Duration::ZERO);
        }
        let policy = ExponentialBackoff::builder()
            .retry_bounds(self.base_delay, self.max_delay.max(self.base_delay))
            .jitter(Jitter::Full)
            .base(2)
            .build_with_max_retries(self.max_retries);
        match policy.should_retry(SystemTime::now(), retries_done) {
            RetryDecision::Retry { execute_after } => Some(
                execute_after
                    .duration_since(SystemTime::now())
                    .unwrap_or(Duration::ZERO),
            ),
            RetryDecision::DoNotRetry => None,
        }
    }
}

/// Whether the server may have acted on a request that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Safety {
    /// Repeating it has no further effect (GET, PUT, DELETE, login, token grant).
    Idempotent,
    /// Repeating it could create something twice.
    CreatesSomething,
    /// Repeating it after it took effect is refused by the server (a refresh token that was
    /// already rotated): safe to retry after an error answer, not after a lost one.
    RefusedIfRepeated,
}

/// Statuses worth another attempt.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// The longest wait a `Retry-After` can ask for; anything longer (or absurd) is clamped to it.
/// It is far above the longest wait the SDK sleeps through, so a clamped value is always handed
/// to the caller as a `RateLimitError`.
pub(crate) const RETRY_AFTER_CEILING: Duration = Duration::from_secs(24 * 3600);

/// Parses `Retry-After` as seconds or as an HTTP date. Any text is accepted without panicking:
/// garbage is `None`, negative waits and dates in the past are zero, huge ones are clamped.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        if seconds.is_nan() {
            return None;
        }
        return Some(
            Duration::try_from_secs_f64(seconds.max(0.0))
                .unwrap_or(RETRY_AFTER_CEILING)
                .min(RETRY_AFTER_CEILING),
        );
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
            .min(RETRY_AFTER_CEILING),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_full_jitter_under_an_exponential_ceiling() {
        let policy = RetryPolicy::default();
        for retries_done in 0..3 {
            let ceiling = policy.base_delay * 2u32.pow(retries_done);
            let delays: Vec<Duration> = (0..400)
                .map(|_| policy.backoff(retries_done).expect("retry allowed"))
                .collect();
            for delay in &delays {
                assert!(
                    *delay <= ceiling + Duration::from_millis(5),
                    "{delay:?} > {ceiling:?}"
                );
            }
            // Full jitter spreads the waits over the whole range below the ceiling: some in its
            // lowest quarter, some in its highest, none all alike.
            let quarter = ceiling / 4;
            assert!(delays.iter().any(|d| *d < quarter), "{delays:?}");
            assert!(delays.iter().any(|d| *d > ceiling - quarter), "{delays:?}");
            let mean = delays.iter().sum::<Duration>() / 400;
            assert!(
                mean > ceiling / 4 && mean < ceiling * 3 / 4,
                "mean {mean:?} of a uniform wait below {ceiling:?}"
            );
        }
        assert_eq!(policy.backoff(3), None);
        assert_eq!(RetryPolicy::none().backoff(0), None);
    }

    #[test]
    fn absurd_retry_after_values_are_clamped_not_panicked_on() {
        assert_eq!(parse_retry_after("1e300"), Some(RETRY_AFTER_CEILING));
        assert_eq!(parse_retry_after("inf"), Some(RETRY_AFTER_CEILING));
        assert_eq!(parse_retry_after("-5"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("NaN"), None);
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT"),
            Some(RETRY_AFTER_CEILING)
        );
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_an_http_date() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        let in_ten = SystemTime::now() + Duration::from_secs(10);
        let parsed = parse_retry_after(&httpdate::fmt_http_date(in_ten)).expect("date");
        assert!(parsed <= Duration::from_secs(10) && parsed >= Duration::from_secs(8));
        assert_eq!(parse_retry_after("soon"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_retry_after_header_parses_without_panicking(value in ".{0,64}") {
            if let Some(wait) = parse_retry_after(&value) {
                proptest::prop_assert!(wait <= RETRY_AFTER_CEILING);
            }
        }

        #[test]
        fn any_number_of_seconds_is_clamped(seconds in proptest::num::f64::ANY) {
            if let Some(wait) = parse_retry_after(&seconds.to_string()) {
                proptest::prop_assert!(wait <= RETRY_AFTER_CEILING);
            }
        }
    }
}
