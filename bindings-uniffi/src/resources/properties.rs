use insurup::{CustomerId, NewProperty, Property, PropertyId};

forward! {
    /// Properties of customers (`/api/customers/{id}/properties`), for DASK and konut.
    Properties(insurup::Properties) {
        /// Adds a property to a customer and returns it.
        create(customer_id: CustomerId, property: NewProperty) -> Property = create(&customer_id, property);
        /// A property of a customer.
        get(customer_id: CustomerId, property_id: PropertyId) -> Property = get(&customer_id, &property_id);
        /// Every property of a customer.
        list(customer_id: CustomerId) -> Vec<Property> = list(&customer_id);
    }
}
