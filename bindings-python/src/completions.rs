//! Handing finished SDK calls back to their asyncio event loop, many per wake-up.
//!
//! A call of an `AsyncClient` runs on the tokio runtime and ends on one of its threads. Resolving
//! its asyncio future from there would take the GIL on that thread (fighting the loop, which holds
//! it while it runs Python code) and wake the loop once per call. Instead the finished call joins
//! its loop's queue (the core's `CompletionQueue`, shared with the Node binding), and only the
//! call that finds the queue idle wakes the loop: by writing a byte to a socket the loop watches
//! (`add_reader`), or, on loops without readers (Windows' proactor), through
//! `call_soon_threadsafe`. Woken, the loop makes every queued outcome a Python object and resolves
//! its future in one callback, with the GIL it holds anyway. No tokio thread waits for the GIL.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use insurup::{CompletionHost, CompletionQueue, Settlement};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyNotImplementedError, PyRuntimeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyCFunction;

use crate::auth::EventLoopSlot;

/// What a finished call hands the loop: its outcome, made a Python object once the GIL is held.
type Outcome = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;

type Call = Pin<Box<dyn Future<Output = Outcome> + Send>>;

/// How a queue that was idle tells its loop there is work.
enum Wake {
    #[cfg(unix)]
    Socket {
        waker: std::os::unix::net::UnixStream,
        wakeups: std::os::unix::net::UnixStream,
    },
    /// `call_soon_threadsafe` and the queue's drain callback.
    Loop(Arc<(Py<PyAny>, Py<PyAny>)>),
}

/// The calls of one event loop that finished, each with the future it resolves.
struct Queue {
    finished: CompletionQueue<(Py<PyAny>, Outcome)>,
    wake: OnceLock<Wake>,
}

impl CompletionHost for Queue {
    type Handle = Py<PyAny>;
    type Outcome = Outcome;

    fn queue(&self) -> &CompletionQueue<(Py<PyAny>, Outcome)> {
        &self.finished
    }

    fn wake(&self) {
        match self.wake.get() {
            #[cfg(unix)]
            Some(Wake::Socket { waker, .. }) => {
                // A full socket (WouldBlock) already holds wake-ups the loop has yet to read.
                let _ = std::io::Write::write(&mut &*waker, &[1]);
            }
            Some(Wake::Loop(wake)) => {
                // Taking the GIL can wait for the loop: do it off the runtime's workers.
                let wake = Arc::clone(wake);
                pyo3_async_runtimes::tokio::get_runtime().spawn_blocking(move || {
                    Python::attach(|py| {
                        let (call_soon_threadsafe, drain) = &*wake;
                        if let Err(error) = call_soon_threadsafe.call1(py, (drain,)) {
                            error.write_unraisable(py, None);
                        }
                    });
                });
            }
            None => {}
        }
    }
}

impl Queue {
    /// Resolves the future of every call that finished; run by the loop, on its thread.
    fn drain(&self, py: Python<'_>) {
        #[cfg(unix)]
        if let Some(Wake::Socket { wakeups, .. }) = self.wake.get() {
            let mut sink = [0; 64];
            while matches!(std::io::Read::read(&mut &*wakeups, &mut sink), Ok(read) if read > 0) {}
        }
        for (future, outcome) in self.finished.take() {
            if let Err(error) = resolve(future.bind(py), outcome) {
                error.write_unraisable(py, Some(future.bind(py)));
            }
        }
    }
}

fn resolve(future: &Bound<'_, PyAny>, outcome: Outcome) -> PyResult<()> {
    let py = future.py();
    // Done already: the coroutine awaiting it was cancelled.
    if future.call_method0(intern!(py, "done"))?.is_truthy()? {
        return Ok(());
    }
    match outcome(py) {
        Ok(value) => future.call_method1(intern!(py, "set_result"), (value,))?,
        Err(error) => future.call_method1(intern!(py, "set_exception"), (error.into_value(py),))?,
    };
    Ok(())
}

/// The queue of finished calls of one event loop; `insurup._async` keeps one per loop.
#[pyclass(frozen, module = "insurup._insurup")]
pub(crate) struct Completions(Arc<Queue>);

#[pymethods]
impl Completions {
    /// A queue for `event_loop`, registered with it: as a reader where the loop has readers.
    #[staticmethod]
    fn open(py: Python<'_>, event_loop: &Bound<'_, PyAny>) -> PyResult<Self> {
        let queue = Arc::new(Queue {
            finished: CompletionQueue::default(),
            wake: OnceLock::new(),
        });
        // Weak: the loop holds the callback, and must not keep the queue alive after the client.
        let weak: Weak<Queue> = Arc::downgrade(&queue);
        let drain = PyCFunction::new_closure(py, None, None, move |args, _kwargs| {
            if let Some(queue) = weak.upgrade() {
                queue.drain(args.py());
            }
        })?;
        #[cfg(unix)]
        {
            let (waker, wakeups) = std::os::unix::net::UnixStream::pair()?;
            waker.set_nonblocking(true)?;
            wakeups.set_nonblocking(true)?;
            let fd = std::os::fd::AsRawFd::as_raw_fd(&wakeups);
            match event_loop.call_method1(intern!(py, "add_reader"), (fd, &drain)) {
                Ok(_) => {
                    let _ = queue.wake.set(Wake::Socket { waker, wakeups });
                    return Ok(Self(queue));
                }
                Err(error) if error.is_instance_of::<PyNotImplementedError>(py) => {}
                Err(error) => return Err(error),
            }
        }
        let call_soon_threadsafe = event_loop.getattr(intern!(py, "call_soon_threadsafe"))?;
        let wake = (call_soon_threadsafe.unbind(), drain.into_any().unbind());
        let _ = queue.wake.set(Wake::Loop(Arc::new(wake)));
        Ok(Self(queue))
    }

    /// How this queue wakes its loop: "reader" or "call_soon_threadsafe".
    #[getter]
    fn wake(&self) -> &'static str {
        match self.0.wake.get() {
            Some(Wake::Loop(_)) | None => "call_soon_threadsafe",
            #[cfg(unix)]
            Some(Wake::Socket { .. }) => "reader",
        }
    }
}

/// One `AsyncClient` call, not yet started: `insurup._async.run` starts it when first awaited.
#[pyclass(frozen, module = "insurup._insurup")]
pub(crate) struct PendingCall {
    call: Mutex<Option<Call>>,
    running: Mutex<Option<tokio::task::AbortHandle>>,
    event_loop: Option<EventLoopSlot>,
}

impl PendingCall {
    pub(crate) fn new<F, T>(call: F, event_loop: Option<&EventLoopSlot>) -> Self
    where
        F: Future<Output = insurup::Result<T>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        let call = async move {
            let outcome = call.await;
            Box::new(move |py: Python<'_>| match outcome {
                Ok(value) => value.into_py_any(py),
                Err(error) => Err(PyErr::from(error)),
            }) as Outcome
        };
        Self {
            call: Mutex::new(Some(Box::pin(call))),
            running: Mutex::new(None),
            event_loop: event_loop.cloned(),
        }
    }
}

#[pymethods]
impl PendingCall {
    /// Starts the call on the runtime and returns the future of `event_loop` it resolves.
    fn start<'py>(
        &self,
        event_loop: &Bound<'py, PyAny>,
        completions: &Bound<'py, Completions>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = event_loop.py();
        let call = crate::lock(&self.call)
            .take()
            .ok_or_else(|| PyRuntimeError::new_err("this call was already started"))?;
        if let Some(slot) = &self.event_loop {
            slot.remember(event_loop);
        }
        crate::logging::refresh_level(py);
        let future = event_loop.call_method0(intern!(py, "create_future"))?;
        let queue = Arc::clone(&completions.get().0);
        let settlement = Settlement::new(queue, future.clone().unbind(), stopped);
        let task = crate::runtime::runtime()?.spawn(async move {
            settlement.settle(call.await);
        });
        *crate::lock(&self.running) = Some(task.abort_handle());
        Ok(future)
    }

    /// Drops the call if it still runs (its coroutine was cancelled).
    fn cancel(&self) {
        if let Some(task) = crate::lock(&self.running).take() {
            task.abort();
        }
    }
}

/// The outcome of a call dropped before it finished (cancelled, panicked, the runtime shut down);
/// the loop ignores it when the future is already cancelled.
fn stopped() -> Outcome {
    Box::new(|_| {
        Err(PyRuntimeError::new_err(
            "the SDK call stopped before it finished (it panicked, or the runtime shut down)",
        ))
    })
}
