use crate::client::Client;
use crate::error::{ErrorKind, Result};
use crate::model::{
    Customer, CustomerId, CustomerLookup, NewCompanyCustomer, NewCustomer, NewForeignCustomer,
    NewIndividualCustomer,
};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Customers (`/api/customers`).
#[derive(Debug, Clone)]
pub struct Customers {
    pub(super) client: Client,
}

impl Customers {
    pub(crate) fn new(client: Client) -> Self {
        Customers { client }
    }

    /// Creates a customer and returns it. Identity and tax numbers, e-mail, phone and birth date
    /// are checked before anything is sent. Never retried once sent: a customer is never created
    /// twice (see [`Customers::ensure`] for a create that is safe to repeat).
    pub async fn create(&self, customer: impl Into<NewCustomer>) -> Result<Customer> {
        let customer = customer.into();
        let mut body = customer.to_body()?;
        body.agent_id = self.client.agent_id().cloned();
        body.agent_branch_id = customer
            .agent_branch_id()
            .or(self.client.agent_branch_id())
            .cloned();
        let request = Request::post("/api/customers", "/api/customers").json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&CustomerId::new(created.into_string())).await
    }

    /// Creates an individual (TCKN) customer.
    pub async fn create_individual(&self, customer: NewIndividualCustomer) -> Result<Customer> {
        self.create(customer).await
    }

    /// Creates a company (VKN) customer.
    pub async fn create_company(&self, customer: NewCompanyCustomer) -> Result<Customer> {
        self.create(customer).await
    }

    /// Creates a foreign customer.
    pub async fn create_foreign(&self, customer: NewForeignCustomer) -> Result<Customer> {
        self.create(customer).await
    }

    /// Returns the agency's customer with this identity or tax number, creating it first if
    /// there is none. Safe to call again after any failure.
    pub async fn ensure(&self, customer: impl Into<NewCustomer>) -> Result<Customer> {
        let customer = customer.into();
        customer.to_body()?;
        match self.create(customer.clone()).await {
            Err(error) if error.kind() == ErrorKind::Conflict => {
                let existing = error
                    .problem()
                    .and_then(|problem| problem.template_args.as_ref())
                    .and_then(|args| args.get("customerId"))
                    .and_then(|id| id.as_str())
                    .map(CustomerId::new)
                    .unwrap_or_else(|| CustomerId::new(customer.identity_key()));
                self.get(&existing).await
            }
            other => other,
        }
    }

    /// A customer by id, or by TCKN/VKN.
    pub async fn get(&self, id: &CustomerId) -> Result<Customer> {
        validate::id("customer_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{id}",
                format!("/api/customers/{id}"),
            ))
            .await
    }

    /// Replaces a customer's details.
    pub async fn update(&self, id: &CustomerId, customer: impl Into<NewCustomer>) -> Result<()> {
        validate::id("customer_id", id.as_str())?;
        let customer = customer.into();
        let mut body = serde_json::to_value(customer.to_body()?)
            .map_err(|error| crate::Error::decode("could not encode the customer", error))?;
        if let Some(object) = body.as_object_mut() {
            object.insert("id".to_owned(), serde_json::Value::String(id.to_string()));
        }
        let request =
            Request::put("/api/customers/{id}", format!("/api/customers/{id}")).json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Deletes a customer.
    pub async fn delete(&self, id: &CustomerId) -> Result<()> {
        validate::id("customer_id", id.as_str())?;
        self.client
            .send(Request::delete(
                "/api/customers/{id}",
                format!("/api/customers/{id}"),
            ))
            .await
            .map(|_| ())
    }

    /// What the population registry knows about an individual (name, birth date, address).
    pub async fn lookup_individual(
        &self,
        identity_number: &str,
        birth_date: Option<&str>,
    ) -> Result<CustomerLookup> {
        validate::tckn("identity_number", identity_number)?;
        if let Some(date) = birth_date {
            validate::past_date("birth_date", date)?;
        }
        let body =
            serde_json::json!({ "identityNumber": identity_number, "birthDate": birth_date });
        let request = Request::post(
            "/api/customers/external-lookup",
            "/api/customers/external-lookup",
        )
        .idempotent()
        .json(&body)?;
        self.client.call(request).await
    }
}
