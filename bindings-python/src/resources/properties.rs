#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(
    properties,
    resource!(AsyncProperties {
        /// Adds a property to a customer and returns it.
        fn create(customer_id: CustomerId; property_number: i64, square_meter: u32,
            construction_year: u32, utilization_style: Option<PropertyUtilizationStyle> = None,
            ownership_type: Option<PropertyOwnershipType> = None, floor: Option<i32> = None)
            -> Property
            = |client, property: NewProperty| client.properties().create(&customer_id, property);

        /// Replaces a property's details and returns it.
        fn update(customer_id: CustomerId, property_id: PropertyId; property_number: i64,
            square_meter: u32, construction_year: u32,
            utilization_style: Option<PropertyUtilizationStyle> = None,
            ownership_type: Option<PropertyOwnershipType> = None, floor: Option<i32> = None)
            -> Property = |client, property: NewProperty|
                client.properties().update(&customer_id, &property_id, property);
    })
);
