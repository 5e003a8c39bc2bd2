//! Policies issued by purchases (and by the data generator).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::catalog::{DOCUMENT_HOST, INSURERS};
use crate::clock::fmt_date;
use crate::extract::{OptionalJson, PathIds};
use crate::model::{PaymentOption, Policy, PolicyState, ProductBranch};
use crate::problem::{ApiResult, Problem};
use crate::validate::is_plausible_email;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyView {
    id: String,
    policy_number: String,
    state: PolicyState,
    product_branch: ProductBranch,
    insurance_company_id: u32,
    insurance_company_name: &'static str,
    product_id: u32,
    product_name: String,
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
    insurer_customer_id: String,
    insured_customer_id: String,
    insured_customer_name: String,
    start_date: String,
    end_date: String,
    arrangement_date: String,
    installment_number: u8,
    payment_type: PaymentOption,
    net_premium: f64,
    gross_premium: f64,
    commission: f64,
    currency: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    vehicle_plate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_branch_id: Option<String>,
}

impl From<&Policy> for PolicyView {
    fn from(p: &Policy) -> Self {
        Self {
            id: p.id.clone(),
            policy_number: p.policy_number.clone(),
            state: p.state,
            product_branch: p.branch,
            insurance_company_id: INSURERS[p.insurer].id,
            insurance_company_name: INSURERS[p.insurer].name,
            product_id: p.product_id,
            product_name: p.product_name.clone(),
            proposal_id: p.proposal_id.clone(),
            proposal_product_id: p.proposal_product_id.clone(),
            insurer_customer_id: p.insurer_customer_id.clone(),
            insured_customer_id: p.insured_customer_id.clone(),
            insured_customer_name: p.insured_name.clone(),
            start_date: fmt_date(p.start_date),
            end_date: fmt_date(p.end_date),
            arrangement_date: fmt_date(p.arrangement_date),
            installment_number: p.installment_number,
            payment_type: p.payment_type,
            net_premium: p.net,
            gross_premium: p.gross,
            commission: p.commission,
            currency: "TURKISH_LIRA",
            vehicle_plate: p.vehicle_plate.clone(),
            agent_branch_id: p.agent_branch_id.clone(),
        }
    }
}

fn not_found() -> Problem {
    Problem::not_found("POLICY_NOT_FOUND", "Poliçe bulunamadı.")
}

pub async fn get(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<PolicyView>> {
    app.store.with(|data| {
        data.policies
            .get(&id)
            .map(|p| Json(PolicyView::from(p)))
            .ok_or_else(not_found)
    })
}

pub async fn document(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<Value>> {
    app.store.with(|data| {
        data.policies
            .get(&id)
            .map(|p| Json(json!({"url": format!("{DOCUMENT_HOST}/documents/policies/{}/{}.pdf", p.id, p.policy_number)})))
            .ok_or_else(not_found)
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendBody {
    policy_id: Option<String>,
    #[serde(alias = "Email")]
    email: Option<String>,
}

/// Pretends to e-mail the policy PDF; checks the address and that the policy exists.
pub async fn send_document(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    OptionalJson(body): OptionalJson<SendBody>,
) -> ApiResult<StatusCode> {
    if let Some(body) = &body {
        if let Some(p) = body.policy_id.as_deref().filter(|p| *p != id) {
            return Err(Problem::field(
                "policyId",
                "Adresteki poliçeyle aynı olmalı.",
                p,
            ));
        }
        if let Some(e) = body.email.as_deref().filter(|e| !is_plausible_email(e)) {
            return Err(Problem::field(
                "email",
                "Geçerli bir e-posta adresi değil.",
                e,
            ));
        }
    }
    app.store.with(|data| {
        data.policies
            .get(&id)
            .map(|_| StatusCode::NO_CONTENT)
            .ok_or_else(not_found)
    })
}
