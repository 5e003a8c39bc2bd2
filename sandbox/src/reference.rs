//! Reference data and identity: the caller, agent branches, insurers, coverage groups, brands, models.

use axum::Json;
use axum::extract::{Extension, State};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::Principal;
use crate::catalog::{
    self, BRANDS, COVERAGE_GROUPS, CoverageGroup, INSURERS, SERVICE_ACCOUNT, USERS,
};
use crate::clock::fmt_ts;
use crate::extract::{ApiQuery, PathIds};
use crate::model::Param;
use crate::problem::{ApiResult, Problem};
use crate::store::Branch;

pub async fn me(Extension(principal): Extension<Principal>) -> Json<Value> {
    let email = if principal.service_account {
        SERVICE_ACCOUNT.email
    } else {
        USERS
            .iter()
            .find(|u| u.id == principal.user_id)
            .map_or("", |u| u.email)
    };
    Json(json!({
        "id": principal.user_id,
        "email": email,
        "agentId": principal.agent_id,
        "isServiceAccount": principal.service_account,
    }))
}

fn branch_json(b: &Branch) -> Value {
    json!({"id": b.id, "name": b.name, "parentBranchId": b.parent_id, "createdAt": fmt_ts(b.created_at)})
}

pub async fn branches(State(app): State<AppState>) -> Json<Vec<Value>> {
    Json(
        app.store
            .with(|s| s.branches.iter().map(branch_json).collect()),
    )
}

pub async fn branch(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<Value>> {
    app.store.with(|s| {
        s.branch(&id)
            .map(|b| Json(branch_json(b)))
            .ok_or_else(|| Problem::not_found("AGENT_BRANCH_NOT_FOUND", "Şube bulunamadı."))
    })
}

pub async fn insurance_companies() -> Json<Vec<Value>> {
    Json(
        INSURERS
            .iter()
            .map(|i| {
                json!({
                    "id": i.id,
                    "name": i.name,
                    "logo": i.logo(),
                    "enabled": true,
                    "supportedPaymentOptions": i.payment_options(),
                })
            })
            .collect(),
    )
}

fn group_json(g: &CoverageGroup) -> Value {
    json!({"id": g.id, "name": g.name, "productBranch": g.branch, "description": g.description})
}

pub async fn coverage_groups() -> Json<Vec<Value>> {
    Json(COVERAGE_GROUPS.iter().map(group_json).collect())
}

pub async fn coverage_group(PathIds(id): PathIds<String>) -> ApiResult<Json<Value>> {
    catalog::coverage_group(&id)
        .map(|g| Json(group_json(g)))
        .ok_or_else(|| Problem::not_found("COVERAGE_GROUP_NOT_FOUND", "Teminat grubu bulunamadı."))
}

pub async fn brands() -> Json<Vec<Param>> {
    Json(BRANDS.iter().map(|b| Param::new(b.code, b.name)).collect())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelQuery {
    brand_reference: String,
    year: Option<i32>,
}

pub async fn models(ApiQuery(query): ApiQuery<ModelQuery>) -> ApiResult<Json<Vec<Param>>> {
    let brand = catalog::brand(&query.brand_reference).ok_or_else(|| {
        Problem::field(
            "brandReference",
            "Bilinmeyen marka kodu.",
            query.brand_reference.as_str(),
        )
    })?;
    Ok(Json(
        brand
            .models
            .iter()
            .filter(|m| {
                query
                    .year
                    .is_none_or(|y| (m.years.0..=m.years.1).contains(&y))
            })
            .map(|m| Param::new(m.code, m.name))
            .collect(),
    ))
}
