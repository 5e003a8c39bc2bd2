//! Cases (CRM work items). Only sale opportunities are created here; the server, like InsurUp, does
//! not prevent duplicates, so clients check for an open case first (GraphQL `cases`).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::clock::{fmt_ts, today};
use crate::customers;
use crate::extract::{ApiJson, Checks, PathIds};
use crate::model::{
    AssetType, Case, CaseMainState, CaseStatus, CaseSubState, CaseType, Channel, ProductBranch,
};
use crate::problem::{ApiResult, Problem};
use crate::store::State as Data;
use crate::webhooks;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SaleOpportunityBody {
    customer_id: String,
    product_branch: String,
    channel: Option<String>,
    asset_type: Option<String>,
    asset_id: Option<String>,
    agent_branch_id: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseView {
    id: String,
    #[serde(rename = "ref")]
    reference: String,
    #[serde(rename = "type")]
    case_type: CaseType,
    status: CaseStatus,
    main_state: CaseMainState,
    sub_state: CaseSubState,
    customer_id: String,
    customer_name: String,
    base_product_branch: ProductBranch,
    asset_type: Option<AssetType>,
    asset_id: Option<String>,
    channel: Channel,
    created_at: String,
    agent_branch_id: Option<String>,
    policy_ids: Vec<String>,
    proposal_ids: Vec<String>,
}

impl From<&Case> for CaseView {
    fn from(c: &Case) -> Self {
        Self {
            id: c.id.clone(),
            reference: c.reference.clone(),
            case_type: c.case_type,
            status: c.status,
            main_state: c.main_state,
            sub_state: c.sub_state,
            customer_id: c.customer_id.clone(),
            customer_name: c.customer_name.clone(),
            base_product_branch: c.product_branch,
            asset_type: c.asset_type,
            asset_id: c.asset_id.clone(),
            channel: c.channel,
            created_at: fmt_ts(c.created_at),
            agent_branch_id: c.agent_branch_id.clone(),
            policy_ids: c.policy_ids.clone(),
            proposal_ids: c.proposal_ids.clone(),
        }
    }
}

pub async fn create_sale_opportunity(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<SaleOpportunityBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let branch = ProductBranch::parse(&body.product_branch);
    if branch.is_none() {
        checks.fail(
            "productBranch",
            "Bilinmeyen ürün branşı (ör. KASKO, TRAFIK).",
            body.product_branch.as_str(),
        );
    }
    let channel = match body.channel.as_deref() {
        None => Some(Channel::Api),
        Some(text) => {
            let parsed = Channel::parse(text);
            if parsed.is_none() {
                checks.fail("channel", "Bilinmeyen kanal (ör. API, WEBSITE).", text);
            }
            parsed
        }
    };
    let asset_type = body.asset_type.as_deref().and_then(|text| {
        let parsed = AssetType::parse(text);
        if parsed.is_none() {
            checks.fail("assetType", "VEHICLE veya PROPERTY olmalı.", text);
        }
        parsed
    });
    if body.asset_id.is_some() && asset_type.is_none() && body.asset_type.is_none() {
        checks.fail(
            "assetType",
            "assetId ile birlikte assetType de gönderilmeli.",
            serde_json::Value::Null,
        );
    }
    checks.finish()?;
    let (Some(branch), Some(channel)) = (branch, channel) else {
        return Err(Problem::malformed("Geçersiz istek."));
    };
    let (id, reference, payload, agent_branch) = app.store.with(|data| {
        let customer_id = customers::resolve(data, &body.customer_id)?;
        if let Some(asset) = &body.asset_id {
            let owner = match asset_type {
                Some(AssetType::Vehicle) => data.vehicles.get(asset).map(|v| v.customer_id.clone()),
                _ => data.properties.get(asset).map(|p| p.customer_id.clone()),
            };
            match owner {
                None => return Err(Problem::not_found("ASSET_NOT_FOUND", "Varlık bulunamadı.")),
                Some(o) if o != customer_id => {
                    return Err(Problem::business(
                        "ASSET_NOT_OWNED_BY_CUSTOMER",
                        "Varlık bu müşteriye ait değil.",
                    ));
                }
                _ => {}
            }
        }
        if let Some(b) = &body.agent_branch_id
            && data.branch(b).is_none()
        {
            return Err(Problem::not_found(
                "AGENT_BRANCH_NOT_FOUND",
                "Şube bulunamadı.",
            ));
        }
        let customer = data
            .customers
            .get_mut(&customer_id)
            .ok_or_else(customers::not_found)?;
        customer.case_count += 1;
        let customer_name = customer.name().to_owned();
        let agent_branch = body
            .agent_branch_id
            .clone()
            .or_else(|| customer.agent_branch_id.clone());
        data.case_seq += 1;
        let reference = format!("SF-{}-{:06}", today().year(), data.case_seq);
        let id = data.ids.object_id();
        data.cases.insert(
            id.clone(),
            Case {
                id: id.clone(),
                reference: reference.clone(),
                case_type: CaseType::SaleOpportunity,
                status: CaseStatus::Open,
                main_state: CaseMainState::Open,
                sub_state: CaseSubState::OpenInitial,
                customer_id: customer_id.clone(),
                customer_name,
                product_branch: branch,
                asset_type,
                asset_id: body.asset_id.clone(),
                channel,
                created_at: crate::clock::now(),
                agent_branch_id: agent_branch.clone(),
                policy_ids: Vec::new(),
                proposal_ids: Vec::new(),
            },
        );
        data.stats.cases_created += 1;
        let payload = json!({
            "caseId": id,
            "caseRef": reference,
            "caseType": CaseType::SaleOpportunity,
            "customerId": customer_id,
            "productBranch": branch,
        });
        Ok((id, reference, payload, agent_branch))
    })?;
    webhooks::emit(&app, "case.created", agent_branch.as_deref(), payload);
    Ok(Json(json!({ "id": id, "ref": reference })))
}

pub fn find<'a>(data: &'a Data, key: &str) -> Option<&'a Case> {
    data.cases
        .get(key)
        .or_else(|| data.cases.iter().rev().find(|c| c.reference == key))
}

pub async fn get(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<CaseView>> {
    app.store.with(|data| {
        find(data, &key)
            .map(|c| Json(CaseView::from(c)))
            .ok_or_else(|| Problem::not_found("CASE_NOT_FOUND", "Vaka bulunamadı."))
    })
}
