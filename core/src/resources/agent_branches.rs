use crate::client::Client;
use crate::error::Result;
use crate::model::{AgentBranch, AgentBranchId, AgentBranchTree, NewAgentBranch};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// The agency's branches, sub-agencies and partners (`/api/agent-branches`).
///
/// Production is scoped to a branch as the B2B guide (§6) describes: pass the branch as
/// `agent_branch_id` when creating a customer, proposal, case or manual policy (or give the client
/// a default with `ClientBuilder::agent_branch_id`), and the record belongs to that branch; GraphQL
/// rows name it, list filters select by it (`…Fields::agent_branch_id()`), and a webhook created
/// with `agent_branch_ids` only hears about records of those branches.
#[derive(Debug, Clone)]
pub struct AgentBranches {
    client: Client,
}

impl AgentBranches {
    pub(crate) fn new(client: Client) -> Self {
        AgentBranches { client }
    }

    /// Every branch of the agency.
    pub async fn list(&self) -> Result<Vec<AgentBranch>> {
        self.client
            .call(Request::get("/api/agent-branches", "/api/agent-branches"))
            .await
    }

    /// The branches arranged by their parents (see [`AgentBranchTree`]).
    pub async fn tree(&self) -> Result<AgentBranchTree> {
        Ok(AgentBranchTree::new(self.list().await?))
    }

    /// One branch.
    pub async fn get(&self, id: &AgentBranchId) -> Result<AgentBranch> {
        validate::id("agent_branch_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/agent-branches/{id}",
                format!("/api/agent-branches/{id}"),
            ))
            .await
    }

    /// Creates a branch and returns it. Never retried once sent.
    pub async fn create(&self, branch: NewAgentBranch) -> Result<AgentBranch> {
        let body = branch.to_body(None)?;
        let request = Request::post("/api/agent-branches", "/api/agent-branches").json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&AgentBranchId::new(created.into_string())).await
    }

    /// Renames a branch or moves it under another one, and returns it.
    pub async fn update(&self, id: &AgentBranchId, branch: NewAgentBranch) -> Result<AgentBranch> {
        validate::id("agent_branch_id", id.as_str())?;
        let body = branch.to_body(Some(id))?;
        let request = Request::put(
            "/api/agent-branches/{id}",
            format!("/api/agent-branches/{id}"),
        )
        .json(&body)?;
        self.client.send(request).await?;
        self.get(id).await
    }

    /// Deletes a branch. One with sub-branches is refused by the API: delete or move them first.
    pub async fn delete(&self, id: &AgentBranchId) -> Result<()> {
        validate::id("agent_branch_id", id.as_str())?;
        self.client
            .send(Request::delete(
                "/api/agent-branches/{id}",
                format!("/api/agent-branches/{id}"),
            ))
            .await
            .map(|_| ())
    }
}
