//! The routers: every route of the dialect wired to its handler, described in `/openapi.json` by
//! the handler's own `#[utoipa::path]`, and the layers every request passes through.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use utoipa::openapi::server::Server;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::{
    addresses, auth, branches, cases, consents, customer_contacts as contacts, customers, graphql,
    oauth, policies, policy_transfers, properties, proposal_documents as documents, proposals,
    purchase, reference, revisions, vehicles, webhooks,
};
use crate::controls::{self, faults};
use crate::dialect::Dialect;
use crate::http::problem::Problem;
use crate::http::{middleware, openapi, ratelimit};
use crate::state::AppState;

fn controls() -> Router<AppState> {
    Router::new()
        .route("/__sandbox/stats", get(controls::stats))
        .route("/__sandbox/reset", post(controls::reset))
        .route("/__sandbox/revoke-tokens", post(controls::revoke_tokens))
        .route("/__sandbox/clock", post(controls::clock))
        .route(
            "/__sandbox/faults",
            post(faults::create).get(faults::list).delete(faults::clear),
        )
        .route(
            "/__sandbox/3d-secure/{paymentId}",
            get(purchase::complete_redirect),
        )
        .route(
            "/__sandbox/policies/{id}/endorse",
            post(controls::policies::endorse),
        )
        .route(
            "/__sandbox/policies/{id}/cancel",
            post(controls::policies::cancel),
        )
        .route("/__sandbox/oauth/approve", post(oauth::approve_control))
        .route("/__sandbox/hub/events", post(controls::hub::push))
        .route("/__sandbox/hub/cut", post(controls::hub::cut))
        .route("/__sandbox/hub/close", post(controls::hub::close))
        .route("/__sandbox/hub/pings", post(controls::hub::pings))
        .route(
            "/__sandbox/hub/handshake-delay",
            post(controls::hub::handshake_delay),
        )
}

/// The real-time hub: a WebSocket, not REST, so it is not in `/openapi.json`. Outside `/api/`, as
/// InsurUp serves it, and the same in every dialect. It checks the token itself (the query may
/// carry it), so it is not behind `require_bearer`.
fn hub() -> Router<AppState> {
    Router::new().route(HUB_PATH, get(crate::api::hub::connect))
}

/// Where `ProposalDetailHub` is mapped.
pub const HUB_PATH: &str = "/hubs/proposal-detail";

/// Routes that need no token.
fn public(dialect: Dialect) -> OpenApiRouter<AppState> {
    let mut api = OpenApiRouter::new()
        .routes(routes!(auth::login))
        .routes(routes!(auth::verify_mfa))
        .routes(routes!(auth::refresh))
        .routes(routes!(graphql::sdl));
    if dialect == Dialect::VendorSdk {
        api = api.routes(routes!(graphql::sdl_under_api));
    }
    // The OAuth docs put the token endpoint on its own origin; the guide knows only one.
    if !dialect.splits_auth_origin() {
        api = api.merge(auth_routes());
    }
    api
}

/// Routes that need a bearer token. Where dialects differ in a path, a verb or an answer's shape,
/// each spelling has its own documented handler and the dialect picks.
fn protected(dialect: Dialect) -> OpenApiRouter<AppState> {
    let guide = !dialect.vendor_rest();
    let vendor = !dialect.guide_rest();
    let mut api = OpenApiRouter::new()
        .routes(routes!(reference::me))
        .routes(routes!(branches::list, branches::create))
        .routes(routes!(branches::get, branches::update, branches::delete))
        .routes(routes!(reference::insurance_companies))
        .routes(routes!(reference::products))
        .routes(routes!(reference::kasko_coverage_choices))
        .routes(routes!(reference::coverage_groups))
        .routes(routes!(reference::coverage_group))
        .routes(routes!(reference::brands))
        .routes(routes!(reference::models))
        .routes(routes!(reference::vehicle_by_brand_code))
        .routes(routes!(customers::create))
        .routes(routes!(customers::external_lookup))
        .routes(routes!(
            customers::get,
            customers::update,
            customers::delete
        ))
        .routes(routes!(customers::assets))
        .routes(routes!(contacts::emails, contacts::add_email))
        .routes(routes!(contacts::remove_email))
        .routes(routes!(contacts::make_email_primary))
        .routes(routes!(
            contacts::primary_email,
            contacts::set_primary_email_address
        ))
        .routes(routes!(contacts::phone_numbers, contacts::add_phone_number))
        .routes(routes!(contacts::remove_phone_number))
        .routes(routes!(contacts::make_phone_number_primary))
        .routes(routes!(
            contacts::primary_phone_number,
            contacts::set_primary_phone_number
        ))
        .routes(routes!(contacts::customer_addresses, contacts::add_address))
        .routes(routes!(
            contacts::customer_address,
            contacts::update_address,
            contacts::remove_address
        ))
        .routes(routes!(contacts::set_representative))
        .routes(routes!(contacts::set_branch))
        .routes(routes!(contacts::contacts, contacts::add_contact))
        .routes(routes!(consents::list, consents::give))
        .routes(routes!(consents::revoke))
        .routes(routes!(addresses::cities))
        .routes(routes!(addresses::districts))
        .routes(routes!(addresses::towns))
        .routes(routes!(addresses::neighbourhoods))
        .routes(routes!(addresses::streets))
        .routes(routes!(addresses::buildings))
        .routes(routes!(addresses::apartments))
        .routes(routes!(vehicles::list, vehicles::create))
        .routes(routes!(vehicles::external_lookup))
        .routes(routes!(vehicles::get, vehicles::update, vehicles::delete))
        .routes(routes!(properties::list, properties::create))
        .routes(routes!(
            properties::get,
            properties::update,
            properties::delete
        ))
        .routes(routes!(properties::dask_lookup))
        .routes(routes!(cases::get))
        .routes(routes!(cases::set_representative))
        .routes(routes!(cases::add_note))
        .routes(routes!(cases::set_channel))
        .routes(routes!(cases::set_state))
        .routes(routes!(cases::set_asset))
        .routes(routes!(cases::set_branch))
        .routes(routes!(cases::activities))
        .routes(routes!(cases::proposals))
        .routes(routes!(cases::policies))
        .routes(routes!(proposals::create))
        .routes(routes!(proposals::get))
        .routes(routes!(proposals::products))
        .routes(routes!(proposals::product))
        .routes(routes!(proposals::coverage))
        .routes(routes!(proposals::document))
        .routes(routes!(proposals::set_representative))
        .routes(routes!(proposals::set_branch))
        .routes(routes!(revisions::revise))
        .routes(routes!(revisions::revise_product))
        .routes(routes!(documents::send_document))
        .routes(routes!(documents::send_information_form))
        .routes(routes!(documents::send_compare_pdf))
        .routes(routes!(documents::snapshot))
        .routes(routes!(documents::coverage))
        .routes(routes!(purchase::start_async))
        .routes(routes!(policies::get))
        .routes(routes!(policies::document))
        .routes(routes!(policies::send_document))
        .routes(routes!(policies::set_representative))
        .routes(routes!(policies::create_manual))
        .routes(routes!(policies::update_manual))
        .routes(routes!(policy_transfers::create))
        .routes(routes!(policy_transfers::get))
        .routes(routes!(policy_transfers::trigger))
        .routes(routes!(policy_transfers::trigger_detail))
        .routes(routes!(webhooks::list, webhooks::create))
        .routes(routes!(webhooks::get, webhooks::update, webhooks::delete))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::delivery))
        .routes(routes!(webhooks::redeliver));
    api = if dialect.vendor_rest() {
        api.routes(routes!(cases::create_sale_opportunity_answering_an_id))
            .routes(routes!(
                cases::create_cross_sale_opportunity_answering_an_id
            ))
            .routes(routes!(cases::create_cancel_answering_an_id))
            .routes(routes!(cases::create_endorsement_answering_an_id))
            .routes(routes!(cases::create_complaint_answering_an_id))
            .routes(routes!(purchase::sync))
            .routes(routes!(proposals::retry))
    } else {
        api.routes(routes!(cases::create_sale_opportunity_answering_an_object))
            .routes(routes!(
                cases::create_cross_sale_opportunity_answering_an_object
            ))
            .routes(routes!(cases::create_cancel_answering_an_object))
            .routes(routes!(cases::create_endorsement_answering_an_object))
            .routes(routes!(cases::create_complaint_answering_an_object))
            .routes(routes!(purchase::sync_answering_the_policy_number))
            // The kasko guide retries with GET, the self-service guide with POST.
            .routes(routes!(proposals::retry, proposals::retry_with_get))
    };
    // The docs look a UAVT number's address up with GET and the number in the query; the vendor
    // client posts `{propertyNumber}`.
    api = if guide {
        api.routes(routes!(addresses::address_by_property_number_query))
    } else {
        api.routes(routes!(addresses::address_by_property_number))
    };
    // The API reference (and earlier vendor clients) set a policy's branch with POST; the current
    // vendor client puts it.
    api = if guide {
        api.routes(routes!(policies::set_branch_with_post))
    } else {
        api.routes(routes!(policies::set_branch))
    };
    // The docs make the comparison PDF with GET; the vendor client posts the products.
    api = if guide {
        api.routes(routes!(documents::compare_pdf_query))
    } else {
        api.routes(routes!(documents::compare_pdf))
    };
    // The docs read a premium at `premiums/{n}` and name the form `information-form-document`;
    // the vendor client says `premium-detail/{n}` and `information-form`.
    if guide {
        api = api
            .routes(routes!(proposals::premiums))
            .routes(routes!(proposals::information_form_document));
    }
    if vendor {
        api = api
            .routes(routes!(proposals::premium_detail))
            .routes(routes!(proposals::information_form));
    }
    // The docs and the guide post GraphQL at the root, the vendor client under its `/api/` base.
    if dialect != Dialect::VendorSdk {
        api = api.routes(routes!(graphql::execute));
    }
    if dialect == Dialect::VendorSdk {
        api = api.routes(routes!(graphql::execute_under_api));
    }
    api
}

/// The API origin's router, with `GET /openapi.json` describing it. The GraphQL schema is built
/// here, once per sandbox.
pub fn router(state: AppState) -> Result<Router, String> {
    let dialect = state.config.dialect;
    let schema = graphql::schema(&state.config).map_err(|e| e.to_string())?;
    let protected =
        protected(dialect).route_layer(from_fn_with_state(state.clone(), auth::require_bearer));
    let (api, mut document) = OpenApiRouter::with_openapi(openapi::document(dialect))
        .merge(public(dialect))
        .merge(protected)
        .split_for_parts();
    if dialect.splits_auth_origin() {
        // The operations of the auth origin are described here too, with their own server.
        let (_, auth_document) = auth_routes().split_for_parts();
        for (path, mut item) in auth_document.paths.paths {
            item.servers = Some(vec![Server::new(state.auth_url.clone())]);
            document.paths.paths.insert(path, item);
        }
        if let (Some(ours), Some(theirs)) = (document.components.as_mut(), auth_document.components)
        {
            ours.schemas.extend(theirs.schemas);
        }
    }
    let document = Arc::new(document);
    let api = api
        .route(
            "/openapi.json",
            get(move || {
                let document = Arc::clone(&document);
                async move { Json(document.as_ref().clone()) }
            }),
        )
        .merge(controls())
        .merge(hub());
    Ok(with_layers(api, state).layer(Extension(schema)))
}

/// The authorization server: the token endpoint, discovery, a user's sign-in and revocation.
fn auth_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(auth::client_credentials))
        .routes(routes!(oauth::openid_configuration))
        .routes(routes!(oauth::authorize, oauth::authorize_form))
        .routes(routes!(oauth::pushed_authorization))
        .routes(routes!(oauth::revoke))
        .routes(routes!(oauth::logout))
}

/// The separate auth origin of the dialects that have one: the authorization server, like
/// `auth.insurup.com`.
pub fn auth_router(state: AppState) -> Router {
    let (router, _) = auth_routes().split_for_parts();
    with_layers(router, state)
}

/// Layers run outermost-last: trace -> count -> faults -> rate limit -> handler.
fn with_layers(router: Router<AppState>, state: AppState) -> Router {
    router
        .fallback(endpoint_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), ratelimit::limit))
        .layer(from_fn_with_state(state.clone(), faults::inject))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::count_requests,
        ))
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(from_fn_with_state(state.clone(), middleware::trace))
        .with_state(state)
}

async fn endpoint_not_found(request: Request) -> Response {
    Problem::endpoint_not_found(request.method().as_str(), request.uri().path()).into_response()
}

async fn method_not_allowed(request: Request) -> Response {
    Problem::method_not_allowed(request.method().as_str(), request.uri().path()).into_response()
}
