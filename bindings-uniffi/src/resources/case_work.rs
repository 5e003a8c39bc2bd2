use insurup::{
    AgentBranchId, AssetType, Case, CaseActivity, CaseMainState, CasePolicy, CaseProposal,
    CaseSubState, Channel, NewCancelCase, NewComplaintCase, NewCrossSaleOpportunity,
    NewEndorsementCase, UserId,
};

use super::cases::Cases;

forward! {
    /// Cases besides new sales, and the work done on a case. `case_ref` is a case's id or reference.
    impl Cases {
        /// Opens a cross-sale opportunity (a new branch for a customer who holds a policy).
        create_cross_sale_opportunity(opportunity: NewCrossSaleOpportunity) -> Case = create_cross_sale_opportunity(opportunity);
        /// Opens a cancellation case for a policy.
        create_cancel(cancel: NewCancelCase) -> Case = create_cancel(cancel);
        /// Opens an endorsement case for a policy.
        create_endorsement(endorsement: NewEndorsementCase) -> Case = create_endorsement(endorsement);
        /// Opens a complaint case.
        create_complaint(complaint: NewComplaintCase) -> Case = create_complaint(complaint);
        /// Assigns the agent user working the case; none clears it.
        set_representative(case_ref: String, agent_user_id: Option<UserId>) -> () = set_representative(&case_ref, agent_user_id.as_ref());
        /// Adds a note to the case.
        add_note(case_ref: String, note: String) -> () = add_note(&case_ref, &note);
        /// Changes the channel the case came through.
        set_channel(case_ref: String, channel: Channel) -> () = set_channel(&case_ref, channel);
        /// Moves the case to another state, with an optional note.
        #[uniffi::method(default(note = None))]
        set_state(case_ref: String, main_state: CaseMainState, sub_state: CaseSubState, note: Option<String>) -> () = set_state(&case_ref, main_state, sub_state, note.as_deref());
        /// Attaches the vehicle or property the case is about.
        set_asset(case_ref: String, asset_type: AssetType, asset_id: String) -> () = set_asset(&case_ref, asset_type, &asset_id);
        /// Assigns the case to an agency branch; none clears it.
        set_branch(case_ref: String, agent_branch_id: Option<AgentBranchId>) -> () = set_branch(&case_ref, agent_branch_id.as_ref());
        /// What happened on the case, oldest first.
        activities(case_ref: String) -> Vec<CaseActivity> = activities(&case_ref);
        /// The proposals made for the case.
        proposals(case_ref: String) -> Vec<CaseProposal> = proposals(&case_ref);
        /// The policies the case produced or concerns.
        policies(case_ref: String) -> Vec<CasePolicy> = policies(&case_ref);
    }
}
