use insurup::{
    CustomerId, NewVehicle, Vehicle, VehicleFuel, VehicleId, VehicleLookup, VehicleModel,
    VehicleUtilizationStyle,
};

use super::resource;

resource! {
    /// Vehicles of customers.
    Vehicles, AsyncVehicles {
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

        /// A vehicle of a customer.
        fn get(customer_id: CustomerId, vehicle_id: VehicleId) -> Vehicle =
            |client| client.vehicles().get(&customer_id, &vehicle_id);

        /// Every vehicle of a customer.
        fn list(customer_id: CustomerId) -> Vec<Vehicle> =
            |client| client.vehicles().list(&customer_id);

        /// Deletes a vehicle.
        fn delete(customer_id: CustomerId, vehicle_id: VehicleId) -> () =
            |client| client.vehicles().delete(&customer_id, &vehicle_id);

        /// What the vehicle registry (tramer) knows about a plate.
        fn lookup(customer_id: CustomerId; plate: String,
            document_serial_code: Option<String> = None,
            document_serial_number: Option<String> = None) -> VehicleLookup
            = |client| client.vehicles().lookup(&customer_id, &plate,
                document_serial_code.as_deref(), document_serial_number.as_deref());

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

        /// The vehicle model a brand code (kasko code) names.
        fn model_by_brand_code(brand_code: String) -> VehicleModel =
            |client| client.vehicles().model_by_brand_code(&brand_code);
    }
}
