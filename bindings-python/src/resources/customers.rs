#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

/// The customer an identity number names (see `NewCustomer::from_identity_number`), with the
/// details that were given.
fn from_identity_number(
    identity_number: String,
    title: Option<String>,
    birth_date: Option<String>,
    (full_name, email, phone): (Option<String>, Option<String>, Option<String>),
    agent_branch_id: Option<AgentBranchId>,
) -> NewCustomer {
    let customer = NewCustomer::from_identity_number(identity_number, title, birth_date);
    let customer = full_name
        .into_iter()
        .fold(customer, NewCustomer::with_full_name);
    let customer = email.into_iter().fold(customer, NewCustomer::with_email);
    let customer = phone
        .into_iter()
        .fold(customer, NewCustomer::with_phone_number);
    agent_branch_id
        .into_iter()
        .fold(customer, NewCustomer::with_agent_branch_id)
}

insurup::resource_surface!(
    customers,
    resource!(AsyncCustomers {
        /// Creates the customer an identity number names: a 10-digit VKN is a company (named
        /// `title`), a number starting with 99 a foreign national (born on `birth_date`), any
        /// other an individual (TCKN). Never sent twice; see `ensure`.
        fn create(; identity_number: String, title: Option<String> = None,
            birth_date: Option<String> = None, full_name: Option<String> = None,
            email: Option<String> = None, phone_number: Option<String> = None,
            agent_branch_id: Option<AgentBranchId> = None) -> Customer
            = |client| client.customers().create(from_identity_number(identity_number, title,
                birth_date, (full_name, email, phone_number), agent_branch_id));

        /// The agency's customer with this identity or tax number (its kind as for `create`),
        /// created first if there is none. Safe to call again after any failure.
        fn ensure(; identity_number: String, title: Option<String> = None,
            birth_date: Option<String> = None, full_name: Option<String> = None,
            email: Option<String> = None, phone_number: Option<String> = None,
            agent_branch_id: Option<AgentBranchId> = None) -> Customer
            = |client| client.customers().ensure(from_identity_number(identity_number, title,
                birth_date, (full_name, email, phone_number), agent_branch_id));
    })
);
