//! The SDK's diagnostics (`tracing` events), handed to the host language's logger.
//!
//! Every binding implements [`LogSink`] once — Python's `logging`, a Node callback that fits
//! pino, winston or `console`, SLF4J on the JVM — and installs it with [`forward_logs`]. The
//! core never puts secrets in events (tokens, passwords and card data are redacting types), and
//! passes on only its own (not those of the HTTP stack beneath it), so a sink needs no filtering
//! of its own.

use std::fmt::Write as _;
use std::sync::Arc;

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// One diagnostic event.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRecord {
    /// `error`, `warn`, `info`, `debug` or `trace`.
    pub level: String,
    /// Where it happened, e.g. `insurup::transport`.
    pub target: String,
    /// What happened, e.g. `retrying`.
    pub message: String,
    /// The event's fields and those of the spans around it, as `key=value` pairs in order
    /// (`method=GET route=/api/proposals/{id} request_id=…`).
    pub fields: String,
}

/// Where a binding sends the SDK's diagnostics.
pub trait LogSink: Send + Sync {
    /// Whether events at `level` would be kept; asked before an event is formatted, so a quiet
    /// logger costs almost nothing. The level is `error`, `warn`, `info`, `debug` or `trace`.
    fn enabled(&self, level: &str) -> bool;
    /// Hands over one event.
    fn log(&self, record: LogRecord);
}

/// Whether an event is the SDK's own: hyper's, reqwest's and h2's stay out of the host's logger,
/// and cost nothing when nobody would read them.
fn is_ours(target: &str) -> bool {
    target == "insurup" || target.starts_with("insurup::")
}

fn level_name(level: &Level) -> &'static str {
    match *level {
        Level::ERROR => "error",
        Level::WARN => "warn",
        Level::INFO => "info",
        Level::DEBUG => "debug",
        Level::TRACE => "trace",
    }
}

/// Sends every SDK event to `sink` from now on. The first sink installed in a process wins (the
/// `tracing` dispatcher is global); returns false when one was installed already.
pub fn forward_logs(sink: Arc<dyn LogSink>) -> bool {
    let subscriber = tracing_subscriber::registry().with(SinkLayer { sink });
    tracing::subscriber::set_global_default(subscriber).is_ok()
}

struct SinkLayer {
    sink: Arc<dyn LogSink>,
}

/// The fields of a span, kept in its extensions for the events inside it.
struct SpanFields(String);

#[derive(Default)]
struct Fields {
    message: String,
    pairs: String,
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            if !self.pairs.is_empty() {
                self.pairs.push(' ');
            }
            let _ = write!(self.pairs, "{}={value:?}", field.name());
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            if !self.pairs.is_empty() {
                self.pairs.push(' ');
            }
            let _ = write!(self.pairs, "{}={value}", field.name());
        }
    }
}

impl<S> Layer<S> for SinkLayer
where
    S: Subscriber + for<'span> LookupSpan<'span>,
{
    fn enabled(&self, metadata: &tracing::Metadata<'_>, _: Context<'_, S>) -> bool {
        metadata.is_span()
            || (is_ours(metadata.target()) && self.sink.enabled(level_name(metadata.level())))
    }

    fn on_new_span(
        &self,
        attributes: &tracing::span::Attributes<'_>,
        id: &tracing::span::Id,
        context: Context<'_, S>,
    ) {
        let mut fields = Fields::default();
        attributes.record(&mut fields);
        if let Some(span) = context.span(id) {
            span.extensions_mut().insert(SpanFields(fields.pairs));
        }
    }

    fn on_event(&self, event: &Event<'_>, context: Context<'_, S>) {
        let metadata = event.metadata();
        let mut fields = Fields::default();
        event.record(&mut fields);
        let mut pairs = String::new();
        if let Some(scope) = context.event_scope(event) {
            for span in scope.from_root() {
                if let Some(SpanFields(span_pairs)) = span.extensions().get::<SpanFields>()
                    && !span_pairs.is_empty()
                {
                    pairs.push_str(span_pairs);
                    pairs.push(' ');
                }
            }
        }
        pairs.push_str(&fields.pairs);
        self.sink.log(LogRecord {
            level: level_name(metadata.level()).to_owned(),
            target: metadata.target().to_owned(),
            message: fields.message,
            fields: pairs.trim().to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[derive(Default)]
    struct Collected(Mutex<Vec<LogRecord>>);

    impl LogSink for Collected {
        fn enabled(&self, _level: &str) -> bool {
            true
        }

        fn log(&self, record: LogRecord) {
            self.0.lock().expect("not poisoned").push(record);
        }
    }

    #[test]
    fn only_the_sdks_own_events_reach_the_sink_with_their_spans_fields() {
        let sink = Arc::new(Collected::default());
        let layer = SinkLayer { sink: sink.clone() };
        tracing::subscriber::with_default(tracing_subscriber::registry().with(layer), || {
            let span = tracing::info_span!(target: "insurup::transport", "call", route = "/api/x");
            let _entered = span.enter();
            tracing::debug!(target: "hyper_util::client::legacy::pool", "pooling idle connection");
            tracing::debug!(target: "insurup_sandbox::server", "not the SDK either");
            tracing::info!(target: "insurup::transport", attempt = 2, "retrying");
        });
        let records = sink.0.lock().expect("not poisoned");
        assert_eq!(
            *records,
            vec![LogRecord {
                level: "info".into(),
                target: "insurup::transport".into(),
                message: "retrying".into(),
                fields: "route=/api/x attempt=2".into(),
            }]
        );
    }
}
