//! The client object and its options.

use std::sync::Arc;
use std::time::Duration;

use insurup::{AgentBranchId, AgentId};

use crate::auth::{
    Credentials, ForeignTokenStore, ForeignTwoFactor, TokenStore, TwoFactorProvider,
};
use crate::error::Result;
use crate::resources::{
    Cases, Customers, Graphql, Policies, Properties, Proposals, Purchases, ReferenceData, Vehicles,
    Webhooks,
};

/// Everything a client needs; only `credentials` is required.
#[derive(uniffi::Record)]
pub struct ClientOptions {
    /// Who the client is.
    pub credentials: Arc<Credentials>,
    /// API base URL; `https://api.insurup.com` when absent. Plain `http` only for loopback.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// OAuth server for client credentials; derived from the base URL when absent.
    #[uniffi(default)]
    pub auth_url: Option<String>,
    /// Supplies 2FA codes; without one, an account with 2FA fails with `TwoFactorRequired`.
    #[uniffi(default)]
    pub two_factor: Option<Arc<dyn TwoFactorProvider>>,
    /// Where tokens are kept; memory when absent.
    #[uniffi(default)]
    pub token_store: Option<Arc<dyn TokenStore>>,
    /// The agency's id, sent where the API wants it.
    #[uniffi(default)]
    pub agent_id: Option<AgentId>,
    /// The branch to produce for when a call does not name one.
    #[uniffi(default)]
    pub agent_branch_id: Option<AgentBranchId>,
    /// Per-attempt timeout; 30 s when absent.
    #[uniffi(default)]
    pub timeout: Option<Duration>,
    /// Retries after the first attempt of an idempotent call; 3 when absent.
    #[uniffi(default)]
    pub max_retries: Option<u32>,
}

impl std::fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientOptions")
            .field("credentials", &self.credentials)
            .field("base_url", &self.base_url)
            .field("auth_url", &self.auth_url)
            .field("two_factor", &self.two_factor.is_some())
            .field("token_store", &self.token_store.is_some())
            .field("agent_id", &self.agent_id)
            .field("agent_branch_id", &self.agent_branch_id)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .finish()
    }
}

/// The InsurUp API client. One per agency user; safe to share across coroutines and tasks,
/// which share its connection pool and session.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct InsurUpClient(insurup::Client);

#[uniffi::export(async_runtime = "tokio")]
impl InsurUpClient {
    /// Checks the options and builds the client. No request is sent until the first call.
    #[uniffi::constructor]
    pub fn new(options: ClientOptions) -> Result<Arc<Self>> {
        let mut builder = insurup::Client::builder()
            .credentials(options.credentials.0.clone())
            .user_agent_suffix(concat!("insurup-uniffi/", env!("CARGO_PKG_VERSION")));
        if let Some(url) = options.base_url {
            builder = builder.base_url(url);
        }
        if let Some(url) = options.auth_url {
            builder = builder.auth_url(url);
        }
        if let Some(provider) = options.two_factor {
            builder = builder.two_factor(Arc::new(ForeignTwoFactor(provider)));
        }
        if let Some(store) = options.token_store {
            builder = builder.token_store(Arc::new(ForeignTokenStore(store)));
        }
        if let Some(agent) = options.agent_id {
            builder = builder.agent_id(agent);
        }
        if let Some(branch) = options.agent_branch_id {
            builder = builder.agent_branch_id(branch);
        }
        if let Some(timeout) = options.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(retries) = options.max_retries {
            builder = builder.retry(insurup::RetryPolicy {
                max_retries: retries,
                ..insurup::RetryPolicy::default()
            });
        }
        Ok(Arc::new(InsurUpClient(builder.build()?)))
    }

    /// A client configured from the `INSURUP_*` environment variables (`INSURUP_BASE_URL`,
    /// `INSURUP_EMAIL`/`INSURUP_PASSWORD` or `INSURUP_CLIENT_ID`/`INSURUP_CLIENT_SECRET`,
    /// `INSURUP_AGENT_ID`, …), for backends on the JVM; apps pass `ClientOptions` instead.
    #[uniffi::constructor(default(two_factor = None, token_store = None))]
    pub fn from_env(
        two_factor: Option<Arc<dyn TwoFactorProvider>>,
        token_store: Option<Arc<dyn TokenStore>>,
    ) -> Result<Arc<Self>> {
        let mut builder = insurup::Client::builder()
            .with_env()?
            .user_agent_suffix(concat!("insurup-uniffi/", env!("CARGO_PKG_VERSION")));
        if let Some(provider) = two_factor {
            builder = builder.two_factor(Arc::new(ForeignTwoFactor(provider)));
        }
        if let Some(store) = token_store {
            builder = builder.token_store(Arc::new(ForeignTokenStore(store)));
        }
        Ok(Arc::new(InsurUpClient(builder.build()?)))
    }

    /// The API base URL.
    pub fn base_url(&self) -> String {
        self.0.base_url().to_owned()
    }

    /// Logs in now (or loads stored tokens) instead of on the first call; surfaces credential
    /// and 2FA problems at start-up.
    pub async fn sign_in(&self) -> Result<()> {
        Ok(self.0.sign_in().await?)
    }

    /// Forgets the session's tokens, here and in the token store.
    pub async fn sign_out(&self) -> Result<()> {
        Ok(self.0.sign_out().await?)
    }

    /// Customers.
    pub fn customers(&self) -> Arc<Customers> {
        Arc::new(Customers(self.0.customers()))
    }

    /// Vehicles of customers.
    pub fn vehicles(&self) -> Arc<Vehicles> {
        Arc::new(Vehicles(self.0.vehicles()))
    }

    /// Properties of customers.
    pub fn properties(&self) -> Arc<Properties> {
        Arc::new(Properties(self.0.properties()))
    }

    /// Cases (sale opportunities).
    pub fn cases(&self) -> Arc<Cases> {
        Arc::new(Cases(self.0.cases()))
    }

    /// Proposals and their products.
    pub fn proposals(&self) -> Arc<Proposals> {
        Arc::new(Proposals(self.0.proposals()))
    }

    /// Buying products.
    pub fn purchase(&self) -> Arc<Purchases> {
        Arc::new(Purchases(self.0.purchase()))
    }

    /// Policies.
    pub fn policies(&self) -> Arc<Policies> {
        Arc::new(Policies(self.0.policies()))
    }

    /// Reference data: brands, models, coverage groups, insurers, branches.
    pub fn reference(&self) -> Arc<ReferenceData> {
        Arc::new(ReferenceData(self.0.reference()))
    }

    /// Webhook subscriptions and deliveries.
    pub fn webhooks(&self) -> Arc<Webhooks> {
        Arc::new(Webhooks(self.0.webhooks()))
    }

    /// GraphQL lists, a page at a time.
    pub fn graphql(&self) -> Arc<Graphql> {
        Arc::new(Graphql(self.0.graphql()))
    }
}

impl std::fmt::Display for InsurUpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The core's Debug output names the base URL and session state, never a secret.
        write!(f, "{:?}", self.0)
    }
}
