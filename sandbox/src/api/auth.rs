//! Agent-user login with optional 2FA, rotating refresh tokens, OAuth client credentials, and the
//! bearer check every protected route goes through.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::http::extract::{ApiJson, Checks, required_text};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::catalog::{
    self, AGENT_ID, CLIENT_ID, CLIENT_SECRET, SCOPE, SERVICE_ACCOUNT, USERS,
};
use crate::state::AppState;
use crate::store::{RefreshSession, State as Data};

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    #[serde(rename = "agentId")]
    agent_id: String,
    iat: i64,
    exp: i64,
    /// `<generation>.<uuid>`: the generation lets `/__sandbox/revoke-tokens` invalidate all earlier tokens.
    jti: String,
    scope: String,
}

/// Who is calling, attached to every authenticated request.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: String,
    pub agent_id: String,
    pub service_account: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct LoginResponse {
    access_token: Option<String>,
    refresh_token: Option<String>,
    expires_in: Option<i64>,
    requires_two_factor: bool,
    user_id: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct RefreshResponse {
    access_token: String,
    refresh_token: String,
    expires_in: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerifyMfaBody {
    user_id: String,
    code: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshBody {
    refresh_token: String,
}

fn issue_access(app: &AppState, data: &Data, subject: &str) -> ApiResult<(String, i64)> {
    issue_access_with_scope(app, data, subject, SCOPE)
}

/// An access token for `subject` carrying `scope`, and its lifetime in seconds.
pub(crate) fn issue_access_with_scope(
    app: &AppState,
    data: &Data,
    subject: &str,
    scope: &str,
) -> ApiResult<(String, i64)> {
    let ttl = app.config.token_ttl_secs();
    let iat = time::OffsetDateTime::now_utc().unix_timestamp() + data.auth.skew_secs;
    let claims = Claims {
        sub: subject.to_owned(),
        agent_id: AGENT_ID.to_owned(),
        iat,
        exp: iat + ttl,
        jti: format!("{}.{}", data.auth.generation, uuid::Uuid::new_v4().simple()),
        scope: scope.to_owned(),
    };
    let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &app.keys.encoding)
        .map_err(|e| Problem::internal(format!("Token oluşturulamadı: {e}")))?;
    Ok((token, ttl))
}

fn issue_pair(app: &AppState, data: &mut Data, subject: &str) -> ApiResult<(String, String, i64)> {
    let (access, ttl) = issue_access(app, data, subject)?;
    let refresh = hex::encode(rand::random::<[u8; 32]>());
    data.auth.refresh_tokens.insert(
        refresh.clone(),
        RefreshSession {
            subject: subject.to_owned(),
        },
    );
    Ok((access, refresh, ttl))
}

fn login_response(access: String, refresh: String, ttl: i64, user_id: &str) -> Json<LoginResponse> {
    Json(LoginResponse {
        access_token: Some(access),
        refresh_token: Some(refresh),
        expires_in: Some(ttl),
        requires_two_factor: false,
        user_id: user_id.to_owned(),
    })
}

#[utoipa::path(post, path = "/api/authentication:agent-user/login", tag = "authentication",
    request_body = LoginBody,
    responses((status = 200, description = "Tokens, or a two-factor challenge (`requiresTwoFactor`)", body = LoginResponse), Errors))]
pub async fn login(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<LoginBody>,
) -> ApiResult<Response> {
    let mut checks = Checks::default();
    checks.check(required_text("email", &body.email));
    checks.check(required_text("password", &body.password));
    checks.finish()?;
    let user = USERS
        .iter()
        .find(|u| u.email.eq_ignore_ascii_case(body.email.trim()) && u.password == body.password)
        .ok_or_else(|| {
            Problem::unauthorized("INVALID_CREDENTIALS", "E-posta adresi veya şifre hatalı.")
                .suggest("Bilgilerinizi kontrol edip tekrar deneyin.")
        })?;
    app.store.with(|data| {
        data.stats.logins += 1;
        if user.two_factor {
            data.auth.mfa_pending.insert(user.id.to_owned());
            return Ok(Json(LoginResponse {
                access_token: None,
                refresh_token: None,
                expires_in: None,
                requires_two_factor: true,
                user_id: user.id.to_owned(),
            })
            .into_response());
        }
        let (access, refresh, ttl) = issue_pair(&app, data, user.id)?;
        Ok(login_response(access, refresh, ttl, user.id).into_response())
    })
}

#[utoipa::path(post, path = "/api/authentication:agent-user/verify-mfa", tag = "authentication",
    request_body = VerifyMfaBody,
    responses((status = 200, description = "Tokens", body = LoginResponse), Errors))]
pub async fn verify_mfa(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<VerifyMfaBody>,
) -> ApiResult<Response> {
    let mut checks = Checks::default();
    checks.check(required_text("userId", &body.user_id));
    checks.check(required_text("code", &body.code));
    checks.finish()?;
    app.store.with(|data| {
        if !data.auth.mfa_pending.contains(&body.user_id) {
            return Err(Problem::unauthorized(
                "MFA_CHALLENGE_NOT_FOUND",
                "Bu kullanıcı için bekleyen bir doğrulama yok; önce giriş yapın.",
            ));
        }
        if body.code.trim() != app.config.mfa_code {
            return Err(
                Problem::unauthorized("INVALID_MFA_CODE", "Doğrulama kodu hatalı.")
                    .suggest("Cihazınıza gönderilen kodu kontrol edin."),
            );
        }
        data.auth.mfa_pending.remove(&body.user_id);
        data.stats.mfa_verifications += 1;
        let (access, refresh, ttl) = issue_pair(&app, data, &body.user_id)?;
        Ok(login_response(access, refresh, ttl, &body.user_id).into_response())
    })
}

#[utoipa::path(post, path = "/api/authentication:agent-user/refresh", tag = "authentication",
    request_body = RefreshBody,
    responses((status = 200, description = "New tokens; the presented refresh token is dead", body = RefreshResponse), Errors))]
pub async fn refresh(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<RefreshBody>,
) -> ApiResult<Response> {
    let mut checks = Checks::default();
    checks.check(required_text("refreshToken", &body.refresh_token));
    checks.finish()?;
    app.store.with(|data| {
        // Removing first is the rotation: the presented token is dead whatever happens next.
        let session = data
            .auth
            .refresh_tokens
            .remove(body.refresh_token.trim())
            .ok_or_else(|| {
                Problem::unauthorized(
                    "INVALID_REFRESH_TOKEN",
                    "Yenileme anahtarı geçersiz veya daha önce kullanılmış.",
                )
                .suggest("Yeniden giriş yapın.")
            })?;
        data.stats.refreshes += 1;
        let (access, refresh, ttl) = issue_pair(&app, data, &session.subject)?;
        Ok(Json(RefreshResponse {
            access_token: access,
            refresh_token: refresh,
            expires_in: ttl,
        })
        .into_response())
    })
}

pub(crate) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// `POST /connect/token`: the OAuth 2.0 client-credentials grant here, the authorization-code and
/// refresh-token grants of a user's sign-in in [`crate::api::oauth`], with OAuth-style JSON errors.
#[utoipa::path(post, path = "/connect/token", tag = "authentication",
    request_body(content = TokenForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "An access token; a refresh token too for a user's sign-in with `offline_access`", body = TokenAnswer),
        (status = 400, description = "OAuth error (`invalid_request`, `unsupported_grant_type`, `invalid_scope`, `invalid_grant`)", body = OAuthError),
        (status = 401, description = "`invalid_client`", body = OAuthError),
        (status = 404, description = "On the API origin of dialects whose auth server is separate", content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 413, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails),
        (status = 429, content_type = "application/problem+json", body = crate::http::openapi::ProblemDetails)
    ))]
pub async fn client_credentials(State(app): State<AppState>, request: Request) -> Response {
    let headers = request.headers().clone();
    let form = match crate::api::oauth::read_form(request).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let Some(grant_type) = field("grant_type") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The grant_type parameter is missing.",
        );
    };
    match grant_type.as_str() {
        "client_credentials" => {}
        "authorization_code" => return crate::api::oauth::code_grant(&app, &headers, &form),
        "refresh_token" => return crate::api::oauth::refresh_grant(&app, &headers, &form),
        _ => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Only client_credentials, authorization_code and refresh_token are supported here.",
            );
        }
    }
    let (client_id, client_secret) = match basic_credentials(&headers) {
        Some(pair) => pair,
        None => (
            field("client_id").unwrap_or_default(),
            field("client_secret").unwrap_or_default(),
        ),
    };
    if client_id.is_empty() {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The client_id parameter is missing.",
        );
    }
    if client_id != CLIENT_ID || client_secret != CLIENT_SECRET {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed.",
        );
    }
    let scope = field("scope").unwrap_or_else(|| SCOPE.to_owned());
    if scope.split_whitespace().any(|s| s != SCOPE) || scope.trim().is_empty() {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            "This client may only request the core-api scope.",
        );
    }
    let issued = app.store.with(|data| {
        data.stats.token_grants += 1;
        issue_access(&app, data, CLIENT_ID)
    });
    match issued {
        Ok((token, ttl)) => Json(json!({
            "access_token": token,
            "expires_in": ttl.min(3600),
            "token_type": "Bearer",
            "scope": SCOPE,
        }))
        .into_response(),
        Err(problem) => problem.into_response(),
    }
}

pub(crate) fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// The bearer token of a request, if it has one (used by the rate limiter too).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

pub fn verify(app: &AppState, headers: &HeaderMap) -> ApiResult<Principal> {
    if !headers.contains_key(header::AUTHORIZATION) {
        return Err(Problem::unauthorized(
            "TOKEN_MISSING",
            "Bu işlem için kimlik doğrulaması gerekiyor.",
        )
        .suggest("İsteğe 'Authorization: Bearer <token>' başlığını ekleyin."));
    }
    let token = bearer(headers).filter(|t| !t.is_empty()).ok_or_else(|| {
        Problem::unauthorized(
            "TOKEN_INVALID",
            "Authorization başlığı 'Bearer <token>' biçiminde olmalı.",
        )
    })?;
    verify_token(app, token)
}

/// Checks an access token however it arrived (a header, or the hub's `access_token` query).
pub fn verify_token(app: &AppState, token: &str) -> ApiResult<Principal> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = 0;
    validation.set_required_spec_claims(&["exp", "sub"]);
    let claims = jsonwebtoken::decode::<Claims>(token, &app.keys.decoding, &validation)
        .map_err(|e| match e.kind() {
            ErrorKind::ExpiredSignature => {
                Problem::unauthorized("TOKEN_EXPIRED", "Erişim anahtarının süresi doldu.")
                    .suggest("Yenileme anahtarıyla yeni bir erişim anahtarı alın.")
            }
            _ => Problem::unauthorized("TOKEN_INVALID", "Erişim anahtarı geçersiz."),
        })?
        .claims;
    let generation: u64 = claims
        .jti
        .split('.')
        .next()
        .and_then(|g| g.parse().ok())
        .unwrap_or(0);
    let (current, revoked) = app.store.with(|d| {
        (
            d.auth.generation,
            d.auth.oauth.revoked_access.contains(&claims.jti),
        )
    });
    if generation < current || revoked {
        return Err(Problem::unauthorized(
            "TOKEN_INVALID",
            "Erişim anahtarı iptal edildi.",
        ));
    }
    let (user_id, service_account) = if claims.sub == CLIENT_ID {
        (SERVICE_ACCOUNT.id.to_owned(), true)
    } else if catalog::USERS.iter().any(|u| u.id == claims.sub) {
        (claims.sub.clone(), false)
    } else {
        return Err(Problem::unauthorized(
            "TOKEN_INVALID",
            "Erişim anahtarının sahibi bulunamadı.",
        ));
    };
    Ok(Principal {
        user_id,
        agent_id: claims.agent_id,
        service_account,
    })
}

pub async fn require_bearer(
    State(app): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    match verify(&app, request.headers()) {
        Ok(principal) => {
            request.extensions_mut().insert(principal);
            next.run(request).await
        }
        Err(problem) => problem.into_response(),
    }
}

/// The token endpoint's form (`client_id`/`client_secret` may come as HTTP Basic instead).
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct TokenForm {
    /// `client_credentials`, `authorization_code` or `refresh_token`.
    grant_type: String,
    client_id: Option<String>,
    client_secret: Option<String>,
    /// `core-api` (client credentials).
    scope: Option<String>,
    /// The authorization code (`authorization_code`).
    code: Option<String>,
    /// The redirect URI the code was issued for (`authorization_code`).
    redirect_uri: Option<String>,
    /// The PKCE verifier whose S256 challenge the authorization request carried.
    code_verifier: Option<String>,
    /// The refresh token to rotate (`refresh_token`).
    refresh_token: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct TokenAnswer {
    access_token: String,
    expires_in: i64,
    /// `Bearer`.
    token_type: String,
    scope: String,
    /// A user's sign-in with `offline_access` only; rotates on every use.
    refresh_token: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct OAuthError {
    error: String,
    error_description: String,
}

/// The `jti` of an access token this sandbox signed, expired or not (for revocation).
pub(crate) fn token_id(app: &AppState, token: &str) -> Option<String> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.validate_exp = false;
    validation.set_required_spec_claims(&["sub"]);
    jsonwebtoken::decode::<Claims>(token, &app.keys.decoding, &validation)
        .ok()
        .map(|data| data.claims.jti)
}
