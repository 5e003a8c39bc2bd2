//! The resources every language shares, as the core declares them.

#[allow(clippy::wildcard_imports)]
use insurup::*;

insurup::resource_surface!(addresses, forward!());
insurup::resource_surface!(agent_branches, forward!());
insurup::resource_surface!(cases, forward!());
insurup::resource_surface!(customers, forward!());
insurup::resource_surface!(policies, forward!());
insurup::resource_surface!(properties, forward!());
insurup::resource_surface!(proposals, forward!());
insurup::resource_surface!(reference, forward!());
insurup::resource_surface!(vehicles, forward!());
insurup::resource_surface!(webhooks, forward!());

/// Splits a registration document serial as people write it (`AB123456`, `AB 123456`,
/// `ab-123456`) into its letters and digits, and checks both.
#[uniffi::export]
pub fn parse_document_serial(serial: String) -> crate::error::Result<DocumentSerial> {
    Ok(DocumentSerial::parse(&serial)?)
}
