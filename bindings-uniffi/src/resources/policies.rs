use insurup::{Document, Policy, PolicyId};

use crate::error::Result;

/// Policies (`/api/policies`).
#[derive(Debug, uniffi::Object)]
pub struct Policies(pub(crate) insurup::Policies);

forward! {
    impl Policies {
        /// A policy.
        get(id: PolicyId) -> Policy = get(&id);
        /// The policy document (PDF); the URL is short-lived.
        document(id: PolicyId) -> Document = document(&id);
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl Policies {
    /// E-mails the policy document to the customer, or to `email` when given.
    #[uniffi::method(default(email = None))]
    pub async fn send_document(&self, id: PolicyId, email: Option<String>) -> Result<()> {
        Ok(self.0.send_document(&id, email.as_deref()).await?)
    }
}
