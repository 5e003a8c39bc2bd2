//! A bare SignalR JSON-protocol client over tokio-tungstenite, written from the specification so the
//! tests see exactly what goes over the wire.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::{HeaderValue, header};
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::common::Api;

pub const RS: char = '\u{1e}';

/// Liveness bound for anything the hub is expected to send.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// What the next read from the socket brought.
#[derive(Debug)]
pub enum Received {
    Message(Value),
    /// The server sent a WebSocket close frame.
    Closed,
    /// The connection ended without a close frame.
    Dropped,
}

impl Received {
    #[track_caller]
    pub fn message(self) -> Value {
        match self {
            Received::Message(value) => value,
            other => panic!("expected a message, got {other:?}"),
        }
    }
}

pub struct HubClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    received: std::collections::VecDeque<Value>,
    partial: String,
}

/// `ws://…/hubs/proposal-detail`, with an optional query.
pub fn hub_url(api: &Api, query: &str) -> String {
    let url = api
        .url("/hubs/proposal-detail")
        .replacen("http://", "ws://", 1);
    if query.is_empty() {
        url
    } else {
        format!("{url}?{query}")
    }
}

pub fn record(message: &Value) -> String {
    format!("{message}{RS}")
}

pub const HANDSHAKE: &str = "{\"protocol\":\"json\",\"version\":1}\u{1e}";

impl HubClient {
    /// Opens the WebSocket with `bearer` in the Authorization header; no handshake yet.
    pub async fn open_at(url: &str, bearer: Option<&str>) -> Result<Self, tungstenite::Error> {
        let mut request = url.into_client_request()?;
        if let Some(token) = bearer {
            let value = HeaderValue::from_str(&format!("Bearer {token}")).expect("header value");
            request.headers_mut().insert(header::AUTHORIZATION, value);
        }
        let (socket, _) = tokio_tungstenite::connect_async(request).await?;
        Ok(Self {
            socket,
            received: Default::default(),
            partial: String::new(),
        })
    }

    pub async fn open(api: &Api) -> Self {
        Self::open_at(&hub_url(api, ""), Some(&api.token))
            .await
            .expect("the hub accepts the WebSocket")
    }

    /// Opened and past an accepted handshake.
    pub async fn connect(api: &Api) -> Self {
        let mut client = Self::open(api).await;
        client.send_raw(HANDSHAKE).await;
        assert_eq!(
            client.next().await.message(),
            json!({}),
            "handshake accepted"
        );
        client
    }

    /// Connected and registered for `proposal`.
    pub async fn watching(api: &Api, proposal: &str) -> Self {
        let mut client = Self::connect(api).await;
        client.register(proposal).await;
        client
    }

    pub async fn send_raw(&mut self, text: &str) {
        self.socket
            .send(Message::text(text))
            .await
            .expect("send to the hub");
    }

    pub async fn send(&mut self, message: Value) {
        self.send_raw(&record(&message)).await;
    }

    /// The next record, whatever its type.
    pub async fn next(&mut self) -> Received {
        self.next_within(PATIENCE)
            .await
            .expect("the hub sent something in time")
    }

    /// The next record, or `None` if nothing came within `wait`.
    pub async fn next_within(&mut self, wait: Duration) -> Option<Received> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(value) = self.received.pop_front() {
                return Some(Received::Message(value));
            }
            let frame = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .ok()?;
            let text = match frame {
                Some(Ok(Message::Text(text))) => text.to_string(),
                Some(Ok(Message::Binary(bytes))) => String::from_utf8_lossy(&bytes).into_owned(),
                Some(Ok(Message::Close(_))) => return Some(Received::Closed),
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Some(Received::Dropped),
            };
            self.partial.push_str(&text);
            while let Some(end) = self.partial.find(RS) {
                let record: String = self.partial.drain(..=end).collect();
                let value = serde_json::from_str(&record[..record.len() - RS.len_utf8()])
                    .expect("each record is JSON");
                self.received.push_back(value);
            }
        }
    }

    /// The next record that is not a Ping.
    pub async fn next_but_pings(&mut self) -> Received {
        loop {
            match self.next().await {
                Received::Message(value) if value["type"] == 6 => continue,
                other => return other,
            }
        }
    }

    /// Invokes `target` with an id and returns its Completion.
    pub async fn invoke(&mut self, id: &str, target: &str, arguments: Value) -> Value {
        self.send(json!({"type": 1, "invocationId": id, "target": target, "arguments": arguments}))
            .await;
        let completion = self.next_but_pings().await.message();
        assert_eq!(completion["type"], 3, "{completion}");
        assert_eq!(completion["invocationId"], id, "{completion}");
        completion
    }

    /// `Register({proposalId})`, asserting it succeeded.
    pub async fn register(&mut self, proposal: &str) {
        let completion = self
            .invoke("register", "Register", json!([{ "proposalId": proposal }]))
            .await;
        assert!(completion.get("error").is_none(), "{completion}");
    }

    /// The next invocation of a client method (pings skipped).
    pub async fn next_event(&mut self) -> (String, Value) {
        let message = self.next_but_pings().await.message();
        assert_eq!(message["type"], 1, "an invocation: {message}");
        assert!(
            message.get("invocationId").is_none(),
            "events expect no completion: {message}"
        );
        let target = message["target"].as_str().expect("target").to_owned();
        let arguments = message["arguments"].as_array().expect("arguments");
        assert_eq!(arguments.len(), 1, "one argument: {message}");
        (target, arguments[0].clone())
    }
}
