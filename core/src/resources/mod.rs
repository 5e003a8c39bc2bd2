//! One module per API resource. Each method is one documented call, or a flow helper built from
//! them; every request is described once here and sent through the client's transport.

mod cases;
mod customers;
mod graphql;
mod policies;
mod properties;
mod proposals;
mod purchase;
mod reference;
mod vehicles;
mod webhooks;

pub use cases::Cases;
pub use customers::Customers;
pub use graphql::{Graphql, GraphqlPages, decode_list_answer};
pub use policies::Policies;
pub use properties::Properties;
pub use proposals::{ProposalUpdate, ProposalWatch, Proposals, WaitOptions};
pub use purchase::Purchases;
pub use reference::ReferenceData;
pub use vehicles::Vehicles;
pub use webhooks::Webhooks;

use serde::Deserialize;

/// The id a create call answers with: `{"id": …}`, `{"proposalId": …}` or a bare string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum CreatedId {
    Object {
        #[serde(alias = "proposalId", alias = "policyId")]
        id: String,
    },
    Bare(String),
}

impl CreatedId {
    pub fn into_string(self) -> String {
        match self {
            CreatedId::Object { id } | CreatedId::Bare(id) => id,
        }
    }
}
