//! Worker processes on many machines sharing one account through Redis: its session, its rate
//! budget and a purchase lock per product. The protocol is the core's; these are its handles.

use std::any::Any;
use std::sync::Arc;

use async_compat::Compat;
use insurup::{RedisFleetOptions, RedisTokenStoreOptions, TokenSet};

use crate::callbacks::{ForeignTokenStore, TokenStore};
use crate::error::Result;

/// One Redis and one account, for `InsurUpClient(options, fleet = …)`: the client shares the
/// account's session and purchase locks with every other worker of the fleet, and with
/// `requests_per_second` the server's rate limit too. `redis://[user:password@]host[:port][/db]`
/// or `rediss://…`; the password never shows in logs or errors. Connects on first use.
#[derive(Debug, uniffi::Object)]
pub struct RedisFleet(pub(crate) insurup::RedisFleet);

#[uniffi::export]
impl RedisFleet {
    /// The fleet of `account` on the Redis at `url`; `requests_per_second` caps the API calls
    /// of all its workers together (no cap when absent).
    #[uniffi::constructor(default(requests_per_second = None))]
    pub fn new(
        url: String, account: String, requests_per_second: Option<f64>,
    ) -> Result<Arc<Self>> {
        let options = RedisFleetOptions { account, requests_per_second, ..Default::default() };
        Self::with_options(url, options)
    }

    /// The fleet of `options.account` on the Redis at `url`, with every setting: key prefix,
    /// Redis timeout, a private CA, and the rate its workers share.
    #[uniffi::constructor]
    pub fn with_options(url: String, options: RedisFleetOptions) -> Result<Arc<Self>> {
        Ok(Arc::new(RedisFleet(insurup::RedisFleet::with_options(url, options)?)))
    }

    /// The Redis address, without its password.
    pub fn url(&self) -> String {
        self.0.url().to_owned()
    }

    /// The account whose state this fleet shares.
    pub fn account(&self) -> String {
        self.0.account().to_owned()
    }
}

/// The core's token stores as the binding's `TokenStore`. Kotlin and Swift may also call them
/// directly, outside the Tokio runtime their Redis connection or file needs: `Compat` enters it.
macro_rules! core_store {
    ($($store:ty),+) => {$(
        #[async_trait::async_trait]
        impl TokenStore for $store {
            async fn load(&self) -> Result<Option<TokenSet>> {
                Ok(Compat::new(insurup::TokenStore::load(self)).await?)
            }

            async fn save(&self, tokens: TokenSet) -> Result<()> {
                Ok(Compat::new(insurup::TokenStore::save(self, &tokens)).await?)
            }

            async fn clear(&self) -> Result<()> {
                Ok(Compat::new(insurup::TokenStore::clear(self)).await?)
            }
        }
    )+};
}

core_store!(insurup::RedisTokenStore, insurup::FileTokenStore);

/// The session kept in a JSON file readable by its owner only (mode 0600), so a restarted
/// process continues without logging in, or asking for a 2FA code, again; processes sharing the
/// file share the session. At `path`, else `$INSURUP_TOKEN_FILE`, else
/// `~/.config/insurup/tokens.json` (on Android, pass a path in the app's files directory).
/// Kotlin: `FileTokenStore(path)`.
#[uniffi::export(default(path = None))]
pub fn file_token_store(path: Option<String>) -> Arc<dyn TokenStore> {
    Arc::new(insurup::FileTokenStore::at(path))
}

/// The session of `account` kept in the Redis at `url` and shared by every worker that uses
/// the same two: one login for all of them, one refresh per token generation. A token store for
/// `InsurUpClient(options, token_store = …)` (Kotlin: `RedisTokenStore(url, account)`).
#[uniffi::export]
pub fn redis_token_store(url: String, account: String) -> Result<Arc<dyn TokenStore>> {
    redis_token_store_with_options(url, RedisTokenStoreOptions { account, ..Default::default() })
}

/// The session of `options.account` kept in the Redis at `url`, with every setting: key
/// prefix, Redis timeout, a private CA, the single-worker fallback and the wait for another
/// worker's renewal (Kotlin: `RedisTokenStore(url, options)`).
#[uniffi::export]
pub fn redis_token_store_with_options(
    url: String, options: RedisTokenStoreOptions,
) -> Result<Arc<dyn TokenStore>> {
    Ok(Arc::new(insurup::RedisTokenStore::with_options(url, options)?))
}

/// The core's store for `store`: one of the core's own as itself (a Redis store so the session
/// runs the shared-renewal protocol); one implemented in Kotlin or Swift through its adapter.
pub(crate) fn core_token_store(store: Arc<dyn TokenStore>) -> Arc<dyn insurup::TokenStore> {
    let any: Arc<dyn Any + Send + Sync> = store.clone();
    let any = match any.downcast::<insurup::RedisTokenStore>() {
        Ok(redis) => return redis,
        Err(any) => any,
    };
    match any.downcast::<insurup::FileTokenStore>() {
        Ok(file) => file,
        Err(_) => Arc::new(ForeignTokenStore(store)),
    }
}
