//! What the request being served carries down to code that has no access to it: its trace id, and
//! the dialect its errors are written in.

use axum::http::HeaderName;

use crate::dialect::Dialect;

tokio::task_local! {
    pub static TRACE_ID: String;
    /// `None` on test controls, which answer the same in every dialect.
    pub static DIALECT: Option<Dialect>;
}

pub const TRACE_HEADER: HeaderName = HeaderName::from_static("x-trace-id");
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The trace id of the request being served (a fresh one outside a request).
pub fn current_trace_id() -> String {
    TRACE_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| crate::store::ids::trace_id())
}

/// The dialect errors of the request being served are written in: the sandbox's, except on test
/// controls, which answer the same in every dialect.
pub fn current_dialect() -> Option<Dialect> {
    DIALECT.try_with(|d| *d).unwrap_or(Some(Dialect::default()))
}
