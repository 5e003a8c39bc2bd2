use crate::client::Client;
use crate::error::Result;
use crate::model::{
    CustomerId, DocumentSerial, NewVehicle, Plate, Vehicle, VehicleId, VehicleLookup,
};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Vehicles of customers (`/api/customers/{id}/vehicles`).
#[derive(Debug, Clone)]
pub struct Vehicles {
    pub(super) client: Client,
}

impl Vehicles {
    pub(crate) fn new(client: Client) -> Self {
        Vehicles { client }
    }

    /// Adds a vehicle to a customer and returns it. Brand, model and year the caller leaves
    /// empty are filled from the vehicle registry (tramer) first.
    pub async fn create(&self, customer_id: &CustomerId, vehicle: NewVehicle) -> Result<Vehicle> {
        validate::id("customer_id", customer_id.as_str())?;
        let mut vehicle = vehicle;
        let (plate, serial) = vehicle.validate()?;
        if vehicle.needs_lookup() {
            let found = self
                .lookup_plate(customer_id, &plate, serial.as_ref())
                .await?;
            vehicle.fill_from(&found);
        }
        let body = vehicle.to_body(customer_id)?;
        let created: CreatedId = self
            .client
            .send_spelt(|dialect| {
                let request = Request::post(
                    "/api/customers/{customerId}/vehicles",
                    format!("/api/customers/{customer_id}/vehicles"),
                );
                if dialect.older_rest() {
                    request.json(&body.older())
                } else {
                    request.json(&body)
                }
            })
            .await?
            .json()?;
        self.get(customer_id, &VehicleId::new(created.into_string()))
            .await
    }

    /// The customer's vehicle with `vehicle`'s plate, created first (with the registry lookup of
    /// [`Vehicles::create`]) if the customer has none: quoting the same vehicle again never adds
    /// it twice.
    pub async fn ensure(&self, customer_id: &CustomerId, vehicle: NewVehicle) -> Result<Vehicle> {
        validate::id("customer_id", customer_id.as_str())?;
        let (plate, _) = vehicle.validate()?;
        let existing = self
            .list(customer_id)
            .await?
            .into_iter()
            .find(|known| known.plate.as_ref() == Some(&plate));
        match existing {
            Some(vehicle) => Ok(vehicle),
            None => self.create(customer_id, vehicle).await,
        }
    }

    /// A vehicle of a customer.
    pub async fn get(&self, customer_id: &CustomerId, vehicle_id: &VehicleId) -> Result<Vehicle> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("vehicle_id", vehicle_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{customerId}/vehicles/{vehicleId}",
                format!("/api/customers/{customer_id}/vehicles/{vehicle_id}"),
            ))
            .await
    }

    /// Every vehicle of a customer.
    pub async fn list(&self, customer_id: &CustomerId) -> Result<Vec<Vehicle>> {
        validate::id("customer_id", customer_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{customerId}/vehicles",
                format!("/api/customers/{customer_id}/vehicles"),
            ))
            .await
    }

    /// Deletes a vehicle.
    pub async fn delete(&self, customer_id: &CustomerId, vehicle_id: &VehicleId) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("vehicle_id", vehicle_id.as_str())?;
        self.client
            .send(Request::delete(
                "/api/customers/{customerId}/vehicles/{vehicleId}",
                format!("/api/customers/{customer_id}/vehicles/{vehicle_id}"),
            ))
            .await
            .map(|_| ())
    }

    /// What the vehicle registry (tramer) knows about a plate: brand, model, year, fuel, …
    pub async fn lookup(
        &self,
        customer_id: &CustomerId,
        plate: &str,
        document_serial_code: Option<&str>,
        document_serial_number: Option<&str>,
    ) -> Result<VehicleLookup> {
        validate::id("customer_id", customer_id.as_str())?;
        let mut probe = NewVehicle::new(plate);
        probe.document_serial_code = document_serial_code.map(str::to_owned);
        probe.document_serial_number = document_serial_number.map(str::to_owned);
        let (plate, serial) = probe.validate()?;
        self.lookup_plate(customer_id, &plate, serial.as_ref())
            .await
    }

    async fn lookup_plate(
        &self,
        customer_id: &CustomerId,
        plate: &Plate,
        serial: Option<&DocumentSerial>,
    ) -> Result<VehicleLookup> {
        let body = serde_json::json!({
            "customerId": customer_id,
            "plate": plate,
            "documentSerial": serial,
        });
        let request = Request::post(
            "/api/customers/{customerId}/vehicles/external-lookup",
            format!("/api/customers/{customer_id}/vehicles/external-lookup"),
        )
        .idempotent()
        .json(&body)?;
        self.client.call(request).await
    }
}
