//! PyO3 glue: ids and wire enums become `str`, secrets arrive as `str`, models are frozen
//! pyclasses (see `model/`), and an [`Error`](crate::Error) becomes the exception class of its
//! kind, which the Python package's `insurup._errors` builds from the error's report.

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

impl<'a, 'py> pyo3::FromPyObject<'a, 'py> for crate::Secret {
    type Error = pyo3::PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, pyo3::PyAny>) -> Result<Self, Self::Error> {
        Ok(crate::Secret::new(obj.extract::<String>()?))
    }
}

/// `repr(value)` in Python's own spelling (`'text'`, `None`); `?` if Python cannot render it.
pub fn py_repr<'py>(py: pyo3::Python<'py>, value: impl pyo3::IntoPyObject<'py>) -> String {
    use pyo3::IntoPyObjectExt;
    use pyo3::types::PyAnyMethods;

    let repr = value
        .into_bound_py_any(py)
        .and_then(|object| Ok(object.repr()?.to_string()));
    repr.unwrap_or_else(|_| "?".to_owned())
}

/// A payment card built in Python. Checked when it is built (Luhn, expiry, CVC, holder), so a
/// bad card raises `ValidationError` naming the field before any request. Its repr shows the last
/// four digits only; the number and CVC cannot be read back.
#[pyo3::pymethods]
impl crate::Card {
    #[new]
    #[pyo3(signature = (*, number, cvc, expiry_month, expiry_year, holder_name, identity_number = None))]
    fn py_new(
        number: String,
        cvc: String,
        expiry_month: NumberOrText,
        expiry_year: NumberOrText,
        holder_name: String,
        identity_number: Option<String>,
    ) -> pyo3::PyResult<Self> {
        let details = crate::CardDetails {
            number,
            cvc,
            expiry_month: expiry_month.0,
            expiry_year: expiry_year.0,
            holder_name,
            identity_number,
        };
        Ok(crate::Card::try_from(details)?)
    }

    /// The last four digits of the number.
    #[getter(last4)]
    fn py_last4(&self) -> &str {
        self.last4()
    }

    /// Expiry month, `MM`.
    #[getter(expiry_month)]
    fn py_expiry_month(&self) -> &str {
        self.expiry_month()
    }

    /// Expiry year, `YYYY`.
    #[getter(expiry_year)]
    fn py_expiry_year(&self) -> &str {
        self.expiry_year()
    }

    /// Name on the card.
    #[getter(holder_name)]
    fn py_holder_name(&self) -> &str {
        self.holder_name()
    }

    fn __repr__(&self, py: pyo3::Python<'_>) -> String {
        format!(
            "Card(number='**** {}', expiry_month={}, expiry_year={}, holder_name={})",
            self.last4(),
            py_repr(py, self.expiry_month()),
            py_repr(py, self.expiry_year()),
            py_repr(py, self.holder_name())
        )
    }
}

/// Text given as `str` or as a number (an expiry month `12` or `"12"`).
struct NumberOrText(String);

impl<'a, 'py> pyo3::FromPyObject<'a, 'py> for NumberOrText {
    type Error = pyo3::PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, pyo3::PyAny>) -> Result<Self, Self::Error> {
        match obj.extract::<String>() {
            Ok(text) => Ok(NumberOrText(text)),
            Err(_) => Ok(NumberOrText(obj.extract::<i64>()?.to_string())),
        }
    }
}

/// The session's tokens, as a token store receives and returns them. Its repr never shows the
/// tokens; `to_json()` does, because a store has to keep them: put that text where secrets go.
#[pyo3::pymethods]
impl crate::TokenSet {
    /// The tokens as JSON text, for a store to keep (the same shape in every language and in a
    /// `FileTokenStore`).
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        self.to_json()
    }

    /// Tokens a store kept with `to_json()`.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> crate::Result<Self> {
        Self::from_json(text)
    }

    /// Who the tokens belong to, e.g. `agent-user:ops@acente.com.tr`.
    #[getter(subject)]
    fn py_subject(&self) -> &str {
        &self.subject
    }

    /// When the access token expires, in seconds since the Unix epoch.
    #[getter]
    fn expires_at(&self) -> f64 {
        self.expires_at_ms() as f64 / 1000.0
    }

    fn __repr__(&self, py: pyo3::Python<'_>) -> String {
        format!(
            "TokenSet(subject={}, expires_at={}, access_token='[REDACTED]')",
            py_repr(py, &self.subject),
            self.expires_at()
        )
    }
}

/// Keeps tokens in a JSON file readable by its owner only, so a restarted process continues
/// without logging in (or asking for a 2FA code) again.
#[pyo3::pymethods]
impl crate::FileTokenStore {
    /// A store at `path`; `$INSURUP_TOKEN_FILE` or `~/.config/insurup/tokens.json` by default.
    #[new]
    #[pyo3(signature = (path = None))]
    fn py_new(path: Option<std::path::PathBuf>) -> Self {
        Self::at(path)
    }

    /// The file's path.
    #[getter(path)]
    fn py_path(&self) -> std::path::PathBuf {
        self.path().to_path_buf()
    }

    fn __repr__(&self, py: pyo3::Python<'_>) -> String {
        let path = self.path().to_string_lossy();
        format!("FileTokenStore(path={})", py_repr(py, &path))
    }
}

/// Keeps tokens in memory (the default).
#[pyo3::pymethods]
impl crate::MemoryTokenStore {
    #[new]
    fn py_new() -> Self {
        Self::new()
    }

    fn __repr__(&self) -> &'static str {
        "MemoryTokenStore()"
    }
}

/// A store built in Python serves every client it is given to, as the same store.
#[async_trait::async_trait]
impl<T> crate::TokenStore for pyo3::Py<T>
where
    T: crate::TokenStore + pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    async fn load(&self) -> crate::Result<Option<crate::TokenSet>> {
        self.get().load().await
    }

    async fn save(&self, tokens: &crate::TokenSet) -> crate::Result<()> {
        self.get().save(tokens).await
    }

    async fn clear(&self) -> crate::Result<()> {
        self.get().clear().await
    }

    fn shared(&self) -> Option<&dyn crate::SharedTokenStore> {
        self.get().shared()
    }
}

/// A certificate given as bytes, as Python reads files, in the text form PEM is.
#[cfg(feature = "redis")]
fn pem_text(pem: Vec<u8>) -> crate::Result<String> {
    String::from_utf8(pem)
        .map_err(|_| crate::Error::validation("root_certificate", "must be a PEM certificate"))
}

/// `url`, `account` and the key prefix of a fleet, as Python spells them.
#[cfg(feature = "redis")]
fn fleet_repr(py: pyo3::Python<'_>, class: &str, fleet: &crate::RedisFleet) -> String {
    let (url, account) = (py_repr(py, fleet.url()), py_repr(py, fleet.account()));
    format!("{class}(url={url}, account={account})")
}

/// One Redis and one account, shared by worker processes on any number of machines: pass it as
/// `fleet=` to every client of the account to share its session and purchase locks.
#[cfg(feature = "redis")]
#[pyo3::pymethods]
impl crate::RedisFleet {
    /// `redis://[user:password@]host[:port][/db]` or `rediss://…`; the keywords are the fields
    /// of the core's `RedisFleetOptions` (`timeout` in seconds, `root_certificate` a private
    /// CA's PEM for `rediss://`, `requests_per_second` the rate every client given the fleet
    /// shares). Connects on first use.
    #[new]
    #[pyo3(signature = (
        url, account, *, key_prefix = None, timeout = None, root_certificate = None,
        requests_per_second = None, burst = None, authentication_per_second = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        url: String,
        account: String,
        key_prefix: Option<String>,
        timeout: Option<f64>,
        root_certificate: Option<Vec<u8>>,
        requests_per_second: Option<f64>,
        burst: Option<u32>,
        authentication_per_second: Option<f64>,
    ) -> crate::Result<Self> {
        let options = crate::RedisFleetOptions {
            account,
            key_prefix,
            timeout,
            root_certificate: root_certificate.map(pem_text).transpose()?,
            requests_per_second,
            burst,
            authentication_per_second,
        };
        Self::with_options(url, options)
    }

    /// The Redis address without its password.
    #[getter(url)]
    fn py_url(&self) -> &str {
        self.url()
    }

    /// The account whose state the fleet shares.
    #[getter(account)]
    fn py_account(&self) -> &str {
        self.account()
    }

    fn __repr__(&self, py: pyo3::Python<'_>) -> String {
        fleet_repr(py, "RedisFleet", self)
    }
}

/// The session of one account shared through Redis by every client given it, in any number of
/// processes: one login, one refresh per token generation.
#[cfg(feature = "redis")]
#[pyo3::pymethods]
impl crate::RedisTokenStore {
    /// The session of `account` in the Redis at `url`; the keywords are the fields of the core's
    /// `RedisTokenStoreOptions`. `wait_for_renewal` (seconds, 60 by default) bounds the wait for
    /// another worker's renewal; `single_worker_fallback` renews without the lease while Redis
    /// is unreachable (safe for one worker only).
    #[new]
    #[pyo3(signature = (
        url, account, *, key_prefix = None, timeout = None, root_certificate = None,
        single_worker_fallback = false, wait_for_renewal = None,
    ))]
    fn py_new(
        url: String,
        account: String,
        key_prefix: Option<String>,
        timeout: Option<f64>,
        root_certificate: Option<Vec<u8>>,
        single_worker_fallback: bool,
        wait_for_renewal: Option<f64>,
    ) -> crate::Result<Self> {
        let options = crate::RedisTokenStoreOptions {
            account,
            key_prefix,
            timeout,
            root_certificate: root_certificate.map(pem_text).transpose()?,
            single_worker_fallback: Some(single_worker_fallback),
            wait_for_renewal,
        };
        Self::with_options(url, options)
    }

    /// The session of the fleet's account, on the fleet's connection.
    #[staticmethod]
    #[pyo3(name = "in_fleet", signature = (fleet, *, single_worker_fallback = false, wait_for_renewal = None))]
    fn py_in_fleet(
        fleet: crate::RedisFleet,
        single_worker_fallback: bool,
        wait_for_renewal: Option<f64>,
    ) -> crate::Result<Self> {
        Self::in_fleet(&fleet).with_renewal_settings(Some(single_worker_fallback), wait_for_renewal)
    }

    /// The fleet (Redis and account) this store belongs to.
    #[getter(fleet)]
    fn py_fleet(&self) -> crate::RedisFleet {
        self.fleet().clone()
    }

    fn __repr__(&self, py: pyo3::Python<'_>) -> String {
        fleet_repr(py, "RedisTokenStore", self.fleet())
    }
}

/// A rate budget in Redis for every client of the fleet's account: pass it as `rate_budget=`.
#[cfg(feature = "redis")]
#[pyo3::pymethods]
impl crate::RedisRateBudget {
    /// At most `requests_per_second` API calls for the whole fleet, up to `burst` at once after
    /// a quiet spell (1 by default); `authentication` limits logins and refreshes too.
    #[new]
    #[pyo3(signature = (fleet, requests_per_second, *, burst = None, authentication = None))]
    fn py_new(
        fleet: crate::RedisFleet,
        requests_per_second: f64,
        burst: Option<u32>,
        authentication: Option<f64>,
    ) -> crate::Result<Self> {
        Self::with_settings(&fleet, requests_per_second, burst, authentication)
    }

    fn __repr__(&self, py: pyo3::Python<'_>) -> String {
        fleet_repr(py, "RedisRateBudget", self.fleet())
    }
}

/// A rate budget built in Python serves every client it is given to, as the same budget.
#[async_trait::async_trait]
impl<T> crate::RateBudget for pyo3::Py<T>
where
    T: crate::RateBudget + pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    async fn acquire(&self, class: crate::RouteClass) -> crate::Result<()> {
        self.get().acquire(class).await
    }

    async fn slow_down(&self, class: crate::RouteClass, retry_after: std::time::Duration) {
        self.get().slow_down(class, retry_after).await
    }
}

/// Remembers the most recent delivery ids (`x-webhook-delivery`), up to `capacity`, and tells
/// a receiver whether it has seen one before. Check it after `verify` succeeds, so forged
/// requests cannot fill it; call `forget` if handling a first-time delivery fails, so the
/// sender's retry is handled. Thread-safe.
#[pyo3::pymethods]
impl crate::webhook::DeliveryDeduplicator {
    #[new]
    #[pyo3(signature = (capacity = None))]
    fn py_new(capacity: Option<usize>) -> Self {
        Self::new(capacity)
    }

    /// True the first time a delivery is offered, false for every repeat still remembered.
    /// Pass the raw `body` too: then a signed body replayed under a new delivery id is also a
    /// repeat, and replays cannot push real ids out of memory.
    #[pyo3(name = "first_time", signature = (delivery_id, body = None))]
    fn py_first_time(&self, delivery_id: &str, body: Option<&[u8]>) -> bool {
        match body {
            Some(body) => self.first_time_with_body(delivery_id, body),
            None => self.first_time(delivery_id),
        }
    }

    /// Forgets `delivery_id`, so its next copy counts as the first. Returns whether it was
    /// remembered.
    #[pyo3(name = "forget")]
    fn py_forget(&self, delivery_id: &str) -> bool {
        self.forget(delivery_id)
    }

    /// How many ids it keeps at most.
    #[getter(capacity)]
    fn py_capacity(&self) -> usize {
        self.capacity()
    }

    fn __len__(&self) -> usize {
        self.len()
    }

    fn __repr__(&self) -> String {
        let (len, capacity) = (self.len(), self.capacity());
        format!("DeliveryDeduplicator(len={len}, capacity={capacity})")
    }
}

/// The exception of the error's kind (`insurup.RateLimitError`, …) carrying everything the
/// error's [`ErrorReport`](crate::ErrorReport) holds. Never fails: if the exception cannot be
/// built, the reason is raised instead.
impl From<crate::Error> for pyo3::PyErr {
    fn from(error: crate::Error) -> Self {
        use pyo3::prelude::*;

        static FROM_REPORT: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();
        Python::attach(|py| {
            FROM_REPORT
                .import(py, "insurup._errors", "_from_report")
                .and_then(|build| build.call1((error.report(),)))
                .map_or_else(|failure| failure, PyErr::from_value)
        })
    }
}

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
    )*

    /// Adds every class the core defines for Python to the native module `module`: the models
    /// declared here and the types with Python methods of their own (the card, the sign-in, the
    /// error report, the token stores and the fleet), so the binding lists none of them again.
    pub fn add_classes(module: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        $(module.add_class::<$model>()?;)*
        module.add_class::<crate::Card>()?;
        module.add_class::<crate::SignInRequest>()?;
        module.add_class::<crate::ErrorReport>()?;
        module.add_class::<crate::TokenSet>()?;
        module.add_class::<crate::MemoryTokenStore>()?;
        module.add_class::<crate::FileTokenStore>()?;
        module.add_class::<crate::webhook::DeliveryDeduplicator>()?;
        #[cfg(feature = "redis")]
        {
            module.add_class::<crate::RedisTokenStore>()?;
            module.add_class::<crate::RedisFleet>()?;
            module.add_class::<crate::RedisRateBudget>()?;
        }
        Ok(())
    }
    };
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
    AgentBranchRef, AgentUserBranch, AgentUserPage, AgentUserRole, AgentUserRow, CasePage, CaseRow,
    CustomerPage, CustomerRow, ExpandedPolicyPage, ExpandedPolicyRow, PageInfo, PolicyPage,
    PolicyRow, PolicyTransferPage, PolicyTransferRow, ProposalPage, ProposalRow,
    WebhookDeliveryPage, WebhookDeliveryRow,
};
use crate::{
    AgentBranch, AgentBranchNode, AgentUser, Case, CaseActivity, CaseNote, CasePolicy,
    CasePriority, CasePriorityRule, CaseProposal, ConsentRecord, CoverageGroup, CoverageGroupRef,
    Customer, CustomerAddress, CustomerConsent, CustomerConsents, CustomerContact,
    CustomerEmailAddress, CustomerLookup, CustomerPhone, DaskOldPolicy, DaskPropertyLookup,
    Document, DocumentSerial, FieldError, InsuranceCompany, PhoneNumber, Plate, Policy,
    PolicyTransfer, PolicyTransferCompany, PolicyTransferRun, PolicyTransferTrigger, Premium,
    PremiumDetail, Product, Property, PropertyAddress, PropertyFloor, Proposal, ProposalUpdate,
    Purchase, PurchaseRedirect, Reference, TwoFactorChallenge, UserReference, Vehicle,
    VehicleLookup, VehicleModel, Webhook, WebhookDelivery,
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
    DocumentSerial {
        /// A serial as people write it (`AB123456`, `AB 123456`, `ab-123456`), checked; a bad
        /// one raises `ValidationError`.
        #[staticmethod]
        #[pyo3(name = "parse")]
        fn py_parse(serial: &str) -> pyo3::PyResult<crate::DocumentSerial> {
            Ok(crate::DocumentSerial::parse(serial)?)
        }
    }
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
        /// The premium for `installments` (None: one payment, cash), if the insurer offers
        /// that plan.
        #[pyo3(name = "premium", signature = (installments = None))]
        fn py_premium(&self, installments: Option<u32>) -> Option<crate::Premium> {
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
        /// The cheapest product that can be bought with `installments` (None: one payment,
        /// cash).
        #[pyo3(name = "cheapest_product", signature = (installments = None))]
        fn py_cheapest_product(&self, installments: Option<u32>) -> Option<crate::Product> {
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
    UserReference {}
    PropertyAddress {
        /// The address as one line, from the neighbourhood up to the city.
        #[pyo3(name = "to_line")]
        fn py_to_line(&self) -> String {
            crate::PropertyAddress::to_line(self)
        }
    }
    CustomerEmailAddress {}
    CustomerPhone {}
    CustomerAddress {}
    CustomerConsent {}
    ConsentRecord {}
    CustomerConsents {}
    CustomerContact {}
    AgentBranchNode {}
    DaskPropertyLookup {}
    DaskOldPolicy {}
    PropertyFloor {}
    VehicleModel {}
    CaseNote {}
    CasePriority {}
    CasePriorityRule {}
    CaseActivity {}
    CaseProposal {}
    CasePolicy {}
    PolicyTransfer {}
    PolicyTransferTrigger {}
    PolicyTransferRun {}
    PolicyTransferCompany {}
    AgentUserRole {}
    AgentUserBranch {}
    AgentUserRow {}
    PolicyTransferRow {}
    WebhookDeliveryRow {}
    ExpandedPolicyRow {}
    AgentUserPage {}
    PolicyTransferPage {}
    WebhookDeliveryPage {}
    ExpandedPolicyPage {}
    TwoFactorChallenge {}
    FieldError {
        #[new]
        #[pyo3(signature = (property_name, error_message, attempted_value = None))]
        fn py_new(
            property_name: String,
            error_message: String,
            attempted_value: Option<String>,
        ) -> Self {
            crate::FieldError {
                property_name,
                error_message,
                attempted_value,
            }
        }

        /// Pickled by its fields, so an exception carrying it crosses process boundaries.
        fn __reduce__<'py>(
            slf: &pyo3::Bound<'py, Self>,
        ) -> (
            pyo3::Bound<'py, pyo3::types::PyType>,
            (String, String, Option<String>),
        ) {
            let field = slf.get();
            let fields = (
                field.property_name.clone(),
                field.error_message.clone(),
                field.attempted_value.clone(),
            );
            (pyo3::types::PyAnyMethods::get_type(slf.as_any()), fields)
        }
    }
}
