//! A customer's contact book and consents: e-mail addresses and phone numbers (one of each
//! primary), addresses by UAVT number, KVKK/ETK consents with their history, and calls.

use super::{
    AddressType, ConsentAction, ConsentChannel, ConsentType, ContactState, CustomerId, PhoneNumber,
    PropertyAddress, UserReference,
};

/// One of a customer's e-mail addresses (`GET /api/customers/{id}/emails`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerEmailAddress {
    /// The address.
    pub email: String,
    /// True for the customer's primary address.
    #[serde(default, alias = "isPrimary")]
    pub primary: bool,
}

/// One of a customer's phone numbers (`GET /api/customers/{id}/phone-numbers`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerPhone {
    /// The number.
    pub phone_number: PhoneNumber,
    /// True for the customer's primary number.
    #[serde(default, alias = "isPrimary")]
    pub primary: bool,
}

/// One of a customer's addresses, identified by its UAVT number.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerAddress {
    /// The address's id.
    pub id: String,
    /// The flat's UAVT number.
    pub property_number: i64,
    /// Home, work, temporary or other.
    #[serde(rename = "type")]
    pub address_type: Option<AddressType>,
    /// The address the UAVT number names.
    #[serde(default, deserialize_with = "super::address::address_from_either")]
    pub address: Option<PropertyAddress>,
    /// When it was added (RFC 3339).
    pub created_at: Option<String>,
}

/// Whether a consent is in force (`consents` of a customer).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerConsent {
    /// KVKK or ETK.
    pub consent_type: ConsentType,
    /// True while the consent is in force.
    #[serde(default)]
    pub is_active: bool,
}

/// One change of a consent, for the audit trail.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ConsentRecord {
    /// KVKK or ETK.
    pub consent_type: ConsentType,
    /// Given or revoked.
    pub action: ConsentAction,
    /// When (RFC 3339).
    pub performed_at: Option<String>,
    /// Who recorded it.
    pub performed_by: Option<UserReference>,
    /// Where it was given or revoked.
    pub channel: Option<ConsentChannel>,
}

/// A customer's consents and their history (`GET /api/customers/{id}/consents`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerConsents {
    /// Each consent type and whether it is in force.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub consents: Vec<CustomerConsent>,
    /// Every change, oldest first.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub history: Vec<ConsentRecord>,
}

impl CustomerConsents {
    /// True when the consent of this type is in force.
    pub fn is_active(&self, consent_type: &ConsentType) -> bool {
        self.consents
            .iter()
            .any(|consent| &consent.consent_type == consent_type && consent.is_active)
    }
}

/// A call with a customer (`GET /api/customers/{id}/contacts`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerContact {
    /// The contact's id.
    pub id: String,
    /// Kind of contact; `PHONE_CALL` is the only one the API documents.
    #[serde(rename = "type")]
    pub contact_type: Option<String>,
    /// Planned, occurred or not occurred.
    pub state: Option<ContactState>,
    /// The customer.
    pub customer_id: Option<CustomerId>,
    /// When it was recorded (RFC 3339).
    pub created_at: Option<String>,
    /// When it was planned for.
    pub planned_time: Option<String>,
    /// When the call was attempted.
    pub attempt_time: Option<String>,
    /// When the call started.
    pub start_time: Option<String>,
    /// When the call was hung up.
    pub hang_up_time: Option<String>,
    /// The contact flow it belongs to.
    pub flow_id: Option<String>,
    /// The representative who handled it.
    pub representative: Option<UserReference>,
    /// Who recorded it.
    pub created_by: Option<UserReference>,
}
