//! InsurUp's real-time proposal hub, `ProposalDetailHub` at `/hubs/proposal-detail`: ASP.NET Core
//! SignalR's JSON hub protocol over WebSocket, without negotiation. A connection invokes
//! `Register({proposalId})` and then receives a `ReceiveProposalProduct*` invocation whenever one of
//! that proposal's products changes state.
//!
//! [`Hub`] is the registry every connection and every publisher shares: who is connected, who
//! watches which proposal, and the test controls' switches. Lock order: the store first, then the
//! hub, never the other way round, so an event published while the store is locked reaches every
//! watcher in the order the store changed.

pub mod connection;
pub mod events;
pub mod protocol;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::mpsc;

pub use events::ProductEvent;

use crate::store::model::{Product, Proposal};

/// What a connection's task is told to do next.
#[derive(Debug)]
pub enum Outbound {
    /// Write this text frame (one or more records).
    Text(String),
    /// Send a Close message and a WebSocket close frame, then end.
    Close {
        error: Option<String>,
        allow_reconnect: bool,
    },
    /// End at once: the socket is dropped without a close frame, as a network failure would.
    Cut,
}

#[derive(Debug)]
struct Watcher {
    outbox: mpsc::UnboundedSender<Outbound>,
    proposals: BTreeSet<String>,
}

#[derive(Debug, Default)]
struct Registry {
    connections: HashMap<u64, Watcher>,
    /// Proposal id -> the connections that registered for it.
    watchers: HashMap<String, BTreeSet<u64>>,
    /// The next `remaining` handshakes are answered `delay` late.
    handshake_delay: Option<(Duration, u32)>,
}

#[derive(Debug, Default)]
struct Inner {
    registry: Mutex<Registry>,
    next_id: AtomicU64,
    pings_paused: AtomicBool,
}

/// Cheap to clone; all clones share one registry.
#[derive(Clone, Debug, Default)]
pub struct Hub(Arc<Inner>);

impl Hub {
    fn registry<R>(&self, f: impl FnOnce(&mut Registry) -> R) -> R {
        let mut guard = self
            .0
            .registry
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        f(&mut guard)
    }

    /// Adds a connection whose handshake succeeded; returns its id.
    pub fn attach(&self, outbox: mpsc::UnboundedSender<Outbound>) -> u64 {
        let id = self.0.next_id.fetch_add(1, Ordering::Relaxed);
        self.registry(|r| {
            r.connections.insert(
                id,
                Watcher {
                    outbox,
                    proposals: BTreeSet::new(),
                },
            );
        });
        id
    }

    /// Forgets a connection and everything it watched.
    pub fn detach(&self, connection: u64) {
        self.registry(|r| {
            if let Some(watcher) = r.connections.remove(&connection) {
                for proposal in watcher.proposals {
                    if let Some(set) = r.watchers.get_mut(&proposal) {
                        set.remove(&connection);
                        if set.is_empty() {
                            r.watchers.remove(&proposal);
                        }
                    }
                }
            }
        });
    }

    /// From now on `connection` receives the events of `proposal_id` (again registering is harmless).
    pub fn watch(&self, connection: u64, proposal_id: &str) {
        self.registry(|r| {
            if let Some(watcher) = r.connections.get_mut(&connection) {
                watcher.proposals.insert(proposal_id.to_owned());
                r.watchers
                    .entry(proposal_id.to_owned())
                    .or_default()
                    .insert(connection);
            }
        });
    }

    /// Invokes `target(argument)` on every connection watching `proposal_id`; returns how many.
    pub fn publish(&self, proposal_id: &str, target: &str, argument: &Value) -> usize {
        self.registry(|r| {
            let Some(ids) = r.watchers.get(proposal_id) else {
                return 0;
            };
            let text = protocol::invocation(target, argument);
            ids.iter()
                .filter_map(|id| r.connections.get(id))
                .filter(|w| w.outbox.send(Outbound::Text(text.clone())).is_ok())
                .count()
        })
    }

    /// Publishes `event` for `product` as the store holds it. Call it with the store still locked,
    /// after the change, so watchers see changes in the store's order and never ahead of a read.
    pub fn product_event(
        &self,
        event: ProductEvent,
        proposal: &Proposal,
        product: &Product,
        error_message: Option<&str>,
    ) {
        let argument = events::payload(event, proposal, product, error_message);
        self.publish(&proposal.id, event.target(), &argument);
    }

    fn tell_everyone(&self, make: impl Fn() -> Outbound) -> usize {
        self.registry(|r| {
            r.connections
                .values()
                .filter(|w| w.outbox.send(make()).is_ok())
                .count()
        })
    }

    /// Drops every socket without a close frame; returns how many.
    pub fn cut_all(&self) -> usize {
        self.tell_everyone(|| Outbound::Cut)
    }

    /// Sends every connection a Close message; returns how many.
    pub fn close_all(&self, error: Option<&str>, allow_reconnect: bool) -> usize {
        self.tell_everyone(|| Outbound::Close {
            error: error.map(str::to_owned),
            allow_reconnect,
        })
    }

    pub fn pings_paused(&self) -> bool {
        self.0.pings_paused.load(Ordering::Relaxed)
    }

    pub fn pause_pings(&self, paused: bool) {
        self.0.pings_paused.store(paused, Ordering::Relaxed);
    }

    /// The next `times` handshakes are answered `delay` late (zero clears it).
    pub fn delay_handshakes(&self, delay: Duration, times: u32) {
        self.registry(|r| {
            r.handshake_delay = (!delay.is_zero() && times > 0).then_some((delay, times));
        });
    }

    /// How long this handshake's answer waits; uses up one delayed handshake.
    pub fn take_handshake_delay(&self) -> Duration {
        self.registry(|r| match r.handshake_delay.as_mut() {
            Some((delay, remaining)) => {
                let delay = *delay;
                *remaining -= 1;
                if *remaining == 0 {
                    r.handshake_delay = None;
                }
                delay
            }
            None => Duration::ZERO,
        })
    }

    /// Back to the defaults the test controls change: pings on, no handshake delay.
    pub fn reset_controls(&self) {
        self.pause_pings(false);
        self.delay_handshakes(Duration::ZERO, 0);
    }

    pub fn open_connections(&self) -> u64 {
        self.registry(|r| r.connections.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn texts(rx: &mut mpsc::UnboundedReceiver<Outbound>) -> Vec<String> {
        let mut out = Vec::new();
        while let Ok(Outbound::Text(text)) = rx.try_recv() {
            out.push(text);
        }
        out
    }

    #[test]
    fn only_the_watchers_of_a_proposal_receive_its_events() {
        let hub = Hub::default();
        let (a_tx, mut a_rx) = mpsc::unbounded_channel();
        let (b_tx, mut b_rx) = mpsc::unbounded_channel();
        let a = hub.attach(a_tx);
        let b = hub.attach(b_tx);
        hub.watch(a, "p1");
        hub.watch(a, "p2");
        hub.watch(b, "p2");
        hub.watch(b, "p2");
        assert_eq!(hub.publish("p1", "E", &json!({"proposalId": "p1"})), 1);
        assert_eq!(hub.publish("p2", "E", &json!({"proposalId": "p2"})), 2);
        assert_eq!(hub.publish("p3", "E", &json!({})), 0);
        assert_eq!(texts(&mut a_rx).len(), 2);
        assert_eq!(texts(&mut b_rx).len(), 1, "registering twice sends once");
        hub.detach(a);
        assert_eq!(hub.publish("p1", "E", &json!({})), 0);
        assert_eq!(hub.open_connections(), 1);
    }

    #[test]
    fn a_handshake_delay_lasts_for_the_number_of_connections_asked() {
        let hub = Hub::default();
        hub.delay_handshakes(Duration::from_millis(50), 2);
        assert_eq!(hub.take_handshake_delay(), Duration::from_millis(50));
        assert_eq!(hub.take_handshake_delay(), Duration::from_millis(50));
        assert_eq!(hub.take_handshake_delay(), Duration::ZERO);
    }
}
