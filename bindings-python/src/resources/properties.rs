use insurup::{
    CustomerId, DaskPropertyLookup, NewProperty, Property, PropertyId, PropertyOwnershipType,
    PropertyUtilizationStyle,
};

use super::resource;

resource! {
    /// Properties (homes, workplaces) of customers, for DASK and konut.
    Properties, AsyncProperties {
        /// Adds a property to a customer and returns it.
        fn create(customer_id: CustomerId; property_number: i64, square_meter: u32,
            construction_year: u32, utilization_style: Option<PropertyUtilizationStyle> = None,
            ownership_type: Option<PropertyOwnershipType> = None, floor: Option<i32> = None)
            -> Property
            = |client, property: NewProperty| client.properties().create(&customer_id, property);

        /// A property of a customer.
        fn get(customer_id: CustomerId, property_id: PropertyId) -> Property =
            |client| client.properties().get(&customer_id, &property_id);

        /// Every property of a customer.
        fn list(customer_id: CustomerId) -> Vec<Property> =
            |client| client.properties().list(&customer_id);

        /// Replaces a property's details and returns it.
        fn update(customer_id: CustomerId, property_id: PropertyId; property_number: i64,
            square_meter: u32, construction_year: u32,
            utilization_style: Option<PropertyUtilizationStyle> = None,
            ownership_type: Option<PropertyOwnershipType> = None, floor: Option<i32> = None)
            -> Property = |client, property: NewProperty|
                client.properties().update(&customer_id, &property_id, property);

        /// Removes a property of a customer.
        fn delete(customer_id: CustomerId, property_id: PropertyId) -> () =
            |client| client.properties().delete(&customer_id, &property_id);

        /// What a previous DASK policy says about the property it insured.
        fn lookup_dask_policy(dask_policy_number: i64) -> DaskPropertyLookup =
            |client| client.properties().lookup_dask_policy(dask_policy_number);
    }
}
