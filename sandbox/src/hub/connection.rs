//! One hub connection, from the handshake to its end: the records the client sends, the events the
//! hub queues for it, keep-alive pings and the client timeout.

use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket, close_code};
use futures::stream::{SplitSink, SplitStream};
use futures::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep, sleep_until};

use crate::hub::protocol::{self, ClientMessage, Records};
use crate::hub::{Hub, Outbound};
use crate::simulation::catalog::AGENT_ID;
use crate::state::until_stopped;
use crate::store::Store;

/// ASP.NET Core's default: a client that has not completed the handshake by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(15);

/// The hub method clients invoke.
const REGISTER: &str = "Register";

/// What a connection needs from the sandbox.
#[derive(Debug)]
pub struct Session {
    pub hub: Hub,
    pub store: Store,
    /// The agent of the token the connection was opened with.
    pub agent_id: String,
    /// A Ping goes out when nothing else was sent for this long.
    pub keep_alive: Duration,
    /// The connection ends when nothing arrives from the client for this long.
    pub client_timeout: Duration,
    /// Most bytes a record may have.
    pub max_record: usize,
    pub shutdown: watch::Receiver<bool>,
}

type Sink = SplitSink<WebSocket, Message>;
type Source = SplitStream<WebSocket>;

/// How a connection ended, for the log.
#[derive(Debug)]
enum End {
    ClientLeft,
    ClientTimedOut,
    ProtocolError,
    ClosedByServer,
    Cut,
    Shutdown,
    WriteFailed,
}

pub async fn serve(socket: WebSocket, mut session: Session) {
    let (mut sink, mut source) = socket.split();
    let mut records = Records::default();
    let Some(rest) = handshake(&mut sink, &mut source, &mut records, &mut session).await else {
        return;
    };
    let (outbox, mut inbox) = mpsc::unbounded_channel();
    let id = session.hub.attach(outbox);
    session.store.with(|s| s.stats.hub_connections += 1);
    let end = run(
        &mut sink,
        &mut source,
        &mut records,
        &mut inbox,
        &session,
        id,
        rest,
    )
    .await;
    session.hub.detach(id);
    tracing::debug!(connection = id, ?end, "hub connection ended");
}

/// Reads the handshake request and answers it; returns the records that followed it in the
/// same frames, or `None` when the connection is over.
async fn handshake(
    sink: &mut Sink,
    source: &mut Source,
    records: &mut Records,
    session: &mut Session,
) -> Option<Vec<Vec<u8>>> {
    let first = tokio::select! {
        first = tokio::time::timeout(HANDSHAKE_TIMEOUT, first_records(source, records, session.max_record)) => first.ok().flatten(),
        () = until_stopped(&mut session.shutdown) => None,
    };
    let Some(mut received) = first else {
        close_socket(sink).await;
        return None;
    };
    let request = received.remove(0);
    let delay = session.hub.take_handshake_delay();
    if !delay.is_zero() {
        sleep(delay).await;
    }
    match protocol::parse_handshake(&request) {
        Ok(()) => {
            send(sink, protocol::handshake_response(None)).await.ok()?;
            Some(received)
        }
        Err(error) => {
            tracing::debug!(%error, "hub handshake refused");
            let _ = send(sink, protocol::handshake_response(Some(&error))).await;
            close_socket(sink).await;
            None
        }
    }
}

/// Waits for the first complete record and returns it with any that came with it.
async fn first_records(
    source: &mut Source,
    records: &mut Records,
    max_record: usize,
) -> Option<Vec<Vec<u8>>> {
    loop {
        let bytes = data(source.next().await?.ok()?)?;
        let complete = records.push(&bytes);
        if !complete.is_empty() {
            return Some(complete);
        }
        if records.pending_len() > max_record {
            return None;
        }
    }
}

/// The bytes of a data frame; `None` once the client closes.
fn data(message: Message) -> Option<Vec<u8>> {
    match message {
        Message::Text(text) => Some(text.as_bytes().to_vec()),
        Message::Binary(bytes) => Some(bytes.to_vec()),
        // Control frames carry no records; tungstenite answers pings itself.
        Message::Ping(_) | Message::Pong(_) => Some(Vec::new()),
        Message::Close(_) => None,
    }
}

async fn send(sink: &mut Sink, text: String) -> Result<(), axum::Error> {
    sink.send(Message::Text(text.into())).await
}

async fn close_socket(sink: &mut Sink) {
    let _ = sink
        .send(Message::Close(Some(CloseFrame {
            code: close_code::NORMAL,
            reason: "".into(),
        })))
        .await;
    let _ = sink.close().await;
}

async fn close_with(sink: &mut Sink, error: Option<&str>, allow_reconnect: bool) {
    let _ = send(sink, protocol::close(error, allow_reconnect)).await;
    close_socket(sink).await;
}

async fn run(
    sink: &mut Sink,
    source: &mut Source,
    records: &mut Records,
    inbox: &mut mpsc::UnboundedReceiver<Outbound>,
    session: &Session,
    id: u64,
    first: Vec<Vec<u8>>,
) -> End {
    let mut shutdown = session.shutdown.clone();
    let mut last_received = Instant::now();
    let mut last_sent = Instant::now();
    let mut received = first;
    loop {
        for record in received.drain(..) {
            match handle(&record, session, id) {
                Ok(Reply::None) => {}
                Ok(Reply::Send(text)) => {
                    if send(sink, text).await.is_err() {
                        return End::WriteFailed;
                    }
                    last_sent = Instant::now();
                }
                Ok(Reply::Leave) => {
                    close_socket(sink).await;
                    return End::ClientLeft;
                }
                Err(error) => {
                    let error =
                        format!("Connection closed with an error. InvalidDataException: {error}");
                    close_with(sink, Some(&error), false).await;
                    return End::ProtocolError;
                }
            }
        }
        tokio::select! {
            message = source.next() => {
                let Some(bytes) = message.and_then(Result::ok).and_then(data) else {
                    return End::ClientLeft;
                };
                if bytes.is_empty() {
                    continue;
                }
                last_received = Instant::now();
                received = records.push(&bytes);
                if records.pending_len() > session.max_record {
                    let error = format!("Connection closed with an error. InvalidDataException: The maximum message size of {}B was exceeded.", session.max_record);
                    close_with(sink, Some(&error), false).await;
                    return End::ProtocolError;
                }
            }
            outbound = inbox.recv() => match outbound {
                Some(Outbound::Text(text)) => {
                    if send(sink, text).await.is_err() {
                        return End::WriteFailed;
                    }
                    last_sent = Instant::now();
                }
                Some(Outbound::Close { error, allow_reconnect }) => {
                    close_with(sink, error.as_deref(), allow_reconnect).await;
                    return End::ClosedByServer;
                }
                // Dropping the socket closes the TCP connection with no close frame.
                Some(Outbound::Cut) | None => return End::Cut,
            },
            () = sleep_until(last_sent + session.keep_alive) => {
                if !session.hub.pings_paused() && send(sink, protocol::ping()).await.is_err() {
                    return End::WriteFailed;
                }
                last_sent = Instant::now();
            }
            () = sleep_until(last_received + session.client_timeout) => {
                let error = "Server timeout elapsed without receiving a message from the client.";
                close_with(sink, Some(error), true).await;
                return End::ClientTimedOut;
            }
            () = until_stopped(&mut shutdown) => {
                close_with(sink, None, false).await;
                return End::Shutdown;
            }
        }
    }
}

enum Reply {
    None,
    Send(String),
    Leave,
}

fn handle(record: &[u8], session: &Session, id: u64) -> Result<Reply, protocol::ProtocolError> {
    Ok(match protocol::parse_message(record)? {
        ClientMessage::Invocation {
            invocation_id,
            target,
            arguments,
        } => {
            let outcome = if target == REGISTER {
                register(session, id, &arguments)
            } else {
                Err(unknown_method(&target))
            };
            if let Err(error) = &outcome {
                tracing::debug!(%target, %error, "hub invocation failed");
            }
            // Without an id the caller wants no answer, not even an error.
            match invocation_id {
                Some(invocation_id) => Reply::Send(protocol::completion(
                    &invocation_id,
                    outcome.as_ref().map(|()| None).map_err(String::as_str),
                )),
                None => Reply::None,
            }
        }
        ClientMessage::StreamInvocation {
            invocation_id,
            target,
        } => {
            let error = if target == REGISTER {
                format!(
                    "The client attempted to invoke the non-streaming '{target}' method with a streaming invocation."
                )
            } else {
                unknown_method(&target)
            };
            Reply::Send(protocol::completion(&invocation_id, Err(&error)))
        }
        ClientMessage::Close => Reply::Leave,
        ClientMessage::Ping | ClientMessage::Ignored => Reply::None,
    })
}

fn unknown_method(target: &str) -> String {
    format!(
        "Failed to invoke '{target}' due to an error on the server. HubException: Method does not exist."
    )
}

fn register_error(detail: &str) -> String {
    format!("Failed to invoke '{REGISTER}' due to an error on the server. {detail}")
}

/// `Register({proposalId})`: the proposal must exist and belong to the connection's agent (the
/// sandbox has one agent, so every proposal it holds is the seeded agent's).
fn register(session: &Session, id: u64, arguments: &[Value]) -> Result<(), String> {
    let [argument] = arguments else {
        return Err(register_error(&format!(
            "InvalidDataException: Invocation provides {} argument(s) but target expects 1.",
            arguments.len()
        )));
    };
    let Some(fields) = argument.as_object() else {
        return Err(register_error(
            "InvalidDataException: Error binding arguments. Make sure that the types of the provided values match the types of the hub method being invoked.",
        ));
    };
    // System.Text.Json as SignalR configures it matches member names without regard to case.
    let proposal_id = fields
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("proposalId"))
        .map(|(_, value)| value);
    let proposal_id = match proposal_id {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim(),
        Some(Value::String(_) | Value::Null) | None => {
            return Err(register_error("HubException: proposalId zorunludur."));
        }
        Some(_) => {
            return Err(register_error(
                "InvalidDataException: Error binding arguments. Make sure that the types of the provided values match the types of the hub method being invoked.",
            ));
        }
    };
    session.store.with(|data| {
        if session.agent_id != AGENT_ID || data.proposals.get(proposal_id).is_none() {
            return Err(register_error("HubException: Teklif bulunamadı."));
        }
        data.stats.hub_registrations += 1;
        session.hub.watch(id, proposal_id);
        Ok(())
    })
}
