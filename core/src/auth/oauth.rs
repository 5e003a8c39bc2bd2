//! A user's sign-in through OAuth (authorization code with PKCE S256, RFC 7636), for a CRM that
//! acts as the signed-in user: the authorization URL (through a pushed authorization request,
//! RFC 9126, when the server offers one), the callback's checks (`state`, and `iss` per RFC 9207),
//! the code exchange, refresh with rotation and revocation (RFC 7009).
//!
//! The server's endpoints come from its discovery document, fetched on first need and kept.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use url::Url;

use super::{Credentials, TokenSet};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::transport::{HttpCore, Request};

/// Scopes asked for when none are configured: the user's identity, a refresh token, the API.
pub const DEFAULT_SIGN_IN_SCOPES: &[&str] = &["openid", "profile", "offline_access", "core-api"];

/// How long a started sign-in waits for its callback.
const PENDING_FOR: Duration = Duration::from_secs(15 * 60);
/// Sign-ins a client remembers at once; the oldest is forgotten first.
const PENDING_AT_MOST: usize = 64;

/// A sign-in waiting for the user: open `authorization_url` in the user's browser; the server
/// sends the browser back to the redirect URI, and that callback URL completes the sign-in.
///
/// It holds the PKCE verifier, which is secret: Debug output never shows it. The client that
/// started the sign-in remembers it, so only the callback URL is needed to complete it; keep this
/// value (the verifier with it) to complete the sign-in in another process.
#[derive(Clone)]
pub struct PendingSignIn {
    /// Where to send the user's browser.
    pub authorization_url: String,
    /// The `state` the callback must carry back.
    pub state: String,
    /// The PKCE verifier whose S256 challenge the authorization request carried.
    pub code_verifier: Secret,
}

impl fmt::Debug for PendingSignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingSignIn")
            .field("authorization_url", &self.authorization_url)
            .field("state", &self.state)
            .field("code_verifier", &self.code_verifier)
            .finish()
    }
}

/// What the language packages get from `start_sign_in`: the URL to open and the `state` it
/// carries. The verifier stays inside the client.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInRequest {
    /// Where to send the user's browser.
    pub authorization_url: String,
    /// The `state` the callback must carry back.
    pub state: String,
}

impl PendingSignIn {
    /// What the user's browser needs, without the verifier.
    pub fn request(&self) -> SignInRequest {
        SignInRequest::from(self)
    }
}

impl From<&PendingSignIn> for SignInRequest {
    fn from(pending: &PendingSignIn) -> Self {
        SignInRequest {
            authorization_url: pending.authorization_url.clone(),
            state: pending.state.clone(),
        }
    }
}

/// The parts of the discovery document a sign-in uses, as paths on the auth server.
#[derive(Debug)]
struct Endpoints {
    issuer: Option<String>,
    authorization: String,
    token: String,
    pushed_authorization: Option<String>,
    revocation: Option<String>,
}

#[derive(Deserialize)]
struct DiscoveryDocument {
    issuer: Option<String>,
    authorization_endpoint: Option<String>,
    token_endpoint: Option<String>,
    pushed_authorization_request_endpoint: Option<String>,
    revocation_endpoint: Option<String>,
    #[serde(default)]
    code_challenge_methods_supported: Vec<String>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Secret,
    refresh_token: Option<Secret>,
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct PushedAnswer {
    request_uri: String,
}

struct Waiting {
    verifier: Secret,
    started: Instant,
}

/// The signed-in user's side of a session: its client registration, the server's endpoints once
/// discovered, and the sign-ins started and not yet completed.
pub(crate) struct OAuthUser {
    client_id: String,
    client_secret: Option<Secret>,
    redirect_uri: String,
    scope: String,
    endpoints: tokio::sync::Mutex<Option<Arc<Endpoints>>>,
    waiting: Mutex<HashMap<String, Waiting>>,
}

fn random_text(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::fill(buffer.as_mut_slice());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buffer)
}

/// BASE64URL(SHA-256(verifier)).
fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The sign-in was refused or has ended: the user must sign in again.
pub(crate) fn sign_in_needed(message: &str) -> Error {
    Error::new(
        ErrorKind::Authentication,
        format!("{message}; sign the user in with start_sign_in and complete_sign_in"),
    )
}

impl OAuthUser {
    pub(crate) fn new(credentials: &Credentials) -> Option<Self> {
        let Credentials::AuthorizationCode {
            client_id,
            client_secret,
            redirect_uri,
            scopes,
        } = credentials
        else {
            return None;
        };
        Some(OAuthUser {
            client_id: client_id.clone(),
            client_secret: client_secret.clone(),
            redirect_uri: redirect_uri.clone(),
            scope: scopes.join(" "),
            endpoints: tokio::sync::Mutex::new(None),
            waiting: Mutex::default(),
        })
    }

    /// The client's own fields of a token-endpoint form.
    fn client_fields<'a>(&'a self, form: &mut Vec<(&'a str, &'a str)>) {
        form.push(("client_id", &self.client_id));
        if let Some(secret) = &self.client_secret {
            form.push(("client_secret", secret.expose()));
        }
    }

    /// The server's endpoints, read from its discovery document once. A server without one (404)
    /// gets the documented `/connect/...` paths and no pushed requests.
    async fn endpoints(&self, http: &HttpCore) -> Result<Arc<Endpoints>> {
        let mut kept = self.endpoints.lock().await;
        if let Some(endpoints) = kept.as_ref() {
            return Ok(Arc::clone(endpoints));
        }
        let request = Request::get(
            "/.well-known/openid-configuration",
            "/.well-known/openid-configuration",
        )
        .on_auth_server()
        .anonymous();
        let endpoints = match http.execute(&request, None).await {
            Ok(answer) => {
                let document: DiscoveryDocument = answer.json()?;
                endpoints_from(&http.settings().auth_base, document)?
            }
            Err(error) if error.status() == Some(404) => Endpoints::documented(),
            Err(error) => return Err(error),
        };
        let endpoints = Arc::new(endpoints);
        *kept = Some(Arc::clone(&endpoints));
        Ok(endpoints)
    }

    /// The verifier of the sign-in this client started with `state`, used once.
    fn take_waiting(&self, state: &str) -> Option<Secret> {
        let mut waiting = self
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        waiting
            .remove(state)
            .filter(|entry| entry.started.elapsed() < PENDING_FOR)
            .map(|entry| entry.verifier)
    }
}

/// The requests of a user's sign-in, as the session sends them.
pub(crate) trait SignInFlow {
    /// Starts a sign-in: a fresh verifier and `state`, the authorization URL (its request pushed
    /// first when the server offers PAR), and the verifier remembered under the `state`.
    async fn start(&self, http: &HttpCore) -> Result<PendingSignIn>;

    /// Checks the callback and exchanges its code. Nothing is sent when the callback is not the
    /// answer to a sign-in this client started (`state`) or names another issuer (`iss`).
    async fn complete(
        &self,
        http: &HttpCore,
        callback: &str,
        pending: Option<&PendingSignIn>,
        subject: &str,
    ) -> Result<TokenSet>;

    /// Renews with the refresh token; the server rotates it.
    async fn refresh(
        &self,
        http: &HttpCore,
        refresh_token: &Secret,
        previous: &TokenSet,
    ) -> Result<TokenSet>;

    /// Revokes `token` at the server, when the server has a revocation endpoint.
    async fn revoke(&self, http: &HttpCore, token: &Secret, hint: &str) -> Result<()>;
}

impl SignInFlow for OAuthUser {
    /// Starts a sign-in: a fresh verifier and `state`, the authorization URL (its request pushed
    /// first when the server offers PAR), and the verifier remembered under the `state`.
    async fn start(&self, http: &HttpCore) -> Result<PendingSignIn> {
        let endpoints = self.endpoints(http).await?;
        let verifier = Secret::new(random_text(32));
        let state = random_text(16);
        let challenge = s256(verifier.expose());
        let params: Vec<(&str, &str)> = vec![
            ("response_type", "code"),
            ("redirect_uri", &self.redirect_uri),
            ("scope", &self.scope),
            ("state", &state),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ];
        let mut url = http
            .settings()
            .auth_base
            .join(endpoints.authorization.trim_start_matches('/'))
            .map_err(|error| Error::validation("auth_url", error.to_string()))?;
        if let Some(pushed) = &endpoints.pushed_authorization {
            let mut form = Vec::new();
            self.client_fields(&mut form);
            form.extend(params.iter().copied());
            let request = Request::post("/connect/par", pushed.clone())
                .on_auth_server()
                .anonymous()
                .form(&form);
            let answer: PushedAnswer = http
                .execute(&request, None)
                .await
                .map_err(|error| refused("the pushed authorization request", error))?
                .json()?;
            url.query_pairs_mut()
                .append_pair("client_id", &self.client_id)
                .append_pair("request_uri", &answer.request_uri);
        } else {
            url.query_pairs_mut()
                .append_pair("client_id", &self.client_id)
                .extend_pairs(&params);
        }
        let pending = PendingSignIn {
            authorization_url: url.into(),
            state: state.clone(),
            code_verifier: verifier.clone(),
        };
        let mut waiting = self
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        waiting.retain(|_, entry| entry.started.elapsed() < PENDING_FOR);
        if waiting.len() >= PENDING_AT_MOST
            && let Some(oldest) = waiting
                .iter()
                .min_by_key(|(_, entry)| entry.started)
                .map(|(state, _)| state.clone())
        {
            waiting.remove(&oldest);
        }
        waiting.insert(
            state,
            Waiting {
                verifier,
                started: Instant::now(),
            },
        );
        Ok(pending)
    }

    /// Checks the callback and exchanges its code. Nothing is sent when the callback is not the
    /// answer to a sign-in this client started (`state`) or names another issuer (`iss`).
    async fn complete(
        &self,
        http: &HttpCore,
        callback: &str,
        pending: Option<&PendingSignIn>,
        subject: &str,
    ) -> Result<TokenSet> {
        let params = callback_params(callback)?;
        let get = |name: &str| {
            params
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let state = get("state").unwrap_or_default();
        let verifier = match pending {
            Some(pending) if pending.state == state && !state.is_empty() => {
                self.take_waiting(state);
                pending.code_verifier.clone()
            }
            Some(_) => return Err(state_mismatch()),
            None => self.take_waiting(state).ok_or_else(state_mismatch)?,
        };
        if let Some(error) = get("error") {
            let described = get("error_description")
                .map(|text| format!(" ({text})"))
                .unwrap_or_default();
            return Err(Error::new(
                ErrorKind::Authentication,
                format!("the sign-in was refused: {error}{described}"),
            ));
        }
        let endpoints = self.endpoints(http).await?;
        if let (Some(iss), Some(issuer)) = (get("iss"), endpoints.issuer.as_deref())
            && iss.trim_end_matches('/') != issuer.trim_end_matches('/')
        {
            return Err(Error::validation(
                "iss",
                format!("the callback comes from issuer {iss}, not from {issuer} (RFC 9207)"),
            ));
        }
        let Some(code) = get("code").filter(|code| !code.is_empty()) else {
            return Err(Error::validation(
                "code",
                "the callback carries no authorization code",
            ));
        };
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", self.redirect_uri.as_str()),
            ("code_verifier", verifier.expose()),
        ];
        self.client_fields(&mut form);
        tracing::debug!("exchanging the authorization code");
        let request = token_request(&endpoints.token, &form);
        let answer: TokenAnswer = http
            .execute(&request, None)
            .await
            .map_err(|error| refused("the authorization code", error))?
            .json()?;
        tokens_from(answer, None, subject)
    }

    /// Renews with the refresh token; the server rotates it.
    async fn refresh(
        &self,
        http: &HttpCore,
        refresh_token: &Secret,
        previous: &TokenSet,
    ) -> Result<TokenSet> {
        let endpoints = self.endpoints(http).await?;
        let mut form = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ];
        self.client_fields(&mut form);
        tracing::debug!("refreshing the signed-in user's access token");
        let request = token_request(&endpoints.token, &form);
        let answer: TokenAnswer = http.execute(&request, None).await?.json()?;
        tokens_from(answer, previous.refresh_token.clone(), &previous.subject)
    }

    /// Revokes `token` at the server (a refresh token, then the access token), when the server
    /// has a revocation endpoint.
    async fn revoke(&self, http: &HttpCore, token: &Secret, hint: &str) -> Result<()> {
        let endpoints = self.endpoints(http).await?;
        let Some(path) = endpoints.revocation.clone() else {
            return Ok(());
        };
        let mut form = vec![("token", token.expose()), ("token_type_hint", hint)];
        self.client_fields(&mut form);
        let request = Request::post("/connect/revoke", path)
            .on_auth_server()
            .anonymous()
            .idempotent()
            .form(&form);
        http.execute(&request, None).await.map(|_| ())
    }
}

fn state_mismatch() -> Error {
    Error::validation(
        "state",
        "the callback's state matches no sign-in this client started (or it was completed or \
         expired); start the sign-in again",
    )
}

/// OAuth errors are `{error, error_description}`: say which step the server refused.
/// A grant at the token endpoint: sent once (a code or a refresh token must not be offered
/// twice), without a bearer token, its answer never logged.
fn token_request(endpoint: &str, form: &[(&str, &str)]) -> Request {
    Request::post("/connect/token", endpoint.to_owned())
        .on_auth_server()
        .anonymous()
        .refused_if_repeated()
        .with_sensitive_answer()
        .form(form)
}

fn refused(what: &str, error: Error) -> Error {
    match error.status() {
        Some(400 | 401) => {
            let status = error.status().unwrap_or_default();
            let said = error
                .detail()
                .map(|detail| format!(": {detail}"))
                .unwrap_or_default();
            let message = format!("the OAuth server refused {what} (HTTP {status}{said})");
            error.with_message(message)
        }
        _ => error,
    }
}

fn tokens_from(answer: TokenAnswer, previous: Option<Secret>, subject: &str) -> Result<TokenSet> {
    if answer.access_token.is_blank() {
        return Err(
            Error::new(ErrorKind::Decode, "the token answer had no access token")
                .with_reached_server(true),
        );
    }
    Ok(TokenSet::new(
        answer.access_token,
        answer
            .refresh_token
            .filter(|token| !token.is_blank())
            .or(previous),
        answer.expires_in.unwrap_or(1800),
        subject.to_owned(),
    ))
}

/// The query of a callback URL, or of the query text alone (`code=…&state=…`).
fn callback_params(callback: &str) -> Result<Vec<(String, String)>> {
    let callback = callback.trim();
    let query = match Url::parse(callback) {
        Ok(url) => url.query().unwrap_or_default().to_owned(),
        Err(_) => callback.trim_start_matches('?').to_owned(),
    };
    if query.is_empty() {
        return Err(Error::validation(
            "callback_url",
            "the callback URL carries no query (code and state)",
        ));
    }
    Ok(url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect())
}

/// A discovered endpoint as a path on the auth server; one on another origin is refused (the
/// client's code, verifier and secret go only to the configured server).
fn endpoint_path(auth_base: &Url, name: &str, value: &str) -> Result<String> {
    let url = auth_base
        .join(value)
        .map_err(|error| Error::validation(name, format!("{value}: {error}")))?;
    if url.origin() != auth_base.origin() {
        return Err(Error::validation(
            name,
            format!(
                "the discovery document puts {name} at {url}, outside the configured auth server \
                 {auth_base}; set auth_url to that server"
            ),
        ));
    }
    Ok(url.path().to_owned())
}

fn endpoints_from(auth_base: &Url, document: DiscoveryDocument) -> Result<Endpoints> {
    if !document.code_challenge_methods_supported.is_empty()
        && !document
            .code_challenge_methods_supported
            .iter()
            .any(|method| method == "S256")
    {
        return Err(Error::validation(
            "auth_url",
            "the OAuth server does not offer PKCE with S256",
        ));
    }
    let documented = Endpoints::documented();
    Ok(Endpoints {
        issuer: document.issuer,
        authorization: match document.authorization_endpoint {
            Some(value) => endpoint_path(auth_base, "authorization_endpoint", &value)?,
            None => documented.authorization,
        },
        token: match document.token_endpoint {
            Some(value) => endpoint_path(auth_base, "token_endpoint", &value)?,
            None => documented.token,
        },
        pushed_authorization: document
            .pushed_authorization_request_endpoint
            .map(|value| endpoint_path(auth_base, "pushed_authorization_request_endpoint", &value))
            .transpose()?,
        revocation: document
            .revocation_endpoint
            .map(|value| endpoint_path(auth_base, "revocation_endpoint", &value))
            .transpose()?,
    })
}

impl Endpoints {
    /// The paths InsurUp documents for its OAuth server, for one without a discovery document.
    fn documented() -> Self {
        Endpoints {
            issuer: None,
            authorization: "/connect/authorize".into(),
            token: "/connect/token".into(),
            pushed_authorization: None,
            revocation: Some("/connect/revoke".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_is_rfc_7636s_s256() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let verifier = random_text(32);
        assert_eq!(verifier.len(), 43);
        assert_ne!(verifier, random_text(32));
    }

    #[test]
    fn a_callback_is_read_from_a_url_or_its_query() {
        let full = callback_params("http://127.0.0.1:9/cb?code=c&state=s&iss=x").expect("url");
        assert_eq!(full[0], ("code".to_owned(), "c".to_owned()));
        let query = callback_params("?code=c&state=s").expect("query");
        assert_eq!(query.len(), 2);
        let error = callback_params("http://127.0.0.1:9/cb").expect_err("no query");
        assert_eq!(error.field(), Some("callback_url"));
    }

    #[test]
    fn endpoints_elsewhere_are_refused() {
        let base = Url::parse("https://auth.insurup.com/").expect("url");
        assert_eq!(
            endpoint_path(
                &base,
                "token_endpoint",
                "https://auth.insurup.com/connect/token"
            )
            .expect("same origin"),
            "/connect/token"
        );
        let error = endpoint_path(&base, "token_endpoint", "https://evil.example/token")
            .expect_err("elsewhere");
        assert_eq!(error.field(), Some("token_endpoint"));
    }

    #[test]
    fn a_pending_sign_in_never_shows_its_verifier() {
        let pending = PendingSignIn {
            authorization_url: "https://auth.insurup.com/connect/authorize?x".into(),
            state: "s".into(),
            code_verifier: Secret::new("the-verifier-value"),
        };
        let printed = format!("{pending:?}");
        assert!(!printed.contains("the-verifier-value"), "{printed}");
    }
}
