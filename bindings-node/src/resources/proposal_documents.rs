use napi_derive::napi;

use insurup::{
    AgentBranchId, CoverageGroupId, CustomerId, Document, DocumentRecipient, Proposal, ProposalId,
    ProposalProductId, UserId,
};

use super::Proposals;

resource! {
    impl Proposals {
        "Asks every insurer again with other coverage groups; returns the revised proposal."
        revise(id: ProposalId, coverage_group_ids: Vec<CoverageGroupId>) -> Proposal =
            revise(&id, coverage_group_ids);
        "Asks one insurer again, with another coverage group or a coverage object."
        revise_product(id: ProposalId, product_id: ProposalProductId, coverage_group_id: Option<CoverageGroupId>,
            coverage: Option<serde_json::Value>) -> () =
            revise_product(&id, &product_id, coverage_group_id.as_ref(), coverage);
        "Sends a product's proposal document to the customer by e-mail or SMS."
        send_document(id: ProposalId, product_id: ProposalProductId, customer_id: CustomerId,
            recipient: DocumentRecipient) -> () = send_document(&id, &product_id, &customer_id, &recipient);
        "Sends a product's information form to the customer by e-mail or SMS."
        send_information_form(id: ProposalId, product_id: ProposalProductId, customer_id: CustomerId,
            recipient: DocumentRecipient) -> () =
            send_information_form(&id, &product_id, &customer_id, &recipient);
        "A PDF comparing products side by side, without the coverage fields named."
        compare_pdf(id: ProposalId, product_ids: Vec<ProposalProductId>, excluded_coverage_fields: Vec<String>) -> Document =
            compare_pdf(&id, &product_ids, &excluded_coverage_fields);
        "Sends the comparison PDF to the customer by e-mail or SMS."
        send_compare_pdf(id: ProposalId, product_ids: Vec<ProposalProductId>, excluded_coverage_fields: Vec<String>,
            customer_id: CustomerId, recipient: DocumentRecipient) -> () =
            send_compare_pdf(&id, &product_ids, &excluded_coverage_fields, &customer_id, &recipient);
        "The proposal as the insurers saw it when they answered."
        snapshot(id: ProposalId) -> serde_json::Value = snapshot(&id);
        "The coverage the proposal asked for."
        proposal_coverage(id: ProposalId) -> serde_json::Value = proposal_coverage(&id);
        "Assigns the agent user looking after the proposal; `null` clears it."
        set_representative(id: ProposalId, agent_user_id: Option<UserId>) -> () =
            set_representative(&id, agent_user_id.as_ref());
        "Assigns the proposal to an agency branch; `null` clears it."
        set_branch(id: ProposalId, agent_branch_id: Option<AgentBranchId>) -> () =
            set_branch(&id, agent_branch_id.as_ref());
    }
}
