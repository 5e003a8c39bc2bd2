use std::sync::Arc;

use insurup::{
    Document, NewProposal, PremiumDetail, Product, Proposal, ProposalId, ProposalProductId,
    ProposalUpdate, WaitSettings,
};

use crate::error::Result;

/// The cheapest product of `proposal` that can be bought with `installments` (left out: one
/// payment, cash), by gross premium; `null`/`nil` when no insurer offers that plan.
#[uniffi::export(default(installments = None))]
pub fn cheapest_product(proposal: &Proposal, installments: Option<u32>) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}

forward! {
    /// Proposals (`/api/proposals`): ask every insurer at once, then watch the answers arrive.
    Proposals(insurup::Proposals) {
        /// Requests a proposal from every insurer the agency works with and returns it at once;
        /// products arrive over the next seconds (see `wait` and `watch`). Never retried once sent.
        create(proposal: NewProposal) -> Proposal = create(proposal);
        /// A proposal with its products.
        get(id: ProposalId) -> Proposal = get(&id);
        /// The products of a proposal.
        products(id: ProposalId) -> Vec<Product> = products(&id);
        /// One product of a proposal; how a purchase's outcome is checked.
        product(id: ProposalId, product_id: ProposalProductId) -> Product = product(&id, &product_id);
        /// Waits until every insurer has answered and returns the proposal. At the deadline it
        /// returns what has arrived if a product can be bought, and a `Timeout` error otherwise.
        #[uniffi::method(default(options))]
        wait(id: ProposalId, options: WaitSettings) -> Proposal = wait(&id, options.try_into()?);
        /// Insurer-side references of one premium (left out `installments`: cash).
        #[uniffi::method(default(installments = None))]
        premium_detail(id: ProposalId, product_id: ProposalProductId, installments: Option<u32>) -> PremiumDetail = premium_detail(&id, &product_id, installments);
        /// The coverage table of a product as JSON text (its shape differs per branch and insurer).
        coverage(id: ProposalId, product_id: ProposalProductId) -> String = coverage(&id, &product_id).to_string();
        /// The proposal document (PDF) of a product.
        document(id: ProposalId, product_id: ProposalProductId) -> Document = document(&id, &product_id);
        /// The pre-sale information form (PDF) of a product.
        information_form(id: ProposalId, product_id: ProposalProductId) -> Document = information_form(&id, &product_id);
        /// Asks a failed insurer again; the product goes back to waiting.
        retry_product(id: ProposalId, product_id: ProposalProductId) -> () = retry_product(&id, &product_id);
    }
}

#[uniffi::export]
impl Proposals {
    /// Watches a proposal: each `next()` returns the products that arrived since the previous
    /// one, until all have (Kotlin: `updates(...)` as a `Flow`; Swift: an `AsyncSequence`).
    #[uniffi::method(default(options))]
    pub fn watch(&self, id: ProposalId, options: WaitSettings) -> Result<Arc<ProposalWatch>> {
        let watch = self.0.watch(&id, options.try_into()?)?;
        Ok(Arc::new(ProposalWatch(tokio::sync::Mutex::new(watch))))
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
