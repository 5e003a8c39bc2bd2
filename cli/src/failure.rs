//! Why a command failed, the exit code that says so, and how the failure is shown.

use insurup::ErrorKind;
use serde_json::{Value, json};

use crate::render;

/// Exit codes, documented in `insurup --help`.
pub mod exit {
    /// A file could not be read or written, or the run was interrupted.
    pub const LOCAL: u8 = 1;
    /// Bad flags or bad input.
    pub const USAGE: u8 = 2;
    /// Bad credentials, 2FA needed, session expired, permission denied.
    pub const AUTH: u8 = 3;
    /// The id does not exist.
    pub const NOT_FOUND: u8 = 4;
    /// Rate limit, server error, conflict, business rule.
    pub const API: u8 = 5;
    /// No connection or no answer in time.
    pub const NETWORK: u8 = 6;
    /// A purchase may or may not have happened.
    pub const PURCHASE_UNKNOWN: u8 = 7;
}

/// A command that did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The SDK refused the input or the API answered with an error.
    Api(insurup::Error),
    /// The command line or an input file is wrong.
    Usage(String),
    /// Something on this machine failed (a file, the terminal), or the user interrupted.
    Local(String),
    /// The command already printed what went wrong; only the exit code is left to give.
    Reported(u8),
}

impl From<insurup::Error> for Failure {
    fn from(error: insurup::Error) -> Self {
        Failure::Api(error)
    }
}

impl Failure {
    /// A local failure with the file it concerns.
    pub fn io(action: &str, path: &std::path::Path, error: &std::io::Error) -> Self {
        Failure::Local(format!("could not {action} {}: {error}", path.display()))
    }

    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Api(error) => exit_code(error.kind()),
            Failure::Usage(_) => exit::USAGE,
            Failure::Local(_) => exit::LOCAL,
            Failure::Reported(code) => *code,
        }
    }

    /// Prints the failure: a JSON document on stdout with `--json`, text on stderr otherwise.
    pub fn report(&self, json: bool) {
        if let Failure::Reported(_) = self {
            return;
        }
        if json {
            let document = json!({ "ok": false, "error": self.to_json() });
            render::print_json(&document);
        } else {
            eprintln!("{}", self.to_text());
        }
    }

    /// The failure as JSON: `kind`, `message` and whatever the API sent.
    pub fn to_json(&self) -> Value {
        match self {
            Failure::Api(error) => error_json(error),
            Failure::Usage(message) => json!({
                "kind": "UsageError", "message": message, "exitCode": exit::USAGE,
            }),
            Failure::Local(message) => json!({
                "kind": "LocalError", "message": message, "exitCode": exit::LOCAL,
            }),
            Failure::Reported(code) => json!({ "kind": "Reported", "exitCode": code }),
        }
    }

    fn to_text(&self) -> String {
        let label = render::failure("error:");
        match self {
            Failure::Api(error) => {
                let mut text = format!("{label} {}", error_text(error));
                if matches!(
                    error.kind(),
                    ErrorKind::Authentication | ErrorKind::TwoFactorRequired
                ) {
                    text.push_str(
                        "\n  hint: `insurup login` starts a session; see `insurup --help` for \
                         credentials in the environment or the config file",
                    );
                }
                text
            }
            Failure::Usage(message) | Failure::Local(message) => format!("{label} {message}"),
            Failure::Reported(_) => String::new(),
        }
    }
}

/// The exit code for an SDK error kind.
pub fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Validation | ErrorKind::BadRequest => exit::USAGE,
        ErrorKind::Authentication | ErrorKind::TwoFactorRequired | ErrorKind::PermissionDenied => {
            exit::AUTH
        }
        ErrorKind::NotFound => exit::NOT_FOUND,
        ErrorKind::Timeout | ErrorKind::Connection => exit::NETWORK,
        ErrorKind::PurchaseOutcomeUnknown => exit::PURCHASE_UNKNOWN,
        // The session file could not be written: a problem on this machine.
        ErrorKind::TokenStore => exit::LOCAL,
        _ => exit::API,
    }
}

/// An SDK error as JSON. The SDK keeps secrets out of its errors, so every field is safe to print.
pub fn error_json(error: &insurup::Error) -> Value {
    let mut object = json!({
        "kind": error.kind().class_name(),
        "message": error.message(),
        "exitCode": exit_code(error.kind()),
    });
    let mut add = |key: &str, value: Value| {
        if let Some(map) = object.as_object_mut() {
            map.insert(key.to_owned(), value);
        }
    };
    if let Some(status) = error.status() {
        add("status", json!(status));
    }
    if let Some(field) = error.field() {
        add("field", json!(field));
    }
    if !error.codes().is_empty() {
        add("codes", json!(error.codes()));
    }
    if !error.suggestions().is_empty() {
        add("suggestions", json!(error.suggestions()));
    }
    if !error.validation_errors().is_empty() {
        let fields: Vec<Value> = error
            .validation_errors()
            .iter()
            .map(|field| json!({ "field": field.property_name, "message": field.error_message }))
            .collect();
        add("validationErrors", Value::Array(fields));
    }
    if let Some(wait) = error.retry_after() {
        add("retryAfterSeconds", json!(wait.as_secs_f64()));
    }
    if let Some(purchase) = error.purchase() {
        add(
            "purchase",
            json!({ "proposalId": purchase.proposal_id, "productId": purchase.product_id }),
        );
    }
    if let Some(id) = error.request_id() {
        add("requestId", json!(id));
    }
    if let Some(id) = error.trace_id() {
        add("traceId", json!(id));
    }
    object
}

/// An SDK error as a few lines of text: the message, then what the API sent.
pub fn error_text(error: &insurup::Error) -> String {
    let mut text = error.to_string();
    let mut facts = vec![error.kind().class_name().to_owned()];
    if let Some(status) = error.status() {
        facts.push(format!("HTTP {status}"));
    }
    if !error.codes().is_empty() {
        facts.push(format!("codes {}", error.codes().join(", ")));
    }
    if let Some(wait) = error.retry_after() {
        facts.push(format!("retry after {} s", wait.as_secs()));
    }
    text.push_str(&format!("\n  {}", facts.join(", ")));
    for field in error.validation_errors() {
        text.push_str(&format!(
            "\n  {}: {}",
            field.property_name, field.error_message
        ));
    }
    if let Some(purchase) = error.purchase() {
        text.push_str(&format!(
            "\n  proposal {}, product {}: check it with `insurup proposals get {}` before trying again",
            purchase.proposal_id, purchase.product_id, purchase.proposal_id
        ));
    }
    let ids: Vec<String> = [
        ("request id", error.request_id()),
        ("trace id", error.trace_id()),
    ]
    .into_iter()
    .filter_map(|(name, id)| id.map(|id| format!("{name} {id}")))
    .collect();
    if !ids.is_empty() {
        text.push_str(&format!("\n  {}", ids.join(", ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_kinds_map_to_the_exit_codes_the_help_documents() {
        let cases = [
            (ErrorKind::Validation, 2),
            (ErrorKind::BadRequest, 2),
            (ErrorKind::Authentication, 3),
            (ErrorKind::TwoFactorRequired, 3),
            (ErrorKind::PermissionDenied, 3),
            (ErrorKind::NotFound, 4),
            (ErrorKind::Conflict, 5),
            (ErrorKind::Unprocessable, 5),
            (ErrorKind::RateLimit, 5),
            (ErrorKind::Server, 5),
            (ErrorKind::Decode, 5),
            (ErrorKind::Timeout, 6),
            (ErrorKind::Connection, 6),
            (ErrorKind::PurchaseOutcomeUnknown, 7),
            (ErrorKind::TokenStore, 1),
        ];
        assert_eq!(cases.len(), ErrorKind::ALL.len(), "every kind is listed");
        for (kind, code) in cases {
            assert_eq!(exit_code(kind), code, "{kind:?}");
        }
    }

    #[test]
    fn a_validation_error_names_its_field_in_json() {
        let error = insurup::Error::validation("plate", "must be a Turkish plate");
        let json = error_json(&error);
        assert_eq!(json["kind"], "ValidationError");
        assert_eq!(json["field"], "plate");
        assert_eq!(json["exitCode"], 2);
    }
}
