//! The settings of a fleet and of a Redis token store as records, which every language passes as
//! they are: the same fields, defaults and checks everywhere, read here once.

use std::sync::Arc;

use super::connection::{RedisFleet, RedisFleetBuilder};
use super::rate_budget::RedisRateBudget;
use super::token_store::RedisTokenStore;
use crate::error::{Error, Result};
use crate::options::seconds;

/// A [`RedisFleet`]'s settings beside its URL: the account, and optionally where its keys live,
/// how it reaches Redis and the rate its workers share. `None` keeps the default.
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_to_js = false))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RedisFleetOptions {
    /// The account the fleet's workers share, the same in every worker: the agent user's
    /// e-mail, say.
    pub account: String,
    /// Prefix of every key (`insurup`), to keep several environments apart in one Redis.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub key_prefix: Option<String>,
    /// Seconds connecting or one Redis command may take (2).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timeout: Option<f64>,
    /// A private CA's certificate (PEM) trusted for `rediss://` instead of the system's roots.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub root_certificate: Option<String>,
    /// The server's rate limit for the account, shared by every worker: together they send at
    /// most this many API calls a second. No shared budget when absent.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub requests_per_second: Option<f64>,
    /// How many API calls may go at once after a quiet spell (1); with `requests_per_second`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub burst: Option<u32>,
    /// Also limits logins, refreshes and token grants to this many a second; with
    /// `requests_per_second`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub authentication_per_second: Option<f64>,
}

/// A [`RedisTokenStore`]'s settings beside its URL: the account, where its keys live, how it
/// reaches Redis, and what a worker does when Redis or another worker's renewal is slow. `None`
/// keeps the default.
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_to_js = false))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RedisTokenStoreOptions {
    /// The account whose session the store keeps, the same in every worker: the agent user's
    /// e-mail, say.
    pub account: String,
    /// Prefix of every key (`insurup`), to keep several environments apart in one Redis.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub key_prefix: Option<String>,
    /// Seconds connecting or one Redis command may take (2).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timeout: Option<f64>,
    /// A private CA's certificate (PEM) trusted for `rediss://` instead of the system's roots.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub root_certificate: Option<String>,
    /// When Redis is unreachable and the access token has expired, renew without the lease
    /// instead of failing. Only safe when one worker uses the account. Off by default.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub single_worker_fallback: Option<bool>,
    /// Seconds a worker whose token has expired waits for another worker's renewal (a login
    /// waiting for its 2FA code, say) before its call fails (60).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub wait_for_renewal: Option<f64>,
}

/// The builder of a fleet reached with these settings.
fn fleet_builder(
    url: String,
    account: String,
    key_prefix: Option<String>,
    timeout: Option<f64>,
    root_certificate: Option<String>,
) -> Result<RedisFleetBuilder> {
    let mut builder = RedisFleet::builder(url, account);
    if let Some(prefix) = key_prefix {
        builder = builder.key_prefix(prefix);
    }
    if let Some(timeout) = timeout {
        builder = builder.timeout(seconds("timeout", timeout)?);
    }
    if let Some(pem) = root_certificate {
        builder = builder.root_certificate(pem);
    }
    Ok(builder)
}

impl RedisFleet {
    /// The fleet of `options.account` in the Redis at `url`, with its rate budget when
    /// `options.requests_per_second` is given ([`crate::ClientBuilder::fleet`] applies it).
    pub fn with_options(url: impl Into<String>, options: RedisFleetOptions) -> Result<Self> {
        let RedisFleetOptions {
            account,
            key_prefix,
            timeout,
            root_certificate,
            requests_per_second,
            burst,
            authentication_per_second,
        } = options;
        let fleet =
            fleet_builder(url.into(), account, key_prefix, timeout, root_certificate)?.build()?;
        let Some(rate) = requests_per_second else {
            for (field, given) in [
                ("burst", burst.is_some()),
                (
                    "authentication_per_second",
                    authentication_per_second.is_some(),
                ),
            ] {
                if given {
                    return Err(Error::validation(field, "needs requests_per_second"));
                }
            }
            return Ok(fleet);
        };
        let budget =
            RedisRateBudget::with_settings(&fleet, rate, burst, authentication_per_second)?;
        Ok(fleet.sharing_rate_budget(Arc::new(budget)))
    }
}

impl RedisRateBudget {
    /// A budget of `requests_per_second` with the settings of [`RedisFleetOptions`].
    pub(crate) fn with_settings(
        fleet: &RedisFleet,
        requests_per_second: f64,
        burst: Option<u32>,
        authentication_per_second: Option<f64>,
    ) -> Result<Self> {
        let budget = RedisRateBudget::new(fleet, requests_per_second)?;
        let budget = match burst {
            Some(requests) => budget.burst(requests),
            None => budget,
        };
        match authentication_per_second {
            Some(rate) => budget.authentication(rate),
            None => Ok(budget),
        }
    }
}

impl RedisTokenStore {
    /// The session of `options.account` kept in the Redis at `url`.
    pub fn with_options(url: impl Into<String>, options: RedisTokenStoreOptions) -> Result<Self> {
        let RedisTokenStoreOptions {
            account,
            key_prefix,
            timeout,
            root_certificate,
            single_worker_fallback,
            wait_for_renewal,
        } = options;
        let fleet =
            fleet_builder(url.into(), account, key_prefix, timeout, root_certificate)?.build()?;
        RedisTokenStore::in_fleet(&fleet)
            .with_renewal_settings(single_worker_fallback, wait_for_renewal)
    }

    /// The store with the renewal settings of [`RedisTokenStoreOptions`], as they are given.
    pub(crate) fn with_renewal_settings(
        self,
        single_worker_fallback: Option<bool>,
        wait_for_renewal: Option<f64>,
    ) -> Result<Self> {
        let store = self.single_worker_fallback(single_worker_fallback.unwrap_or(false));
        match wait_for_renewal {
            Some(wait) => Ok(store.wait_for_renewal(seconds("wait_for_renewal", wait)?)),
            None => Ok(store),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "redis://127.0.0.1:6379/0";

    fn fleet_options() -> RedisFleetOptions {
        RedisFleetOptions {
            account: "ops@acente.com.tr".to_owned(),
            ..RedisFleetOptions::default()
        }
    }

    #[test]
    fn a_rate_makes_the_fleet_share_a_budget_and_its_settings_need_one() {
        let plain = RedisFleet::with_options(URL, fleet_options()).expect("valid");
        assert!(plain.rate_budget().is_none());
        let limited = RedisFleetOptions {
            requests_per_second: Some(20.0),
            burst: Some(5),
            key_prefix: Some("staging".to_owned()),
            ..fleet_options()
        };
        let fleet = RedisFleet::with_options(URL, limited).expect("valid");
        assert!(fleet.rate_budget().is_some());
        assert_eq!(fleet.key("session"), "staging:{ops@acente.com.tr}:session");
        let burst_alone = RedisFleetOptions {
            burst: Some(5),
            ..fleet_options()
        };
        let error = RedisFleet::with_options(URL, burst_alone).expect_err("no rate");
        assert_eq!(error.field(), Some("burst"));
    }

    #[test]
    fn bad_settings_are_refused_naming_the_field() {
        let cases = [
            (
                RedisFleetOptions {
                    timeout: Some(-1.0),
                    ..fleet_options()
                },
                "timeout",
            ),
            (
                RedisFleetOptions {
                    requests_per_second: Some(0.0),
                    ..fleet_options()
                },
                "requests_per_second",
            ),
            (
                RedisFleetOptions {
                    account: " ".to_owned(),
                    ..fleet_options()
                },
                "account",
            ),
        ];
        for (options, field) in cases {
            let error = RedisFleet::with_options(URL, options).expect_err(field);
            assert_eq!(error.field(), Some(field));
        }
        let store = RedisTokenStoreOptions {
            account: "ops@acente.com.tr".to_owned(),
            wait_for_renewal: Some(f64::NAN),
            ..RedisTokenStoreOptions::default()
        };
        let error = RedisTokenStore::with_options(URL, store).expect_err("NaN");
        assert_eq!(error.field(), Some("wait_for_renewal"));
    }
}
