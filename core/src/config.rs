//! Client configuration: every default in one place, the builder, and `from_env`.

use std::sync::Arc;
use std::time::Duration;

use url::Url;

use crate::auth::{Credentials, MemoryTokenStore, TokenStore, TwoFactorProvider, fixed_code};
use crate::client::Client;
use crate::dialect::Dialect;
use crate::error::{Error, Result};
use crate::fleet::{PurchaseGuard, RateBudget};
use crate::hub::{RealTime, RealTimeSettings};
use crate::model::{AgentBranchId, AgentId};
use crate::secret::Secret;
use crate::transport::{ConnectionPool, RetryPolicy};

/// Production API.
pub const DEFAULT_BASE_URL: &str = "https://api.insurup.com";
/// Production OAuth server (client credentials).
pub const DEFAULT_AUTH_URL: &str = "https://auth.insurup.com";
/// Per-attempt timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Time allowed to open a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// OAuth scope requested with client credentials.
pub const DEFAULT_SCOPE: &str = "core-api";
/// Time a two-factor provider has to supply a code before the login gives up.
pub const DEFAULT_TWO_FACTOR_TIMEOUT: Duration = Duration::from_secs(5 * 60);
/// How long a purchase whose answer was lost (or ambiguous) is confirmed by reading the product
/// back before the outcome is reported as unknown.
pub const DEFAULT_PURCHASE_CONFIRMATION_WINDOW: Duration = Duration::from_secs(60);
/// Largest answer the SDK reads into memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;
/// Longest timeout or wait any setting accepts; longer values are refused as mistakes.
pub const MAX_CONFIGURABLE_DURATION: Duration = Duration::from_secs(24 * 3600);

/// Builds a [`Client`]. Every setting has a default except the credentials.
///
/// ```no_run
/// # async fn run() -> insurup::Result<()> {
/// let client = insurup::Client::builder()
///     .agent_user("ops@acente.com.tr", "password")
///     .two_factor(insurup::fixed_code("123456"))
///     .agent_id("00000000-0000-4000-8000-000000000001")
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    base_url: String,
    auth_url: Option<String>,
    credentials: Option<Credentials>,
    two_factor: Option<Arc<dyn TwoFactorProvider>>,
    agent_id: Option<AgentId>,
    agent_branch_id: Option<AgentBranchId>,
    token_store: Option<Arc<dyn TokenStore>>,
    rate_budget: Option<Arc<dyn RateBudget>>,
    pace: bool,
    purchase_guard: Option<Arc<dyn PurchaseGuard>>,
    retry: RetryPolicy,
    timeout: Duration,
    /// `None` until set: a shared pool brings its own.
    connect_timeout: Option<Duration>,
    pool: Option<ConnectionPool>,
    user_agent_suffix: Option<String>,
    /// The binding's name and its runtime (`python/3.11`), for the `User-Agent`.
    binding: Option<(String, String)>,
    two_factor_timeout: Duration,
    purchase_confirmation_window: Duration,
    max_response_bytes: usize,
    dialect: Option<Dialect>,
    /// Set by `stored_agent_session`: the agent user has no password and never logs in.
    stored_session: bool,
    /// A confidential OAuth client's secret, for a user's sign-in (`oauth_user`).
    oauth_client_secret: Option<Secret>,
    /// Scopes a user's sign-in asks for; [`crate::DEFAULT_SIGN_IN_SCOPES`] when unset.
    sign_in_scopes: Option<Vec<String>>,
    real_time: RealTimeSettings,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            auth_url: None,
            credentials: None,
            two_factor: None,
            agent_id: None,
            agent_branch_id: None,
            token_store: None,
            rate_budget: None,
            pace: true,
            purchase_guard: None,
            retry: RetryPolicy::default(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: None,
            pool: None,
            user_agent_suffix: None,
            binding: None,
            two_factor_timeout: DEFAULT_TWO_FACTOR_TIMEOUT,
            purchase_confirmation_window: DEFAULT_PURCHASE_CONFIRMATION_WINDOW,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            dialect: None,
            stored_session: false,
            oauth_client_secret: None,
            sign_in_scopes: None,
            real_time: RealTimeSettings::default(),
        }
    }
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("auth_url", &self.auth_url)
            .field("credentials", &self.credentials)
            .field("agent_id", &self.agent_id)
            .field("agent_branch_id", &self.agent_branch_id)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("connection_pool", &self.pool.is_some())
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// API base URL; `https://api.insurup.com` by default. Plain `http` is accepted only for
    /// loopback addresses (a local sandbox).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// OAuth server for client credentials. By default the `auth.` host beside an
    /// `*.insurup.com` API host (`https://auth.insurup.com` for production), the API's own origin
    /// for a local sandbox, and required (`INSURUP_AUTH_URL`) for any other host.
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = Some(url.into());
        self
    }

    /// Logs in as an agent user (B2B guide §2.1).
    pub fn agent_user(mut self, email: impl Into<String>, password: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::AgentUser {
            email: email.into(),
            password: password.into(),
        });
        self.stored_session = false;
        self
    }

    /// Authenticates as an OAuth service account (scope `core-api`).
    pub fn client_credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        self.credentials = Some(Credentials::ClientCredentials {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            scope: DEFAULT_SCOPE.to_owned(),
        });
        self
    }

    /// Acts as a user who signs in through OAuth in a browser (authorization code with PKCE, and
    /// PAR when the server offers it): `client_id` is the CRM's OAuth client, `redirect_uri` where
    /// the server sends the browser back. Nothing works until
    /// [`Client::start_sign_in`] and [`Client::complete_sign_in`] have signed the user in (or the
    /// token store holds their tokens from an earlier sign-in); afterwards the session refreshes
    /// with the rotating refresh token like any other. A confidential client adds
    /// [`ClientBuilder::oauth_client_secret`].
    pub fn oauth_user(
        mut self,
        client_id: impl Into<String>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        self.credentials = Some(Credentials::AuthorizationCode {
            client_id: client_id.into(),
            client_secret: None,
            redirect_uri: redirect_uri.into(),
            scopes: Vec::new(),
        });
        self.stored_session = false;
        self
    }

    /// The secret of a confidential OAuth client signing users in ([`ClientBuilder::oauth_user`]).
    pub fn oauth_client_secret(mut self, secret: impl Into<Secret>) -> Self {
        self.oauth_client_secret = Some(secret.into());
        self
    }

    /// The scopes a user's sign-in asks for; `openid profile offline_access core-api` by default
    /// (`offline_access` brings the refresh token).
    pub fn sign_in_scopes<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        self.sign_in_scopes = Some(scopes.into_iter().map(Into::into).collect());
        self
    }

    /// Uses a ready access token; it is never refreshed.
    pub fn access_token(mut self, token: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::AccessToken(token.into()));
        self
    }

    /// Resumes the agent user's session that an earlier login left in the token store, without
    /// the password: stored tokens are used and refreshed as usual, and when none are stored (for
    /// this e-mail and base URL) or the refresh token is refused, calls fail with an
    /// [`crate::ErrorKind::Authentication`] error instead of logging in again. For tools with a
    /// separate login step, such as the `insurup` command.
    pub fn stored_agent_session(mut self, email: impl Into<String>) -> Self {
        self.credentials = Some(Credentials::AgentUser {
            email: email.into(),
            password: Secret::new(""),
        });
        self.stored_session = true;
        self
    }

    /// Sets credentials directly.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self.stored_session = false;
        self
    }

    /// Supplies 2FA codes when the agent user's login asks for one.
    pub fn two_factor(mut self, provider: Arc<dyn TwoFactorProvider>) -> Self {
        self.two_factor = Some(provider);
        self
    }

    /// How long the two-factor provider may take to supply a code (5 minutes by default); past
    /// it the login fails with `TwoFactorRequiredError` and every waiting call is released.
    pub fn two_factor_timeout(mut self, timeout: Duration) -> Self {
        self.two_factor_timeout = timeout;
        self
    }

    /// How long a purchase whose answer was lost or ambiguous (timeout, reset, 5xx) is confirmed
    /// by reading the product back (60 s by default) before it is reported as
    /// `PurchaseOutcomeUnknownError`.
    pub fn purchase_confirmation_window(mut self, window: Duration) -> Self {
        self.purchase_confirmation_window = window;
        self
    }

    /// Spells every request in `dialect` instead of finding out which one the server speaks
    /// (see [`Dialect`]); for servers that hide their schema and a known spelling.
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = Some(dialect);
        self
    }

    /// How proposal watches and `wait` hear of insurers' answers: [`RealTime::Auto`] (the
    /// default) takes them from InsurUp's real-time hub when the server offers it and polls
    /// otherwise, [`RealTime::Hub`] insists on the hub, [`RealTime::Polling`] never opens it.
    /// Results are the same either way.
    pub fn real_time(mut self, mode: RealTime) -> Self {
        self.real_time.mode = mode;
        self
    }

    /// How long the hub connection may carry nothing from the client before it pings (15 s, SignalR's
    /// `KeepAliveInterval`).
    pub fn real_time_keep_alive(mut self, interval: Duration) -> Self {
        self.real_time.keep_alive = interval;
        self
    }

    /// How long the hub may stay silent before its connection is given up and opened again (30 s,
    /// SignalR's `ServerTimeout`; the server pings every 15 s). Also bounds opening a connection.
    pub fn real_time_server_timeout(mut self, timeout: Duration) -> Self {
        self.real_time.server_timeout = timeout;
        self
    }

    /// Largest answer read into memory (32 MiB by default); a larger one is a `DecodeError`.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// The agency's id, sent where the API wants it (B2B guide §6).
    pub fn agent_id(mut self, agent_id: impl Into<AgentId>) -> Self {
        self.agent_id = Some(agent_id.into());
        self
    }

    /// The branch or partner to produce for (B2B guide §6.2); applied to customers, cases and
    /// proposals that do not name one.
    pub fn agent_branch_id(mut self, branch: impl Into<AgentBranchId>) -> Self {
        self.agent_branch_id = Some(branch.into());
        self
    }

    /// Where tokens are kept; memory by default. Use [`crate::FileTokenStore`] to survive restarts.
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.token_store = Some(store);
        self
    }

    /// Retries after the first attempt of a call that is safe to retry (3 by default).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// A rate budget shared with the other workers of the account; every attempt waits for its
    /// slot (see [`crate::RedisRateBudget`]). None by default.
    pub fn rate_budget(mut self, budget: Arc<dyn RateBudget>) -> Self {
        self.rate_budget = Some(budget);
        self
    }

    /// Whether calls are paced at the rate limit the server reveals (its `RateLimit-Policy`
    /// header, or the requests it accepted before answering 429), so a batch runs at the allowed
    /// rate instead of being refused. On by default; off, calls leave at once and a 429 is only
    /// retried.
    pub fn pacing(mut self, pace: bool) -> Self {
        self.pace = pace;
        self
    }

    /// A lock per proposal product shared with the other workers of the account, so no two of
    /// them send the same purchase (see [`crate::RedisPurchaseGuard`]). None by default.
    pub fn purchase_guard(mut self, guard: Arc<dyn PurchaseGuard>) -> Self {
        self.purchase_guard = Some(guard);
        self
    }

    /// Shares the session and the purchase locks with the other workers of `fleet`'s account:
    /// a [`crate::RedisTokenStore`] and a [`crate::RedisPurchaseGuard`] on its Redis, and the
    /// fleet's rate budget when it has one ([`crate::RedisFleetOptions::requests_per_second`]).
    /// A [`ClientBuilder::rate_budget`] or [`ClientBuilder::token_store`] set after this
    /// replaces the fleet's.
    #[cfg(feature = "redis")]
    pub fn fleet(self, fleet: &crate::RedisFleet) -> Self {
        let builder = self
            .token_store(Arc::new(crate::RedisTokenStore::in_fleet(fleet)))
            .purchase_guard(Arc::new(crate::RedisPurchaseGuard::in_fleet(fleet)));
        match fleet.rate_budget() {
            Some(budget) => builder.rate_budget(budget.clone()),
            None => builder,
        }
    }

    /// Retry policy; see [`RetryPolicy`].
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Per-attempt timeout; 30 s by default.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connect timeout; 10 s by default. A client sharing a [`ConnectionPool`] uses the pool's.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Shares `pool`'s connections with every other client given it: the way to serve many
    /// accounts from one process, each client costing only its session. Without it, a client
    /// keeps its own pool, except in the Python, Node, Kotlin and Swift packages, whose clients
    /// share one pool per process (per connect timeout) by default.
    pub fn connection_pool(mut self, pool: ConnectionPool) -> Self {
        self.pool = Some(pool);
        self
    }

    /// Names the binding this client is used through and its runtime's version (`"python"`,
    /// `"python/3.11.7"`), so the `User-Agent` says `insurup-python/<sdk version> python/3.11.7
    /// insurup-rust/<sdk version>`. Every binding calls it once, the same way.
    pub fn binding(mut self, name: &str, runtime: impl Into<String>) -> Self {
        self.binding = Some((name.to_owned(), runtime.into()));
        self
    }

    /// Appended to the `User-Agent` (an application's own name and version).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Reads `INSURUP_*` variables on top of this builder's settings.
    ///
    /// | variable | meaning |
    /// |---|---|
    /// | `INSURUP_BASE_URL` | API base URL |
    /// | `INSURUP_AUTH_URL` | OAuth server URL |
    /// | `INSURUP_EMAIL`, `INSURUP_PASSWORD` | agent-user credentials |
    /// | `INSURUP_TWO_FACTOR_CODE` | a fixed 2FA code (test accounts) |
    /// | `INSURUP_CLIENT_ID`, `INSURUP_CLIENT_SECRET` | service-account credentials |
    /// | `INSURUP_REDIRECT_URI` (with `INSURUP_CLIENT_ID`, and `INSURUP_CLIENT_SECRET` for a confidential client) | a user's OAuth sign-in ([`ClientBuilder::oauth_user`]) |
    /// | `INSURUP_SCOPES` | scopes of a user's sign-in, space-separated |
    /// | `INSURUP_ACCESS_TOKEN` | a ready access token |
    /// | `INSURUP_AGENT_ID`, `INSURUP_AGENT_BRANCH_ID` | agency and branch |
    /// | `INSURUP_TIMEOUT` | per-attempt timeout in seconds |
    /// | `INSURUP_MAX_RETRIES` | retries after the first attempt |
    /// | `INSURUP_DIALECT` | `guide`, `graphql-docs` or `vendor-sdk` (found out when unset) |
    /// | `INSURUP_REAL_TIME` | `auto`, `hub` or `polling` (see [`ClientBuilder::real_time`]) |
    pub fn with_env(self) -> Result<Self> {
        self.with_vars(|name| {
            std::env::var(name)
                .ok()
                .filter(|value| !value.trim().is_empty())
        })
    }

    /// Like [`ClientBuilder::with_env`], reading variables through `lookup` (for tests and for
    /// configuration files).
    pub fn with_vars(mut self, lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        if let Some(url) = lookup("INSURUP_BASE_URL") {
            self.base_url = url;
        }
        if let Some(url) = lookup("INSURUP_AUTH_URL") {
            self.auth_url = Some(url);
        }
        if let Some(token) = lookup("INSURUP_ACCESS_TOKEN") {
            self = self.access_token(token);
        } else if let (Some(email), Some(password)) =
            (lookup("INSURUP_EMAIL"), lookup("INSURUP_PASSWORD"))
        {
            self = self.agent_user(email, password);
        } else if let (Some(id), Some(redirect_uri)) =
            (lookup("INSURUP_CLIENT_ID"), lookup("INSURUP_REDIRECT_URI"))
        {
            self = self.oauth_user(id, redirect_uri);
            if let Some(secret) = lookup("INSURUP_CLIENT_SECRET") {
                self = self.oauth_client_secret(secret);
            }
        } else if let (Some(id), Some(secret)) =
            (lookup("INSURUP_CLIENT_ID"), lookup("INSURUP_CLIENT_SECRET"))
        {
            self = self.client_credentials(id, secret);
        }
        if let Some(scopes) = lookup("INSURUP_SCOPES") {
            self = self.sign_in_scopes(scopes.split_whitespace());
        }
        if let Some(code) = lookup("INSURUP_TWO_FACTOR_CODE") {
            self.two_factor = Some(fixed_code(code));
        }
        if let Some(agent) = lookup("INSURUP_AGENT_ID") {
            self.agent_id = Some(agent.into());
        }
        if let Some(branch) = lookup("INSURUP_AGENT_BRANCH_ID") {
            self.agent_branch_id = Some(branch.into());
        }
        if let Some(timeout) = lookup("INSURUP_TIMEOUT") {
            self.timeout = parse_seconds("INSURUP_TIMEOUT", &timeout)?;
        }
        if let Some(dialect) = lookup("INSURUP_DIALECT") {
            self.dialect = Some(dialect.parse().map_err(|_| {
                Error::validation(
                    "INSURUP_DIALECT",
                    "must be guide, graphql-docs or vendor-sdk",
                )
            })?);
        }
        if let Some(mode) = lookup("INSURUP_REAL_TIME") {
            self.real_time.mode = mode.parse().map_err(|_| {
                Error::validation("INSURUP_REAL_TIME", "must be auto, hub or polling")
            })?;
        }
        if let Some(retries) = lookup("INSURUP_MAX_RETRIES") {
            self.retry.max_retries = retries
                .trim()
                .parse()
                .map_err(|_| Error::validation("INSURUP_MAX_RETRIES", "must be a whole number"))?;
        }
        Ok(self)
    }

    /// Checks the settings and builds the client. No request is sent until the first call.
    pub fn build(mut self) -> Result<Client> {
        let mut credentials = self.credentials.take().ok_or_else(|| {
            Error::validation(
                "credentials",
                "set agent_user(email, password), client_credentials(id, secret), \
                 oauth_user(client_id, redirect_uri) or access_token(token) \
                 (or INSURUP_EMAIL/INSURUP_PASSWORD, INSURUP_CLIENT_ID/INSURUP_CLIENT_SECRET)",
            )
        })?;
        if let Credentials::AuthorizationCode {
            client_secret,
            scopes,
            ..
        } = &mut credentials
        {
            if client_secret.is_none() {
                *client_secret = self.oauth_client_secret.take();
            }
            if let Some(chosen) = self.sign_in_scopes.take() {
                *scopes = chosen;
            }
            if scopes.is_empty() {
                *scopes = crate::auth::DEFAULT_SIGN_IN_SCOPES
                    .iter()
                    .map(|scope| (*scope).to_owned())
                    .collect();
            }
        }
        match &credentials {
            Credentials::AgentUser { email, .. } if self.stored_session => {
                crate::validate::email("email", email)?;
            }
            _ => credentials.validate()?,
        }
        let api_base = parse_base_url("base_url", &self.base_url)?;
        let auth_base = match &self.auth_url {
            Some(url) => parse_base_url("auth_url", url)?,
            None => default_auth_base(&api_base, &credentials)?,
        };
        if let Some(agent) = &self.agent_id {
            crate::validate::id("agent_id", agent.as_str())?;
        }
        if let Some(branch) = &self.agent_branch_id {
            crate::validate::id("agent_branch_id", branch.as_str())?;
        }
        check_duration("timeout", self.timeout)?;
        let pool = self.connection_pool_to_use()?;
        check_duration("two_factor_timeout", self.two_factor_timeout)?;
        check_duration(
            "purchase_confirmation_window",
            self.purchase_confirmation_window,
        )?;
        check_duration("real_time_keep_alive", self.real_time.keep_alive)?;
        check_duration("real_time_server_timeout", self.real_time.server_timeout)?;
        if self.real_time.keep_alive.is_zero()
            || self.real_time.server_timeout <= self.real_time.keep_alive
        {
            return Err(Error::validation(
                "real_time_server_timeout",
                "must be longer than real_time_keep_alive, which must not be zero",
            ));
        }
        if self.max_response_bytes < 1024 {
            return Err(Error::validation(
                "max_response_bytes",
                "must be at least 1024 bytes",
            ));
        }
        let version = env!("CARGO_PKG_VERSION");
        let mut user_agent = match &self.binding {
            Some((name, runtime)) => {
                format!("insurup-{name}/{version} {runtime} insurup-rust/{version}")
            }
            None => format!("insurup-rust/{version}"),
        };
        if let Some(suffix) = &self.user_agent_suffix {
            user_agent.push(' ');
            user_agent.push_str(suffix);
        }
        Client::from_parts(crate::client::Parts {
            settings: crate::transport::HttpSettings {
                api_base,
                auth_base,
                retry: self.retry,
                timeout: self.timeout,
                user_agent,
                max_response_bytes: self.max_response_bytes,
                rate_budget: self.rate_budget,
                pace: self.pace,
            },
            pool,
            credentials,
            two_factor: self.two_factor,
            two_factor_timeout: self.two_factor_timeout,
            purchase_confirmation_window: self.purchase_confirmation_window,
            dialect: self.dialect,
            token_store: self
                .token_store
                .unwrap_or_else(|| Arc::new(MemoryTokenStore::new())),
            agent_id: self.agent_id,
            agent_branch_id: self.agent_branch_id,
            purchase_guard: self.purchase_guard,
            real_time: self.real_time,
        })
    }
}

impl ClientBuilder {
    /// The pool given, or a new one, or, for the language packages (one runtime per process),
    /// the process's pool for this connect timeout.
    fn connection_pool_to_use(&self) -> Result<ConnectionPool> {
        if let Some(timeout) = self.connect_timeout {
            check_duration("connect_timeout", timeout)?;
        }
        let connect_timeout = self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
        match &self.pool {
            Some(pool) => {
                if self
                    .connect_timeout
                    .is_some_and(|timeout| timeout != pool.connect_timeout())
                {
                    return Err(Error::validation(
                        "connect_timeout",
                        format!(
                            "this client shares a connection pool whose connect timeout is {:?}; \
                             set the timeout on the pool (ConnectionPool::with_connect_timeout)",
                            pool.connect_timeout()
                        ),
                    ));
                }
                Ok(pool.clone())
            }
            None if self.binding.is_some() => ConnectionPool::process_wide(connect_timeout),
            None => ConnectionPool::with_connect_timeout(connect_timeout),
        }
    }
}

/// A duration setting between zero (excluded) and [`MAX_CONFIGURABLE_DURATION`].
pub(crate) fn check_duration(field: &str, value: Duration) -> Result<()> {
    if value.is_zero() {
        return Err(Error::validation(field, "must be greater than zero"));
    }
    if value > MAX_CONFIGURABLE_DURATION {
        return Err(Error::validation(
            field,
            format!(
                "must be at most {} hours",
                MAX_CONFIGURABLE_DURATION.as_secs() / 3600
            ),
        ));
    }
    Ok(())
}

/// A number of seconds from configuration text, as a checked duration.
fn parse_seconds(field: &str, text: &str) -> Result<Duration> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| Error::validation(field, "must be a number of seconds"))?;
    let duration = Duration::try_from_secs_f64(seconds)
        .map_err(|_| Error::validation(field, "must be a positive number of seconds"))?;
    check_duration(field, duration)?;
    Ok(duration)
}

/// The token server when none is configured: the `auth.` host beside an InsurUp API host, the
/// API's own origin on loopback (a local sandbox). Any other host needs it said explicitly —
/// guessing would send the client secret to a server that is not the token server.
fn default_auth_base(api_base: &Url, credentials: &Credentials) -> Result<Url> {
    let host = api_base.host_str().unwrap_or_default();
    if let Some(rest) = host
        .strip_suffix(".insurup.com")
        .or_else(|| (host == "insurup.com").then_some(""))
    {
        let environment = rest.strip_prefix("api").unwrap_or(rest);
        let environment = environment.trim_start_matches('.');
        let auth_host = if environment.is_empty() {
            "auth.insurup.com".to_owned()
        } else {
            format!("auth.{environment}.insurup.com")
        };
        return parse_base_url("auth_url", &format!("https://{auth_host}"));
    }
    let sends_secrets = matches!(
        credentials,
        Credentials::ClientCredentials { .. } | Credentials::AuthorizationCode { .. }
    );
    if is_loopback(api_base) || !sends_secrets {
        return Ok(api_base.clone());
    }
    Err(Error::validation(
        "auth_url",
        format!(
            "the OAuth token server for {host} is unknown; set auth_url (INSURUP_AUTH_URL) to it"
        ),
    ))
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Parses a base URL: https anywhere, http only on loopback. Always ends with `/` so relative
/// paths join under it.
fn parse_base_url(field: &str, input: &str) -> Result<Url> {
    let mut url = Url::parse(input.trim())
        .map_err(|error| Error::validation(field, format!("is not a URL: {error}")))?;
    let loopback = is_loopback(&url);
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(Error::validation(
                field,
                "must use https (plain http is allowed only for localhost and 127.0.0.1)",
            ));
        }
        other => {
            return Err(Error::validation(
                field,
                format!("unsupported scheme {other}"),
            ));
        }
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_factor_provider_gets_five_minutes_unless_told_otherwise() {
        assert_eq!(DEFAULT_TWO_FACTOR_TIMEOUT, Duration::from_secs(300));
        assert_eq!(
            ClientBuilder::default().two_factor_timeout,
            DEFAULT_TWO_FACTOR_TIMEOUT
        );
        let options = crate::ClientOptions {
            two_factor_timeout: Some(12.5),
            ..Default::default()
        };
        let builder = options
            .apply(ClientBuilder::default())
            .expect("valid options");
        assert_eq!(builder.two_factor_timeout, Duration::from_millis(12_500));
    }

    #[test]
    fn plain_http_is_refused_except_on_loopback() {
        assert!(parse_base_url("base_url", "https://api.insurup.com").is_ok());
        assert!(parse_base_url("base_url", "http://127.0.0.1:8080").is_ok());
        assert!(parse_base_url("base_url", "http://localhost:8080").is_ok());
        assert!(parse_base_url("base_url", "http://[::1]:8080").is_ok());
        let error = parse_base_url("base_url", "http://api.insurup.com").expect_err("plain http");
        assert_eq!(error.field(), Some("base_url"));
    }

    #[test]
    fn environment_variables_configure_the_client() {
        let vars = |name: &str| match name {
            "INSURUP_BASE_URL" => Some("http://127.0.0.1:9".to_owned()),
            "INSURUP_EMAIL" => Some("ops@acente.com.tr".to_owned()),
            "INSURUP_PASSWORD" => Some("pw".to_owned()),
            "INSURUP_TIMEOUT" => Some("2.5".to_owned()),
            "INSURUP_AGENT_BRANCH_ID" => Some("64b000000000000000000001".to_owned()),
            _ => None,
        };
        let builder = ClientBuilder::default().with_vars(vars).expect("valid");
        assert_eq!(builder.timeout, Duration::from_millis(2500));
        let client = builder.build().expect("builds");
        assert_eq!(client.base_url(), "http://127.0.0.1:9/");
        let debug = format!("{client:?}");
        assert!(!debug.contains("pw\""), "{debug}");
    }

    #[test]
    fn a_stored_session_needs_an_email_but_no_password() {
        let client = ClientBuilder::default()
            .stored_agent_session("ops@acente.com.tr")
            .build();
        assert!(client.is_ok());
        let error = ClientBuilder::default()
            .stored_agent_session("not-an-email")
            .build()
            .expect_err("bad email");
        assert_eq!(error.field(), Some("email"));
        let error = ClientBuilder::default()
            .stored_agent_session("ops@acente.com.tr")
            .agent_user("ops@acente.com.tr", " ")
            .build()
            .expect_err("a blank password is still refused");
        assert_eq!(error.field(), Some("password"));
    }

    #[test]
    fn the_token_server_is_the_auth_host_beside_an_insurup_api_host() {
        let auth_of = |base: &str| {
            ClientBuilder::default()
                .base_url(base)
                .client_credentials("id", "secret")
                .build()
                .map(|client| client.auth_url().to_owned())
        };
        assert_eq!(
            auth_of("https://api.insurup.com").expect("production"),
            "https://auth.insurup.com/"
        );
        assert_eq!(
            auth_of("https://api.staging.insurup.com/").expect("staging"),
            "https://auth.staging.insurup.com/"
        );
        assert_eq!(
            auth_of("http://127.0.0.1:9").expect("sandbox"),
            "http://127.0.0.1:9/"
        );
        let error = auth_of("https://crm-gateway.example.com").expect_err("unknown host");
        assert_eq!(error.field(), Some("auth_url"));
        assert!(error.to_string().contains("INSURUP_AUTH_URL"), "{error}");
        let agent = ClientBuilder::default()
            .base_url("https://crm-gateway.example.com")
            .agent_user("ops@acente.com.tr", "pw")
            .build();
        assert!(agent.is_ok(), "agent users log in on the API host itself");
    }

    #[test]
    fn durations_of_any_size_are_checked_not_panicked_on() {
        for text in ["1e300", "inf", "-1", "0", "NaN", "86401", "soon"] {
            let error = ClientBuilder::default()
                .with_vars(|name| (name == "INSURUP_TIMEOUT").then(|| text.to_owned()))
                .expect_err(text);
            assert_eq!(error.field(), Some("INSURUP_TIMEOUT"), "{text}");
        }
        let error = ClientBuilder::default()
            .agent_user("ops@acente.com.tr", "pw")
            .timeout(Duration::MAX)
            .build()
            .expect_err("huge timeout");
        assert_eq!(error.field(), Some("timeout"));
        let error = ClientBuilder::default()
            .agent_user("ops@acente.com.tr", "pw")
            .two_factor_timeout(Duration::ZERO)
            .build()
            .expect_err("zero");
        assert_eq!(error.field(), Some("two_factor_timeout"));
    }

    #[test]
    fn missing_or_blank_credentials_are_named() {
        let error = ClientBuilder::default()
            .build()
            .expect_err("no credentials");
        assert_eq!(error.field(), Some("credentials"));
        let error = ClientBuilder::default()
            .agent_user("ops@acente.com.tr", "  ")
            .build()
            .expect_err("blank password");
        assert_eq!(error.field(), Some("password"));
        let bad_timeout = ClientBuilder::default()
            .with_vars(|name| (name == "INSURUP_TIMEOUT").then(|| "soon".to_owned()));
        assert_eq!(
            bad_timeout.expect_err("bad timeout").field(),
            Some("INSURUP_TIMEOUT")
        );
    }
}
