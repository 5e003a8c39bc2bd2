//! Client configuration: every default in one place, the builder, and `from_env`.

use std::sync::Arc;
use std::time::Duration;

use url::Url;

use crate::auth::{Credentials, MemoryTokenStore, TokenStore, TwoFactorProvider, fixed_code};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::model::{AgentBranchId, AgentId};
use crate::secret::Secret;
use crate::transport::RetryPolicy;

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
    retry: RetryPolicy,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent_suffix: Option<String>,
    /// Set by `stored_agent_session`: the agent user has no password and never logs in.
    stored_session: bool,
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
            retry: RetryPolicy::default(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent_suffix: None,
            stored_session: false,
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

    /// OAuth server for client credentials; `https://auth.insurup.com` for the production API,
    /// otherwise the API's own origin.
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

    /// Connect timeout; 10 s by default.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Appended to the `User-Agent` (bindings add their language and version).
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
    /// | `INSURUP_ACCESS_TOKEN` | a ready access token |
    /// | `INSURUP_AGENT_ID`, `INSURUP_AGENT_BRANCH_ID` | agency and branch |
    /// | `INSURUP_TIMEOUT` | per-attempt timeout in seconds |
    /// | `INSURUP_MAX_RETRIES` | retries after the first attempt |
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
        } else if let (Some(id), Some(secret)) =
            (lookup("INSURUP_CLIENT_ID"), lookup("INSURUP_CLIENT_SECRET"))
        {
            self = self.client_credentials(id, secret);
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
            let seconds: f64 = timeout
                .trim()
                .parse()
                .ok()
                .filter(|s: &f64| s.is_finite() && *s > 0.0)
                .ok_or_else(|| {
                    Error::validation("INSURUP_TIMEOUT", "must be a positive number of seconds")
                })?;
            self.timeout = Duration::from_secs_f64(seconds);
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
    pub fn build(self) -> Result<Client> {
        let credentials = self.credentials.ok_or_else(|| {
            Error::validation(
                "credentials",
                "set agent_user(email, password), client_credentials(id, secret) or access_token(token) \
                 (or INSURUP_EMAIL/INSURUP_PASSWORD, INSURUP_CLIENT_ID/INSURUP_CLIENT_SECRET)",
            )
        })?;
        match &credentials {
            Credentials::AgentUser { email, .. } if self.stored_session => {
                crate::validate::email("email", email)?;
            }
            _ => credentials.validate()?,
        }
        let api_base = parse_base_url("base_url", &self.base_url)?;
        let auth_base = match &self.auth_url {
            Some(url) => parse_base_url("auth_url", url)?,
            None if api_base.host_str() == Some("api.insurup.com") => {
                parse_base_url("auth_url", DEFAULT_AUTH_URL)?
            }
            None => api_base.clone(),
        };
        if let Some(agent) = &self.agent_id {
            crate::validate::id("agent_id", agent.as_str())?;
        }
        if let Some(branch) = &self.agent_branch_id {
            crate::validate::id("agent_branch_id", branch.as_str())?;
        }
        if self.timeout.is_zero() {
            return Err(Error::validation("timeout", "must be greater than zero"));
        }
        let mut user_agent = format!("insurup-rust/{}", env!("CARGO_PKG_VERSION"));
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
                connect_timeout: self.connect_timeout,
                user_agent,
            },
            credentials,
            two_factor: self.two_factor,
            token_store: self
                .token_store
                .unwrap_or_else(|| Arc::new(MemoryTokenStore::new())),
            agent_id: self.agent_id,
            agent_branch_id: self.agent_branch_id,
        })
    }
}

/// Parses a base URL: https anywhere, http only on loopback. Always ends with `/` so relative
/// paths join under it.
fn parse_base_url(field: &str, input: &str) -> Result<Url> {
    let mut url = Url::parse(input.trim())
        .map_err(|error| Error::validation(field, format!("is not a URL: {error}")))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
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
