//! The fleet: worker processes on any number of machines that share one agency session, one
//! purchase lock per product and, optionally, one rate budget through Redis (the core's
//! `RedisTokenStore` and `RedisFleet`, built from the core's option records).

use std::sync::Arc;

use napi::Result;
use napi_derive::napi;

use insurup::{RedisFleetOptions, RedisTokenStoreOptions};

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
    /// or `rediss://…`). Throws `ValidationError` for a malformed URL, account or setting;
    /// connects on first use.
    #[napi(constructor)]
    pub fn new(url: String, options: RedisTokenStoreOptions) -> Result<Self> {
        let store = insurup::RedisTokenStore::with_options(url, options)?;
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
pub struct RedisFleet(pub(crate) insurup::RedisFleet);

#[napi]
impl RedisFleet {
    /// The fleet of `options.account` in the Redis at `url`. Throws `ValidationError` for a
    /// malformed URL, account, rate or setting; connects on first use.
    #[napi(constructor)]
    pub fn new(url: String, options: RedisFleetOptions) -> Result<Self> {
        Ok(RedisFleet(insurup::RedisFleet::with_options(url, options)?))
    }

    /// The Redis address, without its password.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.0.url().to_owned()
    }

    /// The account whose state this fleet shares.
    #[napi(getter)]
    pub fn account(&self) -> String {
        self.0.account().to_owned()
    }
}
