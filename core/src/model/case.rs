//! Cases: the CRM record of a sale opportunity, endorsement, cancellation or complaint.

use super::{
    AgentBranchId, AssetType, CaseId, CaseMainState, CaseStatus, CaseType, Channel, CustomerId,
    PolicyId, ProductBranch, ProposalId,
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
    /// The customer.
    pub customer_id: CustomerId,
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
    /// Branch the case belongs to.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Policies sold in this case.
    #[serde(default)]
    pub policy_ids: Vec<PolicyId>,
    /// Proposals made in this case.
    #[serde(default)]
    pub proposal_ids: Vec<ProposalId>,
}

impl Case {
    /// True while the case is open or delayed.
    pub fn is_open(&self) -> bool {
        matches!(self.status, CaseStatus::Open | CaseStatus::Delayed)
    }
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
