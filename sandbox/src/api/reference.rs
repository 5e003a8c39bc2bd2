//! Reference data and identity: the caller, insurers, coverage groups, brands, models.

use axum::Json;
use axum::extract::{Extension, State};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::http::extract::{ApiJson, ApiQuery, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::catalog::{
    self, BRANDS, COVERAGE_GROUPS, CoverageGroup, INSURERS, SERVICE_ACCOUNT, USERS,
};
use crate::state::AppState;
use crate::store::model::Param;

#[utoipa::path(get, path = "/api/agent-users/me", tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "The caller", body = Me), Errors))]
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

#[utoipa::path(get, path = "/api/insurance-companies", tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "The insurers", body = Vec<InsuranceCompany>), Errors))]
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

#[utoipa::path(get, path = "/api/coverage-groups", tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "The agent's coverage groups", body = Vec<CoverageGroupAnswer>), Errors))]
pub async fn coverage_groups() -> Json<Vec<Value>> {
    Json(COVERAGE_GROUPS.iter().map(group_json).collect())
}

#[utoipa::path(get, path = "/api/coverage-groups/{id}", tag = "reference", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "A coverage group", body = CoverageGroupAnswer), Errors))]
pub async fn coverage_group(PathIds(id): PathIds<String>) -> ApiResult<Json<Value>> {
    catalog::coverage_group(&id)
        .map(|g| Json(group_json(g)))
        .ok_or_else(|| Problem::not_found("COVERAGE_GROUP_NOT_FOUND", "Teminat grubu bulunamadı."))
}

#[utoipa::path(get, path = "/api/vehicle-parameters/brands", tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "Vehicle brands", body = Vec<Param>), Errors))]
pub async fn brands() -> Json<Vec<Param>> {
    Json(BRANDS.iter().map(|b| Param::new(b.code, b.name)).collect())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct ModelQuery {
    brand_reference: String,
    year: Option<i32>,
}

#[utoipa::path(get, path = "/api/vehicle-parameters/models", tag = "reference", security(("bearer" = [])),
    params(ModelQuery),
    responses((status = 200, description = "The brand's models", body = Vec<Param>), Errors))]
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

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BrandCodeBody {
    /// The insurers' vehicle code: brand and type together (`139014`, a Toyota Corolla).
    brand_code: String,
}

/// `{brand, type, year}`: a vehicle model as the vendor client's `VehicleModel` reads it.
#[derive(Serialize, ToSchema)]
pub struct VehicleModel {
    brand: Param,
    #[serde(rename = "type")]
    kind: Param,
    /// The newest model year the code was sold in.
    year: i32,
}

#[derive(Serialize, ToSchema)]
pub struct VehicleByBrandCode {
    model: VehicleModel,
}

#[utoipa::path(post, path = "/api/insurance-services/query-vehicle-by-brand-code", tag = "reference", security(("bearer" = [])),
    request_body = BrandCodeBody,
    responses((status = 200, description = "The model the code names", body = VehicleByBrandCode), Errors))]
pub async fn vehicle_by_brand_code(
    ApiJson(body): ApiJson<BrandCodeBody>,
) -> ApiResult<Json<VehicleByBrandCode>> {
    let code = body.brand_code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::field(
            "brandCode",
            "6 haneli marka-tip kodu olmalı (ör. 139014).",
            code,
        ));
    }
    let (brand, model) = catalog::model(code).ok_or_else(|| {
        Problem::not_found(
            "VEHICLE_MODEL_NOT_FOUND",
            "Bu kodla bir araç modeli bulunamadı.",
        )
    })?;
    Ok(Json(VehicleByBrandCode {
        model: VehicleModel {
            brand: Param::new(brand.code, brand.name),
            kind: Param::new(model.code, model.name),
            year: model.years.1,
        },
    }))
}

/// `GET /api/products`: every product of every insurer (the vendor client's `InsuranceProduct`).
#[utoipa::path(get, path = "/api/products", tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "Every insurer's products", body = Vec<InsuranceProduct>), Errors))]
pub async fn products() -> Json<Vec<Value>> {
    Json(
        INSURERS
            .iter()
            .flat_map(|insurer| {
                insurer
                    .branches
                    .iter()
                    .zip(insurer.product_ids)
                    .map(move |(branch, id)| {
                        json!({
                            "id": id,
                            "name": format!("{} {}", insurer.name, branch.display()),
                            "insuranceCompanyId": insurer.id,
                            "branch": branch,
                            "type": "WEB_SERVICE",
                        })
                    })
            })
            .collect(),
    )
}

/// The query of `coverage-choices:kasko`. Unknown parameters are ignored, as ASP.NET does.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct KaskoChoicesQuery {
    vehicle_utilization_style: Option<String>,
    insurance_company_id: Option<String>,
}

/// `GET /api/coverage-choices:kasko`: per insurer the kasko cover options a coverage group can
/// pick from. The kasko guide filters by `insuranceCompanyId`; the vendor client sends
/// `vehicleUtilizationStyle` as the enum's integer ordinal (0–71), because the backend binds
/// query-string enums by ordinal and refuses a name with 400. The option lists themselves are not
/// public, so these are a plausible few.
#[utoipa::path(get, path = "/api/coverage-choices:kasko", tag = "reference", security(("bearer" = [])),
    params(KaskoChoicesQuery),
    responses((status = 200, description = "Per insurer, the kasko cover options", body = Vec<CoverageChoices>), Errors))]
pub async fn kasko_coverage_choices(
    State(app): State<AppState>,
    ApiQuery(query): ApiQuery<KaskoChoicesQuery>,
) -> ApiResult<Json<Vec<Value>>> {
    let dialect = app.config.dialect;
    let by_company = if dialect.vendor_rest() {
        None
    } else {
        match query.insurance_company_id.as_deref().map(str::parse::<u32>) {
            None => None,
            Some(Ok(id)) => Some(id),
            Some(Err(_)) => {
                return Err(unbindable_query(
                    "insuranceCompanyId",
                    query.insurance_company_id.as_deref().unwrap_or(""),
                ));
            }
        }
    };
    if !dialect.guide_rest()
        && let Some(style) = query.vehicle_utilization_style.as_deref()
        && style.parse::<u32>().map_or(true, |n| n > 71)
    {
        return Err(unbindable_query("vehicleUtilizationStyle", style));
    }
    Ok(Json(
        INSURERS
            .iter()
            .filter(|i| {
                i.branches
                    .contains(&crate::store::model::ProductBranch::Kasko)
            })
            .filter(|i| by_company.is_none_or(|id| id == i.id))
            .map(|i| {
                json!({
                    "insuranceCompanyId": i.id,
                    "productType": "WEB_SERVICE",
                    "coverageChoices": {
                        "glassCoverage": ["UNLIMITED", "ONE_TIME"],
                        "replacementVehicle": ["NONE", "SEVEN_DAYS", "FOURTEEN_DAYS"],
                        "personalAccidentCoverage": [50000, 100000, 250000],
                        "financialLiabilityCoverage": [1000000, 5000000, 10000000],
                    },
                })
            })
            .collect(),
    ))
}

/// A query parameter model binding cannot convert, as ASP.NET reports it.
fn unbindable_query(name: &str, value: &str) -> Problem {
    Problem::unbindable(
        name,
        &format!("The value '{value}' is not valid."),
        Problem::field(name, "Geçersiz değer.", value),
    )
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct Me {
    id: String,
    email: String,
    agent_id: String,
    is_service_account: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct InsuranceCompany {
    id: u32,
    name: String,
    logo: Option<String>,
    enabled: bool,
    supported_payment_options: Vec<crate::store::model::PaymentOption>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct CoverageGroupAnswer {
    id: String,
    name: String,
    product_branch: crate::store::model::ProductBranch,
    description: Option<String>,
}

/// The vendor client's `InsuranceProduct`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct InsuranceProduct {
    id: u32,
    name: String,
    insurance_company_id: u32,
    branch: crate::store::model::ProductBranch,
    /// `WEB_SERVICE` or `ROBOT`.
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct CoverageChoices {
    insurance_company_id: u32,
    product_type: String,
    #[schema(value_type = Object)]
    coverage_choices: Value,
}
