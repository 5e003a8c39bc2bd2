//! Typed request and response shapes of the InsurUp API.
//!
//! Records are plain data with public fields, camelCase on the wire. With the binding features on,
//! the same types become frozen pyclasses (Python), plain objects (Node) and records
//! (Kotlin/Swift), so every language sees one model.

mod macros;

mod case;
mod common;
mod customer;
mod enums;
mod ids;
mod policy;
mod property;
mod proposal;
mod purchase;
mod reference;
mod vehicle;
mod webhook;

pub use case::*;
pub use common::*;
pub use customer::*;
pub use enums::*;
pub use ids::*;
pub use policy::*;
pub use property::*;
pub use proposal::*;
pub use purchase::*;
pub use reference::*;
pub use vehicle::*;
pub use webhook::*;

#[cfg(test)]
mod snapshots_test;
