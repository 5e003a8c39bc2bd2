use insurup::{
    AgentBranchId, Customer, CustomerId, CustomerLookup, Gender, NewCompanyCustomer,
    NewForeignCustomer, NewIndividualCustomer,
};

use super::resource;

resource! {
    /// Customers: individuals (TCKN), companies (VKN) and foreign nationals.
    Customers, AsyncCustomers {
        /// Creates an individual (TCKN) customer and returns it. Never sent twice.
        #[pyo3(signature = (
            *, identity_number, birth_date = None, full_name = None, email = None,
            phone_number = None, gender = None, agent_branch_id = None,
        ))]
        fn create_individual(
            identity_number: String,
            birth_date: Option<String>,
            full_name: Option<String>,
            email: Option<String>,
            phone_number: Option<String>,
            gender: Option<Gender>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> Customer = |client| client.customers().create_individual(NewIndividualCustomer {
            identity_number, birth_date, full_name, email, phone_number, gender, agent_branch_id,
        });

        /// Creates a company (VKN) customer and returns it.
        #[pyo3(signature = (
            *, tax_number, title, email = None, phone_number = None, agent_branch_id = None,
        ))]
        fn create_company(
            tax_number: String,
            title: String,
            email: Option<String>,
            phone_number: Option<String>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> Customer = |client| client.customers().create_company(NewCompanyCustomer {
            tax_number, title, email, phone_number, agent_branch_id,
        });

        /// Creates a foreign customer and returns it.
        #[pyo3(signature = (
            *, identity_number, birth_date, full_name = None, email = None, phone_number = None,
            agent_branch_id = None,
        ))]
        fn create_foreign(
            identity_number: String,
            birth_date: String,
            full_name: Option<String>,
            email: Option<String>,
            phone_number: Option<String>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> Customer = |client| client.customers().create_foreign(NewForeignCustomer {
            identity_number, birth_date, full_name, email, phone_number, agent_branch_id,
        });

        /// The agency's individual customer with this TCKN, created first if there is none.
        /// Safe to call again after any failure.
        #[pyo3(signature = (
            *, identity_number, birth_date = None, full_name = None, email = None,
            phone_number = None, gender = None, agent_branch_id = None,
        ))]
        fn ensure_individual(
            identity_number: String,
            birth_date: Option<String>,
            full_name: Option<String>,
            email: Option<String>,
            phone_number: Option<String>,
            gender: Option<Gender>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> Customer = |client| client.customers().ensure(NewIndividualCustomer {
            identity_number, birth_date, full_name, email, phone_number, gender, agent_branch_id,
        });

        /// The agency's company customer with this VKN, created first if there is none.
        #[pyo3(signature = (
            *, tax_number, title, email = None, phone_number = None, agent_branch_id = None,
        ))]
        fn ensure_company(
            tax_number: String,
            title: String,
            email: Option<String>,
            phone_number: Option<String>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> Customer = |client| client.customers().ensure(NewCompanyCustomer {
            tax_number, title, email, phone_number, agent_branch_id,
        });

        /// A customer by id, or by TCKN/VKN.
        fn get(customer_id: CustomerId) -> Customer =
            |client| client.customers().get(&customer_id);

        /// Replaces an individual customer's details.
        #[pyo3(signature = (
            customer_id, *, identity_number, birth_date = None, full_name = None, email = None,
            phone_number = None, gender = None, agent_branch_id = None,
        ))]
        fn update_individual(
            customer_id: CustomerId,
            identity_number: String,
            birth_date: Option<String>,
            full_name: Option<String>,
            email: Option<String>,
            phone_number: Option<String>,
            gender: Option<Gender>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> () = |client| client.customers().update(&customer_id, NewIndividualCustomer {
            identity_number, birth_date, full_name, email, phone_number, gender, agent_branch_id,
        });

        /// Replaces a company customer's details.
        #[pyo3(signature = (
            customer_id, *, tax_number, title, email = None, phone_number = None,
            agent_branch_id = None,
        ))]
        fn update_company(
            customer_id: CustomerId,
            tax_number: String,
            title: String,
            email: Option<String>,
            phone_number: Option<String>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> () = |client| client.customers().update(&customer_id, NewCompanyCustomer {
            tax_number, title, email, phone_number, agent_branch_id,
        });

        /// Deletes a customer.
        fn delete(customer_id: CustomerId) -> () =
            |client| client.customers().delete(&customer_id);

        /// What the population registry knows about an individual.
        #[pyo3(signature = (identity_number, *, birth_date = None))]
        fn lookup_individual(identity_number: String, birth_date: Option<String>) -> CustomerLookup =
            |client| client.customers().lookup_individual(&identity_number, birth_date.as_deref());
    }
}
