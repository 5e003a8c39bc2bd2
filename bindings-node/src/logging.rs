//! The SDK's diagnostics handed to a JS listener (`setLogger` in `index.js` adapts pino, winston,
//! `console` or a plain function to it). The core's dispatcher is process-wide, so one sink is
//! installed once and the listener behind it can be replaced or removed.

use std::sync::{Arc, OnceLock, RwLock};

use napi::Result;
use napi::bindgen_prelude::Function;
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi_derive::napi;

use insurup::logging::{LogRecord, LogSink, forward_logs};

/// Weak, so a logger does not keep the process alive.
type Listener = ThreadsafeFunction<LogRecord, (), LogRecord, napi::Status, false, true>;

#[derive(Default)]
struct JsLogSink {
    /// The listener and the levels it wants; levels are checked here, so a disabled level never
    /// crosses into JS.
    listener: RwLock<Option<(Listener, Vec<String>)>>,
}

impl LogSink for JsLogSink {
    fn enabled(&self, level: &str) -> bool {
        self.listener.read().is_ok_and(|listener| {
            listener
                .as_ref()
                .is_some_and(|(_, levels)| levels.iter().any(|l| l == level))
        })
    }

    fn log(&self, record: LogRecord) {
        if let Ok(listener) = self.listener.read()
            && let Some((listener, _)) = listener.as_ref()
        {
            // Queued for the event loop (unbounded), so the SDK's task never waits for JS.
            listener.call(record, ThreadsafeFunctionCallMode::NonBlocking);
        }
    }
}

static SINK: OnceLock<Arc<JsLogSink>> = OnceLock::new();

/// Sends the SDK's events at `levels` to `listener` from now on, or to nobody when it is null.
#[napi(skip_typescript)]
pub fn forward_logs_to(
    listener: Option<Function<LogRecord, ()>>,
    levels: Vec<String>,
) -> Result<()> {
    let sink = SINK.get_or_init(|| {
        let sink = Arc::new(JsLogSink::default());
        forward_logs(sink.clone());
        sink
    });
    let listener = match listener {
        Some(function) => Some((
            function
                .build_threadsafe_function()
                .weak::<true>()
                .build()?,
            levels,
        )),
        None => None,
    };
    *sink
        .listener
        .write()
        .map_err(|_| napi::Error::from_reason("the logger is poisoned"))? = listener;
    // Each event site remembers whether the sink wanted it; ask again with the new levels.
    tracing::callsite::rebuild_interest_cache();
    Ok(())
}
