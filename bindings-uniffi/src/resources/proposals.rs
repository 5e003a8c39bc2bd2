use std::sync::Arc;

use insurup::{
    Document, NewProposal, PremiumDetail, Product, Proposal, ProposalId, ProposalProductId,
    ProposalUpdate, WaitOptions, WaitSettings,
};

use crate::error::Result;

/// The cheapest product of `proposal` that can be bought with `installments` (1 = cash), by
/// gross premium; `null`/`nil` when no insurer offers that plan.
#[uniffi::export]
pub fn cheapest_product(proposal: &Proposal, installments: u32) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}

/// Proposals (`/api/proposals`): ask every insurer at once, then watch the answers arrive.
#[derive(Debug, uniffi::Object)]
pub struct Proposals(pub(crate) insurup::Proposals);

#[uniffi::export(async_runtime = "tokio")]
impl Proposals {
    /// Requests a proposal from every insurer the agency works with and returns it at once;
    /// products arrive over the next seconds (see `wait` and `watch`). Never retried once sent.
    pub async fn create(&self, proposal: NewProposal) -> Result<Proposal> {
        Ok(self.0.create(proposal).await?)
    }

    /// A proposal with its products.
    pub async fn get(&self, id: ProposalId) -> Result<Proposal> {
        Ok(self.0.get(&id).await?)
    }

    /// The products of a proposal.
    pub async fn products(&self, id: ProposalId) -> Result<Vec<Product>> {
        Ok(self.0.products(&id).await?)
    }

    /// One product of a proposal; how a purchase's outcome is checked.
    pub async fn product(&self, id: ProposalId, product_id: ProposalProductId) -> Result<Product> {
        Ok(self.0.product(&id, &product_id).await?)
    }

    /// Waits until every insurer has answered and returns the proposal. At the deadline it
    /// returns what has arrived if a product can be bought, and a `Timeout` error otherwise.
    #[uniffi::method(default(options))]
    pub async fn wait(&self, id: ProposalId, options: WaitSettings) -> Result<Proposal> {
        let options = WaitOptions::try_from(options)?;
        Ok(self.0.wait(&id, options).await?)
    }

    /// Watches a proposal: each `next()` returns the products that arrived since the previous
    /// one, until all have (Kotlin: `updates(...)` as a `Flow`; Swift: an `AsyncSequence`).
    #[uniffi::method(default(options))]
    pub fn watch(&self, id: ProposalId, options: WaitSettings) -> Result<Arc<ProposalWatch>> {
        let options = WaitOptions::try_from(options)?;
        let watch = self.0.watch(&id, options)?;
        Ok(Arc::new(ProposalWatch(tokio::sync::Mutex::new(watch))))
    }

    /// Insurer-side references of one premium.
    pub async fn premium_detail(
        &self, id: ProposalId, product_id: ProposalProductId, installments: u32,
    ) -> Result<PremiumDetail> {
        Ok(self.0.premium_detail(&id, &product_id, installments).await?)
    }

    /// The coverage table of a product as JSON text (its shape differs per branch and insurer).
    pub async fn coverage(&self, id: ProposalId, product_id: ProposalProductId) -> Result<String> {
        let coverage = self.0.coverage(&id, &product_id).await?;
        Ok(coverage.to_string())
    }

    /// The proposal document (PDF) of a product.
    pub async fn document(
        &self, id: ProposalId, product_id: ProposalProductId,
    ) -> Result<Document> {
        Ok(self.0.document(&id, &product_id).await?)
    }

    /// The pre-sale information form (PDF) of a product.
    pub async fn information_form(
        &self, id: ProposalId, product_id: ProposalProductId,
    ) -> Result<Document> {
        Ok(self.0.information_form(&id, &product_id).await?)
    }

    /// Asks a failed insurer again; the product goes back to waiting.
    pub async fn retry_product(&self, id: ProposalId, product_id: ProposalProductId) -> Result<()> {
        Ok(self.0.retry_product(&id, &product_id).await?)
    }
}

/// Polls a proposal and reports each insurer's answer as it arrives.
#[derive(Debug, uniffi::Object)]
pub struct ProposalWatch(tokio::sync::Mutex<insurup::ProposalWatch>);

#[uniffi::export(async_runtime = "tokio")]
impl ProposalWatch {
    /// The next change, or null/nil after the final update.
    pub async fn next(&self) -> Result<Option<ProposalUpdate>> {
        Ok(self.0.lock().await.next().await?)
    }
}
