//! Glue that lets the bindings project core types without re-modelling them.
//!
//! Each language's glue sits behind a cargo feature (`python`, `napi`, `uniffi`) that only its
//! binding crate enables. Ids and wire enums cross every boundary as plain strings; the two macros
//! below give every such type the conversions of every enabled binding at once. `completions`
//! is the queue through which the Python and Node bindings hand finished calls to their event
//! loops, many per wake-up.

#[cfg(any(feature = "python", feature = "napi", test))]
pub mod completions;
#[cfg(feature = "napi")]
pub mod node;
#[cfg(feature = "python")]
pub mod python;
mod surface;

/// Conversions for a string newtype id (`CustomerId`, …).
macro_rules! string_newtype {
    ($name:ident) => {
        #[cfg(feature = "uniffi")]
        uniffi::custom_newtype!($name, String);
        #[cfg(feature = "python")]
        $crate::ffi::python::py_string_conversions!($name);
        #[cfg(feature = "napi")]
        $crate::ffi::node::napi_string_conversions!($name);
    };
}

/// Conversions for a wire enum (`ProductBranch`, …); UniFFI derives its own enum instead.
macro_rules! string_enum {
    ($name:ident) => {
        #[cfg(feature = "python")]
        $crate::ffi::python::py_string_conversions!($name);
        #[cfg(feature = "napi")]
        $crate::ffi::node::napi_string_conversions!($name);
    };
}

pub(crate) use string_enum;
pub(crate) use string_newtype;
