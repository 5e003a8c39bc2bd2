//! GraphQL at the dialect's endpoint (`/graphql`, or `/api/graphql` for the vendor client): Relay
//! connections and the legacy offset queries over customers, proposals, policies and cases, named
//! and shaped as the dialect documents them, with HotChocolate's validation errors.

mod fields;
mod hotchocolate;
mod lists;
mod naming;
mod query;
mod schema;

use async_graphql::dynamic::Schema;
use axum::extract::{Extension, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use utoipa::ToSchema;

use crate::http::context::current_trace_id;
use crate::http::extract::{read_body, require_json};
use crate::http::openapi::{ErrorBody, ProblemDetails};
use crate::http::problem::Problem;
use crate::state::AppState;

pub use self::schema::build as schema;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json; charset=utf-8";
const LEGACY_JSON: &str = "application/json; charset=utf-8";

/// HotChocolate answers `application/json` only to clients that ask for nothing else; everyone
/// else (no `Accept`, `*/*`, `application/graphql-response+json`) gets the GraphQL-over-HTTP media
/// type, where a request that fails validation is a 400.
fn wants_legacy_json(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let types: Vec<&str> = accept
        .split(',')
        .map(|t| t.split(';').next().unwrap_or("").trim())
        .filter(|t| !t.is_empty())
        .collect();
    types.contains(&"application/json")
        && !types.iter().any(|t| {
            matches!(
                *t,
                "application/graphql-response+json" | "application/*" | "*/*"
            )
        })
}

/// A request HotChocolate could not read as GraphQL over HTTP (`HC0009`).
fn unreadable_request(legacy: bool) -> Response {
    let body = json!({"errors": [{
        "message": "The GraphQL request structure is invalid.",
        "extensions": {"code": "HC0009", "traceId": current_trace_id()},
    }]});
    let (status, media) = if legacy {
        (StatusCode::OK, LEGACY_JSON)
    } else {
        (StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE)
    };
    (status, [(header::CONTENT_TYPE, media)], body.to_string()).into_response()
}

/// `POST /api/graphql`, where the vendor client posts.
#[utoipa::path(post, path = "/api/graphql", tag = "graphql", operation_id = "graphqlUnderApi",
    security(("bearer" = [])), request_body = GraphqlBody,
    responses(
        (status = 200, description = "The result; resolver errors keep their partial data", content(
            (GraphqlResponse = "application/graphql-response+json"), (GraphqlResponse = "application/json"))),
        (status = 400, description = "The request did not validate (HotChocolate's messages) or was unreadable", content(
            (GraphqlResponse = "application/graphql-response+json"), (ErrorBody = "application/problem+json"))),
        (status = 401, description = "No valid bearer token", content_type = "application/problem+json", body = ProblemDetails),
        (status = 413, content_type = "application/problem+json", body = ProblemDetails),
        (status = 415, content_type = "application/problem+json", body = ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = ProblemDetails)
    ))]
pub async fn execute_under_api(
    state: State<AppState>,
    schema: Extension<Schema>,
    request: Request,
) -> Response {
    execute(state, schema, request).await
}

/// `POST /graphql`: JSON `{query, variables, operationName}`; errors carry `extensions.code` and `traceId`.
#[utoipa::path(post, path = "/graphql", tag = "graphql", operation_id = "graphql",
    security(("bearer" = [])), request_body = GraphqlBody,
    responses(
        (status = 200, description = "The result; resolver errors keep their partial data", content(
            (GraphqlResponse = "application/graphql-response+json"), (GraphqlResponse = "application/json"))),
        (status = 400, description = "The request did not validate (HotChocolate's messages) or was unreadable", content(
            (GraphqlResponse = "application/graphql-response+json"), (ErrorBody = "application/problem+json"))),
        (status = 401, description = "No valid bearer token", content_type = "application/problem+json", body = ProblemDetails),
        (status = 413, content_type = "application/problem+json", body = ProblemDetails),
        (status = 415, content_type = "application/problem+json", body = ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = ProblemDetails)
    ))]
pub async fn execute(
    State(app): State<AppState>,
    Extension(schema): Extension<Schema>,
    request: Request,
) -> Response {
    let legacy = wants_legacy_json(request.headers());
    if let Err(problem) = require_json(request.headers()) {
        return problem.into_response();
    }
    let bytes = match read_body(request, &()).await {
        Ok(bytes) => bytes,
        Err(problem) => return problem.into_response(),
    };
    let body = match crate::http::extract::parse_json::<GraphqlBody>(&bytes) {
        Ok(body) => body,
        Err(_) => return unreadable_request(legacy),
    };
    let query_text = body.query.clone();
    let mut response = schema.execute(body.into_request().data(app.clone())).await;
    hotchocolate::rewrite(&mut response, &schema, &query_text);
    // A request that never ran (it did not validate) has errors and no data path.
    let invalid = !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty())
        && matches!(response.data, async_graphql::Value::Null);
    let trace_id = current_trace_id();
    for err in &mut response.errors {
        let extensions = err.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", "VALIDATION_ERROR");
        }
        extensions.set("traceId", trace_id.as_str());
    }
    let body = match serde_json::to_vec(&response) {
        Ok(body) => body,
        Err(e) => {
            return Problem::internal(format!("GraphQL yanıtı oluşturulamadı: {e}"))
                .into_response();
        }
    };
    let (status, media) = match (legacy, invalid) {
        (true, _) => (StatusCode::OK, LEGACY_JSON),
        (false, true) => (StatusCode::BAD_REQUEST, GRAPHQL_RESPONSE),
        (false, false) => (StatusCode::OK, GRAPHQL_RESPONSE),
    };
    (status, [(header::CONTENT_TYPE, media)], body).into_response()
}

/// A GraphQL-over-HTTP request body. Parsed strictly, like every other body: a missing `query` or
/// a misspelt member (`varibles`) is refused, not a query run without it.
#[derive(serde::Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GraphqlBody {
    query: String,
    #[serde(default)]
    operation_name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    variables: Option<async_graphql::Variables>,
    /// Client extensions (tracing, persisted-query hashes) are accepted and ignored.
    #[serde(default, rename = "extensions")]
    #[schema(value_type = Option<Object>)]
    _extensions: Option<serde::de::IgnoredAny>,
}

/// A GraphQL-over-HTTP answer.
#[derive(serde::Serialize, ToSchema)]
#[allow(dead_code)]
pub struct GraphqlResponse {
    #[schema(value_type = Option<Object>)]
    data: Option<serde_json::Value>,
    errors: Option<Vec<GraphqlError>>,
}

#[derive(serde::Serialize, ToSchema)]
#[allow(dead_code)]
pub struct GraphqlError {
    message: String,
    #[schema(value_type = Option<Vec<Object>>)]
    locations: Option<Vec<serde_json::Value>>,
    #[schema(value_type = Option<Vec<Object>>)]
    path: Option<Vec<serde_json::Value>>,
    /// `code` (`VALIDATION_ERROR`, `BAD_REQUEST`, `HC0009`…), `traceId`, and HotChocolate's details.
    #[schema(value_type = Option<Object>)]
    extensions: Option<serde_json::Value>,
}

impl GraphqlBody {
    fn into_request(self) -> async_graphql::Request {
        let mut request = async_graphql::Request::new(self.query);
        if let Some(name) = self.operation_name {
            request = request.operation_name(name);
        }
        if let Some(variables) = self.variables {
            request = request.variables(variables);
        }
        request
    }
}

/// `GET /api/graphql/schema`: the SDL beside the vendor client's endpoint.
#[utoipa::path(get, path = "/api/graphql/schema", tag = "graphql", operation_id = "graphqlSchemaUnderApi",
    responses((status = 200, description = "The dialect's GraphQL SDL", content_type = "text/plain", body = String)))]
pub async fn sdl_under_api(schema: Extension<Schema>) -> Response {
    sdl(schema).await
}

/// `GET /graphql/schema`: the SDL of the dialect's schema, no auth.
#[utoipa::path(get, path = "/graphql/schema", tag = "graphql", operation_id = "graphqlSchema",
    responses((status = 200, description = "The dialect's GraphQL SDL", content_type = "text/plain", body = String)))]
pub async fn sdl(Extension(schema): Extension<Schema>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        schema.sdl(),
    )
        .into_response()
}
