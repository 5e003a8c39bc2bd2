use insurup::{
    CustomerId, DaskPropertyLookup, NewProperty, NewVehicle, Property, PropertyId, Vehicle,
    VehicleId, VehicleModel,
};

use super::{Properties, Vehicles};
use crate::error::Result;

/// Changing vehicles, and brand-code queries.
#[uniffi::export(async_runtime = "tokio")]
impl Vehicles {
    /// Replaces a vehicle's details and returns it.
    pub async fn update(
        &self, customer_id: CustomerId, vehicle_id: VehicleId, vehicle: NewVehicle,
    ) -> Result<Vehicle> {
        Ok(self.0.update(&customer_id, &vehicle_id, vehicle).await?)
    }

    /// The vehicle model a brand code (kasko code) names.
    pub async fn model_by_brand_code(&self, brand_code: String) -> Result<VehicleModel> {
        Ok(self.0.model_by_brand_code(&brand_code).await?)
    }
}

/// Changing and removing properties, and the DASK old-policy lookup.
#[uniffi::export(async_runtime = "tokio")]
impl Properties {
    /// Replaces a property's details and returns it.
    pub async fn update(
        &self, customer_id: CustomerId, property_id: PropertyId, property: NewProperty,
    ) -> Result<Property> {
        Ok(self.0.update(&customer_id, &property_id, property).await?)
    }

    /// Removes a property of a customer.
    pub async fn delete(&self, customer_id: CustomerId, property_id: PropertyId) -> Result<()> {
        Ok(self.0.delete(&customer_id, &property_id).await?)
    }

    /// What a previous DASK policy says about the property it insured.
    pub async fn lookup_dask_policy(&self, dask_policy_number: i64) -> Result<DaskPropertyLookup> {
        Ok(self.0.lookup_dask_policy(dask_policy_number).await?)
    }
}
