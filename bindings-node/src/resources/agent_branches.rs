use napi_derive::napi;

use insurup::{AgentBranch, AgentBranchId, AgentBranchNode, NewAgentBranch};

resource! {
    "The agency's branches (`/api/agent-branches`)."
    AgentBranches(insurup::AgentBranches) {
        "Every branch of the agency."
        list() -> Vec<AgentBranch> = list();
        "A branch by id."
        get(id: AgentBranchId) -> AgentBranch = get(&id);
        "Creates a branch and returns it."
        create(branch: NewAgentBranch) -> AgentBranch = create(branch);
        "Renames or moves a branch."
        update(id: AgentBranchId, branch: NewAgentBranch) -> AgentBranch = update(&id, branch);
        "Deletes a branch."
        delete(id: AgentBranchId) -> () = delete(&id);
        "The hierarchy: every branch with its depth, ancestors and children, depth first."
        tree() -> Vec<AgentBranchNode> = tree().nodes();
    }
}
