//! The sandbox speaks one documented dialect at a time and refuses the others' spellings the way
//! InsurUp's stack would (HotChocolate for GraphQL, ASP.NET Core for bodies). Each test here is a
//! row of `tests/DIALECTS.md`.

mod graphql;
mod rest;
mod vendor_client;

use serde_json::Value;

use crate::common::Reply;

/// Asserts a GraphQL request was refused by validation with HotChocolate's message, as the
/// GraphQL-over-HTTP media type answers it (400).
#[track_caller]
pub fn assert_refused(reply: &Reply, message: &str) {
    assert_eq!(reply.status, 400, "refused with 400: {}", reply.text);
    assert_eq!(
        reply.header("content-type"),
        Some("application/graphql-response+json; charset=utf-8")
    );
    assert!(reply.body["data"].is_null(), "{}", reply.text);
    let all = errors(&reply.body);
    let messages: Vec<&str> = all.iter().filter_map(|e| e["message"].as_str()).collect();
    assert!(
        messages.contains(&message),
        "expected «{message}» among {messages:?}"
    );
}

pub fn errors(body: &Value) -> Vec<Value> {
    body["errors"].as_array().cloned().unwrap_or_default()
}

/// Asserts a GraphQL request ran without errors and returns its data.
#[track_caller]
pub fn assert_ran(reply: Reply) -> Value {
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(errors(&reply.body).is_empty(), "{}", reply.text);
    reply.body["data"].clone()
}
