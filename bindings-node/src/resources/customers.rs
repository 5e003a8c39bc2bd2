use napi_derive::napi;

use insurup::{
    Customer, CustomerId, NewCompanyCustomer, NewCustomer, NewForeignCustomer,
    NewIndividualCustomer,
};

use super::Customers;

resource! {
    // JS has no sum types, so each kind of new customer has its own methods.
    impl Customers {
        "Creates an individual (TCKN) customer and returns it. Identity number, e-mail, phone"
        "and birth date are checked before anything is sent; never sent twice."
        fn create_individual(customer: NewIndividualCustomer) -> Customer =
            create_individual(customer);
        "Creates a company (VKN) customer."
        fn create_company(customer: NewCompanyCustomer) -> Customer = create_company(customer);
        "Creates a foreign customer."
        fn create_foreign(customer: NewForeignCustomer) -> Customer = create_foreign(customer);
        "The agency's individual customer with this TCKN, created first if there is none. Safe"
        "to call again after any failure."
        fn ensure_individual(customer: NewIndividualCustomer) -> Customer = ensure(customer);
        "The agency's company customer with this VKN, created first if there is none."
        fn ensure_company(customer: NewCompanyCustomer) -> Customer = ensure(customer);
        "The agency's foreign customer with this identity number, created first if there is none."
        fn ensure_foreign(customer: NewForeignCustomer) -> Customer = ensure(customer);
        "The agency's customer with this identity number, created first if there is none; the"
        "number decides the kind: a 10-digit VKN is a company (named `title`), one starting"
        "with 99 a foreign national (born on `birthDate`), any other an individual (TCKN)."
        fn ensure_from_identity_number(identity_number: String, title: Option<String>,
            birth_date: Option<String>) -> Customer =
            ensure(NewCustomer::from_identity_number(identity_number, title, birth_date));
        "Replaces an individual customer's details."
        fn update_individual(customer_id: CustomerId, customer: NewIndividualCustomer) -> () =
            update(&customer_id, customer);
        "Replaces a company customer's details."
        fn update_company(customer_id: CustomerId, customer: NewCompanyCustomer) -> () =
            update(&customer_id, customer);
        "Replaces a foreign customer's details."
        fn update_foreign(customer_id: CustomerId, customer: NewForeignCustomer) -> () =
            update(&customer_id, customer);
    }
}
