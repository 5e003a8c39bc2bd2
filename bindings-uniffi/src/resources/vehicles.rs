use insurup::{CustomerId, DocumentSerial, NewVehicle, Vehicle, VehicleId, VehicleLookup};

use crate::error::Result;

/// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
/// `ab-123456`) into its letters and digits, and checks both.
#[uniffi::export]
pub fn parse_document_serial(serial: String) -> Result<DocumentSerial> {
    Ok(DocumentSerial::parse(&serial)?)
}

/// Vehicles of customers (`/api/customers/{id}/vehicles`).
#[derive(Debug, uniffi::Object)]
pub struct Vehicles(pub(crate) insurup::Vehicles);

#[uniffi::export(async_runtime = "tokio")]
impl Vehicles {
    /// Adds a vehicle to a customer and returns it. Brand, model and year left empty are filled
    /// from the vehicle registry (tramer) first.
    pub async fn create(&self, customer_id: CustomerId, vehicle: NewVehicle) -> Result<Vehicle> {
        Ok(self.0.create(&customer_id, vehicle).await?)
    }

    /// The customer's vehicle with `vehicle`'s plate, created first (with the registry lookup
    /// of `create`) if the customer has none: quoting the same vehicle again never adds it twice.
    pub async fn ensure(&self, customer_id: CustomerId, vehicle: NewVehicle) -> Result<Vehicle> {
        Ok(self.0.ensure(&customer_id, vehicle).await?)
    }

    /// A vehicle of a customer.
    pub async fn get(&self, customer_id: CustomerId, vehicle_id: VehicleId) -> Result<Vehicle> {
        Ok(self.0.get(&customer_id, &vehicle_id).await?)
    }

    /// Every vehicle of a customer.
    pub async fn list(&self, customer_id: CustomerId) -> Result<Vec<Vehicle>> {
        Ok(self.0.list(&customer_id).await?)
    }

    /// Deletes a vehicle.
    pub async fn delete(&self, customer_id: CustomerId, vehicle_id: VehicleId) -> Result<()> {
        Ok(self.0.delete(&customer_id, &vehicle_id).await?)
    }

    /// What the vehicle registry (tramer) knows about a plate: brand, model, year, fuel, …
    #[uniffi::method(default(document_serial_code = None, document_serial_number = None))]
    pub async fn lookup(
        &self, customer_id: CustomerId, plate: String, document_serial_code: Option<String>,
        document_serial_number: Option<String>,
    ) -> Result<VehicleLookup> {
        let (code, number) = (document_serial_code.as_deref(), document_serial_number.as_deref());
        Ok(self.0.lookup(&customer_id, &plate, code, number).await?)
    }
}
