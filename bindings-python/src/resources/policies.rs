use insurup::{
    AgentBranchId, CustomerId, Document, ManualPolicy, Policy, PolicyId, PolicyTransfer,
    PolicyTransferRun, ProductBranch, UserId,
};

use super::resource;

resource! {
    /// Policies.
    Policies, AsyncPolicies {
        /// A policy.
        fn get(policy_id: PolicyId) -> Policy = |client| client.policies().get(&policy_id);

        /// The policy document (a short-lived PDF URL).
        fn document(policy_id: PolicyId) -> Document =
            |client| client.policies().document(&policy_id);

        /// E-mails the policy document to the customer, or to `email` when given.
        fn send_document(policy_id: PolicyId; email: Option<String> = None) -> () =
            |client| client.policies().send_document(&policy_id, email.as_deref());

        /// Assigns the agent user looking after the policy; None clears it.
        fn set_representative(policy_id: PolicyId, agent_user_id: Option<UserId>) -> () =
            |client| client.policies().set_representative(&policy_id, agent_user_id.as_ref());

        /// Assigns the policy to an agency branch.
        fn set_branch(policy_id: PolicyId, agent_branch_id: AgentBranchId) -> () =
            |client| client.policies().set_branch(&policy_id, &agent_branch_id);

        /// Records a policy bought elsewhere and returns it.
        fn create_manual(; policy_number: String, insurance_company_id: i64,
            product_branch: ProductBranch, customer_id: CustomerId, start_date: String,
            end_date: String, premium: Option<f64> = None)
            -> Policy = |client, policy: ManualPolicy| client.policies().create_manual(policy);

        /// Replaces the details of a policy recorded by hand.
        fn update_manual(policy_id: PolicyId; policy_number: String, insurance_company_id: i64,
            product_branch: ProductBranch, customer_id: CustomerId, start_date: String,
            end_date: String, premium: Option<f64> = None)
            -> Policy = |client, policy: ManualPolicy|
                client.policies().update_manual(&policy_id, policy);

        /// Starts a transfer of the policies issued between two dates (`YYYY-MM-DD`).
        fn create_transfer(start_date: String, end_date: String) -> PolicyTransfer =
            |client| client.policies().create_transfer(&start_date, &end_date);

        /// A transfer by id.
        fn transfer(transfer_id: String) -> PolicyTransfer =
            |client| client.policies().transfer(&transfer_id);

        /// Runs a transfer again.
        fn trigger_transfer(transfer_id: String) -> () =
            |client| client.policies().trigger_transfer(&transfer_id);

        /// One run of a transfer.
        fn transfer_run(transfer_id: String, run_id: String) -> PolicyTransferRun =
            |client| client.policies().transfer_run(&transfer_id, &run_id);
    }
}
