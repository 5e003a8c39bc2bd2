use insurup::{
    AgentBranchId, Channel, CoverageGroupId, CustomerId, Document, NewProposal, PremiumDetail,
    Product, PropertyId, Proposal, ProposalId, ProposalProductId, VehicleId, WaitOptions,
};
use pyo3::prelude::*;

use super::resource;
use crate::errors::to_py_err;
use crate::inputs::{Json, seconds};
use crate::lists::{AsyncProposalWatch, Cursor, ProposalWatch};

/// The optional details every proposal request takes, applied to the SDK's `NewProposal`.
#[allow(clippy::too_many_arguments)]
fn proposal(
    mut proposal: NewProposal,
    insured_customer_id: Option<CustomerId>,
    coverage_group_ids: Option<Vec<CoverageGroupId>>,
    channel: Option<Channel>,
    agent_branch_id: Option<AgentBranchId>,
    policy_start_date: Option<String>,
) -> NewProposal {
    proposal.insured_customer_id = insured_customer_id;
    proposal.coverage_group_ids = coverage_group_ids.unwrap_or_default();
    proposal.channel = channel;
    proposal.agent_branch_id = agent_branch_id;
    proposal.policy_start_date = policy_start_date;
    proposal
}

fn watch(
    py: Python<'_>,
    client: &insurup::Client,
    proposal_id: &ProposalId,
    timeout: f64,
) -> PyResult<Cursor> {
    seconds("timeout", timeout)
        .and_then(|timeout| {
            client
                .proposals()
                .watch(proposal_id, WaitOptions::with_timeout(timeout))
        })
        .map(Cursor::Updates)
        .map_err(|error| to_py_err(py, &error))
}

resource! {
    /// Proposals: one quote request answered by many insurers, each answer a product.
    Proposals, AsyncProposals {
        /// Requests a kasko proposal from every insurer and returns it at once; products arrive
        /// over the next seconds (see `wait` and `watch`). Never sent twice.
        #[pyo3(signature = (
            *, customer_id, vehicle_id, insured_customer_id = None, coverage_group_ids = None,
            channel = None, agent_branch_id = None, policy_start_date = None,
        ))]
        fn create_kasko(
            customer_id: CustomerId,
            vehicle_id: VehicleId,
            insured_customer_id: Option<CustomerId>,
            coverage_group_ids: Option<Vec<CoverageGroupId>>,
            channel: Option<Channel>,
            agent_branch_id: Option<AgentBranchId>,
            policy_start_date: Option<String>,
        ) -> Proposal = |client| client.proposals().create(proposal(
            NewProposal::kasko(customer_id, vehicle_id), insured_customer_id,
            coverage_group_ids, channel, agent_branch_id, policy_start_date,
        ));

        /// Requests a trafik (compulsory motor liability) proposal.
        #[pyo3(signature = (
            *, customer_id, vehicle_id, insured_customer_id = None, coverage_group_ids = None,
            channel = None, agent_branch_id = None, policy_start_date = None,
        ))]
        fn create_trafik(
            customer_id: CustomerId,
            vehicle_id: VehicleId,
            insured_customer_id: Option<CustomerId>,
            coverage_group_ids: Option<Vec<CoverageGroupId>>,
            channel: Option<Channel>,
            agent_branch_id: Option<AgentBranchId>,
            policy_start_date: Option<String>,
        ) -> Proposal = |client| client.proposals().create(proposal(
            NewProposal::trafik(customer_id, vehicle_id), insured_customer_id,
            coverage_group_ids, channel, agent_branch_id, policy_start_date,
        ));

        /// Requests an İMM (voluntary motor liability) proposal.
        #[pyo3(signature = (
            *, customer_id, vehicle_id, insured_customer_id = None, coverage_group_ids = None,
            channel = None, agent_branch_id = None, policy_start_date = None,
        ))]
        fn create_imm(
            customer_id: CustomerId,
            vehicle_id: VehicleId,
            insured_customer_id: Option<CustomerId>,
            coverage_group_ids: Option<Vec<CoverageGroupId>>,
            channel: Option<Channel>,
            agent_branch_id: Option<AgentBranchId>,
            policy_start_date: Option<String>,
        ) -> Proposal = |client| client.proposals().create(proposal(
            NewProposal::imm(customer_id, vehicle_id), insured_customer_id,
            coverage_group_ids, channel, agent_branch_id, policy_start_date,
        ));

        /// Requests a DASK (compulsory earthquake) proposal for a customer's property.
        #[pyo3(signature = (
            *, customer_id, property_id, insured_customer_id = None, coverage_group_ids = None,
            channel = None, agent_branch_id = None, policy_start_date = None,
        ))]
        fn create_dask(
            customer_id: CustomerId,
            property_id: PropertyId,
            insured_customer_id: Option<CustomerId>,
            coverage_group_ids: Option<Vec<CoverageGroupId>>,
            channel: Option<Channel>,
            agent_branch_id: Option<AgentBranchId>,
            policy_start_date: Option<String>,
        ) -> Proposal = |client| client.proposals().create(proposal(
            NewProposal::dask(customer_id, property_id), insured_customer_id,
            coverage_group_ids, channel, agent_branch_id, policy_start_date,
        ));

        /// Requests a konut (home) proposal for a customer's property.
        #[pyo3(signature = (
            *, customer_id, property_id, insured_customer_id = None, coverage_group_ids = None,
            channel = None, agent_branch_id = None, policy_start_date = None,
        ))]
        fn create_konut(
            customer_id: CustomerId,
            property_id: PropertyId,
            insured_customer_id: Option<CustomerId>,
            coverage_group_ids: Option<Vec<CoverageGroupId>>,
            channel: Option<Channel>,
            agent_branch_id: Option<AgentBranchId>,
            policy_start_date: Option<String>,
        ) -> Proposal = |client| client.proposals().create(proposal(
            NewProposal::konut(customer_id, property_id), insured_customer_id,
            coverage_group_ids, channel, agent_branch_id, policy_start_date,
        ));

        /// A proposal with its products.
        fn get(proposal_id: ProposalId) -> Proposal =
            |client| client.proposals().get(&proposal_id);

        /// The products of a proposal.
        fn products(proposal_id: ProposalId) -> Vec<Product> =
            |client| client.proposals().products(&proposal_id);

        /// One product of a proposal; how a purchase's outcome is checked.
        fn product(proposal_id: ProposalId, product_id: ProposalProductId) -> Product =
            |client| client.proposals().product(&proposal_id, &product_id);

        /// Waits until every insurer has answered and returns the proposal. At the deadline
        /// (`timeout` seconds) it returns what has arrived if a product can be bought, and
        /// raises `TimeoutError` otherwise.
        #[pyo3(signature = (proposal_id, *, timeout = 90.0))]
        fn wait(proposal_id: ProposalId, timeout: f64) -> Proposal = |client| async move {
            let timeout = seconds("timeout", timeout)?;
            client.proposals().wait(&proposal_id, WaitOptions::with_timeout(timeout)).await
        };

        /// Insurer-side references of one premium.
        #[pyo3(signature = (proposal_id, product_id, *, installments = 1))]
        fn premium_detail(
            proposal_id: ProposalId,
            product_id: ProposalProductId,
            installments: u32,
        ) -> PremiumDetail = |client| client.proposals().premium_detail(
            &proposal_id, &product_id, installments,
        );

        /// The coverage table of a product, as a dict (its shape differs per branch and
        /// insurer).
        fn coverage(proposal_id: ProposalId, product_id: ProposalProductId) -> Json =
            |client| async move {
                client.proposals().coverage(&proposal_id, &product_id).await.map(Json)
            };

        /// The proposal document (a short-lived PDF URL) of a product.
        fn document(proposal_id: ProposalId, product_id: ProposalProductId) -> Document =
            |client| client.proposals().document(&proposal_id, &product_id);

        /// The pre-sale information form (a short-lived PDF URL) of a product.
        fn information_form(proposal_id: ProposalId, product_id: ProposalProductId) -> Document =
            |client| client.proposals().information_form(&proposal_id, &product_id);

        /// Asks a failed insurer again; the product goes back to waiting.
        fn retry_product(proposal_id: ProposalId, product_id: ProposalProductId) -> () =
            |client| client.proposals().retry_product(&proposal_id, &product_id);
    }

    blocking {
        /// Watches a proposal: each update brings the products that arrived since the previous
        /// one, until every insurer has answered or `timeout` seconds pass.
        #[pyo3(signature = (proposal_id, *, timeout = 90.0))]
        fn watch(&self, py: Python<'_>, proposal_id: ProposalId, timeout: f64) -> PyResult<ProposalWatch> {
            let client = self.shared.client()?;
            watch(py, &client, &proposal_id, timeout).map(ProposalWatch::new)
        }
    }

    awaitable {
        /// Watches a proposal: each update brings the products that arrived since the previous
        /// one, until every insurer has answered or `timeout` seconds pass.
        #[pyo3(signature = (proposal_id, *, timeout = 90.0))]
        fn watch(&self, py: Python<'_>, proposal_id: ProposalId, timeout: f64) -> PyResult<AsyncProposalWatch> {
            let client = self.shared.client()?;
            watch(py, &client, &proposal_id, timeout).map(AsyncProposalWatch::new)
        }
    }
}
