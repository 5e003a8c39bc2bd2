//! The client: one per agency user, cheap to clone, safe to share across tasks.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::auth::{Credentials, PendingSignIn, Session, TokenStore, TwoFactorProvider};
use crate::config::ClientBuilder;
use crate::dialect::{Dialect, DialectState};
use crate::error::Result;
use crate::fleet::PurchaseGuard;
use crate::hub::{Hub, RealTime, RealTimeSettings};
use crate::model::{AgentBranchId, AgentId, ProposalId};
use crate::resources::{
    Addresses, AgentBranches, Cases, Customers, Graphql, Policies, Prepared, Properties, Proposals,
    Purchases, ReferenceData, Vehicles, Webhooks,
};
use crate::transport::{ConnectionPool, HttpCore, HttpSettings, Request, Response};

/// How long a proposal registered by `create` waits for its watch.
const PREPARED_FOR: Duration = Duration::from_secs(60);

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
    purchase_confirmation_window: Duration,
    purchase_guard: Option<Arc<dyn PurchaseGuard>>,
    dialects: DialectState,
    /// One lock per (customer, branch): `ensure_sale_opportunity` checks then creates, and two
    /// concurrent calls must not both create.
    case_locks: tokio::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    real_time: RealTimeSettings,
    /// The real-time hub's task, started by the first watch.
    hub: std::sync::OnceLock<Hub>,
    /// Proposals `create` registered on the hub, for the watch that follows.
    prepared: std::sync::Mutex<HashMap<ProposalId, Prepared>>,
}

pub(crate) struct Parts {
    pub settings: HttpSettings,
    pub pool: ConnectionPool,
    pub credentials: Credentials,
    pub two_factor: Option<Arc<dyn TwoFactorProvider>>,
    pub two_factor_timeout: Duration,
    pub purchase_confirmation_window: Duration,
    pub dialect: Option<Dialect>,
    pub token_store: Arc<dyn TokenStore>,
    pub agent_id: Option<AgentId>,
    pub agent_branch_id: Option<AgentBranchId>,
    pub purchase_guard: Option<Arc<dyn PurchaseGuard>>,
    pub real_time: RealTimeSettings,
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
        let http = Arc::new(HttpCore::new(parts.settings, &parts.pool));
        let session = Session::new(
            Arc::clone(&http),
            parts.credentials,
            parts.two_factor,
            parts.two_factor_timeout,
            parts.token_store,
        );
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                session,
                agent_id: parts.agent_id,
                agent_branch_id: parts.agent_branch_id,
                purchase_confirmation_window: parts.purchase_confirmation_window,
                purchase_guard: parts.purchase_guard,
                dialects: DialectState::new(parts.dialect),
                case_locks: tokio::sync::Mutex::default(),
                real_time: parts.real_time,
                hub: std::sync::OnceLock::new(),
                prepared: std::sync::Mutex::default(),
            }),
        })
    }

    /// The API base URL.
    pub fn base_url(&self) -> &str {
        self.inner.http.settings().api_base.as_str()
    }

    /// The `User-Agent` every request carries.
    pub fn user_agent(&self) -> &str {
        &self.inner.http.settings().user_agent
    }

    /// The OAuth server that issues client-credentials tokens.
    pub fn auth_url(&self) -> &str {
        self.inner.http.settings().auth_base.as_str()
    }

    /// The dialect requests are spelt in now: the one set with
    /// [`ClientBuilder::dialect`], else the one read off the server's schema or learned from its
    /// answers (the vendor client's until then).
    pub fn dialect(&self) -> Dialect {
        self.inner.dialects.current()
    }

    pub(crate) fn dialects(&self) -> &DialectState {
        &self.inner.dialects
    }

    pub(crate) fn purchase_confirmation_window(&self) -> Duration {
        self.inner.purchase_confirmation_window
    }

    pub(crate) fn purchase_guard(&self) -> Option<&Arc<dyn PurchaseGuard>> {
        self.inner.purchase_guard.as_ref()
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

    /// Forgets the session's tokens, here and in the token store. A user signed in through OAuth
    /// is signed out at the server too: its refresh and access tokens are revoked first (the
    /// tokens are forgotten even when that fails, and the failure is returned).
    pub async fn sign_out(&self) -> Result<()> {
        self.inner.session.sign_out().await
    }

    /// Starts a user's OAuth sign-in (with [`ClientBuilder::oauth_user`]): a PKCE verifier and a
    /// `state`, and the URL to open in the user's browser (the request pushed to the server first
    /// when it offers PAR). The server's discovery document is read on first use and kept. The
    /// client remembers the sign-in, so [`Client::complete_sign_in`] needs only the callback URL.
    pub async fn start_sign_in(&self) -> Result<PendingSignIn> {
        self.inner.session.start_sign_in().await
    }

    /// Completes a sign-in this client started, from the callback URL the browser was sent to
    /// (or its query, `code=…&state=…&iss=…`). A `state` that matches no started sign-in, or an
    /// `iss` naming another server, is refused with a `ValidationError` naming the field, before
    /// any request; a refusal by the user (`error=access_denied`) is an `AuthenticationError`.
    /// The tokens go to the token store before any call uses them.
    pub async fn complete_sign_in(&self, callback_url: &str) -> Result<()> {
        self.inner
            .session
            .complete_sign_in(callback_url, None)
            .await
    }

    /// Completes `pending`, a sign-in started by another client or process, from its callback.
    pub async fn complete_sign_in_with(
        &self,
        pending: &PendingSignIn,
        callback_url: &str,
    ) -> Result<()> {
        self.inner
            .session
            .complete_sign_in(callback_url, Some(pending))
            .await
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

    /// The national address register: the city-to-flat cascade and UAVT lookups.
    pub fn addresses(&self) -> Addresses {
        Addresses::new(self.clone())
    }

    /// The agency's branches and their hierarchy.
    pub fn agent_branches(&self) -> AgentBranches {
        AgentBranches::new(self.clone())
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

    /// Sends a request spelt for the server's REST dialect by `build`. When the server refuses the
    /// spelling alone — a body it cannot bind (400, nothing created) or, for a read, a path it does
    /// not have (404) — the request is sent once more in the other documented spelling, and the
    /// one that works is remembered. Nothing the server may have acted on is sent again.
    pub(crate) async fn send_spelt(
        &self,
        build: impl Fn(Dialect) -> Result<Request>,
    ) -> Result<Response> {
        let dialects = self.dialects();
        let dialect = dialects.rest_current();
        let request = build(dialect)?;
        let reading = request.method == reqwest::Method::GET;
        match self.send(request).await {
            Err(error)
                if crate::dialect::unbindable(&error) || reading && error.status() == Some(404) =>
            {
                let Some(other) = dialects.other_rest(dialect) else {
                    return Err(error);
                };
                tracing::debug!(%dialect, %other, "the server refused this spelling; trying the other");
                let answer = self.send(build(other)?).await?;
                dialects.settle_rest(other);
                Ok(answer)
            }
            outcome => outcome,
        }
    }

    /// How watches hear of insurers' answers.
    pub fn real_time(&self) -> RealTime {
        self.inner.real_time.mode
    }

    /// The real-time hub (its task starts on first use, on the caller's runtime), unless the
    /// client only polls or the API's address has no hub.
    pub(crate) fn hub(&self) -> Option<&Hub> {
        if self.inner.real_time.mode == RealTime::Polling {
            return None;
        }
        if let Some(hub) = self.inner.hub.get() {
            return Some(hub);
        }
        let settings = self.inner.http.settings();
        let url = match crate::hub::hub_url(&settings.api_base) {
            Ok(url) => url,
            Err(error) => {
                tracing::debug!(%error, "no hub address; watches poll");
                return None;
            }
        };
        let endpoint = crate::hub::connection::Endpoint {
            url,
            user_agent: settings.user_agent.clone(),
            settings: self.inner.real_time,
        };
        Some(
            self.inner
                .hub
                .get_or_init(|| Hub::start(endpoint, self.inner.session.clone())),
        )
    }

    /// Keeps a proposal `create` registered on the hub until it is watched, for at most
    /// [`PREPARED_FOR`]; older ones are dropped (and their registrations with them).
    pub(crate) fn keep_prepared(&self, id: ProposalId, prepared: Prepared) {
        let mut kept = self
            .inner
            .prepared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        kept.retain(|_, old| old.at.elapsed() < PREPARED_FOR);
        kept.insert(id, prepared);
    }

    pub(crate) fn take_prepared(&self, id: &ProposalId) -> Option<Prepared> {
        let mut kept = self
            .inner
            .prepared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        kept.remove(id)
            .filter(|prepared| prepared.at.elapsed() < PREPARED_FOR)
    }

    pub(crate) async fn case_lock(&self, key: String) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.inner.case_locks.lock().await;
        Arc::clone(locks.entry(key).or_default())
    }
}
