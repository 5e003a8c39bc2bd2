//! The SDK against each documented dialect of the API, served strictly by the sandbox: the whole
//! quote-and-buy flow, GraphQL pages and streams, cases, premium details and forms, webhooks and
//! the service account's token, with no dialect configured (`tests/DIALECTS.md`).

mod support;

use std::time::Duration;

use axum::body::Bytes;
use axum::http::HeaderMap;
use futures::TryStreamExt;
use insurup::graphql::{CaseFields, CustomerFields, PolicyFields, ProposalFields};
use insurup::webhook::{self, Event};
use insurup::{
    Channel, Dialect, ListQuery, NewCustomer, NewProposal, NewVehicle, NewWebhook, Payment,
    ProductBranch, WaitOptions, WebhookEvent,
};
use insurup_sandbox::{Dialect as Served, SandboxConfig};
use support::*;
use tokio::sync::mpsc;

const SECRET: &str = "whsec-dialects-0123456789";

/// A webhook endpoint on loopback handing every verified event to the test.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Event>) {
    let (sender, events) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/hooks",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let sender = sender.clone();
            async move {
                let signature = headers
                    .get(webhook::SIGNATURE_HEADER)
                    .and_then(|value| value.to_str().ok());
                match webhook::verify_and_parse(SECRET, &body, signature) {
                    Ok(event) => {
                        let _ = sender.send(event);
                        axum::http::StatusCode::OK
                    }
                    Err(_) => axum::http::StatusCode::UNAUTHORIZED,
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let url = format!("http://{}/hooks", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, events)
}

async fn the_whole_flow_succeeds_against(served: Served, expected: Dialect) {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        dialect: served,
        generated_policies: 40,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox.client();
    let (url, mut events) = receiver().await;
    let hook = client
        .webhooks()
        .create(NewWebhook::new(
            &url,
            vec![WebhookEvent::PolicyCreated, WebhookEvent::CustomerCreated],
            SECRET,
        ))
        .await
        .expect("webhook registered");
    assert!(
        hook.events.contains(&WebhookEvent::PolicyCreated),
        "{hook:?}"
    );

    // Quote and buy.
    let customer = client
        .customers()
        .ensure(NewCustomer::individual(tckn(880)).with_birth_date("1990-01-01"))
        .await
        .expect("customer");
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle");
    let case = client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
        .await
        .expect("sale opportunity");
    let again = client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
        .await
        .expect("the same sale opportunity");
    assert_eq!(case.id, again.id, "the open case is found, not duplicated");
    let created = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    let proposal = client
        .proposals()
        .wait(
            &created.id,
            WaitOptions::with_timeout(Duration::from_secs(30)),
        )
        .await
        .expect("answered");
    let best = proposal
        .cheapest_product(1)
        .expect("a cash premium")
        .clone();
    client
        .proposals()
        .premium_detail(&proposal.id, &best.id, 1)
        .await
        .expect("premium detail");
    client
        .proposals()
        .information_form(&proposal.id, &best.id)
        .await
        .expect("information form");
    let bought = client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(card(), 1))
        .await
        .expect("bought");
    let policy = client
        .policies()
        .get(&bought.policy_id)
        .await
        .expect("policy");
    assert_eq!(policy.id, bought.policy_id);
    assert_eq!(
        client.dialect(),
        expected,
        "the client found the server's dialect"
    );

    // GraphQL pages, filters, sorting and streams.
    let graphql = client.graphql();
    let page = graphql
        .policies(
            &ListQuery::first(5)
                .filter(PolicyFields::state().eq(insurup::PolicyState::Active))
                .order_by(PolicyFields::gross_premium().desc()),
        )
        .await
        .expect("a page of policies");
    assert_eq!(page.items.len(), 5);
    let premiums: Vec<f64> = page
        .items
        .iter()
        .filter_map(|row| row.gross_premium)
        .collect();
    assert!(
        premiums.windows(2).all(|pair| pair[0] >= pair[1]),
        "{premiums:?}"
    );
    let everything = graphql
        .policies(&ListQuery::first(1))
        .await
        .expect("the total");
    let all: Vec<_> = graphql
        .policies_stream(ListQuery::first(7))
        .try_collect()
        .await
        .expect("every policy");
    assert_eq!(all.len() as u32, everything.total_count.expect("total"));
    assert!(
        all.iter().any(|row| row.id == bought.policy_id),
        "the bought policy is listed"
    );
    let mine = graphql
        .proposals(&ListQuery::first(10).filter(ProposalFields::id().eq(proposal.id.as_str())))
        .await
        .expect("proposals");
    let row = mine.items.first().expect("the proposal");
    assert!(row.vehicle_plate.is_some(), "{row:?}");
    let customers = graphql
        .customers(&ListQuery::first(10).filter(CustomerFields::id().eq(customer.id.as_str())))
        .await
        .expect("customers");
    assert_eq!(customers.items.len(), 1);
    let cases: Vec<_> = graphql
        .cases_stream(
            ListQuery::first(2).filter(CaseFields::customer_id().eq(customer.id.as_str())),
        )
        .try_collect()
        .await
        .expect("cases");
    assert!(cases.iter().any(|row| row.id == case.id), "{cases:?}");

    // Webhooks: the customer and the policy, signed and decoded.
    let mut seen = Vec::new();
    while !(seen.contains(&"customer.created") && seen.contains(&"policy.created")) {
        let event = tokio::time::timeout(Duration::from_secs(20), events.recv())
            .await
            .expect("a delivery arrives")
            .expect("the receiver runs");
        seen.push(match event {
            Event::CustomerCreated(_) => "customer.created",
            Event::PolicyCreated(_) => "policy.created",
            _ => "other",
        });
    }

    // A service account, with the token server where the dialect puts it.
    let service = sandbox
        .builder()
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .auth_url(sandbox.handle.auth_url())
        .build()
        .expect("service client");
    service
        .reference()
        .me()
        .await
        .expect("a client-credentials token");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_flow_succeeds_against_the_b2b_guides_dialect() {
    the_whole_flow_succeeds_against(Served::Guide, Dialect::Guide).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_flow_succeeds_against_the_graphql_docs_dialect() {
    the_whole_flow_succeeds_against(Served::GraphqlDocs, Dialect::GraphqlDocs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_flow_succeeds_against_the_vendor_clients_dialect() {
    the_whole_flow_succeeds_against(Served::VendorSdk, Dialect::VendorSdk).await;
}
