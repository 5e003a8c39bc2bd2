//! The application: shared state and the router that wires every route to its handler.

use std::ops::Deref;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::sync::watch;

use crate::config::SandboxConfig;
use crate::problem::Problem;
use crate::store::{State, Store};
use crate::{
    auth, cases, control, customers, faults, graphql, middleware, policies, properties, proposals,
    purchase, ratelimit, reference, vehicles, webhooks,
};

pub struct Shared {
    pub config: SandboxConfig,
    pub store: Store,
    pub keys: auth::Keys,
    /// Outgoing client for webhook deliveries.
    pub http: reqwest::Client,
    pub base_url: String,
    pub schema: graphql::SandboxSchema,
    /// Flips to true when the sandbox shuts down, so background deliveries stop.
    pub shutdown: watch::Receiver<bool>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("base_url", &self.base_url)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(
        config: SandboxConfig,
        base_url: String,
        shutdown: watch::Receiver<bool>,
    ) -> Result<Self, reqwest::Error> {
        // Installing twice is harmless; another crate in the process may have done it already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .no_proxy()
            .build()?;
        let store = Store::new(State::seeded(&config));
        Ok(Self(Arc::new(Shared {
            keys: auth::Keys::random(),
            schema: graphql::schema(&config),
            config,
            store,
            http,
            base_url,
            shutdown,
        })))
    }
}

pub fn router(state: AppState) -> Router {
    let public = Router::new()
        .route("/api/authentication:agent-user/login", post(auth::login))
        .route(
            "/api/authentication:agent-user/verify-mfa",
            post(auth::verify_mfa),
        )
        .route(
            "/api/authentication:agent-user/refresh",
            post(auth::refresh),
        )
        .route("/connect/token", post(auth::client_credentials))
        .route("/graphql/schema", get(graphql::sdl))
        .route("/__sandbox/stats", get(control::stats))
        .route("/__sandbox/reset", post(control::reset))
        .route("/__sandbox/revoke-tokens", post(control::revoke_tokens))
        .route("/__sandbox/clock", post(control::clock))
        .route(
            "/__sandbox/faults",
            post(faults::create).get(faults::list).delete(faults::clear),
        )
        .route(
            "/__sandbox/3d-secure/{paymentId}",
            get(purchase::complete_redirect),
        );

    let protected = Router::new()
        .route("/api/agent-users/me", get(reference::me))
        .route("/api/agent-branches", get(reference::branches))
        .route("/api/agent-branches/{id}", get(reference::branch))
        .route(
            "/api/insurance-companies",
            get(reference::insurance_companies),
        )
        .route("/api/coverage-groups", get(reference::coverage_groups))
        .route("/api/coverage-groups/{id}", get(reference::coverage_group))
        .route("/api/vehicle-parameters/brands", get(reference::brands))
        .route("/api/vehicle-parameters/models", get(reference::models))
        .route("/api/customers", post(customers::create))
        .route(
            "/api/customers/external-lookup",
            post(customers::external_lookup),
        )
        .route(
            "/api/customers/{id}",
            get(customers::get)
                .put(customers::update)
                .delete(customers::delete),
        )
        .route(
            "/api/customers/{id}/vehicles",
            get(vehicles::list).post(vehicles::create),
        )
        .route(
            "/api/customers/{id}/vehicles/external-lookup",
            post(vehicles::external_lookup),
        )
        .route(
            "/api/customers/{id}/vehicles/{vehicleId}",
            get(vehicles::get).delete(vehicles::delete),
        )
        .route(
            "/api/customers/{id}/properties",
            get(properties::list).post(properties::create),
        )
        .route(
            "/api/customers/{id}/properties/{propertyId}",
            get(properties::get),
        )
        .route(
            "/api/cases:new-sale-opportunity",
            post(cases::create_sale_opportunity),
        )
        .route("/api/cases/{ref}", get(cases::get))
        .route("/api/proposals", post(proposals::create))
        .route("/api/proposals/{id}", get(proposals::get))
        .route("/api/proposals/{id}/products", get(proposals::products))
        .route(
            "/api/proposals/{id}/products/{productId}",
            get(proposals::product),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/premiums/{installmentNumber}",
            get(proposals::premium_detail),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/premium-detail/{installmentNumber}",
            get(proposals::premium_detail),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/coverage",
            get(proposals::coverage),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/document",
            get(proposals::document),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/information-form",
            get(proposals::information_form),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/information-form-document",
            get(proposals::information_form),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/retry",
            post(proposals::retry).get(proposals::retry),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/purchase/sync",
            post(purchase::sync),
        )
        .route(
            "/api/proposals/{id}/products/{productId}/purchase/async",
            post(purchase::start_async),
        )
        .route("/api/policies/{id}", get(policies::get))
        .route("/api/policies/{id}/document", get(policies::document))
        .route(
            "/api/policies/{id}/document/send",
            post(policies::send_document),
        )
        .route("/api/webhooks", get(webhooks::list).post(webhooks::create))
        .route(
            "/api/webhooks/{id}",
            get(webhooks::get)
                .put(webhooks::update)
                .delete(webhooks::delete),
        )
        .route("/api/webhooks/{id}/deliveries", get(webhooks::deliveries))
        .route(
            "/api/webhooks/{id}/deliveries/{deliveryId}",
            get(webhooks::delivery),
        )
        .route(
            "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver",
            post(webhooks::redeliver),
        )
        .route("/graphql", post(graphql::execute))
        .route("/api/graphql", post(graphql::execute))
        .route_layer(from_fn_with_state(state.clone(), auth::require_bearer));

    // Layers run outermost-last: trace -> count -> faults -> rate limit -> auth -> handler.
    Router::new()
        .merge(public)
        .merge(protected)
        .fallback(endpoint_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), ratelimit::limit))
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::count_requests,
        ))
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(from_fn(middleware::trace))
        .with_state(state)
}

async fn endpoint_not_found(request: Request) -> Response {
    Problem::endpoint_not_found(request.method().as_str(), request.uri().path()).into_response()
}

async fn method_not_allowed(request: Request) -> Response {
    Problem::method_not_allowed(request.method().as_str(), request.uri().path()).into_response()
}
