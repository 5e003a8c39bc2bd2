use insurup::{Document, Policy, PolicyId};

use crate::error::Result;

/// Policies (`/api/policies`).
#[derive(Debug, uniffi::Object)]
pub struct Policies(pub(crate) insurup::Policies);

#[uniffi::export(async_runtime = "tokio")]
impl Policies {
    /// A policy.
    pub async fn get(&self, id: PolicyId) -> Result<Policy> {
        Ok(self.0.get(&id).await?)
    }

    /// The policy document (PDF); the URL is short-lived.
    pub async fn document(&self, id: PolicyId) -> Result<Document> {
        Ok(self.0.document(&id).await?)
    }

    /// E-mails the policy document to the customer, or to `email` when given.
    #[uniffi::method(default(email = None))]
    pub async fn send_document(&self, id: PolicyId, email: Option<String>) -> Result<()> {
        Ok(self.0.send_document(&id, email.as_deref()).await?)
    }
}
