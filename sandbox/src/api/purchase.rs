//! Buying a product: card or open-account payment, a simulated PURCHASING period, then the policy.
//! The purchase runs as its own task, so a client that disconnects mid-way cannot leave it half done.

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::policies::{self, Parties};
use crate::api::proposals::{self, find_product};
use crate::api::webhooks;
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::http::validate::{luhn, normalize_card};
use crate::hub::ProductEvent;
use crate::simulation::catalog::{
    self, AGENT_USER_ID, DECLINED_CARD, INSUFFICIENT_FUNDS_CARD, INSURERS,
};
use crate::simulation::clock::{fmt_date, today};
use crate::simulation::insurers;
use crate::state::AppState;
use crate::store::model::{
    CaseActivityAction, CaseMainState, CaseStatus, CaseSubState, CaseType, Payment, PaymentOption,
    PendingPayment, Policy, PolicyState, PolicyVersion, ProductState, ProposalState,
};

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CardBody {
    number: String,
    cvc: String,
    expiry_month: Value,
    expiry_year: Value,
    holder_name: String,
    identity_number: Option<Value>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SyncBody {
    #[serde(rename = "$type")]
    kind: String,
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
    installment_number: i64,
    card: Option<CardBody>,
    metadata: Option<Value>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AsyncBody {
    #[serde(rename = "$type")]
    kind: String,
    proposal_id: Option<String>,
    proposal_product_id: Option<String>,
    installment_number: i64,
    callback_url: String,
    card: Option<CardBody>,
    metadata: Option<Value>,
}

fn number_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => n.as_u64().map(|v| v.to_string()),
        _ => None,
    }
}

/// Validates the card's shape (not whether the bank accepts it) and returns its digits.
fn check_card(card: &CardBody, checks: &mut Checks) -> String {
    let number = normalize_card(&card.number);
    if !luhn(&number) {
        checks.fail(
            "card.number",
            "Geçerli bir kart numarası değil.",
            mask(&number),
        );
    }
    let month = number_text(&card.expiry_month)
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    if month.is_none() {
        checks.fail(
            "card.expiryMonth",
            "01-12 arasında bir ay olmalı (MM).",
            card.expiry_month.clone(),
        );
    }
    let year = number_text(&card.expiry_year).and_then(|y| match y.len() {
        4 => y.parse::<i32>().ok(),
        2 => y.parse::<i32>().ok().map(|v| 2000 + v),
        _ => None,
    });
    if year.is_none() {
        checks.fail(
            "card.expiryYear",
            "Dört haneli bir yıl olmalı (YYYY).",
            card.expiry_year.clone(),
        );
    }
    if let (Some(m), Some(y)) = (month, year) {
        let now = today();
        if (y, m) < (now.year(), u8::from(now.month())) {
            checks.fail(
                "card.expiryMonth",
                "Kartın son kullanma tarihi geçmiş.",
                format!("{m:02}/{y}"),
            );
        }
    }
    if !(3..=4).contains(&card.cvc.len()) || !card.cvc.bytes().all(|b| b.is_ascii_digit()) {
        checks.fail("card.cvc", "Güvenlik kodu 3 veya 4 rakam olmalı.", "***");
    }
    if card.holder_name.trim().is_empty() {
        checks.fail("card.holderName", "Kart sahibinin adı zorunludur.", "");
    }
    if let Some(identity) = &card.identity_number
        && number_text(identity).is_none()
    {
        checks.fail(
            "card.identityNumber",
            "Rakamlardan oluşmalı.",
            identity.clone(),
        );
    }
    number
}

/// Card numbers are never echoed in full.
fn mask(number: &str) -> String {
    let last4: String = number
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("************{last4}")
}

fn check_ids(
    checks: &mut Checks,
    id: &str,
    product_id: &str,
    body_id: Option<&String>,
    body_product: Option<&String>,
) {
    if let Some(b) = body_id.filter(|b| *b != id) {
        checks.fail("proposalId", "Adresteki teklifle aynı olmalı.", b.as_str());
    }
    if let Some(b) = body_product.filter(|b| *b != product_id) {
        checks.fail(
            "proposalProductId",
            "Adresteki ürünle aynı olmalı.",
            b.as_str(),
        );
    }
}

fn installment(checks: &mut Checks, n: i64) -> u8 {
    match u8::try_from(n) {
        Ok(v) if v >= 1 => v,
        _ => {
            checks.fail(
                "installmentNumber",
                "1 veya daha büyük olmalı (1 = peşin).",
                n,
            );
            1
        }
    }
}

/// `…/purchase/sync` as the B2B guide documents its answer.
#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/purchase/sync", tag = "purchase",
    operation_id = "purchaseSync", security(("bearer" = [])), params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body(content = SyncBody, description = "`$type`: credit-card or open-account"),
    responses((status = 200, description = "The policy", body = GuidePurchaseAnswer), Errors))]
pub async fn sync_answering_the_policy_number(
    state: State<AppState>,
    ids: PathIds<(String, String)>,
    body: ApiJson<SyncBody>,
) -> ApiResult<Json<Value>> {
    sync(state, ids, body).await
}

/// `…/purchase/sync` as the vendor client types its answer.
#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/purchase/sync", tag = "purchase",
    operation_id = "purchaseSync", security(("bearer" = [])), params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body(content = SyncBody, description = "`$type`: credit-card or open-account"),
    responses((status = 200, description = "The policy's id", body = PurchaseAnswer), Errors))]
pub async fn sync(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<SyncBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    check_ids(
        &mut checks,
        &id,
        &product_id,
        body.proposal_id.as_ref(),
        body.proposal_product_id.as_ref(),
    );
    let installment = installment(&mut checks, body.installment_number);
    let (option, card_number) = match body.kind.trim().to_ascii_lowercase().as_str() {
        "credit-card" | "creditcard" => match &body.card {
            Some(card) => (
                PaymentOption::SyncCreditCard,
                Some(check_card(card, &mut checks)),
            ),
            None => {
                checks.fail(
                    "card",
                    "Kredi kartı ödemesi için kart bilgisi zorunludur.",
                    Value::Null,
                );
                (PaymentOption::SyncCreditCard, None)
            }
        },
        "open-account" | "openaccount" => (PaymentOption::SyncOpenAccount, None),
        other => {
            checks.fail("$type", "credit-card veya open-account olmalı.", other);
            (PaymentOption::Unknown, None)
        }
    };
    checks.finish()?;
    let _ = body.metadata;
    let payment = Payment {
        option,
        card_number,
        installment,
    };
    let dialect = app.config.dialect;
    let task = tokio::spawn(purchase(app, id, product_id, payment));
    let outcome = task
        .await
        .map_err(|_| Problem::internal("Satın alma tamamlanamadı."))??;
    // The B2B guide answers `{policyId, policyNumber, status}`; the vendor client types the
    // answer as `{policyId}`.
    if dialect.vendor_rest() {
        return Ok(Json(json!({ "policyId": outcome["policyId"] })));
    }
    Ok(Json(outcome))
}

/// Reserves the product: checks it can be bought and marks it PURCHASING.
fn begin(
    app: &AppState,
    id: &str,
    product_id: &str,
    payment: &Payment,
) -> ApiResult<std::time::Duration> {
    app.store.with(|data| {
        *data
            .stats
            .purchases
            .entry(product_id.to_owned())
            .or_insert(0) += 1;
        let proposal = proposals::settled(app, data, id)?;
        let product = find_product(proposal, product_id)?;
        match product.state {
            ProductState::Purchased => {
                return Err(Problem::invalid_state(
                    "PROPOSAL_PRODUCT_ALREADY_PURCHASED",
                    "Bu ürün zaten satın alındı.",
                )
                .template_args(json!({ "policyId": product.policy_id })));
            }
            ProductState::Purchasing => {
                return Err(Problem::invalid_state(
                    "PROPOSAL_PRODUCT_NOT_PURCHASABLE",
                    "Bu ürün için satın alma sürüyor.",
                )
                .suggest("Ürünün durumunu sorgulayın; işlem tamamlanınca PURCHASED olur."));
            }
            ProductState::Waiting | ProductState::Failed => {
                return Err(Problem::invalid_state(
                    "PROPOSAL_PRODUCT_NOT_PURCHASABLE",
                    "Bu ürün satın alınabilir durumda değil.",
                ));
            }
            ProductState::Active | ProductState::PurchaseFailed => {}
        }
        if matches!(
            proposal.state,
            ProposalState::Purchased | ProposalState::Purchasing
        ) {
            return Err(Problem::invalid_state(
                "PROPOSAL_ALREADY_PURCHASED",
                "Bu tekliften başka bir ürün satın alındı veya satın alınıyor.",
            ));
        }
        let insurer = &INSURERS[product.insurer];
        if !product
            .premiums
            .iter()
            .any(|p| p.installment_number == payment.installment)
        {
            return Err(Problem::business(
                "INSTALLMENT_NOT_AVAILABLE",
                format!(
                    "{} bu ürün için {} taksit sunmuyor.",
                    insurer.name, payment.installment
                ),
            )
            .suggest("Ürünün primlerinde listelenen taksit sayılarından birini seçin."));
        }
        if !insurer.payment_options().contains(&payment.option) {
            return Err(Problem::business(
                "PAYMENT_OPTION_NOT_SUPPORTED",
                format!("{} bu ödeme yöntemini desteklemiyor.", insurer.name),
            ));
        }
        let latency = app.config.scaled(insurers::purchase_latency(insurer));
        let proposal = data
            .proposals
            .get_mut(id)
            .ok_or_else(proposals::not_found)?;
        let index = proposal
            .products
            .iter()
            .position(|p| p.id == product_id)
            .ok_or_else(proposals::product_not_found)?;
        proposal.products[index].state = ProductState::Purchasing;
        proposal.recompute_state();
        app.hub.product_event(
            ProductEvent::Purchasing,
            proposal,
            &proposal.products[index],
            None,
        );
        Ok(latency)
    })
}

/// PURCHASE_FAILED after a refused payment, announced as `proposal_premium.purchase_failed`; it
/// can be bought again with another card.
fn release(
    app: &AppState,
    id: &str,
    product_id: &str,
    payment: &Payment,
    refusal: Problem,
) -> Problem {
    app.store.with(|data| {
        let mut failed = None;
        if let Some(proposal) = data.proposals.get_mut(id)
            && let Some(index) = proposal.products.iter().position(|p| p.id == product_id)
        {
            proposal.products[index].state = ProductState::PurchaseFailed;
            proposal.recompute_state();
            let product = &proposal.products[index];
            app.hub.product_event(
                ProductEvent::PurchaseFailed,
                proposal,
                product,
                Some(&refusal.detail),
            );
            failed = Some((
                json!({
                    "proposalId": id,
                    "productId": product.product_id,
                    "proposalProductId": product_id,
                    "productBranch": proposal.branch,
                    "installmentNumber": payment.installment,
                    "paymentType": payment.option,
                    "failureReason": refusal.detail,
                }),
                proposal.agent_branch_id.clone(),
            ));
        }
        if let Some((payload, branch)) = failed {
            webhooks::emit_locked(
                app,
                data,
                branch.as_deref(),
                vec![("proposal_premium.purchase_failed", payload)],
            );
        }
    });
    refusal
}

/// The whole purchase; returns the sync response body.
pub async fn purchase(
    app: AppState,
    id: String,
    product_id: String,
    payment: Payment,
) -> ApiResult<Value> {
    let latency = begin(&app, &id, &product_id, &payment)?;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match payment.card_number.as_deref() {
        Some(DECLINED_CARD) => {
            return Err(release(
                &app,
                &id,
                &product_id,
                &payment,
                Problem::business("PAYMENT_DECLINED", "Kart bankanız tarafından reddedildi.")
                    .suggest("Farklı bir kart ile tekrar deneyin."),
            ));
        }
        Some(INSUFFICIENT_FUNDS_CARD) => {
            return Err(release(
                &app,
                &id,
                &product_id,
                &payment,
                Problem::business(
                    "INSUFFICIENT_FUNDS",
                    "Kartın limiti bu işlem için yetersiz.",
                )
                .suggest("Daha az taksitle ya da farklı bir kartla tekrar deneyin."),
            ));
        }
        _ => {}
    }
    app.store.with(|data| {
        let (response, events) = complete(&app, data, &id, &product_id, &payment)?;
        for (event, payload, branch) in events {
            webhooks::emit_locked(&app, data, branch.as_deref(), vec![(event, payload)]);
        }
        Ok(response)
    })
}

/// The sync answer and the events to announce, each with the branch it belongs to.
type Completed = (Value, Vec<(&'static str, Value, Option<String>)>);

/// Issues the policy and records it everywhere it shows.
fn complete(
    app: &AppState,
    data: &mut crate::store::State,
    id: &str,
    product_id: &str,
    payment: &Payment,
) -> ApiResult<Completed> {
    let proposal = data.proposals.get(id).ok_or_else(proposals::not_found)?;
    let product = find_product(proposal, product_id)?;
    let premium = product
        .premiums
        .iter()
        .find(|p| p.installment_number == payment.installment)
        .cloned()
        .ok_or_else(|| {
            Problem::business("INSTALLMENT_NOT_AVAILABLE", "Bu taksit sayısı sunulmuyor.")
        })?;
    data.policy_seq += 1;
    let policy_id = data.ids.object_id();
    let policy_number = format!("POL-{}-{:06}", today().year(), 100_000 + data.policy_seq);
    let policy = Policy {
        id: policy_id.clone(),
        policy_number: policy_number.clone(),
        state: PolicyState::Active,
        branch: proposal.branch,
        insurer: product.insurer,
        product_id: product.product_id,
        product_name: product.product_name.clone(),
        proposal_id: Some(id.to_owned()),
        proposal_product_id: Some(product_id.to_owned()),
        insurer_customer_id: proposal.insurer_customer_id.clone(),
        insured_customer_id: proposal.insured_customer_id.clone(),
        insured_name: proposal.snapshot.insured_name.clone(),
        insured_identity: proposal.snapshot.insured_identity.clone(),
        start_date: proposal.policy_start_date,
        end_date: proposal.policy_end_date,
        arrangement_date: today(),
        installment_number: payment.installment,
        payment_type: payment.option,
        net: premium.net,
        gross: premium.gross,
        commission: premium.commission,
        vehicle_plate: proposal.snapshot.vehicle_plate.clone(),
        agent_branch_id: proposal.agent_branch_id.clone(),
        channel: proposal.channel,
        created_at: crate::simulation::clock::now(),
        version: PolicyVersion::initial(
            &policy_id,
            premium.net,
            premium.gross,
            premium.commission,
            today(),
        ),
        representative: None,
        manual: false,
        from_transfer: false,
    };
    let purchased = json!({
        "proposalId": id,
        "productId": product.product_id,
        "proposalProductId": product_id,
        "productBranch": proposal.branch,
        "installmentNumber": payment.installment,
        "paymentType": payment.option,
        "policyId": policy_id,
        "policyStartDate": fmt_date(policy.start_date),
        "policyEndDate": fmt_date(policy.end_date),
    });
    let created = policies::created_payload(
        &policy,
        &Parties {
            insurer_identity: proposal.snapshot.insurer_identity.clone(),
            insured_identity: proposal.snapshot.insured_identity.clone(),
            insurer_email: proposal.snapshot.insurer_email.clone(),
            insured_email: proposal.snapshot.insured_email.clone(),
        },
    );
    let branch = policy.agent_branch_id.clone();
    let owners = [
        policy.insured_customer_id.clone(),
        policy.insurer_customer_id.clone(),
    ];
    let product_branch = policy.branch;
    data.policies.insert(policy_id.clone(), policy);
    if let Some(proposal) = data.proposals.get_mut(id)
        && let Some(index) = proposal.products.iter().position(|p| p.id == product_id)
    {
        let product = &mut proposal.products[index];
        product.state = ProductState::Purchased;
        product.policy_id = Some(policy_id.clone());
        proposal.recompute_state();
        app.hub.product_event(
            ProductEvent::Purchased,
            proposal,
            &proposal.products[index],
            None,
        );
    }
    for (i, owner) in owners.iter().enumerate() {
        if i == 1 && owners[0] == owners[1] {
            break;
        }
        if let Some(c) = data.customers.get_mut(owner) {
            c.policy_count += 1;
        }
    }
    // A successful sale closes the open sale opportunity of that customer and branch.
    let mut events = vec![
        ("proposal_premium.purchased", purchased, branch.clone()),
        ("policy.created", created, branch),
    ];
    if let Some(case) = data.cases.iter_mut().rev().find(|c| {
        c.case_type == CaseType::SaleOpportunity
            && c.status == CaseStatus::Open
            && c.product_branch == Some(product_branch)
            && (c.proposal_ids.iter().any(|p| p == id) || owners.contains(&c.customer_id))
    }) {
        let old = (case.main_state, case.sub_state);
        case.set_state(CaseMainState::Success, CaseSubState::SuccessCompleted);
        if !case.proposal_ids.iter().any(|p| p == id) {
            case.proposal_ids.push(id.to_owned());
        }
        case.policy_ids.push(policy_id.clone());
        case.record(
            CaseActivityAction::PolicyAdded,
            AGENT_USER_ID,
            json!({"policyId": policy_id, "policyCreatedBy": catalog::user_reference(AGENT_USER_ID)}),
        );
        case.record(
            CaseActivityAction::StateChanged,
            AGENT_USER_ID,
            json!({"oldMainState": old.0, "oldSubState": old.1,
                   "newMainState": case.main_state, "newSubState": case.sub_state}),
        );
        events.push((
            "case.state_changed",
            crate::api::cases::state_changed_payload(case),
            case.agent_branch_id.clone(),
        ));
    }
    let response =
        json!({ "policyId": policy_id, "policyNumber": policy_number, "status": "PURCHASED" });
    Ok((response, events))
}

#[utoipa::path(post, path = "/api/proposals/{id}/products/{productId}/purchase/async", tag = "purchase", security(("bearer" = [])),
    params(("id" = String, Path, description = "Proposal id"), ("productId" = String, Path, description = "Proposal product id")),
    request_body(content = AsyncBody, description = "`$type`: 3d-secure, insurance-company-redirect or third-party-3d-secure"),
    responses((status = 200, description = "Where to send the customer", body = RedirectAnswer), Errors))]
pub async fn start_async(
    State(app): State<AppState>,
    PathIds((id, product_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<AsyncBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    check_ids(
        &mut checks,
        &id,
        &product_id,
        body.proposal_id.as_ref(),
        body.proposal_product_id.as_ref(),
    );
    let installment = installment(&mut checks, body.installment_number);
    let option = match body.kind.trim().to_ascii_lowercase().as_str() {
        "3d-secure" => PaymentOption::Async3dSecure,
        "insurance-company-redirect" => PaymentOption::AsyncInsuranceCompanyRedirect,
        "third-party-3d-secure" => PaymentOption::AsyncThirdParty3dSecure,
        other => {
            checks.fail(
                "$type",
                "3d-secure, insurance-company-redirect veya third-party-3d-secure olmalı.",
                other,
            );
            PaymentOption::Unknown
        }
    };
    let card_number = match (&body.card, option) {
        (Some(card), _) => Some(check_card(card, &mut checks)),
        (None, PaymentOption::Async3dSecure | PaymentOption::AsyncThirdParty3dSecure) => {
            checks.fail(
                "card",
                "3D Secure ödemesi için kart bilgisi zorunludur.",
                Value::Null,
            );
            None
        }
        (None, _) => None,
    };
    let url = body.callback_url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        checks.fail("callbackUrl", "http(s) ile başlayan bir adres olmalı.", url);
    }
    checks.finish()?;
    let _ = body.metadata;
    let payment = Payment {
        option,
        card_number,
        installment,
    };
    let payment_id = app.store.with(|data| {
        let proposal = proposals::settled(&app, data, &id)?;
        let product = find_product(proposal, &product_id)?;
        if !matches!(
            product.state,
            ProductState::Active | ProductState::PurchaseFailed
        ) {
            return Err(Problem::invalid_state(
                "PROPOSAL_PRODUCT_NOT_PURCHASABLE",
                "Bu ürün satın alınabilir durumda değil.",
            ));
        }
        if !product
            .premiums
            .iter()
            .any(|p| p.installment_number == installment)
        {
            return Err(Problem::business(
                "INSTALLMENT_NOT_AVAILABLE",
                "Bu taksit sayısı sunulmuyor.",
            ));
        }
        let payment_id = data.ids.object_id();
        data.payments.insert(
            payment_id.clone(),
            PendingPayment {
                proposal_id: id.clone(),
                product_id: product_id.clone(),
                payment,
                callback_url: url.to_owned(),
            },
        );
        Ok(payment_id)
    })?;
    Ok(Json(
        json!({ "redirectUrl": format!("{}/__sandbox/3d-secure/{payment_id}", app.base_url) }),
    ))
}

/// Stands in for the bank's 3-D Secure page: completes the purchase and redirects to the callback.
pub async fn complete_redirect(
    State(app): State<AppState>,
    PathIds(payment_id): PathIds<String>,
) -> ApiResult<Response> {
    let pending = app
        .store
        .with(|data| data.payments.remove(&payment_id))
        .ok_or_else(|| {
            Problem::not_found(
                "PAYMENT_NOT_FOUND",
                "Ödeme oturumu bulunamadı veya kullanıldı.",
            )
        })?;
    let started = Instant::now();
    let result = tokio::spawn(purchase(
        app.clone(),
        pending.proposal_id.clone(),
        pending.product_id.clone(),
        pending.payment,
    ))
    .await
    .map_err(|_| Problem::internal("Satın alma tamamlanamadı."))?;
    let status = if result.is_ok() {
        "PURCHASED"
    } else {
        "PURCHASE_FAILED"
    };
    let separator = if pending.callback_url.contains('?') {
        '&'
    } else {
        '?'
    };
    let location = format!(
        "{}{separator}proposalId={}&proposalProductId={}&status={status}",
        pending.callback_url, pending.proposal_id, pending.product_id
    );
    tracing::debug!(elapsed = ?started.elapsed(), %status, "3-D Secure stand-in completed");
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
}

/// The B2B guide's purchase answer (§4.3).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct GuidePurchaseAnswer {
    policy_id: String,
    policy_number: String,
    /// `PURCHASED`.
    status: String,
}

/// The vendor client's purchase answer.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct PurchaseAnswer {
    policy_id: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RedirectAnswer {
    redirect_url: String,
}
