//! SDK errors become instances of the exception classes in `insurup/_errors.py`, one class per
//! `ErrorKind`, named by `ErrorKind::class_name()`, all subclasses of `InsurUpError`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyModule};

static ERRORS_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The Python exception for an SDK error. Never fails: if the exception cannot be built, the
/// reason is raised instead.
pub(crate) fn to_py_err(py: Python<'_>, error: &insurup::Error) -> PyErr {
    build(py, error).unwrap_or_else(|failure| failure)
}

fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    ERRORS_MODULE
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("insurup._errors")?.unbind())
        })
        .map(|module| module.bind(py))
}

fn build(py: Python<'_>, error: &insurup::Error) -> PyResult<PyErr> {
    let module = errors_module(py)?;
    // A kind added to the core after this binding was built still raises the base class.
    let class = module
        .getattr(error.kind().class_name())
        .or_else(|_| module.getattr("InsurUpError"))?;
    let field_error = module.getattr("FieldError")?;

    let validation_errors = PyList::empty(py);
    for field in error.validation_errors() {
        validation_errors.append(field_error.call1((
            &field.property_name,
            &field.error_message,
            &field.attempted_value,
        ))?)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("status", error.status())?;
    kwargs.set_item("detail", error.detail())?;
    kwargs.set_item("suggestions", error.suggestions())?;
    kwargs.set_item("codes", error.codes())?;
    kwargs.set_item("trace_id", error.trace_id())?;
    kwargs.set_item("request_id", error.request_id())?;
    kwargs.set_item("validation_errors", validation_errors)?;
    kwargs.set_item(
        "retry_after",
        error.retry_after().map(|wait| wait.as_secs_f64()),
    )?;
    kwargs.set_item("field", error.field())?;
    kwargs.set_item("problem_type", error.problem_type())?;
    if let Some(purchase) = error.purchase() {
        kwargs.set_item("proposal_id", &purchase.proposal_id)?;
        kwargs.set_item("product_id", &purchase.product_id)?;
    }
    let exception = class.call((error.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(exception))
}
