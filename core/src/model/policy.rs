//! Issued policies.

use super::{
    AgentBranchId, Channel, Currency, CustomerId, PaymentOption, PolicyId, PolicyState,
    PolicyTransferTriggerStatus, ProductBranch, ProposalId, ProposalProductId, UserReference,
};
use crate::error::{Error, Result};
use crate::validate;

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
    /// Sales channel.
    pub channel: Option<Channel>,
    /// Who created it.
    pub created_by: Option<UserReference>,
    /// The agent user looking after it.
    pub represented_by: Option<UserReference>,
}

/// A policy bought elsewhere, entered by hand (`POST /api/policies/manual`), or the new state of
/// one (`PUT /api/policies/manual/{id}`). It carries what the vendor client's
/// `CreateManualPolicyRequest` names: customer, insurer, branch, number, term and premium.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ManualPolicy {
    /// The insurer's policy number.
    pub policy_number: String,
    /// The insurer's id (see `reference().insurance_companies()`).
    pub insurance_company_id: i64,
    /// Branch.
    pub product_branch: ProductBranch,
    /// The policy's customer.
    pub customer_id: CustomerId,
    /// First day of cover, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day of cover, `YYYY-MM-DD`.
    pub end_date: String,
    /// What the customer pays (gross premium). Required to enter a policy; an update without
    /// it keeps the premium.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub premium: Option<f64>,
}

impl ManualPolicy {
    /// A policy with the insurer's number, for `customer`, in force from `start_date` to
    /// `end_date` (`YYYY-MM-DD`).
    pub fn new(
        policy_number: impl Into<String>,
        insurance_company_id: i64,
        product_branch: ProductBranch,
        customer: impl Into<CustomerId>,
        start_date: impl Into<String>,
        end_date: impl Into<String>,
    ) -> Self {
        ManualPolicy {
            policy_number: policy_number.into(),
            insurance_company_id,
            product_branch,
            customer_id: customer.into(),
            start_date: start_date.into(),
            end_date: end_date.into(),
            premium: None,
        }
    }

    /// Sets what the customer pays (the gross premium).
    pub fn with_premium(mut self, gross: f64) -> Self {
        self.premium = Some(gross);
        self
    }

    /// The create body (`policy_id` none) or the update body: the update names the policy and
    /// carries only what can change (number, term, premium).
    pub(crate) fn to_body(&self, policy_id: Option<&PolicyId>) -> Result<serde_json::Value> {
        validate::not_blank("policy_number", &self.policy_number)?;
        if self.insurance_company_id <= 0 {
            return Err(Error::validation(
                "insurance_company_id",
                "must be an insurer's id",
            ));
        }
        validate::id("customer_id", self.customer_id.as_str())?;
        let start = validate::date("start_date", &self.start_date)?;
        let end = validate::date("end_date", &self.end_date)?;
        if end <= start {
            return Err(Error::validation("end_date", "must be after start_date"));
        }
        match self.premium {
            Some(premium) if !premium.is_finite() || premium <= 0.0 => {
                return Err(Error::validation("premium", "must be a positive amount"));
            }
            None if policy_id.is_none() => {
                return Err(Error::validation(
                    "premium",
                    "is required to enter a policy",
                ));
            }
            _ => {}
        }
        let mut body = match policy_id {
            None => serde_json::json!({
                "customerId": self.customer_id,
                "insuranceCompanyId": self.insurance_company_id,
                "productBranch": self.product_branch,
                "policyNumber": self.policy_number.trim(),
                "startDate": self.start_date,
                "endDate": self.end_date,
                "premium": self.premium,
            }),
            Some(id) => serde_json::json!({
                "policyId": id,
                "policyNumber": self.policy_number.trim(),
                "startDate": self.start_date,
                "endDate": self.end_date,
                "premium": self.premium,
            }),
        };
        if let Some(object) = body.as_object_mut() {
            object.retain(|_, value| !value.is_null());
        }
        Ok(body)
    }
}

/// A policy transfer: the agency's policies pulled in from the insurers' systems for a period
/// (`GET /api/policy-transfers/{id}`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyTransfer {
    /// The transfer's id.
    pub id: String,
    /// First day of the period.
    pub start_date: Option<String>,
    /// Last day of the period.
    pub end_date: Option<String>,
    /// When it was created (RFC 3339).
    pub created_at: Option<String>,
    /// Policies transferred.
    #[serde(default)]
    pub succeeded_policy_count: u32,
    /// Policies that could not be transferred.
    #[serde(default)]
    pub failed_policy_count: u32,
    /// Policies skipped (already there, unsupported product, …).
    #[serde(default)]
    pub skipped_policy_count: u32,
    /// Each run, oldest first.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub triggers: Vec<PolicyTransferTrigger>,
}

/// One run of a policy transfer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyTransferTrigger {
    /// The run's id.
    pub id: String,
    /// When it ran (RFC 3339).
    pub occurred_at: Option<String>,
    /// How long it took; none while it runs.
    pub duration_ms: Option<u32>,
    /// Policies transferred.
    #[serde(default)]
    pub succeeded_policy_count: u32,
    /// Policies that could not be transferred.
    #[serde(default)]
    pub failed_policy_count: u32,
    /// Policies skipped.
    #[serde(default)]
    pub skipped_policy_count: u32,
    /// Insurers asked.
    #[serde(default)]
    pub insurance_company_count: u32,
    /// Finished or failed.
    pub status: Option<PolicyTransferTriggerStatus>,
}

/// One run of a policy transfer in detail, insurer by insurer
/// (`GET /api/policy-transfers/{id}/triggers/{triggerId}`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyTransferRun {
    /// The run's id.
    pub id: String,
    /// The transfer it belongs to.
    pub policy_transfer_id: Option<String>,
    /// When it ran (RFC 3339).
    pub occurred_at: Option<String>,
    /// Policies transferred.
    #[serde(default)]
    pub succeeded_policy_count: u32,
    /// Policies that could not be transferred.
    #[serde(default)]
    pub failed_policy_count: u32,
    /// Policies skipped.
    #[serde(default)]
    pub skipped_policy_count: u32,
    /// The result per insurer.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub companies: Vec<PolicyTransferCompany>,
}

/// What one insurer gave in a run of a policy transfer.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyTransferCompany {
    /// The insurer's id.
    pub insurance_company_id: i64,
    /// Policies transferred.
    #[serde(default)]
    pub succeeded_policy_count: u32,
    /// Policies that could not be transferred.
    #[serde(default)]
    pub failed_policy_count: u32,
    /// Policies skipped.
    #[serde(default)]
    pub skipped_policy_count: u32,
    /// True when the insurer's policies could be fetched.
    #[serde(default)]
    pub success: bool,
    /// Why not, e.g. `COULD_NOT_FETCH_POLICIES`.
    pub failure_reason: Option<String>,
}
