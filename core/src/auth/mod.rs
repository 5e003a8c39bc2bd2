//! Authentication: credentials, tokens, the 2FA hook, token stores and the session that keeps a
//! valid access token at hand.
//!
//! The session follows the B2B guide (§2.4): it logs in lazily, refreshes at 80 % of the token's
//! lifetime with at most one refresh in flight, stores every rotated refresh token before using
//! it, and logs in again when the refresh token is refused.

mod session;
mod store;
mod tokens;
mod two_factor;

pub(crate) use session::Session;
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
    /// A ready access token; never refreshed (a 401 is returned as is).
    AccessToken(Secret),
}

impl Credentials {
    /// Who these credentials belong to, for matching stored tokens; contains no secret.
    pub(crate) fn subject(&self) -> String {
        match self {
            Credentials::AgentUser { email, .. } => format!("agent-user:{}", email.to_lowercase()),
            Credentials::ClientCredentials { client_id, .. } => format!("client:{client_id}"),
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
            Credentials::AccessToken(token) => blank("access_token", token.is_blank()),
        }
    }
}
