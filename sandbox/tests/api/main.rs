//! End-to-end tests of the sandbox over real HTTP (reqwest, not the SDK).

mod auth;
mod common;
mod customers;
mod errors;
mod faults;
mod flow;
mod graphql;
mod lifecycle;
mod proposals;
mod purchase;
mod snapshots;
mod webhooks;
