//! A webhook receiver: it verifies each delivery's signature over the raw body, drops repeats of
//! a delivery it already handled, and decodes the event.
//!
//! With no arguments it shows the whole round trip without credentials: it starts a sandbox in
//! this process, registers itself as a webhook, buys a kasko policy through the SDK, prints the
//! events it receives, and exits 0 once `proposal_premium.purchased` and `policy.created` arrived.
//!
//! ```console
//! $ cargo run -p insurup-examples --example webhook_receiver
//! ```
//!
//! Given an address it receives InsurUp's deliveries until Ctrl-C. Register
//! `https://<your host>/insurup/webhooks` with the same secret (InsurUp calls webhooks over https,
//! so put a TLS-terminating proxy in front):
//!
//! ```console
//! $ INSURUP_WEBHOOK_SECRET=... cargo run -p insurup-examples --example webhook_receiver -- 0.0.0.0:8080
//! ```

use std::collections::HashSet;
use std::error::Error;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use insurup::webhook::{self, DeliveryDeduplicator, Event, EventType};
use insurup::{
    Card, Channel, Client, ErrorKind, NewCustomer, NewProposal, NewVehicle, NewWebhook, Payment,
    ProductBranch, WaitOptions,
};
use insurup_sandbox::{Sandbox, SandboxConfig, fixtures};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

const PATH: &str = "/insurup/webhooks";
/// How long the demo waits for the two purchase events before it reports failure.
const DEMO_PATIENCE: Duration = Duration::from_secs(30);

/// A delivery that passed every check, handed from the HTTP handler to the code that acts on it.
struct Received {
    delivery_id: String,
    event: Event,
}

struct Receiver {
    secret: String,
    seen: DeliveryDeduplicator,
    handoff: mpsc::UnboundedSender<Received>,
}

async fn receive(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());

    // Verify first: an unsigned request must reach neither the de-duplicator nor the handler.
    let signature = header(webhook::SIGNATURE_HEADER);
    let event = match webhook::verify_and_parse(&receiver.secret, &body, signature) {
        Ok(event) => event,
        Err(error) if error.kind() == ErrorKind::Validation => {
            eprintln!("refused an unverifiable request: {error}");
            return StatusCode::UNAUTHORIZED;
        }
        Err(error) => {
            eprintln!("refused a signed body that is not an event: {error}");
            return StatusCode::BAD_REQUEST;
        }
    };

    let delivery_id = header(webhook::DELIVERY_HEADER)
        .unwrap_or_default()
        .to_owned();
    if !delivery_id.is_empty() && !receiver.seen.first_time_with_body(&delivery_id, &body) {
        println!(
            "{:<34} {delivery_id}  repeat, already handled",
            event.event_type()
        );
        return StatusCode::OK;
    }

    // InsurUp waits at most 30 s and asks for an answer within 5: queue the work, answer now.
    let received = Received {
        delivery_id: delivery_id.clone(),
        event,
    };
    if receiver.handoff.send(received).is_err() {
        // Not handled after all: let InsurUp's retry through instead of dropping it as a repeat.
        receiver.seen.forget(&delivery_id);
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    StatusCode::OK
}

/// Starts the receiver on `listener`; events that pass every check come out of the receiver.
fn serve(listener: TcpListener, secret: String) -> mpsc::UnboundedReceiver<Received> {
    let (handoff, received) = mpsc::unbounded_channel();
    let receiver = Arc::new(Receiver {
        secret,
        seen: DeliveryDeduplicator::default(),
        handoff,
    });
    let app = axum::Router::new()
        .route(PATH, axum::routing::post(receive))
        .with_state(receiver);
    tokio::spawn(async move {
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        if let Err(error) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            eprintln!("receiver stopped: {error}");
        }
    });
    received
}

fn describe(event: &Event) -> String {
    match event {
        Event::CustomerCreated(created) => format!("customer {}", created.customer.customer_id),
        Event::VehicleCreated(created) => format!(
            "vehicle {} ({})",
            created.vehicle.vehicle_id,
            created.vehicle.plate.as_deref().unwrap_or("no plate")
        ),
        Event::CaseCreated(case) => format!(
            "case {}",
            case.case_ref.as_deref().unwrap_or(case.case_id.as_str())
        ),
        Event::ProposalPremiumPurchased(purchased) => format!(
            "proposal {} bought, policy {}",
            purchased.proposal_id, purchased.policy_id
        ),
        Event::PolicyCreated(policy) => format!(
            "policy {} from {}, {:.2} TL",
            policy
                .insurance_company_policy_no
                .as_deref()
                .unwrap_or(policy.policy_id.as_str()),
            policy
                .insurance_company
                .as_ref()
                .map_or("an insurer", |company| company.name.as_str()),
            policy.gross_premium.unwrap_or_default()
        ),
        Event::Unknown { payload, .. } => format!("not known to this SDK version: {payload}"),
        // Every event serialises back to its wire shape.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

fn print(received: &Received) {
    println!(
        "{:<34} {}  {}",
        received.event.event_type(),
        received.delivery_id,
        describe(&received.event)
    );
}

/// The round trip against an in-process sandbox.
async fn demo() -> Result<ExitCode, Box<dyn Error>> {
    let sandbox = Sandbox::start(SandboxConfig::for_tests()).await?;
    let secret = format!("whsec-{}", uuid::Uuid::new_v4().simple());
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}{PATH}", listener.local_addr()?);
    let mut received = serve(listener, secret.clone());

    let client = Client::builder()
        .base_url(sandbox.base_url())
        .agent_user(fixtures::AGENT_USER_EMAIL, fixtures::PASSWORD)
        .agent_id(fixtures::AGENT_ID)
        .build()?;
    let every_event = EventType::ALL
        .iter()
        .map(|event| event.subscription())
        .collect();
    let webhook = client
        .webhooks()
        .create(NewWebhook::new(&url, every_event, secret))
        .await?;
    println!(
        "sandbox {}; webhook {} delivers to {url}",
        sandbox.base_url(),
        webhook.id
    );

    let customer = client
        .customers()
        .create(NewCustomer::individual(fixtures::TCKN).with_birth_date("1990-01-01"))
        .await?;
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new(fixtures::PLATE).with_document_serial(
                fixtures::DOCUMENT_SERIAL_CODE,
                fixtures::DOCUMENT_SERIAL_NUMBER,
            ),
        )
        .await?;
    client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
        .await?;
    let proposal = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await?;
    let proposal = client
        .proposals()
        .wait(&proposal.id, WaitOptions::default())
        .await?;
    let best = proposal
        .cheapest_product(1)
        .ok_or("no insurer priced the proposal")?;
    let card = Card::new(fixtures::SUCCESS_CARD, "123", "12", "2030", "AHMET YILMAZ")?;
    let bought = client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(card, 1))
        .await?;
    println!(
        "bought {} from {}: policy {}",
        best.product_name, best.insurance_company_name, bought.policy_id
    );

    let mut awaited: HashSet<EventType> = [
        EventType::ProposalPremiumPurchased,
        EventType::PolicyCreated,
    ]
    .into();
    let deadline = tokio::time::sleep(DEMO_PATIENCE);
    tokio::pin!(deadline);
    while !awaited.is_empty() {
        tokio::select! {
            Some(delivery) = received.recv() => {
                print(&delivery);
                if let Some(event_type) = delivery.event.known_type() {
                    awaited.remove(&event_type);
                }
            }
            () = &mut deadline => {
                let missing: Vec<&str> = awaited.iter().map(|event| event.id()).collect();
                eprintln!("no delivery of {missing:?} within {DEMO_PATIENCE:?}");
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    sandbox.shutdown().await;
    Ok(ExitCode::SUCCESS)
}

/// Receives real deliveries on `address` until Ctrl-C.
async fn receive_forever(address: &str) -> Result<ExitCode, Box<dyn Error>> {
    let secret = std::env::var("INSURUP_WEBHOOK_SECRET")
        .map_err(|_| "set INSURUP_WEBHOOK_SECRET to the secret the webhook was registered with")?;
    let listener = TcpListener::bind(address).await?;
    println!("receiving on http://{}{PATH}", listener.local_addr()?);
    let mut received = serve(listener, secret);
    while let Some(delivery) = received.recv().await {
        print(&delivery);
    }
    Ok(ExitCode::SUCCESS)
}

#[tokio::main]
async fn main() -> Result<ExitCode, Box<dyn Error>> {
    // The SDK and the sandbox share one TLS stack (ring); pick it before any client is built.
    let _ = rustls::crypto::ring::default_provider().install_default();
    match std::env::args().nth(1).as_deref() {
        None => demo().await,
        Some("-h" | "--help") => {
            println!("usage: webhook_receiver [LISTEN_ADDRESS]   (no address: sandbox demo)");
            Ok(ExitCode::SUCCESS)
        }
        Some(address) => receive_forever(address).await,
    }
}
