//! End-to-end tests live in `tests/`. This library holds what they share with the helper
//! binaries they spawn: a throw-away Redis server.

pub mod faulty_store;
pub mod redis_server;
