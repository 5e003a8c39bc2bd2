//! Rewrites the validation errors of the GraphQL engine into the ones HotChocolate (InsurUp's
//! server) sends, so a client meets the real texts and extensions: `The field `x` does not exist
//! on the type `Query`.`, `The argument `x` does not exist.`, and for a variable declared with
//! another dialect's type name, `The variable `x` is not compatible with the type of the current
//! location.` (HotChocolate reports no "unknown type" for variables; the usage check catches it.)
//! Texts from HotChocolate's `Validation/Properties/Resources.resx` and `ErrorHelper.cs`.

use async_graphql::dynamic::Schema;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensionValues, Value};

const SPEC: &str = "https://spec.graphql.org/October2021/#";

/// A validation error as HotChocolate words it.
struct Translated {
    message: String,
    extensions: Vec<(&'static str, Value)>,
    /// Errors about the same variable are reported once.
    variable: Option<String>,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str)> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some((
        &text[start..start + len],
        &text[start + len + close.len()..],
    ))
}

/// The quoted words of an async-graphql message, in order (`Unknown field "a" on type "B".`).
fn quoted(message: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = message;
    while let Some((word, tail)) = between(rest, "\"", "\"") {
        out.push(word);
        rest = tail;
    }
    out
}

/// Where `$variable` is used as a root field's argument: the argument's declared type.
fn location_type(schema: &Schema, document: &ExecutableDocument, variable: &str) -> Option<String> {
    let query = schema.registry().types.get("Query")?;
    let mut found = None;
    for (_, operation) in document.operations.iter() {
        visit(
            &operation.node.selection_set.node,
            &mut |field_name, argument, value| {
                if value == format!("${variable}") && found.is_none() {
                    found = query
                        .field_by_name(field_name)
                        .and_then(|f| f.args.get(argument))
                        .map(|a| a.ty.clone());
                }
            },
        );
    }
    found
}

/// Calls `on_argument(field, argument, printed value)` for every root field argument (a variable
/// prints as `$name`).
fn visit(selection_set: &SelectionSet, on_argument: &mut impl FnMut(&str, &str, String)) {
    for item in &selection_set.items {
        if let Selection::Field(field) = &item.node {
            for (name, value) in &field.node.arguments {
                on_argument(
                    field.node.name.node.as_str(),
                    name.node.as_str(),
                    value.node.to_string(),
                );
            }
        }
    }
}

fn declared_type(document: &ExecutableDocument, variable: &str) -> Option<String> {
    document.operations.iter().find_map(|(_, op)| {
        op.node
            .variable_definitions
            .iter()
            .find(|d| d.node.name.node.as_str() == variable)
            .map(|d| d.node.var_type.node.to_string())
    })
}

fn variables_of_type(document: &ExecutableDocument, type_name: &str) -> Vec<String> {
    document
        .operations
        .iter()
        .flat_map(|(_, op)| op.node.variable_definitions.iter())
        .filter(|d| {
            let printed = d.node.var_type.node.to_string();
            printed.trim_matches(|c| c == '[' || c == ']' || c == '!') == type_name
        })
        .map(|d| d.node.name.node.to_string())
        .collect()
}

fn incompatible(
    variable: &str,
    variable_type: Option<String>,
    location: Option<String>,
) -> Translated {
    let mut extensions = vec![("variable", Value::from(variable))];
    if let Some(t) = variable_type {
        extensions.push(("variableType", Value::from(t)));
    }
    if let Some(t) = location {
        extensions.push(("locationType", Value::from(t)));
    }
    extensions.push((
        "specifiedBy",
        Value::from(format!("{SPEC}sec-All-Variable-Usages-are-Allowed")),
    ));
    Translated {
        message: format!(
            "The variable `{variable}` is not compatible with the type of the current location."
        ),
        extensions,
        variable: Some(variable.to_owned()),
    }
}

fn translate(
    message: &str,
    schema: &Schema,
    document: Option<&ExecutableDocument>,
) -> Vec<Translated> {
    let words = quoted(message);
    if message.starts_with("Unknown field ") && words.len() >= 2 {
        let (field, owner) = (words[0], words[1]);
        return vec![Translated {
            message: format!("The field `{field}` does not exist on the type `{owner}`."),
            extensions: vec![
                ("type", Value::from(owner)),
                ("field", Value::from(field)),
                ("responseName", Value::from(field)),
                (
                    "specifiedBy",
                    Value::from(format!(
                        "{SPEC}sec-Field-Selections-on-Objects-Interfaces-and-Unions-Types"
                    )),
                ),
            ],
            variable: None,
        }];
    }
    if message.starts_with("Unknown argument ") && words.len() >= 3 {
        let (argument, field, owner) = (words[0], words[1], words[2]);
        return vec![Translated {
            message: format!("The argument `{argument}` does not exist."),
            extensions: vec![
                ("type", Value::from(owner)),
                ("field", Value::from(field)),
                ("argument", Value::from(argument)),
                (
                    "specifiedBy",
                    Value::from(format!("{SPEC}sec-Required-Arguments")),
                ),
            ],
            variable: None,
        }];
    }
    if let (true, Some(document), Some(type_name)) = (
        message.starts_with("Unknown type "),
        document,
        words.first(),
    ) {
        let variables = variables_of_type(document, type_name);
        if !variables.is_empty() {
            return variables
                .iter()
                .map(|v| {
                    incompatible(
                        v,
                        declared_type(document, v),
                        location_type(schema, document, v),
                    )
                })
                .collect();
        }
    }
    if message.starts_with("Variable ")
        && message.contains("used in position expecting")
        && words.len() >= 3
    {
        // async-graphql: `Variable "x" of type "<location>" used in position expecting type "<declared>"`.
        let variable = words[0].trim_start_matches('$');
        return vec![incompatible(
            variable,
            Some(words[2].to_owned()),
            Some(words[1].to_owned()),
        )];
    }
    vec![Translated {
        message: message.to_owned(),
        extensions: Vec::new(),
        variable: None,
    }]
}

/// Rewrites a response's validation errors in place. Errors raised by resolvers (they have a
/// path) are InsurUp's own and stay as they are.
pub fn rewrite(response: &mut async_graphql::Response, schema: &Schema, query: &str) {
    if response.errors.is_empty() || response.errors.iter().any(|e| !e.path.is_empty()) {
        return;
    }
    let document = async_graphql::parser::parse_query(query).ok();
    let mut seen_variables: Vec<String> = Vec::new();
    let mut rewritten = Vec::new();
    for error in std::mem::take(&mut response.errors) {
        for t in translate(&error.message, schema, document.as_ref()) {
            if let Some(v) = &t.variable {
                if seen_variables.contains(v) {
                    continue;
                }
                seen_variables.push(v.clone());
            }
            let mut extensions = ErrorExtensionValues::default();
            for (key, value) in t.extensions {
                extensions.set(key, value);
            }
            let mut out = error.clone();
            out.message = t.message;
            out.extensions = Some(extensions);
            rewritten.push(out);
        }
    }
    response.errors = rewritten;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_come_out_in_order() {
        assert_eq!(
            quoted(r#"Unknown argument "orderBy" on field "policiesNew" of type "Query"."#),
            vec!["orderBy", "policiesNew", "Query"]
        );
    }
}
