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
    }
}

#[napi]
impl AgentBranches {
    /// The hierarchy: every branch with its depth, ancestors and children, depth first.
    #[napi]
    pub fn tree<'env>(
        &self,
        env: &'env napi::Env,
    ) -> napi::Result<napi::bindgen_prelude::PromiseRaw<'env, Vec<AgentBranchNode>>> {
        let branches = self.0.clone();
        crate::settle::spawn_promise(env, async move { Ok(branches.tree().await?.nodes()) })
    }
}
