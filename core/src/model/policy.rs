//! Issued policies.

use super::{
    AgentBranchId, Currency, CustomerId, PaymentOption, PolicyId, PolicyState, ProductBranch,
    ProposalId, ProposalProductId,
};

/// A policy, as `GET /api/policies/{id}` returns it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// The policy's id.
    pub id: PolicyId,
    /// The insurer's policy number.
    #[serde(alias = "insuranceCompanyPolicyNumber")]
    pub policy_number: Option<String>,
    /// Active, ended or cancelled.
    pub state: PolicyState,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// The insurer's id.
    pub insurance_company_id: Option<i64>,
    /// The insurer's name.
    pub insurance_company_name: Option<String>,
    /// The product's name.
    pub product_name: Option<String>,
    /// The proposal it was bought from.
    pub proposal_id: Option<ProposalId>,
    /// The product it was bought as.
    pub proposal_product_id: Option<ProposalProductId>,
    /// The customer who pays.
    pub insurer_customer_id: Option<CustomerId>,
    /// The insured customer.
    pub insured_customer_id: Option<CustomerId>,
    /// The insured customer's name.
    pub insured_customer_name: Option<String>,
    /// Start date, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// End date, `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// Issue date, `YYYY-MM-DD`.
    pub arrangement_date: Option<String>,
    /// Installments it was bought in.
    pub installment_number: Option<u32>,
    /// How it was paid.
    pub payment_type: Option<PaymentOption>,
    /// Premium before taxes.
    pub net_premium: Option<f64>,
    /// What the customer pays.
    pub gross_premium: Option<f64>,
    /// The agency's commission.
    pub commission: Option<f64>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Plate of the insured vehicle.
    pub vehicle_plate: Option<String>,
    /// Branch the policy was produced for.
    pub agent_branch_id: Option<AgentBranchId>,
}
