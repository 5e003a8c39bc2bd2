//! One class per core resource, each method one forwarding line.

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
pub use graphql::Graphql;
pub use policies::Policies;
pub use properties::Properties;
pub use proposals::Proposals;
pub use purchase::Purchases;
pub use reference::ReferenceData;
pub use vehicles::Vehicles;
pub use webhooks::Webhooks;
