//! One object per core resource, each method one forwarding line. Mirrors `core/src/resources`.

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
pub use customers::{Customers, NewCustomer};
pub use graphql::{
    CasePages, CustomerPages, Graphql, ListQuery, PolicyPages, ProposalPages, SortDirection,
    SortOrder,
};
pub use policies::Policies;
pub use properties::Properties;
pub use proposals::{ProposalWatch, Proposals, WaitOptions};
pub use purchase::{Purchases, new_card};
pub use reference::ReferenceData;
pub use vehicles::Vehicles;
pub use webhooks::Webhooks;
