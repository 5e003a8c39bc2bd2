//! Revising a quote: a whole proposal (a new proposal with the same parties and asset, priced
//! again, perhaps with other coverage groups) or one product (priced again in place, perhaps under
//! another coverage group).

use std::time::Instant;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::api::proposals::{self, Request, Spec};
use crate::http::extract::{ApiJson, OptionalJson, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::hub::ProductEvent;
use crate::simulation::catalog::{self, INSURERS};
use crate::simulation::clock::today;
use crate::simulation::{insurers, market};
use crate::state::AppState;
use crate::store::model::{ProductState, ProposalState};

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviseBody {
    proposal_id: Option<String>,
    /// Other coverage groups (1–3, of the proposal's branch); the original's when absent.
    coverage_group_ids: Option<Vec<Value>>,
    /// Branch-specific cover terms: accepted, not modelled.
    #[serde(default, rename = "coverage")]
    #[schema(value_type = Option<Object>)]
    _coverage: Option<IgnoredAny>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Revised {
    /// The new proposal.
    proposal_id: String,
}

fn coverage_groups(raw: &[Value]) -> ApiResult<Vec<&'static catalog::CoverageGroup>> {
    let mut groups = Vec::new();
    for (i, value) in raw.iter().enumerate() {
        let group = match value {
            Value::String(s) => catalog::coverage_group(s),
            Value::Number(n) => n.as_i64().and_then(catalog::coverage_group_by_legacy),
            _ => None,
        };
        groups.push(group.ok_or_else(|| {
            Problem::field(
                &format!("coverageGroupIds[{i}]"),
                "Bilinmeyen teminat grubu.",
                value.clone(),
            )
        })?);
    }
    if groups.len() > 3 {
        return Err(Problem::field(
            "coverageGroupIds",
            "En fazla 3 teminat grubu seçilebilir.",
            groups.len(),
        ));
    }
    Ok(groups)
}

fn purchased() -> Problem {
    Problem::invalid_state(
        "PROPOSAL_ALREADY_PURCHASED",
        "Satın alınmış bir teklif revize edilemez.",
    )
}

#[utoipa::path(post, path = "/api/proposals/{id}/revise", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")), request_body = ReviseBody,
    responses((status = 200, description = "The revision: a new proposal, priced again", body = Revised), Errors))]
pub async fn revise(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<ReviseBody>,
) -> ApiResult<Json<Revised>> {
    if let Some(other) = body.proposal_id.as_deref().filter(|p| *p != id) {
        return Err(Problem::field(
            "proposalId",
            "Adresteki teklifle aynı olmalı.",
            other,
        ));
    }
    let groups = body
        .coverage_group_ids
        .as_deref()
        .map(coverage_groups)
        .transpose()?;
    let proposal_id = app.store.with(|data| {
        let original = proposals::settled(&app, data, &id)?.clone();
        if matches!(
            original.state,
            ProposalState::Purchased | ProposalState::Purchasing
        ) {
            return Err(purchased());
        }
        if let Some(g) = groups
            .iter()
            .flatten()
            .find(|g| g.branch != original.branch)
        {
            return Err(Problem::business(
                "COVERAGE_GROUP_BRANCH_MISMATCH",
                format!(
                    "'{}' teminat grubu {} branşına ait değil.",
                    g.name,
                    original.branch.as_str()
                ),
            ));
        }
        let request = Request {
            branch: original.branch,
            insurer: original.insurer_customer_id.clone(),
            insured: Some(original.insured_customer_id.clone()),
            groups: match &groups {
                Some(groups) => groups.iter().map(|g| g.id.to_owned()).collect(),
                None => original.coverage_group_ids.clone(),
            },
            channel: original.channel,
            start: original.policy_start_date.max(today()),
        };
        proposals::open(
            &app,
            data,
            &principal.user_id,
            Spec {
                request: &request,
                vehicle_id: original.vehicle_id.as_deref(),
                property_id: original.property_id.as_deref(),
                agent_branch_id: original.agent_branch_id.as_deref(),
            },
        )
    })?;
    Ok(Json(Revised { proposal_id }))
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviseProductBody {
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
    /// A coverage group of the proposal's branch to price under instead.
    guarantee_group_id: Option<String>,
    /// Branch-specific cover terms: accepted, not modelled.
    #[serde(default, rename = "coverage")]
    #[schema(value_type = Option<Object>)]
    _coverage: Option<IgnoredAny>,
}

/// The product is priced again by its insurer: `ReceiveProposalProductRevised`, then
/// `…InProgress`, then the insurer's answer, on the hub; `revised: true` from then on.
#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/revise", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body(content = Option<ReviseProductBody>, description = "Optional"),
    responses((status = 204, description = "The product waits for its insurer again"), Errors))]
pub async fn revise_product(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
    OptionalJson(body): OptionalJson<ReviseProductBody>,
) -> ApiResult<StatusCode> {
    let body = body.unwrap_or(ReviseProductBody {
        proposal_id: None,
        proposal_product_id: None,
        guarantee_group_id: None,
        _coverage: None,
    });
    if let Some(other) = body.proposal_id.as_deref().filter(|p| *p != id) {
        return Err(Problem::field(
            "proposalId",
            "Adresteki teklifle aynı olmalı.",
            other,
        ));
    }
    if let Some(other) = body
        .proposal_product_id
        .as_deref()
        .filter(|p| *p != product_id)
    {
        return Err(Problem::field(
            "proposalProductId",
            "Adresteki ürünle aynı olmalı.",
            other,
        ));
    }
    let group =
        match body.guarantee_group_id.as_deref() {
            None => None,
            Some(g) => Some(catalog::coverage_group(g).ok_or_else(|| {
                Problem::field("guaranteeGroupId", "Bilinmeyen teminat grubu.", g)
            })?),
        };
    let now = Instant::now();
    app.store.with(|data| {
        proposals::settled(&app, data, &id)?;
        let crate::store::State { proposals, ids, .. } = data;
        let proposal = proposals.get_mut(&id).ok_or_else(proposals::not_found)?;
        if let Some(g) = group.filter(|g| g.branch != proposal.branch) {
            return Err(Problem::business(
                "COVERAGE_GROUP_BRANCH_MISMATCH",
                format!("'{}' teminat grubu bu teklifin branşına ait değil.", g.name),
            ));
        }
        if matches!(
            proposal.state,
            ProposalState::Purchased | ProposalState::Purchasing
        ) {
            return Err(purchased());
        }
        let index = proposal
            .products
            .iter()
            .position(|p| p.id == product_id)
            .ok_or_else(proposals::product_not_found)?;
        if !matches!(
            proposal.products[index].state,
            ProductState::Active | ProductState::Failed | ProductState::PurchaseFailed
        ) {
            return Err(Problem::invalid_state(
                "PROPOSAL_PRODUCT_NOT_REVISABLE",
                "Bu ürün şu anda revize edilemez.",
            ));
        }
        if let Some(g) = group {
            proposal.products[index].coverage_group_id = Some(g.id.to_owned());
        }
        let attempt = proposal.products[index].attempt + 1;
        let insurer = &INSURERS[proposal.products[index].insurer];
        let group = proposal.products[index]
            .coverage_group_id
            .as_deref()
            .and_then(catalog::coverage_group);
        let (ready_at, quote) =
            insurers::quote(&app.config, ids, proposal, insurer, group, attempt, now);
        let product = &mut proposal.products[index];
        product.attempt = attempt;
        product.ready_at = ready_at;
        product.quote = quote;
        product.premiums.clear();
        product.state = ProductState::Waiting;
        product.error_message = None;
        proposal.recompute_state();
        app.hub.product_event(
            ProductEvent::Revised,
            proposal,
            &proposal.products[index],
            None,
        );
        market::pricing_started(&app, data, &id, Some(&product_id), now);
        Ok(StatusCode::NO_CONTENT)
    })
}
