//! Proposals: one request fans out to the simulated insurers; each product resolves on its own.

use std::time::Instant;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::Principal;
use crate::catalog::{self, DOCUMENT_HOST, INSURERS};
use crate::clock::{fmt_date, fmt_ts, one_year_after, parse_date, today};
use crate::customers;
use crate::extract::{ApiJson, Checks, OptionalJson, PathIds};
use crate::insurers::{self, Risk};
use crate::model::{
    CaseStatus, CaseType, Channel, PaymentOption, Product, ProductBranch, ProductState, Proposal,
    ProposalState, Snapshot,
};
use crate::problem::{ApiResult, Problem};
use crate::store::State as Data;

/// Both documented dialects: `$type`/`insurerCustomerId`/ObjectId coverage groups (SDK, newer docs) and
/// `type`/`customerId`/integer coverage groups (older docs).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProposalBody {
    #[serde(rename = "$type")]
    kind: Option<String>,
    #[serde(rename = "type")]
    legacy_type: Option<String>,
    product_branch: Option<String>,
    insurer_customer_id: Option<String>,
    insured_customer_id: Option<String>,
    customer_id: Option<String>,
    vehicle_id: Option<String>,
    property_id: Option<String>,
    coverage_group_ids: Option<Vec<Value>>,
    channel: Option<String>,
    agent_id: Option<String>,
    agent_branch_id: Option<String>,
    policy_start_date: Option<String>,
    #[serde(default, rename = "coverage")]
    _coverage: Option<IgnoredAny>,
    #[serde(default, rename = "furniturePrice")]
    _furniture_price: Option<IgnoredAny>,
    #[serde(default, rename = "electronicDevicePrice")]
    _electronic_device_price: Option<IgnoredAny>,
    #[serde(default, rename = "insulationPrice")]
    _insulation_price: Option<IgnoredAny>,
    #[serde(default, rename = "windowPrice")]
    _window_price: Option<IgnoredAny>,
    #[serde(default, rename = "constructionCostPerSquareMeter")]
    _construction_cost_per_square_meter: Option<IgnoredAny>,
    #[serde(default, rename = "earthquakeCoverageOption")]
    _earthquake_coverage_option: Option<IgnoredAny>,
    #[serde(default, rename = "vacancyDurationOption")]
    _vacancy_duration_option: Option<IgnoredAny>,
    #[serde(default, rename = "additionalInsuredCustomers")]
    _additional_insured_customers: Option<IgnoredAny>,
}

const SUPPORTED: &[ProductBranch] = &[
    ProductBranch::Kasko,
    ProductBranch::Trafik,
    ProductBranch::Imm,
    ProductBranch::Dask,
    ProductBranch::Konut,
    ProductBranch::Tss,
];

pub fn not_found() -> Problem {
    Problem::not_found("PROPOSAL_NOT_FOUND", "Teklif bulunamadı.")
}

pub fn product_not_found() -> Problem {
    Problem::not_found("PROPOSAL_PRODUCT_NOT_FOUND", "Teklif ürünü bulunamadı.")
}

struct Request {
    branch: ProductBranch,
    insurer: String,
    insured: Option<String>,
    groups: Vec<String>,
    channel: Channel,
    start: time::Date,
}

fn validate(body: &ProposalBody) -> ApiResult<Request> {
    let mut checks = Checks::default();
    let discriminator = body.kind.as_deref().or(body.legacy_type.as_deref());
    let from_type = discriminator.map(|t| (t, ProductBranch::from_proposal_type(t)));
    let from_branch = body
        .product_branch
        .as_deref()
        .map(|b| (b, ProductBranch::parse(b)));
    let branch = match (from_type, from_branch) {
        (Some((t, None)), _) => {
            checks.fail(
                "$type",
                "kasko, trafik, dask, konut, tss veya imm olmalı.",
                t,
            );
            None
        }
        (_, Some((b, None))) => {
            checks.fail("productBranch", "Bilinmeyen ürün branşı.", b);
            None
        }
        (Some((_, Some(a))), Some((b, Some(c)))) if a != c => {
            checks.fail("productBranch", "$type ile uyuşmuyor.", b);
            None
        }
        (Some((_, Some(a))), _) => Some(a),
        (None, Some((_, Some(c)))) => Some(c),
        (None, None) => {
            checks.fail("$type", "Bu alan zorunludur.", Value::Null);
            None
        }
    };
    let insurer = body
        .insurer_customer_id
        .clone()
        .or_else(|| body.customer_id.clone());
    if insurer.as_deref().is_none_or(|s| s.trim().is_empty()) {
        checks.fail("insurerCustomerId", "Bu alan zorunludur.", Value::Null);
    }
    let mut groups = Vec::new();
    for (i, raw) in body.coverage_group_ids.iter().flatten().enumerate() {
        let field = format!("coverageGroupIds[{i}]");
        let group = match raw {
            Value::String(s) => catalog::coverage_group(s),
            Value::Number(n) => n.as_i64().and_then(catalog::coverage_group_by_legacy),
            _ => None,
        };
        match group {
            Some(g) => groups.push(g),
            None => checks.fail(&field, "Bilinmeyen teminat grubu.", raw.clone()),
        }
    }
    if groups.len() > 3 {
        checks.fail(
            "coverageGroupIds",
            "En fazla 3 teminat grubu seçilebilir.",
            groups.len(),
        );
    }
    let channel = match body.channel.as_deref() {
        None => Channel::Api,
        Some(text) => Channel::parse(text).unwrap_or_else(|| {
            checks.fail("channel", "Bilinmeyen kanal (ör. API, WEBSITE).", text);
            Channel::Unknown
        }),
    };
    let start = match body.policy_start_date.as_deref() {
        None => today(),
        Some(text) => match parse_date(text) {
            Some(d) if d >= today() => d,
            Some(_) => {
                checks.fail(
                    "policyStartDate",
                    "Poliçe başlangıcı geçmişte olamaz.",
                    text,
                );
                today()
            }
            None => {
                checks.fail("policyStartDate", "YYYY-MM-DD biçiminde olmalı.", text);
                today()
            }
        },
    };
    checks.finish()?;
    let branch = branch.ok_or_else(|| Problem::malformed("Geçersiz istek."))?;
    if !SUPPORTED.contains(&branch) {
        return Err(Problem::business(
            "PRODUCT_BRANCH_NOT_SUPPORTED",
            "Bu branş için teklif alınamıyor.",
        )
        .suggest("KASKO, TRAFIK, IMM, DASK, KONUT veya TSS deneyin."));
    }
    if let Some(g) = groups.iter().find(|g| g.branch != branch) {
        return Err(Problem::business(
            "COVERAGE_GROUP_BRANCH_MISMATCH",
            format!(
                "'{}' teminat grubu {} branşına ait değil.",
                g.name,
                branch.as_str()
            ),
        ));
    }
    Ok(Request {
        branch,
        insurer: insurer.unwrap_or_default(),
        insured: body.insured_customer_id.clone(),
        groups: groups.iter().map(|g| g.id.to_owned()).collect(),
        channel,
        start,
    })
}

pub async fn create(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<ProposalBody>,
) -> ApiResult<Json<Value>> {
    let request = validate(&body)?;
    if let Some(agent) = &body.agent_id
        && !agent.eq_ignore_ascii_case(&principal.agent_id)
    {
        return Err(Problem::access_denied(
            "AGENT_MISMATCH",
            "Bu acente adına işlem yetkiniz yok.",
        ));
    }
    let now = Instant::now();
    let id = app.store.with(|data| {
        let insurer_id = customers::resolve(data, &request.insurer)?;
        let insured_id = match &request.insured {
            Some(key) => customers::resolve(data, key)?,
            None => insurer_id.clone(),
        };
        let insured = data
            .customers
            .get(&insured_id)
            .ok_or_else(customers::not_found)?
            .clone();
        let insurer = data
            .customers
            .get(&insurer_id)
            .ok_or_else(customers::not_found)?
            .clone();
        let mut risk = Risk {
            insured_age: insured.birth_date.map(|b| today().year() - b.year()),
            ..Risk::default()
        };
        let mut snapshot = Snapshot {
            insured_name: insured.name().to_owned(),
            insured_identity: insured.identity().to_owned(),
            insured_email: insured.email.clone(),
            insurer_identity: insurer.identity().to_owned(),
            insurer_email: insurer.email.clone(),
            ..Snapshot::default()
        };
        let owners = [insured_id.as_str(), insurer_id.as_str()];
        let mut vehicle_id = None;
        let mut property_id = None;
        if request.branch.needs_vehicle() {
            let key = body.vehicle_id.as_deref().ok_or_else(|| {
                Problem::field("vehicleId", "Bu branş için araç gerekli.", Value::Null)
            })?;
            let vehicle = data
                .vehicles
                .get(key)
                .ok_or_else(|| Problem::not_found("VEHICLE_NOT_FOUND", "Araç bulunamadı."))?;
            if !owners.contains(&vehicle.customer_id.as_str()) {
                return Err(Problem::business(
                    "VEHICLE_NOT_OWNED_BY_CUSTOMER",
                    "Araç bu müşteriye ait değil.",
                )
                .suggest("Aracı sigortalı müşteriye ekleyip tekrar deneyin."));
            }
            risk.model_year = vehicle.model_year;
            risk.model_code = vehicle.model.as_ref().map(|m| m.value.clone());
            risk.utilization_style = Some(vehicle.utilization_style.clone());
            risk.plate_city = vehicle.plate.as_ref().map(|p| p.city);
            snapshot.vehicle_plate = vehicle.plate.as_ref().map(|p| p.display());
            snapshot.vehicle_model_name = match (&vehicle.brand, &vehicle.model) {
                (Some(b), Some(m)) => Some(format!("{} {}", b.text, m.text)),
                (Some(b), None) => Some(b.text.clone()),
                _ => None,
            };
            vehicle_id = Some(vehicle.id.clone());
        } else if request.branch.needs_property() {
            let key = body.property_id.as_deref().ok_or_else(|| {
                Problem::field("propertyId", "Bu branş için konut gerekli.", Value::Null)
            })?;
            let property = data
                .properties
                .get(key)
                .ok_or_else(|| Problem::not_found("PROPERTY_NOT_FOUND", "Konut bulunamadı."))?;
            if !owners.contains(&property.customer_id.as_str()) {
                return Err(Problem::business(
                    "PROPERTY_NOT_OWNED_BY_CUSTOMER",
                    "Konut bu müşteriye ait değil.",
                ));
            }
            risk.square_meter = Some(property.square_meter);
            risk.construction_year = Some(property.construction_year);
            risk.property_use = Some(property.utilization_style.clone());
            property_id = Some(property.id.clone());
        }
        let agent_branch_id = match &body.agent_branch_id {
            Some(b) if data.branch(b).is_none() => {
                return Err(Problem::not_found(
                    "AGENT_BRANCH_NOT_FOUND",
                    "Şube bulunamadı.",
                ));
            }
            Some(b) => Some(b.clone()),
            None => insured.agent_branch_id.clone(),
        };
        let id = data.ids.object_id();
        let mut proposal = Proposal {
            id: id.clone(),
            branch: request.branch,
            state: ProposalState::Waiting,
            channel: request.channel,
            created_at: crate::clock::now(),
            insurer_customer_id: insurer_id.clone(),
            insured_customer_id: insured_id.clone(),
            vehicle_id,
            property_id,
            agent_branch_id,
            policy_start_date: request.start,
            policy_end_date: one_year_after(request.start),
            coverage_group_ids: request.groups,
            products: Vec::new(),
            snapshot,
            base_premium: insurers::base_premium(request.branch, &risk, today().year()),
        };
        proposal.products = insurers::plan_products(&app.config, &mut data.ids, &proposal, now);
        proposal.recompute_state();
        data.proposals.insert(id.clone(), proposal);
        data.pending.insert(id.clone());
        data.settle(&id, now);
        data.stats.proposals_created += 1;
        for customer in dedup(&owners) {
            if let Some(c) = data.customers.get_mut(customer) {
                c.proposal_count += 1;
            }
        }
        // The open sale opportunity for this customer and branch now tracks the proposal.
        if let Some(case) = data.cases.iter_mut().rev().find(|c| {
            c.case_type == CaseType::SaleOpportunity
                && c.status == CaseStatus::Open
                && c.product_branch == request.branch
                && owners.contains(&c.customer_id.as_str())
        }) {
            case.proposal_ids.push(id.clone());
        }
        Ok(id)
    })?;
    Ok(Json(json!({ "proposalId": id })))
}

fn dedup<'a>(ids: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(id);
        }
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PremiumView {
    installment_number: u8,
    net_premium: f64,
    gross_premium: f64,
    commission: f64,
    exchange_rate: f64,
    currency: &'static str,
    insurance_company_proposal_number: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductView {
    id: String,
    insurance_company_id: u32,
    insurance_company_name: &'static str,
    insurance_company_logo: String,
    product_id: u32,
    product_name: String,
    product_type: &'static str,
    state: ProductState,
    premiums: Vec<PremiumView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy_id: Option<String>,
    needs_investigation_by_company: bool,
    has_vocational_discount: bool,
    has_undamaged_discount: bool,
    revised: bool,
    is_manual: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage_group_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage_group_name: Option<&'static str>,
    supported_payment_options: Vec<PaymentOption>,
}

impl From<&Product> for ProductView {
    fn from(p: &Product) -> Self {
        let insurer = &INSURERS[p.insurer];
        Self {
            id: p.id.clone(),
            insurance_company_id: insurer.id,
            insurance_company_name: insurer.name,
            insurance_company_logo: insurer.logo(),
            product_id: p.product_id,
            product_name: p.product_name.clone(),
            product_type: "WEB_SERVICE",
            state: p.state,
            premiums: p
                .premiums
                .iter()
                .map(|x| PremiumView {
                    installment_number: x.installment_number,
                    net_premium: x.net,
                    gross_premium: x.gross,
                    commission: x.commission,
                    exchange_rate: 1.0,
                    currency: "TURKISH_LIRA",
                    insurance_company_proposal_number: p.company_proposal_number.clone(),
                })
                .collect(),
            error_message: p.error_message.clone(),
            policy_id: p.policy_id.clone(),
            needs_investigation_by_company: false,
            has_vocational_discount: false,
            has_undamaged_discount: p.has_undamaged_discount,
            revised: p.attempt > 0,
            is_manual: false,
            coverage_group_id: p.coverage_group_id.clone(),
            coverage_group_name: p
                .coverage_group_id
                .as_deref()
                .and_then(catalog::coverage_group)
                .map(|g| g.name),
            supported_payment_options: insurer.payment_options(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposalView {
    proposal_id: String,
    product_branch: ProductBranch,
    state: ProposalState,
    channel: Channel,
    created_at: String,
    insurer_customer_id: String,
    insured_customer_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    vehicle_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    property_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_branch_id: Option<String>,
    total_products_count: usize,
    succeed_products_count: usize,
    lowest_premium: Option<f64>,
    highest_premium: Option<f64>,
    policy_start_date: String,
    policy_end_date: String,
    coverage_groups: Vec<Value>,
    products: Vec<ProductView>,
}

impl From<&Proposal> for ProposalView {
    fn from(p: &Proposal) -> Self {
        Self {
            proposal_id: p.id.clone(),
            product_branch: p.branch,
            state: p.state,
            channel: p.channel,
            created_at: fmt_ts(p.created_at),
            insurer_customer_id: p.insurer_customer_id.clone(),
            insured_customer_id: p.insured_customer_id.clone(),
            vehicle_id: p.vehicle_id.clone(),
            property_id: p.property_id.clone(),
            agent_branch_id: p.agent_branch_id.clone(),
            total_products_count: p.products.len(),
            succeed_products_count: p.succeeded(),
            lowest_premium: p.lowest_premium(),
            highest_premium: p.highest_premium(),
            policy_start_date: fmt_date(p.policy_start_date),
            policy_end_date: fmt_date(p.policy_end_date),
            coverage_groups: p
                .coverage_group_ids
                .iter()
                .filter_map(|id| catalog::coverage_group(id))
                .map(|g| json!({"id": g.id, "name": g.name}))
                .collect(),
            products: p.products.iter().map(ProductView::from).collect(),
        }
    }
}

/// Settles due insurer answers, then reads the proposal.
pub fn settled<'a>(data: &'a mut Data, id: &str) -> ApiResult<&'a Proposal> {
    data.settle(id, Instant::now());
    data.proposals.get(id).ok_or_else(not_found)
}

pub fn find_product<'a>(proposal: &'a Proposal, product_id: &str) -> ApiResult<&'a Product> {
    proposal
        .products
        .iter()
        .find(|p| p.id == product_id)
        .ok_or_else(product_not_found)
}

pub async fn get(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<ProposalView>> {
    app.store
        .with(|data| settled(data, &id).map(|p| Json(ProposalView::from(p))))
}

pub async fn products(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<Vec<ProductView>>> {
    app.store.with(|data| {
        settled(data, &id).map(|p| Json(p.products.iter().map(ProductView::from).collect()))
    })
}

pub async fn product(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<ProductView>> {
    app.store.with(|data| {
        let proposal = settled(data, &id)?;
        find_product(proposal, &product_id).map(|p| Json(ProductView::from(p)))
    })
}

fn quoted(product: &Product) -> ApiResult<()> {
    if product.premiums.is_empty()
        || matches!(product.state, ProductState::Waiting | ProductState::Failed)
    {
        Err(Problem::invalid_state(
            "PROPOSAL_PRODUCT_NOT_READY",
            "Bu ürün için henüz fiyat yok.",
        ))
    } else {
        Ok(())
    }
}

pub async fn premium_detail(
    State(app): State<AppState>,
    PathIds((id, product_id, installment)): PathIds<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    let installment: u8 = installment.parse().map_err(|_| {
        Problem::field(
            "installmentNumber",
            "Pozitif bir tamsayı olmalı.",
            installment.as_str(),
        )
    })?;
    app.store.with(|data| {
        let proposal = settled(data, &id)?;
        let product = find_product(proposal, &product_id)?;
        quoted(product)?;
        let premium = product
            .premiums
            .iter()
            .find(|p| p.installment_number == installment)
            .ok_or_else(|| {
                Problem::not_found("PREMIUM_NOT_FOUND", "Bu taksit sayısı için prim yok.")
            })?;
        Ok(Json(json!({
            "proposalId": proposal.id,
            "proposalProductId": product.id,
            "insurerCustomerId": proposal.insurer_customer_id,
            "insuredCustomerId": proposal.insured_customer_id,
            "installmentNumber": installment,
            "insuranceServicesProposalId": product.services_proposal_id,
            "insuranceServicesPremiumId": premium.services_premium_id,
            "insuranceCompanyProposalNumber": product.company_proposal_number,
        })))
    })
}

pub async fn coverage(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    app.store.with(|data| {
        let proposal = settled(data, &id)?;
        let product = find_product(proposal, &product_id)?;
        quoted(product)?;
        Ok(Json(
            json!({ "coverage": insurers::coverage(proposal.branch, proposal, product) }),
        ))
    })
}

fn document_url(app: &AppState, id: &str, product_id: &str, name: &str) -> ApiResult<Json<Value>> {
    app.store.with(|data| {
        let proposal = settled(data, id)?;
        let product = find_product(proposal, product_id)?;
        quoted(product)?;
        Ok(Json(json!({
            "url": format!("{DOCUMENT_HOST}/documents/proposals/{id}/products/{product_id}/{name}.pdf")
        })))
    })
}

pub async fn document(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    document_url(&app, &id, &product_id, "proposal")
}

pub async fn information_form(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    document_url(&app, &id, &product_id, "information-form")
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryBody {
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
}

/// Re-queues a FAILED product: it waits for its insurer again (a retry succeeds more often).
pub async fn retry(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
    OptionalJson(body): OptionalJson<RetryBody>,
) -> ApiResult<StatusCode> {
    if let Some(body) = &body {
        if body.proposal_id.as_deref().is_some_and(|p| p != id) {
            return Err(Problem::field(
                "proposalId",
                "Adresteki teklifle aynı olmalı.",
                body.proposal_id.clone(),
            ));
        }
        if body
            .proposal_product_id
            .as_deref()
            .is_some_and(|p| p != product_id)
        {
            return Err(Problem::field(
                "proposalProductId",
                "Adresteki ürünle aynı olmalı.",
                body.proposal_product_id.clone(),
            ));
        }
    }
    let now = Instant::now();
    app.store.with(|data| {
        settled(data, &id)?;
        let crate::store::State {
            proposals,
            ids,
            pending,
            ..
        } = data;
        let proposal = proposals.get_mut(&id).ok_or_else(not_found)?;
        let index = proposal
            .products
            .iter()
            .position(|p| p.id == product_id)
            .ok_or_else(product_not_found)?;
        if proposal.products[index].state != ProductState::Failed {
            return Err(Problem::invalid_state(
                "PROPOSAL_PRODUCT_NOT_RETRYABLE",
                "Yalnızca başarısız ürünler yeniden denenebilir.",
            ));
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
        product.state = ProductState::Waiting;
        product.error_message = None;
        proposal.recompute_state();
        pending.insert(id.clone());
        data.settle(&id, now);
        Ok(StatusCode::NO_CONTENT)
    })
}
