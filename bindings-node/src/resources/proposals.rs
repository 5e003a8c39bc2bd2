use napi::bindgen_prelude::{PromiseRaw, Unknown};
use napi::{Env, Result};
use napi_derive::napi;
use tokio::sync::Mutex;

use insurup::{
    CoverageGroupId, Product, Proposal, ProposalId, ProposalProductId, ProposalUpdate, WaitOptions,
    WaitSettings,
};

use super::Proposals;
use crate::cancel::Cancellation;
use crate::read;

/// The core's wait options for `options` (seconds; the core's defaults for what is left out) and
/// the signal that cancels the call.
fn wait_options(env: &Env, options: Option<Unknown>) -> Result<(WaitOptions, Cancellation)> {
    let settings = read::<WaitSettings>(options.as_ref())?.unwrap_or_default();
    let cancellation = Cancellation::from_options(env, options.as_ref())?;
    Ok((WaitOptions::try_from(settings)?, cancellation))
}

resource! {
    impl Proposals {
        "The coverage table of a product (its shape differs per branch and insurer)."
        fn coverage[ts_return_type = "Promise<unknown>"](proposal_id: ProposalId,
            product_id: ProposalProductId) -> serde_json::Value = coverage(&proposal_id, &product_id);
        "Asks one insurer again, with another coverage group or a coverage object."
        fn revise_product(proposal_id: ProposalId, product_id: ProposalProductId,
            coverage_group_id: Option<CoverageGroupId>, coverage: Option<serde_json::Value>) -> () =
            revise_product(&proposal_id, &product_id, coverage_group_id.as_ref(), coverage);
        "The proposal as the insurers saw it when they answered."
        fn snapshot(proposal_id: ProposalId) -> serde_json::Value = snapshot(&proposal_id);
        "The coverage the proposal asked for."
        fn proposal_coverage(proposal_id: ProposalId) -> serde_json::Value =
            proposal_coverage(&proposal_id);
    }
}

#[napi]
impl Proposals {
    /// Waits until every insurer has answered and returns the proposal. At the deadline it
    /// returns what has arrived if at least one product can be bought, and rejects with a
    /// `TimeoutError` otherwise.
    #[napi(
        ts_args_type = "proposalId: ProposalId, options?: WaitOptions & Abortable",
        ts_return_type = "Promise<Proposal>"
    )]
    pub fn wait<'env>(
        &self,
        env: &'env Env,
        proposal_id: ProposalId,
        options: Option<Unknown>,
    ) -> Result<PromiseRaw<'env, Proposal>> {
        let (options, cancellation) = wait_options(env, options)?;
        let proposals = self.0.clone();
        env.spawn_future(async move {
            cancellation
                .run(async { Ok(proposals.wait(&proposal_id, options).await?) })
                .await
        })
    }

    /// Watches a proposal: `for await (const update of client.proposals.watch(id))` yields the
    /// products that arrived since the previous update, until all have.
    #[napi(ts_args_type = "proposalId: ProposalId, options?: WaitOptions & Abortable")]
    pub fn watch(
        &self,
        env: &Env,
        proposal_id: ProposalId,
        options: Option<Unknown>,
    ) -> Result<ProposalWatch> {
        let (options, cancellation) = wait_options(env, options)?;
        Ok(ProposalWatch(
            Mutex::new(self.0.watch(&proposal_id, options)?),
            cancellation,
        ))
    }
}

/// A proposal being watched; iterate it with `for await`.
#[derive(Debug)]
#[napi]
pub struct ProposalWatch(Mutex<insurup::ProposalWatch>, Cancellation);

#[napi]
impl ProposalWatch {
    /// The next change, or `null` after the final update. Each call polls until something
    /// changes or the deadline passes.
    #[napi]
    pub async fn next_update(&self) -> Result<Option<ProposalUpdate>> {
        let mut watch = self.0.lock().await;
        self.1.run(async { Ok(watch.next().await?) }).await
    }
}

/// The cheapest product of `proposal` that can be bought in `installments` (left out: one
/// payment, cash), by gross premium; `null` when none can. Proposals returned by the client have
/// it as a method: `proposal.cheapestProduct()`.
#[napi]
pub fn cheapest_product(proposal: Proposal, installments: Option<u32>) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}
