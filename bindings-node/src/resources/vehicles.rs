use napi::Result;
use napi_derive::napi;

use insurup::{CustomerId, DocumentSerial, NewVehicle, Vehicle, VehicleId, VehicleLookup};

/// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
/// `ab-123456`) into its letters and digits, and checks both: `DocumentSerial.parse(text)`.
#[napi(namespace = "DocumentSerial")]
pub fn parse(serial: String) -> Result<DocumentSerial> {
    Ok(DocumentSerial::parse(&serial)?)
}

resource! {
    "Vehicles of customers (`/api/customers/{id}/vehicles`)."
    Vehicles(insurup::Vehicles) {
        "Adds a vehicle to a customer and returns it. Brand, model and year left empty are"
        "filled from the vehicle registry (tramer) first."
        create(customer_id: CustomerId, vehicle: NewVehicle) -> Vehicle = create(&customer_id, vehicle);
        "The customer's vehicle with this plate, created first (with the registry lookup of"
        "`create`) if the customer has none: quoting the same vehicle again never adds it twice."
        ensure(customer_id: CustomerId, vehicle: NewVehicle) -> Vehicle = ensure(&customer_id, vehicle);
        "A vehicle of a customer."
        get(customer_id: CustomerId, vehicle_id: VehicleId) -> Vehicle = get(&customer_id, &vehicle_id);
        "Every vehicle of a customer."
        list(customer_id: CustomerId) -> Vec<Vehicle> = list(&customer_id);
        "Deletes a vehicle."
        delete(customer_id: CustomerId, vehicle_id: VehicleId) -> () = delete(&customer_id, &vehicle_id);
        "What the vehicle registry (tramer) knows about a plate: brand, model, year, fuel, …"
        lookup(
            customer_id: CustomerId,
            plate: String,
            document_serial_code: Option<String>,
            document_serial_number: Option<String>
        ) -> VehicleLookup = lookup(
            &customer_id,
            &plate,
            document_serial_code.as_deref(),
            document_serial_number.as_deref()
        );
    }
}
