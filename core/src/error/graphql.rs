//! GraphQL `errors[]` entries, read tolerantly: a server that sends `extensions: null` or no
//! `path` still gives the caller its message.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// One entry of a GraphQL `errors[]` array.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphQlError {
    /// Human-readable message.
    pub message: String,
    /// Path of the field that failed.
    pub path: Vec<Value>,
    /// `extensions`, with `code`, `traceId`, `codes`, `suggestions` when the server sends them.
    pub extensions: Map<String, Value>,
}

impl GraphQlError {
    /// `extensions.code`, e.g. `"NOT_FOUND"`.
    pub fn code(&self) -> Option<&str> {
        self.extensions.get("code").and_then(Value::as_str)
    }

    /// Reads an entry of any shape; what is missing or mistyped is left empty.
    pub fn from_value(value: &Value) -> Self {
        match value {
            Value::Object(object) => GraphQlError {
                message: match object.get("message") {
                    Some(Value::String(message)) => message.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                },
                path: object
                    .get("path")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
                extensions: object
                    .get("extensions")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default(),
            },
            Value::String(message) => GraphQlError {
                message: message.clone(),
                ..GraphQlError::default()
            },
            _ => GraphQlError::default(),
        }
    }

    /// Reads an `errors` member: an array of entries, `null`, or anything else (no errors).
    pub(crate) fn list_from_value(value: &Value) -> Vec<GraphQlError> {
        match value {
            Value::Array(items) => items.iter().map(GraphQlError::from_value).collect(),
            Value::Null => Vec::new(),
            other => vec![GraphQlError::from_value(other)],
        }
    }
}

impl<'de> Deserialize<'de> for GraphQlError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(GraphQlError::from_value(&Value::deserialize(deserializer)?))
    }
}

/// For `#[serde(deserialize_with)]` on an `errors` member that may be `null`.
pub(crate) fn deserialize_errors<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<GraphQlError>, D::Error> {
    Ok(GraphQlError::list_from_value(&Value::deserialize(
        deserializer,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_extensions_and_paths_keep_the_message() {
        let errors = GraphQlError::list_from_value(&serde_json::json!([
            {"message": "Yetkiniz yok.", "extensions": null, "path": null},
            {"message": null},
            "plain text"
        ]));
        assert_eq!(errors[0].message, "Yetkiniz yok.");
        assert!(errors[0].extensions.is_empty());
        assert_eq!(errors[1].message, "");
        assert_eq!(errors[2].message, "plain text");
        assert!(GraphQlError::list_from_value(&Value::Null).is_empty());
    }
}
