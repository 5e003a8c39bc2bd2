#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(
    agent_branches,
    resource!(AsyncAgentBranches {
        /// Creates a branch (under `parent_branch_id` when given) and returns it.
        fn create(; name: String, parent_branch_id: Option<AgentBranchId> = None) -> AgentBranch
            = |client, branch: NewAgentBranch| client.agent_branches().create(branch);

        /// Renames or moves a branch.
        fn update(agent_branch_id: AgentBranchId; name: String,
            parent_branch_id: Option<AgentBranchId> = None) -> AgentBranch
            = |client, branch: NewAgentBranch| client.agent_branches().update(&agent_branch_id, branch);
    })
);
