use crate::client::Client;
use crate::error::Result;
use crate::model::{Document, Policy, PolicyId};
use crate::transport::Request;
use crate::validate;

/// Policies (`/api/policies`).
#[derive(Debug, Clone)]
pub struct Policies {
    pub(super) client: Client,
}

impl Policies {
    pub(crate) fn new(client: Client) -> Self {
        Policies { client }
    }

    /// A policy.
    pub async fn get(&self, id: &PolicyId) -> Result<Policy> {
        validate::id("policy_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/policies/{id}",
                format!("/api/policies/{id}"),
            ))
            .await
    }

    /// The policy document (PDF).
    pub async fn document(&self, id: &PolicyId) -> Result<Document> {
        validate::id("policy_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/policies/{id}/document",
                format!("/api/policies/{id}/document"),
            ))
            .await
    }

    /// E-mails the policy document to the customer, or to `email` when given.
    pub async fn send_document(&self, id: &PolicyId, email: Option<&str>) -> Result<()> {
        validate::id("policy_id", id.as_str())?;
        if let Some(address) = email {
            validate::email("email", address)?;
        }
        let body = serde_json::json!({ "policyId": id, "email": email });
        let request = Request::post(
            "/api/policies/{id}/document/send",
            format!("/api/policies/{id}/document/send"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }
}
