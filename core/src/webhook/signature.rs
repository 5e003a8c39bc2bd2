//! The `x-webhook-signature` header: lowercase hex HMAC-SHA256 of the raw body, keyed with the
//! webhook's secret. InsurUp adds no prefix, timestamp or replay window, so the signature proves
//! who sent a body, not when; de-duplicate by delivery id (see [`super::DeliveryDeduplicator`]).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::SIGNATURE_HEADER;
use crate::error::{Error, Result};

/// Bytes of an HMAC-SHA256; the header carries twice as many hex digits.
const SIGNATURE_BYTES: usize = 32;

fn keyed(secret: &str) -> Hmac<Sha256> {
    match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        // HMAC hashes long keys and pads short ones: every length is accepted.
        Err(_) => unreachable!("HMAC-SHA256 accepts keys of any length"),
    }
}

/// The `x-webhook-signature` InsurUp sends for `body` when the webhook's secret is `secret`.
///
/// Use it to sign payloads in your receiver's tests, the way Stripe's SDKs build test headers.
///
/// ```
/// let body = br#"{"$event":"policy.created","policyId":"6650a1b2c3d4e5f601a2b3c5"}"#;
/// let signature = insurup::webhook::sign("whsec-test-0123456789", body);
/// assert_eq!(signature.len(), 64);
/// assert!(insurup::webhook::verify("whsec-test-0123456789", body, Some(&signature)).is_ok());
/// ```
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = keyed(secret);
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Checks that `signature_header` (the `x-webhook-signature` value) signs `raw_body` with
/// `secret`. The comparison takes the same time wherever the first wrong byte is.
///
/// Pass the request body exactly as it arrived: parsing the JSON and serialising it again changes
/// the bytes (key order, spacing, number format) and the signature no longer matches.
///
/// # Errors
///
/// A [`crate::ErrorKind::Validation`] error whose field is `x-webhook-signature` when the header is
/// missing, is not 64 hexadecimal digits, or does not match; whose field is `secret` when the
/// secret is empty.
pub fn verify(secret: &str, raw_body: &[u8], signature_header: Option<&str>) -> Result<()> {
    if secret.is_empty() {
        return Err(Error::validation(
            "secret",
            "is empty; pass the secret the webhook was registered with",
        ));
    }
    let Some(header) = signature_header else {
        return Err(Error::validation(
            SIGNATURE_HEADER,
            "missing; InsurUp signs deliveries only for webhooks that have a secret, so set one \
             (and check that no proxy strips the header)",
        ));
    };
    let header = header.trim();
    if header.len() != SIGNATURE_BYTES * 2 {
        return Err(Error::validation(
            SIGNATURE_HEADER,
            format!(
                "malformed: expected {} hexadecimal digits (an HMAC-SHA256), got {} characters",
                SIGNATURE_BYTES * 2,
                header.chars().count()
            ),
        ));
    }
    let Ok(expected) = hex::decode(header) else {
        return Err(Error::validation(
            SIGNATURE_HEADER,
            "malformed: not hexadecimal",
        ));
    };
    let mut mac = keyed(secret);
    mac.update(raw_body);
    mac.verify_slice(&expected).map_err(|_| {
        Error::validation(
            SIGNATURE_HEADER,
            "does not match the body; verify the raw request body exactly as received (not JSON \
             parsed and serialised again) with the secret this webhook was registered with",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const SECRET: &str = "whsec-sandbox-0123456789";

    #[test]
    fn signatures_are_lowercase_hex_hmac_sha256_as_in_rfc_4231() {
        // RFC 4231, test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_sample_delivery_has_the_signature_an_independent_hmac_gives() {
        // `openssl dgst -sha256 -hmac whsec-sandbox-0123456789 samples/proposal_premium.purchased.json`
        let body = include_bytes!("samples/proposal_premium.purchased.json");
        let expected = "18d36d511228a0a0aaac05de910eeebf5104e1b23e199156b258775233dbce56";
        assert_eq!(sign(SECRET, body), expected);
        verify(SECRET, body, Some(expected)).expect("the sample verifies");
    }

    #[test]
    fn a_tampered_body_is_rejected() {
        let body = br#"{"$event":"policy.created","policyId":"6650a1b2c3d4e5f601a2b3c5","grossPremium":1650.0}"#;
        let signature = sign(SECRET, body);
        let tampered = br#"{"$event":"policy.created","policyId":"6650a1b2c3d4e5f601a2b3c5","grossPremium":16.5}"#;
        let error = verify(SECRET, tampered, Some(&signature)).expect_err("tampered");
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert_eq!(error.field(), Some("x-webhook-signature"));
        assert!(error.message().contains("raw request body"), "{error}");
    }

    #[test]
    fn json_serialised_again_no_longer_matches_even_when_it_means_the_same() {
        let body = br#"{ "policyId": "6650a1b2c3d4e5f601a2b3c5", "$event": "policy.created" }"#;
        let signature = sign(SECRET, body);
        let value: serde_json::Value = serde_json::from_slice(body).expect("json");
        let reserialised = serde_json::to_vec(&value).expect("json");
        assert!(verify(SECRET, &reserialised, Some(&signature)).is_err());
    }

    #[test]
    fn a_wrong_secret_is_rejected() {
        let body = br#"{"$event":"customer.created"}"#;
        let signature = sign(SECRET, body);
        let error = verify("whsec-someone-else-987", body, Some(&signature)).expect_err("wrong");
        assert_eq!(error.field(), Some("x-webhook-signature"));
    }

    #[test]
    fn a_missing_header_says_how_signatures_are_turned_on() {
        let error = verify(SECRET, b"{}", None).expect_err("missing");
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert_eq!(error.field(), Some("x-webhook-signature"));
        assert!(error.message().contains("missing"), "{error}");
        assert!(error.message().contains("secret"), "{error}");
    }

    #[test]
    fn malformed_headers_are_named_as_malformed_not_as_mismatches() {
        let good = sign(SECRET, b"{}");
        for header in [
            String::new(),
            good[..63].to_owned(),
            format!("{good}00"),
            format!("sha256={good}"),
            format!("{}zz", &good[..62]),
        ] {
            let error = verify(SECRET, b"{}", Some(&header)).expect_err(&header);
            assert_eq!(error.field(), Some("x-webhook-signature"), "{header}");
            assert!(error.message().contains("malformed"), "{header}: {error}");
        }
    }

    #[test]
    fn surrounding_whitespace_and_uppercase_hex_are_accepted() {
        let signature = sign(SECRET, b"{}");
        let header = format!("  {}\t", signature.to_uppercase());
        verify(SECRET, b"{}", Some(&header)).expect("same digest");
    }

    #[test]
    fn an_empty_secret_is_refused_rather_than_used_as_a_key() {
        let signature = sign("", b"{}");
        let error = verify("", b"{}", Some(&signature)).expect_err("empty secret");
        assert_eq!(error.field(), Some("secret"));
    }
}
