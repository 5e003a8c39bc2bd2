//! Cases beyond the new sale: cross-sale, cancellation, endorsement and complaint cases, the
//! changes a CRM makes while working a case, and what a case holds.

use crate::error::{Error, Result};
use crate::model::{
    AgentBranchId, AssetType, Case, CaseActivity, CaseMainState, CasePolicy, CaseProposal,
    CaseSubState, Channel, NewCancelCase, NewComplaintCase, NewCrossSaleOpportunity,
    NewEndorsementCase, UserId,
};
use crate::transport::Request;
use crate::validate;

use super::{Cases, CreatedId};

/// The longest note the SDK sends (the API does not document one; this keeps a runaway paste out).
const MAX_NOTE_CHARS: usize = 4000;

impl Cases {
    async fn open(&self, route: &'static str, body: serde_json::Value) -> Result<Case> {
        let request = Request::post(route, route).json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&created.into_string()).await
    }

    /// Opens a cross-sale opportunity from an existing case and returns it. Never retried once
    /// sent.
    pub async fn create_cross_sale_opportunity(
        &self,
        opportunity: NewCrossSaleOpportunity,
    ) -> Result<Case> {
        validate::id("source_case_id", opportunity.source_case_id.as_str())?;
        validate::id("customer_id", opportunity.customer_id.as_str())?;
        check_asset(&opportunity.asset_type, &opportunity.asset_id)?;
        let body = serde_json::json!({
            "sourceCaseId": opportunity.source_case_id,
            "customerId": opportunity.customer_id,
            "productBranch": opportunity.product_branch,
            "channel": opportunity.channel.unwrap_or(Channel::Api),
            "assetType": opportunity.asset_type,
            "assetId": opportunity.asset_id,
        });
        self.open("/api/cases:cross-sale-opportunity", without_nulls(body))
            .await
    }

    /// Opens a cancellation case for a policy and returns it. Never retried once sent.
    pub async fn create_cancel(&self, cancel: NewCancelCase) -> Result<Case> {
        validate::id("policy_id", cancel.policy_id.as_str())?;
        let body = serde_json::json!({
            "policyId": cancel.policy_id,
            "subType": cancel.sub_type,
            "channel": cancel.channel.unwrap_or(Channel::Api),
        });
        self.open("/api/cases:cancel", body).await
    }

    /// Opens an endorsement case for a policy and returns it. Never retried once sent.
    pub async fn create_endorsement(&self, endorsement: NewEndorsementCase) -> Result<Case> {
        validate::id("policy_id", endorsement.policy_id.as_str())?;
        let body = serde_json::json!({
            "policyId": endorsement.policy_id,
            "subType": endorsement.sub_type,
            "channel": endorsement.channel.unwrap_or(Channel::Api),
        });
        self.open("/api/cases:endorsement", body).await
    }

    /// Opens a complaint case for a customer and returns it. Never retried once sent.
    pub async fn create_complaint(&self, complaint: NewComplaintCase) -> Result<Case> {
        validate::id("customer_id", complaint.customer_id.as_str())?;
        check_asset(&complaint.asset_type, &complaint.asset_id)?;
        let body = serde_json::json!({
            "customerId": complaint.customer_id,
            "subType": complaint.sub_type,
            "channel": complaint.channel.unwrap_or(Channel::Api),
            "productBranch": complaint.product_branch,
            "assetType": complaint.asset_type,
            "assetId": complaint.asset_id,
        });
        self.open("/api/cases:complaint", without_nulls(body)).await
    }

    async fn change(
        &self,
        case_ref: &str,
        route: &'static str,
        what: &str,
        body: serde_json::Value,
    ) -> Result<()> {
        validate::id("case_ref", case_ref)?;
        let mut body = body;
        if let Some(object) = body.as_object_mut() {
            object.insert("ref".to_owned(), serde_json::json!(case_ref));
        }
        let request = Request::put(route, format!("/api/cases/{case_ref}/{what}")).json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Hands a case to an agent user; `None` leaves it unassigned.
    pub async fn set_representative(
        &self,
        case_ref: &str,
        agent_user_id: Option<&UserId>,
    ) -> Result<()> {
        if let Some(user) = agent_user_id {
            validate::id("agent_user_id", user.as_str())?;
        }
        self.change(
            case_ref,
            "/api/cases/{ref}/representative",
            "representative",
            serde_json::json!({ "representativeAgentUserId": agent_user_id }),
        )
        .await
    }

    /// Adds a note to a case. Not retried once sent (a repeat would add it twice).
    pub async fn add_note(&self, case_ref: &str, note: &str) -> Result<()> {
        validate::id("case_ref", case_ref)?;
        validate::not_blank("note", note)?;
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::validation(
                "note",
                format!("must be at most {MAX_NOTE_CHARS} characters"),
            ));
        }
        let body = serde_json::json!({ "ref": case_ref, "note": note });
        let mut request = Request::put(
            "/api/cases/{ref}/notes",
            format!("/api/cases/{case_ref}/notes"),
        )
        .json(&body)?;
        // A PUT by verb, but each one adds a note: repeat it only when it provably never arrived.
        request.safety = crate::transport::Safety::CreatesSomething;
        self.client.send(request).await.map(|_| ())
    }

    /// Records the channel a case came through.
    pub async fn set_channel(&self, case_ref: &str, channel: Channel) -> Result<()> {
        self.change(
            case_ref,
            "/api/cases/{ref}/channel",
            "channel",
            serde_json::json!({ "channel": channel }),
        )
        .await
    }

    /// Moves a case to a state: a main state and one of its sub-states, with an optional note
    /// saying why. A sub-state of another main state is refused before anything is sent.
    pub async fn set_state(
        &self,
        case_ref: &str,
        main_state: CaseMainState,
        sub_state: CaseSubState,
        note: Option<&str>,
    ) -> Result<()> {
        if let Some(belongs_to) = sub_state.main_state()
            && belongs_to != main_state
        {
            return Err(Error::validation(
                "sub_state",
                format!("{sub_state} is a sub-state of {belongs_to}, not of {main_state}"),
            ));
        }
        let mut body = serde_json::json!({ "mainState": main_state, "subState": sub_state });
        if let (Some(note), Some(object)) = (note, body.as_object_mut()) {
            validate::not_blank("note", note)?;
            object.insert("note".to_owned(), serde_json::json!(note));
        }
        self.change(case_ref, "/api/cases/{ref}/state", "state", body)
            .await
    }

    /// Links a vehicle or property to a case.
    pub async fn set_asset(
        &self,
        case_ref: &str,
        asset_type: AssetType,
        asset_id: &str,
    ) -> Result<()> {
        validate::id("asset_id", asset_id)?;
        self.change(
            case_ref,
            "/api/cases/{ref}/asset",
            "asset",
            serde_json::json!({ "assetId": asset_id, "assetType": asset_type }),
        )
        .await
    }

    /// Moves a case to a branch; `None` removes the assignment. The vendor client names the
    /// member `branchId` here, as for a policy's branch; that is what is sent.
    pub async fn set_branch(
        &self,
        case_ref: &str,
        agent_branch_id: Option<&AgentBranchId>,
    ) -> Result<()> {
        if let Some(branch) = agent_branch_id {
            validate::id("agent_branch_id", branch.as_str())?;
        }
        self.change(
            case_ref,
            "/api/cases/{ref}/branch",
            "branch",
            serde_json::json!({ "branchId": agent_branch_id }),
        )
        .await
    }

    /// A case's history, oldest first.
    pub async fn activities(&self, case_ref: &str) -> Result<Vec<CaseActivity>> {
        validate::id("case_ref", case_ref)?;
        self.client
            .call(Request::get(
                "/api/cases/{ref}/activities",
                format!("/api/cases/{case_ref}/activities"),
            ))
            .await
    }

    /// The proposals made in a case.
    pub async fn proposals(&self, case_ref: &str) -> Result<Vec<CaseProposal>> {
        validate::id("case_ref", case_ref)?;
        self.client
            .call(Request::get(
                "/api/cases/{ref}/proposals",
                format!("/api/cases/{case_ref}/proposals"),
            ))
            .await
    }

    /// The policies sold or handled in a case.
    pub async fn policies(&self, case_ref: &str) -> Result<Vec<CasePolicy>> {
        validate::id("case_ref", case_ref)?;
        self.client
            .call(Request::get(
                "/api/cases/{ref}/policies",
                format!("/api/cases/{case_ref}/policies"),
            ))
            .await
    }
}

/// An asset id needs its type and the other way round.
fn check_asset(asset_type: &Option<AssetType>, asset_id: &Option<String>) -> Result<()> {
    match (asset_type, asset_id) {
        (Some(_), Some(id)) => validate::id("asset_id", id),
        (None, None) => Ok(()),
        (Some(_), None) => Err(Error::validation(
            "asset_id",
            "give the vehicle's or property's id with its type",
        )),
        (None, Some(_)) => Err(Error::validation(
            "asset_type",
            "give the asset's type (vehicle or property) with its id",
        )),
    }
}

/// The body without its absent members (the API reads a missing member and `null` alike, and a
/// server that refuses unknown members accepts both).
fn without_nulls(mut body: serde_json::Value) -> serde_json::Value {
    if let Some(object) = body.as_object_mut() {
        object.retain(|_, value| !value.is_null());
    }
    body
}
