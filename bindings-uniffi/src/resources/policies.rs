use insurup::{Document, Policy, PolicyId};

forward! {
    /// Policies (`/api/policies`).
    Policies(insurup::Policies) {
        /// A policy.
        get(id: PolicyId) -> Policy = get(&id);
        /// The policy document (PDF); the URL is short-lived.
        document(id: PolicyId) -> Document = document(&id);
        /// E-mails the policy document to the customer, or to `email` when given.
        #[uniffi::method(default(email = None))]
        send_document(id: PolicyId, email: Option<String>) -> () = send_document(&id, email.as_deref());
    }
}
