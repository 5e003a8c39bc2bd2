//! End-to-end tests of the sandbox over real HTTP (reqwest, not the SDK).

mod assets;
mod auth;
mod branches;
mod case_work;
mod common;
mod contract;
mod customer_details;
mod customers;
mod dialects;
mod errors;
mod faults;
mod flow;
mod graphql;
mod hub;
mod lifecycle;
mod oauth;
mod policy_work;
mod proposal_work;
mod proposals;
mod purchase;
mod snapshots;
mod webhooks;
