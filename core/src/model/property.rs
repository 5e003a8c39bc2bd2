//! Properties (homes, workplaces) of a customer, for DASK and konut policies.

use serde::Serialize;

use super::{CustomerId, PropertyId, PropertyOwnershipType, PropertyUtilizationStyle};
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
    /// Address text.
    pub address: Option<String>,
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
    pub(crate) fn to_body(&self, customer_id: &CustomerId) -> Result<PropertyBody> {
        if !(1_000_000_000..=9_999_999_999).contains(&self.property_number) {
            return Err(Error::validation(
                "property_number",
                "must be the 10-digit UAVT address code",
            ));
        }
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
