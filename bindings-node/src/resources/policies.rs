use napi_derive::napi;

use insurup::{Document, Policy, PolicyId};

resource! {
    "Policies (`/api/policies`)."
    Policies(insurup::Policies) {
        "A policy."
        get(id: PolicyId) -> Policy = get(&id);
        "The policy document (PDF)."
        document(id: PolicyId) -> Document = document(&id);
        "E-mails the policy document to the customer, or to `email` when given."
        send_document(id: PolicyId, email: Option<String>) -> () = send_document(&id, email.as_deref());
    }
}
