//! The one error every call throws: sealed `InsurUpException` in Kotlin, `InsurUpError` in Swift.
//!
//! One case per core error kind, from the core's list (`insurup::for_each_error_kind!`), each
//! carrying the core's `ErrorReport`: every field an error has, declared once, in the core.

use insurup::ErrorReport;

/// Declares the error enum with one case per kind, and its conversions.
macro_rules! error_enum {
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

        impl From<insurup::Error> for InsurUpError {
            fn from(error: insurup::Error) -> Self {
                let report = error.report();
                match error.kind() {
                    $( insurup::ErrorKind::$kind => InsurUpError::$kind { report }, )+
                    // Unreachable: the cases are the core's kinds.
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

insurup::for_each_error_kind!(error_enum);

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
