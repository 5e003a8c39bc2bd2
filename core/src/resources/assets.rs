//! Changing and removing vehicles and properties, and the registry lookups that fill their forms:
//! a vehicle model by the insurers' code, a dwelling by its earlier DASK policy.

use crate::error::{Error, Result};
use crate::model::{
    CustomerId, DaskPropertyLookup, NewProperty, NewVehicle, Property, PropertyId, Vehicle,
    VehicleId, VehicleModel,
};
use crate::transport::Request;
use crate::validate;

use super::{Properties, Vehicles};

impl Vehicles {
    /// Replaces a vehicle's details and returns it. Brand, model and year left empty are filled
    /// from the vehicle registry first, as when creating. The body is spelt in the server's
    /// dialect, like [`Vehicles::create`]'s.
    pub async fn update(
        &self,
        customer_id: &CustomerId,
        vehicle_id: &VehicleId,
        vehicle: NewVehicle,
    ) -> Result<Vehicle> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("vehicle_id", vehicle_id.as_str())?;
        let mut vehicle = vehicle;
        let (plate, serial) = vehicle.validate()?;
        if vehicle.needs_lookup() {
            let found = self
                .lookup(
                    customer_id,
                    &plate.to_string(),
                    serial.as_ref().map(|s| s.code.as_str()),
                    serial.as_ref().map(|s| s.number.as_str()),
                )
                .await?;
            vehicle.fill_from(&found);
        }
        let body = vehicle.to_body(customer_id)?;
        self.client
            .send_spelt(|dialect| {
                let request = Request::put(
                    "/api/customers/{customerId}/vehicles/{vehicleId}",
                    format!("/api/customers/{customer_id}/vehicles/{vehicle_id}"),
                );
                if dialect.older_rest() {
                    request.json(&body.older())
                } else {
                    let mut current = serde_json::to_value(&body)
                        .map_err(|e| Error::decode("could not encode the vehicle", e))?;
                    if let Some(object) = current.as_object_mut() {
                        object.insert("vehicleId".to_owned(), serde_json::json!(vehicle_id));
                    }
                    request.json(&current)
                }
            })
            .await?;
        self.get(customer_id, vehicle_id).await
    }

    /// The brand, model and year the insurers' vehicle code names (brand and type together,
    /// e.g. `139014`); its references are what a new vehicle's `brand_reference` and
    /// `model_type_reference` take.
    pub async fn model_by_brand_code(&self, brand_code: &str) -> Result<VehicleModel> {
        let code = brand_code.trim();
        if code.is_empty() || code.len() > 12 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::validation(
                "brand_code",
                "must be the insurers' numeric vehicle code, e.g. 139014",
            ));
        }
        let request = Request::post(
            "/api/insurance-services/query-vehicle-by-brand-code",
            "/api/insurance-services/query-vehicle-by-brand-code",
        )
        .idempotent()
        .json(&serde_json::json!({ "brandCode": code }))?;
        let answer: serde_json::Value = self.client.call(request).await?;
        let model = match answer.get("model") {
            Some(model) if model.is_object() => model.clone(),
            _ => answer,
        };
        serde_json::from_value(model)
            .map_err(|e| Error::decode(format!("unexpected vehicle model answer: {e}"), e))
    }
}

impl Properties {
    /// Replaces a property's details and returns it. The UAVT number cannot change: a different
    /// number is a different property.
    pub async fn update(
        &self,
        customer_id: &CustomerId,
        property_id: &PropertyId,
        property: NewProperty,
    ) -> Result<Property> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("property_id", property_id.as_str())?;
        let mut body = serde_json::to_value(property.to_body(customer_id)?)
            .map_err(|e| Error::decode("could not encode the property", e))?;
        if let Some(object) = body.as_object_mut() {
            object.insert("propertyId".to_owned(), serde_json::json!(property_id));
        }
        let request = Request::put(
            "/api/customers/{customerId}/properties/{propertyId}",
            format!("/api/customers/{customer_id}/properties/{property_id}"),
        )
        .json(&body)?;
        self.client.send(request).await?;
        self.get(customer_id, property_id).await
    }

    /// Deletes a property.
    pub async fn delete(&self, customer_id: &CustomerId, property_id: &PropertyId) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("property_id", property_id.as_str())?;
        self.client
            .send(Request::delete(
                "/api/customers/{customerId}/properties/{propertyId}",
                format!("/api/customers/{customer_id}/properties/{property_id}"),
            ))
            .await
            .map(|_| ())
    }

    /// What the DASK register holds about the dwelling an earlier DASK policy insured: its UAVT
    /// number, address, floors and construction, enough to quote the renewal.
    pub async fn lookup_dask_policy(&self, dask_policy_number: i64) -> Result<DaskPropertyLookup> {
        if !(1..=999_999_999_999_999).contains(&dask_policy_number) {
            return Err(Error::validation(
                "dask_policy_number",
                "must be a DASK policy number of at most 15 digits",
            ));
        }
        let request = Request::post(
            "/api/properties/query-property-by-dask-old-policy",
            "/api/properties/query-property-by-dask-old-policy",
        )
        .idempotent()
        .json(&serde_json::json!({ "daskPolicyNumber": dask_policy_number }))?;
        self.client.call(request).await
    }
}
