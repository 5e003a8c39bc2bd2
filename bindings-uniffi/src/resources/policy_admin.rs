use insurup::{
    AgentBranchId, ManualPolicy, Policy, PolicyId, PolicyTransfer, PolicyTransferRun, UserId,
};

use super::Policies;
use crate::error::Result;

/// Who looks after a policy, policies bought elsewhere, and transfers from insurers' systems.
#[uniffi::export(async_runtime = "tokio")]
impl Policies {
    /// Assigns the agent user looking after the policy; none clears it.
    pub async fn set_representative(
        &self, id: PolicyId, agent_user_id: Option<UserId>,
    ) -> Result<()> {
        Ok(self.0.set_representative(&id, agent_user_id.as_ref()).await?)
    }

    /// Assigns the policy to an agency branch.
    pub async fn set_branch(&self, id: PolicyId, agent_branch_id: AgentBranchId) -> Result<()> {
        Ok(self.0.set_branch(&id, &agent_branch_id).await?)
    }

    /// Records a policy bought elsewhere and returns it.
    pub async fn create_manual(&self, policy: ManualPolicy) -> Result<Policy> {
        Ok(self.0.create_manual(policy).await?)
    }

    /// Replaces the details of a policy recorded by hand.
    pub async fn update_manual(&self, id: PolicyId, policy: ManualPolicy) -> Result<Policy> {
        Ok(self.0.update_manual(&id, policy).await?)
    }

    /// Starts a transfer of the policies issued between two dates (`YYYY-MM-DD`).
    pub async fn create_transfer(
        &self, start_date: String, end_date: String,
    ) -> Result<PolicyTransfer> {
        Ok(self.0.create_transfer(&start_date, &end_date).await?)
    }

    /// A transfer by id.
    pub async fn transfer(&self, transfer_id: String) -> Result<PolicyTransfer> {
        Ok(self.0.transfer(&transfer_id).await?)
    }

    /// Runs a transfer again.
    pub async fn trigger_transfer(&self, transfer_id: String) -> Result<()> {
        Ok(self.0.trigger_transfer(&transfer_id).await?)
    }

    /// One run of a transfer.
    pub async fn transfer_run(
        &self, transfer_id: String, run_id: String,
    ) -> Result<PolicyTransferRun> {
        Ok(self.0.transfer_run(&transfer_id, &run_id).await?)
    }
}
