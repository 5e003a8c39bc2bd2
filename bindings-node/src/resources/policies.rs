use napi::Result;
use napi_derive::napi;

use insurup::{Document, Policy, PolicyId};

/// Policies (`/api/policies`).
#[derive(Debug)]
#[napi]
pub struct Policies(pub(crate) insurup::Policies);

#[napi]
impl Policies {
    /// A policy.
    #[napi]
    pub async fn get(&self, id: PolicyId) -> Result<Policy> {
        Ok(self.0.get(&id).await?)
    }

    /// The policy document (PDF).
    #[napi]
    pub async fn document(&self, id: PolicyId) -> Result<Document> {
        Ok(self.0.document(&id).await?)
    }

    /// E-mails the policy document to the customer, or to `email` when given.
    #[napi]
    pub async fn send_document(&self, id: PolicyId, email: Option<String>) -> Result<()> {
        Ok(self.0.send_document(&id, email.as_deref()).await?)
    }
}
