//! The native module `insurup._insurup` behind the `insurup` Python package.
//!
//! Thin by design: every behaviour (validation, defaults, retries, auth, paging, purchase
//! safety) is the Rust core's, and so are the records and the error report. This crate turns
//! keyword arguments into the core's records, releases the GIL while calls wait, bridges tokio
//! futures to asyncio, and lets Python callables serve as callbacks and as the log sink.

mod auth;
mod client;
mod completions;
mod inputs;
mod lists;
mod logging;
mod resources;
mod runtime;
mod webhook;

use std::sync::{Mutex, MutexGuard, PoisonError};

use pyo3::prelude::*;

/// A mutex's guard, also after a thread panicked holding it: what it guards stays consistent.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The class names of every error kind the core raises; `insurup._errors` defines each one.
#[pyfunction]
fn error_kinds() -> Vec<String> {
    insurup::error_kinds()
}

/// Every wire value this version of the SDK knows, per enum type (`ProductBranch`, `Channel`, …),
/// e.g. to fill a select box. Values the server adds later still arrive, as plain strings.
#[pyfunction]
fn enum_values() -> std::collections::HashMap<String, Vec<String>> {
    insurup::enum_values()
}

#[pymodule]
mod _insurup {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::{
        completions::{Completions, PendingCall},
        enum_values, error_kinds,
        lists::ListCursor,
    };

    /// Receiving webhooks; the public names are in `insurup.webhook`.
    #[pymodule_export]
    use crate::webhook::{WebhookEvent, parse, sign, verify, verify_and_parse};

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("CARGO_PKG_VERSION"))?;
        insurup::add_python_classes(module)?;
        crate::client::Client::add_classes(module)?;
        crate::client::AsyncClient::add_classes(module)?;
        crate::logging::install();
        Ok(())
    }
}
