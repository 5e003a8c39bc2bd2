use insurup::{
    AgentBranchId, ManualPolicy, Policy, PolicyId, PolicyTransfer, PolicyTransferRun, UserId,
};

use super::policies::Policies;

forward! {
    /// Who looks after a policy, policies bought elsewhere, and transfers from insurers' systems.
    impl Policies {
        /// Assigns the agent user looking after the policy; none clears it.
        set_representative(id: PolicyId, agent_user_id: Option<UserId>) -> () = set_representative(&id, agent_user_id.as_ref());
        /// Assigns the policy to an agency branch.
        set_branch(id: PolicyId, agent_branch_id: AgentBranchId) -> () = set_branch(&id, &agent_branch_id);
        /// Records a policy bought elsewhere and returns it.
        create_manual(policy: ManualPolicy) -> Policy = create_manual(policy);
        /// Replaces the details of a policy recorded by hand.
        update_manual(id: PolicyId, policy: ManualPolicy) -> Policy = update_manual(&id, policy);
        /// Starts a transfer of the policies issued between two dates (`YYYY-MM-DD`).
        create_transfer(start_date: String, end_date: String) -> PolicyTransfer = create_transfer(&start_date, &end_date);
        /// A transfer by id.
        transfer(transfer_id: String) -> PolicyTransfer = transfer(&transfer_id);
        /// Runs a transfer again.
        trigger_transfer(transfer_id: String) -> () = trigger_transfer(&transfer_id);
        /// One run of a transfer.
        transfer_run(transfer_id: String, run_id: String) -> PolicyTransferRun = transfer_run(&transfer_id, &run_id);
    }
}
