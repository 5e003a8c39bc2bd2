//! Webhook deliveries: any body and any signature header. Parsing never panics, a correctly
//! signed body is refused only when it does not parse, and a changed body or signature is refused.
#![no_main]

use insurup::webhook;
use libfuzzer_sys::fuzz_target;

const SECRET: &str = "whsec-fuzz-0123456789";

fuzz_target!(|data: &[u8]| {
    // The first line is read as a signature header, all of it as a body.
    let header_end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let header = String::from_utf8_lossy(&data[..header_end]);
    let body = data;

    let parsed = webhook::parse(body);
    if let Ok(event) = &parsed {
        assert!(
            !event.event_type().trim().is_empty(),
            "an event without a name"
        );
    }
    let _ = webhook::verify(SECRET, body, Some(&header));
    let _ = webhook::verify("", body, Some(&header));
    let _ = webhook::verify_and_parse(SECRET, body, Some(&header));

    let signature = webhook::sign(SECRET, body);
    assert!(webhook::verify(SECRET, body, Some(&signature)).is_ok());
    assert_eq!(
        webhook::verify_and_parse(SECRET, body, Some(&signature)).is_ok(),
        parsed.is_ok(),
        "a correctly signed body is refused only when it does not parse"
    );
    assert!(webhook::verify(SECRET, body, None).is_err());
    assert!(webhook::verify("another-secret", body, Some(&signature)).is_err());

    let mut tampered = body.to_vec();
    match tampered.last_mut() {
        Some(last) => *last ^= 0x01,
        None => tampered.push(b'{'),
    }
    assert!(webhook::verify(SECRET, &tampered, Some(&signature)).is_err());
});
