use insurup::{AgentBranch, AgentBranchId, AgentBranchNode, NewAgentBranch};

use super::resource;

resource! {
    /// The agency's branches and their hierarchy.
    AgentBranches, AsyncAgentBranches {
        /// Every branch of the agency.
        fn list() -> Vec<AgentBranch> = |client| client.agent_branches().list();

        /// The hierarchy: every branch with its depth, ancestors and children, depth first.
        fn tree() -> Vec<AgentBranchNode> = |client| async move {
            client.agent_branches().tree().await.map(|tree| tree.nodes())
        };

        /// A branch by id.
        fn get(agent_branch_id: AgentBranchId) -> AgentBranch =
            |client| client.agent_branches().get(&agent_branch_id);

        /// Creates a branch (under `parent_branch_id` when given) and returns it.
        fn create(; name: String, parent_branch_id: Option<AgentBranchId> = None) -> AgentBranch
            = |client, branch: NewAgentBranch| client.agent_branches().create(branch);

        /// Renames or moves a branch.
        fn update(agent_branch_id: AgentBranchId; name: String,
            parent_branch_id: Option<AgentBranchId> = None) -> AgentBranch
            = |client, branch: NewAgentBranch|
                client.agent_branches().update(&agent_branch_id, branch);

        /// Deletes a branch.
        fn delete(agent_branch_id: AgentBranchId) -> () =
            |client| client.agent_branches().delete(&agent_branch_id);
    }
}
