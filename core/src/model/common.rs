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

/// Who did something: created a record, represents a customer, changed a case.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct UserReference {
    /// The user's id.
    pub id: Option<super::UserId>,
    /// Display name.
    pub name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Agent, customer or InsurUp's admin panel.
    pub user_type: Option<super::UserType>,
}

/// Where a document goes: an e-mail address or a phone number for an SMS. Build one with
/// [`DocumentRecipient::email`] or [`DocumentRecipient::sms`]; exactly one of the two is set.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentRecipient {
    /// E-mail address to send the document to.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Turkish phone number to send a link to by SMS (`5321234567`, `+90 532 …`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone_number: Option<String>,
}

impl DocumentRecipient {
    /// Sends the document by e-mail.
    pub fn email(address: impl Into<String>) -> Self {
        DocumentRecipient {
            email: Some(address.into()),
            phone_number: None,
        }
    }

    /// Sends a link to the document by SMS.
    pub fn sms(phone_number: impl Into<String>) -> Self {
        DocumentRecipient {
            email: None,
            phone_number: Some(phone_number.into()),
        }
    }

    /// The API's `communication` member: `{type: "email", email}` or
    /// `{type: "sms", phoneNumber: {countryCode, number}}`.
    pub(crate) fn to_communication(&self) -> crate::Result<serde_json::Value> {
        match (&self.email, &self.phone_number) {
            (Some(address), None) => {
                crate::validate::email("email", address)?;
                Ok(serde_json::json!({ "type": "email", "email": address }))
            }
            (None, Some(raw)) => {
                let phone = PhoneNumber::parse_turkish(raw).ok_or_else(|| {
                    crate::Error::validation(
                        "phone_number",
                        "must be a 10-digit Turkish number such as 5321234567",
                    )
                })?;
                Ok(serde_json::json!({ "type": "sms", "phoneNumber": phone }))
            }
            _ => Err(crate::Error::validation(
                "recipient",
                "give either an e-mail address or a phone number, not both",
            )),
        }
    }
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
