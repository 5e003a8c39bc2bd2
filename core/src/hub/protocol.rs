//! ASP.NET Core SignalR's JSON hub protocol, as a client needs it (`HubProtocol.md` in
//! dotnet/aspnetcore): the handshake, records ended by the ASCII record separator, and the message
//! types. Pure functions over bytes and JSON, so every rule is tested without a socket.
//!
//! Decoding is tolerant where the specification lets a reader be: unknown members (`headers`, or
//! members a later version adds) are ignored, and unknown message types decode to
//! [`Message::Other`] for the caller to log and skip.

use serde_json::{Map, Value, json};

/// Ends every JSON record, the handshake included.
pub const RECORD_SEPARATOR: u8 = 0x1E;

/// The client's first record: the JSON protocol, version 1.
pub fn handshake_request() -> String {
    record(&json!({ "protocol": "json", "version": 1 }))
}

/// Why the server refused the handshake, or why its answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandshakeError {
    /// The server answered with an `error`.
    #[error("the hub refused the handshake: {0}")]
    Refused(String),
    /// The answer is not a handshake response.
    #[error("the hub's handshake answer is malformed: {0}")]
    Malformed(String),
}

/// Reads the server's first record: `{}` accepts, `{"error": "…"}` refuses.
pub fn parse_handshake_response(record: &[u8]) -> Result<(), HandshakeError> {
    let value: Value = serde_json::from_slice(record)
        .map_err(|error| HandshakeError::Malformed(error.to_string()))?;
    let Value::Object(object) = value else {
        return Err(HandshakeError::Malformed("not a JSON object".to_owned()));
    };
    match object.get("error") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(error)) => Err(HandshakeError::Refused(error.clone())),
        Some(other) => Err(HandshakeError::Refused(other.to_string())),
    }
}

/// A record grew past the size the reader accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a hub message exceeded {limit} bytes")]
pub struct RecordTooLarge {
    /// The largest record accepted.
    pub limit: usize,
}

/// Splits the byte stream of a connection into records. A WebSocket frame may carry several
/// records and a record may span frames, so bytes after the last separator wait for the next
/// frame.
#[derive(Debug, Clone)]
pub struct RecordReader {
    pending: Vec<u8>,
    limit: usize,
}

impl RecordReader {
    /// A reader refusing records longer than `limit` bytes.
    pub fn new(limit: usize) -> Self {
        RecordReader {
            pending: Vec::new(),
            limit,
        }
    }

    /// Appends `bytes` and returns every record they complete, without separators.
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<Vec<u8>>, RecordTooLarge> {
        self.pending.extend_from_slice(bytes);
        let mut records = Vec::new();
        let mut start = 0;
        while let Some(offset) = self.pending[start..]
            .iter()
            .position(|&byte| byte == RECORD_SEPARATOR)
        {
            if offset > self.limit {
                return Err(RecordTooLarge { limit: self.limit });
            }
            records.push(self.pending[start..start + offset].to_vec());
            start += offset + 1;
        }
        self.pending.drain(..start);
        if self.pending.len() > self.limit {
            return Err(RecordTooLarge { limit: self.limit });
        }
        Ok(records)
    }

    /// Bytes received that no separator has ended yet.
    pub fn pending_len(&self) -> usize {
        self.pending.len()
    }
}

/// One hub message (the JSON encoding of `HubProtocol.md`).
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Type 1: invoke `target`; without an id the caller expects no completion.
    Invocation {
        /// Present when the caller waits for a completion.
        invocation_id: Option<String>,
        /// The method, case-sensitive.
        target: String,
        /// Its arguments.
        arguments: Vec<Value>,
    },
    /// Type 2: one item of a stream.
    StreamItem {
        /// The stream's invocation.
        invocation_id: String,
        /// The item (`null` when absent).
        item: Value,
    },
    /// Type 3: an invocation ended, with its result or its error.
    Completion {
        /// The invocation that ended.
        invocation_id: String,
        /// The result (`None` for a method without one) or the error; an error wins over a
        /// result, as the specification says.
        outcome: Result<Option<Value>, String>,
    },
    /// Type 4: invoke a streaming method.
    StreamInvocation {
        /// The stream's id.
        invocation_id: String,
        /// The method.
        target: String,
        /// Its arguments.
        arguments: Vec<Value>,
    },
    /// Type 5: cancel an invocation.
    CancelInvocation {
        /// The invocation to cancel.
        invocation_id: String,
    },
    /// Type 6: keep-alive.
    Ping,
    /// Type 7: the connection is closing.
    Close {
        /// Why, when it closes because of an error.
        error: Option<String>,
        /// The server invites the client to reconnect.
        allow_reconnect: bool,
    },
    /// Type 8: stateful reconnect, messages received so far.
    Ack {
        /// The highest sequence id received.
        sequence_id: i64,
    },
    /// Type 9: stateful reconnect, where the peer's numbering resumes.
    Sequence {
        /// The next sequence id.
        sequence_id: i64,
    },
    /// A message type this client does not know (a later protocol's); skipped.
    Other {
        /// Its `type`.
        message_type: i64,
    },
}

/// A record that is not a hub message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed hub message: {0}")]
pub struct DecodeError(String);

fn required<'a>(object: &'a Map<String, Value>, name: &str) -> Result<&'a Value, DecodeError> {
    object
        .get(name)
        .ok_or_else(|| DecodeError(format!("missing `{name}`")))
}

fn optional_string(object: &Map<String, Value>, name: &str) -> Result<Option<String>, DecodeError> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(DecodeError(format!("`{name}` is not a string"))),
    }
}

fn required_string(object: &Map<String, Value>, name: &str) -> Result<String, DecodeError> {
    optional_string(object, name)?.ok_or_else(|| DecodeError(format!("missing `{name}`")))
}

fn arguments(object: &Map<String, Value>) -> Result<Vec<Value>, DecodeError> {
    match required(object, "arguments")? {
        Value::Array(items) => Ok(items.clone()),
        _ => Err(DecodeError("`arguments` is not an array".to_owned())),
    }
}

fn integer(object: &Map<String, Value>, name: &str) -> Result<i64, DecodeError> {
    required(object, name)?
        .as_i64()
        .ok_or_else(|| DecodeError(format!("`{name}` is not an integer")))
}

/// Decodes one record (without its separator).
pub fn decode(record: &[u8]) -> Result<Message, DecodeError> {
    let value: Value =
        serde_json::from_slice(record).map_err(|error| DecodeError(error.to_string()))?;
    let Value::Object(object) = value else {
        return Err(DecodeError("not a JSON object".to_owned()));
    };
    let message_type = integer(&object, "type")?;
    Ok(match message_type {
        1 => Message::Invocation {
            invocation_id: optional_string(&object, "invocationId")?,
            target: required_string(&object, "target")?,
            arguments: arguments(&object)?,
        },
        2 => Message::StreamItem {
            invocation_id: required_string(&object, "invocationId")?,
            item: object.get("item").cloned().unwrap_or(Value::Null),
        },
        3 => Message::Completion {
            invocation_id: required_string(&object, "invocationId")?,
            outcome: match object.get("error") {
                Some(Value::String(error)) => Err(error.clone()),
                None | Some(Value::Null) => Ok(object.get("result").cloned()),
                Some(_) => return Err(DecodeError("`error` is not a string".to_owned())),
            },
        },
        4 => Message::StreamInvocation {
            invocation_id: required_string(&object, "invocationId")?,
            target: required_string(&object, "target")?,
            arguments: arguments(&object)?,
        },
        5 => Message::CancelInvocation {
            invocation_id: required_string(&object, "invocationId")?,
        },
        6 => Message::Ping,
        7 => Message::Close {
            error: optional_string(&object, "error")?,
            allow_reconnect: match object.get("allowReconnect") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(allow)) => *allow,
                Some(_) => return Err(DecodeError("`allowReconnect` is not a boolean".to_owned())),
            },
        },
        8 => Message::Ack {
            sequence_id: integer(&object, "sequenceId")?,
        },
        9 => Message::Sequence {
            sequence_id: integer(&object, "sequenceId")?,
        },
        other => Message::Other {
            message_type: other,
        },
    })
}

/// Encodes `message` as one record, separator included. [`Message::Other`] has no encoding and
/// gives `None`.
pub fn encode(message: &Message) -> Option<String> {
    let value = match message {
        Message::Invocation {
            invocation_id,
            target,
            arguments,
        } => {
            let mut value = json!({ "type": 1, "target": target, "arguments": arguments });
            if let (Some(id), Some(object)) = (invocation_id, value.as_object_mut()) {
                object.insert("invocationId".to_owned(), Value::String(id.clone()));
            }
            value
        }
        Message::StreamItem {
            invocation_id,
            item,
        } => json!({ "type": 2, "invocationId": invocation_id, "item": item }),
        Message::Completion {
            invocation_id,
            outcome,
        } => match outcome {
            Ok(None) => json!({ "type": 3, "invocationId": invocation_id }),
            Ok(Some(result)) => {
                json!({ "type": 3, "invocationId": invocation_id, "result": result })
            }
            Err(error) => json!({ "type": 3, "invocationId": invocation_id, "error": error }),
        },
        Message::StreamInvocation {
            invocation_id,
            target,
            arguments,
        } => json!({
            "type": 4, "invocationId": invocation_id, "target": target, "arguments": arguments
        }),
        Message::CancelInvocation { invocation_id } => {
            json!({ "type": 5, "invocationId": invocation_id })
        }
        Message::Ping => json!({ "type": 6 }),
        Message::Close {
            error,
            allow_reconnect,
        } => {
            let mut value = json!({ "type": 7 });
            if let Some(object) = value.as_object_mut() {
                if let Some(error) = error {
                    object.insert("error".to_owned(), Value::String(error.clone()));
                }
                if *allow_reconnect {
                    object.insert("allowReconnect".to_owned(), Value::Bool(true));
                }
            }
            value
        }
        Message::Ack { sequence_id } => json!({ "type": 8, "sequenceId": sequence_id }),
        Message::Sequence { sequence_id } => json!({ "type": 9, "sequenceId": sequence_id }),
        Message::Other { .. } => return None,
    };
    Some(record(&value))
}

fn record(value: &Value) -> String {
    // JSON escapes every control character inside strings, so the separator can only end it.
    let mut text = value.to_string();
    text.push(char::from(RECORD_SEPARATOR));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Message {
        decode(text.as_bytes()).expect(text)
    }

    #[test]
    fn the_handshake_is_the_json_protocol_version_one_ended_by_the_separator() {
        let request = handshake_request().into_bytes();
        assert_eq!(request.last(), Some(&RECORD_SEPARATOR));
        let body: Value = serde_json::from_slice(&request[..request.len() - 1]).expect("JSON");
        assert_eq!(body, json!({"protocol": "json", "version": 1}));
        assert_eq!(parse_handshake_response(b"{}"), Ok(()));
        // The specification's example of a refusal.
        assert_eq!(
            parse_handshake_response(
                br#"{"error": "Requested protocol 'messagepack' is not available."}"#
            ),
            Err(HandshakeError::Refused(
                "Requested protocol 'messagepack' is not available.".to_owned()
            ))
        );
        assert!(matches!(
            parse_handshake_response(b"[]"),
            Err(HandshakeError::Malformed(_))
        ));
        assert!(matches!(
            parse_handshake_response(b"{\"type\":1"),
            Err(HandshakeError::Malformed(_))
        ));
    }

    #[test]
    fn records_split_and_join_across_frames() {
        let mut reader = RecordReader::new(64);
        assert_eq!(
            reader.push(b"{}\x1e{\"type\":6}\x1e{\"ty").expect("fits"),
            vec![b"{}".to_vec(), b"{\"type\":6}".to_vec()]
        );
        assert_eq!(reader.pending_len(), 4);
        assert!(reader.push(b"pe\":").expect("fits").is_empty());
        assert_eq!(
            reader.push(b"6}\x1e").expect("fits"),
            vec![b"{\"type\":6}".to_vec()]
        );
        assert_eq!(reader.pending_len(), 0);
        assert_eq!(reader.push(b"\x1e").expect("fits"), vec![Vec::<u8>::new()]);
    }

    #[test]
    fn a_record_longer_than_the_limit_is_refused_whole_or_partial() {
        let mut reader = RecordReader::new(8);
        assert_eq!(reader.push(b"0123456789"), Err(RecordTooLarge { limit: 8 }));
        let mut reader = RecordReader::new(8);
        assert_eq!(
            reader.push(b"0123456789\x1e"),
            Err(RecordTooLarge { limit: 8 })
        );
        let mut reader = RecordReader::new(8);
        assert_eq!(
            reader.push(b"01234567\x1e").expect("exactly the limit"),
            vec![b"01234567".to_vec()]
        );
    }

    #[test]
    fn the_specifications_examples_decode() {
        assert_eq!(
            one(
                r#"{"type": 1, "invocationId": "123", "target": "Send", "arguments": [42, "Test Message"]}"#
            ),
            Message::Invocation {
                invocation_id: Some("123".to_owned()),
                target: "Send".to_owned(),
                arguments: vec![json!(42), json!("Test Message")],
            }
        );
        assert_eq!(
            one(r#"{"type": 1, "target": "Send", "arguments": [42, "Test Message"]}"#),
            Message::Invocation {
                invocation_id: None,
                target: "Send".to_owned(),
                arguments: vec![json!(42), json!("Test Message")],
            }
        );
        assert_eq!(
            one(
                r#"{"type": 1, "invocationId": "123", "target": "Send", "arguments": [42], "streamIds": ["1"]}"#
            ),
            Message::Invocation {
                invocation_id: Some("123".to_owned()),
                target: "Send".to_owned(),
                arguments: vec![json!(42)],
            }
        );
        assert_eq!(
            one(
                r#"{"type": 4, "invocationId": "123", "target": "Send", "arguments": [42, "Test Message"]}"#
            ),
            Message::StreamInvocation {
                invocation_id: "123".to_owned(),
                target: "Send".to_owned(),
                arguments: vec![json!(42), json!("Test Message")],
            }
        );
        assert_eq!(
            one(r#"{"type": 2, "invocationId": "123", "item": 42}"#),
            Message::StreamItem {
                invocation_id: "123".to_owned(),
                item: json!(42)
            }
        );
        assert_eq!(
            one(r#"{"type": 3, "invocationId": "123"}"#),
            Message::Completion {
                invocation_id: "123".to_owned(),
                outcome: Ok(None)
            }
        );
        assert_eq!(
            one(r#"{"type": 3, "invocationId": "123", "result": 42}"#),
            Message::Completion {
                invocation_id: "123".to_owned(),
                outcome: Ok(Some(json!(42)))
            }
        );
        assert_eq!(
            one(r#"{"type": 3, "invocationId": "123", "error": "It didn't work!"}"#),
            Message::Completion {
                invocation_id: "123".to_owned(),
                outcome: Err("It didn't work!".to_owned())
            }
        );
        // Both a result and an error is a protocol error the specification lets a reader
        // tolerate; the error wins, as "result is ignored if error is present".
        assert_eq!(
            one(r#"{"type": 3, "invocationId": "123", "result": 42, "error": "It didn't work!"}"#),
            Message::Completion {
                invocation_id: "123".to_owned(),
                outcome: Err("It didn't work!".to_owned())
            }
        );
        assert_eq!(
            one(r#"{"type": 5, "invocationId": "123"}"#),
            Message::CancelInvocation {
                invocation_id: "123".to_owned()
            }
        );
        assert_eq!(one(r#"{"type": 6}"#), Message::Ping);
        assert_eq!(
            one(r#"{"type": 7}"#),
            Message::Close {
                error: None,
                allow_reconnect: false
            }
        );
        assert_eq!(
            one(r#"{"type": 7, "error": "Connection closed because of an error!"}"#),
            Message::Close {
                error: Some("Connection closed because of an error!".to_owned()),
                allow_reconnect: false
            }
        );
        assert_eq!(
            one(
                r#"{"type": 7, "error": "Connection closed because of an error!", "allowReconnect": true}"#
            ),
            Message::Close {
                error: Some("Connection closed because of an error!".to_owned()),
                allow_reconnect: true
            }
        );
        assert_eq!(
            one(r#"{"type": 8, "sequenceId": 1394}"#),
            Message::Ack { sequence_id: 1394 }
        );
        assert_eq!(
            one(r#"{"type": 9, "sequenceId": 1234}"#),
            Message::Sequence { sequence_id: 1234 }
        );
        // Headers are allowed on every message and carry nothing this client reads.
        assert_eq!(
            one(
                r#"{"type": 1, "headers": {"Foo": "Bar"}, "invocationId": "123", "target": "Send", "arguments": [42, "Test Message"]}"#
            ),
            Message::Invocation {
                invocation_id: Some("123".to_owned()),
                target: "Send".to_owned(),
                arguments: vec![json!(42), json!("Test Message")],
            }
        );
    }

    #[test]
    fn unknown_types_are_skipped_and_broken_records_are_errors() {
        assert_eq!(
            one(r#"{"type": 42, "anything": true}"#),
            Message::Other { message_type: 42 }
        );
        for broken in [
            "",
            "null",
            "[1]",
            "{}",
            r#"{"type": "1"}"#,
            r#"{"type": 1.5}"#,
            r#"{"type": 1, "arguments": []}"#,
            r#"{"type": 1, "target": "Send"}"#,
            r#"{"type": 1, "target": 7, "arguments": []}"#,
            r#"{"type": 1, "invocationId": 1, "target": "Send", "arguments": []}"#,
            r#"{"type": 1, "target": "Send", "arguments": {}}"#,
            r#"{"type": 3}"#,
            r#"{"type": 3, "invocationId": "1", "error": 5}"#,
            r#"{"type": 7, "allowReconnect": "yes"}"#,
            r#"{"type": 8}"#,
        ] {
            assert!(decode(broken.as_bytes()).is_err(), "{broken}");
        }
    }

    #[test]
    fn every_encodable_message_reads_back_as_itself() {
        let messages = [
            Message::Invocation {
                invocation_id: Some("1".to_owned()),
                target: "Register".to_owned(),
                arguments: vec![json!({"proposalId": "p"})],
            },
            Message::Invocation {
                invocation_id: None,
                target: "Register".to_owned(),
                arguments: vec![],
            },
            Message::StreamItem {
                invocation_id: "2".to_owned(),
                item: json!([1, 2]),
            },
            Message::Completion {
                invocation_id: "1".to_owned(),
                outcome: Ok(None),
            },
            Message::Completion {
                invocation_id: "1".to_owned(),
                outcome: Ok(Some(json!({"a": 1}))),
            },
            Message::Completion {
                invocation_id: "1".to_owned(),
                outcome: Err("no".to_owned()),
            },
            Message::StreamInvocation {
                invocation_id: "3".to_owned(),
                target: "Stream".to_owned(),
                arguments: vec![json!(5)],
            },
            Message::CancelInvocation {
                invocation_id: "3".to_owned(),
            },
            Message::Ping,
            Message::Close {
                error: None,
                allow_reconnect: false,
            },
            Message::Close {
                error: Some("bye".to_owned()),
                allow_reconnect: true,
            },
            Message::Ack { sequence_id: 7 },
            Message::Sequence { sequence_id: 8 },
        ];
        for message in messages {
            let bytes = encode(&message).expect("encodable");
            let mut reader = RecordReader::new(1024);
            let records = reader.push(bytes.as_bytes()).expect("fits");
            assert_eq!(records.len(), 1, "{message:?}");
            assert_eq!(decode(&records[0]).expect("decodes"), message);
        }
        assert_eq!(encode(&Message::Other { message_type: 10 }), None);
    }

    #[test]
    fn a_close_without_an_error_or_invitation_is_the_bare_type() {
        let bytes = encode(&Message::Close {
            error: None,
            allow_reconnect: false,
        })
        .expect("encodable");
        assert_eq!(bytes, "{\"type\":7}\u{1e}");
        assert_eq!(encode(&Message::Ping).expect("ping"), "{\"type\":6}\u{1e}");
    }
}
