//! Test controls that change a policy as its insurer would: an endorsement adds premium (a new
//! `UPDATE` version), a cancellation refunds the unused part (a `CANCELLATION` version with
//! negative premiums) and ends the policy. Each is announced as `policy.updated`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use crate::api::policies::{self, Change};
use crate::api::webhooks;
use crate::http::extract::{OptionalJson, PathIds};
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::clock::today;
use crate::state::AppState;
use crate::store::model::{PolicyVersionKind, money};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndorseBody {
    /// The premium the endorsement adds (may be negative); a tenth of the policy's net by default.
    net_premium: Option<f64>,
    /// Defaults to the net plus 5 % BSMV.
    gross_premium: Option<f64>,
    /// Defaults to the policy's commission rate applied to the net.
    commission: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelBody {
    /// The share of the premium refunded, 0 to 1; the unused share of the term by default.
    refund_ratio: Option<f64>,
}

/// The version a control made.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionMade {
    policy_id: String,
    endorsement_number: u32,
    is_cancel: bool,
    net_premium_change: f64,
    gross_premium_change: f64,
    commission_change: f64,
}

fn apply(
    app: &AppState,
    id: &str,
    change: impl FnOnce(&crate::store::model::Policy) -> ApiResult<Change>,
) -> ApiResult<Json<VersionMade>> {
    app.store.with(|data| {
        let policy = data.policies.get(id).ok_or_else(policies::not_found)?;
        let change = change(policy)?;
        let (payload, branch) = policies::new_version(data, id, change)?;
        let policy = data.policies.get(id).ok_or_else(policies::not_found)?;
        let made = VersionMade {
            policy_id: policy.id.clone(),
            endorsement_number: policy.version.number,
            is_cancel: policy.version.kind == PolicyVersionKind::Cancellation,
            net_premium_change: policy.version.net_change,
            gross_premium_change: policy.version.gross_change,
            commission_change: policy.version.commission_change,
        };
        webhooks::emit_locked(
            app,
            data,
            branch.as_deref(),
            vec![("policy.updated", payload)],
        );
        Ok(Json(made))
    })
}

fn finite(field: &str, value: Option<f64>) -> ApiResult<Option<f64>> {
    match value {
        Some(v) if !v.is_finite() => Err(Problem::field(field, "Bir sayı olmalı.", field)),
        other => Ok(other),
    }
}

pub async fn endorse(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    OptionalJson(body): OptionalJson<EndorseBody>,
) -> ApiResult<Json<VersionMade>> {
    let body = body.unwrap_or_default();
    let net = finite("netPremium", body.net_premium)?;
    let gross = finite("grossPremium", body.gross_premium)?;
    let commission = finite("commission", body.commission)?;
    apply(&app, &id, |policy| {
        let net = net.unwrap_or_else(|| money(policy.net * 0.1));
        let rate = if policy.net > 0.0 {
            policy.commission / policy.net
        } else {
            0.0
        };
        Ok(Change {
            kind: PolicyVersionKind::Update,
            net,
            gross: gross.unwrap_or_else(|| money(net * 1.05)),
            commission: commission.unwrap_or_else(|| money(net * rate)),
        })
    })
}

pub async fn cancel(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    OptionalJson(body): OptionalJson<CancelBody>,
) -> ApiResult<Json<VersionMade>> {
    let ratio = finite("refundRatio", body.unwrap_or_default().refund_ratio)?;
    if ratio.is_some_and(|r| !(0.0..=1.0).contains(&r)) {
        return Err(Problem::field(
            "refundRatio",
            "0 ile 1 arasında olmalı.",
            ratio.unwrap_or_default(),
        ));
    }
    apply(&app, &id, |policy| {
        let ratio = ratio.unwrap_or_else(|| {
            let term = (policy.end_date - policy.start_date).whole_days().max(1);
            let unused = (policy.end_date - today().max(policy.start_date))
                .whole_days()
                .clamp(0, term);
            unused as f64 / term as f64
        });
        Ok(Change {
            kind: PolicyVersionKind::Cancellation,
            net: -money(policy.net * ratio),
            gross: -money(policy.gross * ratio),
            commission: -money(policy.commission * ratio),
        })
    })
}
