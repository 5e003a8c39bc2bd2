//! Connection pools clients can share.
//!
//! A CRM serving a thousand agencies holds a thousand clients, one per account. Each with its own
//! pool would keep a thousand sets of connections and TLS configurations to the same two hosts;
//! sharing one keeps a few connections, and a client costs only its session.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use crate::config::DEFAULT_CONNECT_TIMEOUT;
use crate::error::{Error, Result};

/// HTTP connections (and their TLS sessions) that several [`Client`](crate::Client)s share.
///
/// Give the same pool to every client of one process with
/// [`ClientBuilder::connection_pool`](crate::ClientBuilder::connection_pool): each keeps its own
/// account, session and settings, and they reuse each other's connections. Cloning is cheap and
/// shares the pool.
///
/// Connections are driven by the Tokio runtime that opened them, so share a pool between clients
/// used on one runtime (the usual case: one runtime per process). The Python, Node, Kotlin and
/// Swift packages run one runtime per process and share one pool per connect timeout on their own.
///
/// ```no_run
/// # async fn accounts() -> insurup::Result<()> {
/// let pool = insurup::ConnectionPool::new()?;
/// let mut clients = Vec::new();
/// for (email, password) in [("a@agency.example", "…"), ("b@agency.example", "…")] {
///     clients.push(
///         insurup::Client::builder()
///             .agent_user(email, password)
///             .connection_pool(pool.clone())
///             .build()?,
///     );
/// }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct ConnectionPool {
    client: reqwest::Client,
    connect_timeout: Duration,
}

impl ConnectionPool {
    /// A new pool, giving up on a connection after the default connect timeout (10 s).
    pub fn new() -> Result<Self> {
        Self::with_connect_timeout(DEFAULT_CONNECT_TIMEOUT)
    }

    /// A new pool giving up on a connection after `connect_timeout`. The pool's timeout is the
    /// one its clients use: a client given a pool ignores its own `connect_timeout`.
    pub fn with_connect_timeout(connect_timeout: Duration) -> Result<Self> {
        super::install_crypto_provider();
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .build()
            .map_err(|error| Error::connection("could not build the HTTP client", error))?;
        Ok(ConnectionPool {
            client,
            connect_timeout,
        })
    }

    /// The pool every client of this process with this connect timeout shares (the language
    /// packages' default: they own the process's only runtime).
    pub(crate) fn process_wide(connect_timeout: Duration) -> Result<Self> {
        static POOLS: OnceLock<Mutex<HashMap<Duration, ConnectionPool>>> = OnceLock::new();
        let mut pools = POOLS
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(pool) = pools.get(&connect_timeout) {
            return Ok(pool.clone());
        }
        let pool = Self::with_connect_timeout(connect_timeout)?;
        pools.insert(connect_timeout, pool.clone());
        Ok(pool)
    }

    /// How long a connection attempt may take.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    pub(crate) fn http_client(&self) -> &reqwest::Client {
        &self.client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_wide_pool_is_one_per_connect_timeout() {
        let three = ConnectionPool::process_wide(Duration::from_secs(3)).expect("pool");
        let seven = ConnectionPool::process_wide(Duration::from_secs(7)).expect("pool");
        assert_eq!(three.connect_timeout(), Duration::from_secs(3));
        assert_eq!(seven.connect_timeout(), Duration::from_secs(7));
    }
}
