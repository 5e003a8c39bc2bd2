//! A user's OAuth sign-in against the authorization server: discovery, PAR, the login page, the
//! approve control, the code exchange with PKCE, refresh rotation and revocation.

use base64::Engine;
use insurup_sandbox::Dialect;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::common::*;

const REDIRECT: &str = "http://127.0.0.1:53682/callback";
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

fn challenge(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A client that shows redirects instead of following them.
fn browser() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

fn query_of(url: &str) -> Vec<(String, String)> {
    let parsed = url::Url::parse(url).expect("a URL");
    parsed.query_pairs().into_owned().collect()
}

fn param(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.clone())
}

fn authorize_params(state: &str) -> Vec<(&'static str, String)> {
    vec![
        ("client_id", "sandbox-app".into()),
        ("redirect_uri", REDIRECT.into()),
        ("response_type", "code".into()),
        ("scope", "openid profile offline_access core-api".into()),
        ("state", state.into()),
        ("code_challenge", challenge(VERIFIER)),
        ("code_challenge_method", "S256".into()),
    ]
}

async fn form_post(api: &Api, path: &str, form: &[(&str, String)]) -> Reply {
    Reply::from(
        browser()
            .post(api.auth_url(path))
            .form(form)
            .send()
            .await
            .expect("request"),
    )
    .await
}

async fn approve(api: &Api, url: &str) -> Vec<(String, String)> {
    let reply = api
        .control("/__sandbox/oauth/approve", json!({ "url": url }))
        .await
        .expect(200);
    query_of(reply.body["redirectUrl"].as_str().expect("redirect URL"))
}

async fn exchange(api: &Api, code: &str, verifier: &str) -> Reply {
    form_post(
        api,
        "/connect/token",
        &[
            ("grant_type", "authorization_code".into()),
            ("client_id", "sandbox-app".into()),
            ("code", code.into()),
            ("redirect_uri", REDIRECT.into()),
            ("code_verifier", verifier.into()),
        ],
    )
    .await
}

async fn refresh(api: &Api, token: &str) -> Reply {
    form_post(
        api,
        "/connect/token",
        &[
            ("grant_type", "refresh_token".into()),
            ("client_id", "sandbox-app".into()),
            ("refresh_token", token.into()),
        ],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn discovery_names_every_endpoint_on_the_auth_origin() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let reply = Reply::from(
            api.http
                .get(api.auth_url("/.well-known/openid-configuration"))
                .send()
                .await
                .expect("request"),
        )
        .await
        .expect(200);
        let origin = api.sandbox.auth_url();
        assert_eq!(reply.body["issuer"], format!("{origin}/"), "{dialect}");
        for (name, path) in [
            ("authorization_endpoint", "/connect/authorize"),
            ("token_endpoint", "/connect/token"),
            ("revocation_endpoint", "/connect/revoke"),
            ("pushed_authorization_request_endpoint", "/connect/par"),
            ("end_session_endpoint", "/connect/logout"),
        ] {
            assert_eq!(reply.body[name], format!("{origin}{path}"), "{dialect}");
        }
        assert_eq!(
            reply.body["code_challenge_methods_supported"],
            json!(["S256"])
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_signs_in_through_par_and_the_login_page_and_the_token_works_on_the_api() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let pushed = form_post(&api, "/connect/par", &authorize_params("s-1"))
            .await
            .expect(201);
        let request_uri = pushed.body["request_uri"].as_str().expect("request_uri");
        assert!(request_uri.starts_with("urn:ietf:params:oauth:request_uri:"));
        let page = Reply::from(
            browser()
                .get(api.auth_url("/connect/authorize"))
                .query(&[("client_id", "sandbox-app"), ("request_uri", request_uri)])
                .send()
                .await
                .expect("request"),
        )
        .await
        .expect(200);
        assert!(page.text.contains("<form"), "{}", page.text);
        // The login form carries the request back with the user's credentials.
        let mut form = authorize_params("s-1");
        form.push(("email", AGENT_EMAIL.into()));
        form.push(("password", "wrong".into()));
        form.push(("decision", "approve".into()));
        form_post(&api, "/connect/authorize", &form)
            .await
            .expect(401);
        form.retain(|(name, _)| *name != "password");
        form.push(("password", PASSWORD.into()));
        let callback = form_post(&api, "/connect/authorize", &form)
            .await
            .expect(302);
        let location = callback.header("location").expect("location");
        assert!(location.starts_with(REDIRECT), "{location}");
        let pairs = query_of(location);
        assert_eq!(param(&pairs, "state").as_deref(), Some("s-1"));
        assert_eq!(
            param(&pairs, "iss"),
            Some(format!("{}/", api.sandbox.auth_url()))
        );
        let code = param(&pairs, "code").expect("code");

        let tokens = exchange(&api, &code, VERIFIER).await.expect(200);
        assert_eq!(tokens.body["token_type"], "Bearer");
        let access = tokens.body["access_token"].as_str().expect("access token");
        let me = api
            .get_with("/api/agent-users/me", access)
            .await
            .expect(200);
        assert_eq!(me.body["isServiceAccount"], false, "{dialect}");
        assert_eq!(me.body["email"], AGENT_EMAIL);
        // The code is single-use.
        let again = exchange(&api, &code, VERIFIER).await.expect(400);
        assert_eq!(again.body["error"], "invalid_grant");
        assert_eq!(api.stats().await["authorizationCodes"], 1);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_code_is_redeemed_only_with_its_verifier_and_redirect_uri() {
    let api = Api::start().await;
    let url = format!(
        "{}/connect/authorize?{}",
        api.sandbox.auth_url(),
        serde_urlencoded::to_string(authorize_params("s")).expect("query")
    );
    let code = param(&approve(&api, &url).await, "code").expect("code");
    let wrong = exchange(&api, &code, &"x".repeat(43)).await.expect(400);
    assert_eq!(wrong.body["error"], "invalid_grant");
    // A failed exchange used the code up.
    let code = param(&approve(&api, &url).await, "code").expect("code");
    let moved = form_post(
        &api,
        "/connect/token",
        &[
            ("grant_type", "authorization_code".into()),
            ("client_id", "sandbox-app".into()),
            ("code", code),
            ("redirect_uri", "http://127.0.0.1:1/elsewhere".into()),
            ("code_verifier", VERIFIER.into()),
        ],
    )
    .await
    .expect(400);
    assert_eq!(moved.body["error"], "invalid_grant");
}

#[tokio::test(flavor = "multi_thread")]
async fn refresh_tokens_rotate_and_revocation_ends_the_sign_in() {
    let api = Api::start_in(Dialect::VendorSdk).await;
    let url = format!(
        "{}/connect/authorize?{}",
        api.sandbox.auth_url(),
        serde_urlencoded::to_string(authorize_params("s")).expect("query")
    );
    let code = param(&approve(&api, &url).await, "code").expect("code");
    let first = exchange(&api, &code, VERIFIER).await.expect(200);
    let old = first.body["refresh_token"].as_str().expect("refresh token");
    let renewed = refresh(&api, old).await.expect(200);
    let new = renewed.body["refresh_token"].as_str().expect("rotated");
    assert_ne!(new, old);
    let reused = refresh(&api, old).await.expect(400);
    assert_eq!(reused.body["error"], "invalid_grant");

    let access = renewed.body["access_token"].as_str().expect("access");
    api.get_with("/api/agent-users/me", access)
        .await
        .expect(200);
    for token in [new, access] {
        form_post(
            &api,
            "/connect/revoke",
            &[("client_id", "sandbox-app".into()), ("token", token.into())],
        )
        .await
        .expect(200);
    }
    refresh(&api, new).await.expect(400);
    api.get_with("/api/agent-users/me", access)
        .await
        .expect(401);
    // Unknown tokens are revoked without complaint (RFC 7009).
    form_post(
        &api,
        "/connect/revoke",
        &[
            ("client_id", "sandbox-app".into()),
            ("token", "nope".into()),
        ],
    )
    .await
    .expect(200);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_authorization_requests_are_refused_as_the_docs_say() {
    let api = Api::start_in(Dialect::GraphqlDocs).await;
    let get = |params: Vec<(&'static str, String)>| {
        let request = browser()
            .get(api.auth_url("/connect/authorize"))
            .query(&params);
        async move { Reply::from(request.send().await.expect("request")).await }
    };
    let mut unknown = authorize_params("s");
    unknown[0].1 = "who".into();
    get(unknown).await.expect(400);
    let mut elsewhere = authorize_params("s");
    elsewhere[1].1 = "https://evil.example/callback".into();
    get(elsewhere).await.expect(400);
    let mut no_pkce = authorize_params("s");
    no_pkce.retain(|(name, _)| !name.starts_with("code_challenge"));
    let reply = get(no_pkce).await.expect(302);
    let pairs = query_of(reply.header("location").expect("location"));
    assert_eq!(param(&pairs, "error").as_deref(), Some("invalid_request"));
    assert_eq!(param(&pairs, "state").as_deref(), Some("s"));

    let url = format!(
        "{}/connect/authorize?{}",
        api.sandbox.auth_url(),
        serde_urlencoded::to_string(authorize_params("s")).expect("query")
    );
    let denied = api
        .control(
            "/__sandbox/oauth/approve",
            json!({ "url": url, "deny": true }),
        )
        .await
        .expect(200);
    let pairs = query_of(denied.body["redirectUrl"].as_str().expect("url"));
    assert_eq!(param(&pairs, "error").as_deref(), Some("access_denied"));
    assert_eq!(param(&pairs, "code"), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_confidential_client_must_prove_its_secret() {
    let api = Api::start().await;
    let mut params = authorize_params("s");
    params[0].1 = "sandbox-web".into();
    let refused = form_post(&api, "/connect/par", &params).await.expect(401);
    assert_eq!(refused.body["error"], "invalid_client");
    params.push(("client_secret", "sandbox-web-secret".into()));
    form_post(&api, "/connect/par", &params).await.expect(201);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_two_factor_account_signs_in_on_the_login_page_with_its_code() {
    let api = Api::start().await;
    let mut form = authorize_params("s");
    form.push(("email", MFA_EMAIL.into()));
    form.push(("password", PASSWORD.into()));
    form.push(("decision", "approve".into()));
    form_post(&api, "/connect/authorize", &form)
        .await
        .expect(401);
    form.push(("otp", "123456".into()));
    let callback = form_post(&api, "/connect/authorize", &form)
        .await
        .expect(302);
    let code = param(
        &query_of(callback.header("location").expect("location")),
        "code",
    );
    let tokens = exchange(&api, &code.expect("code"), VERIFIER)
        .await
        .expect(200);
    let access = tokens.body["access_token"].as_str().expect("access");
    let me = api
        .get_with("/api/agent-users/me", access)
        .await
        .expect(200);
    assert_eq!(me.body["email"], MFA_EMAIL);
}
