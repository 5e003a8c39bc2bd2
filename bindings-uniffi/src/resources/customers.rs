use insurup::{Customer, CustomerId, CustomerLookup, NewCustomer};

/// The kind of customer an identity number names: a 10-digit VKN is a company (titled
/// `title`), a number starting with 99 a foreign national (born on `birth_date`), any other an
/// individual (TCKN). Checksums are checked when the customer is created.
#[uniffi::export(default(title = None, birth_date = None))]
pub fn new_customer_from_identity_number(
    identity_number: String, title: Option<String>, birth_date: Option<String>,
) -> NewCustomer {
    NewCustomer::from_identity_number(identity_number, title, birth_date)
}

forward! {
    /// Customers (`/api/customers`).
    Customers(insurup::Customers) {
        /// Creates a customer and returns it. Identity and tax numbers, e-mail, phone and birth date
        /// are checked before anything is sent. Never retried once sent; see `ensure`.
        create(customer: NewCustomer) -> Customer = create(customer);
        /// The agency's customer with this identity or tax number, created first if there is none.
        /// Safe to call again after any failure.
        ensure(customer: NewCustomer) -> Customer = ensure(customer);
        /// A customer by id, or by TCKN/VKN.
        get(id: CustomerId) -> Customer = get(&id);
        /// Replaces a customer's details.
        update(id: CustomerId, customer: NewCustomer) -> () = update(&id, customer);
        /// Deletes a customer.
        delete(id: CustomerId) -> () = delete(&id);
        /// What the population registry knows about an individual (name, birth date, address).
        #[uniffi::method(default(birth_date = None))]
        lookup_individual(identity_number: String, birth_date: Option<String>) -> CustomerLookup = lookup_individual(&identity_number, birth_date.as_deref());
    }
}
