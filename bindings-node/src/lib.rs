//! Node binding of the insurup SDK (napi-rs): the native half of the `insurup-sdk` npm package.
//!
//! Conversion only. Every class wraps one core type and every method forwards to the core method
//! of the same name (camelCase in JS); records, ids and enums are the core's own types, which
//! carry their napi derives behind the core's `napi` feature. Errors leave as a JSON payload the
//! package's `index.js` turns into `InsurUpError` subclasses (see `insurup::Error`'s napi
//! conversion); the same file adds the async iterators and `proposal.cheapestProduct()`.
//!
//! The layout mirrors the core: `client.rs` and `auth.rs` for configuration and callbacks,
//! `resources/` one file per resource, `cancel.rs` for `AbortSignal`s.

// napi registers exported items only outside `cfg(test)`, so a test build sees them unused.
#![cfg_attr(test, allow(dead_code))]

mod auth;
mod cancel;
mod client;
mod resources;
mod webhook;

use std::collections::HashMap;

use napi_derive::napi;

/// Every wire value this version of the SDK knows, per enum type (`ProductBranch`, `Channel`, …),
/// e.g. to fill a select box. Values the server adds later still arrive, as plain strings.
#[napi]
pub fn enum_values() -> HashMap<String, Vec<String>> {
    macro_rules! values {
        ($($name:ident),+ $(,)?) => {
            HashMap::from([$((
                stringify!($name).to_owned(),
                insurup::$name::WIRE_VALUES.iter().map(|value| (*value).to_owned()).collect(),
            )),+])
        };
    }
    values!(
        ProductBranch,
        Channel,
        ProposalState,
        ProductState,
        PolicyState,
        PaymentOption,
        Currency,
        CustomerType,
        Gender,
        AssetType,
        CaseType,
        CaseStatus,
        CaseMainState,
        VehicleUtilizationStyle,
        VehicleFuel,
        PropertyUtilizationStyle,
        PropertyOwnershipType,
        InsuranceProductType,
        PurchaseStatus,
        WebhookEvent,
    )
}
