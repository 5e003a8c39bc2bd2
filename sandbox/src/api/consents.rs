//! KVKK (personal data) and ETK (commercial e-mail) consents: given, revoked, listed with their
//! history. Each change is a `customer.<kvkk|etk>_consent_<given|revoked>` webhook; giving a
//! consent already in force, or revoking one that is not, changes nothing and sends nothing.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::api::customers::{self, ConsentState, consent_states};
use crate::api::webhooks;
use crate::http::extract::{ApiJson, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::catalog;
use crate::simulation::clock::{fmt_ts, now};
use crate::state::AppState;
use crate::store::model::{
    ConsentAction, ConsentChannel, ConsentRecord, ConsentType, UserReference,
};

/// `POST customers/{id}/consents`: the body repeats the customer id, as the deployed API requires.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentBody {
    customer_id: String,
    #[schema(value_type = ConsentType)]
    consent_type: String,
    #[schema(value_type = ConsentChannel)]
    channel: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConsentHistoryItem {
    consent_type: ConsentType,
    action: ConsentAction,
    performed_at: String,
    performed_by: UserReference,
    channel: ConsentChannel,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentsAnswer {
    consents: Vec<ConsentState>,
    history: Vec<ConsentHistoryItem>,
}

fn consent_type(field: &str, text: &str) -> ApiResult<ConsentType> {
    ConsentType::parse(text)
        .filter(|t| t.as_str() == text)
        .ok_or_else(|| Problem::field(field, "KVKK veya ETK olmalı.", text))
}

/// The webhook event of a consent change.
fn event(consent_type: ConsentType, action: ConsentAction) -> &'static str {
    match (consent_type, action) {
        (ConsentType::Kvkk, ConsentAction::Given) => "customer.kvkk_consent_given",
        (ConsentType::Kvkk, ConsentAction::Revoked) => "customer.kvkk_consent_revoked",
        (ConsentType::Etk, ConsentAction::Given) => "customer.etk_consent_given",
        (ConsentType::Etk, ConsentAction::Revoked) => "customer.etk_consent_revoked",
    }
}

/// Records a consent change when it is one, and emits its event in the same critical section.
fn record(
    app: &AppState,
    key: &str,
    body_customer: Option<&str>,
    consent_type: ConsentType,
    action: ConsentAction,
    channel: ConsentChannel,
    by: &str,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let id = customers::resolve(data, key)?;
        if let Some(b) = body_customer
            && data.customer_id_for(b).as_deref() != Some(id.as_str())
        {
            return Err(Problem::field(
                "customerId",
                "Gövdedeki customerId adresteki müşteriyle aynı olmalı.",
                b,
            ));
        }
        let customer = data
            .customers
            .get_mut(&id)
            .ok_or_else(customers::not_found)?;
        let active = customer.details.consent_active(consent_type);
        if active == (action == ConsentAction::Given) {
            return Ok(StatusCode::NO_CONTENT);
        }
        let at = now();
        customer.details.consent_history.push(ConsentRecord {
            consent_type,
            action,
            channel,
            at,
            by: by.to_owned(),
        });
        let moment = match action {
            ConsentAction::Given => "givenAt",
            ConsentAction::Revoked => "revokedAt",
        };
        let mut payload = json!({
            "customerId": customer.id,
            "customerType": customer.kind,
            "channel": channel,
        });
        if let Some(fields) = payload.as_object_mut() {
            fields.insert(moment.to_owned(), json!(fmt_ts(at)));
        }
        let branch = customer.agent_branch_id.clone();
        webhooks::emit_locked(
            app,
            data,
            branch.as_deref(),
            vec![(event(consent_type, action), payload)],
        );
        Ok(StatusCode::NO_CONTENT)
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/consents", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = ConsentBody,
    responses((status = 204, description = "The consent is in force"), Errors))]
pub async fn give(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<ConsentBody>,
) -> ApiResult<StatusCode> {
    let consent_type = consent_type("consentType", &body.consent_type)?;
    let channel = ConsentChannel::parse(&body.channel)
        .filter(|c| c.as_str() == body.channel)
        .ok_or_else(|| {
            Problem::field(
                "channel",
                "MANUAL, WEB, CHATBOT, SMS, EMAIL veya EXTERNAL olmalı.",
                body.channel.as_str(),
            )
        })?;
    record(
        &app,
        &key,
        Some(&body.customer_id),
        consent_type,
        ConsentAction::Given,
        channel,
        &principal.user_id,
    )
}

/// Revoked by an agent through the API: the channel is `MANUAL`.
#[utoipa::path(delete, path = "/api/customers/{id}/consents/{consentType}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("consentType" = ConsentType, Path)),
    responses((status = 204, description = "The consent is no longer in force"), Errors))]
pub async fn revoke(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, kind)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    let consent_type = consent_type("consentType", &kind)?;
    record(
        &app,
        &key,
        None,
        consent_type,
        ConsentAction::Revoked,
        ConsentChannel::Manual,
        &principal.user_id,
    )
}

#[utoipa::path(get, path = "/api/customers/{id}/consents", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "Both consents' states and every change, oldest first", body = ConsentsAnswer), Errors))]
pub async fn list(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<ConsentsAnswer>> {
    app.store.with(|data| {
        let id = customers::resolve(data, &key)?;
        let customer = data.customers.get(&id).ok_or_else(customers::not_found)?;
        Ok(Json(ConsentsAnswer {
            consents: consent_states(customer),
            history: customer
                .details
                .consent_history
                .iter()
                .map(|r| ConsentHistoryItem {
                    consent_type: r.consent_type,
                    action: r.action,
                    performed_at: fmt_ts(r.at),
                    performed_by: catalog::user_reference(&r.by),
                    channel: r.channel,
                })
                .collect(),
        }))
    })
}
