use insurup::{
    CustomerId, NewProperty, Property, PropertyId, PropertyOwnershipType, PropertyUtilizationStyle,
};

use super::resource;

resource! {
    /// Properties (homes, workplaces) of customers, for DASK and konut.
    Properties, AsyncProperties {
        /// Adds a property to a customer and returns it.
        #[pyo3(signature = (
            customer_id, *, property_number, square_meter, construction_year,
            utilization_style = None, ownership_type = None, floor = None,
        ))]
        fn create(
            customer_id: CustomerId,
            property_number: i64,
            square_meter: u32,
            construction_year: u32,
            utilization_style: Option<PropertyUtilizationStyle>,
            ownership_type: Option<PropertyOwnershipType>,
            floor: Option<i32>,
        ) -> Property = |client| client.properties().create(&customer_id, NewProperty {
            property_number, square_meter, construction_year, utilization_style,
            ownership_type, floor,
        });

        /// A property of a customer.
        fn get(customer_id: CustomerId, property_id: PropertyId) -> Property =
            |client| client.properties().get(&customer_id, &property_id);

        /// Every property of a customer.
        fn list(customer_id: CustomerId) -> Vec<Property> =
            |client| client.properties().list(&customer_id);
    }
}
