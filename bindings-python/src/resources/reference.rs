use insurup::{
    AgentBranch, AgentUser, CoverageGroup, CoverageGroupId, InsuranceCompany, Reference,
};

use super::resource;

resource! {
    /// Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user
    /// and the agency's branches.
    ReferenceData, AsyncReferenceData {
        /// Vehicle brands.
        fn vehicle_brands() -> Vec<Reference> = |client| client.reference().vehicle_brands();

        /// Models of a brand for a model year.
        fn vehicle_models(; brand_reference: String, year: u32) -> Vec<Reference> =
            |client| client.reference().vehicle_models(&brand_reference, year);

        /// The agency's coverage groups.
        fn coverage_groups() -> Vec<CoverageGroup> =
            |client| client.reference().coverage_groups();

        /// One coverage group.
        fn coverage_group(coverage_group_id: CoverageGroupId) -> CoverageGroup =
            |client| client.reference().coverage_group(&coverage_group_id);

        /// Insurance companies.
        fn insurance_companies() -> Vec<InsuranceCompany> =
            |client| client.reference().insurance_companies();

        /// The signed-in agent user.
        fn me() -> AgentUser = |client| client.reference().me();

        /// The agency's branches.
        fn agent_branches() -> Vec<AgentBranch> = |client| client.reference().agent_branches();
    }
}
