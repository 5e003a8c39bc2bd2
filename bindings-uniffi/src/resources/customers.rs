use insurup::{
    Customer, CustomerId, CustomerLookup, NewCompanyCustomer, NewForeignCustomer,
    NewIndividualCustomer,
};

use crate::error::Result;

/// A customer to create: the API's `$type`-polymorphic body as a sealed class / enum.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum NewCustomer {
    /// A Turkish citizen (TCKN).
    Individual { customer: NewIndividualCustomer },
    /// A company (VKN).
    Company { customer: NewCompanyCustomer },
    /// A foreign national.
    Foreign { customer: NewForeignCustomer },
}

impl From<NewCustomer> for insurup::NewCustomer {
    fn from(customer: NewCustomer) -> Self {
        match customer {
            NewCustomer::Individual { customer } => customer.into(),
            NewCustomer::Company { customer } => customer.into(),
            NewCustomer::Foreign { customer } => customer.into(),
        }
    }
}

/// Customers (`/api/customers`).
#[derive(Debug, uniffi::Object)]
pub struct Customers(pub(crate) insurup::Customers);

#[uniffi::export(async_runtime = "tokio")]
impl Customers {
    /// Creates a customer and returns it. Identity and tax numbers, e-mail, phone and birth date
    /// are checked before anything is sent. Never retried once sent; see `ensure`.
    pub async fn create(&self, customer: NewCustomer) -> Result<Customer> {
        Ok(self.0.create(customer).await?)
    }

    /// The agency's customer with this identity or tax number, created first if there is none.
    /// Safe to call again after any failure.
    pub async fn ensure(&self, customer: NewCustomer) -> Result<Customer> {
        Ok(self.0.ensure(customer).await?)
    }

    /// A customer by id, or by TCKN/VKN.
    pub async fn get(&self, id: CustomerId) -> Result<Customer> {
        Ok(self.0.get(&id).await?)
    }

    /// Replaces a customer's details.
    pub async fn update(&self, id: CustomerId, customer: NewCustomer) -> Result<()> {
        Ok(self.0.update(&id, customer).await?)
    }

    /// Deletes a customer.
    pub async fn delete(&self, id: CustomerId) -> Result<()> {
        Ok(self.0.delete(&id).await?)
    }

    /// What the population registry knows about an individual (name, birth date, address).
    #[uniffi::method(default(birth_date = None))]
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
