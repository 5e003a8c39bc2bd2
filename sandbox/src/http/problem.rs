//! RFC 7807 problem details, the body of every failed REST call.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use crate::http::context::{current_dialect, current_trace_id};

const TYPE_BASE: &str = "https://api.insurup.com/problems/";
pub const CONTENT_TYPE: &str = "application/problem+json";

/// One rejected input field, as InsurUp reports it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub property_name: String,
    pub error_message: String,
    pub attempted_value: Value,
}

impl FieldError {
    pub fn new(property: &str, message: &str, attempted: impl Into<Value>) -> Self {
        Self {
            property_name: property.to_owned(),
            error_message: message.to_owned(),
            attempted_value: attempted.into(),
        }
    }
}

/// A failed request, boxed so `Result<T, Problem>` stays small.
#[derive(Clone, Debug)]
pub struct Problem(Box<Details>);

#[derive(Clone, Debug)]
pub struct Details {
    pub status: StatusCode,
    pub kind: &'static str,
    pub title: &'static str,
    pub detail: String,
    pub codes: Vec<String>,
    pub suggestions: Vec<String>,
    pub validation_errors: Vec<FieldError>,
    pub template_args: Option<Value>,
    pub retry_after: Option<String>,
    /// Set on input-validation failures, whose status is the dialect's (400 or 422).
    pub dialect_status: bool,
    /// Set when the body could not be bound to the request type at all: strict dialects answer
    /// these as ASP.NET Core does, before InsurUp's own validation runs.
    pub binding: Option<Vec<(String, String)>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: &'a str,
    codes: &'a [String],
    trace_id: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suggestions: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    validation_errors: &'a [FieldError],
    #[serde(skip_serializing_if = "Option::is_none")]
    template_args: Option<&'a Value>,
}

pub type ApiResult<T> = Result<T, Problem>;

impl Problem {
    pub fn new(
        status: StatusCode,
        kind: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Self(Box::new(Details {
            status,
            kind,
            title,
            detail: detail.into(),
            codes: Vec::new(),
            suggestions: Vec::new(),
            validation_errors: Vec::new(),
            template_args: None,
            retry_after: None,
            dialect_status: false,
            binding: None,
        }))
    }

    pub fn code(mut self, code: &str) -> Self {
        self.codes.push(code.to_owned());
        self
    }

    pub fn suggest(mut self, text: &str) -> Self {
        self.suggestions.push(text.to_owned());
        self
    }

    pub fn template_args(mut self, args: Value) -> Self {
        self.template_args = Some(args);
        self
    }

    pub fn unauthorized(code: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            detail,
        )
        .code(code)
    }

    pub fn access_denied(code: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "access-denied",
            "Access denied",
            detail,
        )
        .code(code)
    }

    pub fn not_found(code: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "resource-not-found",
            "Resource not found",
            detail,
        )
        .code(code)
    }

    pub fn endpoint_not_found(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "endpoint-not-found",
            "Endpoint not found",
            format!("{method} {path} için bir uç nokta bulunamadı."),
        )
        .code("ENDPOINT_NOT_FOUND")
    }

    pub fn method_not_allowed(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "Method not allowed",
            format!("{path} uç noktası {method} yöntemini desteklemiyor."),
        )
        .code("METHOD_NOT_ALLOWED")
    }

    pub fn duplicate(code: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "resource-duplicate",
            "Resource already exists",
            detail,
        )
        .code(code)
    }

    pub fn invalid_state(code: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "resource-invalid-state",
            "Resource is in an invalid state",
            detail,
        )
        .code(code)
    }

    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Unsupported media type",
            detail,
        )
        .code("UNSUPPORTED_MEDIA_TYPE")
        .suggest("İsteği 'Content-Type: application/json' ile gönderin.")
    }

    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "Payload too large",
            "İstek gövdesi izin verilen boyutu aşıyor.",
        )
        .code("PAYLOAD_TOO_LARGE")
    }

    /// 400 input-validation: malformed JSON or rejected fields.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!(
                "'{}' alanı geçersiz: {}",
                one.property_name, one.error_message
            ),
            _ => "İstek doğrulanamadı; alan hatalarını inceleyin.".to_owned(),
        };
        let mut problem = Self::new(
            StatusCode::BAD_REQUEST,
            "input-validation",
            "Input validation failed",
            detail,
        )
        .code("INPUT_VALIDATION");
        problem.validation_errors = errors;
        problem.dialect_status = true;
        problem
    }

    /// A body the server cannot bind to its request type. `key` is the ASP.NET error key (`$`,
    /// `$.card.number`, a property name); `plain` is how a test control, which speaks no dialect,
    /// reports it.
    pub fn unbindable(key: &str, message: &str, plain: Problem) -> Self {
        let mut problem = plain;
        problem
            .binding
            .get_or_insert_with(Vec::new)
            .push((key.to_owned(), message.to_owned()));
        problem
    }

    pub fn field(property: &str, message: &str, attempted: impl Into<Value>) -> Self {
        Self::validation(vec![FieldError::new(property, message, attempted)])
    }

    pub fn malformed(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "input-validation",
            "Malformed request",
            detail,
        )
        .code("MALFORMED_REQUEST")
        .suggest("İstek gövdesinin geçerli UTF-8 JSON olduğundan emin olun.")
    }

    /// 422 business-validation: the input is well-formed but a business rule refuses it.
    pub fn business(code: &str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "business-validation",
            "Business rule violated",
            detail,
        )
        .code(code)
    }

    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        let mut problem = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too-many-requests",
            "Too many requests",
            "İstek sınırı aşıldı.",
        )
        .code("RATE_LIMIT_EXCEEDED")
        .suggest("Retry-After başlığında belirtilen süre kadar bekleyip tekrar deneyin.");
        problem.retry_after = Some(retry_after_secs.max(1).to_string());
        problem
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "unknown",
            "Internal server error",
            detail,
        )
        .code("UNKNOWN")
    }

    /// A problem for an arbitrary status, used by injected faults.
    pub fn for_status(status: StatusCode) -> Self {
        let (kind, title) = match status.as_u16() {
            400 => ("input-validation", "Bad request"),
            401 => ("unauthorized", "Unauthorized"),
            403 => ("access-denied", "Access denied"),
            404 => ("resource-not-found", "Resource not found"),
            405 => ("method-not-allowed", "Method not allowed"),
            409 => ("resource-invalid-state", "Conflict"),
            415 => ("unsupported-media-type", "Unsupported media type"),
            422 => ("business-validation", "Business rule violated"),
            429 => ("too-many-requests", "Too many requests"),
            502 => ("upstream-service", "Upstream service failed"),
            _ => ("unknown", "Injected fault"),
        };
        Self::new(
            status,
            kind,
            title,
            "Sandbox tarafından enjekte edilen hata.",
        )
        .code("SANDBOX_FAULT")
    }

    pub fn body_json(&self, trace_id: &str) -> Vec<u8> {
        let body = Body {
            kind: format!("{TYPE_BASE}{}", self.kind),
            title: self.title,
            status: self.status.as_u16(),
            detail: &self.detail,
            codes: &self.codes,
            trace_id,
            suggestions: &self.suggestions,
            validation_errors: &self.validation_errors,
            template_args: self.template_args.as_ref(),
        };
        serde_json::to_vec(&body).unwrap_or_default()
    }
}

impl std::ops::Deref for Problem {
    type Target = Details;

    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Problem {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

/// ASP.NET Core's answer to a body it cannot bind (`ValidationProblemDetails`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ValidationProblemBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    #[serde(serialize_with = "errors_map")]
    errors: &'a [(String, String)],
    trace_id: String,
}

/// Groups messages by key, keeping first-seen order, as `ModelStateDictionary` serializes.
fn errors_map<S: serde::Serializer>(
    errors: &&[(String, String)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut keys: Vec<&str> = Vec::new();
    for (key, _) in errors.iter() {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    serializer.collect_map(keys.into_iter().map(|key| {
        let messages: Vec<&str> = errors
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, m)| m.as_str())
            .collect();
        (key, messages)
    }))
}

/// The W3C `traceparent`-style id ASP.NET Core writes into `traceId`.
fn w3c_trace_id(trace_id: &str) -> String {
    let span: String = trace_id.chars().rev().take(16).collect();
    format!("00-{trace_id}-{span}-00")
}

fn binding_response(errors: &[(String, String)], trace_id: &str) -> Response {
    let body = ValidationProblemBody {
        kind: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        errors,
        trace_id: w3c_trace_id(trace_id),
    };
    let mut response = (
        StatusCode::BAD_REQUEST,
        serde_json::to_vec(&body).unwrap_or_default(),
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json; charset=utf-8"),
    );
    response
}

impl IntoResponse for Problem {
    fn into_response(mut self) -> Response {
        let trace_id = current_trace_id();
        let dialect = current_dialect();
        if let (Some(_), Some(errors)) = (dialect, self.binding.as_ref()) {
            return binding_response(errors, &trace_id);
        }
        // The GraphQL and OAuth docs (and the .NET client they describe) answer invalid input
        // with 422; the B2B guide's table says 400.
        if self.dialect_status && dialect.is_some_and(crate::dialect::Dialect::vendor_rest) {
            self.status = StatusCode::UNPROCESSABLE_ENTITY;
        }
        let mut response = (self.status, self.body_json(&trace_id)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        // The rest of an oversized body is never read, so the connection cannot carry another
        // request: say so, or a client may reuse it and lose its next request.
        if self.status == StatusCode::PAYLOAD_TOO_LARGE {
            headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        if let Some(value) = self
            .retry_after
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            headers.insert(header::RETRY_AFTER, value);
        }
        response
    }
}
