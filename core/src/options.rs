//! The records every binding passes as they are, so no language declares them again: client
//! options (with the rule for which credentials win), sort keys and list options. Durations are
//! seconds, which every language can write as a plain number.

use std::time::Duration;

use crate::config::ClientBuilder;
use crate::dialect::Dialect;
use crate::error::{Error, Result};
use crate::graphql::{Filter, ListQuery, Order};
use crate::model::{AgentBranchId, AgentId};
use crate::secret::Secret;

/// How to build a client; `None` keeps the default (or, with `from_env`, the environment's value).
/// Debug output never shows the password, secret or token.
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_to_js = false))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Clone, Default, PartialEq)]
pub struct ClientOptions {
    /// API base URL; `https://api.insurup.com` by default. Plain `http` only on loopback.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub base_url: Option<String>,
    /// OAuth server for service accounts; the `auth.` host beside an InsurUp API host by default.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub auth_url: Option<String>,
    /// An agent user's e-mail (with `password`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// The agent user's password.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub password: Option<Secret>,
    /// A service account's client id (with `client_secret`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub client_id: Option<String>,
    /// The service account's secret.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub client_secret: Option<Secret>,
    /// A ready access token, never refreshed. Wins over the other credentials.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub access_token: Option<Secret>,
    /// With `client_id` (and `client_secret` for a confidential client): a user signs in through
    /// OAuth in a browser and is sent back here; see `start_sign_in`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub redirect_uri: Option<String>,
    /// Scopes a user's sign-in asks for (`openid profile offline_access core-api`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub scopes: Option<Vec<String>>,
    /// The agency's id, sent where the API wants it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_id: Option<AgentId>,
    /// The branch to produce for when a call names none.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_id: Option<AgentBranchId>,
    /// Per-attempt timeout in seconds (30).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timeout: Option<f64>,
    /// Seconds allowed to open a connection (10).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub connect_timeout: Option<f64>,
    /// Retries after the first attempt of a call that is safe to retry (3).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_retries: Option<u32>,
    /// Seconds the two-factor callback may take to give a code (300).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub two_factor_timeout: Option<f64>,
    /// Seconds a purchase whose answer was lost or ambiguous is confirmed by reading the product
    /// back before it is a `PurchaseOutcomeUnknownError` (60).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub purchase_confirmation_window: Option<f64>,
    /// Largest answer read into memory, in bytes (32 MiB).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_response_bytes: Option<u32>,
    /// `guide`, `graphql-docs` or `vendor-sdk` to fix the API's dialect; found out when absent.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub dialect: Option<String>,
    /// How watches hear of insurers' answers: `auto` (the real-time hub when the server offers
    /// it, polling otherwise), `hub` or `polling`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub real_time: Option<String>,
}

impl std::fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url)
            .field("auth_url", &self.auth_url)
            .field("email", &self.email)
            .field("password", &self.password)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("access_token", &self.access_token)
            .field("redirect_uri", &self.redirect_uri)
            .field("scopes", &self.scopes)
            .field("agent_id", &self.agent_id)
            .field("agent_branch_id", &self.agent_branch_id)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field("two_factor_timeout", &self.two_factor_timeout)
            .field(
                "purchase_confirmation_window",
                &self.purchase_confirmation_window,
            )
            .field("max_response_bytes", &self.max_response_bytes)
            .field("dialect", &self.dialect)
            .field("real_time", &self.real_time)
            .finish()
    }
}

/// A number of seconds as a checked duration (any value, however absurd, is an error naming the
/// setting, never a panic).
pub(crate) fn seconds(field: &str, value: f64) -> Result<Duration> {
    let duration = Duration::try_from_secs_f64(value)
        .map_err(|_| Error::validation(field, "must be a positive number of seconds"))?;
    crate::config::check_duration(field, duration)?;
    Ok(duration)
}

impl ClientOptions {
    /// `builder` with these options on top. Credentials follow one rule everywhere, the order of
    /// the `INSURUP_*` variables: an access token wins, then an agent user (e-mail or password
    /// given), then a user's OAuth sign-in (redirect URI given), then a service account (client id
    /// or secret given).
    pub fn apply(self, mut builder: ClientBuilder) -> Result<ClientBuilder> {
        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(url) = self.auth_url {
            builder = builder.auth_url(url);
        }
        if let Some(token) = self.access_token {
            builder = builder.access_token(token);
        } else if self.email.is_some() || self.password.is_some() {
            builder = builder.agent_user(
                self.email.unwrap_or_default(),
                self.password.unwrap_or_else(|| Secret::new("")),
            );
        } else if let Some(redirect_uri) = self.redirect_uri {
            builder = builder.oauth_user(self.client_id.unwrap_or_default(), redirect_uri);
            if let Some(secret) = self.client_secret {
                builder = builder.oauth_client_secret(secret);
            }
            if let Some(scopes) = self.scopes {
                builder = builder.sign_in_scopes(scopes);
            }
        } else if self.client_id.is_some() || self.client_secret.is_some() {
            builder = builder.client_credentials(
                self.client_id.unwrap_or_default(),
                self.client_secret.unwrap_or_else(|| Secret::new("")),
            );
        }
        if let Some(agent) = self.agent_id {
            builder = builder.agent_id(agent);
        }
        if let Some(branch) = self.agent_branch_id {
            builder = builder.agent_branch_id(branch);
        }
        if let Some(value) = self.timeout {
            builder = builder.timeout(seconds("timeout", value)?);
        }
        if let Some(value) = self.connect_timeout {
            builder = builder.connect_timeout(seconds("connect_timeout", value)?);
        }
        if let Some(retries) = self.max_retries {
            builder = builder.max_retries(retries);
        }
        if let Some(value) = self.two_factor_timeout {
            builder = builder.two_factor_timeout(seconds("two_factor_timeout", value)?);
        }
        if let Some(value) = self.purchase_confirmation_window {
            builder = builder
                .purchase_confirmation_window(seconds("purchase_confirmation_window", value)?);
        }
        if let Some(bytes) = self.max_response_bytes {
            builder = builder.max_response_bytes(bytes as usize);
        }
        if let Some(dialect) = self.dialect {
            builder = builder.dialect(dialect.parse::<Dialect>()?);
        }
        if let Some(mode) = self.real_time {
            builder = builder.real_time(mode.parse::<crate::hub::RealTime>()?);
        }
        Ok(builder)
    }
}

/// One sort key of a list: a field as the API names it, and `ASC` or `DESC`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct SortKey {
    /// The field, e.g. `grossPremium`.
    pub field: String,
    /// `ASC` or `DESC` (any case).
    pub direction: String,
}

impl SortKey {
    /// The order this key asks for; an unknown direction names the field `order.direction`.
    pub fn to_order(&self) -> Result<Order> {
        match self.direction.trim().to_ascii_uppercase().as_str() {
            "ASC" => Ok(Order::asc(self.field.clone())),
            "DESC" => Ok(Order::desc(self.field.clone())),
            other => Err(Error::validation(
                "order.direction",
                format!("must be ASC or DESC, not {other:?}"),
            )),
        }
    }
}

/// Which page of a list to read, as every binding passes it; the filter travels beside it as JSON
/// (each language writes it as its own dict, object or JSON text).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOptions {
    /// Rows per page counting forward (50 by default, at most 500).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub first: Option<u32>,
    /// Cursor to start after.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub after: Option<String>,
    /// Rows per page counting backward.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last: Option<u32>,
    /// Cursor to end before.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub before: Option<String>,
    /// Sort keys, most significant first.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order: Option<Vec<SortKey>>,
}

/// How long to wait for a proposal's insurers and how often to look, as every binding passes it
/// (bindings call it `WaitOptions`); seconds, `None` for the core's defaults (90, 0.5, 4).
#[cfg_attr(
    feature = "napi",
    napi_derive::napi(object, object_to_js = false, js_name = "WaitOptions")
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WaitSettings {
    /// Give up after this many seconds (90).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timeout: Option<f64>,
    /// First pause between looks, in seconds (0.5); grows by half each time.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub poll_interval: Option<f64>,
    /// Longest pause between looks, in seconds (4).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_poll_interval: Option<f64>,
}

impl TryFrom<WaitSettings> for crate::resources::WaitOptions {
    type Error = Error;

    fn try_from(settings: WaitSettings) -> Result<Self> {
        let defaults = crate::resources::WaitOptions::default();
        let pause = |field: &str, value: Option<f64>, default: Duration| match value {
            None => Ok(default),
            Some(value) => Duration::try_from_secs_f64(value)
                .ok()
                .filter(|pause| *pause <= crate::config::MAX_CONFIGURABLE_DURATION)
                .ok_or_else(|| Error::validation(field, "must be between 0 and 86400 seconds")),
        };
        let options = crate::resources::WaitOptions {
            timeout: match settings.timeout {
                None => defaults.timeout,
                Some(value) => seconds("timeout", value)?,
            },
            poll_interval: pause(
                "poll_interval",
                settings.poll_interval,
                defaults.poll_interval,
            )?,
            max_poll_interval: pause(
                "max_poll_interval",
                settings.max_poll_interval,
                defaults.max_poll_interval,
            )?,
        };
        Ok(options)
    }
}

impl ListQuery {
    /// The query a binding asked for: `options` and a HotChocolate filter as JSON
    /// (`{"state": {"eq": "ACTIVE"}}`), checked once here.
    pub fn from_options(options: ListOptions, filter: Option<serde_json::Value>) -> Result<Self> {
        let order = options
            .order
            .unwrap_or_default()
            .iter()
            .map(SortKey::to_order)
            .collect::<Result<Vec<_>>>()?;
        if let Some(filter) = &filter
            && !filter.is_object()
        {
            return Err(Error::validation("filter", "must be an object"));
        }
        let query = ListQuery {
            first: options.first,
            after: options.after,
            last: options.last,
            before: options.before,
            filter: filter.map(Filter::from_json),
            order,
        };
        query.validate()?;
        Ok(query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_access_token_wins_then_an_agent_user_then_a_service_account() {
        let options = ClientOptions {
            base_url: Some("http://127.0.0.1:9".into()),
            email: Some("ops@acente.com.tr".into()),
            password: Some(Secret::new("pw")),
            client_id: Some("id".into()),
            client_secret: Some(Secret::new("secret")),
            ..ClientOptions::default()
        };
        let client = options
            .clone()
            .apply(ClientBuilder::default())
            .and_then(ClientBuilder::build)
            .expect("builds");
        assert!(format!("{client:?}").contains("agent-user:ops@acente.com.tr"));
        let with_token = ClientOptions {
            access_token: Some(Secret::new("token")),
            ..options
        };
        let client = with_token
            .apply(ClientBuilder::default())
            .and_then(ClientBuilder::build)
            .expect("builds");
        assert!(format!("{client:?}").contains("access-token"));
    }

    #[test]
    fn bad_settings_are_named_and_secrets_never_printed() {
        let error = ClientOptions {
            timeout: Some(f64::INFINITY),
            ..ClientOptions::default()
        }
        .apply(ClientBuilder::default())
        .expect_err("infinite");
        assert_eq!(error.field(), Some("timeout"));
        let error = ClientOptions {
            dialect: Some("lenient".into()),
            ..ClientOptions::default()
        }
        .apply(ClientBuilder::default())
        .expect_err("no such dialect");
        assert_eq!(error.field(), Some("dialect"));
        let printed = format!(
            "{:?}",
            ClientOptions {
                password: Some(Secret::new("hunter2")),
                ..ClientOptions::default()
            }
        );
        assert!(!printed.contains("hunter2"), "{printed}");
    }

    #[test]
    fn sort_directions_are_parsed_once_with_one_error() {
        let query = ListQuery::from_options(
            ListOptions {
                first: Some(10),
                order: Some(vec![SortKey {
                    field: "grossPremium".into(),
                    direction: "desc".into(),
                }]),
                ..ListOptions::default()
            },
            Some(serde_json::json!({"state": {"eq": "ACTIVE"}})),
        )
        .expect("query");
        assert_eq!(query.order.len(), 1);
        let error = ListQuery::from_options(
            ListOptions {
                order: Some(vec![SortKey {
                    field: "grossPremium".into(),
                    direction: "down".into(),
                }]),
                ..ListOptions::default()
            },
            None,
        )
        .expect_err("bad direction");
        assert_eq!(error.field(), Some("order.direction"));
        let error = ListQuery::from_options(ListOptions::default(), Some(serde_json::json!([1])))
            .expect_err("not an object");
        assert_eq!(error.field(), Some("filter"));
    }
}
