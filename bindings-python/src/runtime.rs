//! The bridge between Python's threads and event loops and the SDK's tokio futures.
//!
//! One multi-thread tokio runtime serves the whole process, sync and asyncio clients alike. It
//! is created on the first call, by pyo3-async-runtimes, which also needs it to complete asyncio
//! futures.
//!
//! Fork safety: `fork()` copies only the calling thread, so a child process inherits a runtime
//! whose worker threads do not exist and connection pools whose sockets the parent still uses.
//! Anything using it would hang. Like temporal's `assert_same_process`, every entry point checks
//! that it runs in the process that started the runtime and raises a clear error otherwise.
//! Processes that fork before their first call are unaffected.

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::auth::EventLoopSlot;
use crate::client::Shared;
use crate::completions::PendingCall;
use crate::logging;

/// How often a blocking call on the main thread looks for Ctrl-C.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(100);

static RUNTIME_PROCESS: OnceLock<u32> = OnceLock::new();

/// The process-wide runtime, refusing to run in a process forked from the one that started it.
pub(crate) fn runtime() -> PyResult<&'static tokio::runtime::Runtime> {
    let current = std::process::id();
    let owner = *RUNTIME_PROCESS.get_or_init(|| current);
    if owner != current {
        return Err(PyRuntimeError::new_err(format!(
            "insurup was used in process {owner} and this process ({current}) is a fork of it; \
             its background threads and connections did not survive the fork. Use insurup only \
             after forking, or start workers with multiprocessing's 'spawn' or 'forkserver' method"
        )));
    }
    Ok(pyo3_async_runtimes::tokio::get_runtime())
}

/// Runs an SDK call to completion with the GIL released, so other Python threads run meanwhile.
///
/// On the main thread the call is interrupted by Ctrl-C: dropping the future is safe because
/// the SDK runs purchases as their own tasks.
pub(crate) fn block_on<F, T>(py: Python<'_>, call: F) -> PyResult<T>
where
    F: Future<Output = insurup::Result<T>> + Send,
    T: Send,
{
    let runtime = runtime()?;
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(PyRuntimeError::new_err(
            "a blocking insurup.Client call was made from inside an insurup callback; \
             use the client that called the callback only after the callback returns",
        ));
    }
    logging::refresh_level(py);
    let watch_signals = is_main_thread(py)?;
    let outcome = py.detach(|| {
        runtime.block_on(async {
            if !watch_signals {
                return Ok::<_, PyErr>(call.await);
            }
            let mut call = std::pin::pin!(call);
            let mut ticks = tokio::time::interval(SIGNAL_CHECK_INTERVAL);
            loop {
                tokio::select! {
                    outcome = &mut call => return Ok(outcome),
                    _ = ticks.tick() => Python::attach(|py| py.check_signals())?,
                }
            }
        })
    })?;
    Ok(outcome?)
}

/// An SDK call as a coroutine for an `AsyncClient`: the call starts on the runtime when the
/// coroutine is first awaited (on the running loop, which async callbacks of `event_loop`'s client
/// will use), its outcome comes back through the loop's queue of finished calls
/// (`completions.rs`), and cancelling the coroutine drops the call.
pub(crate) fn coroutine<'py, F, T>(
    py: Python<'py>,
    event_loop: Option<&EventLoopSlot>,
    call: F,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = insurup::Result<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    static RUN: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    runtime()?;
    let pending = PendingCall::new(call, event_loop);
    RUN.import(py, "insurup._async", "run")?.call1((pending,))
}

/// Python delivers signals to the main thread only, so only calls made there poll for them.
fn is_main_thread(py: Python<'_>) -> PyResult<bool> {
    static MAIN_THREAD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static CURRENT_THREAD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let main_thread = MAIN_THREAD
        .import(py, "threading", "main_thread")?
        .call0()?;
    let current_thread = CURRENT_THREAD
        .import(py, "threading", "current_thread")?
        .call0()?;
    Ok(main_thread.is(&current_thread))
}

/// Runs an SDK call the way a client does: `Client` and its resources block (with the GIL
/// released) and return the value, `AsyncClient` and its resources (`ASYNC`) return a coroutine.
pub(crate) fn run<'py, const ASYNC: bool, F, T>(
    py: Python<'py>,
    shared: &Shared,
    call: F,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = insurup::Result<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    if ASYNC {
        coroutine(py, shared.event_loop(), call)
    } else {
        block_on(py, call)?.into_bound_py_any(py)
    }
}
