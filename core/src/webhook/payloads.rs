//! The body of each event, field for field as InsurUp documents it (camelCase on the wire).
//!
//! Only the ids that name what an event is about are required; every other field is optional.
//! InsurUp's payloads have changed shape between versions of its documentation, and a receiver
//! that refuses a delivery over a missing detail loses the event, so a field the server leaves
//! out decodes to `None` (or an empty list, or `false`) and fields this version does not know
//! are ignored. Dates are `YYYY-MM-DD`, timestamps ISO 8601 as sent, amounts in the premium's
//! currency.

use serde::{Deserialize, Serialize};

pub use crate::model::UserReference;
use crate::model::{
    CaseId, CaseMainState, CaseSubState, CaseType, Channel, ConsentChannel, CustomerId,
    CustomerType, Gender, InsuranceCompany, MaritalStatus, PaymentOption, PolicyId, Premium,
    ProductBranch, PropertyAddress, PropertyId, PropertyOwnershipType, PropertyUtilizationStyle,
    ProposalId, ProposalProductId, Reference, VehicleFuel, VehicleId, VehicleUtilizationStyle,
};

/// `proposal_premium.received`: an insurer priced a proposal's product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PremiumReceived {
    /// The proposal.
    pub proposal_id: ProposalId,
    /// The product that was priced; pass it to `purchase()`.
    pub proposal_product_id: Option<ProposalProductId>,
    /// The insurer's catalogue product id.
    pub product_id: Option<i64>,
    /// Branch of the proposal.
    pub product_branch: Option<ProductBranch>,
    /// Premiums per installment plan.
    #[serde(default)]
    pub premiums: Vec<Premium>,
    /// The insured customer as the insurer saw it.
    pub insured_customer: Option<InsuredCustomer>,
    /// Short-lived link to the insurer's proposal document.
    pub temp_proposal_document_url: Option<String>,
    /// Short-lived link to the pre-information form.
    pub temp_pre_info_document_url: Option<String>,
}

/// `proposal_premium.purchasing`: a purchase is starting. InsurUp uses it internally and does
/// not deliver it to external webhooks; it is modelled so a delivery of it still decodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseStarted {
    /// The proposal.
    pub proposal_id: ProposalId,
    /// The product being bought (not in the documented payload; kept when sent).
    pub proposal_product_id: Option<ProposalProductId>,
    /// The insurer's catalogue product id.
    pub product_id: Option<i64>,
    /// Installments; 1 = cash.
    pub installment_number: Option<u32>,
    /// How it is paid.
    pub payment_type: Option<PaymentOption>,
}

/// `proposal_premium.purchased`: a product was bought and its policy issued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Purchased {
    /// The proposal.
    pub proposal_id: ProposalId,
    /// The policy that was issued.
    pub policy_id: PolicyId,
    /// The product that was bought (not in the documented payload; kept when sent).
    pub proposal_product_id: Option<ProposalProductId>,
    /// The insurer's catalogue product id.
    pub product_id: Option<i64>,
    /// Branch (not in the documented payload; kept when sent).
    pub product_branch: Option<ProductBranch>,
    /// Installments; 1 = cash.
    pub installment_number: Option<u32>,
    /// How it was paid.
    pub payment_type: Option<PaymentOption>,
    /// First day of cover, `YYYY-MM-DD`.
    pub policy_start_date: Option<String>,
    /// Last day of cover, `YYYY-MM-DD`.
    pub policy_end_date: Option<String>,
}

/// `proposal_premium.purchase_failed`: a purchase did not go through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseFailed {
    /// The proposal.
    pub proposal_id: ProposalId,
    /// The product (not in the documented payload; kept when sent).
    pub proposal_product_id: Option<ProposalProductId>,
    /// The insurer's catalogue product id.
    pub product_id: Option<i64>,
    /// Installments that were asked for.
    pub installment_number: Option<u32>,
    /// How it was to be paid.
    pub payment_type: Option<PaymentOption>,
    /// Why it failed, safe to show.
    pub failure_reason: Option<String>,
}

/// `policy.created`: a policy was issued, bought through a proposal or transferred in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyCreated {
    /// The policy.
    pub policy_id: PolicyId,
    /// The proposal it was bought from; none for transferred policies.
    pub proposal_id: Option<ProposalId>,
    /// The insurer's catalogue product id.
    pub product_id: Option<i64>,
    /// Installments; 1 = cash.
    pub installment_number: Option<u32>,
    /// How it was paid.
    pub payment_type: Option<PaymentOption>,
    /// The insurer.
    pub insurance_company: Option<InsuranceCompany>,
    /// First day of cover, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Last day of cover, `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// How many times the policy has been renewed.
    pub renewal_number: Option<u32>,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// The customer who pays.
    pub insurer_customer_id: Option<CustomerId>,
    /// The insured customer.
    pub insured_customer_id: Option<CustomerId>,
    /// TCKN/VKN of the customer who pays.
    pub insurer_identity_number: Option<String>,
    /// TCKN/VKN of the insured customer.
    pub insured_identity_number: Option<String>,
    /// E-mail of the insured customer.
    pub insured_customer_email: Option<String>,
    /// E-mail of the customer who pays.
    pub insurer_customer_email: Option<String>,
    /// True when the policy came from a policy transfer rather than a sale.
    #[serde(default)]
    pub from_policy_transfer: bool,
    /// Premium before taxes.
    pub net_premium: Option<f64>,
    /// What the customer pays.
    pub gross_premium: Option<f64>,
    /// Sales channel.
    pub channel: Option<Channel>,
    /// The insurer's policy number.
    pub insurance_company_policy_no: Option<String>,
}

/// `policy.updated`: an endorsement or a cancellation changed a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyUpdated {
    /// The policy.
    pub policy_id: PolicyId,
    /// Installments.
    pub installment_number: Option<u32>,
    /// How it is paid.
    pub payment_type: Option<PaymentOption>,
    /// Number of the endorsement that made the change.
    pub endorsement_number: Option<u32>,
    /// True when the change cancels the policy.
    #[serde(default)]
    pub is_cancel: bool,
    /// Change in net premium; negative on a cancellation.
    pub net_premium: Option<f64>,
    /// Change in gross premium; negative on a cancellation.
    pub gross_premium: Option<f64>,
    /// TCKN/VKN of the customer who pays.
    pub insurer_identity_number: Option<String>,
    /// TCKN/VKN of the insured customer.
    pub insured_identity_number: Option<String>,
    /// The insurer's policy number.
    pub insurance_company_policy_no: Option<String>,
}

/// The customer fields `customer.created` and `customer.updated` share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerDetails {
    /// The customer.
    pub customer_id: CustomerId,
    /// Individual, company or foreign.
    pub customer_type: Option<CustomerType>,
    /// TCKN or foreign identity number.
    pub identity_number: Option<String>,
    /// First name (individuals and foreigners).
    pub first_name: Option<String>,
    /// Last name (individuals and foreigners).
    pub last_name: Option<String>,
    /// Company title.
    pub company_title: Option<String>,
    /// VKN (companies).
    pub tax_number: Option<String>,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Marital status.
    pub marital_status: Option<MaritalStatus>,
    /// Province (il), as text.
    pub province: Option<String>,
    /// District (ilçe), as text.
    pub district: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number, as text.
    pub phone_number: Option<String>,
    /// The agency branch the customer belongs to.
    pub branch: Option<String>,
}

/// `customer.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerCreated {
    /// The new customer.
    #[serde(flatten)]
    pub customer: CustomerDetails,
    /// When it was created.
    pub created_at: Option<String>,
    /// Where it came from.
    pub creation_channel: Option<Channel>,
}

/// `customer.updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerUpdated {
    /// The customer after the change.
    #[serde(flatten)]
    pub customer: CustomerDetails,
    /// When it changed.
    pub updated_at: Option<String>,
    /// Who changed it.
    pub updated_by: Option<UserReference>,
}

/// `customer.kvkk_consent_given` and `customer.etk_consent_given`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentGiven {
    /// The customer.
    pub customer_id: CustomerId,
    /// Individual, company or foreign.
    pub customer_type: Option<CustomerType>,
    /// Where consent was given.
    pub channel: Option<ConsentChannel>,
    /// When.
    pub given_at: Option<String>,
}

/// `customer.kvkk_consent_revoked` and `customer.etk_consent_revoked`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentRevoked {
    /// The customer.
    pub customer_id: CustomerId,
    /// Individual, company or foreign.
    pub customer_type: Option<CustomerType>,
    /// Where consent was revoked.
    pub channel: Option<ConsentChannel>,
    /// When.
    pub revoked_at: Option<String>,
}

/// The vehicle fields `vehicle.created` and `vehicle.updated` share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VehicleDetails {
    /// The owner.
    pub customer_id: CustomerId,
    /// The vehicle.
    pub vehicle_id: VehicleId,
    /// Plate, e.g. `34ABC123`.
    pub plate: Option<String>,
    /// Brand name.
    pub brand_name: Option<String>,
    /// Model name.
    pub model_name: Option<String>,
    /// Model year.
    pub model_year: Option<i32>,
    /// How the vehicle is used.
    pub utilization_style: Option<VehicleUtilizationStyle>,
    /// Fuel.
    pub fuel: Option<VehicleFuel>,
    /// Chassis number.
    pub chassis: Option<String>,
    /// Engine number.
    pub engine: Option<String>,
    /// Registration date, `YYYY-MM-DD`.
    pub registration_date: Option<String>,
}

/// `vehicle.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VehicleCreated {
    /// The new vehicle.
    #[serde(flatten)]
    pub vehicle: VehicleDetails,
    /// When it was created.
    pub created_at: Option<String>,
}

/// `vehicle.updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VehicleUpdated {
    /// The vehicle after the change.
    #[serde(flatten)]
    pub vehicle: VehicleDetails,
    /// When it changed.
    pub updated_at: Option<String>,
    /// Who changed it.
    pub updated_by: Option<UserReference>,
}

/// The property fields `property.created` and `property.updated` share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyDetails {
    /// The owner.
    pub customer_id: CustomerId,
    /// The property.
    pub property_id: PropertyId,
    /// UAVT address code of the building unit.
    pub property_number: Option<i64>,
    /// Address of the UAVT number, level by level (one line of text in older payloads).
    #[serde(
        default,
        deserialize_with = "crate::model::address::address_from_either"
    )]
    pub address: Option<PropertyAddress>,
    /// Floor area in square metres.
    pub square_meter: Option<u32>,
    /// Year of construction.
    pub construction_year: Option<i32>,
    /// How the property is used.
    pub utilization_style: Option<PropertyUtilizationStyle>,
    /// Owner or tenant.
    pub ownership_type: Option<PropertyOwnershipType>,
}

/// `property.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyCreated {
    /// The new property.
    #[serde(flatten)]
    pub property: PropertyDetails,
    /// When it was created.
    pub created_at: Option<String>,
}

/// `property.updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyUpdated {
    /// The property after the change.
    #[serde(flatten)]
    pub property: PropertyDetails,
    /// When it changed.
    pub updated_at: Option<String>,
    /// Who changed it.
    pub updated_by: Option<UserReference>,
}

/// `case.created`: a sale opportunity, endorsement, cancellation or complaint was opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseCreated {
    /// The case.
    pub case_id: CaseId,
    /// Human-readable reference, e.g. `SF-2026-001234`.
    pub case_ref: Option<String>,
    /// Kind of case.
    pub case_type: Option<CaseType>,
    /// The customer.
    pub customer_id: Option<CustomerId>,
    /// Branch the case is about.
    pub product_branch: Option<ProductBranch>,
}

/// `case.state_changed`: a case moved to another main or sub-state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseStateChanged {
    /// The case.
    pub case_id: CaseId,
    /// Human-readable reference.
    pub case_ref: Option<String>,
    /// The customer.
    pub customer_id: Option<CustomerId>,
    /// New main state.
    pub new_main_state: Option<CaseMainState>,
    /// New sub-state, e.g. `IN_PROGRESS_UNDER_ANALYSIS` or `SUCCESS_COMPLETED`.
    pub new_sub_state: Option<CaseSubState>,
}

/// The insured customer inside `proposal_premium.received` (`$type` individual, foreign or
/// company).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InsuredCustomer {
    /// Individual, company or foreign (the wire's lowercase `$type`).
    #[serde(rename = "$type", serialize_with = "lowercase_customer_type")]
    pub customer_type: Option<CustomerType>,
    /// TCKN or foreign identity number (individuals and foreigners).
    pub identity_number: Option<String>,
    /// Birth date, `YYYY-MM-DD` (individuals and foreigners).
    pub birth_date: Option<String>,
    /// Full name (individuals and foreigners).
    pub full_name: Option<String>,
    /// Company title (companies).
    pub title: Option<String>,
    /// VKN (companies).
    pub tax_number: Option<String>,
    /// Phone number.
    pub phone_number: Option<CustomerPhoneNumber>,
    /// E-mail address.
    pub email: Option<CustomerEmail>,
    /// City.
    pub city: Option<Reference>,
    /// District.
    pub district: Option<Reference>,
}

/// A phone number as webhook payloads spell it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPhoneNumber {
    /// The whole national number, e.g. `5321234567`.
    pub number: String,
    /// Country calling code, 90 for Turkey.
    pub country_code: Option<u32>,
    /// Area code, e.g. `532`.
    pub area_code: Option<String>,
    /// The number without its area code.
    pub number_without_area_code: Option<String>,
}

/// An e-mail address as webhook payloads spell it (`{"value": "..."}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerEmail {
    /// The address.
    pub value: String,
}

/// Writes `$type` back the way the server spells it (`individual`), not as the `CustomerType`
/// enum does elsewhere (`INDIVIDUAL`).
fn lowercase_customer_type<S: serde::Serializer>(
    customer_type: &Option<CustomerType>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match customer_type {
        // A value this SDK does not know is written back exactly as it arrived.
        Some(customer_type) if customer_type.is_unknown() => {
            serializer.serialize_str(customer_type.as_str())
        }
        Some(customer_type) => serializer.serialize_str(&customer_type.as_str().to_lowercase()),
        None => serializer.serialize_none(),
    }
}
