//! Keeps a valid access token: lazy login, proactive refresh, single flight, rotation.
//!
//! One mutex guards the token state and the renewal in flight. A renewal runs as its own task,
//! so callers that give up (a dropped future, a cancelled coroutine) cannot abandon a refresh
//! whose rotated token the server has already issued; every waiter shares its result.

use std::sync::{Arc, Mutex};

use futures::FutureExt;
use futures::future::{BoxFuture, Shared};
use serde::Deserialize;

use super::tokens::now_ms;
use super::{Credentials, TokenSet, TokenStore, TwoFactorChallenge, TwoFactorProvider};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::transport::{HttpCore, Request};

/// The fraction of a token's lifetime after which it is renewed (B2B guide §2.4).
pub(crate) const REFRESH_AT: f64 = 0.8;

/// Lifetime assumed for a static access token whose expiry is unknown.
const STATIC_TOKEN_LIFETIME_SECS: u64 = 100 * 365 * 24 * 3600;

type Renewal = Shared<BoxFuture<'static, Result<Arc<TokenSet>>>>;

#[derive(Clone)]
pub(crate) struct Session {
    inner: Arc<Inner>,
}

struct Inner {
    http: Arc<HttpCore>,
    credentials: Credentials,
    two_factor: Option<Arc<dyn TwoFactorProvider>>,
    store: Arc<dyn TokenStore>,
    subject: String,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    tokens: Option<Arc<TokenSet>>,
    /// The server refused `tokens`' access token: do not send it again.
    rejected: bool,
    renewal: Option<Renewal>,
}

/// Why a renewal runs; decides whether stored tokens may be reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// No token yet, or the current one is old.
    Due,
    /// The server refused the current token.
    Rejected,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AgentUserTokens {
    access_token: Option<Secret>,
    refresh_token: Option<Secret>,
    expires_in: Option<u64>,
    #[serde(default)]
    requires_two_factor: bool,
    user_id: Option<String>,
}

#[derive(Deserialize)]
struct OAuthTokens {
    access_token: Secret,
    expires_in: Option<u64>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("subject", &self.inner.subject)
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl Session {
    pub fn new(
        http: Arc<HttpCore>,
        credentials: Credentials,
        two_factor: Option<Arc<dyn TwoFactorProvider>>,
        store: Arc<dyn TokenStore>,
    ) -> Self {
        let subject = format!(
            "{}@{}",
            credentials.subject(),
            http.settings().api_base.as_str().trim_end_matches('/')
        );
        let mut state = State::default();
        if let Credentials::AccessToken(token) = &credentials {
            state.tokens = Some(Arc::new(TokenSet::new(
                token.clone(),
                None,
                STATIC_TOKEN_LIFETIME_SECS,
                subject.clone(),
            )));
        }
        Session {
            inner: Arc::new(Inner {
                http,
                credentials,
                two_factor,
                store,
                subject,
                state: Mutex::new(state),
            }),
        }
    }

    /// A static access token cannot be renewed; a 401 with it is final.
    pub fn can_renew(&self) -> bool {
        !matches!(self.inner.credentials, Credentials::AccessToken(_))
    }

    /// A token to send now. Fresh tokens return at once; an ageing one is still returned while a
    /// renewal starts in the background; an expired or missing one waits for the renewal.
    pub async fn access_token(&self) -> Result<Secret> {
        let renewal = {
            let mut state = self.inner.lock();
            let now = now_ms();
            match state.tokens.clone() {
                Some(tokens) if !state.rejected && tokens.is_fresh(now, REFRESH_AT) => {
                    return Ok(tokens.access_token.clone());
                }
                Some(tokens) if !state.rejected && tokens.is_usable(now) => {
                    if self.can_renew() {
                        // Runs as its own task; callers keep the current token meanwhile.
                        let _background = self.inner.renewal(&mut state, Reason::Due);
                    }
                    return Ok(tokens.access_token.clone());
                }
                _ if !self.can_renew() => {
                    return Err(Error::new(
                        ErrorKind::Authentication,
                        "the access token was refused or expired and cannot be renewed; supply a new one",
                    ));
                }
                _ => self.inner.renewal(&mut state, Reason::Due),
            }
        };
        Ok(renewal.await?.access_token.clone())
    }

    /// The server answered 401 to a call made with `used`. If the token was already replaced
    /// the caller just replays; otherwise one renewal runs (shared with every other caller).
    pub async fn renew_after_rejection(&self, used: &Secret) -> Result<()> {
        let renewal = {
            let mut state = self.inner.lock();
            let still_current = state
                .tokens
                .as_ref()
                .is_some_and(|tokens| tokens.access_token == *used);
            if !still_current {
                return Ok(());
            }
            state.rejected = true;
            self.inner.renewal(&mut state, Reason::Rejected)
        };
        renewal.await.map(|_| ())
    }

    /// Logs in (or loads stored tokens) now instead of on the first call.
    pub async fn sign_in(&self) -> Result<()> {
        self.access_token().await.map(|_| ())
    }

    /// Forgets the tokens here and in the store.
    pub async fn sign_out(&self) -> Result<()> {
        {
            let mut state = self.inner.lock();
            state.tokens = None;
            state.rejected = false;
        }
        self.inner.store.clear().await
    }
}

impl Inner {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock cannot leave the state half-written (each update is
        // one assignment), so a poisoned lock is still safe to use.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The renewal in flight, or a new one. Called with the state locked.
    fn renewal(self: &Arc<Self>, state: &mut State, reason: Reason) -> Renewal {
        if let Some(renewal) = &state.renewal {
            return renewal.clone();
        }
        let inner = Arc::clone(self);
        let current = state
            .tokens
            .clone()
            .filter(|_| reason == Reason::Due || !state.rejected);
        let refresh_from = state.tokens.clone();
        let task = tokio::spawn(async move {
            let outcome = inner.renew(current, refresh_from, reason).await;
            let mut state = inner.lock();
            state.renewal = None;
            match &outcome {
                Ok(tokens) => {
                    state.tokens = Some(Arc::clone(tokens));
                    state.rejected = false;
                }
                Err(error) => {
                    tracing::warn!(kind = %error.kind(), "token renewal failed: {error}");
                }
            }
            outcome
        });
        let renewal = async move {
            task.await.unwrap_or_else(|join_error| {
                Err(Error::new(
                    ErrorKind::Authentication,
                    format!("token renewal stopped: {join_error}"),
                ))
            })
        }
        .boxed()
        .shared();
        state.renewal = Some(renewal.clone());
        renewal
    }

    async fn renew(
        &self,
        current: Option<Arc<TokenSet>>,
        refresh_from: Option<Arc<TokenSet>>,
        reason: Reason,
    ) -> Result<Arc<TokenSet>> {
        match &self.credentials {
            Credentials::AccessToken(_) => Err(Error::new(
                ErrorKind::Authentication,
                "a static access token cannot be renewed",
            )),
            Credentials::ClientCredentials { .. } => self.grant_client_credentials().await,
            Credentials::AgentUser { .. } => {
                let known = match (current, reason) {
                    (Some(tokens), _) => Some(tokens),
                    (None, Reason::Due) => self.stored_tokens().await,
                    (None, Reason::Rejected) => refresh_from,
                };
                if let Some(tokens) = &known
                    && reason == Reason::Due
                    && tokens.is_fresh(now_ms(), REFRESH_AT)
                {
                    tracing::debug!("using stored tokens");
                    return Ok(Arc::clone(tokens));
                }
                if let Some(refresh_token) = known.as_ref().and_then(|t| t.refresh_token.clone()) {
                    match self.refresh(&refresh_token).await {
                        Ok(tokens) => return Ok(tokens),
                        Err(error) => {
                            tracing::info!(kind = %error.kind(), "refresh failed; logging in again");
                            return self.login(true).await;
                        }
                    }
                }
                self.login(false).await
            }
        }
    }

    async fn stored_tokens(&self) -> Option<Arc<TokenSet>> {
        match self.store.load().await {
            Ok(Some(tokens)) if tokens.subject == self.subject => Some(Arc::new(tokens)),
            Ok(_) => None,
            Err(error) => {
                tracing::warn!("could not read the token store: {error}");
                None
            }
        }
    }

    /// Saves before anyone uses the tokens: a refresh token the server rotated is never lost.
    async fn keep(&self, tokens: TokenSet) -> Arc<TokenSet> {
        if let Err(error) = self.store.save(&tokens).await {
            tracing::error!("could not save tokens to the token store: {error}");
        }
        Arc::new(tokens)
    }

    async fn refresh(&self, refresh_token: &Secret) -> Result<Arc<TokenSet>> {
        #[derive(serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a> {
            refresh_token: &'a Secret,
        }
        tracing::debug!("refreshing the access token");
        let request = Request::post(
            "/api/authentication:agent-user/refresh",
            "/api/authentication:agent-user/refresh",
        )
        .anonymous()
        .with_sensitive_answer()
        .json(&Body { refresh_token })?;
        let answer: AgentUserTokens = self.http.execute(&request, None).await?.json()?;
        let tokens = self.tokens_from(answer)?;
        Ok(self.keep(tokens).await)
    }

    async fn login(&self, after_refused_refresh: bool) -> Result<Arc<TokenSet>> {
        let Credentials::AgentUser { email, password } = &self.credentials else {
            return Err(Error::new(
                ErrorKind::Authentication,
                "not an agent-user session",
            ));
        };
        if password.is_blank() {
            return Err(Error::new(
                ErrorKind::Authentication,
                format!(
                    "there is no usable stored session for {email}; log in again with the password"
                ),
            ));
        }
        #[derive(serde::Serialize)]
        struct Body<'a> {
            email: &'a str,
            password: &'a Secret,
        }
        tracing::debug!("logging in as an agent user");
        let request = Request::post(
            "/api/authentication:agent-user/login",
            "/api/authentication:agent-user/login",
        )
        .anonymous()
        .idempotent()
        .with_sensitive_answer()
        .json(&Body { email, password })?;
        let answer: AgentUserTokens = self.http.execute(&request, None).await?.json()?;
        if !answer.requires_two_factor {
            let tokens = self.tokens_from(answer)?;
            return Ok(self.keep(tokens).await);
        }
        let user_id = answer.user_id.unwrap_or_default();
        let Some(provider) = &self.two_factor else {
            let (kind, message) = if after_refused_refresh {
                (
                    ErrorKind::Authentication,
                    "the session expired and logging in again needs a 2FA code; configure a two-factor provider",
                )
            } else {
                (
                    ErrorKind::TwoFactorRequired,
                    "this account needs a 2FA code; configure a two-factor provider",
                )
            };
            return Err(Error::new(kind, message));
        };
        let code = provider
            .code(TwoFactorChallenge {
                user_id: user_id.clone(),
                email: email.clone(),
            })
            .await?;
        if code.trim().is_empty() {
            return Err(Error::validation(
                "code",
                "the two-factor provider returned an empty code",
            ));
        }
        #[derive(serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Verify<'a> {
            user_id: &'a str,
            code: &'a str,
        }
        tracing::debug!("verifying the 2FA code");
        let request = Request::post(
            "/api/authentication:agent-user/verify-mfa",
            "/api/authentication:agent-user/verify-mfa",
        )
        .anonymous()
        .with_sensitive_answer()
        .json(&Verify {
            user_id: &user_id,
            code: code.trim(),
        })?;
        let answer: AgentUserTokens = self.http.execute(&request, None).await?.json()?;
        let tokens = self.tokens_from(answer)?;
        Ok(self.keep(tokens).await)
    }

    async fn grant_client_credentials(&self) -> Result<Arc<TokenSet>> {
        let Credentials::ClientCredentials {
            client_id,
            client_secret,
            scope,
        } = &self.credentials
        else {
            return Err(Error::new(
                ErrorKind::Authentication,
                "not a service-account session",
            ));
        };
        tracing::debug!("requesting a client-credentials token");
        let request = Request::post("/connect/token", "/connect/token")
            .on_auth_server()
            .anonymous()
            .idempotent()
            .with_sensitive_answer()
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", client_id),
                ("client_secret", client_secret.expose()),
                ("scope", scope),
            ]);
        let response = self
            .http
            .execute(&request, None)
            .await
            .map_err(oauth_error)?;
        let answer: OAuthTokens = response.json()?;
        let tokens = TokenSet::new(
            answer.access_token,
            None,
            answer.expires_in.unwrap_or(3600),
            self.subject.clone(),
        );
        Ok(self.keep(tokens).await)
    }

    fn tokens_from(&self, answer: AgentUserTokens) -> Result<TokenSet> {
        let access_token = answer
            .access_token
            .filter(|token| !token.is_blank())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Decode,
                    "the authentication answer had no access token",
                )
            })?;
        Ok(TokenSet::new(
            access_token,
            answer.refresh_token.filter(|token| !token.is_blank()),
            answer.expires_in.unwrap_or(600),
            self.subject.clone(),
        ))
    }
}

/// OAuth errors are `{error, error_description}`, not problem details: keep them readable.
fn oauth_error(error: Error) -> Error {
    match error.status() {
        Some(400 | 401) => {
            let kind = ErrorKind::Authentication;
            let message = format!(
                "the OAuth server refused the client credentials (HTTP {}); check the client id, secret and scope",
                error.status().unwrap_or_default()
            );
            Error::new(kind, message)
        }
        _ => error,
    }
}
