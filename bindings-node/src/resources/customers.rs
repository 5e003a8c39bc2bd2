use napi::Result;
use napi_derive::napi;

use insurup::{
    Customer, CustomerId, CustomerLookup, NewCompanyCustomer, NewForeignCustomer,
    NewIndividualCustomer,
};

/// Customers (`/api/customers`).
#[derive(Debug)]
#[napi]
pub struct Customers(pub(crate) insurup::Customers);

#[napi]
impl Customers {
    /// Creates an individual (TCKN) customer and returns it. Identity number, e-mail, phone and
    /// birth date are checked before anything is sent; never sent twice.
    #[napi]
    pub async fn create_individual(&self, customer: NewIndividualCustomer) -> Result<Customer> {
        Ok(self.0.create_individual(customer).await?)
    }

    /// Creates a company (VKN) customer.
    #[napi]
    pub async fn create_company(&self, customer: NewCompanyCustomer) -> Result<Customer> {
        Ok(self.0.create_company(customer).await?)
    }

    /// Creates a foreign customer.
    #[napi]
    pub async fn create_foreign(&self, customer: NewForeignCustomer) -> Result<Customer> {
        Ok(self.0.create_foreign(customer).await?)
    }

    /// The agency's individual customer with this TCKN, created first if there is none. Safe to
    /// call again after any failure.
    #[napi]
    pub async fn ensure_individual(&self, customer: NewIndividualCustomer) -> Result<Customer> {
        Ok(self.0.ensure(customer).await?)
    }

    /// The agency's company customer with this VKN, created first if there is none.
    #[napi]
    pub async fn ensure_company(&self, customer: NewCompanyCustomer) -> Result<Customer> {
        Ok(self.0.ensure(customer).await?)
    }

    /// The agency's foreign customer with this identity number, created first if there is none.
    #[napi]
    pub async fn ensure_foreign(&self, customer: NewForeignCustomer) -> Result<Customer> {
        Ok(self.0.ensure(customer).await?)
    }

    /// A customer by id, or by TCKN/VKN.
    #[napi]
    pub async fn get(&self, id: CustomerId) -> Result<Customer> {
        Ok(self.0.get(&id).await?)
    }

    /// Replaces an individual customer's details.
    #[napi]
    pub async fn update_individual(
        &self,
        id: CustomerId,
        customer: NewIndividualCustomer,
    ) -> Result<()> {
        Ok(self.0.update(&id, customer).await?)
    }

    /// Replaces a company customer's details.
    #[napi]
    pub async fn update_company(&self, id: CustomerId, customer: NewCompanyCustomer) -> Result<()> {
        Ok(self.0.update(&id, customer).await?)
    }

    /// Replaces a foreign customer's details.
    #[napi]
    pub async fn update_foreign(&self, id: CustomerId, customer: NewForeignCustomer) -> Result<()> {
        Ok(self.0.update(&id, customer).await?)
    }

    /// Deletes a customer.
    #[napi]
    pub async fn delete(&self, id: CustomerId) -> Result<()> {
        Ok(self.0.delete(&id).await?)
    }

    /// What the population registry knows about an individual (name, birth date, address).
    #[napi]
    pub async fn lookup_individual(
        &self,
        identity_number: String,
        birth_date: Option<String>,
    ) -> Result<CustomerLookup> {
        Ok(self
            .0
            .lookup_individual(&identity_number, birth_date.as_deref())
            .await?)
    }
}
