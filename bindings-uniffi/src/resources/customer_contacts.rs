use insurup::{
    AddressType, AgentBranchId, ConsentChannel, ConsentType, CustomerAddress, CustomerConsents,
    CustomerContact, CustomerEmailAddress, CustomerId, CustomerPhone, PhoneNumber, UserId,
};

use super::Customers;
use crate::error::Result;

/// A customer's contact book, consents and the people looking after them.
#[uniffi::export(async_runtime = "tokio")]
impl Customers {
    /// Every e-mail address of a customer, the primary one marked.
    pub async fn emails(&self, customer_id: CustomerId) -> Result<Vec<CustomerEmailAddress>> {
        Ok(self.0.emails(&customer_id).await?)
    }

    /// Adds an e-mail address; a customer's first address becomes the primary one.
    pub async fn add_email(&self, customer_id: CustomerId, email: String) -> Result<()> {
        Ok(self.0.add_email(&customer_id, &email).await?)
    }

    /// Removes an e-mail address (not the primary one).
    pub async fn remove_email(&self, customer_id: CustomerId, email: String) -> Result<()> {
        Ok(self.0.remove_email(&customer_id, &email).await?)
    }

    /// Makes one of the customer's e-mail addresses the primary one.
    pub async fn make_email_primary(&self, customer_id: CustomerId, email: String) -> Result<()> {
        Ok(self.0.make_email_primary(&customer_id, &email).await?)
    }

    /// The customer's primary e-mail address.
    pub async fn primary_email(&self, customer_id: CustomerId) -> Result<String> {
        Ok(self.0.primary_email(&customer_id).await?)
    }

    /// Makes `email` the primary address, adding it first if the customer does not have it.
    pub async fn set_primary_email(&self, customer_id: CustomerId, email: String) -> Result<()> {
        Ok(self.0.set_primary_email(&customer_id, &email).await?)
    }

    /// Every phone number of a customer, the primary one marked.
    pub async fn phone_numbers(&self, customer_id: CustomerId) -> Result<Vec<CustomerPhone>> {
        Ok(self.0.phone_numbers(&customer_id).await?)
    }

    /// Adds a Turkish phone number (`5321234567`, `+90 532 …`).
    pub async fn add_phone_number(
        &self, customer_id: CustomerId, phone_number: String,
    ) -> Result<()> {
        Ok(self.0.add_phone_number(&customer_id, &phone_number).await?)
    }

    /// Removes a phone number (not the primary one).
    pub async fn remove_phone_number(
        &self, customer_id: CustomerId, phone_number: String,
    ) -> Result<()> {
        Ok(self.0.remove_phone_number(&customer_id, &phone_number).await?)
    }

    /// Makes one of the customer's phone numbers the primary one.
    pub async fn make_phone_number_primary(
        &self, customer_id: CustomerId, phone_number: String,
    ) -> Result<()> {
        Ok(self.0.make_phone_number_primary(&customer_id, &phone_number).await?)
    }

    /// The customer's primary phone number.
    pub async fn primary_phone_number(&self, customer_id: CustomerId) -> Result<PhoneNumber> {
        Ok(self.0.primary_phone_number(&customer_id).await?)
    }

    /// Makes `phone_number` the primary number, adding it first if the customer does not have it.
    pub async fn set_primary_phone_number(
        &self, customer_id: CustomerId, phone_number: String,
    ) -> Result<()> {
        Ok(self.0.set_primary_phone_number(&customer_id, &phone_number).await?)
    }

    /// Every address of a customer.
    pub async fn addresses(&self, customer_id: CustomerId) -> Result<Vec<CustomerAddress>> {
        Ok(self.0.addresses(&customer_id).await?)
    }

    /// One address of a customer.
    pub async fn address(
        &self, customer_id: CustomerId, address_id: String,
    ) -> Result<CustomerAddress> {
        Ok(self.0.address(&customer_id, &address_id).await?)
    }

    /// Adds the address a UAVT number names.
    pub async fn add_address(
        &self, customer_id: CustomerId, property_number: i64, address_type: AddressType,
    ) -> Result<CustomerAddress> {
        Ok(self.0.add_address(&customer_id, property_number, address_type).await?)
    }

    /// Changes the type of one of the customer's addresses.
    pub async fn update_address(
        &self, customer_id: CustomerId, address_id: String, address_type: AddressType,
    ) -> Result<CustomerAddress> {
        Ok(self.0.update_address(&customer_id, &address_id, address_type).await?)
    }

    /// Removes one of the customer's addresses.
    pub async fn remove_address(&self, customer_id: CustomerId, address_id: String) -> Result<()> {
        Ok(self.0.remove_address(&customer_id, &address_id).await?)
    }

    /// Assigns the agent user looking after the customer; none clears it.
    pub async fn set_representative(
        &self, customer_id: CustomerId, agent_user_id: Option<UserId>,
    ) -> Result<()> {
        Ok(self.0.set_representative(&customer_id, agent_user_id.as_ref()).await?)
    }

    /// Assigns the customer to an agency branch; none clears it.
    pub async fn set_branch(
        &self, customer_id: CustomerId, agent_branch_id: Option<AgentBranchId>,
    ) -> Result<()> {
        Ok(self.0.set_branch(&customer_id, agent_branch_id.as_ref()).await?)
    }

    /// The customer's KVKK and ETK consents with their history.
    pub async fn consents(&self, customer_id: CustomerId) -> Result<CustomerConsents> {
        Ok(self.0.consents(&customer_id).await?)
    }

    /// Records a consent the customer gave, and through which channel.
    pub async fn give_consent(
        &self, customer_id: CustomerId, consent_type: ConsentType, channel: ConsentChannel,
    ) -> Result<()> {
        Ok(self.0.give_consent(&customer_id, consent_type, channel).await?)
    }

    /// Records that the customer revoked a consent.
    pub async fn revoke_consent(
        &self, customer_id: CustomerId, consent_type: ConsentType,
    ) -> Result<()> {
        Ok(self.0.revoke_consent(&customer_id, consent_type).await?)
    }

    /// The calls and contacts with the customer, of one case when `case_ref` is given.
    #[uniffi::method(default(case_ref = None))]
    pub async fn contacts(
        &self, customer_id: CustomerId, case_ref: Option<String>,
    ) -> Result<Vec<CustomerContact>> {
        Ok(self.0.contacts(&customer_id, case_ref.as_deref()).await?)
    }

    /// Starts a contact (a call) with the customer.
    pub async fn add_contact(&self, customer_id: CustomerId) -> Result<()> {
        Ok(self.0.add_contact(&customer_id).await?)
    }
}
