use insurup::{
    AgentBranch, AgentUser, CoverageGroup, CoverageGroupId, InsuranceCompany, Reference,
};

forward! {
    /// Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user and
    /// the agency's branches.
    ReferenceData(insurup::ReferenceData) {
        /// Vehicle brands.
        vehicle_brands() -> Vec<Reference> = vehicle_brands();
        /// Models of a brand for a model year.
        vehicle_models(brand_reference: String, year: u32) -> Vec<Reference> = vehicle_models(&brand_reference, year);
        /// The agency's coverage groups.
        coverage_groups() -> Vec<CoverageGroup> = coverage_groups();
        /// One coverage group.
        coverage_group(id: CoverageGroupId) -> CoverageGroup = coverage_group(&id);
        /// Insurance companies.
        insurance_companies() -> Vec<InsuranceCompany> = insurance_companies();
        /// The signed-in agent user.
        me() -> AgentUser = me();
        /// The agency's branches.
        agent_branches() -> Vec<AgentBranch> = agent_branches();
    }
}
