use std::sync::Arc;

use insurup::{
    CoverageGroupId, Product, Proposal, ProposalId, ProposalProductId, ProposalUpdate, WaitSettings,
};

use super::Proposals;
use crate::error::{Result, json_argument};

/// The cheapest product of `proposal` that can be bought with `installments` (left out: one
/// payment, cash), by gross premium; `null`/`nil` when no insurer offers that plan.
#[uniffi::export(default(installments = None))]
pub fn cheapest_product(proposal: &Proposal, installments: Option<u32>) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}

forward! {
    impl Proposals {
        "The coverage table of a product as JSON text (its shape differs per branch and insurer)."
        fn coverage(proposal_id: ProposalId, product_id: ProposalProductId) -> String =
            coverage(&proposal_id, &product_id).to_string();
        "Asks one insurer again, with another coverage group or a coverage (a JSON object as text)."
        fn revise_product(proposal_id: ProposalId, product_id: ProposalProductId;
            coverage_group_id: Option<CoverageGroupId> = None, coverage: Option<String> = None)
            -> () = revise_product(&proposal_id, &product_id, coverage_group_id.as_ref(),
                coverage.map(|text| json_argument("coverage", &text)).transpose()?);
        "The proposal as the insurers saw it when they answered (JSON text)."
        fn snapshot(proposal_id: ProposalId) -> String = snapshot(&proposal_id).to_string();
        "The coverage the proposal asked for (JSON text)."
        fn proposal_coverage(proposal_id: ProposalId) -> String =
            proposal_coverage(&proposal_id).to_string();
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl Proposals {
    /// Waits until every insurer has answered and returns the proposal. At the deadline it
    /// returns what has arrived if a product can be bought, and a `Timeout` error otherwise.
    #[uniffi::method(default(options))]
    pub async fn wait(&self, proposal_id: ProposalId, options: WaitSettings) -> Result<Proposal> {
        Ok(self.0.wait(&proposal_id, options.try_into()?).await?)
    }

    /// Watches a proposal: each `next()` returns the products that arrived since the previous
    /// one, until all have (Kotlin: `updates(...)` as a `Flow`; Swift: an `AsyncSequence`).
    #[uniffi::method(default(options))]
    pub fn watch(
        &self, proposal_id: ProposalId, options: WaitSettings,
    ) -> Result<Arc<ProposalWatch>> {
        let watch = self.0.watch(&proposal_id, options.try_into()?)?;
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
