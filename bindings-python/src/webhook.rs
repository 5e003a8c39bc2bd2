//! Receiving webhooks: signature checks and event decoding over the raw request body, forwarded
//! to `insurup::webhook`.

use pyo3::prelude::*;

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
pub(crate) fn verify(secret: &str, raw_body: RawBody, signature: Option<&str>) -> PyResult<()> {
    Ok(insurup::webhook::verify(
        secret,
        raw_body.as_bytes(),
        signature,
    )?)
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
pub(crate) fn parse(raw_body: RawBody) -> PyResult<WebhookEvent> {
    Ok(insurup::webhook::parse(raw_body.as_bytes())?.into())
}

/// `verify`, then `parse`: the one call a receiver needs.
#[pyfunction(name = "webhook_verify_and_parse")]
#[pyo3(signature = (secret, raw_body, signature))]
pub(crate) fn verify_and_parse(
    secret: &str,
    raw_body: RawBody,
    signature: Option<&str>,
) -> PyResult<WebhookEvent> {
    Ok(insurup::webhook::verify_and_parse(secret, raw_body.as_bytes(), signature)?.into())
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
