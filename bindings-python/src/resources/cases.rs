use insurup::{
    AgentBranchId, AssetType, Case, Channel, CustomerId, NewSaleOpportunity, ProductBranch,
};

use super::resource;

resource! {
    /// Cases: the CRM record of a sale opportunity.
    Cases, AsyncCases {
        /// Opens a sale opportunity and returns the case. Never sent twice; see
        /// `ensure_sale_opportunity` for the duplicate-safe flow.
        #[pyo3(signature = (
            *, customer_id, product_branch, channel = None, asset_type = None, asset_id = None,
            agent_branch_id = None,
        ))]
        fn create_sale_opportunity(
            customer_id: CustomerId,
            product_branch: ProductBranch,
            channel: Option<Channel>,
            asset_type: Option<AssetType>,
            asset_id: Option<String>,
            agent_branch_id: Option<AgentBranchId>,
        ) -> Case = |client| client.cases().create_sale_opportunity(NewSaleOpportunity {
            customer_id, product_branch, channel, asset_type, asset_id, agent_branch_id,
        });

        /// A case by id or by reference (`SF-2026-001234`).
        fn get(case_id: String) -> Case = |client| client.cases().get(&case_id);

        /// The customer's newest open sale opportunity for the branch, or None.
        #[pyo3(signature = (*, customer_id, product_branch))]
        fn find_open_sale_opportunity(
            customer_id: CustomerId,
            product_branch: ProductBranch,
        ) -> Option<Case> =
            |client| client.cases().find_open_sale_opportunity(&customer_id, product_branch);

        /// The customer's open sale opportunity for the branch, opened now if there is none.
        /// Concurrent calls through one client never open two.
        #[pyo3(signature = (*, customer_id, product_branch, channel = Channel::Api))]
        fn ensure_sale_opportunity(
            customer_id: CustomerId,
            product_branch: ProductBranch,
            channel: Channel,
        ) -> Case = |client| client.cases().ensure_sale_opportunity(
            &customer_id, product_branch, channel,
        );
    }
}
