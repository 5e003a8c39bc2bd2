use insurup::{
    AgentBranch, AgentUser, CoverageGroup, CoverageGroupId, InsuranceCompany, Reference,
};

use crate::error::Result;

/// Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user and
/// the agency's branches.
#[derive(Debug, uniffi::Object)]
pub struct ReferenceData(pub(crate) insurup::ReferenceData);

#[uniffi::export(async_runtime = "tokio")]
impl ReferenceData {
    /// Vehicle brands.
    pub async fn vehicle_brands(&self) -> Result<Vec<Reference>> {
        Ok(self.0.vehicle_brands().await?)
    }

    /// Models of a brand for a model year.
    pub async fn vehicle_models(
        &self, brand_reference: String, year: u32,
    ) -> Result<Vec<Reference>> {
        Ok(self.0.vehicle_models(&brand_reference, year).await?)
    }

    /// The agency's coverage groups.
    pub async fn coverage_groups(&self) -> Result<Vec<CoverageGroup>> {
        Ok(self.0.coverage_groups().await?)
    }

    /// One coverage group.
    pub async fn coverage_group(&self, id: CoverageGroupId) -> Result<CoverageGroup> {
        Ok(self.0.coverage_group(&id).await?)
    }

    /// Insurance companies.
    pub async fn insurance_companies(&self) -> Result<Vec<InsuranceCompany>> {
        Ok(self.0.insurance_companies().await?)
    }

    /// The signed-in agent user.
    pub async fn me(&self) -> Result<AgentUser> {
        Ok(self.0.me().await?)
    }

    /// The agency's branches.
    pub async fn agent_branches(&self) -> Result<Vec<AgentBranch>> {
        Ok(self.0.agent_branches().await?)
    }
}
