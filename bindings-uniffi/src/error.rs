//! The one error every call throws: sealed `InsurUpException` in Kotlin, `InsurUpError` in Swift.
//!
//! One case per core error kind (`insurup::error_kinds()`, checked by the test below), each
//! carrying the core's `ErrorReport`: every field an error has, declared once, in the core.

use insurup::ErrorReport;

/// Declares the error enum with one case per kind, and its conversions.
macro_rules! error_kinds {
    ($( $(#[doc = $doc:literal])* $kind:ident, )+) => {
        /// What went wrong, named for what the caller should do about it. Every case carries
        /// the same report of what the API sent; none carries a secret.
        #[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
        pub enum InsurUpError {
            $(
                $(#[doc = $doc])*
                #[error("{}", report.message)]
                $kind {
                    /// The message, the status, the server's detail, codes and field errors, the
                    /// request and trace ids, GraphQL errors and partial data, and more.
                    report: ErrorReport,
                },
            )+
        }

        /// The core class name of each case, in declaration order.
        #[cfg(test)]
        const KINDS: &[&str] = &[$(concat!(stringify!($kind), "Error")),+];

        impl From<insurup::Error> for InsurUpError {
            fn from(error: insurup::Error) -> Self {
                let report = error.report();
                match report.kind.as_str() {
                    $( concat!(stringify!($kind), "Error") => InsurUpError::$kind { report }, )+
                    // Unreachable while the test below passes.
                    _ => InsurUpError::Server { report },
                }
            }
        }

        #[uniffi::export]
        impl InsurUpError {
            /// The report this error carries, whatever its case.
            pub fn report(&self) -> ErrorReport {
                match self {
                    $( InsurUpError::$kind { report } )|+ => report.clone(),
                }
            }
        }
    };
}

error_kinds! {
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
    /// The token store failed, or could not save the session's renewed tokens (the session
    /// keeps them in memory and saves them again on a later call). Fix the store.
    TokenStore,
}

/// An error thrown by a Kotlin or Swift callback, as the core sees it: the same kind and message.
impl From<InsurUpError> for insurup::Error {
    fn from(error: InsurUpError) -> Self {
        insurup::Error::from_report(&error.report())
    }
}

/// A callback threw something other than `InsurUpException`/`InsurUpError`; the adapter that
/// called it names the callback (see `callbacks.rs`).
impl From<uniffi::UnexpectedUniFFICallbackError> for InsurUpError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        insurup::Error::new(insurup::ErrorKind::Authentication, error.reason).into()
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = InsurUpError> = std::result::Result<T, E>;

/// A local validation error for input that arrives as JSON text.
pub(crate) fn json_argument<T: serde::de::DeserializeOwned>(field: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|error| {
        insurup::Error::validation(field, format!("must be a JSON object: {error}")).into()
    })
}

#[cfg(test)]
mod tests {
    use super::KINDS;

    #[test]
    fn every_core_error_kind_is_a_case_in_the_core_order() {
        let core = insurup::error_kinds();
        for (index, kind) in core.iter().enumerate() {
            assert_eq!(
                KINDS.get(index).copied(),
                Some(kind.as_str()),
                "InsurUpError lags the core: add the case {} (the core's {kind}) at position \
                 {index} in bindings-uniffi/src/error.rs",
                kind.trim_end_matches("Error"),
            );
        }
        assert_eq!(KINDS.len(), core.len(), "cases the core no longer has: {KINDS:?}");
    }
}
