//! `RedisTokenStore`: one agency session shared by every worker process, renewed by one of them
//! at a time (see [`crate::SharedTokenStore`] for the protocol).
//!
//! Redis keeps, per account, a hash `<prefix>:{<account>}:session` with the record's `version`,
//! `state` (`ok` / `needs_login`), `tokens` (JSON) and the `fence` of the lease that wrote it;
//! the lease `…:session:lease` (`"<fence>:<holder>"`, expiring) and the fencing counter
//! `…:session:fence`. Begin and commit are Lua scripts, so each is one atomic step.

use std::fmt;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use async_trait::async_trait;

use super::RedisFleet;
use crate::auth::{
    CommitOutcome, RenewalLease, RenewalStart, SharedSession, SharedSessionState, SharedTokenStore,
    TokenSet, TokenStore,
};
use crate::error::{Error, ErrorKind, Result};

static BEGIN: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/session_begin.lua")));
static COMMIT: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/session_commit.lua")));
static PUBLISH: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/session_publish.lua")));
pub(super) static EXTEND: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/lease_extend.lua")));
pub(super) static RELEASE: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/lease_release.lua")));

/// Keeps one account's session in Redis for every worker process that uses the account, on any
/// number of machines: one login for the whole fleet, exactly one refresh per token
/// generation, and no worker refused a refresh token another worker already rotated.
///
/// Each session still keeps its tokens in memory, so a call costs no Redis round trip; Redis is
/// asked only when the token reaches 80 % of its life. If Redis cannot be reached the current
/// access token is used until it expires; then calls fail with a clear error, unless
/// [`RedisTokenStore::single_worker_fallback`] allows renewing without the lease.
///
/// ```no_run
/// # fn run() -> insurup::Result<()> {
/// use std::sync::Arc;
/// let store = insurup::RedisTokenStore::new("rediss://app:secret@redis.internal:6380/0", "ops@acente.com.tr")?;
/// let client = insurup::Client::builder()
///     .agent_user("ops@acente.com.tr", "password")
///     .token_store(Arc::new(store))
///     .build()?;
/// # Ok(()) }
/// ```
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "insurup"))]
pub struct RedisTokenStore {
    fleet: RedisFleet,
    /// Names this process's leases (with the fence, unique across the fleet).
    holder: String,
    single_worker_fallback: bool,
    longest_wait: Duration,
    /// A commit whose answer never came, kept to be committed again by [`TokenStore::save`].
    unconfirmed: Mutex<Option<(RenewalLease, TokenSet)>>,
}

impl fmt::Debug for RedisTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisTokenStore")
            .field("url", &self.fleet.url())
            .field("account", &self.fleet.account())
            .field("single_worker_fallback", &self.single_worker_fallback)
            .finish_non_exhaustive()
    }
}

impl RedisTokenStore {
    /// The session of `account` in the Redis at `url` (`redis://…` or `rediss://…`, with an ACL
    /// user and password if the server wants them). Connects on first use.
    pub fn new(url: &str, account: &str) -> Result<Self> {
        Ok(Self::in_fleet(&RedisFleet::new(url, account)?))
    }

    /// The session of the fleet's account, on the fleet's connection.
    pub fn in_fleet(fleet: &RedisFleet) -> Self {
        RedisTokenStore {
            fleet: fleet.clone(),
            holder: format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple()),
            single_worker_fallback: false,
            longest_wait: Duration::from_secs(60),
            unconfirmed: Mutex::new(None),
        }
    }

    /// When Redis is unreachable and the access token has expired, renew without the lease
    /// instead of failing. Only safe when a single worker uses the account: two workers
    /// renewing alone refuse each other's refresh tokens. Off by default.
    pub fn single_worker_fallback(mut self, allowed: bool) -> Self {
        self.single_worker_fallback = allowed;
        self
    }

    /// How long a worker whose token has expired waits for another worker's renewal (a login
    /// that waits for a 2FA code, say) before its call fails; 60 s by default.
    pub fn wait_for_renewal(mut self, wait: Duration) -> Self {
        self.longest_wait = wait;
        self
    }

    /// The fleet (Redis and account) this store belongs to.
    pub fn fleet(&self) -> &RedisFleet {
        &self.fleet
    }

    /// The shared record as Redis holds it now.
    pub async fn session(&self) -> Result<SharedSession> {
        let mut connection = self.fleet.connection().await?;
        let fields: Vec<Option<String>> = redis::cmd("HMGET")
            .arg(self.record_key())
            .arg(&["version", "state", "tokens"])
            .query_async(&mut connection)
            .await
            .map_err(|error| self.failed("read the session from", &error))?;
        let field = |n: usize| fields.get(n).cloned().flatten().unwrap_or_default();
        self.record(&field(0), &field(1), &field(2))
    }

    fn record_key(&self) -> String {
        self.fleet.key("session")
    }

    fn lease_key(&self) -> String {
        self.fleet.key("session:lease")
    }

    fn fence_key(&self) -> String {
        self.fleet.key("session:fence")
    }

    fn failed(&self, action: &str, error: &redis::RedisError) -> Error {
        self.fleet.error(ErrorKind::TokenStore, action, error)
    }

    fn lease_value(lease: &RenewalLease) -> String {
        format!("{}:{}", lease.fence, lease.holder)
    }

    /// A record from its stored fields.
    fn record(&self, version: &str, state: &str, tokens: &str) -> Result<SharedSession> {
        let version = if version.is_empty() {
            0
        } else {
            version.parse().map_err(|_| self.corrupt("version"))?
        };
        let state = match state {
            "needs_login" => SharedSessionState::NeedsLogin,
            _ => SharedSessionState::Ok,
        };
        let tokens = if tokens.is_empty() {
            None
        } else {
            Some(serde_json::from_str(tokens).map_err(|_| self.corrupt("tokens"))?)
        };
        Ok(SharedSession {
            version,
            state,
            tokens,
        })
    }

    fn corrupt(&self, field: &str) -> Error {
        Error::new(
            ErrorKind::TokenStore,
            format!(
                "the shared session of {} in Redis at {} has an unreadable {field}; delete the key \
                 {} and log in again",
                self.fleet.account(),
                self.fleet.url(),
                self.record_key()
            ),
        )
    }

    fn encode(tokens: &TokenSet) -> Result<String> {
        serde_json::to_string(tokens)
            .map_err(|error| Error::decode("could not encode tokens", error))
    }

    fn remember_unconfirmed(&self, entry: Option<(RenewalLease, TokenSet)>) {
        if let Ok(mut unconfirmed) = self.unconfirmed.lock() {
            *unconfirmed = entry;
        }
    }
}

#[async_trait]
impl TokenStore for RedisTokenStore {
    async fn load(&self) -> Result<Option<TokenSet>> {
        let record = self.session().await?;
        Ok(record
            .tokens
            .filter(|_| record.state == SharedSessionState::Ok))
    }

    /// Commits again a renewal whose commit got no answer; any other tokens are written as the
    /// next version.
    async fn save(&self, tokens: &TokenSet) -> Result<()> {
        let unconfirmed = self
            .unconfirmed
            .lock()
            .ok()
            .and_then(|unconfirmed| unconfirmed.clone())
            .filter(|(_, pending)| pending.access_token == tokens.access_token);
        if let Some((lease, _)) = unconfirmed {
            // Committed or superseded, the record is settled either way.
            self.commit_renewal(&lease, Some(tokens)).await?;
            return Ok(());
        }
        let mut connection = self.fleet.connection().await?;
        let _version: u64 = PUBLISH
            .key(self.record_key())
            .arg(Self::encode(tokens)?)
            .invoke_async(&mut connection)
            .await
            .map_err(|error| self.failed("save the session to", &error))?;
        Ok(())
    }

    async fn clear(&self) -> Result<()> {
        let mut connection = self.fleet.connection().await?;
        redis::cmd("DEL")
            .arg(self.record_key())
            .arg(self.lease_key())
            .query_async::<()>(&mut connection)
            .await
            .map_err(|error| self.failed("delete the session from", &error))
    }

    fn shared(&self) -> Option<&dyn SharedTokenStore> {
        Some(self)
    }
}

#[async_trait]
impl SharedTokenStore for RedisTokenStore {
    async fn begin_renewal(&self, seen_version: u64, lease_for: Duration) -> Result<RenewalStart> {
        let mut connection = self.fleet.connection().await?;
        let reply: Vec<String> = BEGIN
            .key(self.record_key())
            .key(self.lease_key())
            .key(self.fence_key())
            .arg(seen_version)
            .arg(&self.holder)
            .arg(lease_for.as_millis().max(1) as u64)
            .invoke_async(&mut connection)
            .await
            .map_err(|error| self.failed("begin a renewal in", &error))?;
        let field = |n: usize| reply.get(n).map_or("", String::as_str);
        match field(0) {
            "stale" => Ok(RenewalStart::Stale(self.record(
                field(1),
                field(2),
                field(3),
            )?)),
            "busy" => Ok(RenewalStart::Busy),
            "acquired" => {
                let record = self.record(field(1), field(2), field(3))?;
                let fence = field(4).parse().map_err(|_| self.corrupt("fence"))?;
                let next_version = record.version.max(seen_version) + 1;
                Ok(RenewalStart::Acquired(RenewalLease {
                    fence,
                    record,
                    next_version,
                    holder: self.holder.clone(),
                }))
            }
            other => Err(Error::new(
                ErrorKind::TokenStore,
                format!("unexpected answer {other:?} from the renewal script"),
            )),
        }
    }

    async fn extend_lease(&self, lease: &RenewalLease, lease_for: Duration) -> Result<bool> {
        let mut connection = self.fleet.connection().await?;
        let extended: i64 = EXTEND
            .key(self.lease_key())
            .arg(Self::lease_value(lease))
            .arg(lease_for.as_millis().max(1) as u64)
            .invoke_async(&mut connection)
            .await
            .map_err(|error| self.failed("extend the renewal lease in", &error))?;
        Ok(extended == 1)
    }

    async fn commit_renewal(
        &self,
        lease: &RenewalLease,
        tokens: Option<&TokenSet>,
    ) -> Result<CommitOutcome> {
        let (state, encoded) = match tokens {
            Some(tokens) => (SharedSessionState::Ok, Self::encode(tokens)?),
            None => (SharedSessionState::NeedsLogin, String::new()),
        };
        let outcome = async {
            let mut connection = self.fleet.connection().await?;
            COMMIT
                .key(self.record_key())
                .key(self.lease_key())
                .arg(Self::lease_value(lease))
                .arg(lease.fence)
                .arg(lease.record.version)
                .arg(lease.next_version)
                .arg(state.as_str())
                .arg(&encoded)
                .invoke_async::<Vec<String>>(&mut connection)
                .await
                .map_err(|error| self.failed("commit the session to", &error))
        }
        .await;
        let reply = match outcome {
            Ok(reply) => reply,
            Err(error) => {
                if let Some(tokens) = tokens {
                    self.remember_unconfirmed(Some((lease.clone(), tokens.clone())));
                }
                return Err(error);
            }
        };
        self.remember_unconfirmed(None);
        let field = |n: usize| reply.get(n).map_or("", String::as_str);
        match field(0) {
            "committed" => Ok(CommitOutcome::Committed),
            "superseded" => Ok(CommitOutcome::Superseded(self.record(
                field(1),
                field(2),
                field(3),
            )?)),
            other => Err(Error::new(
                ErrorKind::TokenStore,
                format!("unexpected answer {other:?} from the commit script"),
            )),
        }
    }

    async fn release_lease(&self, lease: &RenewalLease) -> Result<()> {
        let mut connection = self.fleet.connection().await?;
        RELEASE
            .key(self.lease_key())
            .arg(Self::lease_value(lease))
            .invoke_async::<i64>(&mut connection)
            .await
            .map_err(|error| self.failed("free the renewal lease in", &error))?;
        Ok(())
    }

    fn renews_without_lease(&self) -> bool {
        self.single_worker_fallback
    }

    fn longest_wait(&self) -> Duration {
        self.longest_wait
    }
}
