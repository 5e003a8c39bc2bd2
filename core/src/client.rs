//! The client: one per agency user, cheap to clone, safe to share across tasks.

use std::collections::HashMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::auth::{Credentials, Session, TokenStore, TwoFactorProvider};
use crate::config::ClientBuilder;
use crate::error::Result;
use crate::model::{AgentBranchId, AgentId};
use crate::resources::{
    Cases, Customers, Graphql, Policies, Properties, Proposals, Purchases, ReferenceData, Vehicles,
    Webhooks,
};
use crate::transport::{HttpCore, HttpSettings, Request, Response};

/// The InsurUp API client. Clone it freely: clones share the connection pool and the session.
///
/// ```no_run
/// # async fn run() -> insurup::Result<()> {
/// use insurup::{NewCustomer, NewProposal, NewVehicle, Payment, Card, WaitOptions};
///
/// let client = insurup::Client::from_env()?;
/// let customer = client.customers().create(NewCustomer::individual("11111111110")
///     .with_birth_date("1990-01-01")).await?;
/// let vehicle = client.vehicles().create(&customer.id, NewVehicle::new("34ABC123")
///     .with_document_serial("AB", "123456")).await?;
/// let proposal = client.proposals().create(NewProposal::kasko(&customer.id, &vehicle.id)).await?;
/// let proposal = client.proposals().wait(&proposal.id, WaitOptions::default()).await?;
/// let best = proposal.cheapest_product(1).expect("an insurer answered");
/// let card = Card::new("4242424242424242", "123", "12", "2030", "AHMET YILMAZ")?;
/// let bought = client.purchase().sync(&proposal.id, &best.id, Payment::credit_card(card, 1)).await?;
/// let policy = client.policies().get(&bought.policy_id).await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: Arc<HttpCore>,
    session: Session,
    agent_id: Option<AgentId>,
    agent_branch_id: Option<AgentBranchId>,
    /// One lock per (customer, branch): `ensure_sale_opportunity` checks then creates, and two
    /// concurrent calls must not both create.
    case_locks: tokio::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

pub(crate) struct Parts {
    pub settings: HttpSettings,
    pub credentials: Credentials,
    pub two_factor: Option<Arc<dyn TwoFactorProvider>>,
    pub token_store: Arc<dyn TokenStore>,
    pub agent_id: Option<AgentId>,
    pub agent_branch_id: Option<AgentBranchId>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url())
            .field("session", &self.inner.session)
            .field("agent_id", &self.inner.agent_id)
            .field("agent_branch_id", &self.inner.agent_branch_id)
            .finish()
    }
}

impl Client {
    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `INSURUP_*` environment variables (see
    /// [`ClientBuilder::with_env`]).
    pub fn from_env() -> Result<Self> {
        ClientBuilder::default().with_env()?.build()
    }

    pub(crate) fn from_parts(parts: Parts) -> Result<Self> {
        let http = Arc::new(HttpCore::new(parts.settings)?);
        let session = Session::new(
            Arc::clone(&http),
            parts.credentials,
            parts.two_factor,
            parts.token_store,
        );
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                session,
                agent_id: parts.agent_id,
                agent_branch_id: parts.agent_branch_id,
                case_locks: tokio::sync::Mutex::default(),
            }),
        })
    }

    /// The API base URL.
    pub fn base_url(&self) -> &str {
        self.inner.http.settings().api_base.as_str()
    }

    /// The agency id the client was configured with.
    pub fn agent_id(&self) -> Option<&AgentId> {
        self.inner.agent_id.as_ref()
    }

    /// The branch the client produces for by default.
    pub fn agent_branch_id(&self) -> Option<&AgentBranchId> {
        self.inner.agent_branch_id.as_ref()
    }

    /// Logs in now (or loads stored tokens) instead of on the first call; useful to surface
    /// credential and 2FA problems at start-up.
    pub async fn sign_in(&self) -> Result<()> {
        self.inner.session.sign_in().await
    }

    /// Forgets the session's tokens, here and in the token store.
    pub async fn sign_out(&self) -> Result<()> {
        self.inner.session.sign_out().await
    }

    /// Customers.
    pub fn customers(&self) -> Customers {
        Customers::new(self.clone())
    }

    /// Vehicles of customers.
    pub fn vehicles(&self) -> Vehicles {
        Vehicles::new(self.clone())
    }

    /// Properties of customers.
    pub fn properties(&self) -> Properties {
        Properties::new(self.clone())
    }

    /// Cases (sale opportunities).
    pub fn cases(&self) -> Cases {
        Cases::new(self.clone())
    }

    /// Proposals and their products.
    pub fn proposals(&self) -> Proposals {
        Proposals::new(self.clone())
    }

    /// Buying products.
    pub fn purchase(&self) -> Purchases {
        Purchases::new(self.clone())
    }

    /// Policies.
    pub fn policies(&self) -> Policies {
        Policies::new(self.clone())
    }

    /// Reference data: brands, models, coverage groups, insurers, branches.
    pub fn reference(&self) -> ReferenceData {
        ReferenceData::new(self.clone())
    }

    /// Webhook subscriptions and deliveries.
    pub fn webhooks(&self) -> Webhooks {
        Webhooks::new(self.clone())
    }

    /// GraphQL lists.
    pub fn graphql(&self) -> Graphql {
        Graphql::new(self.clone())
    }

    pub(crate) async fn send(&self, request: Request) -> Result<Response> {
        self.inner
            .http
            .execute(&request, Some(&self.inner.session))
            .await
    }

    pub(crate) async fn call<T: DeserializeOwned>(&self, request: Request) -> Result<T> {
        self.send(request).await?.json()
    }

    pub(crate) async fn case_lock(&self, key: String) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.inner.case_locks.lock().await;
        Arc::clone(locks.entry(key).or_default())
    }
}
