use napi_derive::napi;

use insurup::{
    Customer, CustomerId, CustomerLookup, NewCompanyCustomer, NewCustomer, NewForeignCustomer,
    NewIndividualCustomer,
};

resource! {
    "Customers (`/api/customers`). JS has no sum types, so each kind of new customer has its"
    "own methods."
    Customers(insurup::Customers) {
        "Creates an individual (TCKN) customer and returns it. Identity number, e-mail, phone"
        "and birth date are checked before anything is sent; never sent twice."
        create_individual(customer: NewIndividualCustomer) -> Customer = create_individual(customer);
        "Creates a company (VKN) customer."
        create_company(customer: NewCompanyCustomer) -> Customer = create_company(customer);
        "Creates a foreign customer."
        create_foreign(customer: NewForeignCustomer) -> Customer = create_foreign(customer);
        "The agency's individual customer with this TCKN, created first if there is none. Safe"
        "to call again after any failure."
        ensure_individual(customer: NewIndividualCustomer) -> Customer = ensure(customer);
        "The agency's company customer with this VKN, created first if there is none."
        ensure_company(customer: NewCompanyCustomer) -> Customer = ensure(customer);
        "The agency's foreign customer with this identity number, created first if there is none."
        ensure_foreign(customer: NewForeignCustomer) -> Customer = ensure(customer);
        "The agency's customer with this identity number, created first if there is none; the"
        "number decides the kind: a 10-digit VKN is a company (named `title`), one starting"
        "with 99 a foreign national (born on `birthDate`), any other an individual (TCKN)."
        ensure_from_identity_number(identity_number: String, title: Option<String>, birth_date: Option<String>) -> Customer =
            ensure(NewCustomer::from_identity_number(identity_number, title, birth_date));
        "A customer by id, or by TCKN/VKN."
        get(id: CustomerId) -> Customer = get(&id);
        "Replaces an individual customer's details."
        update_individual(id: CustomerId, customer: NewIndividualCustomer) -> () = update(&id, customer);
        "Replaces a company customer's details."
        update_company(id: CustomerId, customer: NewCompanyCustomer) -> () = update(&id, customer);
        "Replaces a foreign customer's details."
        update_foreign(id: CustomerId, customer: NewForeignCustomer) -> () = update(&id, customer);
        "Deletes a customer."
        delete(id: CustomerId) -> () = delete(&id);
        "What the population registry knows about an individual (name, birth date, address)."
        lookup_individual(identity_number: String, birth_date: Option<String>) -> CustomerLookup =
            lookup_individual(&identity_number, birth_date.as_deref());
    }
}
