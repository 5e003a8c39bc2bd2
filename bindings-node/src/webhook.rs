//! Receiving webhooks: signature checks over the raw request body.

use napi::Result;
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

fn bytes(body: &Either<Buffer, String>) -> &[u8] {
    match body {
        Either::A(buffer) => buffer,
        Either::B(text) => text.as_bytes(),
    }
}

/// Checks that `signature` (the `x-webhook-signature` header) signs `rawBody` with `secret`, in
/// constant time. Pass the body exactly as it arrived (a `Buffer`, or the raw text): JSON that
/// was parsed and serialised again no longer matches. Throws `ValidationError` otherwise.
#[napi]
pub fn verify_webhook(
    secret: String,
    raw_body: Either<Buffer, String>,
    signature: Option<String>,
) -> Result<()> {
    Ok(insurup::webhook::verify(
        &secret,
        bytes(&raw_body),
        signature.as_deref(),
    )?)
}

/// The `x-webhook-signature` InsurUp sends for `body` under `secret`; for your receiver's tests.
#[napi]
pub fn sign_webhook(secret: String, body: Either<Buffer, String>) -> String {
    insurup::webhook::sign(&secret, bytes(&body))
}
