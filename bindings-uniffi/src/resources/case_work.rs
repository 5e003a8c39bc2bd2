use insurup::{
    AgentBranchId, AssetType, Case, CaseActivity, CaseMainState, CasePolicy, CaseProposal,
    CaseSubState, Channel, NewCancelCase, NewComplaintCase, NewCrossSaleOpportunity,
    NewEndorsementCase, UserId,
};

use super::Cases;
use crate::error::Result;

/// Cases besides new sales, and the work done on a case. `case_ref` is a case's id or reference.
#[uniffi::export(async_runtime = "tokio")]
impl Cases {
    /// Opens a cross-sale opportunity (a new branch for a customer who holds a policy).
    pub async fn create_cross_sale_opportunity(
        &self, opportunity: NewCrossSaleOpportunity,
    ) -> Result<Case> {
        Ok(self.0.create_cross_sale_opportunity(opportunity).await?)
    }

    /// Opens a cancellation case for a policy.
    pub async fn create_cancel(&self, cancel: NewCancelCase) -> Result<Case> {
        Ok(self.0.create_cancel(cancel).await?)
    }

    /// Opens an endorsement case for a policy.
    pub async fn create_endorsement(&self, endorsement: NewEndorsementCase) -> Result<Case> {
        Ok(self.0.create_endorsement(endorsement).await?)
    }

    /// Opens a complaint case.
    pub async fn create_complaint(&self, complaint: NewComplaintCase) -> Result<Case> {
        Ok(self.0.create_complaint(complaint).await?)
    }

    /// Assigns the agent user working the case; none clears it.
    pub async fn set_representative(
        &self, case_ref: String, agent_user_id: Option<UserId>,
    ) -> Result<()> {
        Ok(self.0.set_representative(&case_ref, agent_user_id.as_ref()).await?)
    }

    /// Adds a note to the case.
    pub async fn add_note(&self, case_ref: String, note: String) -> Result<()> {
        Ok(self.0.add_note(&case_ref, &note).await?)
    }

    /// Changes the channel the case came through.
    pub async fn set_channel(&self, case_ref: String, channel: Channel) -> Result<()> {
        Ok(self.0.set_channel(&case_ref, channel).await?)
    }

    /// Moves the case to another state, with an optional note.
    #[uniffi::method(default(note = None))]
    pub async fn set_state(
        &self, case_ref: String, main_state: CaseMainState, sub_state: CaseSubState,
        note: Option<String>,
    ) -> Result<()> {
        Ok(self.0.set_state(&case_ref, main_state, sub_state, note.as_deref()).await?)
    }

    /// Attaches the vehicle or property the case is about.
    pub async fn set_asset(
        &self, case_ref: String, asset_type: AssetType, asset_id: String,
    ) -> Result<()> {
        Ok(self.0.set_asset(&case_ref, asset_type, &asset_id).await?)
    }

    /// Assigns the case to an agency branch; none clears it.
    pub async fn set_branch(
        &self, case_ref: String, agent_branch_id: Option<AgentBranchId>,
    ) -> Result<()> {
        Ok(self.0.set_branch(&case_ref, agent_branch_id.as_ref()).await?)
    }

    /// What happened on the case, oldest first.
    pub async fn activities(&self, case_ref: String) -> Result<Vec<CaseActivity>> {
        Ok(self.0.activities(&case_ref).await?)
    }

    /// The proposals made for the case.
    pub async fn proposals(&self, case_ref: String) -> Result<Vec<CaseProposal>> {
        Ok(self.0.proposals(&case_ref).await?)
    }

    /// The policies the case produced or concerns.
    pub async fn policies(&self, case_ref: String) -> Result<Vec<CasePolicy>> {
        Ok(self.0.policies(&case_ref).await?)
    }
}
