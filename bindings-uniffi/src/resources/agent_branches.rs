use insurup::{AgentBranch, AgentBranchId, AgentBranchNode, NewAgentBranch};

use crate::error::Result;

/// The agency's branches (`/api/agent-branches`).
#[derive(Debug, uniffi::Object)]
pub struct AgentBranches(pub(crate) insurup::AgentBranches);

forward! {
    impl AgentBranches {
        /// Every branch of the agency.
        list() -> Vec<AgentBranch> = list();
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl AgentBranches {
    /// The hierarchy: every branch with its depth, ancestors and children, depth first.
    pub async fn tree(&self) -> Result<Vec<AgentBranchNode>> {
        Ok(self.0.tree().await?.nodes())
    }
}

forward! {
    impl AgentBranches {
        /// A branch by id.
        get(id: AgentBranchId) -> AgentBranch = get(&id);
        /// Creates a branch and returns it.
        create(branch: NewAgentBranch) -> AgentBranch = create(branch);
        /// Renames or moves a branch.
        update(id: AgentBranchId, branch: NewAgentBranch) -> AgentBranch = update(&id, branch);
        /// Deletes a branch.
        delete(id: AgentBranchId) -> () = delete(&id);
    }
}
