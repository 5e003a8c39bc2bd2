use napi_derive::napi;

use insurup::{Customer, NewCustomer};

use super::Customers;

resource! {
    impl Customers {
        "The agency's customer with this identity number, created first if there is none; the"
        "number decides the kind: a 10-digit VKN is a company (named `title`), one starting"
        "with 99 a foreign national (born on `birthDate`), any other an individual (TCKN)."
        fn ensure_from_identity_number(identity_number: String, title: Option<String>,
            birth_date: Option<String>) -> Customer =
            ensure(NewCustomer::from_identity_number(identity_number, title, birth_date));
    }
}
