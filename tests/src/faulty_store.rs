//! A `RedisTokenStore` that can die at the two moments a renewing worker can die, and that
//! remembers the last record version it saw, for the fleet tests' worker processes.

use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use insurup::{
    CommitOutcome, RedisTokenStore, RenewalLease, RenewalStart, Result, SharedTokenStore, TokenSet,
    TokenStore,
};

/// Where the worker dies, once for the whole fleet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Death {
    /// Never.
    Never,
    /// Holding the lease, before the refresh is sent: the lease must expire.
    BeforeRefresh,
    /// After the server rotated the refresh token, before the commit: the next refresh is
    /// refused.
    AfterRefresh,
}

impl std::str::FromStr for Death {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text {
            "never" => Ok(Death::Never),
            "before-refresh" => Ok(Death::BeforeRefresh),
            "after-refresh" => Ok(Death::AfterRefresh),
            other => Err(format!("unknown death {other:?}")),
        }
    }
}

/// The exit code of a worker that died on purpose.
pub const DIED_ON_PURPOSE: i32 = 86;

/// Forwards to a `RedisTokenStore`; dies where told, at most once across the fleet (the first
/// worker to claim the death in Redis), and only for a refresh of version 2 or later.
#[derive(Debug)]
pub struct FaultyStore {
    inner: RedisTokenStore,
    death: Death,
    redis_url: String,
    death_key: String,
    last_version: Mutex<u64>,
}

impl FaultyStore {
    /// `inner`, dying at `death`.
    pub fn new(inner: RedisTokenStore, redis_url: &str, death: Death) -> Self {
        FaultyStore {
            death_key: format!("fleet-test:{}:death", inner.fleet().account()),
            inner,
            death,
            redis_url: redis_url.to_owned(),
            last_version: Mutex::new(0),
        }
    }

    /// The last record version this worker read or wrote.
    pub fn last_version(&self) -> u64 {
        self.last_version.lock().map_or(0, |version| *version)
    }

    fn saw(&self, version: u64) {
        if let Ok(mut last) = self.last_version.lock() {
            *last = (*last).max(version);
        }
    }

    /// Dies if `death` is this store's and no other worker has died yet.
    async fn maybe_die(&self, death: Death, version: u64) {
        if self.death != death || version < 2 {
            return;
        }
        let claimed = async {
            let client = redis::Client::open(self.redis_url.as_str()).ok()?;
            let mut connection = client.get_multiplexed_async_connection().await.ok()?;
            redis::cmd("SET")
                .arg(&self.death_key)
                .arg(std::process::id())
                .arg("NX")
                .query_async::<Option<String>>(&mut connection)
                .await
                .ok()
                .flatten()
        }
        .await;
        if claimed.is_some() {
            eprintln!("fleet-worker {}: dying {death:?}", std::process::id());
            std::process::exit(DIED_ON_PURPOSE);
        }
    }
}

#[async_trait]
impl TokenStore for FaultyStore {
    async fn load(&self) -> Result<Option<TokenSet>> {
        self.inner.load().await
    }

    async fn save(&self, tokens: &TokenSet) -> Result<()> {
        self.inner.save(tokens).await
    }

    async fn clear(&self) -> Result<()> {
        self.inner.clear().await
    }

    fn shared(&self) -> Option<&dyn SharedTokenStore> {
        Some(self)
    }
}

#[async_trait]
impl SharedTokenStore for FaultyStore {
    async fn begin_renewal(&self, seen_version: u64, lease_for: Duration) -> Result<RenewalStart> {
        let start = self.inner.begin_renewal(seen_version, lease_for).await?;
        match &start {
            RenewalStart::Stale(record) => self.saw(record.version),
            RenewalStart::Acquired(lease) if lease.record.tokens.is_some() => {
                self.maybe_die(Death::BeforeRefresh, lease.next_version)
                    .await;
            }
            _ => {}
        }
        Ok(start)
    }

    async fn extend_lease(&self, lease: &RenewalLease, lease_for: Duration) -> Result<bool> {
        self.inner.extend_lease(lease, lease_for).await
    }

    async fn commit_renewal(
        &self,
        lease: &RenewalLease,
        tokens: Option<&TokenSet>,
    ) -> Result<CommitOutcome> {
        if tokens.is_some() && lease.record.tokens.is_some() {
            self.maybe_die(Death::AfterRefresh, lease.next_version)
                .await;
        }
        let outcome = self.inner.commit_renewal(lease, tokens).await?;
        match &outcome {
            CommitOutcome::Committed => self.saw(lease.next_version),
            CommitOutcome::Superseded(record) => self.saw(record.version),
        }
        Ok(outcome)
    }

    async fn release_lease(&self, lease: &RenewalLease) -> Result<()> {
        self.inner.release_lease(lease).await
    }

    fn longest_wait(&self) -> Duration {
        SharedTokenStore::longest_wait(&self.inner)
    }
}
