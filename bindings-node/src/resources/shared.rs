//! The resources every language shares, as the core declares them.

use napi::Result;
use napi_derive::napi;

#[allow(clippy::wildcard_imports)]
use insurup::*;

insurup::every_resource_surface!(resource!());

/// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
/// `ab-123456`) into its letters and digits, and checks both: `DocumentSerial.parse(text)`.
#[napi(namespace = "DocumentSerial")]
pub fn parse(serial: String) -> Result<DocumentSerial> {
    Ok(DocumentSerial::parse(&serial)?)
}
