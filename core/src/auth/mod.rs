//! Authentication: credentials, tokens, the 2FA hook, token stores and the session that keeps a
//! valid access token at hand.
//!
//! The session follows the B2B guide (§2.4): it logs in lazily, refreshes at 80 % of the token's
//! lifetime with at most one refresh in flight, stores every rotated refresh token before using
//! it, and logs in again when the refresh token is refused.

mod oauth;
mod session;
mod shared;
mod store;
mod tokens;
mod two_factor;

pub use oauth::{DEFAULT_SIGN_IN_SCOPES, PendingSignIn, SignInRequest};
pub(crate) use session::Session;
pub use shared::{
    CommitOutcome, RenewalLease, RenewalStart, SharedSession, SharedSessionState, SharedTokenStore,
};
pub use store::{FileTokenStore, MemoryTokenStore, TokenStore};
pub use tokens::TokenSet;
pub use two_factor::{TwoFactorChallenge, TwoFactorProvider, fixed_code};

use crate::secret::Secret;

/// How the client proves who it is.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// An agent user's e-mail and password (B2B guide §2.1), with 2FA when the account has it.
    AgentUser {
        /// E-mail address.
        email: String,
        /// Password.
        password: Secret,
    },
    /// An OAuth service-account client (`client_credentials` grant, scope `core-api`).
    ClientCredentials {
        /// Client id.
        client_id: String,
        /// Client secret.
        client_secret: Secret,
        /// Scope to request; `core-api` by default.
        scope: String,
    },
    /// A user who signs in through OAuth in a browser (authorization code with PKCE); the client
    /// then acts as that user. See [`crate::Client::start_sign_in`].
    AuthorizationCode {
        /// The OAuth client's id.
        client_id: String,
        /// The client's secret, for a confidential client; a public one has none.
        client_secret: Option<Secret>,
        /// Where the server sends the user's browser back; registered for the client.
        redirect_uri: String,
        /// Scopes to ask for (`openid profile offline_access core-api` by default).
        scopes: Vec<String>,
    },
    /// A ready access token; never refreshed (a 401 is returned as is).
    AccessToken(Secret),
}

impl Credentials {
    /// Who these credentials belong to, for matching stored tokens; contains no secret.
    pub(crate) fn subject(&self) -> String {
        match self {
            Credentials::AgentUser { email, .. } => format!("agent-user:{}", email.to_lowercase()),
            Credentials::ClientCredentials { client_id, .. } => format!("client:{client_id}"),
            Credentials::AuthorizationCode { client_id, .. } => format!("oauth-user:{client_id}"),
            Credentials::AccessToken(_) => "access-token".to_owned(),
        }
    }

    pub(crate) fn validate(&self) -> crate::Result<()> {
        let blank = |field: &str, value: bool| {
            if value {
                Err(crate::Error::validation(field, "must not be empty"))
            } else {
                Ok(())
            }
        };
        match self {
            Credentials::AgentUser { email, password } => {
                crate::validate::email("email", email)?;
                blank("password", password.is_blank())
            }
            Credentials::ClientCredentials {
                client_id,
                client_secret,
                ..
            } => {
                blank("client_id", client_id.trim().is_empty())?;
                blank("client_secret", client_secret.is_blank())
            }
            Credentials::AuthorizationCode {
                client_id,
                client_secret,
                redirect_uri,
                scopes,
            } => {
                blank("client_id", client_id.trim().is_empty())?;
                if client_secret.as_ref().is_some_and(Secret::is_blank) {
                    return Err(crate::Error::validation(
                        "client_secret",
                        "must not be empty when given; leave it out for a public client",
                    ));
                }
                let parsed = url::Url::parse(redirect_uri).map_err(|error| {
                    crate::Error::validation(
                        "redirect_uri",
                        format!("not an absolute URL: {error}"),
                    )
                })?;
                if parsed.fragment().is_some() {
                    return Err(crate::Error::validation(
                        "redirect_uri",
                        "must not have a fragment",
                    ));
                }
                blank("scopes", scopes.iter().all(|scope| scope.trim().is_empty()))
            }
            Credentials::AccessToken(token) => blank("access_token", token.is_blank()),
        }
    }
}
