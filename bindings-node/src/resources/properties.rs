use napi::Result;
use napi_derive::napi;

use insurup::{CustomerId, NewProperty, Property, PropertyId};

/// Properties of customers (`/api/customers/{id}/properties`), for DASK and konut.
#[derive(Debug)]
#[napi]
pub struct Properties(pub(crate) insurup::Properties);

#[napi]
impl Properties {
    /// Adds a property to a customer and returns it.
    #[napi]
    pub async fn create(&self, customer_id: CustomerId, property: NewProperty) -> Result<Property> {
        Ok(self.0.create(&customer_id, property).await?)
    }

    /// A property of a customer.
    #[napi]
    pub async fn get(&self, customer_id: CustomerId, property_id: PropertyId) -> Result<Property> {
        Ok(self.0.get(&customer_id, &property_id).await?)
    }

    /// Every property of a customer.
    #[napi]
    pub async fn list(&self, customer_id: CustomerId) -> Result<Vec<Property>> {
        Ok(self.0.list(&customer_id).await?)
    }
}
