//! Customers: individuals (TCKN), companies (VKN) and foreign nationals.

use serde::Serialize;

use super::{
    AgentBranchId, Channel, CustomerConsent, CustomerId, CustomerType, EducationStatus, Gender,
    Job, MaritalStatus, Nationality, PhoneNumber, Reference, UserReference,
};
use crate::error::Result;
use crate::validate;

/// A customer of the agency, as `GET /api/customers/{id}` returns it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// The customer's id.
    pub id: CustomerId,
    /// Individual, company or foreign.
    #[serde(rename = "type")]
    pub customer_type: CustomerType,
    /// Full name (individuals and foreigners).
    pub full_name: Option<String>,
    /// TCKN (individuals) or foreign identity number.
    pub identity_number: Option<String>,
    /// Company title.
    pub title: Option<String>,
    /// VKN (companies).
    pub tax_number: Option<String>,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Marital status (individuals and foreigners).
    pub marital_status: Option<MaritalStatus>,
    /// Nationality (individuals and foreigners).
    pub nationality: Option<Nationality>,
    /// Highest education (individuals and foreigners).
    pub education_status: Option<EducationStatus>,
    /// Occupation (individuals and foreigners).
    pub job: Option<Job>,
    /// Passport number (individuals and foreigners).
    pub passport_number: Option<String>,
    /// Father's name (foreigners).
    pub father_name: Option<String>,
    /// Primary e-mail address.
    pub primary_email: Option<String>,
    /// Primary phone number.
    pub primary_phone_number: Option<PhoneNumber>,
    /// City.
    pub city: Option<Reference>,
    /// District.
    pub district: Option<Reference>,
    /// When the customer was created (RFC 3339).
    pub created_at: Option<String>,
    /// Who created the customer.
    pub created_by: Option<UserReference>,
    /// The agent user who looks after the customer.
    pub represented_by: Option<UserReference>,
    /// Where the customer came from.
    pub creation_channel: Option<Channel>,
    /// Branch the customer belongs to.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Whether each consent (KVKK, ETK) is in force.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub consents: Vec<CustomerConsent>,
    /// Number of vehicles.
    #[serde(default)]
    pub vehicle_count: u32,
    /// Number of properties.
    #[serde(default)]
    pub property_count: u32,
    /// Number of proposals.
    #[serde(default)]
    pub proposal_count: u32,
    /// Number of policies.
    #[serde(default)]
    pub policy_count: u32,
    /// Number of cases.
    #[serde(default)]
    pub case_count: u32,
    /// Number of e-mail addresses.
    #[serde(default)]
    pub email_count: u32,
    /// Number of phone numbers.
    #[serde(default)]
    pub phone_count: u32,
}

impl Customer {
    /// The name to show: full name or company title.
    pub fn display_name(&self) -> &str {
        self.full_name
            .as_deref()
            .or(self.title.as_deref())
            .unwrap_or("")
    }

    /// True when the customer's consent of this type is in force.
    pub fn has_consent(&self, consent_type: &super::ConsentType) -> bool {
        self.consents
            .iter()
            .any(|consent| &consent.consent_type == consent_type && consent.is_active)
    }
}

/// A new individual customer (Turkish citizen).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewIndividualCustomer {
    /// TCKN, 11 digits with a valid checksum.
    pub identity_number: String,
    /// Birth date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth_date: Option<String>,
    /// Full name; InsurUp fills it from the population registry when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub full_name: Option<String>,
    /// E-mail address.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Turkish phone number, e.g. `5321234567` or `+90 532 123 45 67`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone_number: Option<String>,
    /// Gender.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<Gender>,
    /// Branch to create the customer under (B2B guide §6); defaults to the client's branch.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_id: Option<AgentBranchId>,
}

/// A new company customer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewCompanyCustomer {
    /// VKN, 10 digits with a valid checksum.
    pub tax_number: String,
    /// Company title.
    pub title: String,
    /// E-mail address.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Turkish phone number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone_number: Option<String>,
    /// Branch to create the customer under; defaults to the client's branch.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_id: Option<AgentBranchId>,
}

/// A new foreign customer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewForeignCustomer {
    /// Foreign identity number (99…).
    pub identity_number: String,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// Full name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub full_name: Option<String>,
    /// E-mail address.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Phone number.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone_number: Option<String>,
    /// Branch to create the customer under; defaults to the client's branch.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_id: Option<AgentBranchId>,
}

/// A customer to create; `POST /api/customers` is polymorphic on `$type`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NewCustomer {
    /// A Turkish citizen.
    Individual(NewIndividualCustomer),
    /// A company.
    Company(NewCompanyCustomer),
    /// A foreign national.
    Foreign(NewForeignCustomer),
}

impl NewCustomer {
    /// An individual with the given TCKN; add details with the `with_*` methods.
    pub fn individual(identity_number: impl Into<String>) -> Self {
        NewCustomer::Individual(NewIndividualCustomer {
            identity_number: identity_number.into(),
            ..NewIndividualCustomer::default()
        })
    }

    /// A company with the given VKN and title.
    pub fn company(tax_number: impl Into<String>, title: impl Into<String>) -> Self {
        NewCustomer::Company(NewCompanyCustomer {
            tax_number: tax_number.into(),
            title: title.into(),
            ..NewCompanyCustomer::default()
        })
    }

    /// The kind of customer an identity number names: a 10-digit VKN is a company (titled
    /// `title`), a number starting with 99 a foreign national (born on `birth_date`), any other
    /// an individual (TCKN). Checksums are checked when the customer is created.
    pub fn from_identity_number(
        identity_number: impl Into<String>,
        title: Option<String>,
        birth_date: Option<String>,
    ) -> Self {
        let number = identity_number.into().trim().to_owned();
        if number.len() == 10 {
            NewCustomer::company(number, title.unwrap_or_default())
        } else if number.starts_with("99") {
            NewCustomer::foreign(number, birth_date.unwrap_or_default())
        } else {
            let individual = NewCustomer::individual(number);
            match birth_date {
                Some(date) => individual.with_birth_date(date),
                None => individual,
            }
        }
    }

    /// A foreign national.
    pub fn foreign(identity_number: impl Into<String>, birth_date: impl Into<String>) -> Self {
        NewCustomer::Foreign(NewForeignCustomer {
            identity_number: identity_number.into(),
            birth_date: birth_date.into(),
            ..NewForeignCustomer::default()
        })
    }

    /// Sets the birth date (`YYYY-MM-DD`; ignored for companies).
    pub fn with_birth_date(mut self, date: impl Into<String>) -> Self {
        match &mut self {
            NewCustomer::Individual(c) => c.birth_date = Some(date.into()),
            NewCustomer::Foreign(c) => c.birth_date = date.into(),
            NewCustomer::Company(_) => {}
        }
        self
    }

    /// Sets the full name (ignored for companies, which have a title).
    pub fn with_full_name(mut self, name: impl Into<String>) -> Self {
        match &mut self {
            NewCustomer::Individual(c) => c.full_name = Some(name.into()),
            NewCustomer::Foreign(c) => c.full_name = Some(name.into()),
            NewCustomer::Company(_) => {}
        }
        self
    }

    /// Sets the e-mail address.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        let email = Some(email.into());
        match &mut self {
            NewCustomer::Individual(c) => c.email = email,
            NewCustomer::Company(c) => c.email = email,
            NewCustomer::Foreign(c) => c.email = email,
        }
        self
    }

    /// Sets the phone number (`5321234567`, `+90 532 …`).
    pub fn with_phone_number(mut self, phone: impl Into<String>) -> Self {
        let phone = Some(phone.into());
        match &mut self {
            NewCustomer::Individual(c) => c.phone_number = phone,
            NewCustomer::Company(c) => c.phone_number = phone,
            NewCustomer::Foreign(c) => c.phone_number = phone,
        }
        self
    }

    /// Sets the branch the customer is created under.
    pub fn with_agent_branch_id(mut self, branch: impl Into<AgentBranchId>) -> Self {
        let branch = Some(branch.into());
        match &mut self {
            NewCustomer::Individual(c) => c.agent_branch_id = branch,
            NewCustomer::Company(c) => c.agent_branch_id = branch,
            NewCustomer::Foreign(c) => c.agent_branch_id = branch,
        }
        self
    }

    /// The identity or tax number that identifies the customer.
    pub fn identity_key(&self) -> &str {
        match self {
            NewCustomer::Individual(c) => &c.identity_number,
            NewCustomer::Company(c) => &c.tax_number,
            NewCustomer::Foreign(c) => &c.identity_number,
        }
    }

    pub(crate) fn agent_branch_id(&self) -> Option<&AgentBranchId> {
        match self {
            NewCustomer::Individual(c) => c.agent_branch_id.as_ref(),
            NewCustomer::Company(c) => c.agent_branch_id.as_ref(),
            NewCustomer::Foreign(c) => c.agent_branch_id.as_ref(),
        }
    }

    /// Checks every field and builds the request body.
    pub(crate) fn to_body(&self) -> Result<CustomerBody> {
        let phone = |input: &Option<String>| -> Result<Option<PhoneNumber>> {
            input
                .as_deref()
                .map(|raw| {
                    PhoneNumber::parse_turkish(raw).ok_or_else(|| {
                        crate::Error::validation(
                            "phone_number",
                            "must be a 10-digit Turkish number such as 5321234567",
                        )
                    })
                })
                .transpose()
        };
        let email = |input: &Option<String>| -> Result<Option<String>> {
            if let Some(address) = input {
                validate::email("email", address)?;
            }
            Ok(input.clone())
        };
        Ok(match self {
            NewCustomer::Individual(c) => {
                validate::tckn("identity_number", &c.identity_number)?;
                if let Some(date) = &c.birth_date {
                    validate::past_date("birth_date", date)?;
                }
                CustomerBody {
                    kind: "individual",
                    identity_number: Some(c.identity_number.clone()),
                    tax_number: None,
                    title: None,
                    full_name: c.full_name.clone(),
                    birth_date: c.birth_date.clone(),
                    gender: c.gender.clone(),
                    email: email(&c.email)?,
                    phone_number: phone(&c.phone_number)?,
                    agent_id: None,
                    agent_branch_id: None,
                }
            }
            NewCustomer::Company(c) => {
                validate::vkn("tax_number", &c.tax_number)?;
                validate::not_blank("title", &c.title)?;
                CustomerBody {
                    kind: "company",
                    identity_number: None,
                    tax_number: Some(c.tax_number.clone()),
                    title: Some(c.title.clone()),
                    full_name: None,
                    birth_date: None,
                    gender: None,
                    email: email(&c.email)?,
                    phone_number: phone(&c.phone_number)?,
                    agent_id: None,
                    agent_branch_id: None,
                }
            }
            NewCustomer::Foreign(c) => {
                let valid = c.identity_number.len() == 11
                    && c.identity_number.starts_with("99")
                    && c.identity_number.chars().all(|ch| ch.is_ascii_digit());
                if !valid {
                    return Err(crate::Error::validation(
                        "identity_number",
                        "must be an 11-digit foreign identity number starting with 99",
                    ));
                }
                validate::past_date("birth_date", &c.birth_date)?;
                CustomerBody {
                    kind: "foreign",
                    identity_number: Some(c.identity_number.clone()),
                    tax_number: None,
                    title: None,
                    full_name: c.full_name.clone(),
                    birth_date: Some(c.birth_date.clone()),
                    gender: None,
                    email: email(&c.email)?,
                    phone_number: phone(&c.phone_number)?,
                    agent_id: None,
                    agent_branch_id: None,
                }
            }
        })
    }
}

impl From<NewIndividualCustomer> for NewCustomer {
    fn from(value: NewIndividualCustomer) -> Self {
        NewCustomer::Individual(value)
    }
}

impl From<NewCompanyCustomer> for NewCustomer {
    fn from(value: NewCompanyCustomer) -> Self {
        NewCustomer::Company(value)
    }
}

impl From<NewForeignCustomer> for NewCustomer {
    fn from(value: NewForeignCustomer) -> Self {
        NewCustomer::Foreign(value)
    }
}

/// The body of `POST /api/customers`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomerBody {
    #[serde(rename = "$type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<PhoneNumber>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<super::AgentId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_branch_id: Option<AgentBranchId>,
}

/// What the population registry knows about an identity or tax number
/// (`POST /api/customers/external-lookup`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerLookup {
    /// Full name or company title.
    pub full_name: Option<String>,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// City.
    pub city: Option<Reference>,
    /// District.
    pub district: Option<Reference>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identity_number_decides_the_kind_of_customer() {
        let of = |number: &str| {
            NewCustomer::from_identity_number(
                number,
                Some("ACME A.Ş.".into()),
                Some("1990-01-01".into()),
            )
        };
        assert!(matches!(of("11111111110"), NewCustomer::Individual(_)));
        assert!(matches!(of("6130782524"), NewCustomer::Company(_)));
        assert!(matches!(of("99123456780"), NewCustomer::Foreign(_)));
    }
}
