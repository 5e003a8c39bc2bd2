//! Python values that become SDK inputs: the payment card, JSON, GraphQL list arguments and
//! seconds. The SDK validates them; this file only converts.

use std::time::Duration;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::to_py_err;
use crate::repr::py_repr;

/// A payment card. Checked when it is built (Luhn, expiry, CVC, holder), so a bad card raises
/// `ValidationError` naming the field before any request. Its repr shows the last four digits
/// only; the number and CVC cannot be read back.
#[pyclass(frozen, module = "insurup", name = "Card")]
pub(crate) struct Card(pub(crate) insurup::Card);

#[pymethods]
impl Card {
    #[new]
    #[pyo3(signature = (*, number, cvc, expiry_month, expiry_year, holder_name, identity_number = None))]
    fn new(
        py: Python<'_>,
        number: String,
        cvc: String,
        expiry_month: Text,
        expiry_year: Text,
        holder_name: String,
        identity_number: Option<String>,
    ) -> PyResult<Self> {
        let details = insurup::CardDetails {
            number,
            cvc,
            expiry_month: expiry_month.0,
            expiry_year: expiry_year.0,
            holder_name,
            identity_number,
        };
        insurup::Card::try_from(details)
            .map(Card)
            .map_err(|error| to_py_err(py, &error))
    }

    /// The last four digits of the number.
    #[getter]
    fn last4(&self) -> &str {
        self.0.last4()
    }

    /// Expiry month, `MM`.
    #[getter]
    fn expiry_month(&self) -> &str {
        self.0.expiry_month()
    }

    /// Expiry year, `YYYY`.
    #[getter]
    fn expiry_year(&self) -> &str {
        self.0.expiry_year()
    }

    /// Name on the card.
    #[getter]
    fn holder_name(&self) -> &str {
        self.0.holder_name()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Card(number='**** {}', expiry_month={}, expiry_year={}, holder_name={})",
            self.0.last4(),
            py_repr(py, self.0.expiry_month()),
            py_repr(py, self.0.expiry_year()),
            py_repr(py, self.0.holder_name())
        )
    }
}

/// A card argument: the SDK card inside an `insurup.Card`.
pub(crate) struct CardArg(pub(crate) insurup::Card);

impl<'a, 'py> FromPyObject<'a, 'py> for CardArg {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let card = obj
            .cast::<Card>()
            .map_err(|_| PyTypeError::new_err("card must be an insurup.Card"))?;
        Ok(CardArg(card.get().0.clone()))
    }
}

/// Text given as `str` or `int` (expiry month `12` or `"12"`).
pub(crate) struct Text(String);

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(text) = obj.cast::<PyString>() {
            return Ok(Text(text.to_cow()?.into_owned()));
        }
        let number: i64 = obj.extract()?;
        Ok(Text(number.to_string()))
    }
}

/// Any JSON-compatible Python value, converted with pythonize.
pub(crate) struct Json(pub(crate) serde_json::Value);

impl<'a, 'py> FromPyObject<'a, 'py> for Json {
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

impl Json {
    /// The value as a JSON object, for arguments documented as a dict.
    pub(crate) fn into_object(
        self,
        field: &str,
    ) -> insurup::Result<serde_json::Map<String, serde_json::Value>> {
        match self.0 {
            serde_json::Value::Object(map) => Ok(map),
            _ => Err(insurup::Error::validation(field, "must be a dict")),
        }
    }
}

/// Sort keys of a GraphQL list: `{"grossPremium": "DESC"}` or a list of such dicts, most
/// significant first (a dict keeps its insertion order).
pub(crate) struct OrderArg(Vec<(String, String)>);

impl<'a, 'py> FromPyObject<'a, 'py> for OrderArg {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let mut keys = Vec::new();
        let mut add = |dict: &Bound<'py, PyDict>| -> PyResult<()> {
            for (field, direction) in dict.iter() {
                keys.push((field.extract()?, direction.extract()?));
            }
            Ok(())
        };
        if let Ok(dict) = obj.cast::<PyDict>() {
            add(&dict.to_owned())?;
        } else {
            for item in obj.try_iter()? {
                let item = item?;
                let dict = item
                    .cast::<PyDict>()
                    .map_err(|_| PyTypeError::new_err("order must be a dict or a list of dicts"))?;
                add(dict)?;
            }
        }
        Ok(OrderArg(keys))
    }
}

/// The arguments every GraphQL list takes.
pub(crate) struct ListArgs {
    pub(crate) first: Option<u32>,
    pub(crate) last: Option<u32>,
    pub(crate) after: Option<String>,
    pub(crate) before: Option<String>,
    pub(crate) filter: Option<Json>,
    pub(crate) order: Option<OrderArg>,
}

impl ListArgs {
    pub(crate) fn into_query(self) -> insurup::Result<insurup::ListQuery> {
        let mut order = Vec::new();
        for (field, direction) in self.order.map(|order| order.0).unwrap_or_default() {
            order.push(match direction.to_ascii_uppercase().as_str() {
                "ASC" => insurup::Order::asc(field),
                "DESC" => insurup::Order::desc(field),
                _ => {
                    return Err(insurup::Error::validation(
                        "order",
                        format!("the direction of {field} must be \"ASC\" or \"DESC\""),
                    ));
                }
            });
        }
        Ok(insurup::ListQuery {
            first: self.first,
            after: self.after,
            last: self.last,
            before: self.before,
            filter: self.filter.map(|json| insurup::Filter::from_json(json.0)),
            order,
        })
    }
}

/// Seconds as Python gives them (`timeout=60`, `timeout=2.5`).
pub(crate) fn seconds(field: &str, value: f64) -> insurup::Result<Duration> {
    Duration::try_from_secs_f64(value)
        .map_err(|_| insurup::Error::validation(field, "must be a non-negative number of seconds"))
}
