//! The one owner of sandbox state. Handlers lock it briefly, never across an `.await`.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use time::OffsetDateTime;

use crate::catalog::{AGENT_BRANCH_ID, AGENT_BRANCH_NAME};
use crate::config::SandboxConfig;
use crate::faults::Fault;
use crate::ids::IdGen;
use crate::model::{Case, Customer, Delivery, Policy, Property, Proposal, Vehicle, Webhook};
use crate::purchase::PendingPayment;
use crate::ratelimit::Bucket;
use crate::stats::Stats;

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
    /// Proposals that still have WAITING products, so settling skips the rest.
    pub pending: HashSet<String>,
    pub policies: Table<Policy>,
    pub policy_seq: u32,
    pub webhooks: Table<Webhook>,
    pub deliveries: HashMap<String, Delivery>,
    /// Async (3-D Secure) payments waiting for the redirect page to be visited.
    pub payments: HashMap<String, PendingPayment>,
    pub auth: AuthState,
    pub stats: Stats,
    pub faults: Vec<Fault>,
    pub buckets: HashMap<String, Bucket>,
}

impl State {
    pub fn seeded(config: &SandboxConfig) -> Self {
        let created_at = time::macros::datetime!(2024-01-15 09:00:00 UTC);
        let mut state = Self {
            ids: IdGen::new(config.seed),
            branches: vec![Branch {
                id: AGENT_BRANCH_ID.to_owned(),
                name: AGENT_BRANCH_NAME.to_owned(),
                parent_id: None,
                created_at,
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
            policy_seq: 0,
            webhooks: Table::default(),
            deliveries: HashMap::new(),
            payments: HashMap::new(),
            auth: AuthState::default(),
            stats: Stats::default(),
            faults: Vec::new(),
            buckets: HashMap::new(),
        };
        if config.generated_policies > 0 {
            crate::generator::generate(&mut state, config.seed, config.generated_policies);
        }
        state
    }

    /// Back to the seeded data; auth sessions are kept (see [`AuthState`]).
    pub fn reset(&mut self, config: &SandboxConfig) {
        let auth = std::mem::take(&mut self.auth);
        *self = Self::seeded(config);
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

    /// Applies every insurer answer that is due.
    pub fn settle_all(&mut self, now: Instant) {
        if self.pending.is_empty() {
            return;
        }
        let ids: Vec<String> = self.pending.iter().cloned().collect();
        for id in ids {
            self.settle(&id, now);
        }
    }

    pub fn settle(&mut self, proposal_id: &str, now: Instant) {
        if !self.pending.contains(proposal_id) {
            return;
        }
        if let Some(proposal) = self.proposals.get_mut(proposal_id) {
            if !crate::insurers::settle(proposal, now) {
                self.pending.remove(proposal_id);
            }
        } else {
            self.pending.remove(proposal_id);
        }
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
