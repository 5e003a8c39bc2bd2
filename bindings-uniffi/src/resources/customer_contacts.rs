use insurup::{
    AddressType, AgentBranchId, ConsentChannel, ConsentType, CustomerAddress, CustomerConsents,
    CustomerContact, CustomerEmailAddress, CustomerId, CustomerPhone, PhoneNumber, UserId,
};

use super::customers::Customers;

forward! {
    /// A customer's contact book, consents and the people looking after them.
    impl Customers {
        /// Every e-mail address of a customer, the primary one marked.
        emails(customer_id: CustomerId) -> Vec<CustomerEmailAddress> = emails(&customer_id);
        /// Adds an e-mail address; a customer's first address becomes the primary one.
        add_email(customer_id: CustomerId, email: String) -> () = add_email(&customer_id, &email);
        /// Removes an e-mail address (not the primary one).
        remove_email(customer_id: CustomerId, email: String) -> () = remove_email(&customer_id, &email);
        /// Makes one of the customer's e-mail addresses the primary one.
        make_email_primary(customer_id: CustomerId, email: String) -> () = make_email_primary(&customer_id, &email);
        /// The customer's primary e-mail address.
        primary_email(customer_id: CustomerId) -> String = primary_email(&customer_id);
        /// Makes `email` the primary address, adding it first if the customer does not have it.
        set_primary_email(customer_id: CustomerId, email: String) -> () = set_primary_email(&customer_id, &email);
        /// Every phone number of a customer, the primary one marked.
        phone_numbers(customer_id: CustomerId) -> Vec<CustomerPhone> = phone_numbers(&customer_id);
        /// Adds a Turkish phone number (`5321234567`, `+90 532 …`).
        add_phone_number(customer_id: CustomerId, phone_number: String) -> () = add_phone_number(&customer_id, &phone_number);
        /// Removes a phone number (not the primary one).
        remove_phone_number(customer_id: CustomerId, phone_number: String) -> () = remove_phone_number(&customer_id, &phone_number);
        /// Makes one of the customer's phone numbers the primary one.
        make_phone_number_primary(customer_id: CustomerId, phone_number: String) -> () = make_phone_number_primary(&customer_id, &phone_number);
        /// The customer's primary phone number.
        primary_phone_number(customer_id: CustomerId) -> PhoneNumber = primary_phone_number(&customer_id);
        /// Makes `phone_number` the primary number, adding it first if the customer does not have it.
        set_primary_phone_number(customer_id: CustomerId, phone_number: String) -> () = set_primary_phone_number(&customer_id, &phone_number);
        /// Every address of a customer.
        addresses(customer_id: CustomerId) -> Vec<CustomerAddress> = addresses(&customer_id);
        /// One address of a customer.
        address(customer_id: CustomerId, address_id: String) -> CustomerAddress = address(&customer_id, &address_id);
        /// Adds the address a UAVT number names.
        add_address(customer_id: CustomerId, property_number: i64, address_type: AddressType) -> CustomerAddress = add_address(&customer_id, property_number, address_type);
        /// Changes the type of one of the customer's addresses.
        update_address(customer_id: CustomerId, address_id: String, address_type: AddressType) -> CustomerAddress = update_address(&customer_id, &address_id, address_type);
        /// Removes one of the customer's addresses.
        remove_address(customer_id: CustomerId, address_id: String) -> () = remove_address(&customer_id, &address_id);
        /// Assigns the agent user looking after the customer; none clears it.
        set_representative(customer_id: CustomerId, agent_user_id: Option<UserId>) -> () = set_representative(&customer_id, agent_user_id.as_ref());
        /// Assigns the customer to an agency branch; none clears it.
        set_branch(customer_id: CustomerId, agent_branch_id: Option<AgentBranchId>) -> () = set_branch(&customer_id, agent_branch_id.as_ref());
        /// The customer's KVKK and ETK consents with their history.
        consents(customer_id: CustomerId) -> CustomerConsents = consents(&customer_id);
        /// Records a consent the customer gave, and through which channel.
        give_consent(customer_id: CustomerId, consent_type: ConsentType, channel: ConsentChannel) -> () = give_consent(&customer_id, consent_type, channel);
        /// Records that the customer revoked a consent.
        revoke_consent(customer_id: CustomerId, consent_type: ConsentType) -> () = revoke_consent(&customer_id, consent_type);
        /// The calls and contacts with the customer, of one case when `case_ref` is given.
        #[uniffi::method(default(case_ref = None))]
        contacts(customer_id: CustomerId, case_ref: Option<String>) -> Vec<CustomerContact> = contacts(&customer_id, case_ref.as_deref());
        /// Starts a contact (a call) with the customer.
        add_contact(customer_id: CustomerId) -> () = add_contact(&customer_id);
    }
}
