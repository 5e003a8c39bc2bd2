//! Policy transfers: bringing the agency's policies for a period in from the insurers' systems.
//! A transfer is created, then triggered; each run imports, per insurer, the policies of the
//! agency's customers that insurer holds for the period (invented but deterministic: the first
//! few customers hold one traffic policy each), skips those already imported, and announces each
//! new one as `policy.created` with `fromPolicyTransfer: true`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::policies::{Parties, created_payload};
use crate::api::webhooks;
use crate::http::extract::{ApiJson, Checks, OptionalJson, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::catalog::INSURERS;
use crate::simulation::clock::{fmt_date, fmt_ts, now, parse_date};
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::ids::hash_parts;
use crate::store::model::{
    Channel, PaymentOption, Policy, PolicyState, PolicyTransfer, PolicyVersion, ProductBranch,
    TransferTrigger, money,
};

/// How many of the agency's customers an insurer's systems hold policies for.
const CUSTOMERS_PER_RUN: usize = 3;

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransferBody {
    /// `YYYY-MM-DD`.
    start_date: String,
    /// `YYYY-MM-DD`, not before the start.
    end_date: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TriggerView {
    id: String,
    occurred_at: String,
    duration_ms: Option<u64>,
    succeeded_policy_count: u32,
    failed_policy_count: u32,
    skipped_policy_count: u32,
    insurance_company_count: usize,
    /// `SUCCEEDED`.
    status: &'static str,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TransferView {
    id: String,
    start_date: String,
    end_date: String,
    created_at: String,
    succeeded_policy_count: u32,
    failed_policy_count: u32,
    skipped_policy_count: u32,
    triggers: Vec<TriggerView>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TriggerDuration {
    fetching_ms: Option<u64>,
    filtering_ms: Option<u64>,
    transforming_ms: Option<u64>,
    importing_customers_ms: Option<u64>,
    importing_policies_ms: Option<u64>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TriggerCompany {
    insurance_company_id: u32,
    succeeded_policy_count: u32,
    failed_policy_count: u32,
    skipped_policy_count: u32,
    success: bool,
    failure_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TriggerDetail {
    id: String,
    policy_transfer_id: String,
    occurred_at: String,
    succeeded_policy_count: u32,
    failed_policy_count: u32,
    skipped_policy_count: u32,
    duration: TriggerDuration,
    companies: Vec<TriggerCompany>,
}

fn sums(t: &TransferTrigger) -> (u32, u32, u32) {
    t.companies
        .iter()
        .fold((0, 0, 0), |(s, f, k), c| (s + c.1, f + c.2, k + c.3))
}

fn trigger_view(t: &TransferTrigger) -> TriggerView {
    let (succeeded, failed, skipped) = sums(t);
    TriggerView {
        id: t.id.clone(),
        occurred_at: fmt_ts(t.occurred_at),
        duration_ms: Some(t.duration_ms),
        succeeded_policy_count: succeeded,
        failed_policy_count: failed,
        skipped_policy_count: skipped,
        insurance_company_count: t.companies.len(),
        status: "SUCCEEDED",
    }
}

fn transfer_view(t: &PolicyTransfer) -> TransferView {
    let (succeeded, failed, skipped) = t
        .triggers
        .iter()
        .map(sums)
        .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    TransferView {
        id: t.id.clone(),
        start_date: fmt_date(t.start_date),
        end_date: fmt_date(t.end_date),
        created_at: fmt_ts(t.created_at),
        succeeded_policy_count: succeeded,
        failed_policy_count: failed,
        skipped_policy_count: skipped,
        triggers: t.triggers.iter().map(trigger_view).collect(),
    }
}

fn not_found() -> Problem {
    Problem::not_found("POLICY_TRANSFER_NOT_FOUND", "Poliçe transferi bulunamadı.")
}

#[utoipa::path(post, path = "/api/policy-transfers", tag = "policy-transfers", security(("bearer" = [])),
    request_body = TransferBody,
    responses((status = 200, description = "The new transfer's id, a bare JSON string", body = String), Errors))]
pub async fn create(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<TransferBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let start = parse_date(&body.start_date);
    if start.is_none() {
        checks.fail(
            "startDate",
            "YYYY-MM-DD biçiminde olmalı.",
            body.start_date.as_str(),
        );
    }
    let end = parse_date(&body.end_date);
    if end.is_none() {
        checks.fail(
            "endDate",
            "YYYY-MM-DD biçiminde olmalı.",
            body.end_date.as_str(),
        );
    }
    checks.finish()?;
    let (Some(start), Some(end)) = (start, end) else {
        return Err(Problem::malformed("Geçersiz istek."));
    };
    if end < start {
        return Err(Problem::field(
            "endDate",
            "Bitiş tarihi başlangıçtan önce olamaz.",
            body.end_date.as_str(),
        ));
    }
    let id = app.store.with(|data| {
        let id = data.ids.object_id();
        data.policy_transfers.insert(
            id.clone(),
            PolicyTransfer {
                id: id.clone(),
                start_date: start,
                end_date: end,
                created_at: now(),
                triggers: Vec::new(),
            },
        );
        id
    });
    Ok(Json(json!(id)))
}

#[utoipa::path(get, path = "/api/policy-transfers/{id}", tag = "policy-transfers", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "The transfer and its runs", body = TransferView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<TransferView>> {
    app.store.with(|data| {
        data.policy_transfers
            .get(&id)
            .map(|t| Json(transfer_view(t)))
            .ok_or_else(not_found)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TriggerBody {
    policy_transfer_id: Option<String>,
}

/// The policy an insurer's systems hold for a customer in the period, if any.
fn held_policy(
    data: &mut Data,
    seed: u64,
    transfer: &PolicyTransfer,
    insurer: usize,
    customer_id: &str,
) -> Option<Policy> {
    let company = &INSURERS[insurer];
    let h = hash_parts(seed, &["transfer", customer_id, &company.id.to_string()]);
    if h % 2 == 1 {
        return None;
    }
    let customer = data.customers.get(customer_id)?;
    let span = (transfer.end_date - transfer.start_date)
        .whole_days()
        .max(0);
    let start =
        transfer.start_date + time::Duration::days(i64::try_from(h >> 8).unwrap_or(0) % (span + 1));
    let gross = money(5_000.0 + f64::from(u32::try_from((h >> 16) % 4_000).unwrap_or(0)));
    let net = money(gross / 1.05);
    let number = format!("TR-{}-{:08}", company.id, (h >> 24) % 100_000_000);
    let id = data.ids.object_id();
    Some(Policy {
        id: id.clone(),
        policy_number: number,
        state: PolicyState::Active,
        branch: ProductBranch::Trafik,
        insurer,
        product_id: company.product_id(ProductBranch::Trafik).unwrap_or(0),
        product_name: format!(
            "{} {}",
            company.name.trim_end_matches(" Sigorta"),
            ProductBranch::Trafik.display()
        ),
        proposal_id: None,
        proposal_product_id: None,
        insurer_customer_id: customer.id.clone(),
        insured_customer_id: customer.id.clone(),
        insured_name: customer.name().to_owned(),
        insured_identity: customer.identity().to_owned(),
        start_date: start,
        end_date: crate::simulation::clock::one_year_after(start),
        arrangement_date: start,
        installment_number: 1,
        payment_type: PaymentOption::SyncCreditCard,
        net,
        gross,
        commission: money(net * 0.06),
        vehicle_plate: None,
        agent_branch_id: customer.agent_branch_id.clone(),
        channel: Channel::Unknown,
        created_at: now(),
        version: PolicyVersion::initial(&id, net, gross, money(net * 0.06), start),
        representative: None,
        manual: false,
        from_transfer: true,
    })
}

#[utoipa::path(post, path = "/api/policy-transfers/{id}/trigger", tag = "policy-transfers", security(("bearer" = [])),
    params(("id" = String, Path)), request_body(content = Option<TriggerBody>, description = "Optional; repeats the path's id"),
    responses((status = 204, description = "The transfer ran; its runs say what it imported"), Errors))]
pub async fn trigger(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    OptionalJson(body): OptionalJson<TriggerBody>,
) -> ApiResult<StatusCode> {
    if let Some(other) = body
        .and_then(|b| b.policy_transfer_id)
        .filter(|other| *other != id)
    {
        return Err(Problem::field(
            "policyTransferId",
            "Adresteki transferle aynı olmalı.",
            other,
        ));
    }
    let started = std::time::Instant::now();
    app.store.with(|data| {
        let transfer = data
            .policy_transfers
            .get(&id)
            .ok_or_else(not_found)?
            .clone();
        let customers: Vec<String> = data
            .customers
            .iter()
            .take(CUSTOMERS_PER_RUN)
            .map(|c| c.id.clone())
            .collect();
        let mut companies = Vec::new();
        let mut announcements = Vec::new();
        for insurer in 0..INSURERS.len().min(3) {
            let (mut succeeded, mut skipped) = (0, 0);
            for customer in &customers {
                let Some(policy) = held_policy(data, app.config.seed, &transfer, insurer, customer)
                else {
                    continue;
                };
                if data
                    .policies
                    .iter()
                    .any(|p| p.insurer == policy.insurer && p.policy_number == policy.policy_number)
                {
                    skipped += 1;
                    continue;
                }
                succeeded += 1;
                if let Some(c) = data.customers.get_mut(customer) {
                    c.policy_count += 1;
                }
                let payload = created_payload(&policy, &Parties::of(data, &policy));
                announcements.push((payload, policy.agent_branch_id.clone()));
                data.policies.insert(policy.id.clone(), policy);
            }
            companies.push((insurer, succeeded, 0, skipped));
        }
        let trigger_id = data.ids.object_id();
        if let Some(t) = data.policy_transfers.get_mut(&id) {
            t.triggers.push(TransferTrigger {
                id: trigger_id,
                occurred_at: now(),
                duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(0),
                companies,
            });
        }
        for (payload, branch) in announcements {
            webhooks::emit_locked(
                &app,
                data,
                branch.as_deref(),
                vec![("policy.created", payload)],
            );
        }
        Ok(StatusCode::NO_CONTENT)
    })
}

#[utoipa::path(get, path = "/api/policy-transfers/{id}/triggers/{triggerId}", tag = "policy-transfers", security(("bearer" = [])),
    params(("id" = String, Path), ("triggerId" = String, Path)),
    responses((status = 200, description = "One run, per insurer", body = TriggerDetail), Errors))]
pub async fn trigger_detail(
    State(app): State<AppState>,
    PathIds((id, trigger_id)): PathIds<(String, String)>,
) -> ApiResult<Json<TriggerDetail>> {
    app.store.with(|data| {
        let transfer = data.policy_transfers.get(&id).ok_or_else(not_found)?;
        let t = transfer
            .triggers
            .iter()
            .find(|t| t.id == trigger_id)
            .ok_or_else(|| {
                Problem::not_found(
                    "POLICY_TRANSFER_TRIGGER_NOT_FOUND",
                    "Transfer çalıştırması bulunamadı.",
                )
            })?;
        let (succeeded, failed, skipped) = sums(t);
        Ok(Json(TriggerDetail {
            id: t.id.clone(),
            policy_transfer_id: id.clone(),
            occurred_at: fmt_ts(t.occurred_at),
            succeeded_policy_count: succeeded,
            failed_policy_count: failed,
            skipped_policy_count: skipped,
            duration: TriggerDuration {
                fetching_ms: Some(t.duration_ms),
                filtering_ms: Some(0),
                transforming_ms: Some(0),
                importing_customers_ms: Some(0),
                importing_policies_ms: Some(0),
            },
            companies: t
                .companies
                .iter()
                .map(|(insurer, succeeded, failed, skipped)| TriggerCompany {
                    insurance_company_id: INSURERS[*insurer].id,
                    succeeded_policy_count: *succeeded,
                    failed_policy_count: *failed,
                    skipped_policy_count: *skipped,
                    success: true,
                    failure_reason: None,
                })
                .collect(),
        }))
    })
}
