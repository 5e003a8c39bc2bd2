//! Small shapes shared by several resources.

use serde::{Deserialize, Serialize};

/// A value from one of InsurUp's reference lists (`{value, text}`), e.g. a city or a brand.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// The code to send back to the API.
    pub value: String,
    /// The human-readable name.
    pub text: String,
}

/// A phone number split the way the API stores it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    /// Country calling code without `+` (90 for Turkey).
    pub country_code: u32,
    /// Subscriber number, e.g. `5321234567`.
    pub number: String,
}

/// A downloadable document (policy PDF, information form).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Where to download it; short-lived.
    pub url: String,
}

impl PhoneNumber {
    /// Parses `5321234567`, `05321234567`, `+90 532 123 45 67` or `90 532 123 4567` as a Turkish
    /// mobile or landline number.
    pub fn parse_turkish(input: &str) -> Option<Self> {
        let digits: String = input.chars().filter(char::is_ascii_digit).collect();
        let national = digits
            .strip_prefix("90")
            .filter(|rest| rest.len() == 10)
            .or_else(|| digits.strip_prefix('0').filter(|rest| rest.len() == 10))
            .unwrap_or(&digits);
        (national.len() == 10 && !national.starts_with('0')).then(|| PhoneNumber {
            country_code: 90,
            number: national.to_owned(),
        })
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "+{} {}", self.country_code, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_phone_numbers_are_parsed_in_their_usual_spellings() {
        for input in [
            "5321234567",
            "05321234567",
            "+90 532 123 45 67",
            "90 532 123 4567",
        ] {
            let phone = PhoneNumber::parse_turkish(input).expect(input);
            assert_eq!(phone.number, "5321234567");
            assert_eq!(phone.country_code, 90);
        }
        assert!(PhoneNumber::parse_turkish("12345").is_none());
    }
}
