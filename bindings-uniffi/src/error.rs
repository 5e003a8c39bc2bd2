//! The one error every call throws: sealed `InsurUpException` in Kotlin, `InsurUpError` in Swift.
//!
//! Each case is a core [`insurup::ErrorKind`] and carries the same fields, copied from the core
//! error; nothing here decides a kind.

use std::time::Duration;

use insurup::{ErrorKind, ProposalId, ProposalProductId};

/// One field the server refused.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FieldError {
    /// The field, as the API names it (e.g. `card.number`).
    pub property_name: String,
    /// Why it was refused.
    pub error_message: String,
    /// The value the server saw; `[REDACTED]` for card, CVC, password and token fields.
    pub attempted_value: Option<String>,
}

/// The proposal product whose purchase outcome is unknown.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PurchaseRef {
    /// The proposal.
    pub proposal_id: ProposalId,
    /// The product; read it back with `proposals().product(...)` before buying again.
    pub product_id: ProposalProductId,
}

/// Declares the error enum with one case per kind, every case with the same fields, and the
/// conversions both ways. Adding a kind to the core is one line here.
macro_rules! error_kinds {
    ($( $(#[doc = $doc:literal])* $kind:ident, )+) => {
        /// What went wrong, named for what the caller should do about it. Every case carries
        /// what the API sent; none carries a secret.
        #[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
        pub enum InsurUpError {
            $(
                $(#[doc = $doc])*
                #[error("{reason}")]
                $kind {
                    /// The message: the server's `detail` (and first suggestion) for API errors.
                    reason: String,
                    /// HTTP status of the answer, if there was one.
                    status: Option<u16>,
                    /// The server's `detail`, safe to show to end users.
                    detail: Option<String>,
                    /// The server's suggestions, safe to show to end users.
                    suggestions: Vec<String>,
                    /// Machine-readable codes, e.g. `PAYMENT_DECLINED`.
                    codes: Vec<String>,
                    /// The problem `type` URI.
                    problem_type: Option<String>,
                    /// The server's trace id; quote it when you contact InsurUp support.
                    trace_id: Option<String>,
                    /// The `x-request-id` the SDK sent with every attempt of the call.
                    request_id: Option<String>,
                    /// Field errors of an input-validation problem.
                    validation_errors: Vec<FieldError>,
                    /// How long the server asked the caller to wait (429, some 503).
                    retry_after: Option<Duration>,
                    /// The field a local validation error is about, e.g. `card.number`.
                    field: Option<String>,
                    /// The product whose purchase outcome is unknown.
                    purchase: Option<PurchaseRef>,
                },
            )+
        }

        impl InsurUpError {
            /// The core kind of this case.
            pub fn kind(&self) -> ErrorKind {
                match self {
                    $( InsurUpError::$kind { .. } => ErrorKind::$kind, )+
                }
            }

            fn reason(&self) -> &str {
                match self {
                    $( InsurUpError::$kind { reason, .. } => reason, )+
                }
            }
        }

        impl From<insurup::Error> for InsurUpError {
            fn from(error: insurup::Error) -> Self {
                let reason = error.to_string();
                let status = error.status();
                let detail = error.detail().map(str::to_owned);
                let suggestions = error.suggestions().to_vec();
                let codes = error.codes().to_vec();
                let problem_type = error.problem_type().map(str::to_owned);
                let trace_id = error.trace_id().map(str::to_owned);
                let request_id = error.request_id().map(str::to_owned);
                let validation_errors = error
                    .validation_errors()
                    .iter()
                    .map(|field| FieldError {
                        property_name: field.property_name.clone(),
                        error_message: field.error_message.clone(),
                        attempted_value: field.attempted_value.clone(),
                    })
                    .collect();
                let retry_after = error.retry_after();
                let field = error.field().map(str::to_owned);
                let purchase = error.purchase().map(|purchase| PurchaseRef {
                    proposal_id: ProposalId::new(&purchase.proposal_id),
                    product_id: ProposalProductId::new(&purchase.product_id),
                });
                match error.kind() {
                    $(
                        ErrorKind::$kind => InsurUpError::$kind {
                            reason, status, detail, suggestions, codes, problem_type, trace_id,
                            request_id, validation_errors, retry_after, field, purchase,
                        },
                    )+
                    // The core's kinds are non-exhaustive; one it adds before this list does is
                    // reported as a server error rather than lost.
                    _ => InsurUpError::Server {
                        reason, status, detail, suggestions, codes, problem_type, trace_id,
                        request_id, validation_errors, retry_after, field, purchase,
                    },
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
    /// 400: the request was malformed; see `validation_errors`.
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
    /// A purchase may or may not have happened; check `purchase`'s product before trying again.
    PurchaseOutcomeUnknown,
    /// The server's answer could not be decoded.
    Decode,
}

/// What a two-factor provider or token store written in Kotlin or Swift threw, as the core sees
/// it: the same kind and message.
impl From<InsurUpError> for insurup::Error {
    fn from(error: InsurUpError) -> Self {
        insurup::Error::new(error.kind(), error.reason())
    }
}

/// A Kotlin or Swift callback threw something other than `InsurUpException`/`InsurUpError`.
/// Both callbacks (two-factor provider, token store) serve the login, so it is an
/// authentication failure.
impl From<uniffi::UnexpectedUniFFICallbackError> for InsurUpError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        insurup::Error::new(
            ErrorKind::Authentication,
            format!(
                "a two-factor provider or token store failed: {}",
                error.reason
            ),
        )
        .into()
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = InsurUpError> = std::result::Result<T, E>;

/// A local validation error for input that arrives as JSON text.
pub(crate) fn json_argument(field: &str, text: &str) -> Result<serde_json::Value> {
    serde_json::from_str(text)
        .map_err(|error| insurup::Error::validation(field, format!("must be JSON: {error}")).into())
}
