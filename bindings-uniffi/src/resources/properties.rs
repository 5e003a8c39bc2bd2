use insurup::{CustomerId, NewProperty, Property, PropertyId};

use crate::error::Result;

/// Properties of customers (`/api/customers/{id}/properties`), for DASK and konut.
#[derive(Debug, uniffi::Object)]
pub struct Properties(pub(crate) insurup::Properties);

#[uniffi::export(async_runtime = "tokio")]
impl Properties {
    /// Adds a property to a customer and returns it.
    pub async fn create(&self, customer_id: CustomerId, property: NewProperty) -> Result<Property> {
        Ok(self.0.create(&customer_id, property).await?)
    }

    /// A property of a customer.
    pub async fn get(&self, customer_id: CustomerId, property_id: PropertyId) -> Result<Property> {
        Ok(self.0.get(&customer_id, &property_id).await?)
    }

    /// Every property of a customer.
    pub async fn list(&self, customer_id: CustomerId) -> Result<Vec<Property>> {
        Ok(self.0.list(&customer_id).await?)
    }
}
