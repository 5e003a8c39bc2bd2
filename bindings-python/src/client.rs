//! `Client` and `AsyncClient`: one SDK client each, configured from keyword arguments (the
//! fields of the core's `ClientOptions`) or `INSURUP_*` variables, with the resources as
//! attributes.

use std::sync::{Arc, PoisonError, RwLock};

use insurup::{
    AgentBranchId, AgentId, ClientBuilder, ClientOptions, RedisFleet, RedisRateBudget, Secret,
    SignInRequest, py_repr,
};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::auth::{self, EventLoopSlot};
use crate::resources::*;
use crate::runtime::run;

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
        let client = self.client.read().unwrap_or_else(PoisonError::into_inner);
        client
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
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }
}

/// A client from a builder holding the core's options (on top of the environment's for
/// `from_env`), the plug-ins, and this binding's name for the `User-Agent`. A `token_store`
/// replaces the one the fleet shares.
fn connect(
    py: Python<'_>,
    mut builder: ClientBuilder,
    is_async: bool,
    two_factor: Option<Bound<'_, PyAny>>,
    token_store: Option<Bound<'_, PyAny>>,
    fleet: Option<RedisFleet>,
    rate_budget: Option<Py<RedisRateBudget>>,
) -> PyResult<Handle> {
    let callable_two_factor = two_factor
        .as_ref()
        .is_some_and(|code| !code.is_instance_of::<PyString>());
    let event_loop =
        (is_async && (callable_two_factor || token_store.is_some())).then(EventLoopSlot::default);
    if let Some(value) = &two_factor {
        builder = builder.two_factor(auth::two_factor(value, event_loop.as_ref())?);
    }
    if let Some(fleet) = &fleet {
        builder = builder.fleet(fleet);
    }
    if let Some(store) = &token_store {
        builder = builder.token_store(auth::token_store(store, event_loop.as_ref())?);
    }
    if let Some(budget) = rate_budget {
        builder = builder.rate_budget(Arc::new(budget));
    }
    let version = py.version_info();
    let runtime = format!(
        "python/{}.{}.{}",
        version.major, version.minor, version.patch
    );
    let client = builder.binding("python", runtime).build()?;
    Ok(Arc::new(Shared {
        client: RwLock::new(Some(client)),
        event_loop,
    }))
}

/// Declares a client class: construction (each `ClientOptions` field a keyword argument),
/// `from_env`, the core's resources as attributes (`Customers`, or `AsyncCustomers` with
/// `prefix = Async`; `""` for none), and what the core declares for every client
/// (`insurup::client_surface!`): what it was configured with and the calls it forwards.
/// `Client` and `AsyncClient` differ in how they run calls, their resource classes, and the
/// context-manager protocol passed as `$extra`.
macro_rules! client_class {
    (
        (
            options { $($option:ident: $option_type:ty,)+ }
            $(#[$doc:meta])*
            $class:ident(is_async = $is_async:tt, prefix = $prefix:tt)
            $($extra:tt)*
        )
        resources { $($field_doc:literal $field:ident: $resource:ident;)+ }
        getters { $($getter_doc:literal $getter:ident: $type:ty = $get:ident().$convert:ident();)+ }
        methods {
            $(
                $($method_doc:literal)*
                fn $method:ident($($arg:ident: $arg_type:ty),*) -> $output:ty =
                    $call:ident($($pass:expr),*) $(.$then:ident())?;
            )+
        }
    ) => { pastey::paste! {
        $(#[$doc])*
        #[pyclass(frozen, module = "insurup")]
        pub(crate) struct $class {
            shared: Handle,
            $(#[doc = $field_doc] #[pyo3(get)] $field: Py<[<$prefix $resource>]>,)+
            $(#[doc = $getter_doc] #[pyo3(get)] $getter: $type,)+
        }

        impl $class {
            fn with_handle(py: Python<'_>, shared: Handle) -> PyResult<Self> {
                let client = shared.client()?;
                $(let $field = Py::new(py, [<$prefix $resource>]::new(Arc::clone(&shared)))?;)+
                Ok($class {
                    $($field,)+
                    $($getter: client.$get().$convert(),)+
                    shared,
                })
            }

            /// Adds this client class and its resources' classes to the native module.
            pub(crate) fn add_classes(module: &Bound<'_, PyModule>) -> PyResult<()> {
                module.add_class::<Self>()?;
                $(module.add_class::<[<$prefix $resource>]>()?;)+
                Ok(())
            }
        }

        #[pymethods]
        impl $class {
            #[new]
            #[pyo3(signature = (
                *, $($option = None,)+ two_factor = None, token_store = None, fleet = None,
                rate_budget = None,
            ))]
            #[allow(clippy::too_many_arguments)]
            fn new<'py>(
                py: Python<'py>,
                $($option: $option_type,)+
                two_factor: Option<Bound<'py, PyAny>>,
                token_store: Option<Bound<'py, PyAny>>,
                fleet: Option<RedisFleet>,
                rate_budget: Option<Py<RedisRateBudget>>,
            ) -> PyResult<Self> {
                let builder = ClientOptions { $($option,)+ }.apply(insurup::Client::builder())?;
                let shared =
                    connect(py, builder, $is_async, two_factor, token_store, fleet, rate_budget)?;
                Self::with_handle(py, shared)
            }

            /// A client configured from `INSURUP_*` environment variables; keyword arguments
            /// override them.
            #[classmethod]
            #[pyo3(signature = (
                *, $($option = None,)+ two_factor = None, token_store = None, fleet = None,
                rate_budget = None,
            ))]
            #[allow(clippy::too_many_arguments)]
            fn from_env<'py>(
                _class: &Bound<'py, PyType>,
                py: Python<'py>,
                $($option: $option_type,)+
                two_factor: Option<Bound<'py, PyAny>>,
                token_store: Option<Bound<'py, PyAny>>,
                fleet: Option<RedisFleet>,
                rate_budget: Option<Py<RedisRateBudget>>,
            ) -> PyResult<Self> {
                let builder = insurup::Client::builder().with_env()?;
                let builder = ClientOptions { $($option,)+ }.apply(builder)?;
                let shared =
                    connect(py, builder, $is_async, two_factor, token_store, fleet, rate_budget)?;
                Self::with_handle(py, shared)
            }

            /// The API dialect requests are spelt in now (`vendor-sdk`, `guide` or
            /// `graphql-docs`): the one set with `dialect=`, else the one learned from the
            /// server.
            #[getter]
            fn dialect(&self) -> PyResult<&'static str> {
                Ok(self.shared.client()?.dialect().as_str())
            }

            $(
                $(#[doc = $method_doc])*
                fn $method<'py>(
                    &self,
                    py: Python<'py>,
                    $($arg: $arg_type),*
                ) -> PyResult<Bound<'py, PyAny>> {
                    let client = self.shared.client()?;
                    run::<$is_async, _, _>(py, &self.shared, async move {
                        let output: $output = client.$call($($pass),*).await? $(.$then())?;
                        insurup::Result::Ok(output)
                    })
                }
            )+

            /// Releases the connection pool once in-flight calls finish; later calls raise.
            fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.shared.close();
                run::<$is_async, _, _>(py, &self.shared, async { Ok(()) })
            }

            fn __repr__(&self, py: Python<'_>) -> String {
                if self.shared.client().is_err() {
                    return format!("{}(closed)", stringify!($class));
                }
                let (agent, branch) = (&self.agent_id, &self.agent_branch_id);
                format!(
                    "{}(base_url={}, agent_id={}, agent_branch_id={})",
                    stringify!($class),
                    py_repr(py, &self.base_url),
                    py_repr(py, agent),
                    py_repr(py, branch)
                )
            }

            $($extra)*
        }
    } };
}

/// Calls `client_class!` with the fields of `ClientOptions` as the core lists them
/// (`insurup::record_fields!`), so both clients take the same keyword arguments, each `None` by
/// default.
macro_rules! with_client_options {
    ((@fields $($class:tt)*) $($option:ident: $option_type:ty = None),+) => {
        insurup::client_surface!(client_class!(options { $($option: $option_type,)+ } $($class)*));
    };
    ($($class:tt)*) => {
        insurup::record_fields!(ClientOptions, with_client_options!(@fields $($class)*));
    };
}

with_client_options! {
    /// The InsurUp API client. Calls block the calling thread and release the GIL while they
    /// wait, so one client serves many threads at once.
    Client(is_async = false, prefix = "")

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc_info))]
    fn __exit__(&self, _exc_info: &Bound<'_, PyTuple>) -> bool {
        self.shared.close();
        false
    }
}

with_client_options! {
    /// The InsurUp API client for asyncio: the same resources and methods as `Client`, each
    /// call returning an awaitable. Cancelling a call drops it; a purchase already sent still
    /// completes on the server and in the SDK.
    AsyncClient(is_async = true, prefix = Async)

    fn __aenter__<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let (py, shared, this) = (slf.py(), Arc::clone(&slf.get().shared), slf.unbind());
        run::<true, _, _>(py, &shared, async move { Ok(this) })
    }

    #[pyo3(signature = (*_exc_info))]
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _exc_info: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.shared.close();
        run::<true, _, _>(py, &self.shared, async { Ok(false) })
    }
}
