//! The real-time proposal hub over real WebSockets on loopback.

mod client;
mod controls;
mod events;
mod protocol;
