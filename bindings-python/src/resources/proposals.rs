use insurup::{
    AgentBranchId, Channel, CoverageGroupId, CustomerId, Document, DocumentRecipient, NewProposal,
    PremiumDetail, Product, ProductBranch, PropertyId, Proposal, ProposalId, ProposalProductId,
    UserId, VehicleId, WaitOptions, WaitSettings,
};
use pyo3::prelude::*;

use super::resource;
use crate::inputs::Json;
use crate::lists::iterator;

resource! {
    /// Proposals: one quote request answered by many insurers, each answer a product.
    Proposals, AsyncProposals {
        /// Requests a proposal from every insurer and returns it at once; products arrive over
        /// the next seconds (see `wait` and `watch`). Never sent twice. `create_kasko` and its
        /// siblings name the branch for you.
        fn create(; product_branch: ProductBranch, insurer_customer_id: CustomerId,
            insured_customer_id: Option<CustomerId> = None, vehicle_id: Option<VehicleId> = None,
            property_id: Option<PropertyId> = None,
            coverage_group_ids: Option<Vec<CoverageGroupId>> = None,
            channel: Option<Channel> = None, agent_branch_id: Option<AgentBranchId> = None,
            policy_start_date: Option<String> = None) -> Proposal
            = |client, proposal: NewProposal| client.proposals().create(proposal);

        /// Requests a kasko proposal for a customer's vehicle.
        fn create_kasko(; customer_id: CustomerId, vehicle_id: VehicleId,
            insured_customer_id: Option<CustomerId> = None,
            coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
            agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None)
            -> Proposal = |client| client.proposals().create(NewProposal { insured_customer_id,
                coverage_group_ids, channel, agent_branch_id, policy_start_date,
                ..NewProposal::kasko(customer_id, vehicle_id) });

        /// Requests a trafik (compulsory motor liability) proposal.
        fn create_trafik(; customer_id: CustomerId, vehicle_id: VehicleId,
            insured_customer_id: Option<CustomerId> = None,
            coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
            agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None)
            -> Proposal = |client| client.proposals().create(NewProposal { insured_customer_id,
                coverage_group_ids, channel, agent_branch_id, policy_start_date,
                ..NewProposal::trafik(customer_id, vehicle_id) });

        /// Requests an İMM (voluntary motor liability) proposal.
        fn create_imm(; customer_id: CustomerId, vehicle_id: VehicleId,
            insured_customer_id: Option<CustomerId> = None,
            coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
            agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None)
            -> Proposal = |client| client.proposals().create(NewProposal { insured_customer_id,
                coverage_group_ids, channel, agent_branch_id, policy_start_date,
                ..NewProposal::imm(customer_id, vehicle_id) });

        /// Requests a DASK (compulsory earthquake) proposal for a customer's property.
        fn create_dask(; customer_id: CustomerId, property_id: PropertyId,
            insured_customer_id: Option<CustomerId> = None,
            coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
            agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None)
            -> Proposal = |client| client.proposals().create(NewProposal { insured_customer_id,
                coverage_group_ids, channel, agent_branch_id, policy_start_date,
                ..NewProposal::dask(customer_id, property_id) });

        /// Requests a konut (home) proposal for a customer's property.
        fn create_konut(; customer_id: CustomerId, property_id: PropertyId,
            insured_customer_id: Option<CustomerId> = None,
            coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
            agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None)
            -> Proposal = |client| client.proposals().create(NewProposal { insured_customer_id,
                coverage_group_ids, channel, agent_branch_id, policy_start_date,
                ..NewProposal::konut(customer_id, property_id) });

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
        /// (`timeout` seconds, 90 by default) it returns what has arrived if a product can be
        /// bought, and raises `TimeoutError` otherwise. It looks every `poll_interval` seconds
        /// (0.5), half as long again each time, up to `max_poll_interval` (4).
        fn wait(proposal_id: ProposalId; timeout: Option<f64> = None,
            poll_interval: Option<f64> = None, max_poll_interval: Option<f64> = None) -> Proposal
            = |client, settings: WaitSettings| async move {
                let options = WaitOptions::try_from(settings)?;
                client.proposals().wait(&proposal_id, options).await
            };

        /// Insurer-side references of one premium (None installments: cash).
        fn premium_detail(proposal_id: ProposalId, product_id: ProposalProductId;
            installments: Option<u32> = None) -> PremiumDetail = |client|
                client.proposals().premium_detail(&proposal_id, &product_id, installments);

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

        /// Asks every insurer again with other coverage groups; returns the revised proposal.
        fn revise(proposal_id: ProposalId, coverage_group_ids: Vec<CoverageGroupId>) -> Proposal =
            |client| client.proposals().revise(&proposal_id, coverage_group_ids);

        /// Asks one insurer again, with another coverage group or a coverage (a dict).
        fn revise_product(proposal_id: ProposalId, product_id: ProposalProductId;
            coverage_group_id: Option<CoverageGroupId> = None, coverage: Option<Json> = None)
            -> () = |client| client.proposals().revise_product(&proposal_id, &product_id,
                coverage_group_id.as_ref(), coverage.map(|coverage| coverage.0));

        /// Sends a product's proposal document to the customer by e-mail or SMS.
        fn send_document(proposal_id: ProposalId, product_id: ProposalProductId,
            customer_id: CustomerId; email: Option<String> = None,
            phone_number: Option<String> = None) -> ()
            = |client, recipient: DocumentRecipient| async move {
                client.proposals()
                    .send_document(&proposal_id, &product_id, &customer_id, &recipient).await
            };

        /// Sends a product's information form to the customer by e-mail or SMS.
        fn send_information_form(proposal_id: ProposalId, product_id: ProposalProductId,
            customer_id: CustomerId; email: Option<String> = None,
            phone_number: Option<String> = None) -> ()
            = |client, recipient: DocumentRecipient| async move {
                client.proposals()
                    .send_information_form(&proposal_id, &product_id, &customer_id, &recipient)
                    .await
            };

        /// A PDF comparing products side by side, without the coverage fields named.
        fn compare_pdf(proposal_id: ProposalId, product_ids: Vec<ProposalProductId>;
            excluded_coverage_fields: Vec<String> = (Vec::new())) -> Document = |client| async move {
                client.proposals()
                    .compare_pdf(&proposal_id, &product_ids, &excluded_coverage_fields).await
            };

        /// Sends the comparison PDF to the customer by e-mail or SMS.
        /// `excluded_coverage_fields` may be empty.
        fn send_compare_pdf(proposal_id: ProposalId, product_ids: Vec<ProposalProductId>,
            excluded_coverage_fields: Vec<String>, customer_id: CustomerId;
            email: Option<String> = None, phone_number: Option<String> = None) -> ()
            = |client, recipient: DocumentRecipient| async move {
                client.proposals().send_compare_pdf(&proposal_id, &product_ids,
                    &excluded_coverage_fields, &customer_id, &recipient).await
            };

        /// The proposal as the insurers saw it when they answered, as a dict.
        fn snapshot(proposal_id: ProposalId) -> Json = |client| async move {
            client.proposals().snapshot(&proposal_id).await.map(Json)
        };

        /// The coverage the proposal asked for, as a dict.
        fn proposal_coverage(proposal_id: ProposalId) -> Json = |client| async move {
            client.proposals().proposal_coverage(&proposal_id).await.map(Json)
        };

        /// Assigns the agent user looking after the proposal; None clears it.
        fn set_representative(proposal_id: ProposalId, agent_user_id: Option<UserId>) -> () =
            |client| client.proposals().set_representative(&proposal_id, agent_user_id.as_ref());

        /// Assigns the proposal to an agency branch; None clears it.
        fn set_branch(proposal_id: ProposalId, agent_branch_id: Option<AgentBranchId>) -> () =
            |client| client.proposals().set_branch(&proposal_id, agent_branch_id.as_ref());
    }

    extra {
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
    }
}
