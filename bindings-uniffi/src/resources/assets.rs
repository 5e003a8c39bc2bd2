use insurup::{
    CustomerId, DaskPropertyLookup, NewProperty, NewVehicle, Property, PropertyId, Vehicle,
    VehicleId, VehicleModel,
};

use super::{properties::Properties, vehicles::Vehicles};

forward! {
    /// Changing vehicles, and brand-code queries.
    impl Vehicles {
        /// Replaces a vehicle's details and returns it.
        update(customer_id: CustomerId, vehicle_id: VehicleId, vehicle: NewVehicle) -> Vehicle = update(&customer_id, &vehicle_id, vehicle);
        /// The vehicle model a brand code (kasko code) names.
        model_by_brand_code(brand_code: String) -> VehicleModel = model_by_brand_code(&brand_code);
    }
}

forward! {
    /// Changing and removing properties, and the DASK old-policy lookup.
    impl Properties {
        /// Replaces a property's details and returns it.
        update(customer_id: CustomerId, property_id: PropertyId, property: NewProperty) -> Property = update(&customer_id, &property_id, property);
        /// Removes a property of a customer.
        delete(customer_id: CustomerId, property_id: PropertyId) -> () = delete(&customer_id, &property_id);
        /// What a previous DASK policy says about the property it insured.
        lookup_dask_policy(dask_policy_number: i64) -> DaskPropertyLookup = lookup_dask_policy(dask_policy_number);
    }
}
