//! One session shared by many processes: a versioned record, a lease for the one worker that
//! renews, and a commit that writes only over the version that worker read.
//!
//! A refresh rotates the refresh token, so two workers that refresh with the same one leave one
//! of them refused. A [`SharedTokenStore`] prevents that: before renewing, a worker asks to
//! [begin](SharedTokenStore::begin_renewal); it is told someone already renewed (adopt their
//! record), someone is renewing (keep the current access token and look again shortly), or that
//! it holds the lease. The holder refreshes (or logs in), then
//! [commits](SharedTokenStore::commit_renewal) as the next version. The lease expires, so a
//! holder that dies frees it; the commit compares versions, so a holder that comes back late
//! never overwrites a newer record.
//!
//! Renewal starts at 80 % of the token's life and the lease lives for a twentieth of it, so
//! waiting out a dead holder ends well before the token in use expires.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use tokio::time::Instant;

use super::tokens::now_ms;
use super::{TokenSet, TokenStore};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

/// Whether a shared session can be used or must be started again with a login.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedSessionState {
    /// The record's tokens are the account's current ones.
    Ok,
    /// The refresh token was refused: the next lease holder logs in.
    NeedsLogin,
}

impl SharedSessionState {
    /// The state as stored: `ok` or `needs_login`.
    pub fn as_str(self) -> &'static str {
        match self {
            SharedSessionState::Ok => "ok",
            SharedSessionState::NeedsLogin => "needs_login",
        }
    }
}

/// One account's session as a shared store keeps it. Debug output never shows the tokens.
#[derive(Debug, Clone)]
pub struct SharedSession {
    /// Raised by one on every commit; 0 when there is no record.
    pub version: u64,
    /// Whether the tokens can be used.
    pub state: SharedSessionState,
    /// The tokens (none while the session needs a login, or without a record).
    pub tokens: Option<TokenSet>,
}

impl SharedSession {
    /// No record at all.
    pub fn absent() -> Self {
        SharedSession {
            version: 0,
            state: SharedSessionState::Ok,
            tokens: None,
        }
    }
}

/// What [`SharedTokenStore::begin_renewal`] found.
#[derive(Debug)]
pub enum RenewalStart {
    /// The record is newer than the caller's: someone renewed, use their tokens.
    Stale(SharedSession),
    /// Another worker holds the lease and is renewing now.
    Busy,
    /// The caller holds the lease: renew, then commit.
    Acquired(RenewalLease),
}

/// The right to renew one account's session until the lease expires.
#[derive(Clone)]
pub struct RenewalLease {
    /// Increases with every lease granted for the account (a fencing token).
    pub fence: u64,
    /// The record when the lease was granted; a commit writes only over this version.
    pub record: SharedSession,
    /// The version a commit writes.
    pub next_version: u64,
    /// Identifies this holder in the store.
    pub holder: String,
}

impl fmt::Debug for RenewalLease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RenewalLease")
            .field("fence", &self.fence)
            .field("record_version", &self.record.version)
            .field("next_version", &self.next_version)
            .finish_non_exhaustive()
    }
}

impl RenewalLease {
    /// The lease after a commit of `state`: the next commit writes over what this one wrote.
    pub fn after_commit(&self, state: SharedSessionState) -> RenewalLease {
        RenewalLease {
            fence: self.fence,
            record: SharedSession {
                version: self.next_version,
                state,
                tokens: None,
            },
            next_version: self.next_version + 1,
            holder: self.holder.clone(),
        }
    }
}

/// What a commit did.
#[derive(Debug)]
pub enum CommitOutcome {
    /// The record now holds what was committed (now, or by an earlier attempt whose answer was
    /// lost).
    Committed,
    /// The record had moved past the version the lease read: nothing was written.
    Superseded(SharedSession),
}

/// A token store shared by many processes that coordinates renewals through a lease (see the
/// module documentation). A session whose store offers one ([`TokenStore::shared`]) renews only
/// while holding the lease.
#[async_trait]
pub trait SharedTokenStore: TokenStore {
    /// Asks to renew. `seen_version` is the version of the tokens the caller holds (0 for
    /// none); `lease_for` is how long the lease lives unless extended.
    async fn begin_renewal(&self, seen_version: u64, lease_for: Duration) -> Result<RenewalStart>;

    /// Keeps the lease alive for another `lease_for`; false if it is no longer held.
    async fn extend_lease(&self, lease: &RenewalLease, lease_for: Duration) -> Result<bool>;

    /// Writes `tokens` (or, for `None`, [`SharedSessionState::NeedsLogin`]) as
    /// `lease.next_version` if the record's version is still `lease.record.version` or the
    /// record is gone. Committing tokens frees the lease. Asking again after a lost answer is
    /// safe: a commit that already landed answers [`CommitOutcome::Committed`].
    async fn commit_renewal(
        &self,
        lease: &RenewalLease,
        tokens: Option<&TokenSet>,
    ) -> Result<CommitOutcome>;

    /// Frees the lease without writing (the renewal failed and changed nothing).
    async fn release_lease(&self, lease: &RenewalLease) -> Result<()>;

    /// When the store cannot be reached and the access token has expired: true to renew anyway
    /// without the lease (only right when a single worker uses the account), false to fail.
    fn renews_without_lease(&self) -> bool {
        false
    }

    /// How long a worker whose token has expired waits for another worker's renewal before its
    /// call fails.
    fn longest_wait(&self) -> Duration {
        Duration::from_secs(60)
    }
}

/// Shortest and longest lease.
const SHORTEST_LEASE: Duration = Duration::from_millis(250);
const LONGEST_LEASE: Duration = Duration::from_secs(15);
/// Lease for a session without tokens yet (a login, possibly waiting for a 2FA code; the holder
/// extends it while it works).
const FIRST_LOGIN_LEASE: Duration = Duration::from_secs(5);
/// Pauses between attempts to reach an unreachable store while the current token still works.
const FIRST_STORE_RETRY: Duration = Duration::from_millis(250);
const LONGEST_STORE_RETRY: Duration = Duration::from_secs(2);
/// Commit attempts (the first and the read-backs of its outcome) before the tokens are kept in
/// memory and reported unsaved.
const COMMIT_PAUSES: [Duration; 3] = [
    Duration::from_millis(50),
    Duration::from_millis(200),
    Duration::from_millis(500),
];

/// A lease outlives any pause of a live holder's heartbeat and ends well before the token in
/// use: a twentieth of the token's lifetime, within bounds.
pub(crate) fn lease_for(tokens: Option<&TokenSet>) -> Duration {
    match tokens {
        None => FIRST_LOGIN_LEASE,
        Some(tokens) => Duration::from_secs(tokens.expires_in_secs)
            .checked_div(20)
            .unwrap_or(SHORTEST_LEASE)
            .clamp(SHORTEST_LEASE, LONGEST_LEASE),
    }
}

/// A pause between `lease / 8` and `lease / 2` (at most 1 s), so waiting workers do not poll in
/// step.
fn poll_pause(lease: Duration) -> Duration {
    let low = (lease / 8).max(Duration::from_millis(20));
    let high = (lease / 2).min(Duration::from_secs(1)).max(low);
    let spread = high.saturating_sub(low).as_millis() as u64;
    low + Duration::from_millis(rand::random_range(0..=spread))
}

/// What the session does for the renewal protocol: refresh with a refresh token, or start a new
/// session (a login, or a client-credentials grant).
pub(crate) trait Renewer: Sync {
    /// Who the tokens must belong to.
    fn subject(&self) -> &str;
    /// Whether these credentials renew with a refresh token (agent users).
    fn refreshes(&self) -> bool;
    /// Refreshes `base`'s refresh token; the rotated token is in the answer.
    fn refresh(&self, base: &TokenSet) -> impl Future<Output = Result<TokenSet>> + Send;
    /// Logs in (or asks for a client-credentials token).
    fn sign_in(&self, after_refused_refresh: bool)
    -> impl Future<Output = Result<TokenSet>> + Send;
    /// The refresh token was refused, or its answer lost (it may be dead).
    fn refresh_failed_for_good(&self, error: &Error) -> bool;
}

/// What a renewal through the lease ended with.
pub(crate) struct SharedRenewal {
    pub tokens: Arc<TokenSet>,
    /// The record version the tokens were read or written as.
    pub version: u64,
    /// Whether the store holds them; an error means only this process does (yet).
    pub saved: Result<()>,
}

/// The session's tokens when the renewal starts.
pub(crate) struct Holding {
    pub tokens: Option<Arc<TokenSet>>,
    pub version: u64,
    /// The access token the server refused, if it did.
    pub refused: Option<Secret>,
}

impl Holding {
    /// The held tokens while they can still be sent.
    fn usable(&self) -> Option<&Arc<TokenSet>> {
        self.tokens.as_ref().filter(|tokens| {
            self.refused.as_ref() != Some(&tokens.access_token) && tokens.is_usable(now_ms())
        })
    }
}

/// Renews `holding` through `store`'s lease: adopts a newer record, waits for another worker's
/// renewal, or renews under the lease and commits.
pub(crate) async fn renew(
    renewer: &impl Renewer,
    store: &dyn SharedTokenStore,
    mut holding: Holding,
) -> Result<SharedRenewal> {
    let started = Instant::now();
    let mut store_retry = FIRST_STORE_RETRY;
    // A connection that broke (Redis restarted, say) fails its first command and reconnects:
    // one quick second try before a call fails for it.
    let mut tried_again = false;
    loop {
        let lease_for = lease_for(holding.tokens.as_deref());
        match store.begin_renewal(holding.version, lease_for).await {
            Ok(RenewalStart::Stale(record)) => {
                holding.version = record.version;
                if let Some(tokens) = adoptable(renewer, &holding, &record) {
                    tracing::debug!(version = record.version, "adopting the shared session");
                    return Ok(SharedRenewal {
                        tokens,
                        version: record.version,
                        saved: Ok(()),
                    });
                }
                // It needs a login, or its tokens are no use: ask for the lease at once.
            }
            Ok(RenewalStart::Busy) => {
                if holding.usable().is_none() && started.elapsed() > store.longest_wait() {
                    return Err(Error::new(
                        ErrorKind::Authentication,
                        format!(
                            "another worker has been renewing the shared session for more than \
                             {} s and this worker's access token has expired; try again",
                            store.longest_wait().as_secs()
                        ),
                    ));
                }
                tokio::time::sleep(poll_pause(lease_for)).await;
            }
            Ok(RenewalStart::Acquired(lease)) => {
                return renew_under_lease(renewer, store, &holding, lease, lease_for).await;
            }
            Err(error) => {
                if holding.usable().is_some() {
                    // The token in use still works: keep serving it and try again shortly.
                    tracing::warn!(
                        "the shared token store is unreachable; using the current access token \
                         meanwhile: {error}"
                    );
                    tokio::time::sleep(store_retry).await;
                    store_retry = (store_retry * 2).min(LONGEST_STORE_RETRY);
                    continue;
                }
                if !tried_again {
                    tried_again = true;
                    tokio::time::sleep(FIRST_STORE_RETRY / 2).await;
                    continue;
                }
                if store.renews_without_lease() {
                    tracing::warn!(
                        "the shared token store is unreachable; renewing without the lease \
                         (single-worker fallback): {error}"
                    );
                    return renew_alone(renewer, store, &holding).await;
                }
                return Err(Error::new(
                    ErrorKind::TokenStore,
                    format!(
                        "the access token expired and the shared session cannot be renewed \
                         without its lease, because the shared token store is unreachable \
                         ({error}); calls work again once it is back"
                    ),
                ));
            }
        }
    }
}

/// The record's tokens, when they belong to this session and can be sent.
fn adoptable(
    renewer: &impl Renewer,
    holding: &Holding,
    record: &SharedSession,
) -> Option<Arc<TokenSet>> {
    let tokens = record.tokens.as_ref()?;
    let usable = record.state == SharedSessionState::Ok
        && tokens.subject == renewer.subject()
        && holding.refused.as_ref() != Some(&tokens.access_token)
        && tokens.is_usable(now_ms());
    usable.then(|| Arc::new(tokens.clone()))
}

/// Renews while holding the lease, keeping it alive meanwhile.
async fn renew_under_lease(
    renewer: &impl Renewer,
    store: &dyn SharedTokenStore,
    holding: &Holding,
    lease: RenewalLease,
    lease_for: Duration,
) -> Result<SharedRenewal> {
    let heartbeat = async {
        loop {
            tokio::time::sleep(lease_for / 3).await;
            match store.extend_lease(&lease, lease_for).await {
                Ok(true) => {}
                Ok(false) => tracing::warn!("the renewal lease was lost while renewing"),
                Err(error) => tracing::warn!("could not extend the renewal lease: {error}"),
            }
        }
    };
    let work = work_under_lease(renewer, store, holding, &lease);
    tokio::pin!(heartbeat, work);
    match futures::future::select(work, heartbeat).await {
        futures::future::Either::Left((outcome, _)) => outcome,
        futures::future::Either::Right((never, _)) => never,
    }
}

async fn work_under_lease(
    renewer: &impl Renewer,
    store: &dyn SharedTokenStore,
    holding: &Holding,
    lease: &RenewalLease,
) -> Result<SharedRenewal> {
    let record = &lease.record;
    let base = if record.version >= holding.version && record.version > 0 {
        // The record is what this worker last saw (or newer): it is the truth.
        record
            .tokens
            .clone()
            .filter(|tokens| {
                record.state == SharedSessionState::Ok && tokens.subject == renewer.subject()
            })
            .map(Arc::new)
    } else {
        // The store lost writes this worker saw (a restart, a failover): its own tokens are
        // the newest there are.
        holding.tokens.clone()
    };
    let refreshable = base
        .as_ref()
        .filter(|tokens| renewer.refreshes() && tokens.refresh_token.is_some());
    let (tokens, lease) = match refreshable {
        Some(base) => match renewer.refresh(base).await {
            Ok(tokens) => (tokens, lease.clone()),
            Err(error) if renewer.refresh_failed_for_good(&error) => {
                tracing::warn!(
                    kind = %error.kind(),
                    "the shared refresh token was refused or its answer lost; logging in for \
                     every worker"
                );
                let lease = match store.commit_renewal(lease, None).await {
                    Ok(CommitOutcome::Committed) => {
                        lease.after_commit(SharedSessionState::NeedsLogin)
                    }
                    Ok(CommitOutcome::Superseded(newer)) => {
                        return after_superseded(renewer, store, holding, lease, newer, None).await;
                    }
                    // Still holding the lease; the login's commit settles the record.
                    Err(store_error) => {
                        tracing::warn!(
                            "could not mark the shared session as needing a login: {store_error}"
                        );
                        lease.clone()
                    }
                };
                match renewer.sign_in(true).await {
                    Ok(tokens) => (tokens, lease),
                    Err(error) => {
                        release(store, &lease).await;
                        return Err(error);
                    }
                }
            }
            Err(error) => {
                // Nothing changed at the server (a 429, a 5xx, no connection): free the lease
                // for a later attempt.
                release(store, lease).await;
                return Err(error);
            }
        },
        None => match renewer.sign_in(false).await {
            Ok(tokens) => (tokens, lease.clone()),
            Err(error) => {
                release(store, lease).await;
                return Err(error);
            }
        },
    };
    commit(renewer, store, holding, &lease, tokens).await
}

/// Commits `tokens`; an attempt whose answer is lost is asked again, which reads back whether
/// it landed.
async fn commit(
    renewer: &impl Renewer,
    store: &dyn SharedTokenStore,
    holding: &Holding,
    lease: &RenewalLease,
    tokens: TokenSet,
) -> Result<SharedRenewal> {
    let mut last_error = None;
    for pause in std::iter::once(Duration::ZERO).chain(COMMIT_PAUSES) {
        tokio::time::sleep(pause).await;
        match store.commit_renewal(lease, Some(&tokens)).await {
            Ok(CommitOutcome::Committed) => {
                tracing::debug!(version = lease.next_version, "committed the shared session");
                return Ok(SharedRenewal {
                    tokens: Arc::new(tokens),
                    version: lease.next_version,
                    saved: Ok(()),
                });
            }
            Ok(CommitOutcome::Superseded(newer)) => {
                return after_superseded(renewer, store, holding, lease, newer, Some(tokens)).await;
            }
            Err(error) => {
                tracing::warn!(
                    "the commit of the shared session got no answer; asking again: {error}"
                );
                last_error = Some(error);
            }
        }
    }
    // Only this process holds the rotated refresh token now. Keep it and report the store;
    // the session hands it to the store again later (see `TokenStore::save`).
    let error = last_error.unwrap_or_else(|| {
        Error::new(
            ErrorKind::TokenStore,
            "the shared token store did not answer",
        )
    });
    Ok(SharedRenewal {
        tokens: Arc::new(tokens),
        version: lease.next_version,
        saved: Err(error),
    })
}

/// Another worker wrote a newer record while this one renewed (its lease had expired): the
/// fleet follows the record. Tokens this worker obtained still work for its own calls until
/// the record has usable ones.
async fn after_superseded(
    renewer: &impl Renewer,
    store: &dyn SharedTokenStore,
    holding: &Holding,
    lease: &RenewalLease,
    newer: SharedSession,
    ours: Option<TokenSet>,
) -> Result<SharedRenewal> {
    release(store, lease).await;
    tracing::info!(
        version = newer.version,
        "another worker renewed the shared session first; following its record"
    );
    let mut holding_newer = Holding {
        tokens: holding.tokens.clone(),
        version: newer.version,
        refused: holding.refused.clone(),
    };
    if let Some(tokens) = adoptable(renewer, &holding_newer, &newer) {
        return Ok(SharedRenewal {
            tokens,
            version: newer.version,
            saved: Ok(()),
        });
    }
    match ours {
        Some(tokens) => Ok(SharedRenewal {
            tokens: Arc::new(tokens),
            version: newer.version,
            saved: Ok(()),
        }),
        None => {
            holding_newer.refused = None;
            Box::pin(renew(renewer, store, holding_newer)).await
        }
    }
}

/// The store is unreachable, the token has expired and the store allows it: renew as the only
/// worker, and publish the result when the store answers again.
async fn renew_alone(
    renewer: &impl Renewer,
    store: &dyn SharedTokenStore,
    holding: &Holding,
) -> Result<SharedRenewal> {
    let refreshable = holding
        .tokens
        .as_ref()
        .filter(|tokens| renewer.refreshes() && tokens.refresh_token.is_some());
    let tokens = match refreshable {
        Some(base) => match renewer.refresh(base).await {
            Ok(tokens) => tokens,
            Err(error) if renewer.refresh_failed_for_good(&error) => renewer.sign_in(true).await?,
            Err(error) => return Err(error),
        },
        None => renewer.sign_in(false).await?,
    };
    let saved = store.save(&tokens).await;
    Ok(SharedRenewal {
        tokens: Arc::new(tokens),
        version: holding.version,
        saved,
    })
}

async fn release(store: &dyn SharedTokenStore, lease: &RenewalLease) {
    if let Err(error) = store.release_lease(lease).await {
        // It expires by itself.
        tracing::debug!("could not free the renewal lease: {error}");
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// The Lua scripts' contract, in memory.
    #[derive(Debug, Default)]
    struct MemoryShared {
        state: Mutex<MemoryState>,
        /// Commits that land but whose answer is lost.
        lost_commit_answers: AtomicUsize,
        unreachable: std::sync::atomic::AtomicBool,
    }

    #[derive(Debug, Default)]
    struct MemoryState {
        record: Option<SharedSession>,
        record_fence: u64,
        lease: Option<String>,
        fence: u64,
    }

    impl MemoryShared {
        fn check(&self) -> Result<()> {
            if self.unreachable.load(Ordering::SeqCst) {
                return Err(Error::new(ErrorKind::TokenStore, "unreachable"));
            }
            Ok(())
        }

        fn version(&self) -> u64 {
            self.state
                .lock()
                .expect("lock")
                .record
                .as_ref()
                .map_or(0, |record| record.version)
        }
    }

    #[async_trait]
    impl TokenStore for MemoryShared {
        async fn load(&self) -> Result<Option<TokenSet>> {
            Ok(None)
        }
        async fn save(&self, _tokens: &TokenSet) -> Result<()> {
            Ok(())
        }
        async fn clear(&self) -> Result<()> {
            Ok(())
        }
    }

    #[async_trait]
    impl SharedTokenStore for MemoryShared {
        async fn begin_renewal(&self, seen: u64, _lease_for: Duration) -> Result<RenewalStart> {
            self.check()?;
            let mut state = self.state.lock().expect("lock");
            let record = state.record.clone().unwrap_or_else(SharedSession::absent);
            if record.version > seen {
                return Ok(RenewalStart::Stale(record));
            }
            if state.lease.is_some() {
                return Ok(RenewalStart::Busy);
            }
            state.fence += 1;
            let lease = RenewalLease {
                fence: state.fence,
                next_version: record.version.max(seen) + 1,
                record,
                holder: "me".to_owned(),
            };
            state.lease = Some(format!("{}:me", lease.fence));
            Ok(RenewalStart::Acquired(lease))
        }

        async fn extend_lease(&self, _lease: &RenewalLease, _for: Duration) -> Result<bool> {
            Ok(true)
        }

        async fn commit_renewal(
            &self,
            lease: &RenewalLease,
            tokens: Option<&TokenSet>,
        ) -> Result<CommitOutcome> {
            self.check()?;
            let mut state = self.state.lock().expect("lock");
            let landed = state.record.as_ref().is_some_and(|record| {
                record.version == lease.next_version && state.record_fence == lease.fence
            });
            if !landed {
                if let Some(record) = &state.record
                    && record.version != lease.record.version
                {
                    return Ok(CommitOutcome::Superseded(record.clone()));
                }
                state.record = Some(SharedSession {
                    version: lease.next_version,
                    state: if tokens.is_some() {
                        SharedSessionState::Ok
                    } else {
                        SharedSessionState::NeedsLogin
                    },
                    tokens: tokens.cloned(),
                });
                state.record_fence = lease.fence;
                if tokens.is_some() {
                    state.lease = None;
                }
                if self.lost_commit_answers.load(Ordering::SeqCst) > 0 {
                    self.lost_commit_answers.fetch_sub(1, Ordering::SeqCst);
                    return Err(Error::new(ErrorKind::TokenStore, "the answer was lost"));
                }
            }
            Ok(CommitOutcome::Committed)
        }

        async fn release_lease(&self, _lease: &RenewalLease) -> Result<()> {
            self.state.lock().expect("lock").lease = None;
            Ok(())
        }
    }

    /// A server's side of refresh and login, counted.
    #[derive(Default)]
    struct CountingRenewer {
        refreshes: AtomicUsize,
        logins: AtomicUsize,
        refuse_refresh: std::sync::atomic::AtomicBool,
    }

    fn tokens(name: &str, issued_at_ms: i64) -> TokenSet {
        let mut tokens = TokenSet::new(
            Secret::new(format!("access-{name}")),
            Some(Secret::new(format!("refresh-{name}"))),
            600,
            "subject".to_owned(),
        );
        tokens.issued_at_ms = issued_at_ms;
        tokens
    }

    impl Renewer for CountingRenewer {
        fn subject(&self) -> &str {
            "subject"
        }
        fn refreshes(&self) -> bool {
            true
        }
        async fn refresh(&self, _base: &TokenSet) -> Result<TokenSet> {
            if self.refuse_refresh.load(Ordering::SeqCst) {
                return Err(Error::new(ErrorKind::Authentication, "refused"));
            }
            let n = self.refreshes.fetch_add(1, Ordering::SeqCst);
            Ok(tokens(&format!("refreshed-{n}"), now_ms()))
        }
        async fn sign_in(&self, _after_refused: bool) -> Result<TokenSet> {
            let n = self.logins.fetch_add(1, Ordering::SeqCst);
            Ok(tokens(&format!("login-{n}"), now_ms()))
        }
        fn refresh_failed_for_good(&self, error: &Error) -> bool {
            error.kind() == ErrorKind::Authentication
        }
    }

    fn holding(tokens: Option<TokenSet>, version: u64) -> Holding {
        Holding {
            tokens: tokens.map(Arc::new),
            version,
            refused: None,
        }
    }

    /// Tokens at 90 % of their 600 s life: due for renewal, still usable.
    fn ageing(name: &str) -> TokenSet {
        tokens(name, now_ms() - 540_000)
    }

    #[tokio::test]
    async fn the_first_worker_logs_in_and_a_second_adopts_its_record_without_a_request() {
        let store = MemoryShared::default();
        let server = CountingRenewer::default();
        let first = renew(&server, &store, holding(None, 0))
            .await
            .expect("login");
        assert_eq!(first.version, 1);
        let second = renew(&server, &store, holding(None, 0))
            .await
            .expect("adopt");
        assert_eq!(second.version, 1);
        assert_eq!(second.tokens.access_token, first.tokens.access_token);
        assert_eq!(server.logins.load(Ordering::SeqCst), 1);
        assert_eq!(server.refreshes.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn the_lease_holder_refreshes_once_and_commits_the_next_version() {
        let store = MemoryShared::default();
        let server = CountingRenewer::default();
        renew(&server, &store, holding(None, 0))
            .await
            .expect("login");
        let renewed = renew(&server, &store, holding(Some(ageing("old")), 1))
            .await
            .expect("refresh");
        assert_eq!(renewed.version, 2);
        assert_eq!(store.version(), 2);
        assert_eq!(server.refreshes.load(Ordering::SeqCst), 1);
        // A worker still on version 1 adopts version 2 instead of refreshing again.
        let follower = renew(&server, &store, holding(Some(ageing("old")), 1))
            .await
            .expect("adopt");
        assert_eq!(follower.version, 2);
        assert_eq!(server.refreshes.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_refused_refresh_marks_the_record_needing_a_login_and_the_holder_logs_in_once() {
        let store = MemoryShared::default();
        let server = CountingRenewer::default();
        renew(&server, &store, holding(None, 0))
            .await
            .expect("login");
        server.refuse_refresh.store(true, Ordering::SeqCst);
        let renewed = renew(&server, &store, holding(Some(ageing("old")), 1))
            .await
            .expect("login after the refusal");
        // Version 2 said "needs login", version 3 holds the login's tokens.
        assert_eq!(renewed.version, 3);
        assert_eq!(server.logins.load(Ordering::SeqCst), 2);
        assert!(
            renewed
                .tokens
                .access_token
                .expose()
                .starts_with("access-login-")
        );
    }

    #[tokio::test]
    async fn a_commit_whose_answer_was_lost_is_read_back_and_not_refreshed_again() {
        let store = MemoryShared::default();
        let server = CountingRenewer::default();
        renew(&server, &store, holding(None, 0))
            .await
            .expect("login");
        store.lost_commit_answers.store(1, Ordering::SeqCst);
        let renewed = renew(&server, &store, holding(Some(ageing("old")), 1))
            .await
            .expect("refresh");
        assert!(
            renewed.saved.is_ok(),
            "asking again found the commit landed"
        );
        assert_eq!(renewed.version, 2);
        assert_eq!(store.version(), 2);
        assert_eq!(server.refreshes.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_store_that_lost_writes_is_renewed_from_this_workers_newer_tokens() {
        let store = MemoryShared::default();
        let server = CountingRenewer::default();
        // This worker saw version 7; the store came back empty.
        let renewed = renew(&server, &store, holding(Some(ageing("seven")), 7))
            .await
            .expect("refresh");
        assert_eq!(renewed.version, 8, "versions never go back");
        assert_eq!(server.refreshes.load(Ordering::SeqCst), 1);
        assert_eq!(server.logins.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn an_unreachable_store_fails_clearly_once_the_token_has_expired_and_never_renews_alone()
    {
        let store = MemoryShared::default();
        store.unreachable.store(true, Ordering::SeqCst);
        let server = CountingRenewer::default();
        let expired = tokens("expired", now_ms() - 700_000);
        let error = renew(&server, &store, holding(Some(expired), 3))
            .await
            .err()
            .expect("no renewal without the lease");
        assert_eq!(error.kind(), ErrorKind::TokenStore);
        assert!(error.to_string().contains("without its lease"), "{error}");
        assert_eq!(server.refreshes.load(Ordering::SeqCst), 0);
        assert_eq!(server.logins.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_lease_ends_well_before_the_token_in_use() {
        let ten_seconds = TokenSet::new(Secret::new("a"), None, 10, "s".into());
        assert_eq!(lease_for(Some(&ten_seconds)), Duration::from_millis(500));
        let ten_minutes = TokenSet::new(Secret::new("a"), None, 600, "s".into());
        assert_eq!(lease_for(Some(&ten_minutes)), LONGEST_LEASE);
        // Renewal starts at 80 %; the token stays usable until 90 % (at most 10 s before
        // expiry): a dead holder's lease and a poll fit in between.
        for tokens in [ten_seconds, ten_minutes] {
            let lease = lease_for(Some(&tokens));
            let slack = Duration::from_secs(tokens.expires_in_secs) / 10;
            assert!(lease + lease / 2 < slack, "{lease:?} vs {slack:?}");
        }
    }
}
