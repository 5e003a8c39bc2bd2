use insurup::{AgentBranch, AgentBranchId, AgentBranchNode, NewAgentBranch};

use crate::error::Result;

/// The agency's branches (`/api/agent-branches`).
#[derive(Debug, uniffi::Object)]
pub struct AgentBranches(pub(crate) insurup::AgentBranches);

#[uniffi::export(async_runtime = "tokio")]
impl AgentBranches {
    /// Every branch of the agency.
    pub async fn list(&self) -> Result<Vec<AgentBranch>> {
        Ok(self.0.list().await?)
    }

    /// The hierarchy: every branch with its depth, ancestors and children, depth first.
    pub async fn tree(&self) -> Result<Vec<AgentBranchNode>> {
        Ok(self.0.tree().await?.nodes())
    }

    /// A branch by id.
    pub async fn get(&self, id: AgentBranchId) -> Result<AgentBranch> {
        Ok(self.0.get(&id).await?)
    }

    /// Creates a branch and returns it.
    pub async fn create(&self, branch: NewAgentBranch) -> Result<AgentBranch> {
        Ok(self.0.create(branch).await?)
    }

    /// Renames or moves a branch.
    pub async fn update(&self, id: AgentBranchId, branch: NewAgentBranch) -> Result<AgentBranch> {
        Ok(self.0.update(&id, branch).await?)
    }

    /// Deletes a branch.
    pub async fn delete(&self, id: AgentBranchId) -> Result<()> {
        Ok(self.0.delete(&id).await?)
    }
}
