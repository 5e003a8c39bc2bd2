use crate::client::Client;
use crate::error::Result;
use crate::model::{CustomerId, NewProperty, Property, PropertyId};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Properties of customers (`/api/customers/{id}/properties`), for DASK and konut.
#[derive(Debug, Clone)]
pub struct Properties {
    pub(super) client: Client,
}

impl Properties {
    pub(crate) fn new(client: Client) -> Self {
        Properties { client }
    }

    /// Adds a property to a customer and returns it.
    pub async fn create(
        &self,
        customer_id: &CustomerId,
        property: NewProperty,
    ) -> Result<Property> {
        validate::id("customer_id", customer_id.as_str())?;
        let body = property.to_body(customer_id)?;
        let request = Request::post(
            "/api/customers/{customerId}/properties",
            format!("/api/customers/{customer_id}/properties"),
        )
        .json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(customer_id, &PropertyId::new(created.into_string()))
            .await
    }

    /// A property of a customer.
    pub async fn get(
        &self,
        customer_id: &CustomerId,
        property_id: &PropertyId,
    ) -> Result<Property> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("property_id", property_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{customerId}/properties/{propertyId}",
                format!("/api/customers/{customer_id}/properties/{property_id}"),
            ))
            .await
    }

    /// Every property of a customer.
    pub async fn list(&self, customer_id: &CustomerId) -> Result<Vec<Property>> {
        validate::id("customer_id", customer_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{customerId}/properties",
                format!("/api/customers/{customer_id}/properties"),
            ))
            .await
    }
}
