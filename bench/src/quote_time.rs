//! Time to the best quote: the SDK's quote-and-buy flow (login, customer, vehicle, kasko
//! proposal, wait for every insurer, purchase of the cheapest offer) against the sandbox's own
//! floor for that proposal.
//!
//! The floor is read off the sandbox's real-time hub by an observer that registers for the
//! proposal as soon as it exists: the insurers answer on the sandbox's clock and the hub pushes
//! each answer when it is applied, so the last `ReceiveProposalProductSuccess`/`Failed` marks
//! when the best quote was knowable, and the gap between `Purchasing` and `Purchased` is the
//! insurer's issuing time. Floor = (last answer − the moment the flow asked for the proposal)
//! + issuing time.
//!
//! Two more figures tell the SDK's ways of waiting apart: how long after the last insurer's
//! answer the SDK's `wait` returned (what a user waits for beyond the insurers themselves), and
//! how many API requests the SDK sent for a proposal, from creating it to buying its best offer
//! (read off the sandbox's counters; the client's one hub connection, shared by every proposal it
//! watches, is not counted). That count is taken for the client's second proposal, as a working
//! CRM's client has its hub connection open, and for its first, which opens it.

use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use insurup::{Card, Client, NewCustomer, NewProposal, NewVehicle, Payment, Proposal, WaitOptions};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

const RS: char = '\u{1e}';

/// What the observer saw, as instants of this process's clock.
#[derive(Debug, Default)]
struct Seen {
    registered: Option<Instant>,
    last_answer: Option<Instant>,
    answers: usize,
    purchasing: Option<Instant>,
    purchased: Option<Instant>,
}

/// Connects to the hub, registers for `proposal` and records the events until the purchase
/// ends or `patience` passes.
async fn observe(
    base_url: &str,
    token: &str,
    proposal: &str,
    registered: tokio::sync::oneshot::Sender<()>,
    patience: Duration,
) -> Result<Seen, String> {
    let url = format!(
        "{}/hubs/proposal-detail",
        base_url.replacen("http://", "ws://", 1)
    );
    let mut request = url
        .into_client_request()
        .map_err(|error| error.to_string())?;
    request.headers_mut().insert(
        "authorization",
        HeaderValue::from_str(&format!("Bearer {token}")).map_err(|error| error.to_string())?,
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .map_err(|error| format!("the hub refused the observer: {error}"))?;
    let handshake = format!("{}{RS}", json!({"protocol": "json", "version": 1}));
    let register = format!(
        "{}{RS}",
        json!({"type": 1, "invocationId": "1", "target": "Register", "arguments": [{"proposalId": proposal}]})
    );
    socket
        .send(Message::text(handshake + &register))
        .await
        .map_err(|error| error.to_string())?;
    let mut seen = Seen::default();
    let mut registered = Some(registered);
    let deadline = tokio::time::Instant::now() + patience;
    let mut partial = String::new();
    while let Ok(Some(frame)) = tokio::time::timeout_at(deadline, socket.next()).await {
        let now = Instant::now();
        let text = match frame {
            Ok(Message::Text(text)) => text.to_string(),
            Ok(Message::Binary(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => continue,
        };
        partial.push_str(&text);
        while let Some(end) = partial.find(RS) {
            let record: String = partial.drain(..=end).collect();
            let message: Value = serde_json::from_str(record.trim_end_matches(RS))
                .map_err(|error| error.to_string())?;
            match (message["type"].as_u64(), message["target"].as_str()) {
                (Some(3), _) if message["invocationId"] == "1" => {
                    if let Some(error) = message["error"].as_str() {
                        return Err(format!("the hub refused the registration: {error}"));
                    }
                    seen.registered = Some(now);
                    if let Some(done) = registered.take() {
                        let _ = done.send(());
                    }
                }
                (
                    Some(1),
                    Some("ReceiveProposalProductSuccess" | "ReceiveProposalProductFailed"),
                ) => {
                    seen.answers += 1;
                    seen.last_answer = Some(now);
                }
                (Some(1), Some("ReceiveProposalProductPurchasing")) => seen.purchasing = Some(now),
                (
                    Some(1),
                    Some(
                        "ReceiveProposalProductPurchased" | "ReceiveProposalProductPurchaseFailed",
                    ),
                ) => {
                    seen.purchased = Some(now);
                    return Ok(seen);
                }
                _ => {}
            }
        }
    }
    Ok(seen)
}

/// API requests the sandbox has counted; hub connections (the observer has one too) and its
/// test controls left out.
async fn api_requests(http: &reqwest::Client, base_url: &str) -> Result<u64, String> {
    let stats: Value = http
        .get(format!("{base_url}/__sandbox/stats"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| format!("the sandbox's counters: {error}"))?
        .json()
        .await
        .map_err(|error| format!("the sandbox's counters: {error}"))?;
    let requests = stats["requests"].as_object().ok_or("no request counters")?;
    Ok(requests
        .iter()
        .filter(|(route, _)| !route.contains("/hubs/") && !route.contains("/__sandbox/"))
        .filter_map(|(_, count)| count.as_u64())
        .sum())
}

/// Buys the cheapest single-installment offer with a test card.
async fn buy_cheapest(client: &Client, proposal: &Proposal) -> Result<(), String> {
    let best = proposal
        .cheapest_product(1)
        .ok_or("no insurer offered a premium")?;
    let card = Card::new("4242424242424242", "123", "12", "2030", "AHMET YILMAZ")
        .map_err(|error| error.to_string())?;
    client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(card, 1))
        .await
        .map_err(|error| error.to_string())?;
    Ok(())
}

/// One round: a fresh client (its login included) through the whole flow, timed, with the floor.
pub async fn round(
    http: &reqwest::Client,
    base_url: &str,
    token: &str,
    build: impl Fn() -> insurup::Result<Client>,
    round: u32,
) -> Result<Value, String> {
    let started = Instant::now();
    let client = build().map_err(|error| error.to_string())?;
    let customer = client
        .customers()
        .ensure(NewCustomer::individual("11111111110").with_birth_date("1990-01-01"))
        .await
        .map_err(|error| error.to_string())?;
    let vehicle = client
        .vehicles()
        .ensure(
            &customer.id,
            NewVehicle::new("34ABC123").with_document_serial("AB", "123456"),
        )
        .await
        .map_err(|error| error.to_string())?;
    let requests_before_create = api_requests(http, base_url).await?;
    let asked = Instant::now();
    let proposal = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .map_err(|error| error.to_string())?;
    let (registered, on_registered) = tokio::sync::oneshot::channel();
    let observer = {
        let (base_url, token, id) = (
            base_url.to_owned(),
            token.to_owned(),
            proposal.id.to_string(),
        );
        tokio::spawn(async move {
            observe(&base_url, &token, &id, registered, Duration::from_secs(120)).await
        })
    };
    // The flow goes on at once, as a user's would; the observer is registered within a few
    // milliseconds, before the fastest insurer (300 ms nominal) answers.
    let proposal = client
        .proposals()
        .wait(&proposal.id, WaitOptions::default())
        .await
        .map_err(|error| error.to_string())?;
    let wait_returned = Instant::now();
    let quoted = started.elapsed();
    buy_cheapest(&client, &proposal).await?;
    let wall = started.elapsed();
    let requests_for_the_proposal = api_requests(http, base_url).await? - requests_before_create;
    let _ = on_registered.await;
    let seen = observer.await.map_err(|error| error.to_string())??;
    // The same client's next proposal: its hub connection is open by now, as a working CRM's is.
    let requests_before_next = api_requests(http, base_url).await?;
    let next = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .map_err(|error| error.to_string())?;
    let next = client
        .proposals()
        .wait(&next.id, WaitOptions::default())
        .await
        .map_err(|error| error.to_string())?;
    buy_cheapest(&client, &next).await?;
    let requests_for_the_next = api_requests(http, base_url).await? - requests_before_next;
    // Answers pushed before the observer registered are not seen; the registration instant
    // bounds them from above.
    let answered = seen.answers;
    let products = proposal.products.len();
    let last_answer = match (seen.last_answer, seen.registered) {
        (Some(last), _) => last,
        (None, Some(registered)) => registered,
        (None, None) => return Err("the observer saw neither answers nor registration".into()),
    };
    let quote_floor = last_answer.saturating_duration_since(asked);
    let issuing = match (seen.purchasing, seen.purchased) {
        (Some(from), Some(to)) => to.saturating_duration_since(from),
        _ => return Err("the observer did not see the purchase".into()),
    };
    let floor = quote_floor + issuing;
    let seen_after_last_answer = wait_returned.saturating_duration_since(last_answer);
    Ok(json!({
        "measure": "timeToQuote",
        "round": round,
        "sdkWait": match client.real_time() {
            insurup::RealTime::Polling => "polling",
            _ => "hub",
        },
        "products": products,
        "answersObserved": answered,
        "wallSeconds": wall.as_secs_f64(),
        "quotedSeconds": quoted.as_secs_f64(),
        "floorSeconds": floor.as_secs_f64(),
        "lastAnswerSeconds": quote_floor.as_secs_f64(),
        "issuingSeconds": issuing.as_secs_f64(),
        "waitReturnedAfterLastAnswerMs": seen_after_last_answer.as_secs_f64() * 1e3,
        "apiRequestsCreateToPurchase": requests_for_the_next,
        "apiRequestsCreateToPurchaseFirstProposal": requests_for_the_proposal,
        "ratio": wall.as_secs_f64() / floor.as_secs_f64().max(1e-6),
    }))
}
