use insurup::{
    AgentBranchId, CoverageGroupId, CustomerId, Document, DocumentRecipient, Proposal, ProposalId,
    ProposalProductId, UserId,
};

use super::proposals::Proposals;
use crate::error::json_argument;

forward! {
    /// Revising proposals, their documents and comparisons, and who looks after them.
    impl Proposals {
        /// Asks every insurer again with other coverage groups; returns the revised proposal.
        revise(id: ProposalId, coverage_group_ids: Vec<CoverageGroupId>) -> Proposal = revise(&id, coverage_group_ids);
        /// Asks one insurer again, with another coverage group or a coverage (a JSON object as text).
        #[uniffi::method(default(coverage_group_id = None, coverage = None))]
        revise_product(id: ProposalId, product_id: ProposalProductId, coverage_group_id: Option<CoverageGroupId>, coverage: Option<String>) -> () = revise_product(&id, &product_id, coverage_group_id.as_ref(), coverage.map(|text| json_argument("coverage", &text)).transpose()?);
        /// Sends a product's proposal document to the customer by e-mail or SMS.
        send_document(id: ProposalId, product_id: ProposalProductId, customer_id: CustomerId, recipient: DocumentRecipient) -> () = send_document(&id, &product_id, &customer_id, &recipient);
        /// Sends a product's information form to the customer by e-mail or SMS.
        send_information_form(id: ProposalId, product_id: ProposalProductId, customer_id: CustomerId, recipient: DocumentRecipient) -> () = send_information_form(&id, &product_id, &customer_id, &recipient);
        /// A PDF comparing products side by side, without the coverage fields named.
        #[uniffi::method(default(excluded_coverage_fields = []))]
        compare_pdf(id: ProposalId, product_ids: Vec<ProposalProductId>, excluded_coverage_fields: Vec<String>) -> Document = compare_pdf(&id, &product_ids, &excluded_coverage_fields);
        /// Sends the comparison PDF to the customer by e-mail or SMS.
        send_compare_pdf(id: ProposalId, product_ids: Vec<ProposalProductId>, excluded_coverage_fields: Vec<String>, customer_id: CustomerId, recipient: DocumentRecipient) -> () = send_compare_pdf(&id, &product_ids, &excluded_coverage_fields, &customer_id, &recipient);
        /// The proposal as the insurers saw it when they answered (JSON text).
        snapshot(id: ProposalId) -> String = snapshot(&id).to_string();
        /// The coverage the proposal asked for (JSON text).
        proposal_coverage(id: ProposalId) -> String = proposal_coverage(&id).to_string();
        /// Assigns the agent user looking after the proposal; none clears it.
        set_representative(id: ProposalId, agent_user_id: Option<UserId>) -> () = set_representative(&id, agent_user_id.as_ref());
        /// Assigns the proposal to an agency branch; none clears it.
        set_branch(id: ProposalId, agent_branch_id: Option<AgentBranchId>) -> () = set_branch(&id, agent_branch_id.as_ref());
    }
}
