//! Policies beyond reading them: who looks after them, which branch they count for, policies
//! bought elsewhere entered by hand, and policy transfers from the insurers' systems.

use crate::error::{Error, Result};
use crate::model::{
    AgentBranchId, ManualPolicy, Policy, PolicyId, PolicyTransfer, PolicyTransferRun, UserId,
};
use crate::transport::Request;
use crate::validate;

use super::{CreatedId, Policies};

impl Policies {
    /// Hands a policy to an agent user; `None` removes the representative.
    pub async fn set_representative(
        &self,
        id: &PolicyId,
        agent_user_id: Option<&UserId>,
    ) -> Result<()> {
        validate::id("policy_id", id.as_str())?;
        if let Some(user) = agent_user_id {
            validate::id("agent_user_id", user.as_str())?;
        }
        let body = serde_json::json!({
            "policyId": id,
            "representativeAgentUserId": agent_user_id,
        });
        let request = Request::post(
            "/api/policies/{id}/representative",
            format!("/api/policies/{id}/representative"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Records the policy for a branch. The vendor client names the member `branchId` here
    /// (`agentBranchId` everywhere else); that is what is sent. The API reference posts it and
    /// the current vendor client puts it: the server's dialect goes first and the other verb is
    /// tried once after a 404 or 405.
    pub async fn set_branch(&self, id: &PolicyId, agent_branch_id: &AgentBranchId) -> Result<()> {
        validate::id("policy_id", id.as_str())?;
        validate::id("agent_branch_id", agent_branch_id.as_str())?;
        let body = serde_json::json!({ "policyId": id, "branchId": agent_branch_id });
        super::send_on_either_route(&self.client, |dialect| {
            const ROUTE: &str = "/api/policies/{id}/branch";
            let path = format!("/api/policies/{id}/branch");
            let request = if dialect.older_rest() {
                Request::post(ROUTE, path)
            } else {
                Request::put(ROUTE, path)
            };
            request.idempotent().json(&body)
        })
        .await
        .map(|_| ())
    }

    /// Enters a policy bought elsewhere and returns it. Never retried once sent.
    pub async fn create_manual(&self, policy: ManualPolicy) -> Result<Policy> {
        let body = policy.to_body(None)?;
        let request = Request::post("/api/policies/manual", "/api/policies/manual").json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&PolicyId::new(created.into_string())).await
    }

    /// Replaces what was entered for a manual policy and returns it.
    pub async fn update_manual(&self, id: &PolicyId, policy: ManualPolicy) -> Result<Policy> {
        validate::id("policy_id", id.as_str())?;
        let body = policy.to_body(Some(id))?;
        let request = Request::put(
            "/api/policies/manual/{id}",
            format!("/api/policies/manual/{id}"),
        )
        .json(&body)?;
        self.client.send(request).await?;
        self.get(id).await
    }

    /// Starts pulling the agency's policies for a period (`YYYY-MM-DD`, both included) from the
    /// insurers' systems and returns the transfer. Never retried once sent.
    pub async fn create_transfer(
        &self,
        start_date: &str,
        end_date: &str,
    ) -> Result<PolicyTransfer> {
        let start = validate::date("start_date", start_date)?;
        let end = validate::date("end_date", end_date)?;
        if end < start {
            return Err(Error::validation(
                "end_date",
                "must not be before start_date",
            ));
        }
        let body = serde_json::json!({ "startDate": start_date, "endDate": end_date });
        let request =
            Request::post("/api/policy-transfers", "/api/policy-transfers").json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.transfer(&created.into_string()).await
    }

    /// A policy transfer with its runs.
    pub async fn transfer(&self, transfer_id: &str) -> Result<PolicyTransfer> {
        validate::id("transfer_id", transfer_id)?;
        self.client
            .call(Request::get(
                "/api/policy-transfers/{id}",
                format!("/api/policy-transfers/{transfer_id}"),
            ))
            .await
    }

    /// Runs a policy transfer again now. Never retried once sent (each call is a run).
    pub async fn trigger_transfer(&self, transfer_id: &str) -> Result<()> {
        validate::id("transfer_id", transfer_id)?;
        let body = serde_json::json!({ "policyTransferId": transfer_id });
        let request = Request::post(
            "/api/policy-transfers/{id}/trigger",
            format!("/api/policy-transfers/{transfer_id}/trigger"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// One run of a policy transfer, insurer by insurer.
    pub async fn transfer_run(&self, transfer_id: &str, run_id: &str) -> Result<PolicyTransferRun> {
        validate::id("transfer_id", transfer_id)?;
        validate::id("run_id", run_id)?;
        self.client
            .call(Request::get(
                "/api/policy-transfers/{id}/triggers/{triggerId}",
                format!("/api/policy-transfers/{transfer_id}/triggers/{run_id}"),
            ))
            .await
    }
}
