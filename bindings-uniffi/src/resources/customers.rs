use insurup::{Customer, CustomerId, NewCustomer};

use super::Customers;

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
    impl Customers {
        "Creates a customer and returns it. Identity and tax numbers, e-mail, phone and birth date"
        "are checked before anything is sent. Never retried once sent; see `ensure`."
        fn create(customer: NewCustomer) -> Customer = create(customer);
        "The agency's customer with this identity or tax number, created first if there is none."
        "Safe to call again after any failure."
        fn ensure(customer: NewCustomer) -> Customer = ensure(customer);
        "Replaces a customer's details."
        fn update(customer_id: CustomerId, customer: NewCustomer) -> () = update(&customer_id, customer);
    }
}
