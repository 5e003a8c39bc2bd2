//! The hooks an app implements in Kotlin or Swift — the 2FA provider (prompt the user), the
//! token store (Keychain / Keystore) and the log sink (the host's logger) — adapted to the
//! core's traits. The session and logging logic stay in the core.

use std::fmt;
use std::sync::Arc;

use insurup::logging::LogRecord;
use insurup::{Error, TokenSet, TwoFactorChallenge};

use crate::error::Result;

/// Supplies 2FA codes when an agent user's login asks for one: prompt the user, read an
/// authenticator, or fetch the code from your backend. Called at most once per login; whatever
/// it throws abandons the login with an `Authentication` error carrying its message.
#[uniffi::export(foreign)]
#[async_trait::async_trait]
pub trait TwoFactorProvider: Send + Sync {
    /// The code for `challenge`. Throw to abandon the login.
    async fn code(&self, challenge: TwoFactorChallenge) -> Result<String>;
}

/// What a callback threw, as the core names it: a token store's failure is a `TokenStore` error,
/// any other an `Authentication` error (they serve the login).
fn failed(callback: &str) -> impl Fn(crate::error::InsurUpError) -> Error + '_ {
    move |error| Error::callback_failed(callback, error.report().message)
}

/// `provider` as the core's two-factor hook.
pub(crate) fn foreign_two_factor(
    provider: Arc<dyn TwoFactorProvider>,
) -> Arc<dyn insurup::TwoFactorProvider> {
    Arc::new(move |challenge: TwoFactorChallenge| {
        let provider = provider.clone();
        async move { provider.code(challenge).await.map_err(failed("two_factor.code")) }
    })
}

/// Keeps the session's tokens, e.g. in the iOS Keychain or the Android Keystore. The session
/// saves every new token set (a rotated refresh token included) before it uses it, so a
/// restarted app continues without a new login or 2FA code. Whatever a store throws is a
/// `TokenStore` error. `RedisTokenStore` is one the SDK implements.
#[uniffi::export(rust, foreign)]
#[async_trait::async_trait]
pub trait TokenStore: Send + Sync + std::any::Any {
    /// The stored tokens, if any.
    async fn load(&self) -> Result<Option<TokenSet>>;
    /// Replaces the stored tokens.
    async fn save(&self, tokens: TokenSet) -> Result<()>;
    /// Forgets the stored tokens (sign-out).
    async fn clear(&self) -> Result<()>;
}

pub(crate) struct ForeignTokenStore(pub Arc<dyn TokenStore>);

impl fmt::Debug for ForeignTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ForeignTokenStore")
    }
}

#[async_trait::async_trait]
impl insurup::TokenStore for ForeignTokenStore {
    async fn load(&self) -> insurup::Result<Option<TokenSet>> {
        self.0.load().await.map_err(failed("token_store.load"))
    }

    async fn save(&self, tokens: &TokenSet) -> insurup::Result<()> {
        self.0.save(tokens.clone()).await.map_err(failed("token_store.save"))
    }

    async fn clear(&self) -> insurup::Result<()> {
        self.0.clear().await.map_err(failed("token_store.clear"))
    }
}

/// The whole token set as JSON, tokens in clear: for the Keychain or Keystore only.
#[uniffi::export]
pub fn token_set_to_json(tokens: TokenSet) -> String {
    tokens.to_json()
}

/// Reads a token set written by `token_set_to_json`.
#[uniffi::export]
pub fn token_set_from_json(json: String) -> Result<TokenSet> {
    Ok(TokenSet::from_json(&json)?)
}

/// Receives the SDK's diagnostics (retries, token renewals, dialect discovery), e.g. to hand
/// them to SLF4J, Logcat or `os.Logger`. Events carry no secret. Called from the SDK's own
/// threads; what a sink throws is ignored.
#[uniffi::export(foreign)]
pub trait LogSink: Send + Sync {
    /// Whether events at `level` (`error`, `warn`, `info`, `debug` or `trace`) would be kept;
    /// asked before an event is formatted.
    fn enabled(&self, level: String) -> Result<bool>;
    /// Hands over one event.
    fn log(&self, record: LogRecord) -> Result<()>;
}

struct ForeignLogSink(Arc<dyn LogSink>);

impl insurup::logging::LogSink for ForeignLogSink {
    fn enabled(&self, level: &str) -> bool {
        self.0.enabled(level.to_owned()).unwrap_or(false)
    }

    fn log(&self, record: LogRecord) {
        // A logger that fails loses this event; the call that logged it goes on.
        let _ = self.0.log(record);
    }
}

/// Sends every SDK event to `sink` from now on. The first sink installed in a process wins;
/// returns false when one was installed already.
#[uniffi::export]
pub fn forward_logs(sink: Arc<dyn LogSink>) -> bool {
    insurup::logging::forward_logs(Arc::new(ForeignLogSink(sink)))
}
