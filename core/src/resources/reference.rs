use crate::client::Client;
use crate::error::Result;
use crate::model::{
    AgentBranch, AgentUser, CoverageGroup, CoverageGroupId, InsuranceCompany, Reference,
};
use crate::transport::Request;
use crate::validate;

/// Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user
/// and the agency's branches.
#[derive(Debug, Clone)]
pub struct ReferenceData {
    pub(super) client: Client,
}

impl ReferenceData {
    pub(crate) fn new(client: Client) -> Self {
        ReferenceData { client }
    }

    /// Vehicle brands.
    pub async fn vehicle_brands(&self) -> Result<Vec<Reference>> {
        self.client
            .call(Request::get(
                "/api/vehicle-parameters/brands",
                "/api/vehicle-parameters/brands",
            ))
            .await
    }

    /// Models of a brand for a model year.
    pub async fn vehicle_models(&self, brand_reference: &str, year: u32) -> Result<Vec<Reference>> {
        validate::not_blank("brand_reference", brand_reference)?;
        self.client
            .call(
                Request::get(
                    "/api/vehicle-parameters/models",
                    "/api/vehicle-parameters/models",
                )
                .query("brandReference", brand_reference)
                .query("year", year),
            )
            .await
    }

    /// The agency's coverage groups.
    pub async fn coverage_groups(&self) -> Result<Vec<CoverageGroup>> {
        self.client
            .call(Request::get("/api/coverage-groups", "/api/coverage-groups"))
            .await
    }

    /// One coverage group.
    pub async fn coverage_group(&self, id: &CoverageGroupId) -> Result<CoverageGroup> {
        validate::id("coverage_group_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/coverage-groups/{id}",
                format!("/api/coverage-groups/{id}"),
            ))
            .await
    }

    /// Insurance companies.
    pub async fn insurance_companies(&self) -> Result<Vec<InsuranceCompany>> {
        self.client
            .call(Request::get(
                "/api/insurance-companies",
                "/api/insurance-companies",
            ))
            .await
    }

    /// The signed-in agent user.
    pub async fn me(&self) -> Result<AgentUser> {
        self.client
            .call(Request::get("/api/agent-users/me", "/api/agent-users/me"))
            .await
    }

    /// The agency's branches.
    pub async fn agent_branches(&self) -> Result<Vec<AgentBranch>> {
        self.client
            .call(Request::get("/api/agent-branches", "/api/agent-branches"))
            .await
    }
}
