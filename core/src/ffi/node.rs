//! napi-rs glue: ids and wire enums cross as JS strings, models are `#[napi(object)]`
//! (see `model/`). The TypeScript aliases for these names live in the Node package's `.d.ts`
//! header.
#![allow(unsafe_code)] // napi's conversion traits are `unsafe fn` by signature.

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
