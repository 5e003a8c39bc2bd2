//! `Client` and `AsyncClient`: one SDK client each, configured from keyword arguments or
//! `INSURUP_*` variables, with the resources as attributes.

use std::sync::{Arc, RwLock};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::auth::{self, EventLoopSlot};
use crate::errors::to_py_err;
use crate::inputs::seconds;
use crate::repr::py_repr;
use crate::resources::*;
use crate::runtime::{awaitable, block_on, coroutine};

/// What the resources of one Python client share.
pub(crate) struct Shared {
    /// `None` once the client is closed; in-flight calls keep their own clone.
    client: RwLock<Option<insurup::Client>>,
    /// Set for an `AsyncClient` with Python callbacks, which may be `async def`.
    event_loop: Option<EventLoopSlot>,
}

pub(crate) type Handle = Arc<Shared>;

impl Shared {
    /// The SDK client for one call.
    pub(crate) fn client(&self) -> PyResult<insurup::Client> {
        self.client
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
            .ok_or_else(|| PyRuntimeError::new_err("this insurup client is closed"))
    }

    /// Where the async callbacks of an `AsyncClient` run.
    pub(crate) fn event_loop(&self) -> Option<&EventLoopSlot> {
        self.event_loop.as_ref()
    }

    fn close(&self) {
        self.client
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
    }

    fn describe(&self, py: Python<'_>, class: &str) -> String {
        match &*self
            .client
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
        {
            Some(client) => format!(
                "{class}(base_url={}, agent_id={}, agent_branch_id={})",
                py_repr(py, client.base_url()),
                py_repr(py, client.agent_id()),
                py_repr(py, client.agent_branch_id()),
            ),
            None => format!("{class}(closed)"),
        }
    }
}

/// The keyword arguments both clients take; `None` keeps the default (or the environment's
/// value with `from_env`).
struct Options<'py> {
    base_url: Option<String>,
    auth_url: Option<String>,
    email: Option<String>,
    password: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    access_token: Option<String>,
    two_factor: Option<Bound<'py, PyAny>>,
    agent_id: Option<String>,
    agent_branch_id: Option<String>,
    token_store: Option<Bound<'py, PyAny>>,
    timeout: Option<f64>,
    connect_timeout: Option<f64>,
    max_retries: Option<u32>,
}

impl Options<'_> {
    fn build(self, py: Python<'_>, from_env: bool, is_async: bool) -> PyResult<Handle> {
        let sdk_error = |error: insurup::Error| to_py_err(py, &error);
        let mut builder = insurup::Client::builder();
        if from_env {
            builder = builder.with_env().map_err(sdk_error)?;
        }
        let has_callbacks = self
            .two_factor
            .as_ref()
            .is_some_and(|value| !value.is_instance_of::<PyString>())
            || self.token_store.is_some();
        let event_loop = (is_async && has_callbacks).then(EventLoopSlot::default);

        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(url) = self.auth_url {
            builder = builder.auth_url(url);
        }
        if let Some(token) = self.access_token {
            builder = builder.access_token(token);
        } else if self.email.is_some() || self.password.is_some() {
            builder = builder.agent_user(
                self.email.unwrap_or_default(),
                self.password.unwrap_or_default(),
            );
        } else if self.client_id.is_some() || self.client_secret.is_some() {
            builder = builder.client_credentials(
                self.client_id.unwrap_or_default(),
                self.client_secret.unwrap_or_default(),
            );
        }
        if let Some(value) = &self.two_factor {
            builder = builder.two_factor(auth::two_factor(value, event_loop.as_ref())?);
        }
        if let Some(agent) = self.agent_id {
            builder = builder.agent_id(agent);
        }
        if let Some(branch) = self.agent_branch_id {
            builder = builder.agent_branch_id(branch);
        }
        if let Some(store) = &self.token_store {
            builder = builder.token_store(auth::token_store(store, event_loop.as_ref())?);
        }
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(seconds("timeout", timeout).map_err(sdk_error)?);
        }
        if let Some(timeout) = self.connect_timeout {
            builder =
                builder.connect_timeout(seconds("connect_timeout", timeout).map_err(sdk_error)?);
        }
        if let Some(retries) = self.max_retries {
            builder = builder.retry(insurup::RetryPolicy::with_max_retries(retries));
        }
        let version = py.version_info();
        builder = builder.user_agent_suffix(format!(
            "insurup-python/{} python/{}.{}",
            env!("CARGO_PKG_VERSION"),
            version.major,
            version.minor
        ));
        let client = builder.build().map_err(sdk_error)?;
        Ok(Arc::new(Shared {
            client: RwLock::new(Some(client)),
            event_loop,
        }))
    }
}

/// Declares a client class: construction, `from_env`, resources as attributes, `close`, repr.
/// `Client` and `AsyncClient` differ only in their resource classes and in the methods passed
/// as `$extra` (sign-in and the context-manager protocol, blocking or awaitable).
macro_rules! client_class {
    (
        $(#[$doc:meta])*
        $class:ident(is_async = $is_async:literal) {
            $($field:ident: $resource:ident,)+
        }
        $($extra:tt)*
    ) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "insurup")]
        pub(crate) struct $class {
            shared: Handle,
            $(
                #[pyo3(get)]
                $field: Py<$resource>,
            )+
        }

        impl $class {
            fn with_handle(py: Python<'_>, shared: Handle) -> PyResult<Self> {
                Ok($class {
                    $($field: Py::new(py, $resource::new(Arc::clone(&shared)))?,)+
                    shared,
                })
            }
        }

        #[pymethods]
        impl $class {
            #[new]
            #[pyo3(signature = (
                *, base_url = None, email = None, password = None, two_factor = None,
                agent_id = None, agent_branch_id = None, client_id = None, client_secret = None,
                access_token = None, token_store = None, timeout = None, connect_timeout = None,
                max_retries = None, auth_url = None,
            ))]
            #[allow(clippy::too_many_arguments)]
            fn new<'py>(
                py: Python<'py>,
                base_url: Option<String>,
                email: Option<String>,
                password: Option<String>,
                two_factor: Option<Bound<'py, PyAny>>,
                agent_id: Option<String>,
                agent_branch_id: Option<String>,
                client_id: Option<String>,
                client_secret: Option<String>,
                access_token: Option<String>,
                token_store: Option<Bound<'py, PyAny>>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                max_retries: Option<u32>,
                auth_url: Option<String>,
            ) -> PyResult<Self> {
                let options = Options {
                    base_url, auth_url, email, password, client_id, client_secret,
                    access_token, two_factor, agent_id, agent_branch_id, token_store, timeout,
                    connect_timeout, max_retries,
                };
                Self::with_handle(py, options.build(py, false, $is_async)?)
            }

            /// A client configured from `INSURUP_*` environment variables; keyword arguments
            /// override them.
            #[classmethod]
            #[pyo3(signature = (
                *, base_url = None, email = None, password = None, two_factor = None,
                agent_id = None, agent_branch_id = None, client_id = None, client_secret = None,
                access_token = None, token_store = None, timeout = None, connect_timeout = None,
                max_retries = None, auth_url = None,
            ))]
            #[allow(clippy::too_many_arguments)]
            fn from_env<'py>(
                _class: &Bound<'py, PyType>,
                py: Python<'py>,
                base_url: Option<String>,
                email: Option<String>,
                password: Option<String>,
                two_factor: Option<Bound<'py, PyAny>>,
                agent_id: Option<String>,
                agent_branch_id: Option<String>,
                client_id: Option<String>,
                client_secret: Option<String>,
                access_token: Option<String>,
                token_store: Option<Bound<'py, PyAny>>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                max_retries: Option<u32>,
                auth_url: Option<String>,
            ) -> PyResult<Self> {
                let options = Options {
                    base_url, auth_url, email, password, client_id, client_secret,
                    access_token, two_factor, agent_id, agent_branch_id, token_store, timeout,
                    connect_timeout, max_retries,
                };
                Self::with_handle(py, options.build(py, true, $is_async)?)
            }

            /// The API base URL.
            #[getter]
            fn base_url(&self) -> PyResult<String> {
                Ok(self.shared.client()?.base_url().to_owned())
            }

            /// The agency id the client was configured with.
            #[getter]
            fn agent_id(&self) -> PyResult<Option<String>> {
                Ok(self.shared.client()?.agent_id().map(|id| id.to_string()))
            }

            /// The branch the client produces for by default.
            #[getter]
            fn agent_branch_id(&self) -> PyResult<Option<String>> {
                Ok(self.shared.client()?.agent_branch_id().map(|id| id.to_string()))
            }

            fn __repr__(&self, py: Python<'_>) -> String {
                self.shared.describe(py, stringify!($class))
            }

            $($extra)*
        }
    };
}

client_class! {
    /// The InsurUp API client. Calls block the calling thread and release the GIL while they
    /// wait, so one client serves many threads at once.
    Client(is_async = false) {
        customers: Customers,
        vehicles: Vehicles,
        properties: Properties,
        cases: Cases,
        proposals: Proposals,
        purchase: Purchases,
        policies: Policies,
        reference: ReferenceData,
        webhooks: Webhooks,
        graphql: Graphql,
    }

    /// Logs in now (or loads stored tokens) instead of on the first call.
    fn sign_in(&self, py: Python<'_>) -> PyResult<()> {
        let client = self.shared.client()?;
        block_on(py, async move { client.sign_in().await })
    }

    /// Forgets the session's tokens, here and in the token store.
    fn sign_out(&self, py: Python<'_>) -> PyResult<()> {
        let client = self.shared.client()?;
        block_on(py, async move { client.sign_out().await })
    }

    /// Releases the connection pool once in-flight calls finish; later calls raise.
    fn close(&self) {
        self.shared.close();
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc_info))]
    fn __exit__(&self, _exc_info: &Bound<'_, PyTuple>) -> bool {
        self.shared.close();
        false
    }
}

client_class! {
    /// The InsurUp API client for asyncio: the same resources and methods as `Client`, each
    /// call returning an awaitable. Cancelling a call drops it; a purchase already sent still
    /// completes on the server and in the SDK.
    AsyncClient(is_async = true) {
        customers: AsyncCustomers,
        vehicles: AsyncVehicles,
        properties: AsyncProperties,
        cases: AsyncCases,
        proposals: AsyncProposals,
        purchase: AsyncPurchases,
        policies: AsyncPolicies,
        reference: AsyncReferenceData,
        webhooks: AsyncWebhooks,
        graphql: AsyncGraphql,
    }

    /// Logs in now (or loads stored tokens) instead of on the first call.
    fn sign_in<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let client = self.shared.client()?;
        coroutine(py, self.shared.event_loop(), async move { client.sign_in().await })
    }

    /// Forgets the session's tokens, here and in the token store.
    fn sign_out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let client = self.shared.client()?;
        coroutine(py, self.shared.event_loop(), async move { client.sign_out().await })
    }

    /// Releases the connection pool once in-flight calls finish; later calls raise.
    fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.shared.close();
        awaitable(py, async { Ok(()) })
    }

    fn __aenter__<'py>(slf: Py<Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        awaitable(py, async move { Ok(slf) })
    }

    #[pyo3(signature = (*_exc_info))]
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _exc_info: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.shared.close();
        awaitable(py, async { Ok(false) })
    }
}
