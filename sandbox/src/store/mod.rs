//! The one owner of sandbox state. Handlers lock it briefly, never across an `.await`.

pub mod controls;
pub mod ids;
pub mod model;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use time::OffsetDateTime;

use crate::config::SandboxConfig;
use crate::controls::stats::Stats;
use crate::simulation::catalog::{AGENT_BRANCH_ID, AGENT_BRANCH_NAME};
use crate::store::controls::{Bucket, Fault};
use crate::store::ids::IdGen;
use crate::store::model::{
    Case, Customer, Delivery, PendingPayment, Policy, PolicyTransfer, Property, Proposal, Vehicle,
    Webhook,
};

/// Rows in insertion order with an id index; removal leaves a tombstone so order and indexes stay valid.
#[derive(Debug)]
pub struct Table<T> {
    rows: Vec<Option<T>>,
    index: HashMap<String, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> Table<T> {
    pub fn with_capacity(n: usize) -> Self {
        Self {
            rows: Vec::with_capacity(n),
            index: HashMap::with_capacity(n),
        }
    }

    pub fn insert(&mut self, id: String, row: T) {
        if let Some(&at) = self.index.get(&id) {
            self.rows[at] = Some(row);
        } else {
            self.index.insert(id, self.rows.len());
            self.rows.push(Some(row));
        }
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).and_then(|&i| self.rows[i].as_ref())
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        match self.index.get(id) {
            Some(&i) => self.rows[i].as_mut(),
            None => None,
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<T> {
        let at = self.index.remove(id)?;
        self.rows[at].take()
    }

    /// Oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.rows.iter().filter_map(Option::as_ref)
    }

    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.rows.iter_mut().filter_map(Option::as_mut)
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }
}

#[derive(Clone, Debug)]
pub struct Branch {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: Option<OffsetDateTime>,
}

#[derive(Clone, Debug)]
pub struct RefreshSession {
    pub subject: String,
}

/// Sessions survive `/__sandbox/reset`: the seeded users are the same after it, so their tokens stay good.
#[derive(Debug, Default)]
pub struct AuthState {
    pub refresh_tokens: HashMap<String, RefreshSession>,
    pub mfa_pending: HashSet<String>,
    /// Access tokens from an older generation are revoked.
    pub generation: u64,
    /// Shift applied to `iat`/`exp` of newly issued access tokens.
    pub skew_secs: i64,
    /// The authorization server's sign-ins of users through OAuth.
    pub oauth: OAuthState,
}

/// Authorization requests pushed with PAR, codes not yet exchanged, refresh tokens of OAuth sign-ins
/// and access tokens revoked one by one.
#[derive(Debug, Default)]
pub struct OAuthState {
    /// `request_uri` id → the pushed authorization request's parameters.
    pub pushed: HashMap<String, PushedRequest>,
    pub codes: HashMap<String, IssuedCode>,
    pub refresh_tokens: HashMap<String, OAuthGrant>,
    /// `jti`s of access tokens revoked through `/connect/revoke`.
    pub revoked_access: HashSet<String>,
}

#[derive(Clone, Debug)]
pub struct PushedRequest {
    pub params: Vec<(String, String)>,
    pub expires_at: std::time::Instant,
}

#[derive(Clone, Debug)]
pub struct IssuedCode {
    pub client_id: String,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub grant: OAuthGrant,
    pub expires_at: std::time::Instant,
}

/// Who signed in, for which client, with which scope.
#[derive(Clone, Debug)]
pub struct OAuthGrant {
    pub client_id: String,
    pub subject: String,
    pub scope: String,
}

#[derive(Debug)]
pub struct State {
    pub ids: IdGen,
    pub branches: Vec<Branch>,
    pub customers: Table<Customer>,
    /// TCKN/VKN -> customer id (one agent, so one namespace).
    pub identities: HashMap<String, String>,
    pub vehicles: Table<Vehicle>,
    pub properties: Table<Property>,
    pub cases: Table<Case>,
    pub case_seq: u32,
    pub proposals: Table<Proposal>,
    /// Proposals that may still have WAITING products, so the insurers' clock skips the rest.
    pub pending: HashSet<String>,
    pub policies: Table<Policy>,
    /// Earlier versions of policies that were endorsed or cancelled, oldest first (the current
    /// version is the policy itself).
    pub policy_history: HashMap<String, Vec<Policy>>,
    pub policy_transfers: Table<PolicyTransfer>,
    pub policy_seq: u32,
    pub webhooks: Table<Webhook>,
    pub deliveries: Table<Delivery>,
    /// Async (3-D Secure) payments waiting for the redirect page to be visited.
    pub payments: HashMap<String, PendingPayment>,
    pub auth: AuthState,
    pub stats: Stats,
    pub faults: Vec<Fault>,
    pub buckets: HashMap<String, Bucket>,
}

impl State {
    /// The fixed seed data (agent branch); generated policies are added by the simulation.
    pub fn seeded(config: &SandboxConfig) -> Self {
        let created_at = time::macros::datetime!(2024-01-15 09:00:00 UTC);
        Self {
            ids: IdGen::new(config.seed),
            branches: vec![Branch {
                id: AGENT_BRANCH_ID.to_owned(),
                name: AGENT_BRANCH_NAME.to_owned(),
                parent_id: None,
                created_at,
                updated_at: None,
            }],
            customers: Table::default(),
            identities: HashMap::new(),
            vehicles: Table::default(),
            properties: Table::default(),
            cases: Table::default(),
            case_seq: 0,
            proposals: Table::default(),
            pending: HashSet::new(),
            policies: Table::default(),
            policy_history: HashMap::new(),
            policy_transfers: Table::default(),
            policy_seq: 0,
            webhooks: Table::default(),
            deliveries: Table::default(),
            payments: HashMap::new(),
            auth: AuthState::default(),
            stats: Stats::default(),
            faults: Vec::new(),
            buckets: HashMap::new(),
        }
    }

    /// Replaces everything with `fresh` except the auth sessions (see [`AuthState`]).
    pub fn replace_keeping_sessions(&mut self, fresh: State) {
        let auth = std::mem::take(&mut self.auth);
        *self = fresh;
        self.auth = auth;
    }

    pub fn branch(&self, id: &str) -> Option<&Branch> {
        self.branches.iter().find(|b| b.id == id)
    }

    /// Looks a customer up by id, or by TCKN/VKN as the .NET docs allow.
    pub fn customer_id_for(&self, key: &str) -> Option<String> {
        if self.customers.get(key).is_some() {
            return Some(key.to_owned());
        }
        self.identities.get(key).cloned()
    }

    pub fn count_request(&mut self, key: String) {
        *self.stats.requests.entry(key).or_insert(0) += 1;
    }
}

/// Cheap to clone; all clones share the same state.
#[derive(Clone, Debug)]
pub struct Store {
    inner: Arc<Mutex<State>>,
}

impl Store {
    pub fn new(state: State) -> Self {
        Self {
            inner: Arc::new(Mutex::new(state)),
        }
    }

    /// Runs `f` under the lock. A panic elsewhere never wedges the sandbox: a poisoned lock is reused.
    pub fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut guard)
    }
}
