//! HTTP plumbing: the accept loop, the router and its layers, extractors, problem details, rate
//! limiting and input checks.

pub mod context;
pub mod extract;
pub mod middleware;
pub mod openapi;
pub mod problem;
pub mod ratelimit;
pub mod router;
pub mod server;
pub mod validate;
