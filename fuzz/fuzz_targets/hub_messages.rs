//! Bytes from the real-time hub, cut into WebSocket frames anywhere: the record reader splits them
//! into records without losing or inventing a byte, every record decodes to a message or an error
//! (never a panic), every decoded message encodes to a record that decodes to the same message,
//! and the handshake answer reads as accepted, refused or malformed.
#![no_main]

use insurup::hub::protocol::{
    Message, RECORD_SEPARATOR, RecordReader, decode, encode, parse_handshake_response,
};
use libfuzzer_sys::fuzz_target;

/// What must survive a round trip (numbers inside arguments may move by a rounding step when
/// printed and read back, so arguments are compared by count).
fn shape(message: &Message) -> String {
    match message {
        Message::Invocation {
            invocation_id,
            target,
            arguments,
        } => format!("invocation {invocation_id:?} {target:?} {}", arguments.len()),
        Message::StreamInvocation {
            invocation_id,
            target,
            arguments,
        } => format!("stream {invocation_id:?} {target:?} {}", arguments.len()),
        Message::StreamItem { invocation_id, .. } => format!("item {invocation_id:?}"),
        Message::Completion {
            invocation_id,
            outcome,
        } => format!(
            "completion {invocation_id:?} {:?}",
            outcome.as_ref().map(|result| result.is_some())
        ),
        Message::CancelInvocation { invocation_id } => format!("cancel {invocation_id:?}"),
        Message::Ping => "ping".to_owned(),
        Message::Close {
            error,
            allow_reconnect,
        } => format!("close {error:?} {allow_reconnect}"),
        Message::Ack { sequence_id } => format!("ack {sequence_id}"),
        Message::Sequence { sequence_id } => format!("sequence {sequence_id}"),
        Message::Other { message_type } => format!("other {message_type}"),
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&cut, bytes)) = input.split_first() else {
        return;
    };
    let frame = usize::from(cut % 32) + 1;
    let mut reader = RecordReader::new(4096);
    let mut records = Vec::new();
    let mut refused = false;
    for chunk in bytes.chunks(frame) {
        match reader.push(chunk) {
            Ok(complete) => records.extend(complete),
            Err(_) => {
                refused = true;
                break;
            }
        }
    }
    if !refused {
        // Every byte is in a record, a separator, or the unfinished tail.
        let separators = bytes.iter().filter(|&&b| b == RECORD_SEPARATOR).count();
        let kept: usize = records.iter().map(Vec::len).sum();
        assert_eq!(records.len(), separators);
        assert_eq!(kept + separators + reader.pending_len(), bytes.len());
    }
    for record in &records {
        assert!(!record.contains(&RECORD_SEPARATOR));
        let _ = parse_handshake_response(record);
        let Ok(message) = decode(record) else {
            continue;
        };
        if let Some(text) = encode(&message) {
            let mut again = RecordReader::new(usize::MAX);
            let parts = again.push(text.as_bytes()).expect("no limit");
            assert_eq!(parts.len(), 1, "{text:?}");
            let read_back = decode(&parts[0]).expect("an encoded message decodes");
            assert_eq!(shape(&read_back), shape(&message), "{text:?}");
        }
    }
});
