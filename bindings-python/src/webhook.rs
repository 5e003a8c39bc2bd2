//! Receiving webhooks: signature checks and event decoding over the raw request body, forwarded
//! to `insurup::webhook`.

use pyo3::prelude::*;

use crate::errors::to_py_err;

/// A request body as the web framework hands it over: `bytes` (best) or `str`.
#[derive(FromPyObject)]
pub(crate) enum RawBody {
    Bytes(Vec<u8>),
    Text(String),
}

impl RawBody {
    fn as_bytes(&self) -> &[u8] {
        match self {
            RawBody::Bytes(bytes) => bytes,
            RawBody::Text(text) => text.as_bytes(),
        }
    }
}

/// Checks that `signature` (the `x-webhook-signature` header) signs `raw_body` with `secret`, in
/// constant time. Pass the body exactly as it arrived: JSON that was parsed and dumped again no
/// longer matches. Raises `ValidationError` when the header is missing, malformed or wrong.
#[pyfunction(name = "webhook_verify")]
#[pyo3(signature = (secret, raw_body, signature))]
pub(crate) fn verify(
    py: Python<'_>,
    secret: &str,
    raw_body: RawBody,
    signature: Option<&str>,
) -> PyResult<()> {
    insurup::webhook::verify(secret, raw_body.as_bytes(), signature)
        .map_err(|error| to_py_err(py, &error))
}

/// The `x-webhook-signature` InsurUp sends for `raw_body` under `secret`; for a receiver's tests.
#[pyfunction(name = "webhook_sign")]
pub(crate) fn sign(secret: &str, raw_body: RawBody) -> String {
    insurup::webhook::sign(secret, raw_body.as_bytes())
}

/// Decodes a delivery's body. It does not check the signature: call `verify` first, or use
/// `verify_and_parse`. Events this SDK version does not know are returned with
/// `is_unknown=True`, not raised; a body that is not an event raises `DecodeError`.
#[pyfunction(name = "webhook_parse")]
pub(crate) fn parse(py: Python<'_>, raw_body: RawBody) -> PyResult<WebhookEvent> {
    insurup::webhook::parse(raw_body.as_bytes())
        .map(WebhookEvent::from)
        .map_err(|error| to_py_err(py, &error))
}

/// `verify`, then `parse`: the one call a receiver needs.
#[pyfunction(name = "webhook_verify_and_parse")]
#[pyo3(signature = (secret, raw_body, signature))]
pub(crate) fn verify_and_parse(
    py: Python<'_>,
    secret: &str,
    raw_body: RawBody,
    signature: Option<&str>,
) -> PyResult<WebhookEvent> {
    insurup::webhook::verify_and_parse(secret, raw_body.as_bytes(), signature)
        .map(WebhookEvent::from)
        .map_err(|error| to_py_err(py, &error))
}

/// One webhook delivery, decoded.
#[pyclass(frozen, module = "insurup.webhook", name = "Event")]
pub(crate) struct WebhookEvent {
    event: insurup::webhook::Event,
}

impl From<insurup::webhook::Event> for WebhookEvent {
    fn from(event: insurup::webhook::Event) -> Self {
        WebhookEvent { event }
    }
}

#[pymethods]
impl WebhookEvent {
    /// The dotted event id, e.g. `policy.created`, also for unknown events.
    #[getter]
    fn event_type(&self) -> &str {
        self.event.event_type()
    }

    /// True for events this version of the SDK does not know; `payload` still has the body.
    #[getter]
    fn is_unknown(&self) -> bool {
        self.event.is_unknown()
    }

    /// The event as a dict in its wire shape (camelCase keys, `$event` included).
    #[getter]
    fn payload<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.event)?)
    }

    fn __repr__(&self) -> String {
        format!("Event(event_type={:?})", self.event.event_type())
    }
}

/// Remembers the most recent delivery ids (`x-webhook-delivery`), up to `capacity`, and tells
/// a receiver whether it has seen one before. Check it after `verify` succeeds, so forged
/// requests cannot fill it; call `forget` if handling a first-time delivery fails, so the
/// sender's retry is handled. Thread-safe.
#[pyclass(frozen, module = "insurup.webhook", name = "DeliveryDeduplicator")]
pub(crate) struct DeliveryDeduplicator(insurup::webhook::DeliveryDeduplicator);

#[pymethods]
impl DeliveryDeduplicator {
    #[new]
    #[pyo3(signature = (capacity = insurup::webhook::DeliveryDeduplicator::DEFAULT_CAPACITY))]
    fn new(capacity: usize) -> Self {
        DeliveryDeduplicator(insurup::webhook::DeliveryDeduplicator::new(capacity))
    }

    /// True the first time `delivery_id` is offered, false for every repeat still remembered.
    fn first_time(&self, delivery_id: &str) -> bool {
        self.0.first_time(delivery_id)
    }

    /// Forgets `delivery_id`, so its next copy counts as the first. Returns whether it was
    /// remembered.
    fn forget(&self, delivery_id: &str) -> bool {
        self.0.forget(delivery_id)
    }

    /// How many ids it keeps at most.
    #[getter]
    fn capacity(&self) -> usize {
        self.0.capacity()
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "DeliveryDeduplicator(len={}, capacity={})",
            self.0.len(),
            self.0.capacity()
        )
    }
}
