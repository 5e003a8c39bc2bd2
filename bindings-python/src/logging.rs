//! The SDK's diagnostics, handed by the core's `forward_logs` to Python's `logging` under the
//! `insurup` logger.
//!
//! Events fire on tokio threads that do not hold the GIL. Taking the GIL for every debug event
//! only to learn that nobody listens would serialise concurrent calls, so the level the `insurup`
//! logger accepts is cached here and refreshed each time Python calls into the SDK (it holds the
//! GIL then anyway): `logger.setLevel(logging.DEBUG)` takes effect from the next call. Only
//! events that pass take the GIL.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use insurup::logging::{LogRecord, LogSink};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

const LOGGER_NAME: &str = "insurup";
/// Python's `logging.WARNING`, the level of a logger nobody configured.
const WARNING: i32 = 30;

/// The lowest Python level number the `insurup` logger accepts.
static ACCEPTED_LEVEL: AtomicI32 = AtomicI32::new(WARNING);
static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Installs the sink; called once when the module is imported. When the process already
/// forwards the SDK's events elsewhere (another copy of the core), that forwarding stays.
/// `logging` itself is imported at the first call into the SDK (which refreshes the level), not
/// here: `import insurup` stays cheap, and no event fires before a call.
pub(crate) fn install() {
    insurup::logging::forward_logs(Arc::new(PythonLogging));
}

fn logger(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    LOGGER
        .get_or_try_init(py, || {
            let logging = py.import("logging")?;
            Ok::<_, PyErr>(logging.call_method1("getLogger", (LOGGER_NAME,))?.unbind())
        })
        .map(|logger| logger.bind(py))
}

/// Re-reads the level the `insurup` logger accepts (including `logging.disable`).
pub(crate) fn refresh_level(py: Python<'_>) {
    let level = logger(py)
        .and_then(|logger| {
            let effective: i32 = logger.call_method0("getEffectiveLevel")?.extract()?;
            let disabled: i32 = logger.getattr("manager")?.getattr("disable")?.extract()?;
            Ok(effective.max(disabled.saturating_add(1)))
        })
        .unwrap_or(WARNING);
    if ACCEPTED_LEVEL.swap(level, Ordering::Relaxed) != level {
        // `tracing` remembers per call site whether anyone wants its events: ask again.
        tracing::callsite::rebuild_interest_cache();
    }
}

fn python_level(level: &str) -> i32 {
    match level {
        "error" => 40,
        "warn" => 30,
        "info" => 20,
        "debug" => 10,
        _ => 5,
    }
}

struct PythonLogging;

impl LogSink for PythonLogging {
    fn enabled(&self, level: &str) -> bool {
        python_level(level) >= ACCEPTED_LEVEL.load(Ordering::Relaxed)
    }

    fn log(&self, record: LogRecord) {
        let level = python_level(&record.level);
        if !self.enabled(&record.level) {
            return;
        }
        let mut message = record.message;
        if !record.fields.is_empty() {
            message = format!("{message} ({})", record.fields);
        }
        // Skipped while the interpreter shuts down.
        let _ = Python::try_attach(|py| -> PyResult<()> {
            let logger = logger(py)?;
            if logger.call_method1("isEnabledFor", (level,))?.is_truthy()? {
                let arguments = (LOGGER_NAME, level, record.target, 0, message, (), py.None());
                let record = logger.call_method1("makeRecord", arguments)?;
                logger.call_method1("handle", (record,))?;
            }
            Ok(())
        });
    }
}
