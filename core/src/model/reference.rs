//! Reference data: coverage groups, insurers, the signed-in user and the agency's branches.

use super::{AgentBranchId, AgentId, CoverageGroupId, PaymentOption, ProductBranch, UserId};

/// A named set of coverages an agency prices proposals with.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CoverageGroup {
    /// The group's id.
    pub id: CoverageGroupId,
    /// Its name.
    pub name: String,
    /// Branch it applies to.
    pub product_branch: Option<ProductBranch>,
    /// Description.
    pub description: Option<String>,
}

/// An insurance company.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct InsuranceCompany {
    /// The insurer's id.
    pub id: i64,
    /// Its name, e.g. `Anadolu Sigorta`.
    pub name: String,
    /// Logo URL.
    pub logo: Option<String>,
    /// Whether the agency works with it.
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// How its products can be paid.
    #[serde(default)]
    pub supported_payment_options: Vec<PaymentOption>,
}

fn enabled_by_default() -> bool {
    true
}

/// The signed-in agent user (`GET /api/agent-users/me`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentUser {
    /// The user's id.
    pub id: UserId,
    /// E-mail address.
    pub email: Option<String>,
    /// The agency.
    pub agent_id: Option<AgentId>,
    /// True for service accounts (OAuth client credentials).
    #[serde(default)]
    pub is_service_account: bool,
}

/// A branch, sub-agency or partner of the agency.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentBranch {
    /// The branch's id.
    pub id: AgentBranchId,
    /// Its name.
    pub name: String,
    /// Parent branch.
    #[serde(alias = "parentId")]
    pub parent_branch_id: Option<AgentBranchId>,
    /// When it was created.
    pub created_at: Option<String>,
    /// When it was last renamed or moved.
    pub updated_at: Option<String>,
}
