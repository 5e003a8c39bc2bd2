//! A customer's contact book, consents and the people looking after them
//! (`/api/customers/{id}/emails|phone-numbers|addresses|consents|contacts|representative|branch`).

use crate::error::{Error, Result};
use crate::model::{
    AddressType, AgentBranchId, ConsentChannel, ConsentType, CustomerAddress, CustomerConsents,
    CustomerContact, CustomerEmailAddress, CustomerId, CustomerPhone, PhoneNumber, UserId,
};
use crate::transport::Request;
use crate::validate;

use super::{Customers, segment};

/// A Turkish phone number as people write it, checked; the error names `phone_number`.
fn phone(raw: &str) -> Result<PhoneNumber> {
    PhoneNumber::parse_turkish(raw).ok_or_else(|| {
        Error::validation(
            "phone_number",
            "must be a 10-digit Turkish number such as 5321234567",
        )
    })
}

/// `{countryCode}-{number}`, how a phone number names itself in a path.
fn phone_segment(phone: &PhoneNumber) -> String {
    segment(&format!("{}-{}", phone.country_code, phone.number))
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AddressCreated {
    #[serde(alias = "id")]
    address_id: String,
}

#[derive(serde::Deserialize)]
struct PrimaryEmail {
    email: String,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct PrimaryPhone {
    phone_number: PhoneNumber,
}

impl Customers {
    /// Every e-mail address of a customer, the primary one marked.
    pub async fn emails(&self, customer_id: &CustomerId) -> Result<Vec<CustomerEmailAddress>> {
        validate::id("customer_id", customer_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{id}/emails",
                format!("/api/customers/{customer_id}/emails"),
            ))
            .await
    }

    /// Adds an e-mail address; a customer's first address becomes the primary one. Not retried
    /// once sent (a repeat is refused as a duplicate).
    pub async fn add_email(&self, customer_id: &CustomerId, email: &str) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::email("email", email)?;
        let body = serde_json::json!({ "customerId": customer_id, "email": email.trim() });
        let request = Request::post(
            "/api/customers/{id}/emails",
            format!("/api/customers/{customer_id}/emails"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Removes an e-mail address. The primary address cannot be removed: make another one
    /// primary first.
    pub async fn remove_email(&self, customer_id: &CustomerId, email: &str) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::email("email", email)?;
        let email = segment(email.trim());
        self.client
            .send(Request::delete(
                "/api/customers/{id}/emails/{email}",
                format!("/api/customers/{customer_id}/emails/{email}"),
            ))
            .await
            .map(|_| ())
    }

    /// Makes one of the customer's e-mail addresses the primary one.
    pub async fn make_email_primary(&self, customer_id: &CustomerId, email: &str) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::email("email", email)?;
        let email = segment(email.trim());
        self.client
            .send(
                Request::post(
                    "/api/customers/{id}/emails/{email}/primary",
                    format!("/api/customers/{customer_id}/emails/{email}/primary"),
                )
                .idempotent(),
            )
            .await
            .map(|_| ())
    }

    /// The customer's primary e-mail address.
    pub async fn primary_email(&self, customer_id: &CustomerId) -> Result<String> {
        validate::id("customer_id", customer_id.as_str())?;
        let answer: PrimaryEmail = self
            .client
            .call(Request::get(
                "/api/customers/{id}/emails/primary",
                format!("/api/customers/{customer_id}/emails/primary"),
            ))
            .await?;
        Ok(answer.email)
    }

    /// Makes `email` the primary address, adding it first if the customer does not have it.
    pub async fn set_primary_email(&self, customer_id: &CustomerId, email: &str) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::email("email", email)?;
        let body = serde_json::json!({ "customerId": customer_id, "email": email.trim() });
        let request = Request::put(
            "/api/customers/{id}/emails/primary",
            format!("/api/customers/{customer_id}/emails/primary"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Every phone number of a customer, the primary one marked.
    pub async fn phone_numbers(&self, customer_id: &CustomerId) -> Result<Vec<CustomerPhone>> {
        validate::id("customer_id", customer_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{id}/phone-numbers",
                format!("/api/customers/{customer_id}/phone-numbers"),
            ))
            .await
    }

    /// Adds a phone number (`5321234567`, `+90 532 …`); a customer's first number becomes the
    /// primary one. Not retried once sent.
    pub async fn add_phone_number(
        &self,
        customer_id: &CustomerId,
        phone_number: &str,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        let number = phone(phone_number)?;
        let body = serde_json::json!({ "customerId": customer_id, "phoneNumber": number });
        let request = Request::post(
            "/api/customers/{id}/phone-numbers",
            format!("/api/customers/{customer_id}/phone-numbers"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Removes a phone number. The primary number cannot be removed.
    pub async fn remove_phone_number(
        &self,
        customer_id: &CustomerId,
        phone_number: &str,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        let number = phone_segment(&phone(phone_number)?);
        self.client
            .send(Request::delete(
                "/api/customers/{id}/phone-numbers/{phoneNumber}",
                format!("/api/customers/{customer_id}/phone-numbers/{number}"),
            ))
            .await
            .map(|_| ())
    }

    /// Makes one of the customer's phone numbers the primary one.
    pub async fn make_phone_number_primary(
        &self,
        customer_id: &CustomerId,
        phone_number: &str,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        let number = phone_segment(&phone(phone_number)?);
        self.client
            .send(
                Request::post(
                    "/api/customers/{id}/phone-numbers/{phoneNumber}/primary",
                    format!("/api/customers/{customer_id}/phone-numbers/{number}/primary"),
                )
                .idempotent(),
            )
            .await
            .map(|_| ())
    }

    /// The customer's primary phone number.
    pub async fn primary_phone_number(&self, customer_id: &CustomerId) -> Result<PhoneNumber> {
        validate::id("customer_id", customer_id.as_str())?;
        let answer: PrimaryPhone = self
            .client
            .call(Request::get(
                "/api/customers/{id}/phone-numbers/primary",
                format!("/api/customers/{customer_id}/phone-numbers/primary"),
            ))
            .await?;
        Ok(answer.phone_number)
    }

    /// Makes `phone_number` the primary number, adding it first if the customer does not have it.
    pub async fn set_primary_phone_number(
        &self,
        customer_id: &CustomerId,
        phone_number: &str,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        let number = phone(phone_number)?;
        let body = serde_json::json!({ "customerId": customer_id, "phoneNumber": number });
        let request = Request::put(
            "/api/customers/{id}/phone-numbers/primary",
            format!("/api/customers/{customer_id}/phone-numbers/primary"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Every address of a customer.
    pub async fn addresses(&self, customer_id: &CustomerId) -> Result<Vec<CustomerAddress>> {
        validate::id("customer_id", customer_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{id}/addresses",
                format!("/api/customers/{customer_id}/addresses"),
            ))
            .await
    }

    /// One address of a customer.
    pub async fn address(
        &self,
        customer_id: &CustomerId,
        address_id: &str,
    ) -> Result<CustomerAddress> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("address_id", address_id)?;
        self.client
            .call(Request::get(
                "/api/customers/{id}/addresses/{addressId}",
                format!("/api/customers/{customer_id}/addresses/{address_id}"),
            ))
            .await
    }

    /// Adds the address of a UAVT number (find it with [`crate::Addresses`]) and returns it.
    /// Not retried once sent.
    pub async fn add_address(
        &self,
        customer_id: &CustomerId,
        property_number: i64,
        address_type: AddressType,
    ) -> Result<CustomerAddress> {
        validate::id("customer_id", customer_id.as_str())?;
        crate::model::check_property_number(property_number)?;
        let body = serde_json::json!({
            "customerId": customer_id,
            "propertyNumber": property_number,
            "type": address_type,
        });
        let request = Request::post(
            "/api/customers/{id}/addresses",
            format!("/api/customers/{customer_id}/addresses"),
        )
        .json(&body)?;
        let created: AddressCreated = self.client.call(request).await?;
        self.address(customer_id, &created.address_id).await
    }

    /// Changes the kind of an address (home, work, …) and returns it.
    pub async fn update_address(
        &self,
        customer_id: &CustomerId,
        address_id: &str,
        address_type: AddressType,
    ) -> Result<CustomerAddress> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("address_id", address_id)?;
        let body = serde_json::json!({
            "customerId": customer_id,
            "addressId": address_id,
            "type": address_type,
        });
        let request = Request::put(
            "/api/customers/{id}/addresses/{addressId}",
            format!("/api/customers/{customer_id}/addresses/{address_id}"),
        )
        .json(&body)?;
        self.client.send(request).await?;
        self.address(customer_id, address_id).await
    }

    /// Removes an address.
    pub async fn remove_address(&self, customer_id: &CustomerId, address_id: &str) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        validate::id("address_id", address_id)?;
        self.client
            .send(Request::delete(
                "/api/customers/{id}/addresses/{addressId}",
                format!("/api/customers/{customer_id}/addresses/{address_id}"),
            ))
            .await
            .map(|_| ())
    }

    /// Makes an agent user the customer's representative; `None` removes the representative.
    pub async fn set_representative(
        &self,
        customer_id: &CustomerId,
        agent_user_id: Option<&UserId>,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        if let Some(user) = agent_user_id {
            validate::id("agent_user_id", user.as_str())?;
        }
        let body = serde_json::json!({
            "customerId": customer_id,
            "representativeAgentUserId": agent_user_id,
        });
        let request = Request::post(
            "/api/customers/{id}/representative",
            format!("/api/customers/{customer_id}/representative"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Moves the customer to a branch; `None` removes the assignment.
    pub async fn set_branch(
        &self,
        customer_id: &CustomerId,
        agent_branch_id: Option<&AgentBranchId>,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        if let Some(branch) = agent_branch_id {
            validate::id("agent_branch_id", branch.as_str())?;
        }
        let body = serde_json::json!({
            "customerId": customer_id,
            "agentBranchId": agent_branch_id,
        });
        let request = Request::post(
            "/api/customers/{id}/branch",
            format!("/api/customers/{customer_id}/branch"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// The customer's KVKK and ETK consents, and every change to them.
    pub async fn consents(&self, customer_id: &CustomerId) -> Result<CustomerConsents> {
        validate::id("customer_id", customer_id.as_str())?;
        self.client
            .call(Request::get(
                "/api/customers/{id}/consents",
                format!("/api/customers/{customer_id}/consents"),
            ))
            .await
    }

    /// Records that the customer gave a consent through `channel`. Giving one already in force
    /// changes nothing, so the call is safe to repeat.
    pub async fn give_consent(
        &self,
        customer_id: &CustomerId,
        consent_type: ConsentType,
        channel: ConsentChannel,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        if consent_type.is_unknown() {
            return Err(Error::validation("consent_type", "must be KVKK or ETK"));
        }
        let body = serde_json::json!({
            "customerId": customer_id,
            "consentType": consent_type,
            "channel": channel,
        });
        let request = Request::post(
            "/api/customers/{id}/consents",
            format!("/api/customers/{customer_id}/consents"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Records that the customer revoked a consent.
    pub async fn revoke_consent(
        &self,
        customer_id: &CustomerId,
        consent_type: ConsentType,
    ) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        if consent_type.is_unknown() {
            return Err(Error::validation("consent_type", "must be KVKK or ETK"));
        }
        let consent = consent_type.as_str();
        self.client
            .send(Request::delete(
                "/api/customers/{id}/consents/{consentType}",
                format!("/api/customers/{customer_id}/consents/{consent}"),
            ))
            .await
            .map(|_| ())
    }

    /// Calls with the customer, newest first; only those of one case when `case_ref` is given.
    pub async fn contacts(
        &self,
        customer_id: &CustomerId,
        case_ref: Option<&str>,
    ) -> Result<Vec<CustomerContact>> {
        validate::id("customer_id", customer_id.as_str())?;
        let mut request = Request::get(
            "/api/customers/{id}/contacts",
            format!("/api/customers/{customer_id}/contacts"),
        );
        if let Some(case_ref) = case_ref {
            validate::id("case_ref", case_ref)?;
            request = request.query("caseRef", case_ref);
        }
        self.client.call(request).await
    }

    /// Plans a call with the customer now. Not retried once sent.
    pub async fn add_contact(&self, customer_id: &CustomerId) -> Result<()> {
        validate::id("customer_id", customer_id.as_str())?;
        let body = serde_json::json!({ "customerId": customer_id });
        let request = Request::post(
            "/api/customers/{id}/contacts",
            format!("/api/customers/{customer_id}/contacts"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }
}
