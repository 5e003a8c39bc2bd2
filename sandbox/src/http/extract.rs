//! Extractors that reject bad input with problem details instead of axum's plain-text rejections.

use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::http::problem::{FieldError, Problem};

/// A JSON body: 415 without a JSON content type, 413 past the size limit, 400 when malformed or when
/// a field is missing, unknown or of the wrong type.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        require_json(request.headers())?;
        let bytes = read_body(request, state).await?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// A JSON body that may be absent (empty), for POSTs whose body is optional.
#[derive(Debug)]
pub struct OptionalJson<T>(pub Option<T>);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for OptionalJson<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let has_type = request.headers().contains_key(CONTENT_TYPE);
        let headers = request.headers().clone();
        let bytes = read_body(request, state).await?;
        // No body, or a JSON `null`, is no body (ASP.NET binds both to a null optional body).
        if bytes.iter().all(u8::is_ascii_whitespace) || bytes.trim_ascii() == b"null" {
            return Ok(OptionalJson(None));
        }
        if has_type {
            require_json(&headers)?;
        }
        parse_json(&bytes).map(|v| OptionalJson(Some(v)))
    }
}

pub fn require_json(headers: &HeaderMap) -> Result<(), Problem> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json")) {
        Ok(())
    } else if content_type.is_empty() {
        Err(Problem::unsupported_media_type(
            "İstek 'Content-Type' başlığı içermiyor.",
        ))
    } else {
        Err(Problem::unsupported_media_type(format!(
            "'{content_type}' içerik türü desteklenmiyor; JSON bekleniyor."
        )))
    }
}

pub async fn read_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, Problem> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Problem::payload_too_large()
            } else {
                Problem::malformed("İstek gövdesi okunamadı.")
            }
        })
}

pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let type_name = short_type_name::<T>();
    if std::str::from_utf8(bytes).is_err() {
        return Err(unparsable(
            Problem::malformed("İstek gövdesi geçerli UTF-8 değil."),
            "'0x80' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.",
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let position = format!(
            "LineNumber: {} | BytePositionInLine: {}",
            inner.line().saturating_sub(1),
            inner.column()
        );
        if inner.is_data() {
            let plain = Problem::validation(vec![field_error(&path, &inner)]);
            binding_error(&path, &inner, &type_name, &position, plain)
        } else {
            let plain = Problem::malformed(format!(
                "Geçersiz JSON: {}",
                strip_position(&inner.to_string())
            ));
            unparsable(
                plain,
                &format!("The JSON value could not be parsed. Path: $ | {position}."),
            )
        }
    })?;
    deserializer.end().map_err(|_| {
        unparsable(
            Problem::malformed("Geçersiz JSON: gövdenin sonunda fazladan içerik var."),
            "'{' is invalid after a single JSON value. Expected end of data. Path: $ | LineNumber: 0 | BytePositionInLine: 0.",
        )
    })?;
    Ok(value)
}

/// The last path segment of a Rust type name, standing in for the .NET request type's name.
fn short_type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base).to_owned()
}

/// A body that is not JSON at all: ASP.NET reports the parse error at `$` and the missing argument.
fn unparsable(plain: Problem, message: &str) -> Problem {
    let problem = Problem::unbindable("$", message, plain);
    Problem::unbindable("request", "The request field is required.", problem)
}

/// A well-formed body whose members do not fit the request type, reported as System.Text.Json and
/// ASP.NET model binding report it.
fn binding_error(
    path: &str,
    error: &serde_json::Error,
    type_name: &str,
    position: &str,
    plain: Problem,
) -> Problem {
    let message = strip_position(&error.to_string()).to_owned();
    let base = if path == "." {
        String::new()
    } else {
        path.to_owned()
    };
    let json_path = |name: &str| {
        if base.is_empty() {
            format!("$.{name}")
        } else if base == name || base.ends_with(&format!(".{name}")) {
            format!("$.{base}")
        } else {
            format!("$.{base}.{name}")
        }
    };
    if message.starts_with("missing field") {
        let name = backticked(&message).unwrap_or("");
        let problem = Problem::unbindable(
            "$",
            &format!(
                "JSON deserialization for type '{type_name}' was missing required properties, including the following: {name}"
            ),
            plain,
        );
        Problem::unbindable("request", "The request field is required.", problem)
    } else if message.starts_with("unknown field") {
        let name = backticked(&message).unwrap_or("");
        let key = json_path(name);
        Problem::unbindable(
            &key,
            &format!(
                "The JSON property '{name}' could not be mapped to any .NET member contained in type '{type_name}'."
            ),
            plain,
        )
    } else {
        let key = if base.is_empty() {
            "$".to_owned()
        } else {
            format!("$.{base}")
        };
        Problem::unbindable(
            &key,
            &format!(
                "The JSON value could not be converted to {type_name}. Path: {key} | {position}."
            ),
            plain,
        )
    }
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

fn backticked(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

fn field_error(path: &str, error: &serde_json::Error) -> FieldError {
    let message = strip_position(&error.to_string()).to_owned();
    let base = if path == "." { "" } else { path };
    let join = |name: &str| {
        if base.is_empty() || base == name || base.ends_with(&format!(".{name}")) {
            if base.is_empty() {
                name.to_owned()
            } else {
                base.to_owned()
            }
        } else {
            format!("{base}.{name}")
        }
    };
    if message.starts_with("missing field") {
        let name = join(backticked(&message).unwrap_or(""));
        FieldError::new(&name, "Bu alan zorunludur.", serde_json::Value::Null)
    } else if message.starts_with("unknown field") {
        let name = join(backticked(&message).unwrap_or(""));
        FieldError::new(
            &name,
            &format!("Bilinmeyen alan. ({message})"),
            serde_json::Value::Null,
        )
    } else {
        let name = if base.is_empty() { "$" } else { base };
        FieldError::new(
            name,
            &format!("Geçersiz değer: {message}"),
            serde_json::Value::Null,
        )
    }
}

/// Path parameters; a malformed segment is a 400 problem.
#[derive(Debug)]
pub struct PathIds<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathIds<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| PathIds(v))
            .map_err(|e| Problem::malformed(e.body_text()))
    }
}

/// Query parameters; a malformed one is a 400 problem naming it.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| Problem::field("query", &e.body_text(), parts.uri.query().unwrap_or("")))
    }
}

/// Turns optional-but-present empty strings into a validation error for `field`.
pub fn required_text(field: &str, value: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        Err(FieldError::new(field, "Bu alan boş olamaz.", value))
    } else {
        Ok(())
    }
}

/// Collects field errors; `finish` yields a 400 problem when any were recorded.
#[derive(Debug, Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn check(&mut self, result: Result<(), FieldError>) {
        if let Err(e) = result {
            self.0.push(e);
        }
    }

    pub fn fail(&mut self, field: &str, message: &str, attempted: impl Into<serde_json::Value>) {
        self.0.push(FieldError::new(field, message, attempted));
    }

    pub fn finish(self) -> Result<(), Problem> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Problem::validation(self.0))
        }
    }
}
