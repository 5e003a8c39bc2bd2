#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(
    vehicles,
    resource!(AsyncVehicles {
        /// Adds a vehicle to a customer and returns it. Brand, model and year left out are
        /// filled from the vehicle registry (tramer).
        fn create(customer_id: CustomerId; plate: String,
            document_serial_code: Option<String> = None,
            document_serial_number: Option<String> = None, model_year: Option<u32> = None,
            brand_reference: Option<String> = None, model_type_reference: Option<String> = None,
            utilization_style: Option<VehicleUtilizationStyle> = None,
            fuel: Option<VehicleFuel> = None, engine_number: Option<String> = None,
            chassis_number: Option<String> = None, registration_date: Option<String> = None,
            seat_number: Option<u32> = None) -> Vehicle
            = |client, vehicle: NewVehicle| client.vehicles().create(&customer_id, vehicle);

        /// The customer's vehicle with this plate, added first (as `create` does) if the
        /// customer has none: quoting the same vehicle again never adds it twice.
        fn ensure(customer_id: CustomerId; plate: String,
            document_serial_code: Option<String> = None,
            document_serial_number: Option<String> = None, model_year: Option<u32> = None,
            brand_reference: Option<String> = None, model_type_reference: Option<String> = None,
            utilization_style: Option<VehicleUtilizationStyle> = None,
            fuel: Option<VehicleFuel> = None, engine_number: Option<String> = None,
            chassis_number: Option<String> = None, registration_date: Option<String> = None,
            seat_number: Option<u32> = None) -> Vehicle
            = |client, vehicle: NewVehicle| client.vehicles().ensure(&customer_id, vehicle);

        /// Replaces a vehicle's details and returns it.
        fn update(customer_id: CustomerId, vehicle_id: VehicleId; plate: String,
            document_serial_code: Option<String> = None,
            document_serial_number: Option<String> = None, model_year: Option<u32> = None,
            brand_reference: Option<String> = None, model_type_reference: Option<String> = None,
            utilization_style: Option<VehicleUtilizationStyle> = None,
            fuel: Option<VehicleFuel> = None, engine_number: Option<String> = None,
            chassis_number: Option<String> = None, registration_date: Option<String> = None,
            seat_number: Option<u32> = None) -> Vehicle
            = |client, vehicle: NewVehicle|
                client.vehicles().update(&customer_id, &vehicle_id, vehicle);
    })
);
