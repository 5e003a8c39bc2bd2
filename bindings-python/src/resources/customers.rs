use insurup::{
    AddressType, AgentBranchId, ConsentChannel, ConsentType, Customer, CustomerAddress,
    CustomerConsents, CustomerContact, CustomerEmailAddress, CustomerId, CustomerLookup,
    CustomerPhone, Gender, NewCompanyCustomer, NewCustomer, NewForeignCustomer,
    NewIndividualCustomer, PhoneNumber, UserId,
};

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

resource! {
    /// Customers: individuals (TCKN), companies (VKN) and foreign nationals.
    Customers, AsyncCustomers {
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

        /// A customer by id, or by TCKN/VKN.
        fn get(customer_id: CustomerId) -> Customer =
            |client| client.customers().get(&customer_id);

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

        /// Deletes a customer.
        fn delete(customer_id: CustomerId) -> () =
            |client| client.customers().delete(&customer_id);

        /// What the population registry knows about an individual.
        fn lookup_individual(identity_number: String; birth_date: Option<String> = None)
            -> CustomerLookup = |client| client.customers().lookup_individual(
                &identity_number, birth_date.as_deref());

        /// Every e-mail address of a customer, the primary one marked.
        fn emails(customer_id: CustomerId) -> Vec<CustomerEmailAddress> =
            |client| client.customers().emails(&customer_id);

        /// Adds an e-mail address; a customer's first address becomes the primary one.
        fn add_email(customer_id: CustomerId, email: String) -> () =
            |client| client.customers().add_email(&customer_id, &email);

        /// Removes an e-mail address (not the primary one).
        fn remove_email(customer_id: CustomerId, email: String) -> () =
            |client| client.customers().remove_email(&customer_id, &email);

        /// Makes one of the customer's e-mail addresses the primary one.
        fn make_email_primary(customer_id: CustomerId, email: String) -> () =
            |client| client.customers().make_email_primary(&customer_id, &email);

        /// The customer's primary e-mail address.
        fn primary_email(customer_id: CustomerId) -> String =
            |client| client.customers().primary_email(&customer_id);

        /// Makes `email` the primary address, adding it first if the customer lacks it.
        fn set_primary_email(customer_id: CustomerId, email: String) -> () =
            |client| client.customers().set_primary_email(&customer_id, &email);

        /// Every phone number of a customer, the primary one marked.
        fn phone_numbers(customer_id: CustomerId) -> Vec<CustomerPhone> =
            |client| client.customers().phone_numbers(&customer_id);

        /// Adds a Turkish phone number (`5321234567`, `+90 532 …`).
        fn add_phone_number(customer_id: CustomerId, phone_number: String) -> () =
            |client| client.customers().add_phone_number(&customer_id, &phone_number);

        /// Removes a phone number (not the primary one).
        fn remove_phone_number(customer_id: CustomerId, phone_number: String) -> () =
            |client| client.customers().remove_phone_number(&customer_id, &phone_number);

        /// Makes one of the customer's phone numbers the primary one.
        fn make_phone_number_primary(customer_id: CustomerId, phone_number: String) -> () =
            |client| client.customers().make_phone_number_primary(&customer_id, &phone_number);

        /// The customer's primary phone number.
        fn primary_phone_number(customer_id: CustomerId) -> PhoneNumber =
            |client| client.customers().primary_phone_number(&customer_id);

        /// Makes `phone_number` the primary number, adding it first if the customer lacks it.
        fn set_primary_phone_number(customer_id: CustomerId, phone_number: String) -> () =
            |client| client.customers().set_primary_phone_number(&customer_id, &phone_number);

        /// Every address of a customer.
        fn addresses(customer_id: CustomerId) -> Vec<CustomerAddress> =
            |client| client.customers().addresses(&customer_id);

        /// One address of a customer.
        fn address(customer_id: CustomerId, address_id: String) -> CustomerAddress =
            |client| client.customers().address(&customer_id, &address_id);

        /// Adds the address a UAVT number names.
        fn add_address(customer_id: CustomerId, property_number: i64, address_type: AddressType)
            -> CustomerAddress = |client|
                client.customers().add_address(&customer_id, property_number, address_type);

        /// Changes the type of one of the customer's addresses.
        fn update_address(customer_id: CustomerId, address_id: String, address_type: AddressType)
            -> CustomerAddress = |client|
                client.customers().update_address(&customer_id, &address_id, address_type);

        /// Removes one of the customer's addresses.
        fn remove_address(customer_id: CustomerId, address_id: String) -> () =
            |client| client.customers().remove_address(&customer_id, &address_id);

        /// Assigns the agent user looking after the customer; None clears it.
        fn set_representative(customer_id: CustomerId, agent_user_id: Option<UserId>) -> () =
            |client| client.customers().set_representative(&customer_id, agent_user_id.as_ref());

        /// Assigns the customer to an agency branch; None clears it.
        fn set_branch(customer_id: CustomerId, agent_branch_id: Option<AgentBranchId>) -> () =
            |client| client.customers().set_branch(&customer_id, agent_branch_id.as_ref());

        /// The customer's KVKK and ETK consents with their history.
        fn consents(customer_id: CustomerId) -> CustomerConsents =
            |client| client.customers().consents(&customer_id);

        /// Records a consent the customer gave, and through which channel.
        fn give_consent(customer_id: CustomerId, consent_type: ConsentType, channel: ConsentChannel)
            -> () = |client| client.customers().give_consent(&customer_id, consent_type, channel);

        /// Records that the customer revoked a consent.
        fn revoke_consent(customer_id: CustomerId, consent_type: ConsentType) -> () =
            |client| client.customers().revoke_consent(&customer_id, consent_type);

        /// The calls and contacts with the customer, of one case when `case_ref` is given.
        fn contacts(customer_id: CustomerId; case_ref: Option<String> = None)
            -> Vec<CustomerContact> =
            |client| client.customers().contacts(&customer_id, case_ref.as_deref());

        /// Starts a contact (a call) with the customer.
        fn add_contact(customer_id: CustomerId) -> () =
            |client| client.customers().add_contact(&customer_id);
    }
}
