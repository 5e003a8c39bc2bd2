//! The `Client` class and its options.

use std::sync::Arc;
use std::time::Duration;

use napi::Result;
use napi::bindgen_prelude::{Function, Object};
use napi_derive::napi;

use insurup::{AgentBranchId, AgentId, ClientBuilder, RetryPolicy};

use crate::auth::{JsTokenStore, JsTwoFactor, MaybePromise, TwoFactorChallenge};
use crate::resources::{
    Cases, Customers, Graphql, Policies, Properties, Proposals, Purchases, ReferenceData, Vehicles,
    Webhooks,
};

/// How a client connects and proves who it is. Give one set of credentials: `email` and
/// `password` (an agent user), `clientId` and `clientSecret` (a service account), or an
/// `accessToken`.
#[allow(missing_debug_implementations)] // Read once on the JS thread; JS handles have no Debug.
#[napi(object, object_to_js = false)]
pub struct ClientOptions<'env> {
    /// API base URL; `https://api.insurup.com` by default. Plain `http` is accepted for
    /// loopback addresses only (a local sandbox).
    pub base_url: Option<String>,
    /// OAuth server for client credentials; the production one for the production API,
    /// otherwise the API's own origin.
    pub auth_url: Option<String>,
    /// Agent user's e-mail address.
    pub email: Option<String>,
    /// Agent user's password.
    pub password: Option<String>,
    /// Service account's client id.
    pub client_id: Option<String>,
    /// Service account's client secret.
    pub client_secret: Option<String>,
    /// A ready access token; it is never refreshed.
    pub access_token: Option<String>,
    /// Supplies the 2FA code when the agent user's login asks for one; may be async.
    #[napi(ts_type = "(challenge: TwoFactorChallenge) => string | Promise<string>")]
    pub two_factor: Option<Function<'env, TwoFactorChallenge, MaybePromise<String>>>,
    /// The agency's id, sent where the API wants it.
    pub agent_id: Option<AgentId>,
    /// The branch to produce for when a call names none.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Where the session keeps its tokens; in memory by default.
    #[napi(ts_type = "TokenStore")]
    pub token_store: Option<Object<'env>>,
    /// Per-attempt timeout in milliseconds; 30 000 by default.
    pub timeout_ms: Option<u32>,
    /// Connect timeout in milliseconds; 10 000 by default.
    pub connect_timeout_ms: Option<u32>,
    /// Retries after the first attempt of a call that is safe to retry; 3 by default.
    pub max_retries: Option<u32>,
}

impl ClientOptions<'_> {
    /// The builder with these options on top; credentials are chosen in the order
    /// `INSURUP_*` variables are (access token, agent user, service account).
    fn apply(self, mut builder: ClientBuilder) -> Result<ClientBuilder> {
        builder = builder.user_agent_suffix(concat!("node/", env!("CARGO_PKG_VERSION")));
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
                self.password.unwrap_or_default(),
            );
        } else if self.client_id.is_some() || self.client_secret.is_some() {
            builder = builder.client_credentials(
                self.client_id.unwrap_or_default(),
                self.client_secret.unwrap_or_default(),
            );
        }
        if let Some(function) = &self.two_factor {
            builder = builder.two_factor(Arc::new(JsTwoFactor::new(function)?));
        }
        if let Some(agent) = self.agent_id {
            builder = builder.agent_id(agent);
        }
        if let Some(branch) = self.agent_branch_id {
            builder = builder.agent_branch_id(branch);
        }
        if let Some(store) = &self.token_store {
            builder = builder.token_store(Arc::new(JsTokenStore::new(store)?));
        }
        if let Some(ms) = self.timeout_ms {
            builder = builder.timeout(Duration::from_millis(ms.into()));
        }
        if let Some(ms) = self.connect_timeout_ms {
            builder = builder.connect_timeout(Duration::from_millis(ms.into()));
        }
        if let Some(retries) = self.max_retries {
            builder = builder.retry(RetryPolicy::with_max_retries(retries));
        }
        Ok(builder)
    }
}

/// The InsurUp API client. One per agency user; share it: every call through it shares one
/// connection pool and one session (login, 2FA and token refresh happen once).
///
/// ```ts
/// const client = new Client({ baseUrl, email, password, twoFactor: async () => code })
/// const customer = await client.customers.createIndividual({ identityNumber: '11111111110' })
/// ```
#[derive(Debug)]
#[napi]
pub struct Client(insurup::Client);

#[napi]
impl Client {
    /// A client with these options. Throws `ValidationError` for missing or malformed
    /// credentials and URLs; nothing is sent until the first call.
    #[napi(constructor)]
    pub fn new(options: ClientOptions) -> Result<Self> {
        Ok(Client(options.apply(insurup::Client::builder())?.build()?))
    }

    /// A client configured from `INSURUP_*` environment variables (`INSURUP_BASE_URL`,
    /// `INSURUP_EMAIL`, `INSURUP_PASSWORD`, `INSURUP_AGENT_ID`, …); `options` win over them.
    #[napi(factory)]
    pub fn from_env(options: Option<ClientOptions>) -> Result<Self> {
        let builder = insurup::Client::builder().with_env()?;
        let builder = match options {
            Some(options) => options.apply(builder)?,
            None => builder,
        };
        Ok(Client(builder.build()?))
    }

    /// The API base URL.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.0.base_url().to_owned()
    }

    /// The agency id the client was configured with.
    #[napi(getter)]
    pub fn agent_id(&self) -> Option<AgentId> {
        self.0.agent_id().cloned()
    }

    /// The branch the client produces for by default.
    #[napi(getter)]
    pub fn agent_branch_id(&self) -> Option<AgentBranchId> {
        self.0.agent_branch_id().cloned()
    }

    /// Logs in now (or loads stored tokens) instead of on the first call, to surface credential
    /// and 2FA problems at start-up.
    #[napi]
    pub async fn sign_in(&self) -> Result<()> {
        Ok(self.0.sign_in().await?)
    }

    /// Forgets the session's tokens, here and in the token store.
    #[napi]
    pub async fn sign_out(&self) -> Result<()> {
        Ok(self.0.sign_out().await?)
    }

    /// Customers.
    #[napi(getter)]
    pub fn customers(&self) -> Customers {
        Customers(self.0.customers())
    }

    /// Vehicles of customers.
    #[napi(getter)]
    pub fn vehicles(&self) -> Vehicles {
        Vehicles(self.0.vehicles())
    }

    /// Properties of customers.
    #[napi(getter)]
    pub fn properties(&self) -> Properties {
        Properties(self.0.properties())
    }

    /// Cases (sale opportunities).
    #[napi(getter)]
    pub fn cases(&self) -> Cases {
        Cases(self.0.cases())
    }

    /// Proposals and their products.
    #[napi(getter)]
    pub fn proposals(&self) -> Proposals {
        Proposals(self.0.proposals())
    }

    /// Buying products.
    #[napi(getter)]
    pub fn purchase(&self) -> Purchases {
        Purchases(self.0.purchase())
    }

    /// Policies.
    #[napi(getter)]
    pub fn policies(&self) -> Policies {
        Policies(self.0.policies())
    }

    /// Reference data: brands, models, coverage groups, insurers, branches.
    #[napi(getter)]
    pub fn reference(&self) -> ReferenceData {
        ReferenceData(self.0.reference())
    }

    /// Webhook subscriptions and deliveries.
    #[napi(getter)]
    pub fn webhooks(&self) -> Webhooks {
        Webhooks(self.0.webhooks())
    }

    /// GraphQL lists.
    #[napi(getter)]
    pub fn graphql(&self) -> Graphql {
        Graphql(self.0.graphql())
    }
}
