use napi::Result;
use napi_derive::napi;

use insurup::{CustomerId, NewVehicle, Vehicle, VehicleId, VehicleLookup};

/// Vehicles of customers (`/api/customers/{id}/vehicles`).
#[derive(Debug)]
#[napi]
pub struct Vehicles(pub(crate) insurup::Vehicles);

#[napi]
impl Vehicles {
    /// Adds a vehicle to a customer and returns it. Brand, model and year left empty are filled
    /// from the vehicle registry (tramer) first.
    #[napi]
    pub async fn create(&self, customer_id: CustomerId, vehicle: NewVehicle) -> Result<Vehicle> {
        Ok(self.0.create(&customer_id, vehicle).await?)
    }

    /// A vehicle of a customer.
    #[napi]
    pub async fn get(&self, customer_id: CustomerId, vehicle_id: VehicleId) -> Result<Vehicle> {
        Ok(self.0.get(&customer_id, &vehicle_id).await?)
    }

    /// Every vehicle of a customer.
    #[napi]
    pub async fn list(&self, customer_id: CustomerId) -> Result<Vec<Vehicle>> {
        Ok(self.0.list(&customer_id).await?)
    }

    /// Deletes a vehicle.
    #[napi]
    pub async fn delete(&self, customer_id: CustomerId, vehicle_id: VehicleId) -> Result<()> {
        Ok(self.0.delete(&customer_id, &vehicle_id).await?)
    }

    /// What the vehicle registry (tramer) knows about a plate: brand, model, year, fuel, …
    #[napi]
    pub async fn lookup(
        &self,
        customer_id: CustomerId,
        plate: String,
        document_serial_code: Option<String>,
        document_serial_number: Option<String>,
    ) -> Result<VehicleLookup> {
        Ok(self
            .0
            .lookup(
                &customer_id,
                &plate,
                document_serial_code.as_deref(),
                document_serial_number.as_deref(),
            )
            .await?)
    }
}
