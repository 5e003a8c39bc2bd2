//! ASP.NET Core SignalR's JSON hub protocol, as far as a server needs it: the handshake, records
//! ended by the ASCII record separator, and the message types of `HubProtocol.md`. Pure functions
//! over bytes and JSON, so the rules are tested without a socket.

use serde::Serialize;
use serde_json::{Map, Value, json};

/// Ends every JSON record, the handshake included.
pub const RECORD_SEPARATOR: u8 = 0x1E;

/// Splits a byte stream into records. Bytes after the last separator wait for the next frame: a
/// WebSocket frame may carry several records, and a record may span frames.
#[derive(Debug, Default)]
pub struct Records {
    pending: Vec<u8>,
}

impl Records {
    /// Appends `bytes` and returns every record they complete, without separators.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Vec<u8>> {
        self.pending.extend_from_slice(bytes);
        let mut records = Vec::new();
        let mut start = 0;
        while let Some(offset) = self.pending[start..]
            .iter()
            .position(|&b| b == RECORD_SEPARATOR)
        {
            records.push(self.pending[start..start + offset].to_vec());
            start += offset + 1;
        }
        self.pending.drain(..start);
        records
    }

    /// Bytes received that no separator has ended yet.
    pub fn pending_len(&self) -> usize {
        self.pending.len()
    }
}

/// Why a handshake is refused; the text is the `error` of the handshake response.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum HandshakeError {
    #[error("Error parsing handshake message: {0}")]
    Malformed(String),
    #[error("The protocol '{0}' is not supported.")]
    Protocol(String),
    #[error("The server does not support version {version} of the '{protocol}' protocol.")]
    Version { protocol: String, version: i64 },
}

/// Checks the client's first record, `{"protocol":"json","version":1}`.
pub fn parse_handshake(record: &[u8]) -> Result<(), HandshakeError> {
    let value: Value =
        serde_json::from_slice(record).map_err(|e| HandshakeError::Malformed(e.to_string()))?;
    let object = value
        .as_object()
        .ok_or_else(|| HandshakeError::Malformed("the message is not a JSON object.".to_owned()))?;
    let protocol = object
        .get("protocol")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            HandshakeError::Malformed("Missing required property 'protocol'.".to_owned())
        })?;
    let version = object
        .get("version")
        .and_then(Value::as_i64)
        .ok_or_else(|| {
            HandshakeError::Malformed("Missing required property 'version'.".to_owned())
        })?;
    if protocol != "json" {
        return Err(HandshakeError::Protocol(protocol.to_owned()));
    }
    if version != 1 {
        return Err(HandshakeError::Version {
            protocol: protocol.to_owned(),
            version,
        });
    }
    Ok(())
}

/// A message a client sends after the handshake.
#[derive(Debug, PartialEq)]
pub enum ClientMessage {
    /// Type 1; without an id the caller expects no completion.
    Invocation {
        invocation_id: Option<String>,
        target: String,
        arguments: Vec<Value>,
    },
    /// Type 4: a streaming invocation (this hub has no streaming methods).
    StreamInvocation {
        invocation_id: String,
        target: String,
    },
    /// Type 6.
    Ping,
    /// Type 7: the client is leaving.
    Close,
    /// Types 2, 3, 5, 8 and 9, and any type a later protocol adds: nothing to do for a server
    /// whose methods neither stream nor call the client back.
    Ignored,
}

/// A record that breaks the protocol; the connection ends with a Close carrying this text.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ProtocolError(String);

fn required<'a>(object: &'a Map<String, Value>, name: &str) -> Result<&'a Value, ProtocolError> {
    object
        .get(name)
        .ok_or_else(|| ProtocolError(format!("Missing required property '{name}'.")))
}

fn string(object: &Map<String, Value>, name: &str) -> Result<Option<String>, ProtocolError> {
    match object.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ProtocolError(format!(
            "Expected '{name}' to be of type String."
        ))),
    }
}

fn required_string(object: &Map<String, Value>, name: &str) -> Result<String, ProtocolError> {
    required(object, name)?;
    string(object, name).map(Option::unwrap_or_default)
}

/// Parses one record (without its separator).
pub fn parse_message(record: &[u8]) -> Result<ClientMessage, ProtocolError> {
    let value: Value = serde_json::from_slice(record)
        .map_err(|e| ProtocolError(format!("Error reading JSON: {e}")))?;
    let object = value.as_object().ok_or_else(|| {
        ProtocolError("Unexpected JSON Token Type. Expected a JSON Object.".to_owned())
    })?;
    let kind = required(object, "type")?
        .as_i64()
        .ok_or_else(|| ProtocolError("Expected 'type' to be of type Integer.".to_owned()))?;
    match kind {
        1 => {
            let arguments = match required(object, "arguments")? {
                Value::Array(items) => items.clone(),
                _ => {
                    return Err(ProtocolError(
                        "Expected 'arguments' to be of type Array.".to_owned(),
                    ));
                }
            };
            Ok(ClientMessage::Invocation {
                invocation_id: string(object, "invocationId")?,
                target: required_string(object, "target")?,
                arguments,
            })
        }
        4 => Ok(ClientMessage::StreamInvocation {
            invocation_id: required_string(object, "invocationId")?,
            target: required_string(object, "target")?,
        }),
        6 => Ok(ClientMessage::Ping),
        7 => Ok(ClientMessage::Close),
        // "Future protocol changes can add message types, old clients can ignore them."
        _ => Ok(ClientMessage::Ignored),
    }
}

/// What the server writes, in the member order ASP.NET Core writes it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ServerMessage<'a> {
    #[serde(rename = "type")]
    kind: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    invocation_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arguments: Option<[&'a Value; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    allow_reconnect: bool,
}

impl ServerMessage<'_> {
    fn of(kind: u8) -> Self {
        Self {
            kind,
            invocation_id: None,
            target: None,
            arguments: None,
            result: None,
            error: None,
            allow_reconnect: false,
        }
    }
}

fn record(message: &impl Serialize) -> String {
    let mut text = serde_json::to_string(message).unwrap_or_default();
    text.push(char::from(RECORD_SEPARATOR));
    text
}

/// The handshake response: `{}` when accepted, else `{"error": "..."}`.
pub fn handshake_response(error: Option<&HandshakeError>) -> String {
    match error {
        None => record(&json!({})),
        Some(e) => record(&json!({ "error": e.to_string() })),
    }
}

/// A non-blocking invocation of a client method: no id, so the client sends no completion.
pub fn invocation(target: &str, argument: &Value) -> String {
    record(&ServerMessage {
        target: Some(target),
        arguments: Some([argument]),
        ..ServerMessage::of(1)
    })
}

/// The completion of an invocation that carried an id: `Ok(None)` for a void method.
pub fn completion(invocation_id: &str, outcome: Result<Option<&Value>, &str>) -> String {
    let (result, error) = match outcome {
        Ok(result) => (result, None),
        Err(error) => (None, Some(error)),
    };
    record(&ServerMessage {
        invocation_id: Some(invocation_id),
        result,
        error,
        ..ServerMessage::of(3)
    })
}

pub fn ping() -> String {
    record(&ServerMessage::of(6))
}

/// `{"type":7}`, with `error` when there is one and `allowReconnect` only when true.
pub fn close(error: Option<&str>, allow_reconnect: bool) -> String {
    record(&ServerMessage {
        error,
        allow_reconnect,
        ..ServerMessage::of(7)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RS: char = '\u{1e}';

    #[test]
    fn a_frame_with_two_records_yields_both_and_keeps_a_partial_third() {
        let mut records = Records::default();
        let frame = format!("{{\"type\":6}}{RS}{{\"type\":6}}{RS}{{\"ty");
        let got = records.push(frame.as_bytes());
        assert_eq!(got, [br#"{"type":6}"#.to_vec(), br#"{"type":6}"#.to_vec()]);
        assert_eq!(records.pending_len(), 4);
        let got = records.push(format!("pe\":6}}{RS}").as_bytes());
        assert_eq!(got, [br#"{"type":6}"#.to_vec()]);
        assert_eq!(records.pending_len(), 0);
    }

    #[test]
    fn the_json_protocol_version_one_is_accepted_and_others_refused() {
        assert_eq!(
            parse_handshake(br#"{"protocol":"json","version":1}"#),
            Ok(())
        );
        assert_eq!(
            parse_handshake(br#"{"protocol":"messagepack","version":1}"#)
                .map_err(|e| e.to_string()),
            Err("The protocol 'messagepack' is not supported.".to_owned())
        );
        assert_eq!(
            parse_handshake(br#"{"protocol":"json","version":2}"#).map_err(|e| e.to_string()),
            Err("The server does not support version 2 of the 'json' protocol.".to_owned())
        );
        assert!(matches!(
            parse_handshake(b"not json"),
            Err(HandshakeError::Malformed(_))
        ));
        assert!(matches!(
            parse_handshake(br#"{"version":1}"#),
            Err(HandshakeError::Malformed(_))
        ));
    }

    #[test]
    fn handshake_responses_are_an_empty_object_or_an_error() {
        assert_eq!(handshake_response(None), format!("{{}}{RS}"));
        assert_eq!(
            handshake_response(Some(&HandshakeError::Protocol("xml".to_owned()))),
            format!("{{\"error\":\"The protocol 'xml' is not supported.\"}}{RS}")
        );
    }

    #[test]
    fn the_specifications_invocation_examples_parse() {
        assert_eq!(
            parse_message(br#"{"type":1,"invocationId":"123","target":"Send","arguments":[42,"Test Message"]}"#),
            Ok(ClientMessage::Invocation {
                invocation_id: Some("123".to_owned()),
                target: "Send".to_owned(),
                arguments: vec![json!(42), json!("Test Message")],
            })
        );
        assert_eq!(
            parse_message(br#"{"type":1,"target":"Send","arguments":[42,"Test Message"]}"#),
            Ok(ClientMessage::Invocation {
                invocation_id: None,
                target: "Send".to_owned(),
                arguments: vec![json!(42), json!("Test Message")],
            })
        );
        // Headers are allowed on every message and disregarded.
        assert!(matches!(
            parse_message(br#"{"type":1,"headers":{"Foo":"Bar"},"invocationId":"123","target":"Send","arguments":[]}"#),
            Ok(ClientMessage::Invocation { .. })
        ));
        assert_eq!(
            parse_message(br#"{"type":4,"invocationId":"123","target":"Send","arguments":[42]}"#),
            Ok(ClientMessage::StreamInvocation {
                invocation_id: "123".to_owned(),
                target: "Send".to_owned(),
            })
        );
    }

    #[test]
    fn pings_closes_and_unknown_types_are_recognised() {
        assert_eq!(parse_message(br#"{"type":6}"#), Ok(ClientMessage::Ping));
        assert_eq!(parse_message(br#"{"type":7}"#), Ok(ClientMessage::Close));
        assert_eq!(
            parse_message(br#"{"type":5,"invocationId":"123"}"#),
            Ok(ClientMessage::Ignored)
        );
        assert_eq!(parse_message(br#"{"type":99}"#), Ok(ClientMessage::Ignored));
    }

    #[test]
    fn records_that_break_the_protocol_are_errors() {
        for record in [
            &b"{"[..],
            br#"[1]"#,
            br#"{"target":"Send"}"#,
            br#"{"type":"1"}"#,
            br#"{"type":1,"arguments":[]}"#,
            br#"{"type":1,"target":"Send"}"#,
            br#"{"type":1,"invocationId":7,"target":"Send","arguments":[]}"#,
        ] {
            assert!(
                parse_message(record).is_err(),
                "{}",
                String::from_utf8_lossy(record)
            );
        }
    }

    #[test]
    fn server_messages_match_the_specifications_json_encoding() {
        assert_eq!(
            invocation("ReceiveProposalProductSuccess", &json!({"proposalId": "p"})),
            format!(
                "{{\"type\":1,\"target\":\"ReceiveProposalProductSuccess\",\"arguments\":[{{\"proposalId\":\"p\"}}]}}{RS}"
            )
        );
        assert_eq!(
            completion("123", Ok(None)),
            format!("{{\"type\":3,\"invocationId\":\"123\"}}{RS}")
        );
        assert_eq!(
            completion("123", Ok(Some(&json!(42)))),
            format!("{{\"type\":3,\"invocationId\":\"123\",\"result\":42}}{RS}")
        );
        assert_eq!(
            completion("123", Err("It didn't work!")),
            format!("{{\"type\":3,\"invocationId\":\"123\",\"error\":\"It didn't work!\"}}{RS}")
        );
        assert_eq!(ping(), format!("{{\"type\":6}}{RS}"));
        assert_eq!(close(None, false), format!("{{\"type\":7}}{RS}"));
        assert_eq!(
            close(Some("Connection closed because of an error!"), true),
            format!(
                "{{\"type\":7,\"error\":\"Connection closed because of an error!\",\"allowReconnect\":true}}{RS}"
            )
        );
    }
}
