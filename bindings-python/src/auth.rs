//! Plain Python callables and objects as the core's 2FA provider and token store.
//!
//! The core asks for a code or for tokens from inside its own tasks, which hold no GIL. A Python
//! callback therefore runs on tokio's blocking pool (it may prompt a person or read a file),
//! through `insurup._callbacks.call`, which awaits an `async def` callback of an `AsyncClient`
//! on the event loop of that client's latest call.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use insurup::{Error, TokenSet, TokenStore, TwoFactorChallenge, TwoFactorProvider};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;

/// The event loop an `AsyncClient`'s async callbacks run on: the loop of its latest call.
#[derive(Clone, Debug, Default)]
pub(crate) struct EventLoopSlot(Arc<Mutex<Option<Arc<Py<PyAny>>>>>);

impl EventLoopSlot {
    /// Remembers the loop an `AsyncClient` call runs on; called on every call.
    pub(crate) fn remember(&self, event_loop: &Bound<'_, PyAny>) {
        let mut remembered = crate::lock(&self.0);
        if !remembered
            .as_ref()
            .is_some_and(|known| known.bind(event_loop.py()).is(event_loop))
        {
            *remembered = Some(Arc::new(event_loop.clone().unbind()));
        }
    }

    fn current(&self) -> Option<Arc<Py<PyAny>>> {
        crate::lock(&self.0).clone()
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
        let expected = "a code (str) or a callable taking a TwoFactorChallenge and returning it";
        return Err(PyTypeError::new_err(format!(
            "two_factor must be {expected}"
        )));
    }
    Ok(Arc::new(Callback::new(value, event_loop)))
}

/// A `token_store` argument: a `FileTokenStore`, a `MemoryTokenStore`, a `RedisTokenStore`, or
/// any object with `load()`, `save(tokens)` and `clear()` methods.
pub(crate) fn token_store(
    value: &Bound<'_, PyAny>,
    event_loop: Option<&EventLoopSlot>,
) -> PyResult<Arc<dyn TokenStore>> {
    if let Ok(store) = value.cast::<insurup::FileTokenStore>() {
        return Ok(Arc::new(store.clone().unbind()));
    }
    if let Ok(store) = value.cast::<insurup::MemoryTokenStore>() {
        return Ok(Arc::new(store.clone().unbind()));
    }
    if let Ok(store) = value.cast::<insurup::RedisTokenStore>() {
        return Ok(Arc::new(store.clone().unbind()));
    }
    for method in ["load", "save", "clear"] {
        if !value.hasattr(method)? {
            return Err(PyTypeError::new_err(format!(
                "token_store must have load(), save(tokens) and clear() methods; {method}() is missing"
            )));
        }
    }
    Ok(Arc::new(Callback::new(value, event_loop)))
}

/// A Python callable (the 2FA provider) or object (a token store) the core calls back.
#[derive(Debug)]
struct Callback {
    target: Arc<Py<PyAny>>,
    event_loop: Option<EventLoopSlot>,
}

impl Callback {
    fn new(target: &Bound<'_, PyAny>, event_loop: Option<&EventLoopSlot>) -> Self {
        let target = Arc::new(target.clone().unbind());
        Callback {
            target,
            event_loop: event_loop.cloned(),
        }
    }

    /// `target(*arguments)` or `target.method(*arguments)` on the blocking pool.
    async fn call<A>(&self, method: Option<&'static str>, arguments: A) -> PyResult<Py<PyAny>>
    where
        A: for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyTuple>> + Send + 'static,
    {
        static CALL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let target = Arc::clone(&self.target);
        let event_loop = self.event_loop.as_ref().and_then(EventLoopSlot::current);
        let called = tokio::task::spawn_blocking(move || {
            Python::attach(|py| {
                let call = CALL.import(py, "insurup._callbacks", "call")?;
                let event_loop = event_loop.as_deref().map(|event_loop| event_loop.bind(py));
                let arguments = (target.bind(py), method, arguments(py)?, event_loop);
                Ok(call.call1(arguments)?.unbind())
            })
        });
        called
            .await
            .map_err(|failure| PyRuntimeError::new_err(failure.to_string()))?
    }
}

impl TwoFactorProvider for Callback {
    fn code(
        &self,
        challenge: TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = insurup::Result<String>> + Send + '_>> {
        Box::pin(async move {
            let code = self
                .call(None, |py| PyTuple::new(py, [challenge]))
                .await
                .map_err(|error| Error::callback_failed("two_factor", error))?;
            Python::attach(|py| code.extract::<String>(py))
                .map_err(|_| Error::callback_failed("two_factor", "it did not return a str"))
        })
    }
}

#[async_trait]
impl TokenStore for Callback {
    async fn load(&self) -> insurup::Result<Option<TokenSet>> {
        let failed = |reason: String| Error::callback_failed("token_store.load()", reason);
        let loaded = self.call(Some("load"), |py| Ok(PyTuple::empty(py))).await;
        let loaded = loaded.map_err(|error| failed(error.to_string()))?;
        Python::attach(|py| loaded.bind(py).extract::<Option<TokenSet>>().ok())
            .ok_or_else(|| failed("it returned neither an insurup.TokenSet nor None".to_owned()))
    }

    async fn save(&self, tokens: &TokenSet) -> insurup::Result<()> {
        let tokens = tokens.clone();
        let saved = self
            .call(Some("save"), |py| PyTuple::new(py, [tokens]))
            .await;
        saved
            .map(drop)
            .map_err(|error| Error::callback_failed("token_store.save()", error))
    }

    async fn clear(&self) -> insurup::Result<()> {
        let cleared = self.call(Some("clear"), |py| Ok(PyTuple::empty(py))).await;
        cleared
            .map(drop)
            .map_err(|error| Error::callback_failed("token_store.clear()", error))
    }
}
