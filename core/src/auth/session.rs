//! Keeps a valid access token: lazy login, proactive refresh, single flight, rotation.
//!
//! One mutex guards the token state and the renewal in flight. A renewal runs as its own task,
//! so callers that give up (a dropped future, a cancelled coroutine) cannot abandon a refresh
//! whose rotated token the server has already issued; every waiter shares its result. If that
//! task panics or its runtime shuts down, a guard clears it, so the next call starts a fresh
//! renewal instead of inheriting the failure forever.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::FutureExt;
use futures::future::{BoxFuture, Shared};
use serde::Deserialize;

use super::oauth::{self, OAuthUser, PendingSignIn, SignInFlow};
use super::shared::{self, Holding, SharedRenewal};
use super::tokens::now_ms;
use super::{Credentials, TokenSet, TokenStore, TwoFactorChallenge, TwoFactorProvider};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::transport::{HttpCore, Request, TokenSource};

/// The fraction of a token's lifetime after which it is renewed at the latest (B2B guide §2.4).
pub(crate) const REFRESH_AT: f64 = 0.8;

/// The earliest a session on its own renews. Each takes its point in
/// `EARLIEST_REFRESH_AT..=REFRESH_AT` so that a thousand sessions started in the same second (a
/// CRM serving many agencies, after a restart) do not renew in the same second: with 300 s
/// tokens the window is 90 s, about 11 of 1,000 in any one second, so that sign-ins spread over
/// a second or two still leave every second under 2 %. A session sharing its tokens with other
/// workers keeps the guide's point: one worker renews for all, and all must agree when.
const EARLIEST_REFRESH_AT: f64 = 0.5;

/// This session's renewal point: a fraction of the token's lifetime.
fn renewal_point(store: &dyn TokenStore) -> f64 {
    if store.shared().is_some() {
        return REFRESH_AT;
    }
    // Successive sessions walk a golden-ratio (Weyl) sequence, each point landing in the largest
    // gap the earlier ones left, which spreads them evenly where random points would bunch. The
    // start is random, so processes started together do not walk in step.
    static NEXT: std::sync::LazyLock<std::sync::atomic::AtomicU64> =
        std::sync::LazyLock::new(|| std::sync::atomic::AtomicU64::new(rand::random()));
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let spread = (n.wrapping_mul(GOLDEN) >> 11) as f64 / (1u64 << 53) as f64;
    EARLIEST_REFRESH_AT + (REFRESH_AT - EARLIEST_REFRESH_AT) * spread
}

/// Lifetime assumed for a static access token whose expiry is unknown.
const STATIC_TOKEN_LIFETIME_SECS: u64 = 100 * 365 * 24 * 3600;

/// Pauses between attempts to save tokens the store refused.
const SAVE_RETRY_PAUSES: [Duration; 2] = [Duration::from_millis(100), Duration::from_millis(400)];

/// Minimum time between background attempts to save tokens the store refused earlier.
const RESAVE_INTERVAL_MS: i64 = 10_000;

/// Pauses before re-reading the store after a refused refresh: another client sharing the store
/// may have won the race with the same refresh token and be about to save its result.
const RACE_REREAD_PAUSES: [Duration; 3] = [
    Duration::ZERO,
    Duration::from_millis(100),
    Duration::from_millis(250),
];

/// How a renewal ended: with its outcome, or cut off with its runtime (its task was cancelled
/// before it could finish; nothing is wrong with the session, so the caller starts another).
#[derive(Clone)]
enum Ended {
    Finished(Result<Arc<TokenSet>>),
    CutOff,
}

type Renewal = Shared<BoxFuture<'static, Ended>>;

#[derive(Clone)]
pub(crate) struct Session {
    inner: Arc<Inner>,
}

struct Inner {
    http: Arc<HttpCore>,
    credentials: Credentials,
    two_factor: Option<Arc<dyn TwoFactorProvider>>,
    two_factor_timeout: Duration,
    store: Arc<dyn TokenStore>,
    subject: String,
    /// The fraction of a token's lifetime after which this session renews it.
    refresh_at: f64,
    /// A user's OAuth sign-in, with `Credentials::AuthorizationCode`.
    oauth: Option<OAuthUser>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    tokens: Option<Arc<TokenSet>>,
    /// The shared record's version of `tokens` (0 without a shared store).
    version: u64,
    /// The server refused `tokens`' access token: it is never sent again.
    rejected: bool,
    /// The renewal in flight and its number.
    renewal: Option<(u64, Renewal)>,
    renewals_started: u64,
    /// `tokens` are not in the store: saving them failed.
    unsaved: bool,
    /// When a background save of unsaved tokens last started.
    last_resave_ms: i64,
    /// A failure of a background renewal that no caller has seen yet; the next call reports it.
    unreported: Option<Error>,
}

/// What a renewal starts from.
struct Known {
    tokens: Option<Arc<TokenSet>>,
    version: u64,
    /// The access token the server refused, if it did.
    refused: Option<Secret>,
}

impl Known {
    fn refused(&self, tokens: &TokenSet) -> bool {
        self.refused.as_ref() == Some(&tokens.access_token)
    }
}

/// New tokens and whether the store kept them.
struct Renewed {
    tokens: Arc<TokenSet>,
    saved: Result<()>,
    /// The shared record's version of `tokens`, when a shared store renewed them.
    version: Option<u64>,
}

impl Renewed {
    /// Tokens that came from the store: nothing to save.
    fn adopted(tokens: Arc<TokenSet>) -> Self {
        Renewed {
            tokens,
            saved: Ok(()),
            version: None,
        }
    }
}

impl From<SharedRenewal> for Renewed {
    fn from(renewal: SharedRenewal) -> Self {
        Renewed {
            tokens: renewal.tokens,
            saved: renewal.saved,
            version: Some(renewal.version),
        }
    }
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
        two_factor_timeout: Duration,
        store: Arc<dyn TokenStore>,
    ) -> Self {
        let subject = format!(
            "{}@{}",
            credentials.subject(),
            http.settings().api_base.as_str().trim_end_matches('/')
        );
        let oauth = OAuthUser::new(&credentials);
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
                two_factor_timeout,
                refresh_at: renewal_point(store.as_ref()),
                oauth,
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
    /// renewal starts in the background; an expired, missing or refused one waits for the
    /// renewal.
    pub async fn access_token(&self) -> Result<Secret> {
        let mut cut_off = 0;
        loop {
            match self.next_token().await? {
                TokenNow::Ready(token) => return Ok(token),
                TokenNow::After(renewal) => match renewal.await {
                    Ended::Finished(outcome) => return Ok(outcome?.access_token.clone()),
                    // The guard freed the slot before the task's end was reported.
                    Ended::CutOff if cut_off == 0 => cut_off += 1,
                    Ended::CutOff => return Err(cut_off_error()),
                },
            }
        }
    }

    /// The token to send now, or the renewal to wait for.
    async fn next_token(&self) -> Result<TokenNow> {
        Ok(TokenNow::After({
            let mut state = self.inner.lock();
            if let Some(error) = state.unreported.take() {
                return Err(error);
            }
            let now = now_ms();
            if state.unsaved {
                self.inner.resave_in_background(&mut state, now);
            }
            match state.tokens.clone() {
                Some(tokens) if !state.rejected && tokens.is_fresh(now, self.inner.refresh_at) => {
                    return Ok(TokenNow::Ready(tokens.access_token.clone()));
                }
                Some(tokens) if !state.rejected && tokens.is_usable(now) => {
                    if self.can_renew() {
                        // Runs as its own task; callers keep the current token meanwhile.
                        let _background = self.inner.renewal(&mut state, true);
                    }
                    return Ok(TokenNow::Ready(tokens.access_token.clone()));
                }
                _ if !self.can_renew() => {
                    return Err(Error::new(
                        ErrorKind::Authentication,
                        "the access token was refused or expired and cannot be renewed; supply a new one",
                    ));
                }
                _ => self.inner.renewal(&mut state, false),
            }
        }))
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
            self.inner.renewal(&mut state, false)
        };
        match renewal.await {
            Ended::Finished(outcome) => outcome.map(|_| ()),
            // A later call starts a fresh renewal.
            Ended::CutOff => Err(cut_off_error()),
        }
    }

    /// Logs in (or loads stored tokens) now instead of on the first call.
    pub async fn sign_in(&self) -> Result<()> {
        self.access_token().await.map(|_| ())
    }

    /// Forgets the tokens here and in the store. A user signed in through OAuth is signed out at
    /// the server too: its refresh and access tokens are revoked first. The tokens are forgotten
    /// even when the revocation fails, and that failure is returned.
    pub async fn sign_out(&self) -> Result<()> {
        let held = {
            let mut state = self.inner.lock();
            let held = state.tokens.take();
            state.version = 0;
            state.rejected = false;
            state.unsaved = false;
            state.unreported = None;
            held
        };
        let revoked = match &self.inner.oauth {
            Some(user) => {
                let stored = self
                    .inner
                    .stored_tokens()
                    .await
                    .ok()
                    .flatten()
                    .map(Arc::new);
                match newest(held, stored) {
                    Some(tokens) => self.inner.revoke(user, &tokens).await,
                    None => Ok(()),
                }
            }
            None => Ok(()),
        };
        self.inner.store.clear().await?;
        revoked
    }

    fn oauth_user(&self) -> Result<&OAuthUser> {
        self.inner.oauth.as_ref().ok_or_else(|| {
            Error::validation(
                "credentials",
                "signing a user in needs OAuth sign-in credentials (oauth_user(client_id, redirect_uri))",
            )
        })
    }

    /// Starts a user's OAuth sign-in (see [`crate::Client::start_sign_in`]).
    pub async fn start_sign_in(&self) -> Result<PendingSignIn> {
        self.oauth_user()?.start(&self.inner.http).await
    }

    /// Completes a user's OAuth sign-in from its callback, then keeps the tokens (in the store
    /// before anyone uses them).
    pub async fn complete_sign_in(
        &self,
        callback: &str,
        pending: Option<&PendingSignIn>,
    ) -> Result<()> {
        let user = self.oauth_user()?;
        let tokens = user
            .complete(&self.inner.http, callback, pending, &self.inner.subject)
            .await?;
        let renewed = self.inner.keep(tokens).await;
        let mut state = self.inner.lock();
        state.tokens = Some(Arc::clone(&renewed.tokens));
        state.version = 0;
        state.rejected = false;
        state.unreported = None;
        state.unsaved = renewed.saved.is_err();
        renewed.saved.map_err(|error| Error::token_store(&error))
    }
}

#[async_trait::async_trait]
impl TokenSource for Session {
    async fn access_token(&self) -> Result<Secret> {
        Session::access_token(self).await
    }

    fn can_renew(&self) -> bool {
        Session::can_renew(self)
    }

    async fn renew_after_rejection(&self, used: &Secret) -> Result<()> {
        Session::renew_after_rejection(self, used).await
    }
}

/// What a caller does next: send a token, or wait for a renewal.
enum TokenNow {
    Ready(Secret),
    After(Renewal),
}

fn cut_off_error() -> Error {
    Error::new(
        ErrorKind::Authentication,
        "token renewal was cut off with the runtime it ran on; try again",
    )
}

/// Clears the session's renewal slot when the renewal task ends in any way, a panic or the
/// runtime shutting down included, so the next call can start a fresh one.
struct RenewalSlotGuard {
    inner: Arc<Inner>,
    number: u64,
}

impl Drop for RenewalSlotGuard {
    fn drop(&mut self) {
        let mut state = self.inner.lock();
        if state
            .renewal
            .as_ref()
            .is_some_and(|(number, _)| *number == self.number)
        {
            state.renewal = None;
        }
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

    /// The renewal in flight, or a new one. Called with the state locked. A `background`
    /// renewal has no waiter: its failure is kept for the next call to report.
    fn renewal(self: &Arc<Self>, state: &mut State, background: bool) -> Renewal {
        if let Some((_, renewal)) = &state.renewal {
            return renewal.clone();
        }
        state.renewals_started += 1;
        let number = state.renewals_started;
        let known = Known {
            tokens: state.tokens.clone(),
            version: state.version,
            refused: state
                .tokens
                .as_ref()
                .filter(|_| state.rejected)
                .map(|tokens| tokens.access_token.clone()),
        };
        let inner = Arc::clone(self);
        let task = tokio::spawn(async move {
            let _slot = RenewalSlotGuard {
                inner: Arc::clone(&inner),
                number,
            };
            let outcome = inner.renew(known).await;
            inner.finish(number, outcome, background)
        });
        let renewal = async move {
            match task.await {
                Ok(outcome) => Ended::Finished(outcome),
                Err(stopped) if stopped.is_cancelled() => Ended::CutOff,
                Err(stopped) => Ended::Finished(Err(Error::new(
                    ErrorKind::Authentication,
                    format!("token renewal failed unexpectedly ({stopped}); try again"),
                ))),
            }
        }
        .boxed()
        .shared();
        state.renewal = Some((number, renewal.clone()));
        renewal
    }

    /// Records a renewal's outcome and hands its waiters their result.
    fn finish(
        &self,
        number: u64,
        outcome: Result<Renewed>,
        background: bool,
    ) -> Result<Arc<TokenSet>> {
        let mut state = self.lock();
        if state
            .renewal
            .as_ref()
            .is_some_and(|(current, _)| *current == number)
        {
            state.renewal = None;
        }
        let result = match outcome {
            Ok(Renewed {
                tokens,
                saved,
                version,
            }) => {
                let still_refused = state.rejected
                    && state
                        .tokens
                        .as_ref()
                        .is_some_and(|old| old.access_token == tokens.access_token);
                state.rejected = still_refused;
                state.tokens = Some(Arc::clone(&tokens));
                if let Some(version) = version {
                    state.version = version;
                }
                state.unsaved = saved.is_err();
                match saved {
                    Ok(()) => Ok(tokens),
                    Err(error) => {
                        tracing::error!(
                            "could not save renewed tokens to the token store: {error}"
                        );
                        Err(Error::token_store(&error))
                    }
                }
            }
            Err(error) => {
                tracing::warn!(kind = %error.kind(), "token renewal failed: {error}");
                Err(error)
            }
        };
        if background && let Err(error) = &result {
            state.unreported = Some(error.clone());
        }
        result
    }

    /// Tries again, at most every few seconds, to save tokens the store refused earlier.
    fn resave_in_background(self: &Arc<Self>, state: &mut State, now: i64) {
        if now.saturating_sub(state.last_resave_ms) < RESAVE_INTERVAL_MS {
            return;
        }
        let Some(tokens) = state.tokens.clone() else {
            return;
        };
        state.last_resave_ms = now;
        let inner = Arc::clone(self);
        tokio::spawn(async move {
            let saved = inner.store.save(&tokens).await;
            let mut state = inner.lock();
            let still_newest = state
                .tokens
                .as_ref()
                .is_some_and(|current| Arc::ptr_eq(current, &tokens));
            match saved {
                Ok(()) if still_newest => state.unsaved = false,
                Ok(()) => {}
                Err(error) => {
                    tracing::error!("the token store still refuses the session's tokens: {error}");
                }
            }
        });
    }

    async fn renew(&self, known: Known) -> Result<Renewed> {
        if let Some(store) = self.store.shared()
            && self.can_sign_in()
        {
            let holding = Holding {
                tokens: known.tokens,
                version: known.version,
                refused: known.refused,
            };
            return shared::renew(self, store, holding).await.map(Renewed::from);
        }
        match &self.credentials {
            Credentials::AccessToken(_) => Err(Error::new(
                ErrorKind::Authentication,
                "a static access token cannot be renewed",
            )),
            Credentials::ClientCredentials { .. } => {
                let tokens = self.grant_client_credentials().await?;
                Ok(self.keep(tokens).await)
            }
            // Both keep a refresh token; only the agent user can log in again by itself.
            Credentials::AgentUser { .. } | Credentials::AuthorizationCode { .. } => {
                self.renew_agent_user(known).await
            }
        }
    }

    async fn renew_agent_user(&self, known: Known) -> Result<Renewed> {
        // Another client or process sharing the store may have renewed since we last looked:
        // adopt its tokens rather than refreshing with a refresh token it already rotated.
        let stored = match self.stored_tokens().await {
            Ok(stored) => stored,
            Err(error) if known.tokens.is_none() => return Err(error),
            Err(error) => {
                tracing::warn!("could not read the token store: {error}");
                None
            }
        };
        let newest = newest(known.tokens.clone(), stored.map(Arc::new));
        let Some(newest) = newest else {
            return self.login(false).await;
        };
        if !known.refused(&newest) && newest.is_fresh(now_ms(), self.refresh_at) {
            tracing::debug!("using stored tokens");
            return Ok(Renewed::adopted(newest));
        }
        let Some(refresh_token) = newest.refresh_token.clone() else {
            return self.login(false).await;
        };
        match self.refresh(&refresh_token, &newest).await {
            Ok(tokens) => Ok(self.keep(tokens).await),
            Err(error) if refresh_refused(&error) || refresh_ambiguous(&error) => {
                if let Some(adopted) = self.newer_in_store(&newest).await {
                    tracing::debug!("another client renewed the session first; using its tokens");
                    return Ok(Renewed::adopted(adopted));
                }
                if self.oauth.is_some() {
                    self.forget_ended_sign_in(&newest).await;
                }
                tracing::info!(kind = %error.kind(), "refresh refused or lost; logging in again");
                self.login(true).await
            }
            // 429, no connection, 5xx: nothing is known to have changed; keep the tokens and
            // let a later call try again rather than prompting for a 2FA code after a blip.
            Err(error) => Err(error),
        }
    }

    /// The store's tokens for this session, if any.
    async fn stored_tokens(&self) -> Result<Option<TokenSet>> {
        let stored = self.store.load().await.map_err(|error| {
            if error.kind() == ErrorKind::TokenStore {
                error
            } else {
                Error::new(
                    ErrorKind::TokenStore,
                    format!("could not read the token store: {error}"),
                )
            }
        })?;
        Ok(stored.filter(|tokens| tokens.subject == self.subject))
    }

    /// Tokens another client saved after `used`, looked for a few times over a short while.
    async fn newer_in_store(&self, used: &TokenSet) -> Option<Arc<TokenSet>> {
        for pause in RACE_REREAD_PAUSES {
            tokio::time::sleep(pause).await;
            if let Ok(Some(stored)) = self.stored_tokens().await
                && stored.access_token != used.access_token
                && stored.issued_at_ms >= used.issued_at_ms
                && stored.is_usable(now_ms())
            {
                return Some(Arc::new(stored));
            }
        }
        None
    }

    /// Saves before anyone uses the tokens: a refresh token the server rotated is never lost.
    /// A store that keeps refusing is reported; the session holds the tokens meanwhile.
    async fn keep(&self, tokens: TokenSet) -> Renewed {
        let mut saved = self.store.save(&tokens).await;
        for pause in SAVE_RETRY_PAUSES {
            if saved.is_ok() {
                break;
            }
            tokio::time::sleep(pause).await;
            saved = self.store.save(&tokens).await;
        }
        Renewed {
            tokens: Arc::new(tokens),
            saved,
            version: None,
        }
    }

    async fn refresh(&self, refresh_token: &Secret, previous: &TokenSet) -> Result<TokenSet> {
        if let Some(user) = &self.oauth {
            return user.refresh(&self.http, refresh_token, previous).await;
        }
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
        .refused_if_repeated()
        .with_sensitive_answer()
        .json(&Body { refresh_token })?;
        let answer: AgentUserTokens = self.http.execute(&request, None).await?.json()?;
        let mut tokens = self.tokens_from(answer)?;
        if tokens.refresh_token.is_none() {
            // A server that does not rotate leaves the refresh token out: keep the one we have.
            tokens.refresh_token = previous.refresh_token.clone();
        }
        Ok(tokens)
    }

    async fn login(&self, after_refused_refresh: bool) -> Result<Renewed> {
        let tokens = self.login_tokens(after_refused_refresh).await?;
        Ok(self.keep(tokens).await)
    }

    /// Logs in (with 2FA when asked) and returns the tokens without saving them.
    async fn login_tokens(&self, after_refused_refresh: bool) -> Result<TokenSet> {
        if self.oauth.is_some() {
            // Only the user, in a browser, can sign in again: no request is sent.
            return Err(oauth::sign_in_needed(if after_refused_refresh {
                "the user's sign-in has ended (the server refused its refresh token)"
            } else {
                "no user is signed in"
            }));
        }
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
            return self.tokens_from(answer);
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
        let challenge = TwoFactorChallenge {
            user_id: user_id.clone(),
            email: email.clone(),
        };
        let code = tokio::time::timeout(self.two_factor_timeout, provider.code(challenge))
            .await
            .map_err(|_| {
                Error::new(
                    ErrorKind::TwoFactorRequired,
                    format!(
                        "the two-factor provider gave no code within {:?}; log in again",
                        self.two_factor_timeout
                    ),
                )
            })??;
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
        self.tokens_from(answer)
    }

    async fn grant_client_credentials(&self) -> Result<TokenSet> {
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
        Ok(TokenSet::new(
            answer.access_token,
            None,
            answer.expires_in.unwrap_or(3600),
            self.subject.clone(),
        ))
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
                .with_reached_server(true)
            })?;
        Ok(TokenSet::new(
            access_token,
            answer.refresh_token.filter(|token| !token.is_blank()),
            answer.expires_in.unwrap_or(600),
            self.subject.clone(),
        ))
    }
}

impl Inner {
    /// A user's sign-in whose refresh token the server refused is over: its tokens are forgotten
    /// here and in the store, so later calls fail at once instead of sending the dead token again.
    async fn forget_ended_sign_in(&self, ended: &TokenSet) {
        {
            let mut state = self.lock();
            if state
                .tokens
                .as_ref()
                .is_some_and(|tokens| tokens.access_token == ended.access_token)
            {
                state.tokens = None;
                state.rejected = false;
            }
        }
        if let Ok(Some(stored)) = self.stored_tokens().await
            && stored.access_token == ended.access_token
            && let Err(error) = self.store.clear().await
        {
            tracing::warn!("could not clear the ended sign-in from the token store: {error}");
        }
    }

    /// Revokes a signed-in user's refresh token, then its access token; the first failure is
    /// returned after both were tried.
    async fn revoke(&self, user: &OAuthUser, tokens: &TokenSet) -> Result<()> {
        let refresh = match &tokens.refresh_token {
            Some(token) => user.revoke(&self.http, token, "refresh_token").await,
            None => Ok(()),
        };
        let access = user
            .revoke(&self.http, &tokens.access_token, "access_token")
            .await;
        refresh.and(access)
    }

    /// Agent users and service accounts renew; a static token cannot.
    fn can_sign_in(&self) -> bool {
        !matches!(self.credentials, Credentials::AccessToken(_))
    }
}

/// The session's side of a renewal through a shared store's lease.
impl shared::Renewer for Inner {
    fn subject(&self) -> &str {
        &self.subject
    }

    fn refreshes(&self) -> bool {
        matches!(
            self.credentials,
            Credentials::AgentUser { .. } | Credentials::AuthorizationCode { .. }
        )
    }

    async fn refresh(&self, base: &TokenSet) -> Result<TokenSet> {
        let Some(refresh_token) = &base.refresh_token else {
            return Err(Error::new(
                ErrorKind::Authentication,
                "the shared session has no refresh token",
            ));
        };
        Inner::refresh(self, refresh_token, base).await
    }

    async fn sign_in(&self, after_refused_refresh: bool) -> Result<TokenSet> {
        match &self.credentials {
            Credentials::ClientCredentials { .. } => self.grant_client_credentials().await,
            _ => self.login_tokens(after_refused_refresh).await,
        }
    }

    fn refresh_failed_for_good(&self, error: &Error) -> bool {
        refresh_refused(error) || refresh_ambiguous(error)
    }
}

/// The later of two token sets (the first on a tie).
fn newest(ours: Option<Arc<TokenSet>>, stored: Option<Arc<TokenSet>>) -> Option<Arc<TokenSet>> {
    match (ours, stored) {
        (Some(ours), Some(stored)) if stored.issued_at_ms > ours.issued_at_ms => Some(stored),
        (Some(ours), _) => Some(ours),
        (None, stored) => stored,
    }
}

/// The server refused the refresh token (expired, revoked, or already rotated).
fn refresh_refused(error: &Error) -> bool {
    matches!(error.status(), Some(400 | 401 | 403))
}

/// The refresh may have taken effect but its answer was lost or unreadable: the old refresh
/// token may be dead.
fn refresh_ambiguous(error: &Error) -> bool {
    error.status().is_none() && error.may_have_reached_server() || error.kind() == ErrorKind::Decode
}

/// OAuth errors are `{error, error_description}`, not problem details: keep them readable.
fn oauth_error(error: Error) -> Error {
    match error.status() {
        Some(400 | 401) => {
            let status = error.status().unwrap_or_default();
            let said = error
                .detail()
                .map(|detail| format!(": {detail}"))
                .unwrap_or_default();
            let message = format!(
                "the OAuth server refused the client credentials (HTTP {status}{said}); check the \
                 client id, secret and scope"
            );
            error.with_message(message)
        }
        _ => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(access: &str, issued_at_ms: i64) -> Arc<TokenSet> {
        let mut set = TokenSet::new(Secret::new(access), None, 600, "s".into());
        set.issued_at_ms = issued_at_ms;
        Arc::new(set)
    }

    #[test]
    fn a_thousand_sessions_started_together_spread_their_renewals() {
        // Tokens of five minutes, ten minutes and an hour issued in the same second: at most
        // 1.5 % of a thousand sessions renew in any one second (the goal is 2 %, which leaves room
        // for sign-ins spread over a second or two), and none later than the guide's 80 %.
        let store = crate::MemoryTokenStore::new();
        for lifetime in [300.0, 600.0, 3600.0] {
            let mut per_second = std::collections::HashMap::<u64, u32>::new();
            for _ in 0..1000 {
                let point = renewal_point(&store);
                assert!(
                    (EARLIEST_REFRESH_AT..=REFRESH_AT).contains(&point),
                    "{point}"
                );
                *per_second.entry((point * lifetime) as u64).or_default() += 1;
            }
            let busiest = per_second.values().max().copied().unwrap_or(0);
            assert!(
                busiest <= 15,
                "{busiest} of 1000 sessions with {lifetime} s tokens renew in the same second"
            );
        }
    }

    #[test]
    fn the_newest_token_set_wins_and_ours_breaks_ties() {
        let ours = tokens("a", 10);
        let older = tokens("b", 5);
        let newer = tokens("c", 20);
        let pick = |x: &Arc<TokenSet>, y: &Arc<TokenSet>| {
            newest(Some(Arc::clone(x)), Some(Arc::clone(y)))
                .map(|t| t.access_token.expose().to_owned())
        };
        assert_eq!(pick(&ours, &older).as_deref(), Some("a"));
        assert_eq!(pick(&ours, &newer).as_deref(), Some("c"));
        assert_eq!(pick(&ours, &tokens("d", 10)).as_deref(), Some("a"));
        assert!(newest(None, None).is_none());
    }

    #[test]
    fn only_a_refusal_or_a_lost_answer_sends_the_session_back_to_login() {
        for status in [400, 401, 403] {
            assert!(refresh_refused(&Error::from_response(
                status, None, None, None
            )));
        }
        for status in [429, 500, 502, 503] {
            let error = Error::from_response(status, None, None, None);
            assert!(
                !refresh_refused(&error) && !refresh_ambiguous(&error),
                "{status}"
            );
        }
        let lost = Error::timeout("lost").with_reached_server(true);
        assert!(refresh_ambiguous(&lost));
        let never_sent = Error::timeout("no connection");
        assert!(!refresh_ambiguous(&never_sent));
    }
}
