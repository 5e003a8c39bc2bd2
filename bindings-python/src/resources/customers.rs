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

        /// Creates an individual (TCKN) customer and returns it. Never sent twice.
        fn create_individual(; identity_number: String, birth_date: Option<String> = None,
            full_name: Option<String> = None, email: Option<String> = None,
            phone_number: Option<String> = None, gender: Option<Gender> = None,
            agent_branch_id: Option<AgentBranchId> = None) -> Customer
            = |client, customer: NewIndividualCustomer| client.customers().create(customer);

        /// Creates a company (VKN) customer and returns it.
        fn create_company(; tax_number: String, title: String, email: Option<String> = None,
            phone_number: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> Customer = |client, customer: NewCompanyCustomer| client.customers().create(customer);

        /// Creates a foreign customer and returns it.
        fn create_foreign(; identity_number: String, birth_date: String,
            full_name: Option<String> = None, email: Option<String> = None,
            phone_number: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> Customer = |client, customer: NewForeignCustomer| client.customers().create(customer);

        /// The agency's customer with this identity or tax number (its kind as for `create`),
        /// created first if there is none. Safe to call again after any failure.
        fn ensure(; identity_number: String, title: Option<String> = None,
            birth_date: Option<String> = None, full_name: Option<String> = None,
            email: Option<String> = None, phone_number: Option<String> = None,
            agent_branch_id: Option<AgentBranchId> = None) -> Customer
            = |client| client.customers().ensure(from_identity_number(identity_number, title,
                birth_date, (full_name, email, phone_number), agent_branch_id));

        /// The agency's individual customer with this TCKN, created first if there is none.
        fn ensure_individual(; identity_number: String, birth_date: Option<String> = None,
            full_name: Option<String> = None, email: Option<String> = None,
            phone_number: Option<String> = None, gender: Option<Gender> = None,
            agent_branch_id: Option<AgentBranchId> = None) -> Customer
            = |client, customer: NewIndividualCustomer| client.customers().ensure(customer);

        /// The agency's company customer with this VKN, created first if there is none.
        fn ensure_company(; tax_number: String, title: String, email: Option<String> = None,
            phone_number: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> Customer = |client, customer: NewCompanyCustomer| client.customers().ensure(customer);

        /// The agency's foreign customer with this identity number, created first if there is
        /// none.
        fn ensure_foreign(; identity_number: String, birth_date: String,
            full_name: Option<String> = None, email: Option<String> = None,
            phone_number: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> Customer = |client, customer: NewForeignCustomer| client.customers().ensure(customer);

        /// Replaces an individual customer's details.
        fn update_individual(customer_id: CustomerId; identity_number: String,
            birth_date: Option<String> = None, full_name: Option<String> = None,
            email: Option<String> = None, phone_number: Option<String> = None,
            gender: Option<Gender> = None, agent_branch_id: Option<AgentBranchId> = None) -> ()
            = |client, customer: NewIndividualCustomer|
                client.customers().update(&customer_id, customer);

        /// Replaces a company customer's details.
        fn update_company(customer_id: CustomerId; tax_number: String, title: String,
            email: Option<String> = None, phone_number: Option<String> = None,
            agent_branch_id: Option<AgentBranchId> = None) -> ()
            = |client, customer: NewCompanyCustomer|
                client.customers().update(&customer_id, customer);

        /// Replaces a foreign customer's details.
        fn update_foreign(customer_id: CustomerId; identity_number: String, birth_date: String,
            full_name: Option<String> = None, email: Option<String> = None,
            phone_number: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> () = |client, customer: NewForeignCustomer|
                client.customers().update(&customer_id, customer);
    })
);
