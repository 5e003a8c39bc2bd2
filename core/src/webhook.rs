//! Receiving webhooks: signature verification and typed events.
