//! Reprs in Python's own spelling (`'text'`, `None`), built by Python's `repr()`.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;

/// `repr(value)` of any value convertible to Python; `?` if Python cannot render it.
pub(crate) fn py_repr<'py, T>(py: Python<'py>, value: T) -> String
where
    T: IntoPyObject<'py>,
{
    value
        .into_bound_py_any(py)
        .and_then(|object| object.repr().map(|repr| repr.to_string()))
        .unwrap_or_else(|_| "?".to_owned())
}
