//! Plain Python callables and objects as the SDK's 2FA provider and token store.
//!
//! The SDK asks for a code or for tokens from inside its own tasks, which hold no GIL. A Python
//! callback therefore runs on tokio's blocking pool (it may prompt a person or read a file) and
//! takes the GIL only there. When it returns an awaitable (an `async def` given to an
//! `AsyncClient`), the awaitable runs on the event loop of the client's latest call and the SDK
//! waits for it without blocking that loop.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use insurup::{ErrorKind, TokenStore, TwoFactorChallenge as Challenge, TwoFactorProvider};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;
use pyo3_async_runtimes::TaskLocals;

use crate::errors::to_py_err;
use crate::repr::py_repr;

/// What the server asked a 2FA code for; passed to the `two_factor` callback.
#[pyclass(frozen, get_all, module = "insurup", name = "TwoFactorChallenge")]
pub(crate) struct TwoFactorChallenge {
    /// The user id from the login answer.
    user_id: String,
    /// The e-mail address that logged in.
    email: String,
}

#[pymethods]
impl TwoFactorChallenge {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "TwoFactorChallenge(user_id={}, email={})",
            py_repr(py, &self.user_id),
            py_repr(py, &self.email)
        )
    }
}

/// The session's tokens, as a token store receives and returns them. Its repr never shows the
/// tokens; `to_json()` does, because a store has to keep them: put that text where secrets go.
#[pyclass(frozen, module = "insurup", name = "TokenSet")]
pub(crate) struct PyTokenSet(insurup::TokenSet);

#[pymethods]
impl PyTokenSet {
    /// The tokens as JSON text, for a store to keep.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|error| PyRuntimeError::new_err(error.to_string()))
    }

    /// Tokens a store kept with `to_json()`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        serde_json::from_str(text).map(PyTokenSet).map_err(|error| {
            to_py_err(
                py,
                &insurup::Error::validation("tokens", format!("not a stored token set: {error}")),
            )
        })
    }

    /// Who the tokens belong to, e.g. `agent-user:ops@acente.com.tr`.
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }

    /// When the access token expires, in seconds since the Unix epoch.
    #[getter]
    fn expires_at(&self) -> f64 {
        self.0.expires_at_ms() as f64 / 1000.0
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "TokenSet(subject={}, expires_at={}, access_token='[REDACTED]')",
            py_repr(py, &self.0.subject),
            self.expires_at()
        )
    }
}

/// Keeps tokens in a JSON file readable by its owner only, so a restarted process continues
/// without logging in (or asking for a 2FA code) again.
#[pyclass(frozen, module = "insurup")]
pub(crate) struct FileTokenStore(Arc<insurup::FileTokenStore>);

#[pymethods]
impl FileTokenStore {
    /// A store at `path`; `$INSURUP_TOKEN_FILE` or `~/.config/insurup/tokens.json` by default.
    #[new]
    #[pyo3(signature = (path = None))]
    fn new(path: Option<PathBuf>) -> Self {
        let path = path.unwrap_or_else(insurup::FileTokenStore::default_path);
        FileTokenStore(Arc::new(insurup::FileTokenStore::new(path)))
    }

    /// The file's path.
    #[getter]
    fn path(&self) -> PathBuf {
        self.0.path().to_path_buf()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("FileTokenStore(path={})", py_repr(py, self.0.path()))
    }
}

/// Keeps tokens in memory (the default).
#[pyclass(frozen, module = "insurup")]
pub(crate) struct MemoryTokenStore(Arc<insurup::MemoryTokenStore>);

#[pymethods]
impl MemoryTokenStore {
    #[new]
    fn new() -> Self {
        MemoryTokenStore(Arc::new(insurup::MemoryTokenStore::new()))
    }

    fn __repr__(&self) -> &'static str {
        "MemoryTokenStore()"
    }
}

/// The event loop an `AsyncClient`'s async callbacks run on: the loop of its latest call.
#[derive(Clone, Default)]
pub(crate) struct EventLoopSlot(Arc<Mutex<Option<TaskLocals>>>);

impl EventLoopSlot {
    /// Remembers the running loop; called on every `AsyncClient` call.
    pub(crate) fn remember(&self, py: Python<'_>) -> PyResult<()> {
        let locals = TaskLocals::with_running_loop(py)?;
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(locals);
        Ok(())
    }

    fn current(&self) -> Option<TaskLocals> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            .cloned()
    }
}

/// A `two_factor` argument: a fixed code, or a callable given a `TwoFactorChallenge`.
pub(crate) fn two_factor(
    value: &Bound<'_, PyAny>,
    event_loop: Option<&EventLoopSlot>,
) -> PyResult<Arc<dyn TwoFactorProvider>> {
    if let Ok(code) = value.extract::<String>() {
        return Ok(insurup::fixed_code(code));
    }
    if !value.is_callable() {
        return Err(PyTypeError::new_err(
            "two_factor must be a code (str) or a callable taking a TwoFactorChallenge and returning the code",
        ));
    }
    Ok(Arc::new(PythonTwoFactor {
        callable: Arc::new(value.clone().unbind()),
        event_loop: event_loop.cloned(),
    }))
}

/// A `token_store` argument: a `FileTokenStore`, a `MemoryTokenStore`, or any object with
/// `load()`, `save(tokens)` and `clear()` methods.
pub(crate) fn token_store(
    value: &Bound<'_, PyAny>,
    event_loop: Option<&EventLoopSlot>,
) -> PyResult<Arc<dyn TokenStore>> {
    if let Ok(store) = value.cast::<FileTokenStore>() {
        return Ok(store.get().0.clone());
    }
    if let Ok(store) = value.cast::<MemoryTokenStore>() {
        return Ok(store.get().0.clone());
    }
    for method in ["load", "save", "clear"] {
        if !value.hasattr(method)? {
            return Err(PyTypeError::new_err(format!(
                "token_store must have load(), save(tokens) and clear() methods; {method}() is missing"
            )));
        }
    }
    Ok(Arc::new(PythonTokenStore {
        store: Arc::new(value.clone().unbind()),
        event_loop: event_loop.cloned(),
    }))
}

struct PythonTwoFactor {
    callable: Arc<Py<PyAny>>,
    event_loop: Option<EventLoopSlot>,
}

impl TwoFactorProvider for PythonTwoFactor {
    fn code(
        &self,
        challenge: Challenge,
    ) -> Pin<Box<dyn Future<Output = insurup::Result<String>> + Send + '_>> {
        Box::pin(async move {
            let code = call_python(
                Arc::clone(&self.callable),
                None,
                move |py| {
                    let challenge = TwoFactorChallenge {
                        user_id: challenge.user_id,
                        email: challenge.email,
                    };
                    PyTuple::new(py, [Py::new(py, challenge)?])
                },
                self.event_loop.clone(),
            )
            .await
            .map_err(|error| callback_failed("the two_factor callback", &error))?;
            Python::attach(|py| code.extract::<String>(py)).map_err(|_| {
                insurup::Error::new(
                    ErrorKind::Authentication,
                    "the two_factor callback must return the code as a str",
                )
            })
        })
    }
}

struct PythonTokenStore {
    store: Arc<Py<PyAny>>,
    event_loop: Option<EventLoopSlot>,
}

impl std::fmt::Debug for PythonTokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PythonTokenStore")
    }
}

impl PythonTokenStore {
    async fn call(
        &self,
        method: &'static str,
        tokens: Option<insurup::TokenSet>,
    ) -> insurup::Result<Py<PyAny>> {
        call_python(
            Arc::clone(&self.store),
            Some(method),
            move |py| match tokens {
                Some(tokens) => PyTuple::new(py, [Py::new(py, PyTokenSet(tokens))?]),
                None => Ok(PyTuple::empty(py)),
            },
            self.event_loop.clone(),
        )
        .await
        .map_err(|error| callback_failed(&format!("token_store.{method}()"), &error))
    }
}

#[async_trait]
impl TokenStore for PythonTokenStore {
    async fn load(&self) -> insurup::Result<Option<insurup::TokenSet>> {
        let loaded = self.call("load", None).await?;
        Python::attach(|py| {
            let loaded = loaded.bind(py);
            if loaded.is_none() {
                return Ok(None);
            }
            loaded
                .cast::<PyTokenSet>()
                .map(|tokens| Some(tokens.get().0.clone()))
                .map_err(|_| {
                    insurup::Error::new(
                        ErrorKind::Authentication,
                        "token_store.load() must return an insurup.TokenSet or None",
                    )
                })
        })
    }

    async fn save(&self, tokens: &insurup::TokenSet) -> insurup::Result<()> {
        self.call("save", Some(tokens.clone())).await.map(drop)
    }

    async fn clear(&self) -> insurup::Result<()> {
        self.call("clear", None).await.map(drop)
    }
}

fn callback_failed(what: &str, error: &PyErr) -> insurup::Error {
    insurup::Error::new(ErrorKind::Authentication, format!("{what} failed: {error}"))
}

/// A callback's result: a value, or an awaitable already handed to the event loop.
enum Called {
    Ready(Py<PyAny>),
    Pending(Pin<Box<dyn Future<Output = PyResult<Py<PyAny>>> + Send>>),
}

/// Calls `target(*args)` or `target.method(*args)` on the blocking pool, then awaits the result
/// if it is awaitable.
async fn call_python<A>(
    target: Arc<Py<PyAny>>,
    method: Option<&'static str>,
    args: A,
    event_loop: Option<EventLoopSlot>,
) -> PyResult<Py<PyAny>>
where
    A: for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyTuple>> + Send + 'static,
{
    let called = tokio::task::spawn_blocking(move || {
        Python::attach(|py| -> PyResult<Called> {
            let target = target.bind(py);
            let args = args(py)?;
            let result = match method {
                Some(method) => target.call_method1(method, args)?,
                None => target.call1(args)?,
            };
            if !is_awaitable(&result)? {
                return Ok(Called::Ready(result.unbind()));
            }
            let Some(locals) = event_loop.as_ref().and_then(|slot| slot.current()) else {
                // Close the coroutine so Python does not warn that it was never awaited.
                if result.hasattr("close")? {
                    result.call_method0("close")?;
                }
                return Err(PyTypeError::new_err(
                    "the callback returned an awaitable; insurup.Client needs plain functions \
                     (use insurup.AsyncClient for async callbacks)",
                ));
            };
            let pending = pyo3_async_runtimes::into_future_with_locals(&locals, result)?;
            Ok(Called::Pending(Box::pin(pending)))
        })
    })
    .await
    .map_err(|join_error| PyRuntimeError::new_err(join_error.to_string()))??;
    match called {
        Called::Ready(value) => Ok(value),
        Called::Pending(pending) => pending.await,
    }
}

fn is_awaitable(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    static IS_AWAITABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    IS_AWAITABLE
        .import(value.py(), "inspect", "isawaitable")?
        .call1((value,))?
        .is_truthy()
}
