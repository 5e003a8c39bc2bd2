//! The resources every language shares, as the core declares them.

#[allow(clippy::wildcard_imports)]
use insurup::*;

insurup::every_resource_surface!(forward!());

/// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
/// `ab-123456`) into its letters and digits, and checks both.
#[uniffi::export]
pub fn parse_document_serial(serial: String) -> crate::error::Result<DocumentSerial> {
    Ok(DocumentSerial::parse(&serial)?)
}
