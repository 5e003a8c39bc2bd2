//! Agent branches: a tree under the agency (`parentBranchId`). Customers, proposals, cases and
//! policies carry the branch they were produced for (the guide's §6), GraphQL rows name it, and
//! webhooks may be limited to some branches. A branch with sub-branches cannot be deleted.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::http::extract::{ApiJson, PathIds, required_text};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::clock::{fmt_ts, now};
use crate::state::AppState;
use crate::store::{Branch, State as Data};

/// An agent branch.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BranchView {
    id: String,
    name: String,
    parent_branch_id: Option<String>,
    created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<String>,
}

impl From<&Branch> for BranchView {
    fn from(b: &Branch) -> Self {
        Self {
            id: b.id.clone(),
            name: b.name.clone(),
            parent_branch_id: b.parent_id.clone(),
            created_at: fmt_ts(b.created_at),
            updated_at: b.updated_at.map(fmt_ts),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BranchBody {
    /// Repeats the path's id on update.
    id: Option<String>,
    name: String,
    parent_branch_id: Option<String>,
}

fn not_found() -> Problem {
    Problem::not_found("AGENT_BRANCH_NOT_FOUND", "Şube bulunamadı.")
}

/// Checks a name and a parent; `moving` is the branch being updated, which may not become its own
/// ancestor.
fn check(data: &Data, body: &BranchBody, moving: Option<&str>) -> ApiResult<String> {
    let name = body.name.trim().to_owned();
    required_text("name", &name).map_err(|e| Problem::validation(vec![e]))?;
    if name.chars().count() > 100 {
        return Err(Problem::field(
            "name",
            "En fazla 100 karakter olmalı.",
            name.as_str(),
        ));
    }
    if let Some(parent) = body.parent_branch_id.as_deref() {
        if data.branch(parent).is_none() {
            return Err(Problem::not_found(
                "PARENT_AGENT_BRANCH_NOT_FOUND",
                "Üst şube bulunamadı.",
            ));
        }
        if let Some(moving) = moving {
            let mut at = Some(parent.to_owned());
            while let Some(id) = at {
                if id == moving {
                    return Err(Problem::business(
                        "AGENT_BRANCH_HIERARCHY_CYCLE",
                        "Bir şube kendi alt şubesinin altına taşınamaz.",
                    ));
                }
                at = data.branch(&id).and_then(|b| b.parent_id.clone());
            }
        }
    }
    Ok(name)
}

#[utoipa::path(get, path = "/api/agent-branches", tag = "agent-branches", security(("bearer" = [])),
    responses((status = 200, description = "The agent's branches", body = Vec<BranchView>), Errors))]
pub async fn list(State(app): State<AppState>) -> Json<Vec<BranchView>> {
    Json(
        app.store
            .with(|s| s.branches.iter().map(BranchView::from).collect()),
    )
}

#[utoipa::path(get, path = "/api/agent-branches/{id}", tag = "agent-branches", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, description = "A branch", body = BranchView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<Json<BranchView>> {
    app.store.with(|s| {
        s.branch(&id)
            .map(|b| Json(BranchView::from(b)))
            .ok_or_else(not_found)
    })
}

#[utoipa::path(post, path = "/api/agent-branches", tag = "agent-branches", security(("bearer" = [])),
    request_body = BranchBody,
    responses((status = 200, description = "The new branch's id, a bare JSON string", body = String), Errors))]
pub async fn create(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<BranchBody>,
) -> ApiResult<Json<Value>> {
    app.store.with(|data| {
        let name = check(data, &body, None)?;
        let id = data.ids.object_id();
        data.branches.push(Branch {
            id: id.clone(),
            name,
            parent_id: body.parent_branch_id.clone(),
            created_at: now(),
            updated_at: None,
        });
        Ok(Json(json!(id)))
    })
}

#[utoipa::path(put, path = "/api/agent-branches/{id}", tag = "agent-branches", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = BranchBody,
    responses((status = 204, description = "Renamed or moved"), Errors))]
pub async fn update(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
    ApiJson(body): ApiJson<BranchBody>,
) -> ApiResult<StatusCode> {
    if let Some(other) = body.id.as_deref().filter(|b| *b != id) {
        return Err(Problem::field(
            "id",
            "Adresteki şube ile aynı olmalı.",
            other,
        ));
    }
    app.store.with(|data| {
        data.branch(&id).ok_or_else(not_found)?;
        let name = check(data, &body, Some(&id))?;
        let branch = data
            .branches
            .iter_mut()
            .find(|b| b.id == id)
            .ok_or_else(not_found)?;
        branch.name = name;
        branch.parent_id = body.parent_branch_id.clone();
        branch.updated_at = Some(now());
        Ok(StatusCode::NO_CONTENT)
    })
}

#[utoipa::path(delete, path = "/api/agent-branches/{id}", tag = "agent-branches", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 204, description = "Deleted; a branch with sub-branches is refused (409)"), Errors))]
pub async fn delete(
    State(app): State<AppState>,
    PathIds(id): PathIds<String>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let at = data
            .branches
            .iter()
            .position(|b| b.id == id)
            .ok_or_else(not_found)?;
        if data
            .branches
            .iter()
            .any(|b| b.parent_id.as_deref() == Some(id.as_str()))
        {
            return Err(Problem::invalid_state(
                "AGENT_BRANCH_HAS_CHILDREN",
                "Alt şubeleri olan bir şube silinemez.",
            )
            .suggest("Önce alt şubeleri silin ya da başka bir şubenin altına taşıyın."));
        }
        data.branches.remove(at);
        Ok(StatusCode::NO_CONTENT)
    })
}
