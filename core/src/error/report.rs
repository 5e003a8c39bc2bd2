//! Everything an [`Error`] carries, as one plain record every binding builds its native error
//! from, so no language drops a field another keeps.

use super::{Error, ErrorKind, FieldError};

/// An error as data: its kind's class name, its message, and everything the API sent.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    /// The class every binding names this kind of error with, e.g. `RateLimitError`.
    pub kind: String,
    /// What went wrong, safe to show (the server's `detail` and first suggestion for API errors).
    pub message: String,
    /// HTTP status of the answer, if there was one.
    pub status: Option<u16>,
    /// The server's `detail`, safe to show to end users.
    pub detail: Option<String>,
    /// What the user can do next, safe to show.
    pub suggestions: Vec<String>,
    /// Machine-readable codes, e.g. `PAYMENT_DECLINED`.
    pub codes: Vec<String>,
    /// The problem `type` URI.
    pub problem_type: Option<String>,
    /// The field a local validation error is about, e.g. `card.number`.
    pub field: Option<String>,
    /// The server's trace id; quote it to InsurUp support.
    pub trace_id: Option<String>,
    /// The `x-request-id` the SDK sent with every attempt of the call.
    pub request_id: Option<String>,
    /// Field errors of an input-validation answer.
    pub validation_errors: Vec<FieldError>,
    /// Seconds the server asked to wait (429 and some 503 answers).
    pub retry_after: Option<f64>,
    /// The proposal a purchase error is about.
    pub proposal_id: Option<String>,
    /// The proposal product a purchase error is about.
    pub product_id: Option<String>,
    /// Every GraphQL error of the answer, as JSON (`[]` when none).
    pub graphql_errors_json: String,
    /// The `data` a GraphQL answer carried beside its errors, as JSON.
    pub partial_data_json: Option<String>,
    /// Whether the request may have reached the server.
    pub may_have_reached_server: bool,
    /// Whether trying the same call again later may succeed (never for a purchase).
    pub retryable: bool,
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        let purchase = error.purchase();
        ErrorReport {
            kind: error.kind().class_name().to_owned(),
            message: error.to_string(),
            status: error.status(),
            detail: error.detail().map(str::to_owned),
            suggestions: error.suggestions().to_vec(),
            codes: error.codes().to_vec(),
            problem_type: error.problem_type().map(str::to_owned),
            field: error.field().map(str::to_owned),
            trace_id: error.trace_id().map(str::to_owned),
            request_id: error.request_id().map(str::to_owned),
            validation_errors: error.validation_errors().to_vec(),
            retry_after: error.retry_after().map(|wait| wait.as_secs_f64()),
            proposal_id: purchase.map(|p| p.proposal_id.clone()),
            product_id: purchase.map(|p| p.product_id.clone()),
            graphql_errors_json: serde_json::to_string(error.graphql_errors())
                .unwrap_or_else(|_| "[]".to_owned()),
            partial_data_json: error.partial_data().map(ToString::to_string),
            may_have_reached_server: error.may_have_reached_server(),
            retryable: error.is_retryable(),
        }
    }
}

/// The class names of every error kind, in declaration order: what every binding must define.
pub fn error_kinds() -> Vec<String> {
    ErrorKind::ALL
        .iter()
        .map(|kind| kind.class_name().to_owned())
        .collect()
}

impl ErrorKind {
    /// The kind whose class is named `class_name` (e.g. `RateLimitError`), if any.
    pub fn from_class_name(class_name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL
            .into_iter()
            .find(|kind| kind.class_name() == class_name)
    }
}

impl Error {
    /// A callback the caller gave the client (a two-factor provider, a token store, a logger)
    /// failed or returned something unusable: a token store's failure is a `TokenStoreError`,
    /// any other an `AuthenticationError` (both callbacks serve the login).
    pub fn callback_failed(callback: &str, reason: impl std::fmt::Display) -> Error {
        let kind = if callback.contains("token_store") || callback.contains("tokenStore") {
            ErrorKind::TokenStore
        } else {
            ErrorKind::Authentication
        };
        Error::new(kind, format!("the {callback} callback failed: {reason}"))
    }

    /// Everything this error carries, as one record.
    pub fn report(&self) -> ErrorReport {
        ErrorReport::from(self)
    }

    /// An error rebuilt from a report a binding received back from its language (a callback
    /// that raised one of the SDK's own errors): the same kind and message.
    pub fn from_report(report: &ErrorReport) -> Error {
        let kind = ErrorKind::from_class_name(&report.kind).unwrap_or(ErrorKind::Authentication);
        Error::new(kind, report.message.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_keeps_every_field_graphql_errors_included() {
        let error = Error::from_graphql(
            vec![crate::GraphQlError {
                message: "not yours".into(),
                ..crate::GraphQlError::default()
            }],
            Some(serde_json::json!({"a": 1})),
        );
        let report = error.report();
        assert_eq!(report.kind, "BadRequestError");
        assert!(report.graphql_errors_json.contains("not yours"));
        assert_eq!(report.partial_data_json.as_deref(), Some(r#"{"a":1}"#));
        assert!(report.may_have_reached_server);
        assert_eq!(error_kinds().len(), ErrorKind::ALL.len());
        assert_eq!(
            ErrorKind::from_class_name("TokenStoreError"),
            Some(ErrorKind::TokenStore)
        );
    }
}
