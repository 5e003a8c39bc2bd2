//! Wrappers for values that must never be printed: passwords, tokens, card data.
//!
//! `Debug` and `Display` print a redacted form; the raw value is reachable only through
//! [`Secret::expose`], which makes every place that handles the clear text easy to find.
//! Serialization writes the raw value because request bodies need it; the transport never logs
//! bodies.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret string (password, access or refresh token, client secret, CVC).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The clear value. Call it only where the value leaves for the server or a token store.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the wrapped value is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([REDACTED])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[REDACTED]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

// Crosses into Kotlin and Swift as a string, which `uniffi.toml` wraps in a `Secret` class of
// their own whose `toString`/`description` are redacted too.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(Secret, String, {
    lower: |secret| secret.0,
    try_lift: |value| Ok(Secret(value)),
});

// Arrives from JavaScript as a string; never handed back.
#[cfg(feature = "napi")]
#[allow(unsafe_code)] // napi's conversion traits are `unsafe fn` by signature.
mod napi_conversions {
    use super::Secret;

    impl napi::bindgen_prelude::TypeName for Secret {
        fn type_name() -> &'static str {
            "string"
        }

        fn value_type() -> napi::ValueType {
            napi::ValueType::String
        }
    }

    impl napi::bindgen_prelude::ValidateNapiValue for Secret {}

    impl napi::bindgen_prelude::FromNapiValue for Secret {
        unsafe fn from_napi_value(
            env: napi::sys::napi_env,
            value: napi::sys::napi_value,
        ) -> napi::Result<Self> {
            // SAFETY: forwards the caller's guarantees to the `String` conversion.
            let text = unsafe {
                <String as napi::bindgen_prelude::FromNapiValue>::from_napi_value(env, value)?
            };
            Ok(Secret::new(text))
        }
    }
}

/// A payment card number: printed as its last four digits only (`**** 4242`).
#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber(String);

impl CardNumber {
    /// Wraps a number; spaces and dashes are removed. Validation happens in [`crate::Card::new`].
    pub fn new(value: impl AsRef<str>) -> Self {
        Self(
            value
                .as_ref()
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect(),
        )
    }

    /// The full number, for the request body only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The last four digits, safe to show and log.
    pub fn last4(&self) -> &str {
        let start = self.0.len().saturating_sub(4);
        self.0.get(start..).unwrap_or("")
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber(**** {})", self.last4())
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "**** {}", self.last4())
    }
}

impl Serialize for CardNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_and_display_never_show_the_value() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "Secret([REDACTED])");
        assert_eq!(secret.to_string(), "[REDACTED]");
        assert_eq!(secret.expose(), "hunter2");
    }

    #[test]
    fn card_number_prints_only_its_last_four_digits() {
        let number = CardNumber::new("4242 4242 4242 4242");
        assert_eq!(number.expose(), "4242424242424242");
        assert_eq!(format!("{number:?}"), "CardNumber(**** 4242)");
        assert_eq!(number.to_string(), "**** 4242");
    }
}
