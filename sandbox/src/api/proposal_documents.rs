//! What a proposal is shown and sent as: its snapshot and requested cover, a product's document and
//! pre-information form sent by e-mail or SMS, and the comparison PDF of several products (made, or
//! sent). Sending is pretended: the request is checked and answered, nothing leaves the sandbox.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use crate::api::customers::{self, PhoneBody, read_phone};
use crate::api::proposals::{self, find_product, quoted};
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::{Errors, UrlAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::http::validate::is_plausible_email;
use crate::simulation::catalog::DOCUMENT_HOST;
use crate::simulation::insurers;
use crate::state::AppState;
use crate::store::ids::hash_parts;
use crate::store::model::{ProductBranch, Proposal};

/// How a document reaches the customer: `{type: "email", email}` or `{type: "sms", phoneNumber}`.
#[derive(Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Communication {
    Email {
        email: String,
    },
    Sms {
        #[serde(rename = "phoneNumber")]
        phone_number: PhoneBody,
    },
}

fn check_communication(communication: &Communication) -> ApiResult<()> {
    match communication {
        Communication::Email { email } if !is_plausible_email(email) => Err(Problem::field(
            "communication.email",
            "Geçerli bir e-posta adresi değil.",
            email.as_str(),
        )),
        Communication::Email { .. } => Ok(()),
        Communication::Sms { phone_number } => {
            let mut checks = Checks::default();
            read_phone("communication.phoneNumber", phone_number, &mut checks);
            checks.finish()
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendBody {
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
    /// The customer the document is for.
    customer_id: String,
    communication: Communication,
}

/// Checks the body's ids against the path, the customer and the product; then the send is done.
fn send(app: &AppState, id: &str, product_id: &str, body: &SendBody) -> ApiResult<StatusCode> {
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
    check_communication(&body.communication)?;
    app.store.with(|data| {
        customers::resolve(data, &body.customer_id)?;
        let proposal = proposals::settled(app, data, id)?;
        quoted(find_product(proposal, product_id)?)?;
        Ok(StatusCode::NO_CONTENT)
    })
}

#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/document/send", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body = SendBody,
    responses((status = 204, description = "The proposal document is sent"), Errors))]
pub async fn send_document(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<SendBody>,
) -> ApiResult<StatusCode> {
    send(&app, &id, &product_id, &body)
}

#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/information-form/send", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body = SendBody,
    responses((status = 204, description = "The pre-information form is sent"), Errors))]
pub async fn send_information_form(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<SendBody>,
) -> ApiResult<StatusCode> {
    send(&app, &id, &product_id, &body)
}

// ---------------------------------------------------------------- comparison

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareBody {
    proposal_id: Option<String>,
    proposal_product_ids: Vec<String>,
    /// Coverage members left out of the table.
    #[serde(default)]
    excluded_coverage_fields: Vec<String>,
}

/// The query of the docs' `GET …/compare-pdf`; keys may repeat, so it is read by hand.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct CompareQuery {
    /// The products to compare, repeated (`?proposalProductIds=a&proposalProductIds=b`); every
    /// priced product when absent.
    #[param(rename = "proposalProductIds")]
    proposal_product_ids: Option<Vec<String>>,
    #[param(rename = "excludedCoverageFields")]
    excluded_coverage_fields: Option<Vec<String>>,
}

/// Where the comparison of `products` (all priced products when empty) can be downloaded.
fn compare(
    app: &AppState,
    id: &str,
    body_proposal: Option<&str>,
    products: &[String],
    excluded: &[String],
) -> ApiResult<Json<Value>> {
    if let Some(other) = body_proposal.filter(|p| *p != id) {
        return Err(Problem::field(
            "proposalId",
            "Adresteki teklifle aynı olmalı.",
            other,
        ));
    }
    app.store.with(|data| {
        let proposal = proposals::settled(app, data, id)?;
        let chosen: Vec<String> = if products.is_empty() {
            proposal
                .products
                .iter()
                .filter(|p| quoted(p).is_ok())
                .map(|p| p.id.clone())
                .collect()
        } else {
            for p in products {
                quoted(find_product(proposal, p)?)?;
            }
            products.to_vec()
        };
        if chosen.is_empty() {
            return Err(Problem::invalid_state(
                "PROPOSAL_PRODUCT_NOT_READY",
                "Karşılaştırılacak fiyatlı ürün yok.",
            ));
        }
        let mut parts: Vec<&str> = chosen.iter().map(String::as_str).collect();
        parts.extend(excluded.iter().map(String::as_str));
        let key = hash_parts(app.config.seed, &parts);
        Ok(Json(json!({
            "url": format!("{DOCUMENT_HOST}/documents/proposals/{id}/compare/{key:016x}.pdf")
        })))
    })
}

/// The docs' spelling: `GET …/compare-pdf`, the products in the query.
#[utoipa::path(get, path = "/api/proposals/{id}/products/compare-pdf", tag = "proposals",
    operation_id = "compareProductsPdf", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), CompareQuery),
    responses((status = 200, description = "Where the comparison PDF is", body = UrlAnswer), Errors))]
pub async fn compare_pdf_query(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Value>> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or(""))
            .map_err(|_| Problem::field("query", "Sorgu okunamadı.", query.clone()))?;
    let values = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    compare(
        &app,
        &id,
        None,
        &values("proposalProductIds"),
        &values("excludedCoverageFields"),
    )
}

/// The vendor client's spelling: `POST …/compare-pdf {proposalProductIds, excludedCoverageFields}`.
#[utoipa::path(post, path = "/api/proposals/{id}/products/compare-pdf", tag = "proposals",
    operation_id = "compareProductsPdf", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")), request_body = CompareBody,
    responses((status = 200, description = "Where the comparison PDF is", body = UrlAnswer), Errors))]
pub async fn compare_pdf(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<CompareBody>,
) -> ApiResult<Json<Value>> {
    if body.proposal_product_ids.is_empty() {
        return Err(Problem::field(
            "proposalProductIds",
            "En az bir ürün seçilmeli.",
            json!([]),
        ));
    }
    compare(
        &app,
        &id,
        body.proposal_id.as_deref(),
        &body.proposal_product_ids,
        &body.excluded_coverage_fields,
    )
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareSendBody {
    proposal_id: Option<String>,
    proposal_product_ids: Vec<String>,
    #[serde(default)]
    excluded_coverage_fields: Vec<String>,
    customer_id: String,
    communication: Communication,
}

#[utoipa::path(post, path = "/api/proposals/{id}/products/compare-pdf/send", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")), request_body = CompareSendBody,
    responses((status = 204, description = "The comparison PDF is sent"), Errors))]
pub async fn send_compare_pdf(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<CompareSendBody>,
) -> ApiResult<StatusCode> {
    if body.proposal_product_ids.is_empty() {
        return Err(Problem::field(
            "proposalProductIds",
            "En az bir ürün seçilmeli.",
            json!([]),
        ));
    }
    check_communication(&body.communication)?;
    app.store
        .with(|data| customers::resolve(data, &body.customer_id))?;
    // The same checks as making the PDF; the send itself is pretended.
    let _made = compare(
        &app,
        &id,
        body.proposal_id.as_deref(),
        &body.proposal_product_ids,
        &body.excluded_coverage_fields,
    )?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------- snapshot and cover

/// The parties and the asset as they were when the proposal was made.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotView {
    product_branch: ProductBranch,
    /// `CustomerModel`, polymorphic on `$type`.
    #[schema(value_type = Object)]
    insurer_customer: Value,
    #[schema(value_type = Object)]
    insured_customer: Value,
    is_insured_customer_same_as_insurer_customer: bool,
    /// Vehicle branches.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    vehicle: Option<Value>,
    /// Property branches.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    property: Option<Value>,
}

fn snapshot_view(p: &Proposal) -> SnapshotView {
    SnapshotView {
        product_branch: p.branch,
        insurer_customer: p.snapshot.insurer_customer.clone(),
        insured_customer: p.snapshot.insured_customer.clone(),
        is_insured_customer_same_as_insurer_customer: p.insurer_customer_id
            == p.insured_customer_id,
        vehicle: p.snapshot.vehicle.clone(),
        property: p.snapshot.property.clone(),
    }
}

#[utoipa::path(get, path = "/api/proposals/{id}/snapshot", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")),
    responses((status = 200, description = "The proposal's parties and asset as they were", body = SnapshotView), Errors))]
pub async fn snapshot(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<SnapshotView>> {
    app.store.with(|data| {
        data.proposals
            .get(&id)
            .map(|p| Json(snapshot_view(p)))
            .ok_or_else(proposals::not_found)
    })
}

#[derive(Serialize, ToSchema)]
pub struct ProposalCoverage {
    /// Branch-specific cover terms (`$type`: `kasko`, `trafik`, `dask`, `konut`, …).
    #[schema(value_type = Object)]
    coverage: Value,
}

#[utoipa::path(get, path = "/api/proposals/{id}/coverage", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")),
    responses((status = 200, description = "The cover the proposal asked for", body = ProposalCoverage), Errors))]
pub async fn coverage(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<ProposalCoverage>> {
    app.store.with(|data| {
        data.proposals
            .get(&id)
            .map(|p| {
                Json(ProposalCoverage {
                    coverage: insurers::requested_coverage(p),
                })
            })
            .ok_or_else(proposals::not_found)
    })
}
