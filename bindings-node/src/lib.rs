//! Node binding of the insurup SDK (napi-rs): the native half of the `insurup-sdk` npm package.
//!
//! Conversion only. Every class wraps one core type and every method forwards to the core method
//! of the same name (camelCase in JS); records, ids and enums are the core's own types, which
//! carry their napi derives behind the core's `napi` feature. Errors leave as the core's
//! `ErrorReport` (see `insurup::Error`'s napi conversion), which the package's `errors.js` turns
//! into `InsurUpError` subclasses; `index.js` adds the async iterators and
//! `proposal.cheapestProduct()`.
//!
//! The layout mirrors the core: `client.rs` and `auth.rs` for configuration and callbacks,
//! `fleet.rs` for the state worker processes share in Redis, `logging.rs` for the host's logger,
//! `resources/` the resources (their shared methods projected from the core's declarations),
//! `cancel.rs` for `AbortSignal`s, `settle.rs` for the promises of async calls.

// napi registers exported items only outside `cfg(test)`, so a test build sees them unused.
#![cfg_attr(test, allow(dead_code))]

mod auth;
mod cancel;
mod client;
mod fleet;
mod logging;
mod resources;
mod settle;
mod webhook;

use std::collections::HashMap;

use napi::bindgen_prelude::{FromNapiValue, Unknown};
use napi::{Result, Status, ValueType};
use napi_derive::napi;

/// Reads one JS options object as `T`. A call takes one object that holds a core record and the
/// binding's own options beside it (`{ timeout, signal }`); napi objects read only their own
/// fields, so each of them is read from the same object.
pub(crate) fn read<T: FromNapiValue>(value: Option<&Unknown>) -> Result<Option<T>> {
    let Some(value) = value else { return Ok(None) };
    match value.get_type()? {
        ValueType::Undefined | ValueType::Null => Ok(None),
        ValueType::Object => {
            // SAFETY: the value is a live object of this call's env, the kind `T` reads.
            #[allow(unsafe_code)]
            unsafe {
                value.cast::<T>().map(Some)
            }
        }
        _ => Err(napi::Error::new(
            Status::InvalidArg,
            "options must be an object",
        )),
    }
}

/// The class name of every kind of error the core reports, in declaration order: the error
/// classes the package defines, one per name.
#[napi]
pub fn error_kinds() -> Vec<String> {
    insurup::error_kinds()
}

/// Every wire value this version of the SDK knows, per enum type (`ProductBranch`, `Channel`, …),
/// e.g. to fill a select box. Values the server adds later still arrive, as plain strings.
#[napi]
pub fn enum_values() -> HashMap<String, Vec<String>> {
    insurup::enum_values()
}
