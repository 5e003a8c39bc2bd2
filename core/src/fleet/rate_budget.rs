//! A rate budget every worker of a fleet draws from, so together they stay under the server's
//! limit, and a 429 seen by one of them slows them all down.

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;

use crate::error::Result;

/// Which of an account's limits a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RouteClass {
    /// Login, refresh, 2FA and token grants.
    Authentication,
    /// Every other API call.
    Api,
}

impl RouteClass {
    /// `authentication` or `api`.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteClass::Authentication => "authentication",
            RouteClass::Api => "api",
        }
    }
}

/// A budget of requests shared by every worker of an account (see [`RedisRateBudget`]).
#[async_trait]
pub trait RateBudget: Send + Sync + fmt::Debug {
    /// Waits until one more request of `class` fits the budget. An error stops the request
    /// before anything is sent.
    async fn acquire(&self, class: RouteClass) -> Result<()>;

    /// The server answered 429 and asked to wait `retry_after`: no worker sends a request of
    /// `class` before then.
    async fn slow_down(&self, class: RouteClass, retry_after: Duration);
}

#[cfg(feature = "redis")]
pub use self::redis_budget::RedisRateBudget;

#[cfg(feature = "redis")]
mod redis_budget {
    use std::collections::HashMap;
    use std::fmt;
    use std::sync::LazyLock;
    use std::time::Duration;

    use async_trait::async_trait;

    use super::{RateBudget, RouteClass};
    use crate::error::{Error, ErrorKind, Result};
    use crate::fleet::RedisFleet;

    static ACQUIRE: LazyLock<redis::Script> =
        LazyLock::new(|| redis::Script::new(include_str!("lua/rate_acquire.lua")));
    static SLOW_DOWN: LazyLock<redis::Script> =
        LazyLock::new(|| redis::Script::new(include_str!("lua/rate_slow_down.lua")));

    /// The longest a request waits for its slot; past it the call fails with `RateLimitError`.
    const LONGEST_WAIT: Duration = Duration::from_secs(60);

    /// One class's limit: a request every `interval`, up to `burst` at once.
    #[derive(Debug, Clone, Copy)]
    struct Limit {
        interval: Duration,
        burst: u32,
    }

    impl Limit {
        fn new(field: &str, per_second: f64, burst: u32) -> Result<Self> {
            if !(per_second.is_finite() && per_second > 0.0 && per_second <= 1_000_000.0) {
                return Err(Error::validation(
                    field,
                    "must be a number of requests per second above 0",
                ));
            }
            Ok(Limit {
                interval: Duration::from_secs_f64(1.0 / per_second),
                burst: burst.max(1),
            })
        }

        fn tolerance(&self) -> Duration {
            self.interval * (self.burst - 1)
        }
    }

    /// A GCRA limiter in Redis, one key per account and [`RouteClass`]: every worker reserves
    /// its slot there, so N workers together send at most the configured rate. A 429 answer
    /// moves every worker's next slot past its `Retry-After`.
    ///
    /// If Redis cannot be reached the request is sent anyway (the server's own 429 and
    /// `Retry-After` still apply): a limiter must not stop the fleet.
    #[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "insurup"))]
    pub struct RedisRateBudget {
        fleet: RedisFleet,
        limits: HashMap<RouteClass, Limit>,
    }

    impl fmt::Debug for RedisRateBudget {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("RedisRateBudget")
                .field("url", &self.fleet.url())
                .field("account", &self.fleet.account())
                .field("limits", &self.limits)
                .finish()
        }
    }

    impl RedisRateBudget {
        /// At most `requests_per_second` API calls for the whole fleet, without bursts.
        /// Authentication calls are not limited unless [`RedisRateBudget::authentication`] says
        /// so.
        pub fn new(fleet: &RedisFleet, requests_per_second: f64) -> Result<Self> {
            let limit = Limit::new("requests_per_second", requests_per_second, 1)?;
            Ok(RedisRateBudget {
                fleet: fleet.clone(),
                limits: HashMap::from([(RouteClass::Api, limit)]),
            })
        }

        /// Lets up to `requests` API calls go at once after a quiet spell (1 by default).
        pub fn burst(mut self, requests: u32) -> Self {
            if let Some(limit) = self.limits.get_mut(&RouteClass::Api) {
                limit.burst = requests.max(1);
            }
            self
        }

        /// Also limits logins, refreshes and token grants to `requests_per_second`.
        pub fn authentication(mut self, requests_per_second: f64) -> Result<Self> {
            let limit = Limit::new("authentication", requests_per_second, 1)?;
            self.limits.insert(RouteClass::Authentication, limit);
            Ok(self)
        }

        /// The fleet (Redis and account) this budget belongs to.
        pub fn fleet(&self) -> &RedisFleet {
            &self.fleet
        }

        fn key(&self, class: RouteClass) -> String {
            self.fleet.key(&format!("rate:{}", class.as_str()))
        }

        /// Reserves the next slot: the wait before it, or `None` when the budget is taken for
        /// longer than a request may wait.
        async fn reserve(&self, class: RouteClass, limit: Limit) -> Result<Option<Duration>> {
            let mut connection = self.fleet.connection().await?;
            let reply: Vec<i64> = ACQUIRE
                .key(self.key(class))
                .arg(limit.interval.as_micros() as u64)
                .arg(limit.tolerance().as_micros() as u64)
                .arg(LONGEST_WAIT.as_micros() as u64)
                .invoke_async(&mut connection)
                .await
                .map_err(|error| {
                    self.fleet
                        .error(ErrorKind::RateLimit, "reserve a slot in", &error)
                })?;
            let wait = Duration::from_micros(reply.get(1).copied().unwrap_or(0).max(0) as u64);
            Ok((reply.first() == Some(&1)).then_some(wait))
        }
    }

    #[async_trait]
    impl RateBudget for RedisRateBudget {
        async fn acquire(&self, class: RouteClass) -> Result<()> {
            let Some(limit) = self.limits.get(&class).copied() else {
                return Ok(());
            };
            match self.reserve(class, limit).await {
                Ok(Some(wait)) => {
                    if !wait.is_zero() {
                        tokio::time::sleep(wait).await;
                    }
                    Ok(())
                }
                Ok(None) => Err(Error::new(
                    ErrorKind::RateLimit,
                    format!(
                        "the fleet's rate budget for {} calls is taken for more than {} s; try \
                         again later",
                        class.as_str(),
                        LONGEST_WAIT.as_secs()
                    ),
                )),
                Err(error) => {
                    tracing::warn!("sending without the shared rate budget: {error}");
                    Ok(())
                }
            }
        }

        async fn slow_down(&self, class: RouteClass, retry_after: Duration) {
            let Some(limit) = self.limits.get(&class).copied() else {
                return;
            };
            let outcome = async {
                let mut connection = self.fleet.connection().await?;
                SLOW_DOWN
                    .key(self.key(class))
                    .arg(retry_after.as_micros() as u64)
                    .arg(limit.tolerance().as_micros() as u64)
                    .invoke_async::<i64>(&mut connection)
                    .await
                    .map_err(|error| {
                        self.fleet.error(
                            ErrorKind::RateLimit,
                            "record a server's Retry-After in",
                            &error,
                        )
                    })
            }
            .await;
            if let Err(error) = outcome {
                tracing::warn!("could not tell the fleet to slow down: {error}");
            }
        }
    }
}
