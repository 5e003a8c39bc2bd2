#[allow(clippy::wildcard_imports)]
use insurup::*;
use pyo3::prelude::*;

use super::resource;
use crate::inputs::Json;
use crate::lists::iterator;

insurup::resource_surface!(
    proposals,
    resource!(AsyncProposals {
        /// Waits until every insurer has answered and returns the proposal. At the deadline
        /// (`timeout` seconds, 90 by default) it returns what has arrived if a product can be
        /// bought, and raises `TimeoutError` otherwise. It looks every `poll_interval` seconds
        /// (0.5), half as long again each time, up to `max_poll_interval` (4).
        fn wait(proposal_id: ProposalId; timeout: Option<f64> = None,
            poll_interval: Option<f64> = None, max_poll_interval: Option<f64> = None) -> Proposal
            = |client, settings: WaitSettings| async move {
                let options = WaitOptions::try_from(settings)?;
                client.proposals().wait(&proposal_id, options).await
            };

        /// The coverage table of a product, as a dict (its shape differs per branch and
        /// insurer).
        fn coverage(proposal_id: ProposalId, product_id: ProposalProductId) -> Json =
            |client| async move {
                client.proposals().coverage(&proposal_id, &product_id).await.map(Json)
            };

        /// Asks one insurer again, with another coverage group or a coverage (a dict).
        fn revise_product(proposal_id: ProposalId, product_id: ProposalProductId;
            coverage_group_id: Option<CoverageGroupId> = None, coverage: Option<Json> = None)
            -> () = |client| client.proposals().revise_product(&proposal_id, &product_id,
                coverage_group_id.as_ref(), coverage.map(|coverage| coverage.0));

        /// The proposal as the insurers saw it when they answered, as a dict.
        fn snapshot(proposal_id: ProposalId) -> Json = |client| async move {
            client.proposals().snapshot(&proposal_id).await.map(Json)
        };

        /// The coverage the proposal asked for, as a dict.
        fn proposal_coverage(proposal_id: ProposalId) -> Json = |client| async move {
            client.proposals().proposal_coverage(&proposal_id).await.map(Json)
        };
    } extra {
        /// Watches a proposal: each update brings the products that arrived since the previous
        /// one, until every insurer has answered or the wait (as for `wait`) ends.
        #[pyo3(signature = (proposal_id, *, timeout = None, poll_interval = None, max_poll_interval = None))]
        fn watch<'py>(&self, py: Python<'py>, proposal_id: ProposalId, timeout: Option<f64>,
            poll_interval: Option<f64>, max_poll_interval: Option<f64>,
        ) -> PyResult<Bound<'py, PyAny>> {
            let settings = WaitSettings { timeout, poll_interval, max_poll_interval };
            let options = WaitOptions::try_from(settings)?;
            let watch = self.shared.client()?.proposals().watch(&proposal_id, options)?;
            let class = format!("{}ProposalWatch", Self::PREFIX);
            iterator(py, watch, &class, self.shared.event_loop())
        }
    })
);
