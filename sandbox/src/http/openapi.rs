//! What every operation of `GET /openapi.json` shares: the error bodies, the bearer scheme and the
//! document's header. Each operation itself is described by the `#[utoipa::path]` on its handler
//! and collected by the router (`utoipa-axum`), so a route and its description cannot drift apart.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoResponses, Modify, OpenApi, ToSchema};

use crate::dialect::Dialect;

/// InsurUp's problem details (RFC 7807), the body of a failed REST call.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetails {
    /// `https://api.insurup.com/problems/<kind>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// Turkish, safe to show to end users.
    pub detail: String,
    /// Machine-readable codes such as `PAYMENT_DECLINED`.
    pub codes: Vec<String>,
    /// 32 hex digits, the same as the `x-trace-id` header.
    pub trace_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation_errors: Option<Vec<FieldErrorDoc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub template_args: Option<serde_json::Value>,
}

/// One rejected input field.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldErrorDoc {
    pub property_name: String,
    pub error_message: String,
    /// Whatever was sent: a string, a number, an object or null.
    pub attempted_value: serde_json::Value,
}

/// ASP.NET Core's answer to a body it cannot bind (strict dialects).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ValidationProblemDetails {
    /// `https://tools.ietf.org/html/rfc9110#section-15.5.1`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `One or more validation errors occurred.`
    pub title: String,
    pub status: u16,
    /// Messages per JSON path (`$.card.number`) or property name.
    pub errors: BTreeMap<String, Vec<String>>,
    /// W3C trace context: `00-<32 hex>-<16 hex>-00`.
    pub trace_id: String,
}

/// Either error body.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum ErrorBody {
    Problem(ProblemDetails),
    Validation(ValidationProblemDetails),
}

/// The failures any operation may answer.
#[derive(IntoResponses)]
#[allow(dead_code)]
pub enum Errors {
    /// Malformed or unbindable body, or a field that fails validation (`guide`).
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(ErrorBody),
    /// Missing, malformed, forged, revoked or expired token; bad credentials.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(ProblemDetails),
    /// `agentId` of another agent.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(ProblemDetails),
    /// Unknown id or route.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(ProblemDetails),
    /// Known route, other method.
    #[response(status = 405, content_type = "application/problem+json")]
    MethodNotAllowed(ProblemDetails),
    /// Duplicate, or a resource in the wrong state.
    #[response(status = 409, content_type = "application/problem+json")]
    Conflict(ProblemDetails),
    /// Body over the size limit.
    #[response(status = 413, content_type = "application/problem+json")]
    PayloadTooLarge(ProblemDetails),
    /// Body without a JSON content type.
    #[response(status = 415, content_type = "application/problem+json")]
    UnsupportedMediaType(ProblemDetails),
    /// A business rule refuses well-formed input; invalid input in `graphql-docs` and `vendor-sdk`.
    #[response(status = 422, content_type = "application/problem+json")]
    Unprocessable(ProblemDetails),
    /// Over the rate limit; `Retry-After` says how long to wait.
    #[response(status = 429, content_type = "application/problem+json")]
    TooManyRequests(ProblemDetails),
}

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from agent-user login or the OAuth client-credentials grant.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "InsurUp API (sandbox)",
        description = "What the InsurUp sandbox serves, derived from its handlers. REST under `/api/`, GraphQL at the dialect's endpoint (its schema at `GET /graphql/schema`). Test controls under `/__sandbox/` are not part of InsurUp's API and are not described here.",
        license(name = "MIT OR Apache-2.0")
    ),
    modifiers(&BearerScheme)
)]
struct Document;

/// The document's header for a dialect; the router adds the operations.
pub fn document(dialect: Dialect) -> utoipa::openapi::OpenApi {
    let mut openapi = Document::openapi();
    openapi.info.title = format!("InsurUp API (sandbox, {dialect} dialect)");
    openapi.info.version = env!("CARGO_PKG_VERSION").to_owned();
    openapi
}

/// `{id}`: what a create answers.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct IdAnswer {
    pub id: String,
}

/// `{url}`: where a document can be downloaded.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct UrlAnswer {
    pub url: String,
}
