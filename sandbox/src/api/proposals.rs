//! Proposals: one request fans out to the simulated insurers; each product resolves on its own.

use std::time::Instant;

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::api::customers;
use crate::dialect::Dialect;
use crate::http::extract::{ApiJson, Checks, OptionalJson, PathIds};
use crate::http::openapi::{Errors, UrlAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::catalog::{self, DOCUMENT_HOST, INSURERS};
use crate::simulation::clock::{fmt_date, fmt_ts, one_year_after, parse_date, today};
use crate::simulation::insurers::{self, Risk};
use crate::simulation::market;
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::model::{
    CaseActivityAction, CaseStatus, CaseType, Channel, PaymentOption, Product, ProductBranch,
    ProductState, Proposal, ProposalState, Snapshot,
};

/// Both documented dialects: `$type`/`insurerCustomerId`/ObjectId coverage groups (SDK, newer docs) and
/// `type`/`customerId`/integer coverage groups (older docs).
#[derive(Deserialize, ToSchema)]
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
    #[schema(value_type = Option<Object>)]
    _coverage: Option<IgnoredAny>,
    #[serde(default, rename = "furniturePrice")]
    #[schema(value_type = Option<Object>)]
    _furniture_price: Option<IgnoredAny>,
    #[serde(default, rename = "electronicDevicePrice")]
    #[schema(value_type = Option<Object>)]
    _electronic_device_price: Option<IgnoredAny>,
    #[serde(default, rename = "insulationPrice")]
    #[schema(value_type = Option<Object>)]
    _insulation_price: Option<IgnoredAny>,
    #[serde(default, rename = "windowPrice")]
    #[schema(value_type = Option<Object>)]
    _window_price: Option<IgnoredAny>,
    #[serde(default, rename = "constructionCostPerSquareMeter")]
    #[schema(value_type = Option<Object>)]
    _construction_cost_per_square_meter: Option<IgnoredAny>,
    #[serde(default, rename = "earthquakeCoverageOption")]
    #[schema(value_type = Option<Object>)]
    _earthquake_coverage_option: Option<IgnoredAny>,
    #[serde(default, rename = "vacancyDurationOption")]
    #[schema(value_type = Option<Object>)]
    _vacancy_duration_option: Option<IgnoredAny>,
    #[serde(default, rename = "additionalInsuredCustomers")]
    #[schema(value_type = Option<Object>)]
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

pub(crate) struct Request {
    pub branch: ProductBranch,
    pub insurer: String,
    pub insured: Option<String>,
    pub groups: Vec<String>,
    pub channel: Channel,
    pub start: time::Date,
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

/// Members the body has that the dialect's request type does not (an ASP.NET binding failure).
fn unmapped(member: &str, type_name: &str) -> Problem {
    Problem::unbindable(
        &format!("$.{member}"),
        &format!(
            "The JSON property '{member}' could not be mapped to any .NET member contained in type '{type_name}'."
        ),
        Problem::field(member, "Bilinmeyen alan.", Value::Null),
    )
}

fn unconvertible(path: &str, target: &str) -> Problem {
    Problem::unbindable(
        &format!("$.{path}"),
        &format!("The JSON value could not be converted to {target}. Path: $.{path}."),
        Problem::field(path, "Geçersiz değer.", Value::Null),
    )
}

/// The two documented proposal bodies: the guide's older `{type: "traffic", customerId,
/// coverageGroupIds: [int]}` and the vendor client's polymorphic `{$type: "trafik", productBranch,
/// insurerCustomerId, coverageGroupIds: [ObjectId]}`. A strict dialect binds only its own.
fn check_shape(body: &ProposalBody, dialect: Dialect) -> ApiResult<()> {
    if dialect.guide_rest() {
        const TYPE: &str = "CreateProposalRequest";
        for (member, present) in [
            ("$type", body.kind.is_some()),
            ("productBranch", body.product_branch.is_some()),
            ("insurerCustomerId", body.insurer_customer_id.is_some()),
            ("policyStartDate", body.policy_start_date.is_some()),
            ("coverage", body._coverage.is_some()),
        ] {
            if present {
                return Err(unmapped(member, TYPE));
            }
        }
        match body.legacy_type.as_deref() {
            None => {
                return Err(Problem::unbindable(
                    "Type",
                    "The Type field is required.",
                    Problem::field("type", "Bu alan zorunludur.", Value::Null),
                ));
            }
            Some(t) if !matches!(t, "traffic" | "kasko" | "imm" | "konut" | "tss" | "dask") => {
                return Err(unconvertible("type", "ProposalType"));
            }
            Some(_) => {}
        }
        for (i, id) in body.coverage_group_ids.iter().flatten().enumerate() {
            if !id.is_i64() {
                return Err(unconvertible(
                    &format!("coverageGroupIds[{i}]"),
                    "System.Int32",
                ));
            }
        }
    } else if dialect.vendor_rest() {
        const TYPE: &str = "CreateProposalEndpointRequest";
        for (member, present) in [
            ("type", body.legacy_type.is_some()),
            ("customerId", body.customer_id.is_some()),
        ] {
            if present {
                return Err(unmapped(member, TYPE));
            }
        }
        match body.kind.as_deref() {
            None => {
                return Err(Problem::unbindable(
                    "$",
                    &format!(
                        "Deserialization of interface or abstract types is not supported. Type '{TYPE}'. Path: $."
                    ),
                    Problem::field("$type", "Bu alan zorunludur.", Value::Null),
                ));
            }
            Some(t) if !matches!(t, "kasko" | "trafik" | "dask" | "konut" | "tss" | "imm") => {
                return Err(Problem::unbindable(
                    "$",
                    &format!("Read unrecognized type discriminator id '{t}'. Path: $.$type."),
                    Problem::field("$type", "Bilinmeyen teklif tipi.", t),
                ));
            }
            Some(_) => {}
        }
        for (i, id) in body.coverage_group_ids.iter().flatten().enumerate() {
            if !id.is_string() {
                return Err(unconvertible(
                    &format!("coverageGroupIds[{i}]"),
                    "System.String",
                ));
            }
        }
    }
    Ok(())
}

/// Where a new proposal's products and parties come from.
pub(crate) struct Spec<'a> {
    pub request: &'a Request,
    pub vehicle_id: Option<&'a str>,
    pub property_id: Option<&'a str>,
    pub agent_branch_id: Option<&'a str>,
}

/// Opens a proposal (quoting starts at once) and links it to the customer's open sale
/// opportunity of that branch.
pub(crate) fn open(app: &AppState, data: &mut Data, by: &str, spec: Spec<'_>) -> ApiResult<String> {
    let request = spec.request;
    let now = Instant::now();
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
        insured_customer: customers::customer_model(&insured),
        insurer_customer: customers::customer_model(&insurer),
        ..Snapshot::default()
    };
    let owners = [insured_id.as_str(), insurer_id.as_str()];
    let mut vehicle_id = None;
    let mut property_id = None;
    if request.branch.needs_vehicle() {
        let key = spec.vehicle_id.ok_or_else(|| {
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
        snapshot.vehicle = Some(json!({
            "id": vehicle.id,
            "plate": vehicle.plate,
            "model": vehicle.brand.as_ref().map(|brand| json!({
                "brand": brand, "type": vehicle.model, "year": vehicle.model_year,
            })),
            "utilizationStyle": vehicle.utilization_style,
            "fuel": vehicle.fuel,
            "engine": vehicle.engine,
            "chassis": vehicle.chassis,
            "registrationDate": vehicle.registration_date.map(fmt_date),
            "seatNumber": vehicle.seat_number,
            "documentSerial": vehicle.document_serial,
        }));
        vehicle_id = Some(vehicle.id.clone());
    } else if request.branch.needs_property() {
        let key = spec.property_id.ok_or_else(|| {
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
        snapshot.property = Some(json!({
            "id": property.id,
            "number": property.property_number,
            "address": crate::simulation::addresses::address_at(property.property_number),
            "squareMeter": property.square_meter,
            "constructionYear": property.construction_year,
            "utilizationStyle": property.utilization_style,
            "ownershipType": property.ownership_type,
        }));
        property_id = Some(property.id.clone());
    }
    let agent_branch_id = match spec.agent_branch_id {
        Some(b) if data.branch(b).is_none() => {
            return Err(Problem::not_found(
                "AGENT_BRANCH_NOT_FOUND",
                "Şube bulunamadı.",
            ));
        }
        Some(b) => Some(b.to_owned()),
        None => insured.agent_branch_id.clone(),
    };
    let id = data.ids.object_id();
    let mut proposal = Proposal {
        id: id.clone(),
        branch: request.branch,
        state: ProposalState::Waiting,
        channel: request.channel,
        created_at: crate::simulation::clock::now(),
        insurer_customer_id: insurer_id.clone(),
        insured_customer_id: insured_id.clone(),
        vehicle_id,
        property_id,
        agent_branch_id,
        representative: None,
        policy_start_date: request.start,
        policy_end_date: one_year_after(request.start),
        coverage_group_ids: request.groups.clone(),
        products: Vec::new(),
        snapshot,
        base_premium: insurers::base_premium(request.branch, &risk, today().year()),
    };
    proposal.products = insurers::plan_products(&app.config, &mut data.ids, &proposal, now);
    proposal.recompute_state();
    data.proposals.insert(id.clone(), proposal);
    market::pricing_started(app, data, &id, None, now);
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
            && c.product_branch == Some(request.branch)
            && owners.contains(&c.customer_id.as_str())
    }) {
        case.proposal_ids.push(id.clone());
        case.record(
            CaseActivityAction::ProposalAdded,
            by,
            json!({"proposalId": id, "proposalCreatedBy": catalog::user_reference(by)}),
        );
    }
    Ok(id)
}

#[utoipa::path(post, path = "/api/proposals", tag = "proposals", security(("bearer" = [])),
    request_body(content = ProposalBody, description = "The guide's older body (`type`, `customerId`, integer coverage groups) or the vendor client's (`$type`, `productBranch`, `insurerCustomerId`, ObjectId coverage groups); a strict dialect binds only its own"),
    responses((status = 200, description = "The new proposal's id", body = ProposalCreated), Errors))]
pub async fn create(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<ProposalBody>,
) -> ApiResult<Json<Value>> {
    check_shape(&body, app.config.dialect)?;
    let request = validate(&body)?;
    if let Some(agent) = &body.agent_id
        && !agent.eq_ignore_ascii_case(&principal.agent_id)
    {
        return Err(Problem::access_denied(
            "AGENT_MISMATCH",
            "Bu acente adına işlem yetkiniz yok.",
        ));
    }
    let id = app.store.with(|data| {
        open(
            &app,
            data,
            &principal.user_id,
            Spec {
                request: &request,
                vehicle_id: body.vehicle_id.as_deref(),
                property_id: body.property_id.as_deref(),
                agent_branch_id: body.agent_branch_id.as_deref(),
            },
        )
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

#[derive(Serialize, ToSchema)]
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

#[derive(Serialize, ToSchema)]
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

#[derive(Serialize, ToSchema)]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    represented_by: Option<crate::store::model::UserReference>,
    total_products_count: usize,
    succeed_products_count: usize,
    lowest_premium: Option<f64>,
    highest_premium: Option<f64>,
    policy_start_date: String,
    policy_end_date: String,
    #[schema(value_type = Vec<Object>)]
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
            represented_by: p.representative.as_deref().map(catalog::user_reference),
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

/// The `proposal_premium.received` payload of a priced product (webhook guide §6): the premiums as
/// the proposal lists them and the insured customer as the proposal took them.
pub fn premium_received_payload(proposal: &Proposal, product: &Product) -> Value {
    let premiums = serde_json::to_value(ProductView::from(product))
        .ok()
        .and_then(|mut view| view.get_mut("premiums").map(Value::take))
        .unwrap_or_else(|| json!([]));
    json!({
        "proposalId": proposal.id,
        "productId": product.product_id,
        "proposalProductId": product.id,
        "productBranch": proposal.branch,
        "premiums": premiums,
        "insuredCustomer": proposal.snapshot.insured_customer,
    })
}

/// Applies (and publishes) insurer answers already due, then reads the proposal.
pub fn settled<'a>(app: &AppState, data: &'a mut Data, id: &str) -> ApiResult<&'a Proposal> {
    market::settle(app, data, id, Instant::now());
    data.proposals.get(id).ok_or_else(not_found)
}

pub fn find_product<'a>(proposal: &'a Proposal, product_id: &str) -> ApiResult<&'a Product> {
    proposal
        .products
        .iter()
        .find(|p| p.id == product_id)
        .ok_or_else(product_not_found)
}

#[utoipa::path(get, path = "/api/proposals/{id}", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "The proposal with its products", body = ProposalView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<ProposalView>> {
    app.store
        .with(|data| settled(&app, data, &id).map(|p| Json(ProposalView::from(p))))
}

#[utoipa::path(get, path = "/api/proposals/{id}/products", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "The proposal's products", body = Vec<ProductView>), Errors))]
pub async fn products(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<Vec<ProductView>>> {
    app.store.with(|data| {
        settled(&app, data, &id).map(|p| Json(p.products.iter().map(ProductView::from).collect()))
    })
}

#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    responses((status = 200, description = "One product", body = ProductView), Errors))]
pub async fn product(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<ProductView>> {
    app.store.with(|data| {
        let proposal = settled(&app, data, &id)?;
        find_product(proposal, &product_id).map(|p| Json(ProductView::from(p)))
    })
}

pub fn quoted(product: &Product) -> ApiResult<()> {
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

/// `…/premiums/{n}`, as the kasko guide names it.
#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/premiums/{installmentNumber}", tag = "proposals",
    operation_id = "getPremiumDetail", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id"), ("installmentNumber" = u8, Path)),
    responses((status = 200, description = "The premium's insurer-side ids", body = PremiumDetail), Errors))]
pub async fn premiums(
    state: State<AppState>,
    ids: PathIds<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    premium_detail(state, ids).await
}

/// `…/premium-detail/{n}`, as the vendor client names it.
#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/premium-detail/{installmentNumber}", tag = "proposals",
    operation_id = "getPremiumDetail", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id"), ("installmentNumber" = u8, Path)),
    responses((status = 200, description = "The premium's insurer-side ids", body = PremiumDetail), Errors))]
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
        let proposal = settled(&app, data, &id)?;
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

#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/coverage", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    responses((status = 200, description = "The product's cover", body = CoverageAnswer), Errors))]
pub async fn coverage(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    app.store.with(|data| {
        let proposal = settled(&app, data, &id)?;
        let product = find_product(proposal, &product_id)?;
        quoted(product)?;
        Ok(Json(
            json!({ "coverage": insurers::coverage(proposal.branch, proposal, product) }),
        ))
    })
}

fn document_url(app: &AppState, id: &str, product_id: &str, name: &str) -> ApiResult<Json<Value>> {
    app.store.with(|data| {
        let proposal = settled(app, data, id)?;
        let product = find_product(proposal, product_id)?;
        quoted(product)?;
        Ok(Json(json!({
            "url": format!("{DOCUMENT_HOST}/documents/proposals/{id}/products/{product_id}/{name}.pdf")
        })))
    })
}

#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/document", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    responses((status = 200, description = "Where the proposal PDF is", body = UrlAnswer), Errors))]
pub async fn document(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    document_url(&app, &id, &product_id, "proposal")
}

/// `…/information-form`, as the vendor client names it.
#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/information-form", tag = "proposals",
    operation_id = "getInformationForm", security(("bearer" = [])), params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    responses((status = 200, description = "Where the pre-information form PDF is", body = UrlAnswer), Errors))]
pub async fn information_form(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    document_url(&app, &id, &product_id, "information-form")
}

/// `…/information-form-document`, as the guides name it.
#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/information-form-document", tag = "proposals",
    operation_id = "getInformationForm", security(("bearer" = [])), params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    responses((status = 200, description = "Where the pre-information form PDF is", body = UrlAnswer), Errors))]
pub async fn information_form_document(
    state: State<AppState>,
    ids: PathIds<(String, String)>,
) -> ApiResult<Json<Value>> {
    information_form(state, ids).await
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryBody {
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
}

/// The kasko guide's `GET …/retry`.
#[utoipa::path(get, path = "/api/proposals/{id}/products/{productId}/retry", tag = "proposals",
    operation_id = "retryProductWithGet", security(("bearer" = [])), params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    responses((status = 204, description = "The product waits for its insurer again"), Errors))]
pub async fn retry_with_get(
    state: State<AppState>,
    ids: PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    retry(state, ids, OptionalJson(None)).await
}

/// Re-queues a FAILED product: it waits for its insurer again (a retry succeeds more often).
#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/retry", tag = "proposals",
    operation_id = "retryProduct", security(("bearer" = [])), params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body(content = Option<RetryBody>, description = "Optional; repeats the ids of the path"),
    responses((status = 204, description = "The product waits for its insurer again"), Errors))]
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
        settled(&app, data, &id)?;
        let crate::store::State { proposals, ids, .. } = data;
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
        market::pricing_started(&app, data, &id, Some(&product_id), now);
        Ok(StatusCode::NO_CONTENT)
    })
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct ProposalCreated {
    proposal_id: String,
}

/// The insurer-side ids of one premium.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct PremiumDetail {
    proposal_id: String,
    proposal_product_id: String,
    insurer_customer_id: String,
    insured_customer_id: String,
    installment_number: u8,
    insurance_services_proposal_id: String,
    insurance_services_premium_id: String,
    insurance_company_proposal_number: String,
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct CoverageAnswer {
    /// Branch-specific cover terms.
    #[schema(value_type = Object)]
    coverage: Value,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProposalRepresentativeBody {
    proposal_id: Option<String>,
    /// An agent user's id; null removes the representative.
    representative_agent_user_id: Option<String>,
}

fn same_proposal(id: &str, body_id: Option<&str>) -> ApiResult<()> {
    match body_id.filter(|b| *b != id) {
        Some(other) => Err(Problem::field(
            "proposalId",
            "Adresteki teklifle aynı olmalı.",
            other,
        )),
        None => Ok(()),
    }
}

#[utoipa::path(post, path = "/api/proposals/{id}/representative", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")), request_body = ProposalRepresentativeBody,
    responses((status = 204, description = "The representative is set (or removed)"), Errors))]
pub async fn set_representative(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<ProposalRepresentativeBody>,
) -> ApiResult<StatusCode> {
    same_proposal(&id, body.proposal_id.as_deref())?;
    let user = crate::api::customer_contacts::representative(
        body.representative_agent_user_id.as_deref(),
    )?;
    app.store.with(|data| {
        let proposal = data.proposals.get_mut(&id).ok_or_else(not_found)?;
        proposal.representative = user;
        Ok(StatusCode::NO_CONTENT)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProposalBranchBody {
    proposal_id: Option<String>,
    /// The branch; null (or left out, as the API reference warns) takes the proposal out of any.
    agent_branch_id: Option<String>,
}

#[utoipa::path(post, path = "/api/proposals/{id}/branch", tag = "proposals", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id")), request_body = ProposalBranchBody,
    responses((status = 204, description = "The proposal belongs to this branch (or to none)"), Errors))]
pub async fn set_branch(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<ProposalBranchBody>,
) -> ApiResult<StatusCode> {
    same_proposal(&id, body.proposal_id.as_deref())?;
    app.store.with(|data| {
        if let Some(branch) = &body.agent_branch_id
            && data.branch(branch).is_none()
        {
            return Err(Problem::not_found(
                "AGENT_BRANCH_NOT_FOUND",
                "Şube bulunamadı.",
            ));
        }
        let proposal = data.proposals.get_mut(&id).ok_or_else(not_found)?;
        proposal.agent_branch_id = body.agent_branch_id.clone();
        Ok(StatusCode::NO_CONTENT)
    })
}
