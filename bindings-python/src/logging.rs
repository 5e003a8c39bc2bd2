//! The SDK's `tracing` events, delivered to Python's `logging` under the `insurup` logger.
//!
//! Events fire on tokio threads that do not hold the GIL. Taking the GIL for every debug event
//! only to learn that nobody listens would serialise concurrent calls, so the level the `insurup`
//! logger accepts is cached here and refreshed each time Python calls into the SDK (it holds the
//! GIL then anyway): `logger.setLevel(logging.DEBUG)` takes effect from the next call. Only
//! events that pass take the GIL, to hand Python a `LogRecord` that points at the Rust source.
//!
//! The core never puts secrets in events (tokens, passwords and card data are redacting types).

use std::fmt::Write as _;
use std::sync::atomic::{AtomicI32, Ordering};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

const LOGGER_NAME: &str = "insurup";
/// Python's `logging.WARNING`, the level of a logger nobody configured.
const WARNING: i32 = 30;

/// The lowest Python level number the `insurup` logger accepts.
static ACCEPTED_LEVEL: AtomicI32 = AtomicI32::new(WARNING);
static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Installs the bridge; called once when the module is imported.
pub(crate) fn install(py: Python<'_>) -> PyResult<()> {
    refresh_level(py);
    let subscriber = tracing_subscriber::registry().with(PythonLogging);
    // Another copy of tracing in the process (another extension) keeps its own dispatcher, so
    // this can only fail when the module is initialised twice, which is harmless.
    let _already_installed = tracing::subscriber::set_global_default(subscriber);
    Ok(())
}

fn logger(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    LOGGER
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("logging")?
                    .call_method1("getLogger", (LOGGER_NAME,))?
                    .unbind(),
            )
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
    ACCEPTED_LEVEL.store(level, Ordering::Relaxed);
}

fn python_level(level: &Level) -> i32 {
    match *level {
        Level::ERROR => 40,
        Level::WARN => 30,
        Level::INFO => 20,
        Level::DEBUG => 10,
        Level::TRACE => 5,
    }
}

fn is_sdk_event(metadata: &Metadata<'_>) -> bool {
    metadata.target() == "insurup" || metadata.target().starts_with("insurup::")
}

struct PythonLogging;

/// A span's fields, rendered once when it opens and appended to the events inside it.
struct SpanFields(String);

impl<S> Layer<S> for PythonLogging
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn register_callsite(
        &self,
        metadata: &'static Metadata<'static>,
    ) -> tracing::subscriber::Interest {
        if is_sdk_event(metadata) {
            // The accepted level changes at run time, so ask `enabled` every time.
            tracing::subscriber::Interest::sometimes()
        } else {
            tracing::subscriber::Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        is_sdk_event(metadata)
            && python_level(metadata.level()) >= ACCEPTED_LEVEL.load(Ordering::Relaxed)
    }

    fn on_new_span(&self, attributes: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        attributes.record(&mut fields);
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(SpanFields(fields.rendered));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let mut text = fields.message;
        if !fields.rendered.is_empty() {
            text.push_str(" (");
            text.push_str(fields.rendered.trim_start());
            text.push(')');
        }
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                if let Some(SpanFields(rendered)) = span.extensions().get::<SpanFields>() {
                    let _ = write!(text, " [{}{rendered}]", span.name());
                }
            }
        }
        let metadata = event.metadata();
        emit(
            python_level(metadata.level()),
            metadata.file().unwrap_or("<rust>"),
            metadata.line().unwrap_or(0),
            &text,
        );
    }
}

/// Hands one record to Python. Skipped while the interpreter shuts down.
fn emit(level: i32, file: &str, line: u32, text: &str) {
    let _ = Python::try_attach(|py| -> PyResult<()> {
        let logger = logger(py)?;
        if !logger.call_method1("isEnabledFor", (level,))?.is_truthy()? {
            return Ok(());
        }
        let record = logger.call_method1(
            "makeRecord",
            (LOGGER_NAME, level, file, line, text, (), py.None()),
        )?;
        logger.call_method1("handle", (record,))?;
        Ok(())
    });
}

/// Renders `message` apart and every other field as ` name=value`.
#[derive(Default)]
struct Fields {
    message: String,
    rendered: String,
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            let _ = write!(self.rendered, " {}={value}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            let _ = write!(self.rendered, " {}={value:?}", field.name());
        }
    }
}
