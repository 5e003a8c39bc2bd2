//! Cases (CRM work items): new-sale and cross-sale opportunities, cancellations, endorsements and
//! complaints; their representative, notes, channel, state, asset and branch; and what they
//! gathered (activities, proposals, policies). The server, like InsurUp, does not prevent duplicate
//! cases, so clients check for an open one first (GraphQL `cases`). A change of state is a
//! `case.state_changed` webhook.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::api::customer_contacts::representative;
use crate::api::customers;
use crate::api::webhooks;
use crate::dialect::Dialect;
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::catalog::{self, INSURERS};
use crate::simulation::clock::{fmt_date, fmt_ts, now, today};
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::model::{
    AssetType, CancelSubType, Case, CaseActivityAction, CaseMainState, CaseNote, CaseStatus,
    CaseSubState, CaseSubType, CaseType, Channel, ComplaintSubType, CustomerType,
    EndorsementSubType, Param, PaymentOption, PolicyState, ProductBranch, ProposalState,
    SaleOpportunitySubType, UserReference,
};

// ---------------------------------------------------------------- bodies

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SaleOpportunityBody {
    customer_id: String,
    product_branch: String,
    channel: Option<String>,
    asset_type: Option<String>,
    asset_id: Option<String>,
    agent_branch_id: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CrossSaleBody {
    /// The case the opportunity came from.
    source_case_id: String,
    customer_id: String,
    asset_type: Option<String>,
    asset_id: Option<String>,
    product_branch: String,
    channel: Option<String>,
}

/// A cancellation or an endorsement: what happens to a policy.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyCaseBody {
    policy_id: String,
    /// `CancelCaseSubType` or `EndorsementCaseSubType`.
    sub_type: String,
    channel: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ComplaintBody {
    customer_id: String,
    /// `ComplaintCaseSubType`.
    sub_type: String,
    channel: Option<String>,
    asset_type: Option<String>,
    asset_id: Option<String>,
    product_branch: Option<String>,
}

/// What a new case needs, whichever create route it came through.
struct NewCase {
    customer_key: String,
    sub_type: CaseSubType,
    product_branch: Option<ProductBranch>,
    channel: Channel,
    asset_type: Option<AssetType>,
    asset_id: Option<String>,
    agent_branch_id: Option<String>,
    policy_id: Option<String>,
    source_case_id: Option<String>,
}

fn read_channel(checks: &mut Checks, text: Option<&str>, default: Channel) -> Channel {
    match text {
        None => default,
        Some(text) => Channel::parse(text).unwrap_or_else(|| {
            checks.fail("channel", "Bilinmeyen kanal (ör. API, WEBSITE).", text);
            default
        }),
    }
}

fn read_branch(checks: &mut Checks, text: &str) -> Option<ProductBranch> {
    let parsed = ProductBranch::parse(text);
    if parsed.is_none() {
        checks.fail(
            "productBranch",
            "Bilinmeyen ürün branşı (ör. KASKO, TRAFIK).",
            text,
        );
    }
    parsed
}

fn read_asset(
    checks: &mut Checks,
    asset_type: Option<&str>,
    asset_id: Option<&str>,
) -> Option<AssetType> {
    let parsed = asset_type.and_then(|text| {
        let parsed = AssetType::parse(text);
        if parsed.is_none() {
            checks.fail("assetType", "VEHICLE veya PROPERTY olmalı.", text);
        }
        parsed
    });
    if asset_id.is_some() && asset_type.is_none() {
        checks.fail(
            "assetType",
            "assetId ile birlikte assetType de gönderilmeli.",
            Value::Null,
        );
    }
    parsed
}

fn read_sub_type<T>(
    checks: &mut Checks,
    text: &str,
    parse: fn(&str) -> Option<T>,
    wrap: fn(T) -> CaseSubType,
) -> Option<CaseSubType> {
    let parsed = parse(text).map(wrap);
    if parsed.is_none() {
        checks.fail("subType", "Bu vaka tipi için bilinmeyen alt tip.", text);
    }
    parsed
}

fn invalid() -> Problem {
    Problem::malformed("Geçersiz istek.")
}

// ---------------------------------------------------------------- opening a case

/// The case reference: a prefix per case type, the year and a sequence (`SF-2026-000001`).
fn reference(case_type: CaseType, seq: u32) -> String {
    let prefix = match case_type {
        CaseType::SaleOpportunity => "SF",
        CaseType::Cancel => "IP",
        CaseType::Endorsement => "ZY",
        CaseType::Complaint => "SK",
    };
    format!("{prefix}-{}-{seq:06}", today().year())
}

/// Checks an asset exists and belongs to the customer.
fn check_asset(
    data: &Data,
    customer_id: &str,
    asset_type: Option<AssetType>,
    asset_id: &str,
) -> ApiResult<()> {
    let owner = match asset_type {
        Some(AssetType::Vehicle) => data.vehicles.get(asset_id).map(|v| v.customer_id.clone()),
        _ => data.properties.get(asset_id).map(|p| p.customer_id.clone()),
    };
    match owner {
        None => Err(Problem::not_found("ASSET_NOT_FOUND", "Varlık bulunamadı.")),
        Some(o) if o != customer_id => Err(Problem::business(
            "ASSET_NOT_OWNED_BY_CUSTOMER",
            "Varlık bu müşteriye ait değil.",
        )),
        Some(_) => Ok(()),
    }
}

fn branch_not_found() -> Problem {
    Problem::not_found("AGENT_BRANCH_NOT_FOUND", "Şube bulunamadı.")
}

/// Opens the case, announces it (`case.created`) and answers its id in the dialect's shape: the
/// self-service and kasko guides answer `{id}`, the vendor client reads a bare string id.
fn open_case(app: &AppState, by: &str, new: NewCase) -> ApiResult<Json<Value>> {
    let id = app.store.with(|data| {
        let customer_id = customers::resolve(data, &new.customer_key)?;
        if let Some(asset) = &new.asset_id {
            check_asset(data, &customer_id, new.asset_type, asset)?;
        }
        if let Some(b) = &new.agent_branch_id
            && data.branch(b).is_none()
        {
            return Err(branch_not_found());
        }
        let source = match &new.source_case_id {
            Some(key) => Some(find(data, key).map(|c| c.id.clone()).ok_or_else(|| {
                Problem::not_found("SOURCE_CASE_NOT_FOUND", "Kaynak vaka bulunamadı.")
            })?),
            None => None,
        };
        let customer = data
            .customers
            .get_mut(&customer_id)
            .ok_or_else(customers::not_found)?;
        customer.case_count += 1;
        let customer_name = customer.name().to_owned();
        let agent_branch = new
            .agent_branch_id
            .clone()
            .or_else(|| customer.agent_branch_id.clone());
        let case_type = new.sub_type.case_type();
        data.case_seq += 1;
        let reference = reference(case_type, data.case_seq);
        let id = data.ids.object_id();
        let mut case = Case {
            id: id.clone(),
            reference: reference.clone(),
            case_type,
            status: CaseStatus::Open,
            main_state: CaseMainState::Open,
            sub_state: CaseSubState::OpenInitial,
            customer_id: customer_id.clone(),
            customer_name,
            product_branch: new.product_branch,
            asset_type: new.asset_type,
            asset_id: new.asset_id.clone(),
            channel: new.channel,
            created_at: now(),
            agent_branch_id: agent_branch.clone(),
            policy_ids: new.policy_id.iter().cloned().collect(),
            proposal_ids: Vec::new(),
            sub_type: new.sub_type,
            policy_id: new.policy_id.clone(),
            source_case_id: source,
            representative: None,
            created_by: by.to_owned(),
            notes: Vec::new(),
            activities: Vec::new(),
        };
        case.record(
            CaseActivityAction::Created,
            by,
            json!({"channel": new.channel}),
        );
        data.cases.insert(id.clone(), case);
        data.stats.cases_created += 1;
        let payload = json!({
            "caseId": id,
            "caseRef": reference,
            "caseType": case_type,
            "customerId": customer_id,
            "productBranch": new.product_branch,
        });
        webhooks::emit_locked(
            app,
            data,
            agent_branch.as_deref(),
            vec![("case.created", payload)],
        );
        Ok::<_, Problem>(id)
    })?;
    Ok(Json(match app.config.dialect {
        Dialect::Guide => json!({ "id": id }),
        Dialect::GraphqlDocs | Dialect::VendorSdk => json!(id),
    }))
}

/// A cancellation or an endorsement opens on the policy's holder, branch and asset.
fn policy_case(
    data: &Data,
    body: &PolicyCaseBody,
    sub_type: CaseSubType,
    channel: Channel,
) -> ApiResult<NewCase> {
    let policy = data
        .policies
        .get(&body.policy_id)
        .ok_or_else(|| Problem::not_found("POLICY_NOT_FOUND", "Poliçe bulunamadı."))?;
    if policy.state == PolicyState::Cancelled {
        return Err(Problem::invalid_state(
            "POLICY_ALREADY_CANCELLED",
            "Poliçe iptal edilmiş.",
        ));
    }
    let proposal = policy
        .proposal_id
        .as_deref()
        .and_then(|id| data.proposals.get(id));
    let (asset_type, asset_id) = match proposal {
        Some(p) if p.vehicle_id.is_some() => (Some(AssetType::Vehicle), p.vehicle_id.clone()),
        Some(p) if p.property_id.is_some() => (Some(AssetType::Property), p.property_id.clone()),
        _ => (None, None),
    };
    Ok(NewCase {
        customer_key: policy.insurer_customer_id.clone(),
        sub_type,
        product_branch: Some(policy.branch),
        channel,
        asset_type,
        asset_id,
        agent_branch_id: policy.agent_branch_id.clone(),
        policy_id: Some(policy.id.clone()),
        source_case_id: None,
    })
}

async fn new_sale(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<SaleOpportunityBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let branch = read_branch(&mut checks, &body.product_branch);
    let channel = read_channel(&mut checks, body.channel.as_deref(), Channel::Api);
    let asset_type = read_asset(
        &mut checks,
        body.asset_type.as_deref(),
        body.asset_id.as_deref(),
    );
    checks.finish()?;
    open_case(
        &app,
        &principal.user_id,
        NewCase {
            customer_key: body.customer_id,
            sub_type: CaseSubType::SaleOpportunity(SaleOpportunitySubType::NewSale),
            product_branch: Some(branch.ok_or_else(invalid)?),
            channel,
            asset_type,
            asset_id: body.asset_id,
            agent_branch_id: body.agent_branch_id,
            policy_id: None,
            source_case_id: None,
        },
    )
}

async fn cross_sale(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<CrossSaleBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let branch = read_branch(&mut checks, &body.product_branch);
    let channel = read_channel(&mut checks, body.channel.as_deref(), Channel::Unknown);
    let asset_type = read_asset(
        &mut checks,
        body.asset_type.as_deref(),
        body.asset_id.as_deref(),
    );
    checks.finish()?;
    open_case(
        &app,
        &principal.user_id,
        NewCase {
            customer_key: body.customer_id,
            sub_type: CaseSubType::SaleOpportunity(SaleOpportunitySubType::CrossSale),
            product_branch: Some(branch.ok_or_else(invalid)?),
            channel,
            asset_type,
            asset_id: body.asset_id,
            agent_branch_id: None,
            policy_id: None,
            source_case_id: Some(body.source_case_id),
        },
    )
}

/// A case about a policy (cancellation or endorsement): its customer, branch and asset are the
/// policy's.
fn open_policy_case<T>(
    app: &AppState,
    principal: &Principal,
    body: &PolicyCaseBody,
    parse: fn(&str) -> Option<T>,
    wrap: fn(T) -> CaseSubType,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let sub_type = read_sub_type(&mut checks, &body.sub_type, parse, wrap);
    let channel = read_channel(&mut checks, body.channel.as_deref(), Channel::Unknown);
    checks.finish()?;
    let sub_type = sub_type.ok_or_else(invalid)?;
    let new = app
        .store
        .with(|data| policy_case(data, body, sub_type, channel))?;
    open_case(app, &principal.user_id, new)
}

async fn cancel(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<PolicyCaseBody>,
) -> ApiResult<Json<Value>> {
    open_policy_case(
        &app,
        &principal,
        &body,
        CancelSubType::parse,
        CaseSubType::Cancel,
    )
}

async fn endorsement(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<PolicyCaseBody>,
) -> ApiResult<Json<Value>> {
    open_policy_case(
        &app,
        &principal,
        &body,
        EndorsementSubType::parse,
        CaseSubType::Endorsement,
    )
}

async fn complaint(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    ApiJson(body): ApiJson<ComplaintBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let sub_type = read_sub_type(
        &mut checks,
        &body.sub_type,
        ComplaintSubType::parse,
        CaseSubType::Complaint,
    );
    let branch = body
        .product_branch
        .as_deref()
        .and_then(|b| read_branch(&mut checks, b));
    let channel = read_channel(&mut checks, body.channel.as_deref(), Channel::Unknown);
    let asset_type = read_asset(
        &mut checks,
        body.asset_type.as_deref(),
        body.asset_id.as_deref(),
    );
    checks.finish()?;
    open_case(
        &app,
        &principal.user_id,
        NewCase {
            customer_key: body.customer_id,
            sub_type: sub_type.ok_or_else(invalid)?,
            product_branch: branch,
            channel,
            asset_type,
            asset_id: body.asset_id,
            agent_branch_id: None,
            policy_id: None,
            source_case_id: None,
        },
    )
}

/// Two documented handlers per create route, one per answer shape; the router picks the
/// dialect's (`tests/DIALECTS.md`, row 11).
macro_rules! case_create {
    ($object:ident, $bare:ident, $path:literal, $operation:literal, $body:ty, $open:ident) => {
        #[doc = concat!("`POST ", $path, "` as the guides document it: the answer is `{id}`.")]
        #[utoipa::path(post, path = $path, tag = "cases", operation_id = $operation,
            security(("bearer" = [])), request_body = $body,
            responses((status = 200, description = "The new case", body = CaseCreated), Errors))]
        pub async fn $object(
            state: State<AppState>,
            principal: Extension<Principal>,
            body: ApiJson<$body>,
        ) -> ApiResult<Json<Value>> {
            $open(state, principal, body).await
        }

        #[doc = concat!("`POST ", $path, "` as the vendor client reads it: the id as a bare string.")]
        #[utoipa::path(post, path = $path, tag = "cases", operation_id = $operation,
            security(("bearer" = [])), request_body = $body,
            responses((status = 200, description = "The new case's id", body = String), Errors))]
        pub async fn $bare(
            state: State<AppState>,
            principal: Extension<Principal>,
            body: ApiJson<$body>,
        ) -> ApiResult<Json<Value>> {
            $open(state, principal, body).await
        }
    };
}

case_create!(
    create_sale_opportunity_answering_an_object,
    create_sale_opportunity_answering_an_id,
    "/api/cases:new-sale-opportunity",
    "createSaleOpportunity",
    SaleOpportunityBody,
    new_sale
);
case_create!(
    create_cross_sale_opportunity_answering_an_object,
    create_cross_sale_opportunity_answering_an_id,
    "/api/cases:cross-sale-opportunity",
    "createCrossSaleOpportunity",
    CrossSaleBody,
    cross_sale
);
case_create!(
    create_cancel_answering_an_object,
    create_cancel_answering_an_id,
    "/api/cases:cancel",
    "createCancelCase",
    PolicyCaseBody,
    cancel
);
case_create!(
    create_endorsement_answering_an_object,
    create_endorsement_answering_an_id,
    "/api/cases:endorsement",
    "createEndorsementCase",
    PolicyCaseBody,
    endorsement
);
case_create!(
    create_complaint_answering_an_object,
    create_complaint_answering_an_id,
    "/api/cases:complaint",
    "createComplaintCase",
    ComplaintBody,
    complaint
);

// ---------------------------------------------------------------- reading a case

pub fn find<'a>(data: &'a Data, key: &str) -> Option<&'a Case> {
    data.cases
        .get(key)
        .or_else(|| data.cases.iter().rev().find(|c| c.reference == key))
}

fn not_found() -> Problem {
    Problem::not_found("CASE_NOT_FOUND", "Vaka bulunamadı.")
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    note: String,
    created_at: String,
    created_by: UserReference,
}

#[derive(Serialize, ToSchema)]
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
    /// The sub-type enum of the case's type (`NEW_SALE`, `PARTIAL_CANCELLATION`, …).
    #[schema(value_type = String)]
    case_sub_type: CaseSubType,
    customer_id: String,
    customer_type: Option<CustomerType>,
    customer_name: String,
    base_product_branch: Option<ProductBranch>,
    asset_type: Option<AssetType>,
    asset_id: Option<String>,
    channel: Channel,
    created_at: String,
    created_by: UserReference,
    represented_by: Option<UserReference>,
    agent_branch_id: Option<String>,
    source_case_id: Option<String>,
    source_case_ref: Option<String>,
    /// Cancellations and endorsements: the policy they are about.
    policy_id: Option<String>,
    policy_end_date: Option<String>,
    policy_ids: Vec<String>,
    proposal_ids: Vec<String>,
    notes: Vec<NoteView>,
}

fn note_view(n: &CaseNote) -> NoteView {
    NoteView {
        note: n.note.clone(),
        created_at: fmt_ts(n.created_at),
        created_by: catalog::user_reference(&n.created_by),
    }
}

fn case_view(data: &Data, c: &Case) -> CaseView {
    let policy_end = c
        .policy_ids
        .iter()
        .filter_map(|id| data.policies.get(id))
        .map(|p| p.end_date)
        .max();
    CaseView {
        id: c.id.clone(),
        reference: c.reference.clone(),
        case_type: c.case_type,
        status: c.status,
        main_state: c.main_state,
        sub_state: c.sub_state,
        case_sub_type: c.sub_type,
        customer_id: c.customer_id.clone(),
        customer_type: data.customers.get(&c.customer_id).map(|x| x.kind),
        customer_name: c.customer_name.clone(),
        base_product_branch: c.product_branch,
        asset_type: c.asset_type,
        asset_id: c.asset_id.clone(),
        channel: c.channel,
        created_at: fmt_ts(c.created_at),
        created_by: catalog::user_reference(&c.created_by),
        represented_by: c.representative.as_deref().map(catalog::user_reference),
        agent_branch_id: c.agent_branch_id.clone(),
        source_case_id: c.source_case_id.clone(),
        source_case_ref: c
            .source_case_id
            .as_deref()
            .and_then(|id| data.cases.get(id))
            .map(|s| s.reference.clone()),
        policy_id: c.policy_id.clone(),
        policy_end_date: policy_end.map(fmt_date),
        policy_ids: c.policy_ids.clone(),
        proposal_ids: c.proposal_ids.clone(),
        notes: c.notes.iter().map(note_view).collect(),
    }
}

#[utoipa::path(get, path = "/api/cases/{ref}", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref (`SF-2026-000001`) or id")),
    responses((status = 200, description = "The case", body = CaseView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<CaseView>> {
    app.store.with(|data| {
        find(data, &key)
            .map(|c| Json(case_view(data, c)))
            .ok_or_else(not_found)
    })
}

// ---------------------------------------------------------------- updating a case

/// `case.state_changed`'s payload.
pub fn state_changed_payload(c: &Case) -> Value {
    json!({
        "caseId": c.id,
        "caseRef": c.reference,
        "customerId": c.customer_id,
        "newMainState": c.main_state,
        "newSubState": c.sub_state,
    })
}

/// Runs `change` on the case the path names (after checking a body `ref`, when given, names the
/// same case) and answers 204.
fn update_case(
    data: &mut Data,
    key: &str,
    body_ref: Option<&str>,
    change: impl FnOnce(&mut Case) -> ApiResult<()>,
) -> ApiResult<StatusCode> {
    let id = find(data, key)
        .map(|c| c.id.clone())
        .ok_or_else(not_found)?;
    if let Some(other) = body_ref
        && find(data, other).map(|c| c.id.as_str()) != Some(id.as_str())
    {
        return Err(Problem::field(
            "ref",
            "Gövdedeki ref adresteki vaka ile aynı olmalı.",
            other,
        ));
    }
    let case = data.cases.get_mut(&id).ok_or_else(not_found)?;
    change(case)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseRepresentativeBody {
    #[serde(rename = "ref")]
    reference: Option<String>,
    /// An agent user's id; null or absent removes the representative.
    representative_agent_user_id: Option<String>,
}

#[utoipa::path(put, path = "/api/cases/{ref}/representative", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")), request_body = CaseRepresentativeBody,
    responses((status = 204, description = "The representative is set (or removed)"), Errors))]
pub async fn set_representative(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CaseRepresentativeBody>,
) -> ApiResult<StatusCode> {
    let user = representative(body.representative_agent_user_id.as_deref())?;
    app.store.with(|data| {
        update_case(data, &key, body.reference.as_deref(), |c| {
            let old = c.representative.as_deref().map(catalog::user_reference);
            let new = user.as_deref().map(catalog::user_reference);
            c.representative = user.clone();
            c.record(
                CaseActivityAction::RepresentativeAssigned,
                &principal.user_id,
                json!({"oldRepresentative": old, "newRepresentative": new}),
            );
            Ok(())
        })
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseNoteBody {
    #[serde(rename = "ref")]
    reference: Option<String>,
    note: String,
}

#[utoipa::path(put, path = "/api/cases/{ref}/notes", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")), request_body = CaseNoteBody,
    responses((status = 204, description = "The note is added"), Errors))]
pub async fn add_note(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CaseNoteBody>,
) -> ApiResult<StatusCode> {
    let note = body.note.trim().to_owned();
    if note.is_empty() || note.chars().count() > 2000 {
        return Err(Problem::field(
            "note",
            "1-2000 karakter olmalı.",
            body.note.as_str(),
        ));
    }
    app.store.with(|data| {
        update_case(data, &key, body.reference.as_deref(), |c| {
            c.notes.push(CaseNote {
                note: note.clone(),
                created_at: now(),
                created_by: principal.user_id.clone(),
            });
            c.record(
                CaseActivityAction::NoteAdded,
                &principal.user_id,
                json!({ "note": note }),
            );
            Ok(())
        })
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseChannelBody {
    #[serde(rename = "ref")]
    reference: Option<String>,
    #[schema(value_type = Channel)]
    channel: String,
}

#[utoipa::path(put, path = "/api/cases/{ref}/channel", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")), request_body = CaseChannelBody,
    responses((status = 204, description = "The channel is changed"), Errors))]
pub async fn set_channel(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CaseChannelBody>,
) -> ApiResult<StatusCode> {
    let channel = Channel::parse(&body.channel).ok_or_else(|| {
        Problem::field(
            "channel",
            "Bilinmeyen kanal (ör. API, WEBSITE).",
            body.channel.as_str(),
        )
    })?;
    app.store.with(|data| {
        update_case(data, &key, body.reference.as_deref(), |c| {
            let old = c.channel;
            c.channel = channel;
            c.record(
                CaseActivityAction::ChannelChanged,
                &principal.user_id,
                json!({"oldChannel": old, "newChannel": channel}),
            );
            Ok(())
        })
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseStateBody {
    #[serde(rename = "ref")]
    reference: Option<String>,
    #[schema(value_type = CaseMainState)]
    main_state: String,
    #[schema(value_type = CaseSubState)]
    sub_state: String,
    note: Option<String>,
}

/// Whether a sub-state belongs to a main state (`OPEN_*` under `OPEN`, …).
fn sub_state_fits(main: CaseMainState, sub: CaseSubState) -> bool {
    let prefix = match main {
        CaseMainState::Open => "OPEN_",
        CaseMainState::InProgress => "IN_PROGRESS_",
        CaseMainState::Success => "SUCCESS_",
        CaseMainState::Fail => "FAIL_",
    };
    sub.as_str().starts_with(prefix)
}

#[utoipa::path(put, path = "/api/cases/{ref}/state", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")), request_body = CaseStateBody,
    responses((status = 204, description = "The state is changed and announced (`case.state_changed`)"), Errors))]
pub async fn set_state(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CaseStateBody>,
) -> ApiResult<StatusCode> {
    let mut checks = Checks::default();
    let main = CaseMainState::parse(&body.main_state);
    if main.is_none() {
        checks.fail(
            "mainState",
            "OPEN, IN_PROGRESS, SUCCESS veya FAIL olmalı.",
            body.main_state.as_str(),
        );
    }
    let sub = CaseSubState::parse(&body.sub_state);
    if sub.is_none() {
        checks.fail("subState", "Bilinmeyen alt durum.", body.sub_state.as_str());
    }
    checks.finish()?;
    let (Some(main), Some(sub)) = (main, sub) else {
        return Err(invalid());
    };
    if !sub_state_fits(main, sub) {
        return Err(Problem::business(
            "CASE_SUB_STATE_MISMATCH",
            format!(
                "{} alt durumu {} ana durumuna ait değil.",
                sub.as_str(),
                main.as_str()
            ),
        ));
    }
    app.store.with(|data| {
        let mut announce = None;
        let status = update_case(data, &key, body.reference.as_deref(), |c| {
            let (old_main, old_sub) = (c.main_state, c.sub_state);
            if (old_main, old_sub) == (main, sub) {
                return Ok(());
            }
            c.set_state(main, sub);
            let mut members = json!({
                "oldMainState": old_main, "oldSubState": old_sub,
                "newMainState": main, "newSubState": sub,
            });
            if let (Some(note), Some(fields)) = (&body.note, members.as_object_mut()) {
                fields.insert("note".to_owned(), json!(note));
            }
            c.record(
                CaseActivityAction::StateChanged,
                &principal.user_id,
                members,
            );
            announce = Some((state_changed_payload(c), c.agent_branch_id.clone()));
            Ok(())
        })?;
        if let Some((payload, branch)) = announce {
            webhooks::emit_locked(
                &app,
                data,
                branch.as_deref(),
                vec![("case.state_changed", payload)],
            );
        }
        Ok(status)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseAssetBody {
    #[serde(rename = "ref")]
    reference: Option<String>,
    asset_id: String,
    #[schema(value_type = AssetType)]
    asset_type: String,
}

#[utoipa::path(put, path = "/api/cases/{ref}/asset", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")), request_body = CaseAssetBody,
    responses((status = 204, description = "The case is about this vehicle or property"), Errors))]
pub async fn set_asset(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CaseAssetBody>,
) -> ApiResult<StatusCode> {
    let asset_type = AssetType::parse(&body.asset_type).ok_or_else(|| {
        Problem::field(
            "assetType",
            "VEHICLE veya PROPERTY olmalı.",
            body.asset_type.as_str(),
        )
    })?;
    app.store.with(|data| {
        let customer = find(data, &key)
            .map(|c| c.customer_id.clone())
            .ok_or_else(not_found)?;
        check_asset(data, &customer, Some(asset_type), &body.asset_id)?;
        update_case(data, &key, body.reference.as_deref(), |c| {
            let old = c.asset_id.replace(body.asset_id.clone());
            c.asset_type = Some(asset_type);
            c.record(
                CaseActivityAction::AssetUpdated,
                &principal.user_id,
                json!({"oldAssetId": old, "newAssetId": body.asset_id}),
            );
            Ok(())
        })
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseBranchBody {
    #[serde(rename = "ref")]
    reference: Option<String>,
    /// `null` takes the case out of any branch.
    branch_id: Option<String>,
}

#[utoipa::path(put, path = "/api/cases/{ref}/branch", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")), request_body = CaseBranchBody,
    responses((status = 204, description = "The case belongs to this branch"), Errors))]
pub async fn set_branch(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<CaseBranchBody>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        if let Some(branch) = &body.branch_id
            && data.branch(branch).is_none()
        {
            return Err(branch_not_found());
        }
        update_case(data, &key, body.reference.as_deref(), |c| {
            c.agent_branch_id = body.branch_id.clone();
            Ok(())
        })
    })
}

// ---------------------------------------------------------------- what a case gathered

/// An entry of a case's history: `action`, `createdAt`, `createdBy` and the action's own members.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    action: CaseActivityAction,
    created_at: String,
    created_by: UserReference,
    #[serde(flatten)]
    #[schema(value_type = Object)]
    members: Map<String, Value>,
}

#[utoipa::path(get, path = "/api/cases/{ref}/activities", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")),
    responses((status = 200, description = "The case's history, oldest first", body = Vec<ActivityView>), Errors))]
pub async fn activities(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<ActivityView>>> {
    app.store.with(|data| {
        let case = find(data, &key).ok_or_else(not_found)?;
        Ok(Json(
            case.activities
                .iter()
                .map(|a| ActivityView {
                    action: a.action,
                    created_at: fmt_ts(a.created_at),
                    created_by: catalog::user_reference(&a.created_by),
                    members: a.members.clone(),
                })
                .collect(),
        ))
    })
}

/// A proposal the case gathered, as the vendor client's `CaseProposalResult` reads it.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaseProposalView {
    id: String,
    insurer_customer_id: String,
    insured_customer_id: String,
    product_branch: ProductBranch,
    state: ProposalState,
    products_count: usize,
    succeed_products_count: usize,
    agent_user_created_by: UserReference,
    insured_customer_name: String,
    insured_customer_identity: String,
    insured_customer_type: Option<CustomerType>,
    insured_customer_city: Option<Param>,
    insured_customer_district: Option<Param>,
    vehicle_plate: Option<crate::store::model::Plate>,
    success_rate: f64,
    lowest_premium: Option<f64>,
    highest_premium: Option<f64>,
    created_at: String,
}

#[utoipa::path(get, path = "/api/cases/{ref}/proposals", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")),
    responses((status = 200, description = "The case's proposals", body = Vec<CaseProposalView>), Errors))]
pub async fn proposals(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<CaseProposalView>>> {
    app.store.with(|data| {
        crate::simulation::market::settle_all(&app, data, std::time::Instant::now());
        let case = find(data, &key).ok_or_else(not_found)?;
        Ok(Json(
            case.proposal_ids
                .iter()
                .filter_map(|id| data.proposals.get(id))
                .map(|p| {
                    let insured = data.customers.get(&p.insured_customer_id);
                    let plate = p
                        .vehicle_id
                        .as_deref()
                        .and_then(|v| data.vehicles.get(v))
                        .and_then(|v| v.plate.clone());
                    let products = p.products.len();
                    CaseProposalView {
                        id: p.id.clone(),
                        insurer_customer_id: p.insurer_customer_id.clone(),
                        insured_customer_id: p.insured_customer_id.clone(),
                        product_branch: p.branch,
                        state: p.state,
                        products_count: products,
                        succeed_products_count: p.succeeded(),
                        agent_user_created_by: catalog::user_reference(catalog::AGENT_USER_ID),
                        insured_customer_name: p.snapshot.insured_name.clone(),
                        insured_customer_identity: p.snapshot.insured_identity.clone(),
                        insured_customer_type: insured.map(|c| c.kind),
                        insured_customer_city: insured.and_then(|c| c.city.clone()),
                        insured_customer_district: insured.and_then(|c| c.district.clone()),
                        vehicle_plate: plate,
                        success_rate: if products == 0 {
                            0.0
                        } else {
                            (p.succeeded() as f64 / products as f64 * 10_000.0).round() / 100.0
                        },
                        lowest_premium: p.lowest_premium(),
                        highest_premium: p.highest_premium(),
                        created_at: fmt_ts(p.created_at),
                    }
                })
                .collect(),
        ))
    })
}

/// A policy the case gathered, as the vendor client's `CasePolicyResult` reads it.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CasePolicyView {
    id: String,
    insurer_customer_id: String,
    insured_customer_id: String,
    installment_number: u8,
    product_branch: ProductBranch,
    net_premium: f64,
    gross_premium: f64,
    commission: f64,
    payment_type: PaymentOption,
    /// `TURKISH_LIRA`.
    currency: &'static str,
    insurance_company_proposal_number: String,
    created_at: String,
    start_date: String,
    end_date: String,
    state: PolicyState,
    insured_customer_name: String,
    insurer_customer_name: Option<String>,
    product_id: u32,
    product_name: String,
    insurance_company_id: u32,
    insurance_company_name: &'static str,
    insurance_company_logo: String,
    insurance_company_policy_number: String,
    insured_customer_identity: String,
    insurer_customer_identity: Option<String>,
    insured_customer_type: Option<CustomerType>,
    created_by: UserReference,
}

#[utoipa::path(get, path = "/api/cases/{ref}/policies", tag = "cases", security(("bearer" = [])),
    params(("ref" = String, Path, description = "The case's ref or id")),
    responses((status = 200, description = "The case's policies", body = Vec<CasePolicyView>), Errors))]
pub async fn policies(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<CasePolicyView>>> {
    app.store.with(|data| {
        let case = find(data, &key).ok_or_else(not_found)?;
        Ok(Json(
            case.policy_ids
                .iter()
                .filter_map(|id| data.policies.get(id))
                .map(|p| {
                    let insurer = data.customers.get(&p.insurer_customer_id);
                    let insured = data.customers.get(&p.insured_customer_id);
                    let company = &INSURERS[p.insurer];
                    let proposal_number = p
                        .proposal_id
                        .as_deref()
                        .and_then(|id| data.proposals.get(id))
                        .and_then(|pr| {
                            pr.products
                                .iter()
                                .find(|x| Some(&x.id) == p.proposal_product_id.as_ref())
                        })
                        .map_or_else(
                            || p.policy_number.clone(),
                            |x| x.company_proposal_number.clone(),
                        );
                    CasePolicyView {
                        id: p.id.clone(),
                        insurer_customer_id: p.insurer_customer_id.clone(),
                        insured_customer_id: p.insured_customer_id.clone(),
                        installment_number: p.installment_number,
                        product_branch: p.branch,
                        net_premium: p.net,
                        gross_premium: p.gross,
                        commission: p.commission,
                        payment_type: p.payment_type,
                        currency: "TURKISH_LIRA",
                        insurance_company_proposal_number: proposal_number,
                        created_at: fmt_ts(p.created_at),
                        start_date: fmt_date(p.start_date),
                        end_date: fmt_date(p.end_date),
                        state: p.state,
                        insured_customer_name: p.insured_name.clone(),
                        insurer_customer_name: insurer.map(|c| c.name().to_owned()),
                        product_id: p.product_id,
                        product_name: p.product_name.clone(),
                        insurance_company_id: company.id,
                        insurance_company_name: company.name,
                        insurance_company_logo: company.logo(),
                        insurance_company_policy_number: p.policy_number.clone(),
                        insured_customer_identity: p.insured_identity.clone(),
                        insurer_customer_identity: insurer.map(|c| c.identity().to_owned()),
                        insured_customer_type: insured.map(|c| c.kind),
                        created_by: catalog::user_reference(catalog::AGENT_USER_ID),
                    }
                })
                .collect(),
        ))
    })
}

/// The guide's answer to a case creation.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct CaseCreated {
    id: String,
}
