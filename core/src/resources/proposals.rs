use std::time::Duration;

use tokio::time::Instant;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Document, NewProposal, PremiumDetail, Product, Proposal, ProposalId, ProposalProductId,
};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Proposals (`/api/proposals`): ask every insurer at once, then watch the answers arrive.
#[derive(Debug, Clone)]
pub struct Proposals {
    client: Client,
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

/// Polls a proposal and reports each insurer's answer as it arrives.
#[derive(Debug)]
pub struct ProposalWatch {
    proposals: Proposals,
    id: ProposalId,
    options: WaitOptions,
    deadline: Instant,
    interval: Duration,
    seen: std::collections::HashSet<ProposalProductId>,
    first: bool,
    finished: bool,
}

impl ProposalWatch {
    /// The next change, or `None` after the final update. Each call polls until something
    /// changes or the deadline passes.
    pub async fn next(&mut self) -> Result<Option<ProposalUpdate>> {
        if self.finished {
            return Ok(None);
        }
        loop {
            if !self.first {
                let left = self.deadline.saturating_duration_since(Instant::now());
                tokio::time::sleep(self.interval.min(left)).await;
                self.interval = self
                    .interval
                    .mul_f64(1.5)
                    .min(self.options.max_poll_interval);
            }
            self.first = false;
            let proposal = self.proposals.get(&self.id).await?;
            let resolved: Vec<Product> = proposal
                .products
                .iter()
                .filter(|product| product.state.is_resolved() && !self.seen.contains(&product.id))
                .cloned()
                .collect();
            self.seen
                .extend(resolved.iter().map(|product| product.id.clone()));
            let finished = proposal.is_complete() || Instant::now() >= self.deadline;
            if finished || !resolved.is_empty() {
                self.finished = finished;
                return Ok(Some(ProposalUpdate {
                    proposal,
                    resolved,
                    finished,
                }));
            }
        }
    }

    /// The updates as a stream.
    pub fn into_stream(self) -> impl futures::Stream<Item = Result<ProposalUpdate>> + Send {
        futures::stream::try_unfold(self, |mut watch| async move {
            Ok(watch.next().await?.map(|update| (update, watch)))
        })
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
        let request = Request::post("/api/proposals", "/api/proposals").json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&ProposalId::new(created.into_string())).await
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

    /// One product of a proposal; how a purchase's outcome is checked.
    pub async fn product(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<Product> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/proposals/{id}/products/{productId}",
                format!("/api/proposals/{id}/products/{product_id}"),
            ))
            .await
    }

    /// Waits until every insurer has answered and returns the proposal. At the deadline it
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
    /// the previous one, until all have.
    pub fn watch(&self, id: &ProposalId, options: WaitOptions) -> Result<ProposalWatch> {
        validate::id("proposal_id", id.as_str())?;
        if options.timeout.is_zero() {
            return Err(Error::validation("timeout", "must be greater than zero"));
        }
        Ok(ProposalWatch {
            proposals: self.clone(),
            id: id.clone(),
            options,
            deadline: Instant::now() + options.timeout,
            interval: options.poll_interval.max(Duration::from_millis(10)),
            seen: std::collections::HashSet::new(),
            first: true,
            finished: false,
        })
    }

    /// Insurer-side references of one premium.
    pub async fn premium_detail(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
        installments: u32,
    ) -> Result<PremiumDetail> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        validate::installment(installments)?;
        self.client
            .call(Request::get(
                "/api/proposals/{id}/products/{productId}/premiums/{installmentNumber}",
                format!("/api/proposals/{id}/products/{product_id}/premiums/{installments}"),
            ))
            .await
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
            .call(Request::get(
                "/api/proposals/{id}/products/{productId}/information-form",
                format!("/api/proposals/{id}/products/{product_id}/information-form"),
            ))
            .await
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
