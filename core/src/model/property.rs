//! Properties (homes, workplaces) of a customer, for DASK and konut policies.

use serde::Serialize;

use super::{
    CustomerId, PropertyAddress, PropertyId, PropertyOwnershipType, PropertyUtilizationStyle,
};
use crate::error::{Error, Result};

/// A property of a customer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Property {
    /// The property's id.
    pub id: PropertyId,
    /// Its owner.
    pub customer_id: CustomerId,
    /// UAVT address code.
    pub property_number: Option<i64>,
    /// Gross area in square metres.
    pub square_meter: Option<u32>,
    /// Year of construction.
    pub construction_year: Option<u32>,
    /// Usage.
    pub utilization_style: Option<PropertyUtilizationStyle>,
    /// Owner or tenant.
    pub ownership_type: Option<PropertyOwnershipType>,
    /// Floor.
    pub floor: Option<i32>,
    /// The address of its UAVT number, level by level (or as one line from older servers).
    #[serde(default, deserialize_with = "super::address::address_from_either")]
    pub address: Option<PropertyAddress>,
    /// When it was added (RFC 3339).
    pub created_at: Option<String>,
}

/// A property to add to a customer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewProperty {
    /// UAVT address code (10 digits).
    pub property_number: i64,
    /// Gross area in square metres.
    pub square_meter: u32,
    /// Year of construction.
    pub construction_year: u32,
    /// Usage; home when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub utilization_style: Option<PropertyUtilizationStyle>,
    /// Owner or tenant; owner when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub ownership_type: Option<PropertyOwnershipType>,
    /// Floor.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub floor: Option<i32>,
}

impl NewProperty {
    /// A property with this UAVT number, floor area and construction year; a home its owner
    /// lives in unless changed.
    pub fn new(property_number: i64, square_meter: u32, construction_year: u32) -> Self {
        NewProperty {
            property_number,
            square_meter,
            construction_year,
            utilization_style: None,
            ownership_type: None,
            floor: None,
        }
    }

    pub(crate) fn to_body(&self, customer_id: &CustomerId) -> Result<PropertyBody> {
        check_property_number(self.property_number)?;
        if !(10..=100_000).contains(&self.square_meter) {
            return Err(Error::validation(
                "square_meter",
                "must be between 10 and 100000",
            ));
        }
        let this_year = crate::validate::current_month().0;
        if !(1800..=this_year).contains(&(self.construction_year as i32)) {
            return Err(Error::validation(
                "construction_year",
                format!("must be a year between 1800 and {this_year}"),
            ));
        }
        Ok(PropertyBody {
            customer_id: customer_id.clone(),
            property_number: self.property_number,
            square_meter: self.square_meter,
            construction_year: self.construction_year,
            utilization_style: self
                .utilization_style
                .clone()
                .unwrap_or(PropertyUtilizationStyle::House),
            ownership_type: self
                .ownership_type
                .clone()
                .unwrap_or(PropertyOwnershipType::Proprietor),
            floor: self.floor,
        })
    }
}

/// Checks a UAVT address code: the 10 digits of a flat in the national address register.
pub(crate) fn check_property_number(property_number: i64) -> Result<()> {
    if (1_000_000_000..=9_999_999_999).contains(&property_number) {
        Ok(())
    } else {
        Err(Error::validation(
            "property_number",
            "must be the 10-digit UAVT address code",
        ))
    }
}

/// What the DASK register holds about the dwelling an earlier DASK policy insured
/// (`POST /api/properties/query-property-by-dask-old-policy`): enough to renew it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DaskPropertyLookup {
    /// The earlier policy.
    pub dask_old_policy: Option<DaskOldPolicy>,
    /// The dwelling's UAVT number.
    pub property_number: Option<i64>,
    /// Its address.
    #[serde(default, deserialize_with = "super::address::address_from_either")]
    pub address: Option<PropertyAddress>,
    /// Floors of the building and the dwelling's floor.
    pub floor: Option<PropertyFloor>,
    /// Year of construction.
    pub construction_year: Option<u32>,
    /// Construction type, e.g. `STEEL_REINFORCED_CONCRETE`.
    pub structure: Option<String>,
    /// Damage status, e.g. `NONE`.
    pub damage_status: Option<String>,
    /// Usage.
    pub utilization_style: Option<PropertyUtilizationStyle>,
    /// Owner or tenant.
    pub ownership_type: Option<PropertyOwnershipType>,
    /// Gross area in square metres.
    pub square_meter: Option<u32>,
}

/// An earlier DASK policy.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DaskOldPolicy {
    /// Its number.
    pub number: Option<i64>,
    /// When it ends, `YYYY-MM-DD`.
    pub end_date: Option<String>,
}

/// The floors of a building and the floor a dwelling is on.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PropertyFloor {
    /// Floors in the building: an exact count, or the top of the range the register gives.
    #[serde(default, deserialize_with = "floor_count")]
    pub total_floors: Option<i32>,
    /// The dwelling's floor.
    pub current_floor: Option<i32>,
}

/// Reads a floor count given as a number or as the API's polymorphic quantity: `{"$type":
/// "exact", "value": 5}`, or a range with `min`/`max`.
fn floor_count<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<i32>, D::Error> {
    use serde::Deserialize;
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    let number = |v: Option<&serde_json::Value>| {
        v.and_then(serde_json::Value::as_i64)
            .and_then(|n| i32::try_from(n).ok())
    };
    Ok(match &value {
        Some(serde_json::Value::Object(quantity)) => number(quantity.get("value"))
            .or_else(|| number(quantity.get("max")))
            .or_else(|| number(quantity.get("min"))),
        other => number(other.as_ref()),
    })
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PropertyBody {
    pub customer_id: CustomerId,
    pub property_number: i64,
    pub square_meter: u32,
    pub construction_year: u32,
    pub utilization_style: PropertyUtilizationStyle,
    pub ownership_type: PropertyOwnershipType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<i32>,
}
