//! napi-rs glue: ids and wire enums cross as JS strings, models are `#[napi(object)]`
//! (see `model/`), and [`Error`] becomes a JS error the Node package's shim turns into the
//! `InsurUpError` subclass of the same name. The TypeScript aliases for the id and enum names
//! live in the Node package's `.d.ts` header.
#![allow(unsafe_code)] // napi's conversion traits are `unsafe fn` by signature.

use serde::Serialize;

use crate::error::{Error, FieldError, GraphQlError};

/// Ids and wire enums are plain JS strings.
macro_rules! napi_string_conversions {
    ($name:ident) => {
        impl napi::bindgen_prelude::TypeName for $name {
            fn type_name() -> &'static str {
                stringify!($name)
            }

            fn value_type() -> napi::ValueType {
                napi::ValueType::String
            }
        }

        impl napi::bindgen_prelude::ValidateNapiValue for $name {}

        #[allow(unsafe_code)]
        impl napi::bindgen_prelude::ToNapiValue for $name {
            unsafe fn to_napi_value(
                env: napi::sys::napi_env,
                value: Self,
            ) -> napi::Result<napi::sys::napi_value> {
                // SAFETY: forwards the caller's guarantees to the `&str` conversion.
                unsafe {
                    <&str as napi::bindgen_prelude::ToNapiValue>::to_napi_value(env, value.as_str())
                }
            }
        }

        #[allow(unsafe_code)]
        impl napi::bindgen_prelude::FromNapiValue for $name {
            unsafe fn from_napi_value(
                env: napi::sys::napi_env,
                value: napi::sys::napi_value,
            ) -> napi::Result<Self> {
                // SAFETY: forwards the caller's guarantees to the `String` conversion.
                let text = unsafe {
                    <String as napi::bindgen_prelude::FromNapiValue>::from_napi_value(env, value)?
                };
                Ok($name::from(text.as_str()))
            }
        }
    };
}

pub(crate) use napi_string_conversions;

/// Everything an [`Error`] carries, as the JSON message of the napi error. `kind` comes first so
/// the shim recognises the payload by its opening characters before parsing it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorPayload<'a> {
    kind: &'static str,
    message: String,
    status: Option<u16>,
    detail: Option<&'a str>,
    suggestions: &'a [String],
    codes: &'a [String],
    problem_type: Option<&'a str>,
    field: Option<&'a str>,
    trace_id: Option<&'a str>,
    request_id: Option<&'a str>,
    validation_errors: &'a [FieldError],
    retry_after_ms: Option<u64>,
    proposal_id: Option<&'a str>,
    product_id: Option<&'a str>,
    graphql_errors: &'a [GraphQlError],
    partial_data: Option<&'a serde_json::Value>,
}

impl From<Error> for napi::Error {
    fn from(error: Error) -> Self {
        let purchase = error.purchase();
        let payload = ErrorPayload {
            kind: error.kind().class_name(),
            message: error.to_string(),
            status: error.status(),
            detail: error.detail(),
            suggestions: error.suggestions(),
            codes: error.codes(),
            problem_type: error.problem_type(),
            field: error.field(),
            trace_id: error.trace_id(),
            request_id: error.request_id(),
            validation_errors: error.validation_errors(),
            retry_after_ms: error
                .retry_after()
                .map(|wait| u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
            proposal_id: purchase.map(|p| p.proposal_id.as_str()),
            product_id: purchase.map(|p| p.product_id.as_str()),
            graphql_errors: error.graphql_errors(),
            partial_data: error.partial_data(),
        };
        // Serialising plain strings, numbers and JSON values cannot fail; fall back to the bare
        // message rather than lose the error.
        let reason = serde_json::to_string(&payload).unwrap_or_else(|_| error.to_string());
        napi::Error::new(napi::Status::GenericFailure, reason)
    }
}
