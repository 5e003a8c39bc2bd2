//! The API's breadth beyond the quote-and-buy flow, one module per area, in one test binary.

#[path = "../support/mod.rs"]
mod support;

mod assets;
mod cases;
mod coverage;
mod crm_week;
mod customers;
mod graphql;
mod policies;
mod proposals;
mod records;
