//! The one error type every call returns, and the problem-details body it is parsed from.
//!
//! Every binding maps [`ErrorKind`] to a native class of the same name (`RateLimitError` in Python,
//! Node and Swift, `InsurUpException.RateLimit` in Kotlin), so the kind names say what the caller
//! should do, not which layer failed.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

mod graphql;
mod problem;
mod report;

pub use graphql::GraphQlError;
pub(crate) use graphql::deserialize_errors;
pub use problem::{FieldError, Problem};
pub use report::{ErrorReport, error_kinds};

/// Calls `$callback! { ... }` with every error kind, its doc comment included, in declaration
/// order: `/// docs` then `Kind,` for each. [`ErrorKind`] is declared from this list, and so is
/// every binding item that needs one case per kind (UniFFI's error enum), so none can lag it.
/// The docs are written for every language's reader.
#[macro_export]
macro_rules! for_each_error_kind {
    ($callback:ident) => {
        $callback! {
            /// Bad input caught before any request was sent; `field` names the field.
            Validation,
            /// 401, bad credentials, or a refresh the server refused: check the credentials.
            Authentication,
            /// The account needs a 2FA code and no two-factor provider is configured.
            TwoFactorRequired,
            /// 403: the user lacks the permission, or the service account is deactivated.
            PermissionDenied,
            /// 404: the id does not exist or lies outside the caller's data scope.
            NotFound,
            /// 409: duplicate resource or a state that does not allow the action.
            Conflict,
            /// 400: the request was malformed; see `validation_errors` and `graphql_errors_json`.
            BadRequest,
            /// 422: a business rule refused the request (e.g. a declined card); show `detail`.
            Unprocessable,
            /// 429: slow down; `retry_after` says for how long.
            RateLimit,
            /// 5xx after the retries were spent; 502 means an insurer's service failed.
            Server,
            /// No answer within the configured timeout.
            Timeout,
            /// The connection could not be made or broke.
            Connection,
            /// A purchase may or may not have happened; read `product_id` back before trying again.
            PurchaseOutcomeUnknown,
            /// The server's answer could not be decoded.
            Decode,
            /// The token store failed, or could not save the session's renewed tokens (the server
            /// has already retired the old refresh token; the session keeps the new ones in memory
            /// and saves them again on a later call). Fix the store.
            TokenStore,
        }
    };
}

/// Declares [`ErrorKind`], its list and its class names from [`for_each_error_kind`].
macro_rules! declare_error_kind {
    ($( $(#[doc = $doc:literal])* $kind:ident, )+) => {
        /// What went wrong, named for what the caller should do about it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $( $(#[doc = $doc])* $kind, )+
        }

        impl ErrorKind {
            /// Every kind, in declaration order.
            pub const ALL: [ErrorKind; [$(stringify!($kind)),+].len()] = [$(ErrorKind::$kind),+];

            /// The class name every binding uses for this kind, e.g. `"RateLimitError"`.
            pub fn class_name(self) -> &'static str {
                match self {
                    $( ErrorKind::$kind => concat!(stringify!($kind), "Error"), )+
                }
            }
        }
    };
}

for_each_error_kind!(declare_error_kind);

impl ErrorKind {
    /// The kind an HTTP error status maps to.
    pub fn from_status(status: u16) -> Self {
        match status {
            300..=400 => ErrorKind::BadRequest,
            401 => ErrorKind::Authentication,
            403 => ErrorKind::PermissionDenied,
            404 => ErrorKind::NotFound,
            408 | 504 => ErrorKind::Timeout,
            409 => ErrorKind::Conflict,
            422 => ErrorKind::Unprocessable,
            429 => ErrorKind::RateLimit,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::BadRequest,
        }
    }

    /// The kind a GraphQL `extensions.code` maps to.
    pub fn from_graphql_code(code: &str) -> Self {
        match code {
            "UNAUTHORIZED" | "UNAUTHENTICATED" | "AUTH_NOT_AUTHENTICATED" => {
                ErrorKind::Authentication
            }
            "FORBIDDEN" | "AUTH_NOT_AUTHORIZED" => ErrorKind::PermissionDenied,
            "NOT_FOUND" => ErrorKind::NotFound,
            "CONFLICT" => ErrorKind::Conflict,
            "TOO_MANY_REQUESTS" | "RATE_LIMITED" => ErrorKind::RateLimit,
            "UPSTREAM_ERROR" | "INTERNAL_ERROR" | "INTERNAL_SERVER_ERROR" => ErrorKind::Server,
            _ => ErrorKind::BadRequest,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.class_name())
    }
}

/// The error every InsurUp call returns. Cheap to clone; safe to print (never holds secrets).
#[derive(Clone)]
pub struct Error {
    inner: Arc<Inner>,
}

#[derive(Debug, Clone)]
struct Inner {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    problem: Option<Problem>,
    field: Option<String>,
    request_id: Option<String>,
    trace_id: Option<String>,
    retry_after: Option<Duration>,
    purchase: Option<PurchaseRef>,
    graphql_errors: Vec<GraphQlError>,
    partial_data: Option<serde_json::Value>,
    /// The request may have reached the server (it answered, or the connection failed after
    /// the request was written). False for errors raised before anything was sent.
    reached_server: bool,
    /// Overrides the kind's retryability (purchase errors are never retryable).
    retryable: Option<bool>,
    source: Option<Arc<dyn StdError + Send + Sync>>,
}

/// The proposal product a [`ErrorKind::PurchaseOutcomeUnknown`] error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseRef {
    /// The proposal.
    pub proposal_id: String,
    /// The proposal product whose purchase outcome is unknown.
    pub product_id: String,
}

impl Error {
    fn build(kind: ErrorKind, message: impl Into<String>) -> Inner {
        Inner {
            kind,
            message: message.into(),
            status: None,
            problem: None,
            field: None,
            request_id: None,
            trace_id: None,
            retry_after: None,
            purchase: None,
            graphql_errors: Vec::new(),
            partial_data: None,
            reached_server: false,
            retryable: None,
            source: None,
        }
    }

    fn from_inner(inner: Inner) -> Self {
        Self {
            inner: Arc::new(inner),
        }
    }

    /// An error of `kind` with a message; used by token stores and two-factor providers written
    /// outside this crate.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::from_inner(Self::build(kind, message))
    }

    /// Bad input for `field`, caught before any request.
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        let field = field.into();
        let message = message.into();
        let mut inner = Self::build(ErrorKind::Validation, format!("{field}: {message}"));
        inner.field = Some(field);
        Self::from_inner(inner)
    }

    /// An error answer from the API, with its problem details when the body had them.
    pub(crate) fn from_response(
        status: u16,
        problem: Option<Problem>,
        trace_header: Option<String>,
        retry_after: Option<Duration>,
    ) -> Self {
        let kind = ErrorKind::from_status(status);
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|code| code.canonical_reason())
            .unwrap_or("error");
        let said = |text: &Option<String>| text.clone().filter(|text| !text.trim().is_empty());
        let message = problem
            .as_ref()
            .and_then(|p| said(&p.detail).or_else(|| said(&p.title)))
            .unwrap_or_else(|| format!("HTTP {status} {reason}"));
        let mut inner = Self::build(kind, message);
        inner.status = Some(status);
        inner.reached_server = true;
        inner.trace_id = problem
            .as_ref()
            .and_then(|p| p.trace_id.clone())
            .or(trace_header);
        inner.problem = problem;
        inner.retry_after = retry_after;
        Self::from_inner(inner)
    }

    /// The first GraphQL error decides the kind; all are kept, with any partial data.
    pub(crate) fn from_graphql(
        errors: Vec<GraphQlError>,
        partial_data: Option<serde_json::Value>,
    ) -> Self {
        let first = errors.first().cloned().unwrap_or_default();
        let kind = first
            .code()
            .map_or(ErrorKind::BadRequest, ErrorKind::from_graphql_code);
        // A server may leave the message empty; the error still has to say something.
        let message = match (first.message.trim().is_empty(), first.code()) {
            (false, _) => first.message.clone(),
            (true, Some(code)) => format!("the GraphQL API answered with a {code} error"),
            (true, None) => "the GraphQL API answered with an error and no message".to_owned(),
        };
        let mut inner = Self::build(kind, message);
        let ext = &first.extensions;
        let strings = |key: &str| -> Vec<String> {
            ext.get(key)
                .and_then(|v| v.as_array())
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|item| item.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        inner.trace_id = ext
            .get("traceId")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        inner.problem = Some(Problem {
            detail: Some(first.message.clone()),
            codes: strings("codes"),
            suggestions: strings("suggestions"),
            trace_id: inner.trace_id.clone(),
            template: ext
                .get("template")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            ..Problem::default()
        });
        inner.graphql_errors = errors;
        inner.partial_data = partial_data;
        inner.reached_server = true;
        Self::from_inner(inner)
    }

    pub(crate) fn timeout(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Timeout, message)
    }

    pub(crate) fn connection(
        message: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        let mut inner = Self::build(ErrorKind::Connection, message);
        inner.source = Some(Arc::new(source));
        Self::from_inner(inner)
    }

    pub(crate) fn decode(
        message: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        let mut inner = Self::build(ErrorKind::Decode, message);
        inner.source = Some(Arc::new(source));
        Self::from_inner(inner)
    }

    pub(crate) fn purchase_outcome_unknown(
        proposal_id: &str,
        product_id: &str,
        cause: &Error,
    ) -> Self {
        let mut inner = Self::build(
            ErrorKind::PurchaseOutcomeUnknown,
            format!(
                "the purchase of product {product_id} of proposal {proposal_id} may or may not \
                 have completed ({cause}); check the product's state before trying again"
            ),
        );
        inner.purchase = Some(PurchaseRef {
            proposal_id: proposal_id.to_owned(),
            product_id: product_id.to_owned(),
        });
        inner.request_id = cause.request_id().map(str::to_owned);
        inner.trace_id = cause.trace_id().map(str::to_owned);
        inner.reached_server = true;
        inner.retryable = Some(false);
        inner.source = Some(Arc::new(cause.clone()));
        Self::from_inner(inner)
    }

    /// The token store failed to save tokens the session already holds.
    pub(crate) fn token_store(cause: &Error) -> Self {
        let mut inner = Self::build(
            ErrorKind::TokenStore,
            format!(
                "the token store could not save the renewed session ({cause}); the session keeps \
                 the new tokens in memory and saves them again on the next call"
            ),
        );
        inner.source = Some(Arc::new(cause.clone()));
        Self::from_inner(inner)
    }

    fn modified(self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Arc::unwrap_or_clone(self.inner);
        change(&mut inner);
        Self::from_inner(inner)
    }

    /// A copy that says whether the request may have reached the server.
    pub(crate) fn with_reached_server(self, reached: bool) -> Self {
        if self.inner.reached_server == reached {
            return self;
        }
        self.modified(|inner| inner.reached_server = reached)
    }

    /// A copy that is never reported as retryable (purchase errors: a caller's retry loop must
    /// not send money twice).
    pub(crate) fn never_retryable(self) -> Self {
        self.modified(|inner| inner.retryable = Some(false))
    }

    /// A copy that names the proposal product a purchase error is about.
    pub(crate) fn with_purchase(self, proposal_id: &str, product_id: &str) -> Self {
        self.modified(|inner| {
            inner.purchase = Some(PurchaseRef {
                proposal_id: proposal_id.to_owned(),
                product_id: product_id.to_owned(),
            });
        })
    }

    /// A copy that carries the request id of the logical call.
    pub(crate) fn with_request_id(self, request_id: &str) -> Self {
        if self.inner.request_id.as_deref() == Some(request_id) {
            return self;
        }
        self.modified(|inner| inner.request_id = Some(request_id.to_owned()))
    }

    /// A copy with another message, everything else kept.
    pub(crate) fn with_message(self, message: impl Into<String>) -> Self {
        self.modified(|inner| inner.message = message.into())
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The message: the server's `detail` for API errors.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// HTTP status of the answer, if there was one.
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// The problem-details body, if the server sent one.
    pub fn problem(&self) -> Option<&Problem> {
        self.inner.problem.as_ref()
    }

    /// The server's `detail`, safe to show to end users.
    pub fn detail(&self) -> Option<&str> {
        self.problem().and_then(|p| p.detail.as_deref())
    }

    /// The server's suggestions, safe to show to end users.
    pub fn suggestions(&self) -> &[String] {
        self.problem().map_or(&[], |p| p.suggestions.as_slice())
    }

    /// Machine-readable codes, e.g. `PAYMENT_DECLINED`.
    pub fn codes(&self) -> &[String] {
        self.problem().map_or(&[], |p| p.codes.as_slice())
    }

    /// The problem `type` URI.
    pub fn problem_type(&self) -> Option<&str> {
        self.problem().and_then(|p| p.problem_type.as_deref())
    }

    /// Field errors from an input-validation problem.
    pub fn validation_errors(&self) -> &[FieldError] {
        self.problem()
            .map_or(&[], |p| p.validation_errors.as_slice())
    }

    /// The field a local [`ErrorKind::Validation`] error is about, e.g. `card.number`.
    pub fn field(&self) -> Option<&str> {
        self.inner.field.as_deref()
    }

    /// The `x-request-id` this SDK sent with every attempt of the call.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// The server's trace id (problem `traceId` or the `x-trace-id` header).
    pub fn trace_id(&self) -> Option<&str> {
        self.inner.trace_id.as_deref()
    }

    /// How long the server asked us to wait (429 and some 503 answers).
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// The product whose purchase outcome is unknown.
    pub fn purchase(&self) -> Option<&PurchaseRef> {
        self.inner.purchase.as_ref()
    }

    /// Every GraphQL error of the answer.
    pub fn graphql_errors(&self) -> &[GraphQlError] {
        &self.inner.graphql_errors
    }

    /// The `data` a GraphQL answer carried beside its errors.
    pub fn partial_data(&self) -> Option<&serde_json::Value> {
        self.inner.partial_data.as_ref()
    }

    /// True when the request may have reached the server: it answered, or the connection
    /// failed after the request was written. False for errors raised before anything was sent
    /// (bad input, no token, connection refused, an invalid URL).
    pub fn may_have_reached_server(&self) -> bool {
        self.inner.reached_server
    }

    /// True when trying the same call again later may succeed. Never true for a purchase: the
    /// SDK already retried what was safe, and sending money again is the caller's decision
    /// after checking the product.
    pub fn is_retryable(&self) -> bool {
        self.inner.retryable.unwrap_or(matches!(
            self.kind(),
            ErrorKind::RateLimit | ErrorKind::Server | ErrorKind::Timeout | ErrorKind::Connection
        ))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.message)?;
        if let Some(suggestion) = self.suggestions().first() {
            write!(f, " ({suggestion})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let mut s = f.debug_struct("Error");
        s.field("kind", &inner.kind)
            .field("message", &inner.message);
        if let Some(status) = inner.status {
            s.field("status", &status);
        }
        if let Some(field) = &inner.field {
            s.field("field", field);
        }
        if !self.codes().is_empty() {
            s.field("codes", &self.codes());
        }
        if let Some(id) = &inner.request_id {
            s.field("request_id", id);
        }
        if let Some(id) = &inner.trace_id {
            s.field("trace_id", id);
        }
        if let Some(wait) = inner.retry_after {
            s.field("retry_after", &wait);
        }
        if let Some(purchase) = &inner.purchase {
            s.field("purchase", purchase);
        }
        if let Some(source) = &inner.source {
            s.field("source", &source.to_string());
        }
        s.finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|source| source as &(dyn StdError + 'static))
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_kinds_named_for_the_callers_next_step() {
        assert_eq!(ErrorKind::from_status(400), ErrorKind::BadRequest);
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Authentication);
        assert_eq!(ErrorKind::from_status(403), ErrorKind::PermissionDenied);
        assert_eq!(ErrorKind::from_status(404), ErrorKind::NotFound);
        assert_eq!(ErrorKind::from_status(409), ErrorKind::Conflict);
        assert_eq!(ErrorKind::from_status(422), ErrorKind::Unprocessable);
        assert_eq!(ErrorKind::from_status(429), ErrorKind::RateLimit);
        assert_eq!(ErrorKind::from_status(502), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(504), ErrorKind::Timeout);
    }

    #[test]
    fn problem_details_keep_every_documented_field() {
        let body = br#"{"type":"https://api.insurup.com/problems/business-validation","title":"Business rule",
            "status":422,"detail":"Kart reddedildi.","codes":["PAYMENT_DECLINED"],"traceId":"abc",
            "template":"t","templateArgs":{"a":1},"suggestions":["Baska kart deneyin."],
            "validationErrors":[{"propertyName":"card.number","errorMessage":"bad","attemptedValue":"4000000000000002"},
                                {"propertyName":"installmentNumber","errorMessage":"bad","attemptedValue":12}]}"#;
        let problem = Problem::parse(body).expect("problem parses");
        let error = Error::from_response(422, Some(problem), None, None);
        assert_eq!(error.kind(), ErrorKind::Unprocessable);
        assert_eq!(error.detail(), Some("Kart reddedildi."));
        assert_eq!(error.codes(), ["PAYMENT_DECLINED"]);
        assert_eq!(error.trace_id(), Some("abc"));
        assert_eq!(error.to_string(), "Kart reddedildi. (Baska kart deneyin.)");
        let fields = error.validation_errors();
        assert_eq!(fields[0].attempted_value.as_deref(), Some("[REDACTED]"));
        assert_eq!(fields[1].attempted_value.as_deref(), Some("12"));
    }

    #[test]
    fn a_body_that_is_not_a_problem_still_gives_a_useful_message() {
        let error = Error::from_response(503, Problem::parse(b"<html>"), Some("t1".into()), None);
        assert_eq!(error.kind(), ErrorKind::Server);
        assert_eq!(error.to_string(), "HTTP 503 Service Unavailable");
        assert_eq!(error.trace_id(), Some("t1"));
    }

    #[test]
    fn graphql_codes_become_the_same_kinds_as_rest() {
        let errors = vec![GraphQlError {
            message: "not yours".into(),
            extensions: serde_json::json!({"code": "FORBIDDEN", "traceId": "t"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
            ..GraphQlError::default()
        }];
        let error = Error::from_graphql(errors, Some(serde_json::json!({"a": null})));
        assert_eq!(error.kind(), ErrorKind::PermissionDenied);
        assert_eq!(error.trace_id(), Some("t"));
        assert!(error.partial_data().is_some());
    }
}
