//! The token pair a session holds and a token store keeps.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

/// An access token, the refresh token that renews it, and when it was issued.
///
/// Times are wall-clock milliseconds since the Unix epoch so a [`crate::FileTokenStore`] can keep
/// the set across restarts. Debug output never shows the tokens.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, from_py_object, module = "insurup")
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct TokenSet {
    /// The bearer token.
    pub access_token: Secret,
    /// The refresh token (agent users only); rotates on every refresh.
    pub refresh_token: Option<Secret>,
    /// When this SDK received the token.
    pub issued_at_ms: i64,
    /// Lifetime the server announced (`expiresIn`), in seconds.
    pub expires_in_secs: u64,
    /// Who the tokens belong to (`agent-user:ops@acente.com.tr`, …) and on which API.
    pub subject: String,
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

impl TokenSet {
    pub(crate) fn new(
        access_token: Secret,
        refresh_token: Option<Secret>,
        expires_in_secs: u64,
        subject: String,
    ) -> Self {
        TokenSet {
            access_token,
            refresh_token,
            issued_at_ms: now_ms(),
            expires_in_secs,
            subject,
        }
    }

    fn lifetime_ms(&self) -> i64 {
        i64::try_from(self.expires_in_secs.saturating_mul(1000)).unwrap_or(i64::MAX)
    }

    /// When the access token expires.
    pub fn expires_at_ms(&self) -> i64 {
        self.issued_at_ms.saturating_add(self.lifetime_ms())
    }

    /// True before `fraction` of the lifetime has passed (0.8 = the guide's refresh point).
    pub(crate) fn is_fresh(&self, now_ms: i64, fraction: f64) -> bool {
        let threshold = (self.lifetime_ms() as f64 * fraction) as i64;
        now_ms < self.issued_at_ms.saturating_add(threshold)
    }

    /// True while the token can still be sent: before expiry minus a margin for the request's
    /// own travel time (10 % of the lifetime, at most 10 s).
    pub(crate) fn is_usable(&self, now_ms: i64) -> bool {
        let margin = (self.lifetime_ms() / 10).min(10_000);
        now_ms < self.expires_at_ms().saturating_sub(margin)
    }

    /// The agent user's e-mail when these tokens belong to an agent-user session (the subject
    /// is `agent-user:<email>@<API base URL>`).
    pub fn agent_user_email(&self) -> Option<&str> {
        let rest = self.subject.strip_prefix("agent-user:")?;
        rest.rsplit_once('@').map(|(email, _api)| email)
    }

    /// The OAuth client id when these tokens come from a user's OAuth sign-in (the subject is
    /// `oauth-user:<client id>@<API base URL>`).
    pub fn oauth_client_id(&self) -> Option<&str> {
        let rest = self.subject.strip_prefix("oauth-user:")?;
        rest.split_once('@').map(|(client_id, _api)| client_id)
    }

    /// Time left before the access token expires.
    pub fn remaining(&self) -> Duration {
        let left = self.expires_at_ms().saturating_sub(now_ms()).max(0);
        Duration::from_millis(u64::try_from(left).unwrap_or(0))
    }
}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet")
            .field("access_token", &self.access_token)
            .field("refresh_token", &self.refresh_token)
            .field("issued_at_ms", &self.issued_at_ms)
            .field("expires_in_secs", &self.expires_in_secs)
            .field("subject", &self.subject)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_fresh_until_eighty_percent_of_its_life() {
        let mut tokens = TokenSet::new(Secret::new("a"), None, 600, "s".into());
        tokens.issued_at_ms = 0;
        assert!(tokens.is_fresh(479_000, 0.8));
        assert!(!tokens.is_fresh(480_000, 0.8));
        assert!(tokens.is_usable(589_000));
        assert!(!tokens.is_usable(590_000));
    }

    #[test]
    fn the_agent_users_email_is_read_from_the_subject() {
        let agent = TokenSet::new(
            Secret::new("a"),
            None,
            600,
            "agent-user:ops@acente.com.tr@http://127.0.0.1:9".into(),
        );
        assert_eq!(agent.agent_user_email(), Some("ops@acente.com.tr"));
        let service = TokenSet::new(
            Secret::new("a"),
            None,
            600,
            "client:id@http://127.0.0.1:9".into(),
        );
        assert_eq!(service.agent_user_email(), None);
        let user = TokenSet::new(
            Secret::new("a"),
            None,
            600,
            "oauth-user:sandbox-app@http://127.0.0.1:9".into(),
        );
        assert_eq!(user.oauth_client_id(), Some("sandbox-app"));
        assert_eq!(user.agent_user_email(), None);
        assert_eq!(service.oauth_client_id(), None);
    }

    #[test]
    fn debug_output_never_shows_tokens() {
        let tokens = TokenSet::new(
            Secret::new("eyJ.secret"),
            Some(Secret::new("r1")),
            600,
            "s".into(),
        );
        let printed = format!("{tokens:?}");
        assert!(!printed.contains("eyJ.secret"));
        assert!(!printed.contains("r1"));
    }
}
