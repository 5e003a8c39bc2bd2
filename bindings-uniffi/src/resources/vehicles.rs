use insurup::{CustomerId, DocumentSerial, NewVehicle, Vehicle, VehicleId, VehicleLookup};

use crate::error::Result;

/// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
/// `ab-123456`) into its letters and digits, and checks both.
#[uniffi::export]
pub fn parse_document_serial(serial: String) -> Result<DocumentSerial> {
    Ok(DocumentSerial::parse(&serial)?)
}

forward! {
    /// Vehicles of customers (`/api/customers/{id}/vehicles`).
    Vehicles(insurup::Vehicles) {
        /// Adds a vehicle to a customer and returns it. Brand, model and year left empty are filled
        /// from the vehicle registry (tramer) first.
        create(customer_id: CustomerId, vehicle: NewVehicle) -> Vehicle = create(&customer_id, vehicle);
        /// The customer's vehicle with `vehicle`'s plate, created first (with the registry lookup
        /// of `create`) if the customer has none: quoting the same vehicle again never adds it twice.
        ensure(customer_id: CustomerId, vehicle: NewVehicle) -> Vehicle = ensure(&customer_id, vehicle);
        /// A vehicle of a customer.
        get(customer_id: CustomerId, vehicle_id: VehicleId) -> Vehicle = get(&customer_id, &vehicle_id);
        /// Every vehicle of a customer.
        list(customer_id: CustomerId) -> Vec<Vehicle> = list(&customer_id);
        /// Deletes a vehicle.
        delete(customer_id: CustomerId, vehicle_id: VehicleId) -> () = delete(&customer_id, &vehicle_id);
        /// What the vehicle registry (tramer) knows about a plate: brand, model, year, fuel, …
        #[uniffi::method(default(document_serial_code = None, document_serial_number = None))]
        lookup(customer_id: CustomerId, plate: String, document_serial_code: Option<String>, document_serial_number: Option<String>) -> VehicleLookup = lookup(&customer_id, &plate, document_serial_code.as_deref(), document_serial_number.as_deref());
    }
}
