//! Cases: the CRM record of a sale opportunity, endorsement, cancellation or complaint.

use super::{
    AgentBranchId, AssetType, CaseId, CaseMainState, CaseStatus, CaseSubState, CaseSubType,
    CaseType, Channel, Currency, CustomerId, CustomerType, PaymentOption, PolicyId, PolicyState,
    ProductBranch, ProposalId, Reference, UserReference,
};

/// A case, as `GET /api/cases/{ref}` returns it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Case {
    /// The case's id.
    pub id: CaseId,
    /// Human-readable reference, e.g. `SF-2026-001234`.
    #[serde(rename = "ref")]
    pub case_ref: Option<String>,
    /// Sale opportunity, endorsement, cancel or complaint.
    #[serde(rename = "type")]
    pub case_type: CaseType,
    /// Open, delayed, success or fail.
    pub status: CaseStatus,
    /// Main state.
    pub main_state: Option<CaseMainState>,
    /// Sub-state, e.g. `OPEN_INITIAL` or `SUCCESS_COMPLETED`.
    pub sub_state: Option<String>,
    /// What kind of sale, cancellation, endorsement or complaint it is.
    pub case_sub_type: Option<CaseSubType>,
    /// The customer.
    pub customer_id: CustomerId,
    /// Individual, company or foreign.
    pub customer_type: Option<CustomerType>,
    /// The customer's name.
    pub customer_name: Option<String>,
    /// Branch of the product the case is about.
    #[serde(alias = "productBranch")]
    pub base_product_branch: Option<ProductBranch>,
    /// Vehicle or property.
    pub asset_type: Option<AssetType>,
    /// Id of the vehicle or property.
    pub asset_id: Option<String>,
    /// Channel the case came from.
    pub channel: Option<Channel>,
    /// When it was created (RFC 3339).
    pub created_at: Option<String>,
    /// Who opened it.
    pub created_by: Option<UserReference>,
    /// The agent user handling it.
    pub represented_by: Option<UserReference>,
    /// Branch the case belongs to.
    pub agent_branch_id: Option<AgentBranchId>,
    /// The policy a cancellation or endorsement is about.
    pub policy_id: Option<PolicyId>,
    /// The case this one was opened from (a cross-sale's source).
    pub source_case_id: Option<CaseId>,
    /// Reference of that case.
    pub source_case_ref: Option<String>,
    /// End date of the policy the case is about, `YYYY-MM-DD`.
    pub policy_end_date: Option<String>,
    /// Policies sold in this case.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub policy_ids: Vec<PolicyId>,
    /// Proposals made in this case.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub proposal_ids: Vec<ProposalId>,
    /// Notes, oldest first.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub notes: Vec<CaseNote>,
    /// The priority the agency's rules gave the case.
    pub priority: Option<CasePriority>,
}

/// A note on a case.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CaseNote {
    /// The text.
    pub note: String,
    /// When it was added (RFC 3339).
    pub created_at: Option<String>,
    /// Who added it.
    pub created_by: Option<UserReference>,
}

/// A case's priority: a score and the rules that gave it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CasePriority {
    /// The total score; higher is more urgent.
    #[serde(default)]
    pub total_score: f64,
    /// When it was assessed (RFC 3339).
    pub assessed_at: Option<String>,
    /// The rules that matched.
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub rule_hits: Vec<CasePriorityRule>,
}

/// A priority rule that matched a case.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CasePriorityRule {
    /// The rule's system name.
    #[serde(alias = "ruleName")]
    pub name: Option<String>,
    /// Its label.
    pub label: Option<String>,
    /// What it means.
    pub description: Option<String>,
    /// What it added to the score.
    #[serde(default)]
    pub score: f64,
}

/// One entry of a case's history (`GET /api/cases/{ref}/activities`). Every activity has an
/// `action`, a time and a user; the other fields are set by the actions they belong to.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CaseActivity {
    /// What happened, e.g. `CREATED`, `STATE_CHANGED`, `NOTE_ADDED`, `POLICY_ADDED`.
    #[serde(alias = "type")]
    pub action: String,
    /// When (RFC 3339).
    pub created_at: Option<String>,
    /// Who did it.
    pub created_by: Option<UserReference>,
    /// The channel (`CREATED`), or the new channel (`CHANNEL_CHANGED`).
    #[serde(alias = "newChannel")]
    pub channel: Option<Channel>,
    /// The channel before a `CHANNEL_CHANGED`.
    pub old_channel: Option<Channel>,
    /// The main state before a `STATE_CHANGED`.
    pub old_main_state: Option<CaseMainState>,
    /// The sub-state before a `STATE_CHANGED`.
    pub old_sub_state: Option<CaseSubState>,
    /// The main state after a `STATE_CHANGED`.
    pub new_main_state: Option<CaseMainState>,
    /// The sub-state after a `STATE_CHANGED`.
    pub new_sub_state: Option<CaseSubState>,
    /// The representative before a `REPRESENTATIVE_ASSIGNED`.
    pub old_representative: Option<UserReference>,
    /// The representative after a `REPRESENTATIVE_ASSIGNED` (or at `CREATED`).
    #[serde(alias = "representative")]
    pub new_representative: Option<UserReference>,
    /// The policy a `POLICY_ADDED` added.
    pub policy_id: Option<PolicyId>,
    /// The proposal a `PROPOSAL_ADDED` added.
    pub proposal_id: Option<ProposalId>,
    /// The text a `NOTE_ADDED` added.
    pub note: Option<String>,
}

/// A proposal made in a case (`GET /api/cases/{ref}/proposals`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CaseProposal {
    /// The proposal.
    #[serde(alias = "proposalId")]
    pub id: ProposalId,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// State, e.g. `ACTIVE`.
    pub state: Option<String>,
    /// The customer who pays.
    pub insurer_customer_id: Option<CustomerId>,
    /// The insured customer.
    pub insured_customer_id: Option<CustomerId>,
    /// The insured customer's name.
    pub insured_customer_name: Option<String>,
    /// Insurers asked.
    #[serde(alias = "totalProductsCount")]
    pub products_count: Option<u32>,
    /// Insurers that answered with a premium.
    pub succeed_products_count: Option<u32>,
    /// Share of insurers that answered with a premium.
    pub success_rate: Option<f64>,
    /// Cheapest cash premium.
    pub lowest_premium: Option<f64>,
    /// Most expensive cash premium.
    pub highest_premium: Option<f64>,
    /// When it was made (RFC 3339).
    pub created_at: Option<String>,
    /// Who made it.
    pub agent_user_created_by: Option<UserReference>,
}

/// A policy sold or handled in a case (`GET /api/cases/{ref}/policies`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CasePolicy {
    /// The policy.
    #[serde(alias = "policyId")]
    pub id: PolicyId,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// Active, ended or cancelled.
    pub state: Option<PolicyState>,
    /// The insurer's policy number.
    pub insurance_company_policy_number: Option<String>,
    /// The insurer's name.
    pub insurance_company_name: Option<String>,
    /// The product's name.
    pub product_name: Option<String>,
    /// The customer who pays.
    pub insurer_customer_id: Option<CustomerId>,
    /// The insured customer.
    pub insured_customer_id: Option<CustomerId>,
    /// The insured customer's name.
    pub insured_customer_name: Option<String>,
    /// Installments.
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
    /// First day of cover, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Last day of cover, `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// When it was created (RFC 3339).
    pub created_at: Option<String>,
    /// The insured customer's city.
    pub insured_customer_city: Option<Reference>,
}

impl Case {
    /// True while the case is open or delayed.
    pub fn is_open(&self) -> bool {
        matches!(self.status, CaseStatus::Open | CaseStatus::Delayed)
    }
}

/// A cross-sale opportunity: another product for a customer, opened from an existing case
/// (`POST /api/cases:cross-sale-opportunity`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewCrossSaleOpportunity {
    /// The case the opportunity came from.
    pub source_case_id: CaseId,
    /// The customer.
    pub customer_id: CustomerId,
    /// The product to offer.
    pub product_branch: ProductBranch,
    /// Where the opportunity came from; `API` when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<Channel>,
    /// Vehicle or property the opportunity is about.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asset_type: Option<AssetType>,
    /// Id of that vehicle or property.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asset_id: Option<String>,
}

/// A request to cancel a policy (`POST /api/cases:cancel`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewCancelCase {
    /// The policy to cancel.
    pub policy_id: PolicyId,
    /// Why, e.g. [`CaseSubType::OnlineCancellationRefund`].
    pub sub_type: CaseSubType,
    /// Where the request came from; `API` when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<Channel>,
}

/// A request to change a policy (`POST /api/cases:endorsement`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewEndorsementCase {
    /// The policy to change.
    pub policy_id: PolicyId,
    /// What changes, e.g. [`CaseSubType::VehicleChange`].
    pub sub_type: CaseSubType,
    /// Where the request came from; `API` when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<Channel>,
}

/// A customer's complaint (`POST /api/cases:complaint`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewComplaintCase {
    /// The customer complaining.
    pub customer_id: CustomerId,
    /// What about, e.g. [`CaseSubType::StaffAttitude`].
    pub sub_type: CaseSubType,
    /// Where the complaint came from; `API` when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<Channel>,
    /// The product the complaint is about.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub product_branch: Option<ProductBranch>,
    /// Vehicle or property the complaint is about.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asset_type: Option<AssetType>,
    /// Id of that vehicle or property.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asset_id: Option<String>,
}

/// A new sale opportunity (`POST /api/cases:new-sale-opportunity`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewSaleOpportunity {
    /// The customer.
    pub customer_id: CustomerId,
    /// What is to be sold.
    pub product_branch: ProductBranch,
    /// Where the opportunity came from; `API` when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<Channel>,
    /// Vehicle or property the opportunity is about.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asset_type: Option<AssetType>,
    /// Id of that vehicle or property.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asset_id: Option<String>,
    /// Branch; the client's branch when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_id: Option<AgentBranchId>,
}
