//! The authorization server's side of a user's sign-in: discovery, the authorization endpoint with
//! a minimal login page, pushed authorization requests (RFC 9126), the authorization-code and
//! refresh-token grants with PKCE S256 (RFC 7636) and rotation, revocation (RFC 7009) and
//! end-session. The callback carries `iss` (RFC 9207). Served where `/connect/token` is: the auth
//! origin in the dialects that have one, the API origin otherwise.

use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::api::auth::{basic_credentials, issue_access_with_scope, oauth_error, token_id};
use crate::http::extract::read_body;
use crate::simulation::catalog::{
    APP_CLIENT_ID, USER_SCOPES, USERS, WEB_CLIENT_ID, WEB_CLIENT_SECRET, WEB_REDIRECT_URI,
};
use crate::state::AppState;
use crate::store::{IssuedCode, OAuthGrant, PushedRequest};

/// How long an authorization code may wait for its exchange.
const CODE_LIFETIME: Duration = Duration::from_secs(60);
/// How long a pushed authorization request's `request_uri` stays good.
const PUSHED_LIFETIME_SECS: u64 = 90;
const REQUEST_URI_PREFIX: &str = "urn:ietf:params:oauth:request_uri:";

type Form = Vec<(String, String)>;

/// A client that may sign users in: the public app client, or the confidential web one.
struct SignInClient {
    id: &'static str,
    secret: Option<&'static str>,
}

const SIGN_IN_CLIENTS: &[SignInClient] = &[
    SignInClient {
        id: APP_CLIENT_ID,
        secret: None,
    },
    SignInClient {
        id: WEB_CLIENT_ID,
        secret: Some(WEB_CLIENT_SECRET),
    },
];

fn sign_in_client(id: &str) -> Option<&'static SignInClient> {
    SIGN_IN_CLIENTS.iter().find(|client| client.id == id)
}

/// Registered redirect URIs: the web CRM's, and any loopback one whatever its port (RFC 8252 §7.3).
fn redirect_allowed(uri: &str) -> bool {
    if uri == WEB_REDIRECT_URI {
        return true;
    }
    let Ok(url) = url::Url::parse(uri) else {
        return false;
    };
    let loopback = match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    url.scheme() == "http" && loopback && url.fragment().is_none()
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The issuer, as discovery names it and as the callback's `iss` carries it.
fn issuer(app: &AppState) -> String {
    format!("{}/", app.auth_url)
}

/// `GET /.well-known/openid-configuration`: where each endpoint is and what the server supports.
#[utoipa::path(get, path = "/.well-known/openid-configuration", tag = "authentication",
    responses((status = 200, description = "Discovery document of the authorization server", body = DiscoveryDocument)))]
pub async fn openid_configuration(State(app): State<AppState>) -> Json<serde_json::Value> {
    let origin = app.auth_url.as_str();
    Json(json!({
        "issuer": issuer(&app),
        "authorization_endpoint": format!("{origin}/connect/authorize"),
        "token_endpoint": format!("{origin}/connect/token"),
        "revocation_endpoint": format!("{origin}/connect/revoke"),
        "pushed_authorization_request_endpoint": format!("{origin}/connect/par"),
        "end_session_endpoint": format!("{origin}/connect/logout"),
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "none"],
        "scopes_supported": USER_SCOPES,
        "authorization_response_iss_parameter_supported": true,
        "require_pushed_authorization_requests": false,
    }))
}

/// An authorization request that passed every check.
#[derive(Debug)]
struct Authorization {
    client_id: String,
    redirect_uri: String,
    scope: String,
    state: Option<String>,
    code_challenge: String,
}

/// Why an authorization request is refused: before its redirect URI is trusted the refusal is a
/// page of its own (400); after, it goes back to the client on the redirect.
#[derive(Debug)]
enum Refusal {
    Page(&'static str, String),
    Redirect {
        redirect_uri: String,
        state: Option<String>,
        error: &'static str,
        description: String,
    },
}

impl Refusal {
    fn into_response(self, app: &AppState) -> Response {
        match self {
            Refusal::Page(error, description) => {
                oauth_error(StatusCode::BAD_REQUEST, error, &description)
            }
            Refusal::Redirect {
                redirect_uri,
                state,
                error,
                description,
            } => {
                let mut params = vec![("error", error.to_owned())];
                params.push(("error_description", description));
                if let Some(state) = state {
                    params.push(("state", state));
                }
                params.push(("iss", issuer(app)));
                found(&with_query(&redirect_uri, &params))
            }
        }
    }

    /// The JSON error of a refused pushed request.
    fn into_json(self) -> Response {
        match self {
            Refusal::Page(error, description)
            | Refusal::Redirect {
                error, description, ..
            } => oauth_error(StatusCode::BAD_REQUEST, error, &description),
        }
    }
}

fn with_query(uri: &str, params: &[(&str, String)]) -> String {
    match url::Url::parse(uri) {
        Ok(mut url) => {
            url.query_pairs_mut().extend_pairs(params);
            url.into()
        }
        Err(_) => uri.to_owned(),
    }
}

fn found(location: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, location.to_owned())]).into_response()
}

/// Checks an authorization request's parameters (the query, a pushed request's, or the login
/// form's hidden fields).
fn check(params: &[(String, String)]) -> Result<Authorization, Refusal> {
    let client_id = field(params, "client_id").unwrap_or_default();
    if client_id.is_empty() {
        return Err(Refusal::Page(
            "invalid_request",
            "The client_id parameter is missing.".into(),
        ));
    }
    if sign_in_client(client_id).is_none() {
        return Err(Refusal::Page(
            "invalid_client",
            "The client application is unknown.".into(),
        ));
    }
    let redirect_uri = field(params, "redirect_uri").unwrap_or_default();
    if !redirect_allowed(redirect_uri) {
        return Err(Refusal::Page(
            "invalid_request",
            "The redirect_uri is not registered for this client.".into(),
        ));
    }
    let state = field(params, "state").map(str::to_owned);
    let refuse = |error: &'static str, description: &str| Refusal::Redirect {
        redirect_uri: redirect_uri.to_owned(),
        state: state.clone(),
        error,
        description: description.to_owned(),
    };
    if field(params, "response_type") != Some("code") {
        return Err(refuse(
            "unsupported_response_type",
            "Only response_type=code is supported.",
        ));
    }
    let code_challenge = field(params, "code_challenge").unwrap_or_default();
    if code_challenge.len() != 43 {
        return Err(refuse(
            "invalid_request",
            "A PKCE code_challenge (S256) is required.",
        ));
    }
    if field(params, "code_challenge_method") != Some("S256") {
        return Err(refuse(
            "invalid_request",
            "code_challenge_method must be S256.",
        ));
    }
    let scope = field(params, "scope").unwrap_or("openid").trim().to_owned();
    if scope.is_empty()
        || scope
            .split_whitespace()
            .any(|scope| !USER_SCOPES.contains(&scope))
    {
        return Err(refuse(
            "invalid_scope",
            "A requested scope is not assigned to this client.",
        ));
    }
    Ok(Authorization {
        client_id: client_id.to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        scope,
        state,
        code_challenge: code_challenge.to_owned(),
    })
}

/// The parameters of an authorization request: the query's own, or the pushed request a
/// `request_uri` names (used once).
fn resolve(app: &AppState, query: Form) -> Result<Form, Refusal> {
    let Some(request_uri) = field(&query, "request_uri") else {
        return Ok(query);
    };
    let id = request_uri
        .strip_prefix(REQUEST_URI_PREFIX)
        .unwrap_or_default();
    let pushed = app.store.with(|data| data.auth.oauth.pushed.remove(id));
    let Some(pushed) = pushed.filter(|pushed| pushed.expires_at > Instant::now()) else {
        return Err(Refusal::Page(
            "invalid_request_uri",
            "The request_uri is unknown, used or expired.".into(),
        ));
    };
    if field(&query, "client_id") != field(&pushed.params, "client_id") {
        return Err(Refusal::Page(
            "invalid_request",
            "The client_id differs from the pushed request's.".into(),
        ));
    }
    Ok(pushed.params)
}

fn query_pairs(query: Option<&str>) -> Form {
    serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default()
}

/// Approves `authorization` for `subject`: a single-use code, and the callback URL carrying it.
fn approve(app: &AppState, authorization: Authorization, subject: &str) -> String {
    let code = hex::encode(rand::random::<[u8; 32]>());
    app.store.with(|data| {
        data.auth.oauth.codes.insert(
            code.clone(),
            IssuedCode {
                client_id: authorization.client_id.clone(),
                redirect_uri: authorization.redirect_uri.clone(),
                code_challenge: authorization.code_challenge.clone(),
                grant: OAuthGrant {
                    client_id: authorization.client_id.clone(),
                    subject: subject.to_owned(),
                    scope: authorization.scope.clone(),
                },
                expires_at: Instant::now() + CODE_LIFETIME,
            },
        );
    });
    let mut params = vec![("code", code)];
    if let Some(state) = authorization.state {
        params.push(("state", state));
    }
    params.push(("iss", issuer(app)));
    with_query(&authorization.redirect_uri, &params)
}

/// `GET /connect/authorize`: nobody is signed in here, so a valid request gets the login page.
#[utoipa::path(get, path = "/connect/authorize", tag = "authentication",
    params(
        ("client_id" = Option<String>, Query, description = "`sandbox-app` (public) or `sandbox-web` (confidential)"),
        ("redirect_uri" = Option<String>, Query, description = "A loopback URI, or the web client's registered one"),
        ("response_type" = Option<String>, Query, description = "`code`"),
        ("scope" = Option<String>, Query, description = "e.g. `openid profile offline_access core-api`"),
        ("state" = Option<String>, Query),
        ("code_challenge" = Option<String>, Query, description = "BASE64URL(SHA-256(code_verifier))"),
        ("code_challenge_method" = Option<String>, Query, description = "`S256`"),
        ("request_uri" = Option<String>, Query, description = "From `POST /connect/par`, instead of the other parameters"),
    ),
    responses(
        (status = 200, description = "The login page", content_type = "text/html", body = String),
        (status = 302, description = "Back to the redirect URI with an `error` (and `state`, `iss`)"),
        (status = 400, description = "Unknown client, unregistered redirect URI or bad `request_uri`", body = crate::api::auth::OAuthError),
        (status = 413, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails)
    ))]
pub async fn authorize(State(app): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let outcome = resolve(&app, query_pairs(query.as_deref()))
        .and_then(|params| check(&params).map(|authorization| (params, authorization)));
    match outcome {
        Ok((params, _)) => login_page(&params, None).into_response(),
        Err(refusal) => refusal.into_response(&app),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Fields of the authorization request that the login form carries back.
const CARRIED: &[&str] = &[
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
];

fn login_page(params: &[(String, String)], problem: Option<&str>) -> (StatusCode, Html<String>) {
    let hidden: String = CARRIED
        .iter()
        .filter_map(|name| {
            field(params, name).map(|value| {
                format!(
                    "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                    escape(value)
                )
            })
        })
        .collect();
    let message = problem
        .map(|text| format!("<p role=\"alert\">{}</p>", escape(text)))
        .unwrap_or_default();
    let status = if problem.is_some() {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    (
        status,
        Html(format!(
            "<!doctype html><html lang=\"tr\"><head><meta charset=\"utf-8\"><title>InsurUp sandbox: giriş</title></head>\
             <body><h1>InsurUp sandbox</h1>{message}<form method=\"post\" action=\"/connect/authorize\">{hidden}\
             <label>E-posta <input name=\"email\" type=\"email\" value=\"agent@sandbox.insurup.test\"></label>\
             <label>Şifre <input name=\"password\" type=\"password\"></label>\
             <label>Doğrulama kodu (2FA hesapları) <input name=\"otp\" inputmode=\"numeric\"></label>\
             <button name=\"decision\" value=\"approve\">Giriş yap ve izin ver</button>\
             <button name=\"decision\" value=\"deny\">Reddet</button></form></body></html>"
        )),
    )
}

/// `POST /connect/authorize`: the login page's form; approves (302 with a code) or denies (302
/// with `error=access_denied`).
#[utoipa::path(post, path = "/connect/authorize", tag = "authentication",
    request_body(content = LoginForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 302, description = "Back to the redirect URI with `code` or `error`, and `state`, `iss`"),
        (status = 400, description = "Unknown client or unregistered redirect URI", body = crate::api::auth::OAuthError),
        (status = 401, description = "Wrong e-mail, password or 2FA code: the login page again", content_type = "text/html", body = String),
        (status = 413, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails)
    ))]
pub async fn authorize_form(State(app): State<AppState>, request: Request) -> Response {
    let form = match read_form(request).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let authorization = match check(&form) {
        Ok(authorization) => authorization,
        Err(refusal) => return refusal.into_response(&app),
    };
    if field(&form, "decision") == Some("deny") {
        return denied(authorization).into_response(&app);
    }
    let email = field(&form, "email").unwrap_or_default().trim();
    let password = field(&form, "password").unwrap_or_default();
    let Some(user) = USERS
        .iter()
        .find(|user| user.email.eq_ignore_ascii_case(email) && user.password == password)
    else {
        return login_page(&form, Some("E-posta adresi veya şifre hatalı.")).into_response();
    };
    if user.two_factor && field(&form, "otp").map(str::trim) != Some(app.config.mfa_code.as_str()) {
        return login_page(&form, Some("Doğrulama kodu hatalı.")).into_response();
    }
    app.store.with(|data| data.stats.logins += 1);
    found(&approve(&app, authorization, user.id))
}

fn denied(authorization: Authorization) -> Refusal {
    Refusal::Redirect {
        redirect_uri: authorization.redirect_uri,
        state: authorization.state,
        error: "access_denied",
        description: "The user denied the request.".into(),
    }
}

/// The body of `POST /__sandbox/oauth/approve`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApproveBody {
    /// The authorization URL the SDK built (with a `request_uri` or the full request).
    url: String,
    /// Whose sign-in it is; the seeded agent user by default.
    email: Option<String>,
    /// Answer as a user who refuses consent.
    #[serde(default)]
    deny: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Approved {
    /// Where the browser would land: the redirect URI with `code` (or `error`), `state` and `iss`.
    redirect_url: String,
}

/// `POST /__sandbox/oauth/approve`: what a user's browser would do with the authorization URL,
/// without one: the user signs in and consents (or refuses), and the callback URL is returned.
pub async fn approve_control(
    State(app): State<AppState>,
    crate::http::extract::ApiJson(body): crate::http::extract::ApiJson<ApproveBody>,
) -> Response {
    let query = body.url.split_once('?').map(|(_, query)| query);
    let authorization = match resolve(&app, query_pairs(query)).and_then(|params| check(&params)) {
        Ok(authorization) => authorization,
        Err(Refusal::Redirect {
            redirect_uri,
            state,
            error,
            description,
        }) => {
            let mut params = vec![("error", error.to_owned())];
            params.push(("error_description", description));
            if let Some(state) = state {
                params.push(("state", state));
            }
            params.push(("iss", issuer(&app)));
            return Json(Approved {
                redirect_url: with_query(&redirect_uri, &params),
            })
            .into_response();
        }
        Err(refusal @ Refusal::Page(..)) => return refusal.into_json(),
    };
    if body.deny {
        let redirect_uri = authorization.redirect_uri.clone();
        let mut params = vec![("error", "access_denied".to_owned())];
        if let Some(state) = authorization.state {
            params.push(("state", state));
        }
        params.push(("iss", issuer(&app)));
        return Json(Approved {
            redirect_url: with_query(&redirect_uri, &params),
        })
        .into_response();
    }
    let email = body
        .email
        .unwrap_or_else(|| crate::simulation::catalog::AGENT_USER_EMAIL.to_owned());
    let Some(user) = USERS
        .iter()
        .find(|user| user.email.eq_ignore_ascii_case(email.trim()))
    else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "No seeded user has this e-mail.",
        );
    };
    app.store.with(|data| data.stats.logins += 1);
    Json(Approved {
        redirect_url: approve(&app, authorization, user.id),
    })
    .into_response()
}

/// A form-encoded OAuth request body; an OAuth `invalid_request` when it is not one.
pub(crate) async fn read_form(request: Request) -> Result<Form, Response> {
    let body = read_body(request, &())
        .await
        .map_err(IntoResponse::into_response)?;
    serde_urlencoded::from_bytes(&body).map_err(|_| {
        oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The body must be application/x-www-form-urlencoded.",
        )
    })
}

/// The form of a request to an endpoint only clients call (PAR, revocation), and the client it
/// authenticates as.
async fn client_form(request: Request) -> Result<(Form, String), Response> {
    let headers = request.headers().clone();
    let form = read_form(request).await?;
    let client_id = authenticate(&headers, &form)?;
    Ok((form, client_id))
}

/// The client a request authenticates as: HTTP Basic or `client_id`/`client_secret` in the form.
/// A confidential client must prove its secret; a public one sends its id alone.
#[allow(clippy::result_large_err)]
fn authenticate(headers: &HeaderMap, form: &[(String, String)]) -> Result<String, Response> {
    let (id, secret) = match basic_credentials(headers) {
        Some((id, secret)) => (id, Some(secret)),
        None => (
            field(form, "client_id").unwrap_or_default().to_owned(),
            field(form, "client_secret").map(str::to_owned),
        ),
    };
    if id.is_empty() {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The client_id parameter is missing.",
        ));
    }
    let accepted = sign_in_client(&id).is_some_and(|client| match client.secret {
        Some(expected) => secret.as_deref() == Some(expected),
        None => true,
    });
    if accepted {
        Ok(id)
    } else {
        Err(oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed.",
        ))
    }
}

fn invalid_grant(description: &str) -> Response {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", description)
}

/// BASE64URL(SHA-256(verifier)), the S256 challenge of RFC 7636.
fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

fn verifier_well_formed(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// The token answer of a user's sign-in; a refresh token only with `offline_access`.
fn issue_tokens(app: &AppState, grant: OAuthGrant) -> Response {
    let issued = app.store.with(|data| {
        let (access, ttl) = issue_access_with_scope(app, data, &grant.subject, &grant.scope)?;
        let refresh = grant
            .scope
            .split_whitespace()
            .any(|scope| scope == "offline_access")
            .then(|| {
                let token = hex::encode(rand::random::<[u8; 32]>());
                data.auth
                    .oauth
                    .refresh_tokens
                    .insert(token.clone(), grant.clone());
                token
            });
        Ok::<_, crate::http::problem::Problem>((access, ttl, refresh))
    });
    match issued {
        Ok((access, ttl, refresh)) => {
            let mut answer = json!({
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": ttl,
                "scope": grant.scope,
            });
            if let Some(refresh) = refresh {
                answer["refresh_token"] = json!(refresh);
            }
            Json(answer).into_response()
        }
        Err(problem) => problem.into_response(),
    }
}

/// `grant_type=authorization_code`: the code is single-use, bound to its client and redirect URI,
/// and redeemed only with the verifier whose S256 challenge the request carried.
pub(crate) fn code_grant(
    app: &AppState,
    headers: &HeaderMap,
    form: &[(String, String)],
) -> Response {
    let client_id = match authenticate(headers, form) {
        Ok(id) => id,
        Err(response) => return response,
    };
    let (Some(code), Some(verifier)) = (field(form, "code"), field(form, "code_verifier")) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The code and code_verifier parameters are required.",
        );
    };
    let issued = app.store.with(|data| data.auth.oauth.codes.remove(code));
    let Some(issued) = issued.filter(|issued| issued.expires_at > Instant::now()) else {
        return invalid_grant("The authorization code is invalid, expired or already used.");
    };
    if issued.client_id != client_id {
        return invalid_grant("The authorization code was issued to another client.");
    }
    if field(form, "redirect_uri") != Some(issued.redirect_uri.as_str()) {
        return invalid_grant("The redirect_uri differs from the authorization request's.");
    }
    if !verifier_well_formed(verifier) || s256(verifier) != issued.code_challenge {
        return invalid_grant("The code_verifier does not match the code_challenge.");
    }
    app.store.with(|data| data.stats.authorization_codes += 1);
    issue_tokens(app, issued.grant)
}

/// `grant_type=refresh_token`: rotation; the presented refresh token is dead whatever happens next,
/// so a reused one is `invalid_grant`.
pub(crate) fn refresh_grant(
    app: &AppState,
    headers: &HeaderMap,
    form: &[(String, String)],
) -> Response {
    let client_id = match authenticate(headers, form) {
        Ok(id) => id,
        Err(response) => return response,
    };
    let Some(token) = field(form, "refresh_token") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The refresh_token parameter is required.",
        );
    };
    let grant = app
        .store
        .with(|data| data.auth.oauth.refresh_tokens.remove(token.trim()));
    let Some(grant) = grant else {
        return invalid_grant("The refresh token is invalid, revoked or already used.");
    };
    if grant.client_id != client_id {
        return invalid_grant("The refresh token was issued to another client.");
    }
    app.store.with(|data| data.stats.refreshes += 1);
    issue_tokens(app, grant)
}

/// `POST /connect/par` (RFC 9126): keeps an authorization request and names it by a `request_uri`.
#[utoipa::path(post, path = "/connect/par", tag = "authentication",
    request_body(content = PushedForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 201, description = "The request's `request_uri`", body = PushedAnswer),
        (status = 400, description = "OAuth error (`invalid_request`, `invalid_client`, `invalid_scope`, …)", body = crate::api::auth::OAuthError),
        (status = 401, description = "`invalid_client`", body = crate::api::auth::OAuthError),
        (status = 413, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails)
    ))]
pub async fn pushed_authorization(State(app): State<AppState>, request: Request) -> Response {
    let (form, client_id) = match client_form(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    if field(&form, "request_uri").is_some() {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "A pushed request may not carry a request_uri.",
        );
    }
    let mut params: Form = form
        .into_iter()
        .filter(|(key, _)| key != "client_secret")
        .collect();
    if field(&params, "client_id").is_none() {
        params.push(("client_id".into(), client_id));
    }
    if let Err(refusal) = check(&params) {
        return refusal.into_json();
    }
    let id = uuid::Uuid::new_v4().simple().to_string();
    app.store.with(|data| {
        data.auth.oauth.pushed.insert(
            id.clone(),
            PushedRequest {
                params,
                expires_at: Instant::now() + Duration::from_secs(PUSHED_LIFETIME_SECS),
            },
        );
    });
    (
        StatusCode::CREATED,
        Json(json!({
            "request_uri": format!("{REQUEST_URI_PREFIX}{id}"),
            "expires_in": PUSHED_LIFETIME_SECS,
        })),
    )
        .into_response()
}

/// `POST /connect/revoke` (RFC 7009): forgets a refresh token, or stops an access token working.
/// Answers 200 for a token it does not know, as the RFC asks.
#[utoipa::path(post, path = "/connect/revoke", tag = "authentication",
    request_body(content = RevokeForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Revoked, or not a token of this client"),
        (status = 400, description = "`invalid_request`", body = crate::api::auth::OAuthError),
        (status = 401, description = "`invalid_client`", body = crate::api::auth::OAuthError),
        (status = 413, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails)
    ))]
pub async fn revoke(State(app): State<AppState>, request: Request) -> Response {
    let (form, client_id) = match client_form(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let Some(token) = field(&form, "token").map(str::trim) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The token parameter is required.",
        );
    };
    let access_id = token_id(&app, token);
    app.store.with(|data| {
        let oauth = &mut data.auth.oauth;
        if oauth
            .refresh_tokens
            .get(token)
            .is_some_and(|grant| grant.client_id == client_id)
        {
            oauth.refresh_tokens.remove(token);
        } else if let Some(id) = access_id {
            oauth.revoked_access.insert(id);
        }
    });
    StatusCode::OK.into_response()
}

/// `GET /connect/logout`: ends the browser's session (the sandbox keeps none) and goes back to a
/// registered `post_logout_redirect_uri` when one is given.
#[utoipa::path(get, path = "/connect/logout", tag = "authentication",
    params(
        ("post_logout_redirect_uri" = Option<String>, Query),
        ("state" = Option<String>, Query),
        ("id_token_hint" = Option<String>, Query),
    ),
    responses(
        (status = 200, description = "Signed out", content_type = "text/html", body = String),
        (status = 302, description = "Back to `post_logout_redirect_uri` with `state`"),
        (status = 413, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails)
    ))]
pub async fn logout(RawQuery(query): RawQuery) -> Response {
    let params = query_pairs(query.as_deref());
    match field(&params, "post_logout_redirect_uri").filter(|uri| redirect_allowed(uri)) {
        Some(uri) => {
            let state: Vec<(&str, String)> = field(&params, "state")
                .map(|state| vec![("state", state.to_owned())])
                .unwrap_or_default();
            found(&with_query(uri, &state))
        }
        None => Html(
            "<!doctype html><html lang=\"tr\"><head><meta charset=\"utf-8\"><title>InsurUp sandbox</title></head>\
             <body><p>Oturum kapatıldı.</p></body></html>",
        )
        .into_response(),
    }
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct DiscoveryDocument {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    revocation_endpoint: String,
    pushed_authorization_request_endpoint: String,
    end_session_endpoint: String,
    grant_types_supported: Vec<String>,
    response_types_supported: Vec<String>,
    code_challenge_methods_supported: Vec<String>,
    token_endpoint_auth_methods_supported: Vec<String>,
    scopes_supported: Vec<String>,
    authorization_response_iss_parameter_supported: bool,
    require_pushed_authorization_requests: bool,
}

/// The login page's form: the authorization request's fields, the user's credentials and the
/// decision.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct LoginForm {
    client_id: String,
    redirect_uri: String,
    response_type: String,
    scope: Option<String>,
    state: Option<String>,
    code_challenge: String,
    code_challenge_method: String,
    email: Option<String>,
    password: Option<String>,
    /// The 2FA code of an account that has 2FA.
    otp: Option<String>,
    /// `approve` or `deny`.
    decision: Option<String>,
}

/// A pushed authorization request: the authorization request's parameters and the client's
/// credentials.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct PushedForm {
    client_id: String,
    client_secret: Option<String>,
    redirect_uri: String,
    response_type: String,
    scope: Option<String>,
    state: Option<String>,
    code_challenge: String,
    code_challenge_method: String,
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct PushedAnswer {
    /// `urn:ietf:params:oauth:request_uri:…`, for the authorization URL.
    request_uri: String,
    expires_in: u64,
}

#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct RevokeForm {
    token: String,
    /// `refresh_token` or `access_token`.
    token_type_hint: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_s256_challenge_is_the_one_rfc_7636_shows() {
        // RFC 7636, appendix B.
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn only_loopback_and_the_registered_uri_are_redirects() {
        assert!(redirect_allowed("http://127.0.0.1:53682/callback"));
        assert!(redirect_allowed("http://localhost/cb"));
        assert!(redirect_allowed(WEB_REDIRECT_URI));
        assert!(!redirect_allowed("https://evil.example/callback"));
        assert!(!redirect_allowed("http://10.0.0.1/callback"));
    }
}
