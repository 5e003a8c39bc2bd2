//! napi-rs glue: ids and wire enums cross as JS strings, models are `#[napi(object)]`
//! (see `model/`), and [`Error`] becomes a JS error carrying its report, which the Node package
//! turns into the `InsurUpError` subclass of the same name. The TypeScript aliases for the id and enum names
//! live in the Node package's `.d.ts` header.
#![allow(unsafe_code)] // napi's conversion traits are `unsafe fn` by signature.

use crate::error::Error;

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

impl From<Error> for napi::Error {
    /// The error's [`ErrorReport`](crate::ErrorReport) as JSON: the Node package's `errors.js`
    /// builds the class named by its `kind` (first, so the package recognises the payload by its
    /// opening characters) and parses the GraphQL errors and partial data back into objects.
    fn from(error: Error) -> Self {
        // A report holds strings, numbers and JSON text, whose serialisation cannot fail; fall
        // back to the bare message rather than lose the error.
        let reason = serde_json::to_string(&error.report()).unwrap_or_else(|_| error.to_string());
        napi::Error::new(napi::Status::GenericFailure, reason)
    }
}
