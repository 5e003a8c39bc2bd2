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

    /// The tokens as JSON text, in clear, for a token store to keep where secrets go: the one
    /// shape every language and [`crate::FileTokenStore`] write.
    pub fn to_json(&self) -> String {
        // Strings and numbers only: writing them cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Tokens a store kept with [`TokenSet::to_json`]. Anything else is a validation error on
    /// `token_set` that quotes none of the text (it may hold a token).
    pub fn from_json(text: &str) -> crate::Result<TokenSet> {
        serde_json::from_str(text).map_err(|error| {
            // serde quotes the offending value ("invalid type: string \"…\""): keep the position.
            let reason = if error.to_string().contains('"') {
                format!(
                    "is not a stored token set (a field of the wrong type at line {}, column {})",
                    error.line(),
                    error.column()
                )
            } else {
                format!("is not a stored token set: {error}")
            };
            crate::Error::validation("token_set", reason)
        })
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
    fn the_stored_form_reads_back_and_a_bad_one_is_refused_without_quoting_it() {
        let tokens = TokenSet::new(
            Secret::new("access"),
            Some(Secret::new("refresh")),
            600,
            "agent-user:ops@acente.com.tr@http://127.0.0.1:9".into(),
        );
        let stored = tokens.to_json();
        assert!(stored.contains("\"refreshToken\":\"refresh\""), "{stored}");
        let read = TokenSet::from_json(&stored).expect("reads back");
        assert_eq!(read.refresh_token.expect("kept").expose(), "refresh");
        assert_eq!(read.issued_at_ms, tokens.issued_at_ms);

        let misplaced =
            r#"{"accessToken":"a","issuedAtMs":"eyJ.secret","expiresInSecs":1,"subject":"s"}"#;
        let error = TokenSet::from_json(misplaced).expect_err("a string where a number goes");
        assert_eq!(error.kind(), crate::ErrorKind::Validation);
        assert_eq!(error.field(), Some("token_set"));
        assert!(!error.to_string().contains("eyJ"), "{error}");
        let error = TokenSet::from_json("{}").expect_err("empty");
        assert!(error.to_string().contains("missing field"), "{error}");
    }

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
