//! The HTTP layer: connection pools, the retry loop, error mapping and request ids.
//!
//! Every logical call gets one `x-request-id`, reused across its attempts and carried by its
//! error. Bodies and headers are never logged: they hold tokens and card data.

mod pace;
mod pool;
mod retry;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::HeaderMap;
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tracing::Instrument;
use url::Url;

pub use pool::ConnectionPool;
pub use retry::RetryPolicy;
pub(crate) use retry::Safety;
use retry::{is_retryable_status, parse_retry_after};

use crate::error::{Error, ErrorKind, Problem, Result};
use crate::fleet::{RateBudget, RouteClass};
use crate::secret::Secret;

/// What the transport needs of a session: a token to send, and a renewal when the server refuses
/// it. The session implements it; the transport knows nothing else about authentication.
#[async_trait::async_trait]
pub(crate) trait TokenSource: Send + Sync {
    /// A token to send now (waiting for a renewal if there is none usable).
    async fn access_token(&self) -> Result<Secret>;
    /// Whether a refused token can be renewed at all (a static token cannot).
    fn can_renew(&self) -> bool;
    /// The server answered 401 to a request sent with `used`: renew once (shared by every caller).
    async fn renew_after_rejection(&self, used: &Secret) -> Result<()>;
}

/// Which server a request goes to: the API, or the OAuth server (`/connect/token`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Host {
    Api,
    Auth,
}

#[derive(Clone)]
pub(crate) enum Body {
    Json(Bytes),
    Form(String),
}

/// Bodies carry passwords, tokens and card numbers: Debug shows their size only.
impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Json(bytes) => write!(f, "Json({} bytes)", bytes.len()),
            Body::Form(text) => write!(f, "Form({} bytes)", text.len()),
        }
    }
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

    /// The server refuses a repeat of this request once it took effect (a token refresh).
    pub fn refused_if_repeated(mut self) -> Self {
        self.safety = Safety::RefusedIfRepeated;
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

    /// Which rate limit the request counts against.
    pub fn route_class(&self) -> RouteClass {
        if self.host == Host::Auth || self.path.starts_with("/api/authentication") {
            RouteClass::Authentication
        } else {
            RouteClass::Api
        }
    }
}

/// An answer of any status.
#[derive(Clone)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub request_id: String,
    sensitive: bool,
}

/// Answers carry tokens and personal data: Debug shows the status and size only.
impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("body_bytes", &self.body.len())
            .field("request_id", &self.request_id)
            .finish_non_exhaustive()
    }
}

impl Response {
    pub fn json<T: DeserializeOwned>(&self) -> Result<T> {
        let decoded = if contains(&self.body, b"\"$type\"") {
            serde_json::from_slice::<serde_json::Value>(&self.body).and_then(|mut answer| {
                discriminators_as_type(&mut answer);
                serde_json::from_value(answer)
            })
        } else {
            serde_json::from_slice(&self.body)
        };
        decoded.map_err(|error| {
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
        let error =
            Error::from_response(self.status, Problem::parse(&self.body), trace, retry_after)
                .with_request_id(&self.request_id);
        if (300..400).contains(&self.status) {
            // Redirects are never followed: a 307 would re-send a card or a password to wherever
            // it points. The API needs none, so one means the base URL is wrong.
            let target = self
                .header("location")
                .and_then(|location| Url::parse(location).ok())
                .map(|url| format!(" to {}", url.origin().ascii_serialization()))
                .unwrap_or_default();
            let message = format!(
                "the server answered with a redirect (HTTP {}){target}, which the SDK does not \
                 follow; check the base URL",
                self.status
            );
            return error.with_message(message);
        }
        error
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// Answers of the current dialects carry a polymorphic `$type` (`"individual"`), sometimes beside
/// the `type` enum (`"INDIVIDUAL"`); the models read `type`. Like the vendor client, every inbound
/// `$type` becomes `type`, unless a `type` is there already.
fn discriminators_as_type(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(object) => {
            if let Some(discriminator) = object.remove("$type")
                && !object.contains_key("type")
            {
                object.insert("type".to_owned(), discriminator);
            }
            object.values_mut().for_each(discriminators_as_type);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(discriminators_as_type),
        _ => {}
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
    /// The request cannot be sent as built (an invalid URL): trying again cannot help.
    Unsendable(Error),
}

/// Settings of the HTTP layer.
#[derive(Debug, Clone)]
pub(crate) struct HttpSettings {
    pub api_base: Url,
    pub auth_base: Url,
    pub retry: RetryPolicy,
    pub timeout: Duration,
    pub user_agent: String,
    /// Answers larger than this are refused rather than held in memory.
    pub max_response_bytes: usize,
    /// A rate budget shared with other workers, drawn from before every attempt.
    pub rate_budget: Option<Arc<dyn RateBudget>>,
    /// Whether requests are paced at the rate limit the server's answers reveal.
    pub pace: bool,
}

/// A client's view of its (possibly shared) connection pool, and the retry loop.
#[derive(Debug)]
pub(crate) struct HttpCore {
    client: reqwest::Client,
    settings: HttpSettings,
    pacer: pace::Pacer,
}

impl HttpCore {
    pub fn new(settings: HttpSettings, pool: &ConnectionPool) -> Self {
        HttpCore {
            client: pool.http_client().clone(),
            settings,
            pacer: pace::Pacer::default(),
        }
    }

    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    /// Sends `request`, retrying per the policy and renewing the token once on 401.
    pub async fn execute(
        &self,
        request: &Request,
        session: Option<&dyn TokenSource>,
    ) -> Result<Response> {
        // A v4 UUID from the thread's generator: `Uuid::new_v4` asks the kernel for every id.
        let request_id = uuid::Builder::from_random_bytes(rand::random())
            .into_uuid()
            .simple()
            .to_string();
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
        session: Option<&dyn TokenSource>,
        request_id: &str,
    ) -> Result<Response> {
        let session = session.filter(|_| request.authenticated);
        let mut retries_done = 0;
        let mut renewed_after_401 = false;
        loop {
            let token = match session {
                // Nothing of this request has left yet, whatever the renewal sent.
                Some(session) => Some(
                    session
                        .access_token()
                        .await
                        .map_err(|error| error.with_reached_server(false))?,
                ),
                None => None,
            };
            if self.settings.pace {
                self.pacer.admit(request.route_class()).await;
            }
            if let Some(budget) = &self.settings.rate_budget {
                budget.acquire(request.route_class()).await?;
            }
            let started = Instant::now();
            let sent = tokio::time::Instant::now();
            let answer = self.attempt(request, token.as_ref(), request_id).await;
            if let (true, Ok(response)) = (self.settings.pace, &answer) {
                let retry_after = (response.status == 429)
                    .then(|| response.retry_after().unwrap_or(Duration::from_secs(1)))
                    .filter(|wait| *wait <= self.settings.retry.max_retry_after);
                self.pacer.observe(
                    request.route_class(),
                    sent,
                    response.status,
                    &response.headers,
                    retry_after,
                );
            }
            let failure = match answer {
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

            if let (Failure::Answer(response), Some(budget)) =
                (&failure, &self.settings.rate_budget)
                && response.status == 429
            {
                // Every worker of the fleet waits, not just this one.
                let wait = response.retry_after().unwrap_or(Duration::from_secs(1));
                budget.slow_down(request.route_class(), wait).await;
            }

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
                    && match request.safety {
                        Safety::Idempotent | Safety::RefusedIfRepeated => true,
                        Safety::CreatesSomething => status == 429,
                    };
                (error, allowed, retry_after)
            }
            Failure::NotSent(error) => (error, true, None),
            Failure::MaybeSent(error) => (error, request.safety == Safety::Idempotent, None),
            Failure::Unsendable(error) => return Err(error),
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
                Failure::Unsendable(Error::validation(
                    "path",
                    format!("invalid request path: {error}"),
                ))
            })?;
        let mut builder = self
            .client
            .request(request.method.clone(), url)
            .timeout(self.settings.timeout)
            .header("user-agent", &self.settings.user_agent)
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
        let mut response = builder.send().await.map_err(|error| classify(&error))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let limit = self.settings.max_response_bytes;
        let too_large = || {
            Failure::MaybeSent(
                Error::new(
                    ErrorKind::Decode,
                    format!(
                        "the server's answer (HTTP {status}) is larger than {limit} bytes; \
                         ask for smaller pages"
                    ),
                )
                .with_reached_server(true),
            )
        };
        if response
            .content_length()
            .is_some_and(|length| length > limit as u64)
        {
            return Err(too_large());
        }
        // Most answers arrive as one chunk: kept as it is, not copied.
        let mut body = Bytes::new();
        let mut gathered = bytes::BytesMut::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| classify(&error))? {
            if body.len() + gathered.len() + chunk.len() > limit {
                return Err(too_large());
            }
            if body.is_empty() && gathered.is_empty() {
                body = chunk;
            } else {
                if !body.is_empty() {
                    gathered.extend_from_slice(&std::mem::take(&mut body));
                }
                gathered.extend_from_slice(&chunk);
            }
        }
        if !gathered.is_empty() {
            body = gathered.freeze();
        }
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
    if error.is_builder() {
        return Failure::Unsendable(Error::validation(
            "base_url",
            format!("the request could not be built: {cause}"),
        ));
    }
    if error.is_connect() {
        return Failure::NotSent(Error::connection(
            format!("could not connect to the InsurUp API: {cause}"),
            CauseText(cause),
        ));
    }
    if error.is_timeout() {
        return Failure::MaybeSent(
            Error::timeout("the InsurUp API did not answer in time").with_reached_server(true),
        );
    }
    Failure::MaybeSent(
        Error::connection(
            format!("the connection to the InsurUp API failed: {cause}"),
            CauseText(cause),
        )
        .with_reached_server(true),
    )
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
pub(crate) fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn core_with(retry: RetryPolicy) -> HttpCore {
        HttpCore::new(
            HttpSettings {
                api_base: Url::parse("http://127.0.0.1:9/").expect("url"),
                auth_base: Url::parse("http://127.0.0.1:9/").expect("url"),
                retry,
                timeout: Duration::from_secs(5),
                user_agent: "test".to_owned(),
                max_response_bytes: 1024 * 1024,
                rate_budget: None,
                pace: true,
            },
            &ConnectionPool::new().expect("pool"),
        )
    }

    #[tokio::test]
    async fn a_request_that_cannot_be_built_is_refused_at_once_without_retries() {
        // Retrying would wait a minute before the second attempt.
        let http = core_with(RetryPolicy {
            base_delay: Duration::from_secs(60),
            max_delay: Duration::from_secs(60),
            ..RetryPolicy::default()
        });
        let request = Request::get("/bad", "http://[::1");
        let error = tokio::time::timeout(Duration::from_secs(10), http.execute(&request, None))
            .await
            .expect("no retry")
            .expect_err("an invalid URL");
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert!(!error.may_have_reached_server());
    }

    #[test]
    fn debug_output_of_requests_and_answers_never_shows_bodies() {
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/purchase/sync",
            "/x",
        )
        .json(&serde_json::json!({"card": {"number": "4242424242424242", "cvc": "123"}}))
        .expect("body")
        .form(&[("client_secret", "s3cr3t")]);
        let printed = format!("{request:?}");
        assert!(
            !printed.contains("4242") && !printed.contains("s3cr3t"),
            "{printed}"
        );
        let answer = Response {
            status: 200,
            headers: HeaderMap::new(),
            body: Bytes::from_static(br#"{"accessToken":"eyJ.secret"}"#),
            request_id: "r".to_owned(),
            sensitive: true,
        };
        let printed = format!("{answer:?}");
        assert!(!printed.contains("eyJ.secret"), "{printed}");
        assert!(printed.contains("body_bytes"), "{printed}");
    }
}
