//! Typed request and response shapes of the InsurUp API.
//!
//! Records are plain data with public fields, camelCase on the wire. With the binding features on,
//! the same types become frozen pyclasses (Python), plain objects (Node) and records
//! (Kotlin/Swift), so every language sees one model.

mod macros;

pub(crate) mod address;
mod branch;
mod case;
mod common;
mod contact;
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

pub use address::PropertyAddress;
pub use branch::*;
pub use case::*;
pub use common::*;
pub use contact::*;
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

/// Reads a list the server may send as `null` as an empty list.
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    use serde::Deserialize;
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod snapshots_test;
