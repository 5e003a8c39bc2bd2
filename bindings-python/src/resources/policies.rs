use insurup::{Document, Policy, PolicyId};

use super::resource;

resource! {
    /// Policies.
    Policies, AsyncPolicies {
        /// A policy.
        fn get(policy_id: PolicyId) -> Policy = |client| client.policies().get(&policy_id);

        /// The policy document (a short-lived PDF URL).
        fn document(policy_id: PolicyId) -> Document =
            |client| client.policies().document(&policy_id);

        /// E-mails the policy document to the customer, or to `email` when given.
        #[pyo3(signature = (policy_id, *, email = None))]
        fn send_document(policy_id: PolicyId, email: Option<String>) -> () =
            |client| client.policies().send_document(&policy_id, email.as_deref());
    }
}
