//! Vehicles of a customer, and the registry (tramer) lookup that fills their details.

use serde::{Deserialize, Deserializer, Serialize};

use super::{CustomerId, Reference, VehicleFuel, VehicleId, VehicleUtilizationStyle};
use crate::error::Result;
use crate::validate;

/// A licence plate as the API stores it: province code and the rest.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Plate {
    /// Province code 1-81 (34 = İstanbul).
    pub city: u32,
    /// Letters and digits after the province code, e.g. `ABC123`.
    pub code: String,
}

impl Plate {
    /// Parses `34ABC123`, `34 abc 123` or `06 A 1234`; `None` when it is not a Turkish plate.
    pub fn parse(input: &str) -> Option<Self> {
        validate::parse_plate(input).map(|parts| Plate {
            city: u32::from(parts.city),
            code: parts.code,
        })
    }
}

impl std::fmt::Display for Plate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}{}", self.city, self.code)
    }
}

/// Accepts a plate as `{city, code}` (current API) or as `"34ABC123"` (older documents).
fn plate_from_either<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Plate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Parts { city: u32, code: Option<String> },
        Text(String),
    }
    Ok(match Option::<Either>::deserialize(deserializer)? {
        Some(Either::Parts { city, code }) => Some(Plate {
            city,
            code: code.unwrap_or_default(),
        }),
        Some(Either::Text(text)) => Plate::parse(&text),
        None => None,
    })
}

/// The registration document (ruhsat) serial.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DocumentSerial {
    /// Two letters, e.g. `AB`.
    pub code: String,
    /// Six digits, e.g. `123456`.
    pub number: String,
}

impl DocumentSerial {
    /// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
    /// `ab-123456`) into its letters and digits, and checks both.
    pub fn parse(serial: &str) -> crate::Result<Self> {
        let serial = serial.trim();
        let split = serial
            .char_indices()
            .find(|(_, c)| c.is_ascii_digit())
            .map_or(serial.len(), |(index, _)| index);
        let (code, number) = serial.split_at(split);
        let code = code.trim_end_matches([' ', '-']).to_ascii_uppercase();
        validate::document_serial(&code, number)?;
        Ok(DocumentSerial {
            code,
            number: number.to_owned(),
        })
    }
}

/// A vehicle of a customer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Vehicle {
    /// The vehicle's id.
    pub id: VehicleId,
    /// Its owner.
    pub customer_id: CustomerId,
    /// False for vehicles registered without a plate yet.
    #[serde(default = "default_true")]
    pub has_plate: bool,
    /// The plate.
    #[serde(default, deserialize_with = "plate_from_either")]
    pub plate: Option<Plate>,
    /// Model year.
    pub model_year: Option<u32>,
    /// Brand.
    pub brand: Option<Reference>,
    /// Model.
    pub model: Option<Reference>,
    /// Usage.
    pub utilization_style: Option<VehicleUtilizationStyle>,
    /// Fuel.
    pub fuel: Option<VehicleFuel>,
    /// Engine number.
    pub engine_number: Option<String>,
    /// Chassis number.
    pub chassis_number: Option<String>,
    /// Registration date, `YYYY-MM-DD`.
    pub registration_date: Option<String>,
    /// Number of seats.
    pub seat_number: Option<u32>,
    /// Registration document serial.
    pub document_serial: Option<DocumentSerial>,
}

fn default_true() -> bool {
    true
}

/// What the vehicle registry (tramer) knows about a plate
/// (`POST /api/customers/{id}/vehicles/external-lookup`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct VehicleLookup {
    /// The plate looked up.
    #[serde(default, deserialize_with = "plate_from_either")]
    pub plate: Option<Plate>,
    /// Model year.
    pub model_year: Option<u32>,
    /// Brand code to send when creating the vehicle.
    pub brand_reference: Option<String>,
    /// Model code to send when creating the vehicle.
    pub model_type_reference: Option<String>,
    /// Brand.
    pub brand: Option<Reference>,
    /// Model.
    pub model: Option<Reference>,
    /// Fuel.
    pub fuel: Option<VehicleFuel>,
    /// Usage.
    pub utilization_style: Option<VehicleUtilizationStyle>,
    /// Engine number.
    pub engine: Option<String>,
    /// Chassis number.
    pub chassis: Option<String>,
    /// Registration date.
    pub registration_date: Option<String>,
    /// Number of seats.
    pub seat_number: Option<u32>,
}

/// The make, model and year an insurers' vehicle code names
/// (`POST /api/insurance-services/query-vehicle-by-brand-code`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct VehicleModel {
    /// The brand; its `value` is the `brand_reference` of a new vehicle.
    pub brand: Option<Reference>,
    /// The model type; its `value` is the `model_type_reference` of a new vehicle.
    #[serde(rename = "type", alias = "modelType")]
    pub model_type: Option<Reference>,
    /// Model year.
    pub year: Option<u32>,
}

/// A vehicle to add to a customer. Only the plate is required: missing model details are
/// filled from the vehicle registry (tramer) before the vehicle is created.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewVehicle {
    /// Plate, e.g. `34ABC123`.
    pub plate: String,
    /// Registration document serial letters, e.g. `AB`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub document_serial_code: Option<String>,
    /// Registration document serial number, e.g. `123456`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub document_serial_number: Option<String>,
    /// Model year.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub model_year: Option<u32>,
    /// Brand code (from `reference().vehicle_brands()` or a lookup).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub brand_reference: Option<String>,
    /// Model code (from `reference().vehicle_models(...)` or a lookup).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub model_type_reference: Option<String>,
    /// Usage; private car when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub utilization_style: Option<VehicleUtilizationStyle>,
    /// Fuel.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub fuel: Option<VehicleFuel>,
    /// Engine number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub engine_number: Option<String>,
    /// Chassis number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub chassis_number: Option<String>,
    /// Registration date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub registration_date: Option<String>,
    /// Number of seats.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub seat_number: Option<u32>,
}

impl NewVehicle {
    /// A vehicle with this plate.
    pub fn new(plate: impl Into<String>) -> Self {
        NewVehicle {
            plate: plate.into(),
            ..NewVehicle::default()
        }
    }

    /// Sets the registration document serial (`AB`, `123456`).
    pub fn with_document_serial(
        mut self,
        code: impl Into<String>,
        number: impl Into<String>,
    ) -> Self {
        self.document_serial_code = Some(code.into());
        self.document_serial_number = Some(number.into());
        self
    }

    /// Sets brand, model and year explicitly instead of taking them from the registry.
    pub fn with_model(
        mut self,
        brand_reference: impl Into<String>,
        model_type_reference: impl Into<String>,
        model_year: u32,
    ) -> Self {
        self.brand_reference = Some(brand_reference.into());
        self.model_type_reference = Some(model_type_reference.into());
        self.model_year = Some(model_year);
        self
    }

    /// Sets how the vehicle is used.
    pub fn with_utilization_style(mut self, style: VehicleUtilizationStyle) -> Self {
        self.utilization_style = Some(style);
        self
    }

    /// True when brand, model or year are missing and a registry lookup should fill them.
    pub(crate) fn needs_lookup(&self) -> bool {
        self.brand_reference.is_none()
            || self.model_type_reference.is_none()
            || self.model_year.is_none()
    }

    /// Fills the fields the caller left empty from a registry lookup.
    pub(crate) fn fill_from(&mut self, lookup: &VehicleLookup) {
        fn fill<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
            if slot.is_none() {
                slot.clone_from(value);
            }
        }
        fill(&mut self.model_year, &lookup.model_year);
        fill(&mut self.brand_reference, &lookup.brand_reference);
        fill(&mut self.model_type_reference, &lookup.model_type_reference);
        fill(&mut self.utilization_style, &lookup.utilization_style);
        fill(&mut self.fuel, &lookup.fuel);
        fill(&mut self.engine_number, &lookup.engine);
        fill(&mut self.chassis_number, &lookup.chassis);
        fill(&mut self.registration_date, &lookup.registration_date);
        fill(&mut self.seat_number, &lookup.seat_number);
    }

    /// Checks the plate and the document serial; returns the parsed plate and serial.
    pub(crate) fn validate(&self) -> Result<(Plate, Option<DocumentSerial>)> {
        let plate = validate::plate("plate", &self.plate).map(|parts| Plate {
            city: u32::from(parts.city),
            code: parts.code,
        })?;
        let serial = match (&self.document_serial_code, &self.document_serial_number) {
            (None, None) => None,
            (code, number) => {
                let code = code.as_deref().unwrap_or("").to_ascii_uppercase();
                let number = number.as_deref().unwrap_or("").to_owned();
                validate::document_serial(&code, &number)?;
                Some(DocumentSerial { code, number })
            }
        };
        if let Some(year) = self.model_year {
            let next_year = crate::validate::current_month().0 + 1;
            if !(1950..=next_year).contains(&(year as i32)) {
                return Err(crate::Error::validation(
                    "model_year",
                    format!("must be a year between 1950 and {next_year}"),
                ));
            }
        }
        if let Some(date) = &self.registration_date {
            validate::past_date("registration_date", date)?;
        }
        Ok((plate, serial))
    }

    pub(crate) fn to_body(&self, customer_id: &CustomerId) -> Result<VehicleBody> {
        let (plate, document_serial) = self.validate()?;
        Ok(VehicleBody {
            customer_id: customer_id.clone(),
            plate,
            model_year: self.model_year,
            brand_reference: self.brand_reference.clone(),
            model_type_reference: self.model_type_reference.clone(),
            utilization_style: self
                .utilization_style
                .clone()
                .unwrap_or(VehicleUtilizationStyle::PrivateCar),
            fuel: self.fuel.clone(),
            engine: self.engine_number.clone(),
            chassis: self.chassis_number.clone(),
            document_serial,
            registration_date: self.registration_date.clone(),
            seat_number: self.seat_number,
        })
    }
}

impl VehicleBody {
    /// The same request in the kasko guide's older flat shape: `plate: "34ABC123"`, `year`,
    /// `brandCode`/`modelCode` (the references the brand and model lists give), and the document
    /// serial as two members.
    pub(crate) fn older(&self) -> serde_json::Value {
        let mut body = serde_json::Map::new();
        let mut put = |key: &str, value: serde_json::Value| {
            if !value.is_null() {
                body.insert(key.to_owned(), value);
            }
        };
        put(
            "plate",
            serde_json::json!(format!("{:02}{}", self.plate.city, self.plate.code)),
        );
        put("year", serde_json::json!(self.model_year));
        put("brandCode", serde_json::json!(self.brand_reference));
        put("modelCode", serde_json::json!(self.model_type_reference));
        put(
            "utilizationStyle",
            serde_json::json!(self.utilization_style),
        );
        put("fuel", serde_json::json!(self.fuel));
        put("engine", serde_json::json!(self.engine));
        put("chassis", serde_json::json!(self.chassis));
        if let Some(serial) = &self.document_serial {
            put("documentSerialCode", serde_json::json!(serial.code));
            put("documentSerialNumber", serde_json::json!(serial.number));
        }
        put(
            "registrationDate",
            serde_json::json!(self.registration_date),
        );
        put("seatNumber", serde_json::json!(self.seat_number));
        serde_json::Value::Object(body)
    }
}

/// The body of `POST /api/customers/{id}/vehicles` (the current API's shape).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct VehicleBody {
    pub customer_id: CustomerId,
    pub plate: Plate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_year: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_type_reference: Option<String>,
    pub utilization_style: VehicleUtilizationStyle,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fuel: Option<VehicleFuel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chassis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_serial: Option<DocumentSerial>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat_number: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_serial_is_read_as_people_write_it() {
        for written in ["AB123456", "ab 123456", "AB-123456", " AB123456 "] {
            let serial = DocumentSerial::parse(written).expect(written);
            assert_eq!(
                (serial.code.as_str(), serial.number.as_str()),
                ("AB", "123456")
            );
        }
        assert_eq!(
            DocumentSerial::parse("AB").expect_err("no digits").field(),
            Some("document_serial_number")
        );
        assert_eq!(
            DocumentSerial::parse("123456")
                .expect_err("no letters")
                .field(),
            Some("document_serial_code")
        );
    }

    #[test]
    fn a_plate_is_read_from_either_wire_shape() {
        let object: Vehicle = serde_json::from_value(serde_json::json!({
            "id": "v", "customerId": "c", "plate": {"city": 34, "code": "ABC123"}
        }))
        .expect("object plate");
        let text: Vehicle = serde_json::from_value(serde_json::json!({
            "id": "v", "customerId": "c", "plate": "34 ABC 123"
        }))
        .expect("text plate");
        assert_eq!(object.plate, text.plate);
        assert_eq!(
            object.plate.map(|p| p.to_string()).as_deref(),
            Some("34ABC123")
        );
    }

    #[test]
    fn lookup_fills_only_what_the_caller_left_empty() {
        let mut vehicle = NewVehicle::new("34ABC123");
        vehicle.model_year = Some(2020);
        vehicle.fill_from(&VehicleLookup {
            plate: None,
            model_year: Some(2021),
            brand_reference: Some("TOYOTA".into()),
            model_type_reference: Some("COROLLA".into()),
            brand: None,
            model: None,
            fuel: Some(VehicleFuel::Gasoline),
            utilization_style: None,
            engine: None,
            chassis: None,
            registration_date: None,
            seat_number: Some(5),
        });
        assert_eq!(vehicle.model_year, Some(2020));
        assert_eq!(vehicle.brand_reference.as_deref(), Some("TOYOTA"));
        assert_eq!(vehicle.seat_number, Some(5));
        assert!(!vehicle.needs_lookup());
    }
}
