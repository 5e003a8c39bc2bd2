//! The client's one hub connection: a task that opens the WebSocket when the first proposal is
//! created or watched, registers every watched proposal, hands each watch the events of its proposal, pings,
//! notices a silent server, and reconnects with jittered back-off (a fresh token each time, every
//! live proposal registered again). It ends when its [`Hub`] is dropped with the client.
//!
//! A watch hears [`Signal`]s: `Registered` means events are pushed from now on (the watch reads
//! the proposal once to cover what happened before), `Down` that it should poll until the next
//! `Registered`, and `Unavailable` that the hub will not push this proposal at all.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until, timeout};
use tokio_tungstenite::tungstenite;
use tokio_tungstenite::tungstenite::protocol::{Role, WebSocketConfig};

use super::RealTimeSettings;
use super::events::ProductEvent;
use super::protocol::{self, Message, RecordReader};
use crate::auth::Session;
use crate::model::ProposalId;
use crate::secret::Secret;

/// The hub method that subscribes a connection to a proposal's events.
const REGISTER: &str = "Register";
/// Largest record accepted from the hub (SignalR's default `MaximumReceiveMessageSize` is 32 KiB
/// for the server; events with many premiums stay far below this).
const MAX_RECORD: usize = 1024 * 1024;
/// A connection nobody watches through stays open this long, so watches that follow one another
/// share it.
const LINGER: Duration = Duration::from_secs(10);
/// First step and ceiling of the reconnection back-off (full jitter, doubling).
const RECONNECT_BASE: Duration = Duration::from_millis(500);
const RECONNECT_CAP: Duration = Duration::from_secs(30);

/// What a watch hears from the hub about its proposal.
#[derive(Debug, Clone)]
pub(crate) enum Signal {
    /// The proposal is registered on a (new) connection: its events are pushed from now on.
    Registered,
    /// One of its products changed.
    Event(Arc<ProductEvent>),
    /// The connection is down; poll until `Registered`.
    Down,
    /// The hub will not push this proposal: poll. `refused` when the server does not offer the
    /// hub at all (its upgrade or handshake was refused), rather than closing it or refusing one
    /// registration.
    Unavailable { reason: String, refused: bool },
}

#[derive(Debug)]
enum Command {
    Subscribe {
        proposal: ProposalId,
        id: u64,
        signals: mpsc::UnboundedSender<Signal>,
    },
    Unsubscribe {
        proposal: ProposalId,
        id: u64,
    },
    /// Open the connection now, before any proposal is watched: a proposal is about to be
    /// created, and registering it before its first read saves the watch a read of its own.
    Warm,
}

/// A watch's line to the hub; dropping it stops the watch's signals.
#[derive(Debug)]
pub(crate) struct Subscription {
    proposal: ProposalId,
    id: u64,
    signals: mpsc::UnboundedReceiver<Signal>,
    commands: mpsc::UnboundedSender<Command>,
}

impl Subscription {
    /// The next signal; `None` once the hub's task is gone.
    pub async fn recv(&mut self) -> Option<Signal> {
        self.signals.recv().await
    }

    /// A signal already waiting.
    pub fn try_recv(&mut self) -> Option<Signal> {
        self.signals.try_recv().ok()
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Unsubscribe {
            proposal: self.proposal.clone(),
            id: self.id,
        });
    }
}

/// The handle of a client's hub task.
#[derive(Debug)]
pub(crate) struct Hub {
    commands: mpsc::UnboundedSender<Command>,
    next_id: AtomicU64,
    /// A connection is open and past its handshake.
    connected: Arc<AtomicBool>,
    /// The last attempt to open a connection failed (and none has worked since).
    failing: Arc<AtomicBool>,
}

/// Where and how the task connects.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    pub url: url::Url,
    pub user_agent: String,
    pub settings: RealTimeSettings,
}

impl Hub {
    /// Starts the task (on the current tokio runtime); it connects once a proposal is watched.
    pub fn start(endpoint: Endpoint, session: Session) -> Self {
        crate::transport::install_crypto_provider();
        let (commands, receiver) = mpsc::unbounded_channel();
        let connected = Arc::new(AtomicBool::new(false));
        let failing = Arc::new(AtomicBool::new(false));
        let http = reqwest::Client::builder()
            .http1_only()
            .connect_timeout(crate::config::DEFAULT_CONNECT_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .tcp_nodelay(true)
            .build()
            .map_err(|error| tracing::debug!(%error, "no HTTP client for the hub"))
            .ok();
        let task = Task {
            endpoint,
            http,
            session,
            commands: receiver,
            watchers: HashMap::new(),
            disabled: None,
            warm_until: None,
            connected: Arc::clone(&connected),
            failing: Arc::clone(&failing),
        };
        tokio::spawn(task.run());
        Hub {
            commands,
            next_id: AtomicU64::new(0),
            connected,
            failing,
        }
    }

    /// Whether a connection is open now (a registration then takes one round trip).
    pub fn is_connected(&self) -> bool {
        self.connected.load(Ordering::Relaxed)
    }

    /// Whether the last attempt to open a connection failed: a registration would wait for the
    /// next attempt.
    pub fn is_failing(&self) -> bool {
        self.failing.load(Ordering::Relaxed)
    }

    /// Opens the connection (if it is not open) without watching anything yet; it closes again
    /// after [`LINGER`] if nothing is watched.
    pub fn warm(&self) {
        let _ = self.commands.send(Command::Warm);
    }

    /// Starts receiving the signals of `proposal`.
    pub fn subscribe(&self, proposal: &ProposalId) -> Subscription {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (sender, signals) = mpsc::unbounded_channel();
        if self
            .commands
            .send(Command::Subscribe {
                proposal: proposal.clone(),
                id,
                signals: sender.clone(),
            })
            .is_err()
        {
            let _ = sender.send(Signal::Unavailable {
                reason: "the hub's task has ended".to_owned(),
                refused: false,
            });
        }
        Subscription {
            proposal: proposal.clone(),
            id,
            signals,
            commands: self.commands.clone(),
        }
    }
}

type Watchers = HashMap<ProposalId, HashMap<u64, mpsc::UnboundedSender<Signal>>>;

struct Task {
    endpoint: Endpoint,
    /// HTTP/1.1 only: the WebSocket is an upgrade of an HTTP/1.1 request, made by reqwest so the
    /// TLS, proxy and root settings are the API's (and no WebSocket library ever sees, or logs,
    /// the request that carries the token).
    http: Option<reqwest::Client>,
    session: Session,
    commands: mpsc::UnboundedReceiver<Command>,
    watchers: Watchers,
    /// Set once the hub is given up for good; every watch polls.
    disabled: Option<(String, bool)>,
    /// Connect until then although nothing is watched ([`Command::Warm`]).
    warm_until: Option<Instant>,
    connected: Arc<AtomicBool>,
    failing: Arc<AtomicBool>,
}

/// Why a connection could not be opened.
#[derive(Debug)]
enum ConnectError {
    /// The server does not offer the hub (its upgrade or handshake was refused): give it up.
    Refused(String),
    /// The token was refused (401): renew it before the next attempt.
    Unauthorized(Secret),
    /// Anything else: try again later.
    Failed(String),
}

/// How an open connection ended.
#[derive(Debug)]
enum Ended {
    /// The socket failed or the server went silent: reconnect.
    Lost(String),
    /// The server sent Close.
    Closed {
        error: Option<String>,
        allow_reconnect: bool,
    },
    /// Nobody watched for a while: closed until somebody does.
    Idle,
    /// The client is gone.
    Exit,
}

type Socket = tokio_tungstenite::WebSocketStream<reqwest::Upgraded>;
type Sink = futures::stream::SplitSink<Socket, tungstenite::Message>;
type Source = futures::stream::SplitStream<Socket>;

/// The pause before reconnection attempt `failures` (1 = the first after a working connection):
/// full jitter under a doubling ceiling, so many clients cut at once do not return together.
pub(crate) fn reconnect_delay(failures: u32) -> Duration {
    let ceiling = RECONNECT_BASE
        .saturating_mul(
            1u32.checked_shl(failures.saturating_sub(1))
                .unwrap_or(u32::MAX),
        )
        .min(RECONNECT_CAP);
    ceiling.mul_f64(rand::random::<f64>())
}

impl Task {
    async fn run(mut self) {
        let mut failures: u32 = 0;
        loop {
            // Connect only while somebody watches (or is about to).
            while !self.wanted() || self.disabled.is_some() {
                match self.commands.recv().await {
                    Some(command) => self.command(command),
                    None => return,
                }
            }
            if failures > 0 {
                let resume = Instant::now() + reconnect_delay(failures);
                if !self.wait_until(resume).await {
                    return;
                }
                if !self.wanted() {
                    continue;
                }
            }
            let attempt = self.connect().await;
            self.failing.store(
                matches!(
                    attempt,
                    Err(ConnectError::Failed(_) | ConnectError::Unauthorized(_))
                ),
                Ordering::Relaxed,
            );
            match attempt {
                Ok((sink, source, rest)) => {
                    failures = 0;
                    self.warm_until = None;
                    self.connected.store(true, Ordering::Relaxed);
                    let ended = self.serve(sink, source, rest).await;
                    self.connected.store(false, Ordering::Relaxed);
                    match ended {
                        Ended::Exit => return,
                        Ended::Idle => {}
                        Ended::Lost(reason) => {
                            tracing::debug!(%reason, "hub connection lost; reconnecting");
                            self.broadcast(&Signal::Down);
                            failures = 1;
                        }
                        Ended::Closed {
                            error,
                            allow_reconnect: true,
                        } => {
                            tracing::debug!(?error, "the hub closed the connection; reconnecting");
                            self.broadcast(&Signal::Down);
                            failures = 1;
                        }
                        Ended::Closed {
                            error,
                            allow_reconnect: false,
                        } => {
                            let reason = format!(
                                "the hub closed the connection and asked not to reconnect{}",
                                error.map(|e| format!(": {e}")).unwrap_or_default()
                            );
                            self.disable(reason, false);
                        }
                    }
                }
                Err(ConnectError::Refused(reason)) => self.disable(reason, true),
                Err(ConnectError::Unauthorized(used)) => {
                    failures += 1;
                    if let Err(error) = self.session.renew_after_rejection(&used).await {
                        tracing::debug!(%error, "the hub refused the token; no renewal");
                    }
                }
                Err(ConnectError::Failed(reason)) => {
                    tracing::debug!(%reason, failures, "the hub could not be reached");
                    self.broadcast(&Signal::Down);
                    failures = failures.saturating_add(1);
                }
            }
        }
    }

    /// Whether a connection is wanted: a proposal is watched, or one is about to be created.
    fn wanted(&self) -> bool {
        !self.watchers.is_empty() || self.warm_until.is_some_and(|until| Instant::now() < until)
    }

    fn disable(&mut self, reason: String, refused: bool) {
        tracing::debug!(%reason, "real-time hub given up; watches poll");
        self.broadcast(&Signal::Unavailable {
            reason: reason.clone(),
            refused,
        });
        self.disabled = Some((reason, refused));
    }

    /// Handles commands until `until`; false when the client is gone.
    async fn wait_until(&mut self, until: Instant) -> bool {
        loop {
            tokio::select! {
                command = self.commands.recv() => match command {
                    Some(command) => self.command(command),
                    None => return false,
                },
                () = sleep_until(until) => return true,
            }
        }
    }

    /// Applies a command while no connection is open.
    fn command(&mut self, command: Command) {
        match command {
            Command::Subscribe {
                proposal,
                id,
                signals,
            } => {
                if let Some((reason, refused)) = &self.disabled {
                    let _ = signals.send(Signal::Unavailable {
                        reason: reason.clone(),
                        refused: *refused,
                    });
                    return;
                }
                self.watchers
                    .entry(proposal)
                    .or_default()
                    .insert(id, signals);
            }
            Command::Unsubscribe { proposal, id } => self.unsubscribe(&proposal, id),
            Command::Warm => self.warm_until = Some(Instant::now() + LINGER),
        }
    }

    fn unsubscribe(&mut self, proposal: &ProposalId, id: u64) {
        if let Some(watches) = self.watchers.get_mut(proposal) {
            watches.remove(&id);
            if watches.is_empty() {
                self.watchers.remove(proposal);
            }
        }
    }

    fn broadcast(&self, signal: &Signal) {
        for watches in self.watchers.values() {
            for sender in watches.values() {
                let _ = sender.send(signal.clone());
            }
        }
    }

    fn tell(&self, proposal: &ProposalId, signal: &Signal) {
        if let Some(watches) = self.watchers.get(proposal) {
            for sender in watches.values() {
                let _ = sender.send(signal.clone());
            }
        }
    }

    /// Opens the WebSocket with a fresh token and completes the handshake; returns the records
    /// that arrived with the handshake's answer.
    async fn connect(&self) -> Result<(Sink, Source, Vec<Vec<u8>>), ConnectError> {
        let token = self
            .session
            .access_token()
            .await
            .map_err(|error| ConnectError::Failed(format!("no token: {error}")))?;
        let http = self
            .http
            .as_ref()
            .ok_or_else(|| ConnectError::Refused("no HTTP client".to_owned()))?;
        let key = tungstenite::handshake::client::generate_key();
        let request = http
            .get(self.endpoint.url.clone())
            .version(http::Version::HTTP_11)
            .header(http::header::CONNECTION, "Upgrade")
            .header(http::header::UPGRADE, "websocket")
            .header(http::header::SEC_WEBSOCKET_VERSION, "13")
            .header(http::header::SEC_WEBSOCKET_KEY, &key)
            .header(http::header::USER_AGENT, &self.endpoint.user_agent)
            .bearer_auth(token.expose());
        let limit = self.endpoint.settings.server_timeout;
        let answer = timeout(limit, request.send())
            .await
            .map_err(|_| ConnectError::Failed("opening the WebSocket timed out".to_owned()))?
            .map_err(|error| ConnectError::Failed(error.to_string()))?;
        let status = answer.status();
        if status != http::StatusCode::SWITCHING_PROTOCOLS {
            return Err(match status.as_u16() {
                401 => ConnectError::Unauthorized(token),
                // Not served here, not as a WebSocket, or not to this user.
                400 | 403 | 404 | 405 | 410 | 426 | 501 => {
                    ConnectError::Refused(format!("the hub's upgrade was answered {status}"))
                }
                _ => ConnectError::Failed(format!("the hub answered {status}")),
            });
        }
        let accepted = answer
            .headers()
            .get(http::header::SEC_WEBSOCKET_ACCEPT)
            .is_some_and(|accept| {
                accept.as_bytes()
                    == tungstenite::handshake::derive_accept_key(key.as_bytes()).as_bytes()
            });
        if !accepted {
            return Err(ConnectError::Refused(
                "the hub's upgrade answer is not a WebSocket's".to_owned(),
            ));
        }
        let upgraded = timeout(limit, answer.upgrade())
            .await
            .map_err(|_| ConnectError::Failed("the upgrade timed out".to_owned()))?
            .map_err(|error| ConnectError::Failed(error.to_string()))?;
        let mut config = WebSocketConfig::default();
        config.max_message_size = Some(MAX_RECORD);
        config.max_frame_size = Some(MAX_RECORD);
        let socket = tokio_tungstenite::WebSocketStream::from_raw_socket(
            upgraded,
            Role::Client,
            Some(config),
        )
        .await;
        let (mut sink, mut source) = socket.split();
        sink.send(tungstenite::Message::text(protocol::handshake_request()))
            .await
            .map_err(|error| ConnectError::Failed(error.to_string()))?;
        let mut reader = RecordReader::new(MAX_RECORD);
        let answered = timeout(limit, async {
            loop {
                let Some(frame) = source.next().await else {
                    return Err(ConnectError::Failed(
                        "the hub closed during the handshake".to_owned(),
                    ));
                };
                let frame = frame.map_err(|error| ConnectError::Failed(error.to_string()))?;
                let Some(bytes) = data(&frame) else {
                    return Err(ConnectError::Failed(
                        "the hub closed during the handshake".to_owned(),
                    ));
                };
                let mut records = reader
                    .push(bytes)
                    .map_err(|error| ConnectError::Failed(error.to_string()))?;
                if !records.is_empty() {
                    let answer = records.remove(0);
                    return match protocol::parse_handshake_response(&answer) {
                        Ok(()) => Ok(records),
                        Err(error) => Err(ConnectError::Refused(error.to_string())),
                    };
                }
            }
        })
        .await
        .map_err(|_| ConnectError::Failed("the hub's handshake timed out".to_owned()))??;
        Ok((sink, source, answered))
    }

    /// Runs an open connection until it ends.
    async fn serve(&mut self, mut sink: Sink, mut source: Source, first: Vec<Vec<u8>>) -> Ended {
        let settings = self.endpoint.settings;
        let mut connection = Open::default();
        let mut reader = RecordReader::new(MAX_RECORD);
        let mut last_received = Instant::now();
        let mut last_sent = Instant::now();
        let mut idle_since = None;
        for proposal in self.watchers.keys().cloned().collect::<Vec<_>>() {
            if let Some(text) = connection.register(&proposal) {
                if let Err(error) = sink.send(tungstenite::Message::text(text)).await {
                    return Ended::Lost(error.to_string());
                }
            }
        }
        let mut received = first;
        loop {
            for record in received.drain(..) {
                if let Some(ended) = self.receive(&record, &mut connection) {
                    let _ = sink.send(tungstenite::Message::Close(None)).await;
                    return ended;
                }
            }
            if self.watchers.is_empty() {
                idle_since.get_or_insert_with(Instant::now);
            } else {
                idle_since = None;
            }
            let idle_until = idle_since.map(|since| since + LINGER);
            tokio::select! {
                frame = source.next() => {
                    let frame = match frame {
                        Some(Ok(frame)) => frame,
                        Some(Err(error)) => return Ended::Lost(error.to_string()),
                        None => return Ended::Lost("the socket closed".to_owned()),
                    };
                    let Some(bytes) = data(&frame) else {
                        return Ended::Lost("closed without a Close message".to_owned());
                    };
                    last_received = Instant::now();
                    match reader.push(bytes) {
                        Ok(records) => received = records,
                        Err(error) => return Ended::Lost(error.to_string()),
                    }
                }
                command = self.commands.recv() => {
                    let Some(command) = command else {
                        leave(&mut sink).await;
                        return Ended::Exit;
                    };
                    if let Some(text) = self.command_while_open(command, &mut connection) {
                        if let Err(error) = sink.send(tungstenite::Message::text(text)).await {
                            return Ended::Lost(error.to_string());
                        }
                        last_sent = Instant::now();
                    }
                }
                () = sleep_until(last_sent + settings.keep_alive) => {
                    let ping = protocol::encode(&Message::Ping).unwrap_or_default();
                    if let Err(error) = sink.send(tungstenite::Message::text(ping)).await {
                        return Ended::Lost(error.to_string());
                    }
                    last_sent = Instant::now();
                }
                () = sleep_until(last_received + settings.server_timeout) => {
                    let silence = settings.server_timeout;
                    return Ended::Lost(format!("nothing from the hub for {silence:?}"));
                }
                () = sleep_until_some(idle_until) => {
                    leave(&mut sink).await;
                    return Ended::Idle;
                }
            }
        }
    }

    /// Applies a command on an open connection; returns a record to send.
    fn command_while_open(&mut self, command: Command, connection: &mut Open) -> Option<String> {
        match command {
            Command::Subscribe {
                proposal,
                id,
                signals,
            } => {
                if connection.registered.contains(&proposal) {
                    let _ = signals.send(Signal::Registered);
                }
                self.watchers
                    .entry(proposal.clone())
                    .or_default()
                    .insert(id, signals);
                connection.register(&proposal)
            }
            Command::Unsubscribe { proposal, id } => {
                self.unsubscribe(&proposal, id);
                if !self.watchers.contains_key(&proposal) {
                    // The hub has no way to unregister; its events are ignored from now on.
                    connection.registered.remove(&proposal);
                }
                None
            }
            Command::Warm => None,
        }
    }

    /// Handles one record from the hub; `Some` when the connection ends.
    fn receive(&mut self, record: &[u8], connection: &mut Open) -> Option<Ended> {
        let message = match protocol::decode(record) {
            Ok(message) => message,
            Err(error) => {
                tracing::debug!(%error, "unreadable hub message skipped");
                return None;
            }
        };
        match message {
            Message::Invocation {
                target, arguments, ..
            } => match ProductEvent::from_invocation(&target, &arguments) {
                Ok(Some(event)) => {
                    let proposal = event.proposal_id().clone();
                    self.tell(&proposal, &Signal::Event(Arc::new(event)));
                }
                Ok(None) => tracing::debug!(%target, "unknown hub method skipped"),
                Err(error) => tracing::debug!(%error, "unreadable hub event skipped"),
            },
            Message::Completion {
                invocation_id,
                outcome,
            } => {
                let Some(proposal) = connection.pending.remove(&invocation_id) else {
                    tracing::debug!(%invocation_id, "completion of no invocation skipped");
                    return None;
                };
                match outcome {
                    Ok(_) => {
                        connection.registered.insert(proposal.clone());
                        self.tell(&proposal, &Signal::Registered);
                    }
                    Err(error) => {
                        tracing::debug!(%error, "the hub refused to register a proposal");
                        self.tell(
                            &proposal,
                            &Signal::Unavailable {
                                reason: error,
                                refused: false,
                            },
                        );
                    }
                }
            }
            Message::Ping => {}
            Message::Close {
                error,
                allow_reconnect,
            } => {
                return Some(Ended::Closed {
                    error,
                    allow_reconnect,
                });
            }
            other => tracing::debug!(?other, "hub message of no use to this client skipped"),
        }
        None
    }
}

/// The registrations of one open connection.
#[derive(Debug, Default)]
struct Open {
    next_invocation: u64,
    /// Invocation id -> the proposal its `Register` was for.
    pending: HashMap<String, ProposalId>,
    registered: HashSet<ProposalId>,
}

impl Open {
    /// The `Register` record for `proposal`, unless it is registered or being registered.
    fn register(&mut self, proposal: &ProposalId) -> Option<String> {
        if self.registered.contains(proposal) || self.pending.values().any(|p| p == proposal) {
            return None;
        }
        self.next_invocation += 1;
        let invocation_id = self.next_invocation.to_string();
        self.pending.insert(invocation_id.clone(), proposal.clone());
        protocol::encode(&Message::Invocation {
            invocation_id: Some(invocation_id),
            target: REGISTER.to_owned(),
            arguments: vec![serde_json::json!({ "proposalId": proposal })],
        })
    }
}

/// Says goodbye the way SignalR clients do: a Close message, then the WebSocket's close frame.
async fn leave(sink: &mut Sink) {
    let close = Message::Close {
        error: None,
        allow_reconnect: false,
    };
    if let Some(text) = protocol::encode(&close) {
        let _ = sink.send(tungstenite::Message::text(text)).await;
    }
    let _ = sink.close().await;
}

async fn sleep_until_some(at: Option<Instant>) {
    match at {
        Some(at) => sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// The record bytes of a frame (empty for control frames); `None` for a close frame.
fn data(frame: &tungstenite::Message) -> Option<&[u8]> {
    match frame {
        tungstenite::Message::Text(text) => Some(text.as_bytes()),
        tungstenite::Message::Binary(bytes) => Some(bytes),
        tungstenite::Message::Ping(_)
        | tungstenite::Message::Pong(_)
        | tungstenite::Message::Frame(_) => Some(&[]),
        tungstenite::Message::Close(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnection_waits_are_jittered_under_a_doubling_ceiling() {
        for failures in 1..40 {
            let ceiling = RECONNECT_BASE
                .saturating_mul(1u32.checked_shl(failures - 1).unwrap_or(u32::MAX))
                .min(RECONNECT_CAP);
            for _ in 0..20 {
                assert!(reconnect_delay(failures) <= ceiling);
            }
        }
        let waits: Vec<Duration> = (0..50).map(|_| reconnect_delay(6)).collect();
        let spread = waits.iter().max().copied().unwrap_or_default()
            - waits.iter().min().copied().unwrap_or_default();
        assert!(
            spread > Duration::from_secs(2),
            "full jitter spreads the waits: {waits:?}"
        );
    }

    #[test]
    fn a_proposal_is_registered_once_per_connection() {
        let mut open = Open::default();
        let proposal = ProposalId::new("p1");
        let text = open.register(&proposal).expect("first registration");
        assert!(text.contains("\"Register\""), "{text}");
        assert!(text.contains("\"proposalId\":\"p1\""), "{text}");
        assert!(open.register(&proposal).is_none(), "pending");
        open.pending.clear();
        open.registered.insert(proposal.clone());
        assert!(open.register(&proposal).is_none(), "registered");
    }
}
