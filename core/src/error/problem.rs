//! Problem details (RFC 7807/9457) as InsurUp and the stack in front of it send them.
//!
//! Read field by field, never as one struct: a `null` list, a mistyped field or an extra member
//! costs only that field, so the caller still gets the server's `detail`. Besides InsurUp's own
//! shape this reads ASP.NET's `errors` dictionary (a body the framework could not bind) and
//! OAuth's `{error, error_description}` (the token endpoint).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An RFC 7807 problem-details body, as InsurUp sends it. Every documented field is kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Problem {
    /// Problem type URI, e.g. `https://api.insurup.com/problems/business-validation`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub problem_type: Option<String>,
    /// Short summary of the problem type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// HTTP status the server assigned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Explanation safe to show to an end user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The request path the problem is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Machine-readable codes, e.g. `["PAYMENT_DECLINED"]`; OAuth's `error` lands here too.
    pub codes: Vec<String>,
    /// Server trace id; quote it when you contact InsurUp support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    /// Message template the detail was rendered from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Arguments of the template; values of sensitive names are redacted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template_args: Option<Map<String, Value>>,
    /// What the user can do next; safe to show.
    pub suggestions: Vec<String>,
    /// Field-level errors of an input validation problem.
    pub validation_errors: Vec<FieldError>,
}

/// One field the server refused.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldError {
    /// The field, as the API names it (e.g. `card.number`).
    pub property_name: String,
    /// Why it was refused.
    pub error_message: String,
    /// The value the server saw, rendered as text; redacted for card, CVC, password and token fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempted_value: Option<String>,
}

/// Parts of a field or argument name that mark its value as secret.
const SENSITIVE_NAME_MARKERS: [&str; 7] =
    ["card", "cvc", "cvv", "password", "token", "secret", "pan"];

/// What a redacted value is replaced with.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// True for names like `card.number`, `Password` or `refreshToken`.
pub(crate) fn is_sensitive_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SENSITIVE_NAME_MARKERS
        .iter()
        .any(|marker| name.contains(marker))
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

fn texts(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|item| text(Some(item))).collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

/// Any JSON value as the text a person would read; `null` is no value.
fn rendered(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

impl FieldError {
    fn from_value(value: &Value) -> Option<Self> {
        let object = value.as_object()?;
        Some(FieldError {
            property_name: text(object.get("propertyName")).unwrap_or_default(),
            error_message: text(object.get("errorMessage")).unwrap_or_default(),
            attempted_value: rendered(object.get("attemptedValue")),
        })
    }
}

impl Problem {
    /// Parses a problem body; `None` when the body is not a JSON object.
    pub fn parse(body: &[u8]) -> Option<Self> {
        match serde_json::from_slice(body).ok()? {
            Value::Object(object) => Some(Self::from_object(&object)),
            _ => None,
        }
    }

    /// Reads every field it recognises from `object` and ignores the rest.
    pub fn from_object(object: &Map<String, Value>) -> Self {
        let get = |key: &str| object.get(key);
        let mut problem = Problem {
            problem_type: text(get("type")),
            title: text(get("title")),
            status: get("status")
                .and_then(Value::as_u64)
                .and_then(|status| u16::try_from(status).ok()),
            detail: text(get("detail")),
            instance: text(get("instance")),
            codes: texts(get("codes")),
            trace_id: text(get("traceId")),
            template: text(get("template")),
            template_args: get("templateArgs").and_then(Value::as_object).cloned(),
            suggestions: texts(get("suggestions")),
            validation_errors: match get("validationErrors") {
                Some(Value::Array(items)) => {
                    items.iter().filter_map(FieldError::from_value).collect()
                }
                _ => Vec::new(),
            },
        };
        // ASP.NET's answer to a body it could not bind: `errors: {"field": ["message", ...]}`.
        if let Some(Value::Object(errors)) = get("errors") {
            for (field, messages) in errors {
                for message in texts(Some(messages)) {
                    problem.validation_errors.push(FieldError {
                        property_name: field.trim_start_matches("$.").to_owned(),
                        error_message: message,
                        attempted_value: None,
                    });
                }
            }
        }
        // OAuth 2.0 (RFC 6749 §5.2): `{error, error_description}`.
        if let Some(code) = text(get("error")) {
            if problem.detail.is_none() {
                problem.detail = text(get("error_description"));
            }
            if !problem.codes.contains(&code) {
                problem.codes.push(code);
            }
        }
        problem.redact();
        problem
    }

    /// Drops values the server echoed for card, CVC, password or token fields, in field errors
    /// and in template arguments.
    pub fn redact(&mut self) {
        for error in &mut self.validation_errors {
            if is_sensitive_name(&error.property_name) && error.attempted_value.is_some() {
                error.attempted_value = Some(REDACTED.to_owned());
            }
        }
        if let Some(args) = &mut self.template_args {
            for (name, value) in args.iter_mut() {
                if is_sensitive_name(name) && !value.is_null() {
                    *value = Value::String(REDACTED.to_owned());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_lists_are_empty_and_a_mistyped_field_loses_only_itself() {
        let problem = Problem::parse(
            br#"{"status":"422","detail":"Kart reddedildi.","codes":null,"suggestions":null,
                "validationErrors":null,"traceId":7,"templateArgs":[1]}"#,
        )
        .expect("an object is a problem");
        assert_eq!(problem.detail.as_deref(), Some("Kart reddedildi."));
        assert_eq!(
            problem.status, None,
            "a string status is dropped, nothing else"
        );
        assert!(problem.codes.is_empty() && problem.suggestions.is_empty());
        assert!(problem.validation_errors.is_empty());
        assert_eq!(problem.trace_id.as_deref(), Some("7"));
        assert_eq!(problem.template_args, None);
    }

    #[test]
    fn aspnet_errors_become_field_errors() {
        let problem = Problem::parse(
            br#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1",
                "title":"One or more validation errors occurred.","status":400,
                "errors":{"$.installmentNumber":["The JSON value could not be converted."],
                          "Email":["required","invalid"]},"traceId":"00-abc-01"}"#,
        )
        .expect("problem");
        let fields: Vec<(&str, &str)> = problem
            .validation_errors
            .iter()
            .map(|e| (e.property_name.as_str(), e.error_message.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    "installmentNumber",
                    "The JSON value could not be converted."
                ),
                ("Email", "required"),
                ("Email", "invalid"),
            ]
        );
        assert_eq!(problem.trace_id.as_deref(), Some("00-abc-01"));
    }

    #[test]
    fn oauth_errors_keep_their_description() {
        let problem = Problem::parse(
            br#"{"error":"invalid_client","error_description":"The client secret is wrong."}"#,
        )
        .expect("problem");
        assert_eq!(
            problem.detail.as_deref(),
            Some("The client secret is wrong.")
        );
        assert_eq!(problem.codes, ["invalid_client"]);
    }

    #[test]
    fn sensitive_template_arguments_and_attempted_values_are_redacted() {
        let problem = Problem::parse(
            br#"{"templateArgs":{"cardNumber":"4000000000000002","installments":3},
                "validationErrors":[{"propertyName":"card.cvc","errorMessage":"bad","attemptedValue":"123"}]}"#,
        )
        .expect("problem");
        let args = problem.template_args.expect("args");
        assert_eq!(args["cardNumber"], REDACTED);
        assert_eq!(args["installments"], 3);
        assert_eq!(
            problem.validation_errors[0].attempted_value.as_deref(),
            Some(REDACTED)
        );
    }

    #[test]
    fn a_body_that_is_not_an_object_is_no_problem() {
        assert_eq!(Problem::parse(b"<html>"), None);
        assert_eq!(Problem::parse(b"[1,2]"), None);
        assert_eq!(Problem::parse(b"{}"), Some(Problem::default()));
    }
}
