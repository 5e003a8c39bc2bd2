//! Python values that become the core's inputs: JSON and sort keys. The core checks them; this
//! file only converts.

use insurup::SortKey;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::de::DeserializeOwned;

/// A JSON-compatible Python value (dicts, lists, str, numbers, bool, None), converted with
/// pythonize; `Json<serde_json::Map<…>>` takes dicts only.
pub(crate) struct Json<T = serde_json::Value>(pub(crate) T);

impl<'a, 'py, T: DeserializeOwned> FromPyObject<'a, 'py> for Json<T> {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Ok(Json(pythonize::depythonize(&obj.to_owned())?))
    }
}

impl<'py> IntoPyObject<'py> for Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        Ok(pythonize::pythonize(py, &self.0)?)
    }
}

/// Sort keys as Python writes them: `{"grossPremium": "DESC"}` or a list of such dicts, most
/// significant first (a dict keeps its insertion order). The core reads the directions.
pub(crate) struct Order(pub(crate) Vec<SortKey>);

impl<'a, 'py> FromPyObject<'a, 'py> for Order {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let dicts: Vec<Bound<'py, PyDict>> = match obj.cast::<PyDict>() {
            Ok(dict) => vec![dict.to_owned()],
            Err(_) => obj.extract()?,
        };
        let mut keys = Vec::new();
        for (field, direction) in dicts.iter().flat_map(|dict| dict.iter()) {
            keys.push(SortKey {
                field: field.extract()?,
                direction: direction.extract()?,
            });
        }
        Ok(Order(keys))
    }
}
