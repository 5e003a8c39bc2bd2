//! The Redis a fleet shares: its address (shown without the password), the account whose state
//! it keeps, key names, and one reconnecting connection opened on first use.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::error::{Error, ErrorKind, Result};

/// How long a Redis command may take before it counts as failed, by default.
pub const DEFAULT_REDIS_TIMEOUT: Duration = Duration::from_secs(2);

/// Prefix of every key the SDK writes, by default.
pub const DEFAULT_KEY_PREFIX: &str = "insurup";

/// One Redis and one account: the place where worker processes on any number of machines share
/// the account's session ([`crate::RedisTokenStore`]), rate budget ([`crate::RedisRateBudget`])
/// and purchase lock ([`crate::RedisPurchaseGuard`]).
///
/// `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS). The password never
/// appears in logs, errors or Debug output. The connection opens on first use and reconnects by
/// itself. Clone it freely.
///
/// ```no_run
/// # async fn run() -> insurup::Result<()> {
/// let fleet = insurup::RedisFleet::new("redis://127.0.0.1:6379/", "ops@acente.com.tr")?;
/// let client = insurup::Client::builder()
///     .agent_user("ops@acente.com.tr", "password")
///     .fleet(&fleet)
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, from_py_object, module = "insurup")
)]
pub struct RedisFleet {
    inner: Arc<Inner>,
    /// The rate the fleet's workers share, set by [`RedisFleet::with_options`]; it holds a clone
    /// of the fleet made before it was set, so there is no cycle.
    rate_budget: Option<Arc<crate::RedisRateBudget>>,
}

struct Inner {
    client: redis::Client,
    shown: String,
    password: Option<String>,
    account: String,
    prefix: String,
    timeout: Duration,
    connection: tokio::sync::OnceCell<ConnectionManager>,
}

/// Settings of a [`RedisFleet`].
#[derive(Clone)]
pub struct RedisFleetBuilder {
    url: String,
    account: String,
    prefix: String,
    timeout: Duration,
    root_certificate: Option<Vec<u8>>,
}

impl fmt::Debug for RedisFleetBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisFleetBuilder")
            .field("account", &self.account)
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl RedisFleetBuilder {
    /// Prefix of every key (`insurup` by default), to keep apart several environments in one
    /// Redis.
    pub fn key_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// How long connecting or one command may take (2 s by default).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Trusts this CA certificate (PEM) for `rediss://` instead of the system's roots: a Redis
    /// whose certificate a private CA signed.
    pub fn root_certificate(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificate = Some(pem.into());
        self
    }

    /// Checks the settings. Nothing connects until the first use.
    pub fn build(self) -> Result<RedisFleet> {
        let account = self.account.trim().to_owned();
        if account.is_empty()
            || account.contains(['{', '}'])
            || account.contains(char::is_whitespace)
        {
            return Err(Error::validation(
                "account",
                "must be a non-empty name without spaces or braces, e.g. the agent user's e-mail",
            ));
        }
        if self.prefix.is_empty() || self.prefix.contains(['{', '}']) {
            return Err(Error::validation(
                "key_prefix",
                "must be non-empty and without braces",
            ));
        }
        crate::config::check_duration("timeout", self.timeout)?;
        // The parser's message may quote the URL, password and all: it is not passed on.
        let client = match self.root_certificate {
            None => redis::Client::open(self.url.as_str()),
            Some(pem) => redis::Client::build_with_tls(
                self.url.as_str(),
                redis::TlsCertificates {
                    client_tls: None,
                    root_cert: Some(pem),
                },
            ),
        }
        .map_err(|_| {
            Error::validation(
                "redis_url",
                "not a Redis URL; use redis://[user:password@]host[:port][/db] or rediss://…",
            )
        })?;
        let info = client.get_connection_info();
        let password = info.redis_settings().password().map(str::to_owned);
        let shown = shown_url(info);
        Ok(RedisFleet {
            inner: Arc::new(Inner {
                client,
                shown,
                password,
                account,
                prefix: self.prefix,
                timeout: self.timeout,
                connection: tokio::sync::OnceCell::new(),
            }),
            rate_budget: None,
        })
    }
}

/// The address as it may be shown: scheme, user, host, port and database; never the password.
fn shown_url(info: &redis::ConnectionInfo) -> String {
    let settings = info.redis_settings();
    let user = match (settings.username(), settings.password()) {
        (Some(user), Some(_)) => format!("{user}:***@"),
        (Some(user), None) => format!("{user}@"),
        (None, Some(_)) => ":***@".to_owned(),
        (None, None) => String::new(),
    };
    let (scheme, address) = match info.addr() {
        redis::ConnectionAddr::Tcp(..) => ("redis", info.addr().to_string()),
        redis::ConnectionAddr::TcpTls { .. } => ("rediss", info.addr().to_string()),
        redis::ConnectionAddr::Unix(path) => ("redis+unix", path.display().to_string()),
        _ => ("redis", info.addr().to_string()),
    };
    format!("{scheme}://{user}{address}/{}", settings.db())
}

impl fmt::Debug for RedisFleet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisFleet")
            .field("url", &self.inner.shown)
            .field("account", &self.inner.account)
            .field("prefix", &self.inner.prefix)
            .finish_non_exhaustive()
    }
}

impl RedisFleet {
    /// The fleet of `account` in the Redis at `url`, with the default settings.
    pub fn new(url: &str, account: &str) -> Result<Self> {
        Self::builder(url, account).build()
    }

    /// Settings for the fleet of `account` in the Redis at `url`.
    pub fn builder(url: impl Into<String>, account: impl Into<String>) -> RedisFleetBuilder {
        RedisFleetBuilder {
            url: url.into(),
            account: account.into(),
            prefix: DEFAULT_KEY_PREFIX.to_owned(),
            timeout: DEFAULT_REDIS_TIMEOUT,
            root_certificate: None,
        }
    }

    /// The Redis address without its password.
    pub fn url(&self) -> &str {
        &self.inner.shown
    }

    /// The rate budget every client given this fleet shares, if it has one.
    pub fn rate_budget(&self) -> Option<&Arc<crate::RedisRateBudget>> {
        self.rate_budget.as_ref()
    }

    pub(crate) fn sharing_rate_budget(mut self, budget: Arc<crate::RedisRateBudget>) -> Self {
        self.rate_budget = Some(budget);
        self
    }

    /// The account whose state this fleet shares.
    pub fn account(&self) -> &str {
        &self.inner.account
    }

    /// The key of `what` for this account: `<prefix>:{<account>}:<what>`. The braces keep every
    /// key of one account in one Redis Cluster slot, so one script may touch several.
    pub(crate) fn key(&self, what: &str) -> String {
        format!("{}:{{{}}}:{what}", self.inner.prefix, self.inner.account)
    }

    /// The fleet's connection (multiplexed, reconnecting, shared by every clone), opened on
    /// first use; for keys of the application's own, such as `insurup quote-batch --queue`'s
    /// work queue.
    pub async fn connection(&self) -> Result<ConnectionManager> {
        crate::transport::install_crypto_provider();
        let connection = self
            .inner
            .connection
            .get_or_try_init(|| async {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(self.inner.timeout))
                    .set_response_timeout(Some(self.inner.timeout))
                    .set_number_of_retries(1)
                    .set_max_delay(Duration::from_millis(500));
                ConnectionManager::new_with_config(self.inner.client.clone(), config).await
            })
            .await
            .map_err(|error| self.error(ErrorKind::TokenStore, "connect to", &error))?;
        Ok(connection.clone())
    }

    /// A Redis failure as an SDK error of `kind`, naming the server but never its password.
    pub fn error(&self, kind: ErrorKind, action: &str, error: &redis::RedisError) -> Error {
        let mut said = error.to_string();
        if let Some(password) = self.inner.password.as_deref().filter(|p| !p.is_empty()) {
            said = said.replace(password, "***");
        }
        Error::new(
            kind,
            format!(
                "could not {action} Redis at {} (account {}): {said}",
                self.inner.shown, self.inner.account
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows_in_the_url_debug_output_or_errors() {
        let fleet = RedisFleet::new(
            "rediss://ops:s3cr3t-pw@redis.example.com:6380/2",
            "ops@acente.com.tr",
        )
        .expect("a valid URL");
        assert_eq!(fleet.url(), "rediss://ops:***@redis.example.com:6380/2");
        let printed = format!("{fleet:?}");
        assert!(!printed.contains("s3cr3t-pw"), "{printed}");
        let error = fleet.error(
            ErrorKind::TokenStore,
            "read from",
            &redis::RedisError::from((redis::ErrorKind::Io, "refused", "s3cr3t-pw".to_owned())),
        );
        assert!(!error.to_string().contains("s3cr3t-pw"), "{error}");
        assert!(
            error.to_string().contains("redis.example.com:6380"),
            "{error}"
        );
    }

    #[test]
    fn keys_of_one_account_share_a_cluster_slot() {
        let fleet = RedisFleet::new("redis://127.0.0.1/", "ops@acente.com.tr").expect("valid");
        assert_eq!(fleet.key("session"), "insurup:{ops@acente.com.tr}:session");
    }

    #[test]
    fn bad_urls_and_account_names_are_refused_by_field() {
        let error = RedisFleet::new("http://127.0.0.1/", "a").expect_err("not redis");
        assert_eq!(error.field(), Some("redis_url"));
        for account in ["", "a b", "{a}"] {
            let error = RedisFleet::new("redis://127.0.0.1/", account).expect_err(account);
            assert_eq!(error.field(), Some("account"), "{account:?}");
        }
    }
}
