//! Policies: issued by purchases, recorded by hand (manual policies), brought in by transfers and
//! generated; their representative and branch; and their versions, each endorsement or the
//! cancellation a new one announced as `policy.updated`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::customer_contacts::representative;
use crate::api::{customers, webhooks};
use crate::http::extract::{ApiJson, Checks, OptionalJson, PathIds};
use crate::http::openapi::{Errors, UrlAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::http::validate::is_plausible_email;
use crate::simulation::catalog::{self, DOCUMENT_HOST, INSURERS};
use crate::simulation::clock::{fmt_date, parse_date, today};
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::model::{
    Channel, PaymentOption, Policy, PolicyState, PolicyVersion, PolicyVersionKind, ProductBranch,
    UserReference, money,
};

#[derive(Serialize, ToSchema)]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    represented_by: Option<UserReference>,
    /// The current version: 0 when issued, one more for each endorsement or the cancellation.
    endorsement_number: u32,
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
            represented_by: p.representative.as_deref().map(catalog::user_reference),
            endorsement_number: p.version.number,
        }
    }
}

pub fn not_found() -> Problem {
    Problem::not_found("POLICY_NOT_FOUND", "Poliçe bulunamadı.")
}

#[utoipa::path(get, path = "/api/policies/{id}", tag = "policies", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "The policy", body = PolicyView), Errors))]
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

#[utoipa::path(get, path = "/api/policies/{id}/document", tag = "policies", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "Where the policy PDF is", body = UrlAnswer), Errors))]
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

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendBody {
    policy_id: Option<String>,
    #[serde(alias = "Email")]
    email: Option<String>,
}

/// Pretends to e-mail the policy PDF; checks the address and that the policy exists.
#[utoipa::path(post, path = "/api/policies/{id}/document/send", tag = "policies", security(("bearer" = [])),
    params(("id" = String, Path)), request_body(content = Option<SendBody>, description = "Optional"),
    responses((status = 204, description = "Sent"), Errors))]
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

// ---------------------------------------------------------------- payloads

/// Who a `policy.created` names, as known when the policy was issued.
#[derive(Debug)]
pub struct Parties {
    pub insurer_identity: String,
    pub insured_identity: String,
    pub insurer_email: Option<String>,
    pub insured_email: Option<String>,
}

impl Parties {
    /// The parties as the customer records hold them now.
    pub fn of(data: &Data, policy: &Policy) -> Self {
        let insurer = data.customers.get(&policy.insurer_customer_id);
        let insured = data.customers.get(&policy.insured_customer_id);
        Self {
            insurer_identity: insurer.map_or_else(String::new, |c| c.identity().to_owned()),
            insured_identity: insured.map_or_else(
                || policy.insured_identity.clone(),
                |c| c.identity().to_owned(),
            ),
            insurer_email: insurer.and_then(|c| c.email.clone()),
            insured_email: insured.and_then(|c| c.email.clone()),
        }
    }
}

/// `policy.created`.
pub fn created_payload(policy: &Policy, parties: &Parties) -> Value {
    let insurer = &INSURERS[policy.insurer];
    json!({
        "policyId": policy.id,
        "proposalId": policy.proposal_id,
        "productId": (policy.product_id != 0).then_some(policy.product_id),
        "installmentNumber": policy.installment_number,
        "paymentType": policy.payment_type,
        "insuranceCompany": {
            "id": insurer.id,
            "name": insurer.name,
            "logo": insurer.logo(),
            "enabled": true,
            "supportedPaymentOptions": insurer.payment_options(),
        },
        "startDate": fmt_date(policy.start_date),
        "endDate": fmt_date(policy.end_date),
        "renewalNumber": 0,
        "productBranch": policy.branch,
        "insurerCustomerId": policy.insurer_customer_id,
        "insuredCustomerId": policy.insured_customer_id,
        "insurerIdentityNumber": parties.insurer_identity,
        "insuredIdentityNumber": parties.insured_identity,
        "insuredCustomerEmail": parties.insured_email,
        "insurerCustomerEmail": parties.insurer_email,
        "fromPolicyTransfer": policy.from_transfer,
        "netPremium": policy.net,
        "grossPremium": policy.gross,
        "channel": policy.channel,
        "insuranceCompanyPolicyNo": policy.policy_number,
    })
}

/// `policy.updated`: the version just made; its premiums are what it changed (negative on a
/// cancellation).
pub fn updated_payload(data: &Data, policy: &Policy) -> Value {
    let parties = Parties::of(data, policy);
    json!({
        "policyId": policy.id,
        "installmentNumber": policy.installment_number,
        "paymentType": policy.payment_type,
        "endorsementNumber": policy.version.number,
        "isCancel": policy.version.kind == PolicyVersionKind::Cancellation,
        "netPremium": policy.version.net_change,
        "grossPremium": policy.version.gross_change,
        "insurerIdentityNumber": parties.insurer_identity,
        "insuredIdentityNumber": parties.insured_identity,
        "insuranceCompanyPolicyNo": policy.policy_number,
    })
}

/// What a new version changes.
#[derive(Clone, Copy, Debug)]
pub struct Change {
    pub kind: PolicyVersionKind,
    pub net: f64,
    pub gross: f64,
    pub commission: f64,
}

/// Makes the next version of a policy, as the insurer does for an endorsement or a cancellation:
/// the current version goes to the history, the totals move by the change, a cancellation ends
/// the policy. Answers the `policy.updated` payload and the policy's branch.
pub fn new_version(
    data: &mut Data,
    id: &str,
    change: Change,
) -> ApiResult<(Value, Option<String>)> {
    let current = data.policies.get(id).ok_or_else(not_found)?;
    if current.state == PolicyState::Cancelled {
        return Err(Problem::invalid_state(
            "POLICY_ALREADY_CANCELLED",
            "Poliçe iptal edilmiş.",
        ));
    }
    let earlier = current.clone();
    let version_id = data.ids.object_id();
    data.policy_history
        .entry(id.to_owned())
        .or_default()
        .push(earlier);
    let policy = data.policies.get_mut(id).ok_or_else(not_found)?;
    policy.version = PolicyVersion {
        id: version_id,
        number: policy.version.number + 1,
        kind: change.kind,
        net_change: money(change.net),
        gross_change: money(change.gross),
        commission_change: money(change.commission),
        date: today(),
    };
    policy.net = money(policy.net + change.net);
    policy.gross = money(policy.gross + change.gross);
    policy.commission = money(policy.commission + change.commission);
    if change.kind == PolicyVersionKind::Cancellation {
        policy.state = PolicyState::Cancelled;
    }
    let branch = policy.agent_branch_id.clone();
    let policy = data.policies.get(id).ok_or_else(not_found)?;
    Ok((updated_payload(data, policy), branch))
}

// ---------------------------------------------------------------- representative and branch

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyRepresentativeBody {
    policy_id: Option<String>,
    /// An agent user's id; null removes the representative.
    representative_agent_user_id: Option<String>,
}

fn same_policy(id: &str, body_id: Option<&str>) -> ApiResult<()> {
    match body_id.filter(|b| *b != id) {
        Some(other) => Err(Problem::field(
            "policyId",
            "Adresteki poliçeyle aynı olmalı.",
            other,
        )),
        None => Ok(()),
    }
}

#[utoipa::path(post, path = "/api/policies/{id}/representative", tag = "policies", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = PolicyRepresentativeBody,
    responses((status = 204, description = "The representative is set (or removed)"), Errors))]
pub async fn set_representative(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<PolicyRepresentativeBody>,
) -> ApiResult<StatusCode> {
    same_policy(&id, body.policy_id.as_deref())?;
    let user = representative(body.representative_agent_user_id.as_deref())?;
    app.store.with(|data| {
        let policy = data.policies.get_mut(&id).ok_or_else(not_found)?;
        policy.representative = user;
        Ok(StatusCode::NO_CONTENT)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyBranchBody {
    policy_id: Option<String>,
    branch_id: String,
}

/// `POST …/branch`, as the API reference and earlier vendor clients send it.
#[utoipa::path(post, path = "/api/policies/{id}/branch", tag = "policies", operation_id = "setPolicyBranch",
    security(("bearer" = [])), params(("id" = String, Path)), request_body = PolicyBranchBody,
    responses((status = 204, description = "The policy belongs to this branch"), Errors))]
pub async fn set_branch_with_post(
    state: State<AppState>,
    id: PathIds<String>,
    body: ApiJson<PolicyBranchBody>,
) -> ApiResult<StatusCode> {
    set_branch(state, id, body).await
}

/// `PUT …/branch`, as the current vendor client sends it.
#[utoipa::path(put, path = "/api/policies/{id}/branch", tag = "policies", operation_id = "setPolicyBranch",
    security(("bearer" = [])), params(("id" = String, Path)), request_body = PolicyBranchBody,
    responses((status = 204, description = "The policy belongs to this branch"), Errors))]
pub async fn set_branch(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<PolicyBranchBody>,
) -> ApiResult<StatusCode> {
    same_policy(&id, body.policy_id.as_deref())?;
    app.store.with(|data| {
        if data.branch(&body.branch_id).is_none() {
            return Err(Problem::not_found(
                "AGENT_BRANCH_NOT_FOUND",
                "Şube bulunamadı.",
            ));
        }
        let policy = data.policies.get_mut(&id).ok_or_else(not_found)?;
        policy.agent_branch_id = Some(body.branch_id.clone());
        Ok(StatusCode::NO_CONTENT)
    })
}

// ---------------------------------------------------------------- manual policies

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManualPolicyBody {
    customer_id: String,
    insurance_company_id: u32,
    #[schema(value_type = ProductBranch)]
    product_branch: String,
    policy_number: String,
    /// `YYYY-MM-DD`.
    start_date: String,
    /// `YYYY-MM-DD`, after the start.
    end_date: String,
    /// The gross premium.
    premium: f64,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ManualPolicyCreated {
    policy_id: String,
}

fn read_date(checks: &mut Checks, field: &str, text: &str) -> Option<time::Date> {
    let parsed = parse_date(text);
    if parsed.is_none() {
        checks.fail(field, "YYYY-MM-DD biçiminde olmalı.", text);
    }
    parsed
}

fn check_premium(checks: &mut Checks, premium: f64) {
    if !(premium.is_finite() && premium > 0.0 && premium < 100_000_000.0) {
        checks.fail("premium", "Pozitif bir tutar olmalı.", premium);
    }
}

fn check_period(start: time::Date, end: time::Date) -> ApiResult<()> {
    if end <= start {
        return Err(Problem::field(
            "endDate",
            "Bitiş tarihi başlangıçtan sonra olmalı.",
            fmt_date(end),
        ));
    }
    Ok(())
}

fn duplicate_number(data: &Data, insurer: usize, number: &str, except: Option<&str>) -> bool {
    data.policies
        .iter()
        .any(|p| p.insurer == insurer && p.policy_number == number && except != Some(p.id.as_str()))
}

/// A policy bought elsewhere, recorded by hand: it appears with the others and is announced as
/// `policy.created`.
#[utoipa::path(post, path = "/api/policies/manual", tag = "policies", security(("bearer" = [])),
    request_body = ManualPolicyBody,
    responses((status = 200, description = "The new policy's id", body = ManualPolicyCreated), Errors))]
pub async fn create_manual(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<ManualPolicyBody>,
) -> ApiResult<Json<ManualPolicyCreated>> {
    let mut checks = Checks::default();
    let branch = ProductBranch::parse(&body.product_branch);
    if branch.is_none() {
        checks.fail(
            "productBranch",
            "Bilinmeyen ürün branşı (ör. KASKO, TRAFIK).",
            body.product_branch.as_str(),
        );
    }
    let number = body.policy_number.trim().to_owned();
    if number.is_empty() || number.len() > 50 {
        checks.fail("policyNumber", "1-50 karakter olmalı.", number.as_str());
    }
    let start = read_date(&mut checks, "startDate", &body.start_date);
    let end = read_date(&mut checks, "endDate", &body.end_date);
    check_premium(&mut checks, body.premium);
    checks.finish()?;
    let (Some(branch), Some(start), Some(end)) = (branch, start, end) else {
        return Err(Problem::malformed("Geçersiz istek."));
    };
    check_period(start, end)?;
    let insurer = INSURERS
        .iter()
        .position(|i| i.id == body.insurance_company_id)
        .ok_or_else(|| {
            Problem::not_found("INSURANCE_COMPANY_NOT_FOUND", "Sigorta şirketi bulunamadı.")
        })?;
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &body.customer_id)?;
        if duplicate_number(data, insurer, &number, None) {
            return Err(Problem::duplicate(
                "POLICY_ALREADY_EXISTS",
                "Bu sigorta şirketinde bu numarayla bir poliçe zaten var.",
            ));
        }
        let customer = data
            .customers
            .get_mut(&customer_id)
            .ok_or_else(customers::not_found)?;
        customer.policy_count += 1;
        let (name, identity, branch_id) = (
            customer.name().to_owned(),
            customer.identity().to_owned(),
            customer.agent_branch_id.clone(),
        );
        let id = data.ids.object_id();
        let gross = money(body.premium);
        let net = money(gross / 1.05);
        let company = &INSURERS[insurer];
        let policy = Policy {
            id: id.clone(),
            policy_number: number,
            state: if end < today() {
                PolicyState::EndOfLife
            } else {
                PolicyState::Active
            },
            branch,
            insurer,
            product_id: company.product_id(branch).unwrap_or(0),
            product_name: format!(
                "{} {}",
                company.name.trim_end_matches(" Sigorta"),
                branch.display()
            ),
            proposal_id: None,
            proposal_product_id: None,
            insurer_customer_id: customer_id.clone(),
            insured_customer_id: customer_id,
            insured_name: name,
            insured_identity: identity,
            start_date: start,
            end_date: end,
            arrangement_date: today(),
            installment_number: 1,
            payment_type: PaymentOption::Unknown,
            net,
            gross,
            commission: 0.0,
            vehicle_plate: None,
            agent_branch_id: branch_id.clone(),
            channel: Channel::Manual,
            created_at: crate::simulation::clock::now(),
            version: PolicyVersion::initial(&id, net, gross, 0.0, today()),
            representative: None,
            manual: true,
            from_transfer: false,
        };
        let payload = created_payload(&policy, &Parties::of(data, &policy));
        data.policies.insert(id.clone(), policy);
        webhooks::emit_locked(
            &app,
            data,
            branch_id.as_deref(),
            vec![("policy.created", payload)],
        );
        Ok(Json(ManualPolicyCreated { policy_id: id }))
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManualPolicyUpdateBody {
    policy_id: Option<String>,
    policy_number: Option<String>,
    start_date: Option<String>,
    end_date: Option<String>,
    /// The new gross premium.
    premium: Option<f64>,
}

/// Updates a manual policy; like the insurer's endorsements, each update is a new version
/// (`UPDATE`) announced as `policy.updated`, its premium change the difference.
#[utoipa::path(put, path = "/api/policies/manual/{id}", tag = "policies", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ManualPolicyUpdateBody,
    responses((status = 204, description = "Updated, as a new version"), Errors))]
pub async fn update_manual(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<ManualPolicyUpdateBody>,
) -> ApiResult<StatusCode> {
    same_policy(&id, body.policy_id.as_deref())?;
    let mut checks = Checks::default();
    let start = body
        .start_date
        .as_deref()
        .and_then(|d| read_date(&mut checks, "startDate", d));
    let end = body
        .end_date
        .as_deref()
        .and_then(|d| read_date(&mut checks, "endDate", d));
    if let Some(premium) = body.premium {
        check_premium(&mut checks, premium);
    }
    if let Some(number) = body.policy_number.as_deref()
        && (number.trim().is_empty() || number.len() > 50)
    {
        checks.fail("policyNumber", "1-50 karakter olmalı.", number);
    }
    checks.finish()?;
    app.store.with(|data| {
        let policy = data.policies.get(&id).ok_or_else(not_found)?;
        if !policy.manual {
            return Err(Problem::business(
                "POLICY_NOT_MANUAL",
                "Yalnızca elle girilen poliçeler bu yolla güncellenebilir.",
            ));
        }
        let (insurer, old_gross) = (policy.insurer, policy.gross);
        check_period(
            start.unwrap_or(policy.start_date),
            end.unwrap_or(policy.end_date),
        )?;
        if let Some(number) = body.policy_number.as_deref()
            && duplicate_number(data, insurer, number.trim(), Some(&id))
        {
            return Err(Problem::duplicate(
                "POLICY_ALREADY_EXISTS",
                "Bu sigorta şirketinde bu numarayla bir poliçe zaten var.",
            ));
        }
        let gross_change = body.premium.map_or(0.0, |p| money(p) - old_gross);
        let (payload, branch) = new_version(
            data,
            &id,
            Change {
                kind: PolicyVersionKind::Update,
                net: gross_change / 1.05,
                gross: gross_change,
                commission: 0.0,
            },
        )?;
        let policy = data.policies.get_mut(&id).ok_or_else(not_found)?;
        if let Some(number) = body.policy_number.as_deref() {
            policy.policy_number = number.trim().to_owned();
        }
        if let Some(start) = start {
            policy.start_date = start;
        }
        if let Some(end) = end {
            policy.end_date = end;
        }
        // The payload names the policy as it now is.
        let payload = match payload {
            Value::Object(mut fields) => {
                fields.insert(
                    "insuranceCompanyPolicyNo".to_owned(),
                    json!(policy.policy_number),
                );
                Value::Object(fields)
            }
            other => other,
        };
        webhooks::emit_locked(
            &app,
            data,
            branch.as_deref(),
            vec![("policy.updated", payload)],
        );
        Ok(StatusCode::NO_CONTENT)
    })
}
