use insurup::{
    CustomerId, NewVehicle, Vehicle, VehicleFuel, VehicleId, VehicleLookup, VehicleUtilizationStyle,
};

use super::resource;

resource! {
    /// Vehicles of customers.
    Vehicles, AsyncVehicles {
        /// Adds a vehicle to a customer and returns it. Brand, model and year left out are
        /// filled from the vehicle registry (tramer).
        #[pyo3(signature = (
            customer_id, *, plate, document_serial_code = None, document_serial_number = None,
            model_year = None, brand_reference = None, model_type_reference = None,
            utilization_style = None, fuel = None, engine_number = None, chassis_number = None,
            registration_date = None, seat_number = None,
        ))]
        fn create(
            customer_id: CustomerId,
            plate: String,
            document_serial_code: Option<String>,
            document_serial_number: Option<String>,
            model_year: Option<u32>,
            brand_reference: Option<String>,
            model_type_reference: Option<String>,
            utilization_style: Option<VehicleUtilizationStyle>,
            fuel: Option<VehicleFuel>,
            engine_number: Option<String>,
            chassis_number: Option<String>,
            registration_date: Option<String>,
            seat_number: Option<u32>,
        ) -> Vehicle = |client| client.vehicles().create(&customer_id, NewVehicle {
            plate, document_serial_code, document_serial_number, model_year, brand_reference,
            model_type_reference, utilization_style, fuel, engine_number, chassis_number,
            registration_date, seat_number,
        });

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
        #[pyo3(signature = (
            customer_id, *, plate, document_serial_code = None, document_serial_number = None,
        ))]
        fn lookup(
            customer_id: CustomerId,
            plate: String,
            document_serial_code: Option<String>,
            document_serial_number: Option<String>,
        ) -> VehicleLookup = |client| client.vehicles().lookup(
            &customer_id,
            &plate,
            document_serial_code.as_deref(),
            document_serial_number.as_deref(),
        );
    }
}
