//! Credentials, and the two hooks a mobile app implements: the 2FA provider (prompt the user)
//! and the token store (Keychain / Keystore). Both are adapted to the core's traits; the session
//! logic stays in the core.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use insurup::Secret;

use crate::error::Result;

/// How the client proves who it is. Printing it never shows the password, secret or token.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct Credentials(pub(crate) insurup::Credentials);

#[uniffi::export]
impl Credentials {
    /// An agent user's e-mail and password (B2B guide §2.1), with 2FA when the account has it.
    #[uniffi::constructor]
    pub fn agent_user(email: String, password: String) -> Arc<Self> {
        Arc::new(Credentials(insurup::Credentials::AgentUser {
            email,
            password: Secret::new(password),
        }))
    }

    /// An OAuth service-account client (`client_credentials` grant, scope `core-api`).
    #[uniffi::constructor]
    pub fn client_credentials(client_id: String, client_secret: String) -> Arc<Self> {
        Arc::new(Credentials(insurup::Credentials::ClientCredentials {
            client_id,
            client_secret: Secret::new(client_secret),
            scope: insurup::DEFAULT_SCOPE.to_owned(),
        }))
    }

    /// A ready access token; it is never refreshed.
    #[uniffi::constructor]
    pub fn access_token(token: String) -> Arc<Self> {
        Arc::new(Credentials(insurup::Credentials::AccessToken(Secret::new(
            token,
        ))))
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The core's Debug output redacts every secret.
        write!(f, "{:?}", self.0)
    }
}

/// What the server asked for: the code sent to the user's device.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TwoFactorChallenge {
    /// The user id from the login answer.
    pub user_id: String,
    /// The e-mail address that logged in.
    pub email: String,
}

/// Supplies 2FA codes when an agent user's login asks for one: prompt the user, read an
/// authenticator, or fetch the code from your backend. Called at most once per login.
#[uniffi::export(foreign)]
#[async_trait::async_trait]
pub trait TwoFactorProvider: Send + Sync {
    /// The code for `challenge`. Throw to abandon the login.
    async fn code(&self, challenge: TwoFactorChallenge) -> Result<String>;
}

pub(crate) struct ForeignTwoFactor(pub Arc<dyn TwoFactorProvider>);

impl insurup::TwoFactorProvider for ForeignTwoFactor {
    fn code(
        &self,
        challenge: insurup::TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = insurup::Result<String>> + Send + '_>> {
        let challenge = TwoFactorChallenge {
            user_id: challenge.user_id,
            email: challenge.email,
        };
        Box::pin(async move { self.0.code(challenge).await.map_err(Into::into) })
    }
}

/// An access token, the refresh token that renews it, and when it was issued. Printing it never
/// shows the tokens; `to_json()` does, for the secure storage they belong in.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct TokenSet(insurup::TokenSet);

#[uniffi::export]
impl TokenSet {
    /// Rebuilds a token set from its parts (as `to_json()` wrote them).
    #[uniffi::constructor]
    pub fn new(
        access_token: String,
        refresh_token: Option<String>,
        issued_at_ms: i64,
        expires_in_secs: u64,
        subject: String,
    ) -> Arc<Self> {
        Arc::new(TokenSet(insurup::TokenSet {
            access_token: Secret::new(access_token),
            refresh_token: refresh_token.map(Secret::new),
            issued_at_ms,
            expires_in_secs,
            subject,
        }))
    }

    /// Reads a token set written by `to_json()`.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        serde_json::from_str(&json)
            .map(|tokens| Arc::new(TokenSet(tokens)))
            .map_err(|error| {
                insurup::Error::validation("json", format!("is not a stored token set: {error}"))
                    .into()
            })
    }

    /// The whole set as JSON, tokens in clear: keep it in the Keychain or Keystore only.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string(&self.0).map_err(|error| {
            insurup::Error::validation("tokens", format!("could not be encoded: {error}")).into()
        })
    }

    /// The bearer token, in clear.
    pub fn access_token(&self) -> String {
        self.0.access_token.expose().to_owned()
    }

    /// The refresh token (agent users only), in clear; it rotates on every refresh.
    pub fn refresh_token(&self) -> Option<String> {
        self.0
            .refresh_token
            .as_ref()
            .map(|token| token.expose().to_owned())
    }

    /// When the SDK received the token, in milliseconds since the Unix epoch.
    pub fn issued_at_ms(&self) -> i64 {
        self.0.issued_at_ms
    }

    /// Lifetime the server announced, in seconds.
    pub fn expires_in_secs(&self) -> u64 {
        self.0.expires_in_secs
    }

    /// When the access token expires, in milliseconds since the Unix epoch.
    pub fn expires_at_ms(&self) -> i64 {
        self.0.expires_at_ms()
    }

    /// Who the tokens belong to (`agent-user:ops@acente.com.tr`, …); stored tokens of another
    /// subject are ignored.
    pub fn subject(&self) -> String {
        self.0.subject.clone()
    }
}

impl fmt::Display for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The core's Debug output redacts both tokens.
        write!(f, "{:?}", self.0)
    }
}

/// Keeps the session's tokens, e.g. in the iOS Keychain or the Android Keystore. The session
/// saves every new token set (a rotated refresh token included) before it uses it, so a
/// restarted app continues without a new login or 2FA code.
#[uniffi::export(foreign)]
#[async_trait::async_trait]
pub trait TokenStore: Send + Sync {
    /// The stored tokens, if any.
    async fn load(&self) -> Result<Option<Arc<TokenSet>>>;
    /// Replaces the stored tokens.
    async fn save(&self, tokens: Arc<TokenSet>) -> Result<()>;
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
    async fn load(&self) -> insurup::Result<Option<insurup::TokenSet>> {
        let stored = self.0.load().await.map_err(insurup::Error::from)?;
        Ok(stored.map(|tokens| tokens.0.clone()))
    }

    async fn save(&self, tokens: &insurup::TokenSet) -> insurup::Result<()> {
        let tokens = Arc::new(TokenSet(tokens.clone()));
        self.0.save(tokens).await.map_err(Into::into)
    }

    async fn clear(&self) -> insurup::Result<()> {
        self.0.clear().await.map_err(Into::into)
    }
}
