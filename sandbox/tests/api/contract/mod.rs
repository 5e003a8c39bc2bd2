//! What the sandbox says it serves: `GET /openapi.json` (derived from the handlers) and
//! `GET /graphql/schema` (the dialect's SDL), snapshotted per dialect so a contract change shows up
//! in review, and checked against what is actually served.

use insurup_sandbox::Dialect;
use serde_json::Value;

use crate::common::*;

const ALL: [Dialect; 3] = Dialect::ALL_STRICT;

async fn anonymous_get(api: &Api, path: &str) -> Reply {
    Reply::from(api.http.get(api.url(path)).send().await.expect("request")).await
}

/// The document with this run's auth origin (a random port) replaced by a stable placeholder.
async fn openapi(api: &Api) -> Value {
    let reply = anonymous_get(api, "/openapi.json").await.expect(200);
    let text = reply
        .text
        .replace(api.sandbox.auth_url(), "http://auth-origin");
    serde_json::from_str(&text).expect("OpenAPI JSON")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_openapi_document_of_each_dialect_is_unchanged() {
    for dialect in ALL {
        let api = Api::start_in(dialect).await;
        let document = openapi(&api).await;
        assert_eq!(document["openapi"], "3.1.0");
        insta::assert_json_snapshot!(format!("openapi_{dialect}"), document);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_graphql_sdl_of_each_dialect_is_public_and_unchanged() {
    for dialect in ALL {
        let api = Api::start_in(dialect).await;
        let reply = anonymous_get(&api, "/graphql/schema").await.expect(200);
        assert_eq!(
            reply.header("content-type"),
            Some("text/plain; charset=utf-8")
        );
        insta::assert_snapshot!(format!("graphql_sdl_{dialect}"), reply.text);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_documented_operation_is_served_and_test_controls_are_not_documented() {
    for dialect in ALL {
        let api = Api::start_in(dialect).await;
        let document = openapi(&api).await;
        let paths = document["paths"].as_object().cloned().unwrap_or_default();
        assert!(paths.len() > 40, "{dialect}: {} paths", paths.len());
        for (path, item) in &paths {
            assert!(!path.starts_with("/__sandbox"), "{path} is a test control");
            let origin = item["servers"][0]["url"]
                .as_str()
                .map(|_| api.sandbox.auth_url().to_owned())
                .unwrap_or_else(|| api.sandbox.base_url().to_owned());
            // Every path parameter gets a value the router matches; the handler may then refuse it.
            let concrete = path
                .split('/')
                .map(|s| if s.starts_with('{') { "1" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            for method in item.as_object().into_iter().flatten().map(|(m, _)| m) {
                let method = match method.as_str() {
                    "get" => reqwest::Method::GET,
                    "post" => reqwest::Method::POST,
                    "put" => reqwest::Method::PUT,
                    "delete" => reqwest::Method::DELETE,
                    _ => continue,
                };
                let reply = Reply::from(
                    api.http
                        .request(method.clone(), format!("{origin}{concrete}"))
                        .send()
                        .await
                        .expect("request"),
                )
                .await;
                let codes = reply.body["codes"].to_string();
                assert!(
                    !codes.contains("ENDPOINT_NOT_FOUND") && !codes.contains("METHOD_NOT_ALLOWED"),
                    "{dialect}: {method} {path} is documented but not served: {}",
                    reply.text
                );
            }
        }
    }
}
