use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::hub::events::{ProductEvent, rank};
use crate::hub::{RealTime, Signal, Subscription};
use crate::model::{
    Document, NewProposal, PremiumDetail, Product, Proposal, ProposalId, ProposalProductId,
};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Proposals (`/api/proposals`): ask every insurer at once, then watch the answers arrive.
#[derive(Debug, Clone)]
pub struct Proposals {
    pub(super) client: Client,
}

/// How long [`Proposals::wait`] waits and how often it looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaitOptions {
    /// Give up after this long (90 s by default).
    pub timeout: Duration,
    /// First pause between polls (0.5 s); grows by half each time.
    pub poll_interval: Duration,
    /// Longest pause between polls (4 s).
    pub max_poll_interval: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: Duration::from_secs(90),
            poll_interval: Duration::from_millis(500),
            max_poll_interval: Duration::from_secs(4),
        }
    }
}

impl WaitOptions {
    /// Checks every duration: each between zero and a day (zero pauses are allowed and mean
    /// "as often as sensible"), so no arithmetic on them can overflow.
    pub(crate) fn validate(&self) -> Result<()> {
        crate::config::check_duration("timeout", self.timeout)?;
        for (field, pause) in [
            ("poll_interval", self.poll_interval),
            ("max_poll_interval", self.max_poll_interval),
        ] {
            if pause > crate::config::MAX_CONFIGURABLE_DURATION {
                return Err(Error::validation(field, "must be at most 24 hours"));
            }
        }
        Ok(())
    }

    /// The defaults with another timeout.
    pub fn with_timeout(timeout: Duration) -> Self {
        WaitOptions {
            timeout,
            ..WaitOptions::default()
        }
    }
}

/// What changed since the previous update of a [`ProposalWatch`].
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ProposalUpdate {
    /// The proposal as it is now.
    pub proposal: Proposal,
    /// Products whose insurer answered since the previous update.
    pub resolved: Vec<Product>,
    /// True on the last update: every insurer answered (or the deadline passed).
    pub finished: bool,
}

/// How long `create` waits for the hub to register a new proposal before reading it.
const REGISTER_FIRST_WAIT: Duration = Duration::from_secs(1);
/// The least it waits when the connection was still opening as the proposal was created.
const REGISTER_FIRST_MIN_WAIT: Duration = Duration::from_millis(250);

/// A proposal registered on the hub by `create`, with its first read, for the watch that follows.
#[derive(Debug)]
pub(crate) struct Prepared {
    subscription: Subscription,
    proposal: Option<Proposal>,
    early: Vec<Arc<ProductEvent>>,
    pub(crate) at: Instant,
}

/// Applies events heard before `read` was answered: one may be older than the read, so none
/// moves a product back.
fn apply_older_events(read: &mut Proposal, events: impl Iterator<Item = Arc<ProductEvent>>) {
    for event in events {
        if let Some(product) = read
            .products
            .iter_mut()
            .find(|product| product.id == *event.product_id())
            && event
                .state()
                .is_none_or(|state| rank(&state) >= rank(&product.state))
        {
            event.apply(product);
        }
    }
}

/// With the hub, a proposal that has heard nothing for this long is read anyway: pushes are the
/// fast path, never the only one.
const QUIET_READ: Duration = Duration::from_secs(15);

/// Reports each insurer's answer to a proposal as it arrives: pushed by InsurUp's real-time hub
/// when the client uses it (see [`crate::RealTime`]), polled otherwise, with the same updates
/// either way. Every product is in exactly one update's `resolved`, across reconnections too.
#[derive(Debug)]
pub struct ProposalWatch {
    proposals: Proposals,
    id: ProposalId,
    options: WaitOptions,
    deadline: Instant,
    /// The pause before the next poll; grows by half each poll.
    interval: Duration,
    /// The proposal as last read, with the events heard since applied.
    proposal: Option<Box<Proposal>>,
    seen: HashSet<ProposalProductId>,
    feed: Box<Feed>,
    /// Events heard before the first read, applied after it.
    early: Vec<Arc<ProductEvent>>,
    final_read: bool,
    finished: bool,
}

/// Where a watch's news comes from.
#[derive(Debug)]
enum Feed {
    /// The first [`ProposalWatch::next`] starts the feed (and maybe the hub's task).
    NotStarted,
    /// Polling only: the client polls, or the hub will not push this proposal.
    Polling { next_read: Instant },
    /// The hub; polling while it is connecting or down.
    Hub(HubFeed),
}

#[derive(Debug)]
struct HubFeed {
    subscription: Subscription,
    /// Registered on the current connection.
    registered: bool,
    /// A read followed the registration: every change since is pushed.
    pushed: bool,
    /// Read as soon as possible (a registration, or an event the copy cannot take).
    read_now: bool,
    /// The next poll while the hub does not push.
    next_read: Option<Instant>,
    /// The last news of this proposal, pushed or read.
    last_news: Instant,
}

impl ProposalWatch {
    /// The next change, or `None` after the final update. Each call waits until an insurer
    /// answers or the deadline passes.
    pub async fn next(&mut self) -> Result<Option<ProposalUpdate>> {
        if self.finished {
            return Ok(None);
        }
        if matches!(*self.feed, Feed::NotStarted) {
            self.start();
        }
        loop {
            while let Some(signal) = self.waiting_signal() {
                self.handle(signal)?;
            }
            let now = Instant::now();
            let expired = now >= self.deadline;
            if self.read_due(now, expired) {
                self.read().await?;
                if expired {
                    self.final_read = true;
                }
                continue;
            }
            if let Some(update) = self.update(expired) {
                return Ok(Some(update));
            }
            let wake = self.next_wake().min(self.deadline);
            let signal = match &mut *self.feed {
                Feed::Hub(feed) => tokio::select! {
                    signal = feed.subscription.recv() => Some(signal),
                    () = tokio::time::sleep_until(wake) => None,
                },
                _ => {
                    tokio::time::sleep_until(wake).await;
                    None
                }
            };
            match signal {
                Some(Some(signal)) => self.handle(signal)?,
                // The hub's task is gone: poll.
                Some(None) => self.poll_from_now(),
                None => {}
            }
        }
    }

    /// Whether changes are pushed to this watch by the real-time hub right now (it polls
    /// otherwise).
    pub fn is_real_time(&self) -> bool {
        matches!(&*self.feed, Feed::Hub(feed) if feed.pushed)
    }

    /// The updates as a stream.
    pub fn into_stream(self) -> impl futures::Stream<Item = Result<ProposalUpdate>> + Send {
        futures::stream::try_unfold(self, |mut watch| async move {
            Ok(watch.next().await?.map(|update| (update, watch)))
        })
    }

    fn start(&mut self) {
        let now = Instant::now();
        if let Some(prepared) = self.proposals.client.take_prepared(&self.id) {
            self.proposal = prepared.proposal.map(Box::new);
            *self.feed = Feed::Hub(HubFeed {
                subscription: prepared.subscription,
                registered: true,
                pushed: true,
                read_now: false,
                next_read: None,
                last_news: now,
            });
            return;
        }
        *self.feed = match self.proposals.client.hub() {
            Some(hub) => Feed::Hub(HubFeed {
                subscription: hub.subscribe(&self.id),
                registered: false,
                pushed: false,
                read_now: false,
                // Unless the hub registers the proposal within one poll interval, read it
                // anyway; the registration's read follows when it comes.
                next_read: Some(now + self.interval),
                last_news: now,
            }),
            None => Feed::Polling { next_read: now },
        };
    }

    fn poll_from_now(&mut self) {
        *self.feed = Feed::Polling {
            next_read: Instant::now(),
        };
    }

    fn waiting_signal(&mut self) -> Option<Signal> {
        match &mut *self.feed {
            Feed::Hub(feed) => feed.subscription.try_recv(),
            _ => None,
        }
    }

    /// The update to return now, if any: products that answered since the last one, or the
    /// final update.
    fn update(&mut self, expired: bool) -> Option<ProposalUpdate> {
        let proposal = self.proposal.as_ref()?;
        let resolved: Vec<Product> = proposal
            .products
            .iter()
            .filter(|product| product.state.is_resolved() && !self.seen.contains(&product.id))
            .cloned()
            .collect();
        let finished = proposal.is_complete() || expired;
        if !finished && resolved.is_empty() {
            return None;
        }
        self.seen
            .extend(resolved.iter().map(|product| product.id.clone()));
        self.finished = finished;
        Some(ProposalUpdate {
            proposal: Proposal::clone(proposal),
            resolved,
            finished,
        })
    }

    fn read_due(&self, now: Instant, expired: bool) -> bool {
        let pushed = matches!(&*self.feed, Feed::Hub(feed) if feed.pushed);
        if expired {
            // The last word at the deadline comes from the server unless the hub pushes.
            return self.proposal.is_none() || !pushed && !self.final_read;
        }
        match &*self.feed {
            Feed::NotStarted => true,
            Feed::Polling { next_read } => *next_read <= now,
            Feed::Hub(feed) => {
                feed.read_now
                    || feed.next_read.is_some_and(|at| at <= now)
                    || self.proposal.is_some() && feed.last_news + QUIET_READ <= now
            }
        }
    }

    fn next_wake(&self) -> Instant {
        match &*self.feed {
            Feed::NotStarted => Instant::now(),
            Feed::Polling { next_read } => *next_read,
            Feed::Hub(feed) => {
                let quiet = feed.last_news + QUIET_READ;
                feed.next_read.map_or(quiet, |at| at.min(quiet))
            }
        }
    }

    fn handle(&mut self, signal: Signal) -> Result<()> {
        let Feed::Hub(feed) = &mut *self.feed else {
            return Ok(());
        };
        match signal {
            Signal::Registered => {
                feed.registered = true;
                feed.read_now = true;
                feed.next_read = None;
            }
            Signal::Event(event) => {
                if *event.proposal_id() != self.id {
                    return Ok(());
                }
                feed.last_news = Instant::now();
                let Some(proposal) = &mut self.proposal else {
                    self.early.push(event);
                    return Ok(());
                };
                match proposal
                    .products
                    .iter_mut()
                    .find(|product| product.id == *event.product_id())
                {
                    Some(product) => {
                        event.apply(product);
                        if !event.is_complete() {
                            feed.read_now = true;
                        }
                    }
                    // A product the last read did not have.
                    None => feed.read_now = true,
                }
            }
            Signal::Down => {
                feed.registered = false;
                feed.pushed = false;
                if feed.next_read.is_none() {
                    feed.next_read = Some(Instant::now() + self.interval);
                }
            }
            Signal::Unavailable { reason, refused } => {
                if refused && self.proposals.client.real_time() == RealTime::Hub {
                    return Err(Error::new(
                        ErrorKind::Connection,
                        format!("the real-time hub is not available: {reason}"),
                    ));
                }
                tracing::debug!(%reason, "no real-time news for this proposal; polling it");
                self.poll_from_now();
            }
        }
        Ok(())
    }

    /// Reads the proposal. Events heard meanwhile may be older or newer than the read; the read
    /// never moves a product back past what an event said, and later events apply on top.
    async fn read(&mut self) -> Result<()> {
        let registered_before = matches!(&*self.feed, Feed::Hub(feed) if feed.registered);
        if let Feed::Hub(feed) = &mut *self.feed {
            feed.read_now = false;
        }
        let read = self.proposals.get(&self.id).await?;
        match &mut self.proposal {
            None => {
                let mut read = read;
                apply_older_events(&mut read, self.early.drain(..));
                self.proposal = Some(Box::new(read));
            }
            Some(known) => {
                let mut read = read;
                for product in &mut read.products {
                    if let Some(local) = known.products.iter().find(|p| p.id == product.id)
                        && rank(&local.state) > rank(&product.state)
                    {
                        *product = local.clone();
                    }
                }
                **known = read;
            }
        }
        let pause = self.interval;
        self.interval = self.interval.mul_f64(1.5).min(
            self.options
                .max_poll_interval
                .max(Duration::from_millis(10)),
        );
        let now = Instant::now();
        match &mut *self.feed {
            Feed::Hub(feed) => {
                feed.last_news = now;
                if registered_before && feed.registered {
                    feed.pushed = true;
                    feed.next_read = None;
                } else if !feed.registered {
                    feed.next_read = Some(now + pause);
                }
            }
            Feed::Polling { next_read } => *next_read = now + pause,
            Feed::NotStarted => {}
        }
        Ok(())
    }
}

impl Proposals {
    pub(crate) fn new(client: Client) -> Self {
        Proposals { client }
    }

    /// Requests a proposal from every insurer the agency works with and returns it at once;
    /// products arrive over the next seconds (see [`Proposals::wait`] and
    /// [`Proposals::watch`]). Never retried once sent.
    pub async fn create(&self, proposal: NewProposal) -> Result<Proposal> {
        let mut body = proposal.to_body()?;
        if body.agent_branch_id.is_none() {
            body.agent_branch_id = self.client.agent_branch_id().cloned();
        }
        // The hub connection opens while the proposal is created, so that even a client's first
        // proposal is registered before its first read.
        let hub_was_open = self.client.hub().is_some_and(|hub| {
            let open = hub.is_connected();
            if !open {
                hub.warm();
            }
            open
        });
        let sent = Instant::now();
        let created: CreatedId = self
            .client
            .send_spelt(|dialect| {
                let request = Request::post("/api/proposals", "/api/proposals");
                if dialect.older_rest() {
                    request.json(&body.older())
                } else {
                    request.json(&body)
                }
            })
            .await?
            .json()?;
        let id = ProposalId::new(created.into_string());
        let patience = if hub_was_open {
            REGISTER_FIRST_WAIT
        } else {
            // A connection still opening gets as long as the creation took (some hundreds of
            // milliseconds at least), so a slow hub delays a first proposal by that at most.
            sent.elapsed()
                .max(REGISTER_FIRST_MIN_WAIT)
                .min(REGISTER_FIRST_WAIT)
        };
        let Some(mut prepared) = self.register_first(&id, patience).await else {
            return self.get(&id).await;
        };
        let mut proposal = self.get(&id).await?;
        apply_older_events(&mut proposal, prepared.early.drain(..));
        prepared.proposal = Some(proposal.clone());
        self.client.keep_prepared(id, prepared);
        Ok(proposal)
    }

    /// With a hub connection open (or opening), registers a new proposal before its first read,
    /// so a watch that follows starts from that read and needs none of its own. Waits
    /// `patience` at most; `None` when the hub cannot be reached or did not answer in time.
    async fn register_first(&self, id: &ProposalId, patience: Duration) -> Option<Prepared> {
        let hub = self.client.hub().filter(|hub| !hub.is_failing())?;
        let mut subscription = hub.subscribe(id);
        let mut early = Vec::new();
        let registered = tokio::time::timeout(patience, async {
            loop {
                match subscription.recv().await {
                    Some(Signal::Registered) => return true,
                    Some(Signal::Event(event)) => early.push(event),
                    Some(Signal::Down | Signal::Unavailable { .. }) | None => return false,
                }
            }
        })
        .await
        .unwrap_or(false);
        registered.then(|| Prepared {
            subscription,
            proposal: None,
            early,
            at: Instant::now(),
        })
    }

    /// A proposal with its products.
    pub async fn get(&self, id: &ProposalId) -> Result<Proposal> {
        validate::id("proposal_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/proposals/{id}",
                format!("/api/proposals/{id}"),
            ))
            .await
    }

    /// The products of a proposal.
    pub async fn products(&self, id: &ProposalId) -> Result<Vec<Product>> {
        validate::id("proposal_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/proposals/{id}/products",
                format!("/api/proposals/{id}/products"),
            ))
            .await
    }

    /// One product of a proposal; how a purchase's outcome is checked. Read from
    /// `…/products/{productId}` where the server has that route (the guides document it; the
    /// vendor client does not), else from the proposal.
    pub async fn product(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<Product> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        let read = self
            .client
            .call(Request::get(
                "/api/proposals/{id}/products/{productId}",
                format!("/api/proposals/{id}/products/{product_id}"),
            ))
            .await;
        match read {
            Err(error) if error.status() == Some(404) => {
                let proposal = self.get(id).await?;
                proposal
                    .products
                    .into_iter()
                    .find(|product| product.id == *product_id)
                    .ok_or(error)
            }
            read => read,
        }
    }

    /// Waits until every insurer has answered and returns the proposal: at once when the
    /// real-time hub pushes the last answer, else at the next poll. At the deadline it
    /// returns what has arrived if at least one product can be bought (check
    /// [`Proposal::is_complete`]), and a `TimeoutError` otherwise.
    pub async fn wait(&self, id: &ProposalId, options: WaitOptions) -> Result<Proposal> {
        let mut watch = self.watch(id, options)?;
        let mut last = None;
        while let Some(update) = watch.next().await? {
            last = Some(update.proposal);
        }
        let proposal = last.ok_or_else(|| Error::timeout("the proposal was never read"))?;
        if proposal.is_complete() || proposal.products.iter().any(Product::is_purchasable) {
            return Ok(proposal);
        }
        let answered = proposal
            .products
            .iter()
            .filter(|p| p.state.is_resolved())
            .count();
        Err(Error::new(
            ErrorKind::Timeout,
            format!(
                "no insurer offered a premium within {:?} ({answered} of {} answered); wait again or retry the failed products",
                options.timeout,
                proposal.products.len()
            ),
        ))
    }

    /// Watches a proposal: each [`ProposalWatch::next`] returns the products that arrived since
    /// the previous one, until all have. Answers are pushed by the real-time hub when the client
    /// uses it (see [`crate::RealTime`]; one connection per client, shared by every watch) and
    /// polled otherwise.
    pub fn watch(&self, id: &ProposalId, options: WaitOptions) -> Result<ProposalWatch> {
        validate::id("proposal_id", id.as_str())?;
        options.validate()?;
        let now = Instant::now();
        Ok(ProposalWatch {
            proposals: self.clone(),
            id: id.clone(),
            options,
            deadline: now.checked_add(options.timeout).unwrap_or(now),
            interval: options.poll_interval.max(Duration::from_millis(10)),
            proposal: None,
            seen: HashSet::new(),
            feed: Box::new(Feed::NotStarted),
            early: Vec::new(),
            final_read: false,
            finished: false,
        })
    }

    /// Insurer-side references of one premium: the plan in `installments` (`None`: one
    /// payment, cash).
    pub async fn premium_detail(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
        installments: impl Into<Option<u32>>,
    ) -> Result<PremiumDetail> {
        let installments = crate::model::installments_or_cash(installments);
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        validate::installment(installments)?;
        self.client
            .send_spelt(|dialect| {
                Ok(if dialect.older_rest() {
                    Request::get(
                        "/api/proposals/{id}/products/{productId}/premiums/{installmentNumber}",
                        format!("/api/proposals/{id}/products/{product_id}/premiums/{installments}"),
                    )
                } else {
                    Request::get(
                        "/api/proposals/{id}/products/{productId}/premium-detail/{installmentNumber}",
                        format!(
                            "/api/proposals/{id}/products/{product_id}/premium-detail/{installments}"
                        ),
                    )
                })
            })
            .await?
            .json()
    }

    /// The coverage table of a product, as JSON (its shape differs per branch and insurer).
    pub async fn coverage(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<serde_json::Value> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        let answer: serde_json::Value = self
            .client
            .call(Request::get(
                "/api/proposals/{id}/products/{productId}/coverage",
                format!("/api/proposals/{id}/products/{product_id}/coverage"),
            ))
            .await?;
        Ok(answer.get("coverage").cloned().unwrap_or(answer))
    }

    /// The proposal document (PDF) of a product.
    pub async fn document(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<Document> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/proposals/{id}/products/{productId}/document",
                format!("/api/proposals/{id}/products/{product_id}/document"),
            ))
            .await
    }

    /// The pre-sale information form (PDF) of a product.
    pub async fn information_form(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<Document> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        self.client
            .send_spelt(|dialect| {
                Ok(if dialect.older_rest() {
                    Request::get(
                        "/api/proposals/{id}/products/{productId}/information-form-document",
                        format!(
                            "/api/proposals/{id}/products/{product_id}/information-form-document"
                        ),
                    )
                } else {
                    Request::get(
                        "/api/proposals/{id}/products/{productId}/information-form",
                        format!("/api/proposals/{id}/products/{product_id}/information-form"),
                    )
                })
            })
            .await?
            .json()
    }

    /// Asks a failed insurer again; the product goes back to waiting.
    pub async fn retry_product(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<()> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        let body = serde_json::json!({ "proposalId": id, "proposalProductId": product_id });
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/retry",
            format!("/api/proposals/{id}/products/{product_id}/retry"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watch_is_small_and_shareable_for_the_bindings_that_hold_it() {
        fn shareable<T: Send + Sync>() {}
        shareable::<ProposalWatch>();
        // Bindings keep a watch by value beside other iterators; its state lives on the heap.
        assert!(
            std::mem::size_of::<ProposalWatch>() <= 256,
            "{} bytes",
            std::mem::size_of::<ProposalWatch>()
        );
    }
}
