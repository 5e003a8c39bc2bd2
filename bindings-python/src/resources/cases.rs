use insurup::{
    AgentBranchId, AssetType, Case, CaseActivity, CaseId, CaseMainState, CasePolicy, CaseProposal,
    CaseSubState, CaseSubType, Channel, CustomerId, NewCancelCase, NewComplaintCase,
    NewCrossSaleOpportunity, NewEndorsementCase, NewSaleOpportunity, PolicyId, ProductBranch,
    UserId,
};

use super::resource;

resource! {
    /// Cases: the CRM record of a sale opportunity.
    Cases, AsyncCases {
        /// Opens a sale opportunity and returns the case. Never sent twice; see
        /// `ensure_sale_opportunity` for the duplicate-safe flow.
        fn create_sale_opportunity(; customer_id: CustomerId, product_branch: ProductBranch,
            channel: Option<Channel> = None, asset_type: Option<AssetType> = None,
            asset_id: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None)
            -> Case = |client, opportunity: NewSaleOpportunity|
                client.cases().create_sale_opportunity(opportunity);

        /// A case by id or by reference (`SF-2026-001234`).
        fn get(case_id: String) -> Case = |client| client.cases().get(&case_id);

        /// The customer's newest open sale opportunity for the branch, or None.
        fn find_open_sale_opportunity(; customer_id: CustomerId, product_branch: ProductBranch)
            -> Option<Case> =
            |client| client.cases().find_open_sale_opportunity(&customer_id, product_branch);

        /// The customer's open sale opportunity for the branch, opened now if there is none.
        /// Concurrent calls through one client never open two.
        fn ensure_sale_opportunity(; customer_id: CustomerId, product_branch: ProductBranch,
            channel: Channel = (Channel::Api)) -> Case = |client|
                client.cases().ensure_sale_opportunity(&customer_id, product_branch, channel);

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

        /// Assigns the agent user working the case; None clears it.
        fn set_representative(case_ref: String, agent_user_id: Option<UserId>) -> () =
            |client| client.cases().set_representative(&case_ref, agent_user_id.as_ref());

        /// Adds a note to the case.
        fn add_note(case_ref: String, note: String) -> () =
            |client| client.cases().add_note(&case_ref, &note);

        /// Changes the channel the case came through.
        fn set_channel(case_ref: String, channel: Channel) -> () =
            |client| client.cases().set_channel(&case_ref, channel);

        /// Moves the case to another state, with an optional note.
        fn set_state(case_ref: String, main_state: CaseMainState, sub_state: CaseSubState;
            note: Option<String> = None) -> () = |client|
                client.cases().set_state(&case_ref, main_state, sub_state, note.as_deref());

        /// Attaches the vehicle or property the case is about.
        fn set_asset(case_ref: String, asset_type: AssetType, asset_id: String) -> () =
            |client| client.cases().set_asset(&case_ref, asset_type, &asset_id);

        /// Assigns the case to an agency branch; None clears it.
        fn set_branch(case_ref: String, agent_branch_id: Option<AgentBranchId>) -> () =
            |client| client.cases().set_branch(&case_ref, agent_branch_id.as_ref());

        /// What happened on the case, oldest first.
        fn activities(case_ref: String) -> Vec<CaseActivity> =
            |client| client.cases().activities(&case_ref);

        /// The proposals made for the case.
        fn proposals(case_ref: String) -> Vec<CaseProposal> =
            |client| client.cases().proposals(&case_ref);

        /// The policies the case produced or concerns.
        fn policies(case_ref: String) -> Vec<CasePolicy> =
            |client| client.cases().policies(&case_ref);
    }
}
