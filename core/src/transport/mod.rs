//! The HTTP layer: one pooled reqwest client, the retry loop, error mapping and request ids.
//!
//! Every logical call gets one `x-request-id`, reused across its attempts and carried by its
//! error. Bodies and headers are never logged: they hold tokens and card data.

mod retry;

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::HeaderMap;
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tracing::Instrument;
use url::Url;

pub use retry::RetryPolicy;
pub(crate) use retry::Safety;
use retry::{is_retryable_status, parse_retry_after};

use crate::auth::Session;
use crate::error::{Error, ErrorKind, Problem, Result};
use crate::secret::Secret;

/// Which server a request goes to: the API, or the OAuth server (`/connect/token`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Host {
    Api,
    Auth,
}

#[derive(Debug, Clone)]
pub(crate) enum Body {
    Json(Bytes),
    Form(String),
}

/// One logical API call, possibly sent several times.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: Method,
    pub host: Host,
    pub path: String,
    /// The path template, for logs and metrics (`/api/proposals/{id}`); never holds ids.
    pub route: &'static str,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Body>,
    pub safety: Safety,
    /// Send the session's bearer token (and renew it on 401).
    pub authenticated: bool,
    /// The answer holds tokens: decode errors must not quote it.
    pub sensitive_answer: bool,
}

impl Request {
    pub fn new(method: Method, route: &'static str, path: impl Into<String>) -> Self {
        let safety = if method == Method::POST || method == Method::PATCH {
            Safety::CreatesSomething
        } else {
            Safety::Idempotent
        };
        Request {
            method,
            host: Host::Api,
            path: path.into(),
            route,
            query: Vec::new(),
            body: None,
            safety,
            authenticated: true,
            sensitive_answer: false,
        }
    }

    pub fn get(route: &'static str, path: impl Into<String>) -> Self {
        Self::new(Method::GET, route, path)
    }

    pub fn post(route: &'static str, path: impl Into<String>) -> Self {
        Self::new(Method::POST, route, path)
    }

    pub fn put(route: &'static str, path: impl Into<String>) -> Self {
        Self::new(Method::PUT, route, path)
    }

    pub fn delete(route: &'static str, path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, route, path)
    }

    pub fn json(mut self, body: &impl Serialize) -> Result<Self> {
        let bytes = serde_json::to_vec(body)
            .map_err(|error| Error::decode("could not encode the request body", error))?;
        self.body = Some(Body::Json(Bytes::from(bytes)));
        Ok(self)
    }

    pub fn form(mut self, fields: &[(&str, &str)]) -> Self {
        let encoded = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.body = Some(Body::Form(encoded));
        self
    }

    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    pub fn idempotent(mut self) -> Self {
        self.safety = Safety::Idempotent;
        self
    }

    pub fn anonymous(mut self) -> Self {
        self.authenticated = false;
        self
    }

    pub fn on_auth_server(mut self) -> Self {
        self.host = Host::Auth;
        self
    }

    pub fn with_sensitive_answer(mut self) -> Self {
        self.sensitive_answer = true;
        self
    }
}

/// An answer of any status.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub request_id: String,
    sensitive: bool,
}

impl Response {
    pub fn json<T: DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(|error| {
            let message = if self.sensitive {
                "the server's answer could not be decoded".to_owned()
            } else {
                format!("the server's answer could not be decoded: {error}")
            };
            Error::decode(message, error).with_request_id(&self.request_id)
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    fn retry_after(&self) -> Option<Duration> {
        self.header("retry-after").and_then(parse_retry_after)
    }

    fn into_error(self) -> Error {
        let retry_after = self.retry_after();
        let trace = self.header("x-trace-id").map(str::to_owned);
        Error::from_response(self.status, Problem::parse(&self.body), trace, retry_after)
            .with_request_id(&self.request_id)
    }
}

/// How an attempt failed.
enum Failure {
    /// The server answered with an error status.
    Answer(Response),
    /// The connection was never made: the server did not see the request.
    NotSent(Error),
    /// The request may have reached the server (timeout, reset, broken answer).
    MaybeSent(Error),
}

/// Settings of the HTTP layer.
#[derive(Debug, Clone)]
pub(crate) struct HttpSettings {
    pub api_base: Url,
    pub auth_base: Url,
    pub retry: RetryPolicy,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub user_agent: String,
}

/// The pooled client and the retry loop.
#[derive(Debug)]
pub(crate) struct HttpCore {
    client: reqwest::Client,
    settings: HttpSettings,
}

impl HttpCore {
    pub fn new(settings: HttpSettings) -> Result<Self> {
        install_crypto_provider();
        let client = reqwest::Client::builder()
            .user_agent(settings.user_agent.clone())
            .connect_timeout(settings.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .build()
            .map_err(|error| Error::connection("could not build the HTTP client", error))?;
        Ok(HttpCore { client, settings })
    }

    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    /// Sends `request`, retrying per the policy and renewing the token once on 401.
    pub async fn execute(&self, request: &Request, session: Option<&Session>) -> Result<Response> {
        let request_id = uuid::Uuid::new_v4().simple().to_string();
        let span = tracing::debug_span!(
            "insurup.request",
            method = %request.method,
            route = request.route,
            request_id = %request_id,
        );
        self.execute_with_id(request, session, &request_id)
            .instrument(span)
            .await
            .map_err(|error| error.with_request_id(&request_id))
    }

    async fn execute_with_id(
        &self,
        request: &Request,
        session: Option<&Session>,
        request_id: &str,
    ) -> Result<Response> {
        let session = session.filter(|_| request.authenticated);
        let mut retries_done = 0;
        let mut renewed_after_401 = false;
        loop {
            let token = match session {
                Some(session) => Some(session.access_token().await?),
                None => None,
            };
            let started = Instant::now();
            let failure = match self.attempt(request, token.as_ref(), request_id).await {
                Ok(response) if (200..300).contains(&response.status) => {
                    tracing::debug!(
                        status = response.status,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "answered"
                    );
                    return Ok(response);
                }
                Ok(response) => {
                    tracing::debug!(
                        status = response.status,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "answered with an error"
                    );
                    Failure::Answer(response)
                }
                Err(failure) => failure,
            };

            if let (Failure::Answer(response), Some(session), Some(token)) =
                (&failure, session, &token)
                && response.status == 401
                && !renewed_after_401
                && session.can_renew()
            {
                renewed_after_401 = true;
                tracing::debug!("access token refused; renewing it once and replaying");
                session.renew_after_rejection(token).await?;
                continue;
            }

            match self.plan_retry(request, failure, retries_done) {
                Ok(delay) => {
                    retries_done += 1;
                    tokio::time::sleep(delay).await;
                }
                Err(error) if renewed_after_401 && error.status() == Some(401) => {
                    let message = format!(
                        "{} (the API refused a token it had just issued: check that this machine's \
                         clock is right and that the account is still active)",
                        error.message()
                    );
                    return Err(error.with_message(message));
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// The wait before the next attempt, or the error to return.
    fn plan_retry(
        &self,
        request: &Request,
        failure: Failure,
        retries_done: u32,
    ) -> Result<Duration> {
        let policy = &self.settings.retry;
        let (error, retry_allowed, floor) = match failure {
            Failure::Answer(response) => {
                let status = response.status;
                let retry_after = response.retry_after();
                let error = response.into_error();
                if let Some(wait) = retry_after
                    && wait > policy.max_retry_after
                {
                    return Err(error);
                }
                let allowed = is_retryable_status(status)
                    && (request.safety == Safety::Idempotent || status == 429);
                (error, allowed, retry_after)
            }
            Failure::NotSent(error) => (error, true, None),
            Failure::MaybeSent(error) => (error, request.safety == Safety::Idempotent, None),
        };
        if !retry_allowed {
            return Err(error);
        }
        let Some(backoff) = policy.backoff(retries_done) else {
            return Err(error);
        };
        let delay = floor.map_or(backoff, |floor| backoff.max(floor));
        tracing::info!(
            retry = retries_done + 1,
            delay_ms = delay.as_millis() as u64,
            kind = %error.kind(),
            status = error.status(),
            "retrying"
        );
        Ok(delay)
    }

    async fn attempt(
        &self,
        request: &Request,
        token: Option<&Secret>,
        request_id: &str,
    ) -> std::result::Result<Response, Failure> {
        let base = match request.host {
            Host::Api => &self.settings.api_base,
            Host::Auth => &self.settings.auth_base,
        };
        let url = base
            .join(request.path.trim_start_matches('/'))
            .map_err(|error| {
                Failure::NotSent(Error::validation(
                    "path",
                    format!("invalid request path: {error}"),
                ))
            })?;
        let mut builder = self
            .client
            .request(request.method.clone(), url)
            .timeout(self.settings.timeout)
            .header("accept", "application/json, application/problem+json")
            .header("x-request-id", request_id);
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(token) = token {
            builder = builder.bearer_auth(token.expose());
        }
        builder = match &request.body {
            Some(Body::Json(bytes)) => builder
                .header("content-type", "application/json")
                .body(bytes.clone()),
            Some(Body::Form(encoded)) => builder
                .header("content-type", "application/x-www-form-urlencoded")
                .body(encoded.clone()),
            None => builder,
        };
        tracing::debug!("sending");
        let response = builder.send().await.map_err(|error| classify(&error))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(|error| classify(&error))?;
        Ok(Response {
            status,
            headers,
            body,
            request_id: request_id.to_owned(),
            sensitive: request.sensitive_answer,
        })
    }
}

/// Sorts a transport failure by whether the server can have seen the request. The messages
/// never include the URL's query or any header.
fn classify(error: &reqwest::Error) -> Failure {
    let cause = root_cause(error);
    if error.is_connect() {
        return Failure::NotSent(Error::connection(
            format!("could not connect to the InsurUp API: {cause}"),
            CauseText(cause),
        ));
    }
    if error.is_timeout() {
        return Failure::MaybeSent(Error::timeout("the InsurUp API did not answer in time"));
    }
    Failure::MaybeSent(Error::connection(
        format!("the connection to the InsurUp API failed: {cause}"),
        CauseText(cause),
    ))
}

fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

/// A transport cause kept as text (reqwest errors embed the URL).
#[derive(Debug)]
struct CauseText(String);

impl std::fmt::Display for CauseText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CauseText {}

/// reqwest is built without a default TLS provider (`rustls-no-provider`) so that no C crypto
/// library is compiled; install ring once per process.
fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// Is `kind` the answer of a server that acted on the request? Used by the purchase read-back.
pub(crate) fn server_answered(error: &Error) -> bool {
    error.status().is_some() && error.kind() != ErrorKind::Timeout
}
