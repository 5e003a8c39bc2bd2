//! Fleets: many worker processes of one agency, on any number of machines, sharing one session,
//! one rate budget and one purchase lock per product.
//!
//! The traits here are what the client plugs in ([`crate::SharedTokenStore`] for the session,
//! [`RateBudget`], [`PurchaseGuard`]); with the `redis` feature, [`RedisFleet`] provides all
//! three on one Redis. One process needs none of it.

mod purchase_guard;
mod rate_budget;

#[cfg(feature = "redis")]
mod connection;
#[cfg(feature = "redis")]
mod options;
#[cfg(feature = "redis")]
mod token_store;

pub use purchase_guard::{GuardedPurchase, PurchaseGuard};
pub use rate_budget::{RateBudget, RouteClass};

#[cfg(feature = "redis")]
pub use connection::{DEFAULT_KEY_PREFIX, DEFAULT_REDIS_TIMEOUT, RedisFleet, RedisFleetBuilder};
#[cfg(feature = "redis")]
pub use options::{RedisFleetOptions, RedisTokenStoreOptions};
#[cfg(feature = "redis")]
pub use purchase_guard::RedisPurchaseGuard;
#[cfg(feature = "redis")]
pub use rate_budget::RedisRateBudget;
#[cfg(feature = "redis")]
pub use token_store::RedisTokenStore;
