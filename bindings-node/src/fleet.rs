//! The fleet: worker processes on any number of machines that share one agency session, one
//! purchase lock per product and, optionally, one rate budget through Redis (the core's
//! `RedisTokenStore`, `RedisFleet`, `RedisPurchaseGuard` and `RedisRateBudget`).

use std::sync::Arc;

use napi::Result;
use napi_derive::napi;

use insurup::ClientBuilder;

/// Options of a `RedisTokenStore`.
#[derive(Debug)]
#[napi(object, object_to_js = false)]
pub struct RedisTokenStoreOptions {
    /// The account whose session the store keeps, the same in every worker: the agent user's
    /// e-mail, say.
    pub account: String,
    /// Prefix of every key (`insurup` by default), to keep several environments apart in one
    /// Redis.
    pub key_prefix: Option<String>,
    /// When Redis is unreachable and the access token has expired, renew without the lease
    /// instead of failing. Only safe when one worker uses the account. Off by default.
    pub single_worker_fallback: Option<bool>,
}

/// One agency session in Redis for every worker process of `account`: one login for the whole
/// fleet and one refresh per token generation. Give it to each client as `tokenStore`.
///
/// ```ts
/// const tokenStore = new RedisTokenStore('redis://127.0.0.1:6379/0', { account: 'ops@acente.com.tr' })
/// const client = new Client({ email, password, tokenStore })
/// ```
#[derive(Debug)]
#[napi]
pub struct RedisTokenStore(pub(crate) Arc<insurup::RedisTokenStore>);

#[napi]
impl RedisTokenStore {
    /// The session of `options.account` in the Redis at `url` (`redis://[user:password@]host…`
    /// or `rediss://…`). Throws `ValidationError` for a malformed URL or account; connects on
    /// first use.
    #[napi(constructor)]
    pub fn new(url: String, options: RedisTokenStoreOptions) -> Result<Self> {
        let fleet = fleet_builder(url, options.account, options.key_prefix).build()?;
        let store = insurup::RedisTokenStore::in_fleet(&fleet)
            .single_worker_fallback(options.single_worker_fallback.unwrap_or(false));
        Ok(RedisTokenStore(Arc::new(store)))
    }

    /// The Redis address, without its password.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.0.fleet().url().to_owned()
    }

    /// The account whose session this store keeps.
    #[napi(getter)]
    pub fn account(&self) -> String {
        self.0.fleet().account().to_owned()
    }
}

/// Options of a `RedisFleet`.
#[derive(Debug)]
#[napi(object, object_to_js = false)]
pub struct RedisFleetOptions {
    /// The account the fleet's workers share, as for `RedisTokenStore`.
    pub account: String,
    /// Prefix of every key (`insurup` by default).
    pub key_prefix: Option<String>,
    /// The server's rate limit for the account, shared by every worker: together they send at
    /// most this many requests a second. No shared budget when absent.
    pub requests_per_second: Option<f64>,
    /// How many requests may go at once after a quiet spell (with `requestsPerSecond`).
    pub burst: Option<u32>,
}

/// One Redis and one account shared by worker processes on any number of machines: the session
/// (a `RedisTokenStore`), a lock per product so no two workers buy it twice, and with
/// `requestsPerSecond` the server's rate limit. Give it to each client as `fleet`.
///
/// ```ts
/// const fleet = new RedisFleet(process.env.REDIS_URL, { account: 'ops@acente.com.tr', requestsPerSecond: 20 })
/// const client = new Client({ email, password, fleet })
/// ```
#[derive(Debug)]
#[napi]
pub struct RedisFleet {
    fleet: insurup::RedisFleet,
    rate_budget: Option<Arc<insurup::RedisRateBudget>>,
}

#[napi]
impl RedisFleet {
    /// The fleet of `options.account` in the Redis at `url`. Throws `ValidationError` for a
    /// malformed URL, account or rate; connects on first use.
    #[napi(constructor)]
    pub fn new(url: String, options: RedisFleetOptions) -> Result<Self> {
        let fleet = fleet_builder(url, options.account, options.key_prefix).build()?;
        let rate_budget = match options.requests_per_second {
            None => None,
            Some(rate) => {
                let budget = insurup::RedisRateBudget::new(&fleet, rate)?;
                Some(Arc::new(match options.burst {
                    Some(burst) => budget.burst(burst),
                    None => budget,
                }))
            }
        };
        Ok(RedisFleet { fleet, rate_budget })
    }

    /// The Redis address, without its password.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.fleet.url().to_owned()
    }

    /// The account whose state this fleet shares.
    #[napi(getter)]
    pub fn account(&self) -> String {
        self.fleet.account().to_owned()
    }
}

impl RedisFleet {
    /// `builder` sharing this fleet's session, purchase locks and rate budget.
    pub(crate) fn share(&self, builder: ClientBuilder) -> ClientBuilder {
        let builder = builder.fleet(&self.fleet);
        match &self.rate_budget {
            Some(budget) => builder.rate_budget(budget.clone()),
            None => builder,
        }
    }
}

fn fleet_builder(
    url: String,
    account: String,
    key_prefix: Option<String>,
) -> insurup::RedisFleetBuilder {
    let builder = insurup::RedisFleet::builder(url, account);
    match key_prefix {
        Some(prefix) => builder.key_prefix(prefix),
        None => builder,
    }
}
