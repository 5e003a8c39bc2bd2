//! The API's resources, one module per resource, each serving its routes as InsurUp does.

pub mod addresses;
pub mod auth;
pub mod branches;
pub mod cases;
pub mod consents;
pub mod customer_contacts;
pub mod customers;
pub mod graphql;
pub mod hub;
pub mod oauth;
pub mod policies;
pub mod policy_transfers;
pub mod properties;
pub mod proposal_documents;
pub mod proposals;
pub mod purchase;
pub mod reference;
pub mod revisions;
pub mod vehicles;
pub mod webhooks;
