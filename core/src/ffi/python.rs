//! PyO3 glue: ids and wire enums become `str`, models are frozen pyclasses (see `model/`).

/// Ids and wire enums are plain `str` in Python.
macro_rules! py_string_conversions {
    ($name:ident) => {
        impl<'py> pyo3::IntoPyObject<'py> for $name {
            type Target = pyo3::types::PyString;
            type Output = pyo3::Bound<'py, pyo3::types::PyString>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(pyo3::types::PyString::new(py, self.as_str()))
            }
        }

        impl<'py> pyo3::IntoPyObject<'py> for &$name {
            type Target = pyo3::types::PyString;
            type Output = pyo3::Bound<'py, pyo3::types::PyString>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(pyo3::types::PyString::new(py, self.as_str()))
            }
        }

        impl<'a, 'py> pyo3::FromPyObject<'a, 'py> for $name {
            type Error = pyo3::PyErr;

            fn extract(obj: pyo3::Borrowed<'a, 'py, pyo3::PyAny>) -> Result<Self, Self::Error> {
                let text: String = obj.extract()?;
                Ok($name::from(text.as_str()))
            }
        }
    };
}

pub(crate) use py_string_conversions;

/// Python methods every model shares, plus the model's own (`Proposal.cheapest_product`, …).
///
/// Models are frozen pyclasses whose fields are exposed as attributes (`get_all`), so `repr`,
/// `to_dict` and `==` are derived from those attributes: a field added to a model shows up in all
/// three without touching this file. PyO3 allows one `#[pymethods]` block per type, which is why a
/// model's own methods are passed to the same macro invocation.
macro_rules! py_models {
    ($($model:ty { $($methods:tt)* })*) => {$(
        #[pyo3::pymethods]
        impl $model {
            /// `Model(field=value, …)`, leaving out fields that are `None`.
            fn __repr__(slf: &pyo3::Bound<'_, Self>) -> pyo3::PyResult<String> {
                model_repr(slf.as_any())
            }

            /// The fields as plain Python values (dicts, lists, str, int, float, bool, None),
            /// ready for `json.dumps`.
            fn to_dict<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
                model_dict(slf.as_any())
            }

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> bool {
                other
                    .cast::<Self>()
                    .is_ok_and(|other| self == other.get())
            }

            $($methods)*
        }
    )*};
}

/// The model's attributes: PyO3 exposes each field as a getset descriptor on the class. The
/// class does not keep the fields' declaration order, so they come sorted by name, `id` first.
fn model_fields<'py>(
    model: &pyo3::Bound<'py, pyo3::PyAny>,
) -> pyo3::PyResult<Vec<(String, pyo3::Bound<'py, pyo3::PyAny>)>> {
    use pyo3::prelude::*;
    use pyo3::sync::PyOnceLock;
    use pyo3::types::PyType;

    static GETSET_DESCRIPTOR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let py = model.py();
    let descriptor_type = GETSET_DESCRIPTOR.import(py, "types", "GetSetDescriptorType")?;
    let class_dict = model.get_type().getattr(pyo3::intern!(py, "__dict__"))?;
    let mut fields = Vec::new();
    for item in class_dict
        .call_method0(pyo3::intern!(py, "items"))?
        .try_iter()?
    {
        let (name, attribute): (String, Bound<'py, PyAny>) = item?.extract()?;
        if attribute.is_instance(descriptor_type)? {
            let value = model.getattr(name.as_str())?;
            fields.push((name, value));
        }
    }
    fields.sort_by(|(a, _), (b, _)| (a != "id", a).cmp(&(b != "id", b)));
    Ok(fields)
}

fn model_repr(model: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<String> {
    use pyo3::prelude::*;

    let mut parts = Vec::new();
    for (name, value) in model_fields(model)? {
        if !value.is_none() {
            parts.push(format!("{name}={}", value.repr()?));
        }
    }
    Ok(format!(
        "{}({})",
        model.get_type().name()?,
        parts.join(", ")
    ))
}

fn model_dict<'py>(
    model: &pyo3::Bound<'py, pyo3::PyAny>,
) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
    let dict = pyo3::types::PyDict::new(model.py());
    for (name, value) in model_fields(model)? {
        pyo3::types::PyDictMethods::set_item(&dict, name, plain_value(value)?)?;
    }
    Ok(dict)
}

/// Nested models become dicts and lists of models lists of dicts; everything else already is a
/// plain value (ids and enums are `str`).
fn plain_value(
    value: pyo3::Bound<'_, pyo3::PyAny>,
) -> pyo3::PyResult<pyo3::Bound<'_, pyo3::PyAny>> {
    use pyo3::prelude::*;
    use pyo3::types::PyList;

    let py = value.py();
    if let Ok(list) = value.cast::<PyList>() {
        let items = list.iter().map(plain_value).collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    if value.hasattr(pyo3::intern!(py, "to_dict"))? {
        return value.call_method0(pyo3::intern!(py, "to_dict"));
    }
    Ok(value)
}

use crate::graphql::{
    AgentBranchRef, CasePage, CaseRow, CustomerPage, CustomerRow, PageInfo, PolicyPage, PolicyRow,
    ProposalPage, ProposalRow,
};
use crate::{
    AgentBranch, AgentUser, Case, CoverageGroup, CoverageGroupRef, Customer, CustomerLookup,
    Document, DocumentSerial, InsuranceCompany, PhoneNumber, Plate, Policy, Premium, PremiumDetail,
    Product, Property, Proposal, ProposalUpdate, Purchase, PurchaseRedirect, Reference, Vehicle,
    VehicleLookup, Webhook, WebhookDelivery,
};

py_models! {
    Reference {}
    PhoneNumber {}
    Document {}
    Customer {
        /// The name to show: full name or company title.
        #[pyo3(name = "display_name")]
        fn py_display_name(&self) -> &str {
            crate::Customer::display_name(self)
        }
    }
    CustomerLookup {}
    Plate {}
    DocumentSerial {}
    Vehicle {}
    VehicleLookup {}
    Property {}
    Case {
        /// True while the case is open or delayed.
        #[pyo3(name = "is_open")]
        fn py_is_open(&self) -> bool {
            crate::Case::is_open(self)
        }
    }
    Premium {}
    Product {
        /// The premium for `installments` (1 = cash), if the insurer offers that plan.
        #[pyo3(name = "premium", signature = (installments = 1))]
        fn py_premium(&self, installments: u32) -> Option<crate::Premium> {
            crate::Product::premium(self, installments).cloned()
        }

        /// True when the product can be bought now.
        #[pyo3(name = "is_purchasable")]
        fn py_is_purchasable(&self) -> bool {
            crate::Product::is_purchasable(self)
        }
    }
    CoverageGroupRef {}
    Proposal {
        /// The cheapest product that can be bought with `installments` (1 = cash).
        #[pyo3(name = "cheapest_product", signature = (installments = 1))]
        fn py_cheapest_product(&self, installments: u32) -> Option<crate::Product> {
            crate::Proposal::cheapest_product(self, installments).cloned()
        }

        /// A product by id.
        #[pyo3(name = "product")]
        fn py_product(&self, product_id: crate::ProposalProductId) -> Option<crate::Product> {
            crate::Proposal::product(self, &product_id).cloned()
        }

        /// True when every insurer has answered.
        #[pyo3(name = "is_complete")]
        fn py_is_complete(&self) -> bool {
            crate::Proposal::is_complete(self)
        }
    }
    PremiumDetail {}
    ProposalUpdate {}
    Purchase {}
    PurchaseRedirect {}
    Policy {}
    CoverageGroup {}
    InsuranceCompany {}
    AgentUser {}
    AgentBranch {}
    Webhook {}
    WebhookDelivery {}
    AgentBranchRef {}
    PageInfo {}
    CustomerRow {}
    ProposalRow {}
    PolicyRow {}
    CaseRow {}
    CustomerPage {}
    ProposalPage {}
    PolicyPage {}
    CasePage {}
}
