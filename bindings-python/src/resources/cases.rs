#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(
    cases,
    resource!(AsyncCases {
        /// Opens a sale opportunity and returns the case. Never sent twice; see
        /// `ensure_sale_opportunity` for the duplicate-safe flow.
        fn create_sale_opportunity(; customer_id: CustomerId, product_branch: ProductBranch,
            channel: Option<Channel> = None, asset_type: Option<AssetType> = None,
            asset_id: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> Case = |client, opportunity: NewSaleOpportunity|
                client.cases().create_sale_opportunity(opportunity);

        /// Opens a cross-sale opportunity (a new branch for a customer who holds a policy).
        fn create_cross_sale_opportunity(; source_case_id: CaseId, customer_id: CustomerId,
            product_branch: ProductBranch, channel: Option<Channel> = None,
            asset_type: Option<AssetType> = None, asset_id: Option<String> = None) -> Case
            = |client, opportunity: NewCrossSaleOpportunity|
                client.cases().create_cross_sale_opportunity(opportunity);

        /// Opens a cancellation case for a policy.
        fn create_cancel(; policy_id: PolicyId, sub_type: CaseSubType,
            channel: Option<Channel> = None) -> Case
            = |client, cancel: NewCancelCase| client.cases().create_cancel(cancel);

        /// Opens an endorsement case for a policy.
        fn create_endorsement(; policy_id: PolicyId, sub_type: CaseSubType,
            channel: Option<Channel> = None) -> Case
            = |client, endorsement: NewEndorsementCase| client.cases().create_endorsement(endorsement);

        /// Opens a complaint case.
        fn create_complaint(; customer_id: CustomerId, sub_type: CaseSubType,
            channel: Option<Channel> = None, product_branch: Option<ProductBranch> = None,
            asset_type: Option<AssetType> = None, asset_id: Option<String> = None) -> Case
            = |client, complaint: NewComplaintCase| client.cases().create_complaint(complaint);
    })
);
