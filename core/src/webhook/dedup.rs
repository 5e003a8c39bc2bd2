//! Dropping repeated deliveries. InsurUp retries a delivery the receiver did not answer with a
//! 2xx, and an operator can redeliver one by hand; every copy carries the same
//! `x-webhook-delivery`.
//!
//! What it protects against: handling one event twice because InsurUp retried or redelivered
//! it, and — when the body is passed — a captured, validly signed body replayed under made-up
//! delivery ids (the signature covers the body only, not the headers or a timestamp): the body
//! is recognised, and the replay cannot push real ids out of memory. What it does not: replays
//! older than what it remembers, replays after a restart, or copies handled by another instance
//! of the receiver; for those keep handled delivery ids (or event ids) in a shared store with a
//! unique index.

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Remembers the most recent delivery ids, up to a fixed number, and tells a receiver whether it
/// has seen one before. Thread-safe: share one behind an `Arc` across request handlers.
///
/// Check it after [`super::verify`] succeeds, so forged requests cannot fill it. If handling a
/// first-time delivery then fails, call [`DeliveryDeduplicator::forget`] before answering with an
/// error, so InsurUp's retry is handled instead of dropped.
///
/// It lives in one process's memory: receivers running as several instances, or that must stay
/// exactly-once across restarts, need a shared store (a unique index on the delivery id).
///
/// ```
/// use insurup::webhook::DeliveryDeduplicator;
///
/// let seen = DeliveryDeduplicator::new(2);
/// assert!(seen.first_time("6650a1b2c3d4e5f601a2b3c1"));
/// assert!(!seen.first_time("6650a1b2c3d4e5f601a2b3c1"));
/// ```
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, module = "insurup.webhook"))]
pub struct DeliveryDeduplicator {
    capacity: usize,
    seen: Mutex<Seen>,
}

#[derive(Default)]
struct Seen {
    ids: HashSet<Arc<str>>,
    bodies: HashSet<BodyHash>,
    /// Oldest first; the front is evicted when the set is full.
    order: VecDeque<Entry>,
}

type BodyHash = [u8; 32];

struct Entry {
    id: Arc<str>,
    body: Option<BodyHash>,
}

fn hash_of(raw_body: &[u8]) -> BodyHash {
    use sha2::Digest;
    sha2::Sha256::digest(raw_body).into()
}

impl DeliveryDeduplicator {
    /// Ids remembered by [`DeliveryDeduplicator::default`]: hours of deliveries for a busy agency,
    /// about a megabyte of memory.
    pub const DEFAULT_CAPACITY: usize = 10_000;

    /// Remembers up to `capacity` delivery ids (at least one; `None`:
    /// [`DEFAULT_CAPACITY`](Self::DEFAULT_CAPACITY)); the oldest is forgotten first.
    pub fn new(capacity: impl Into<Option<usize>>) -> Self {
        let capacity = capacity.into().unwrap_or(Self::DEFAULT_CAPACITY).max(1);
        DeliveryDeduplicator {
            capacity,
            seen: Mutex::new(Seen {
                ids: HashSet::with_capacity(capacity.min(1024)),
                bodies: HashSet::with_capacity(capacity.min(1024)),
                order: VecDeque::with_capacity(capacity.min(1024)),
            }),
        }
    }

    /// True the first time `delivery_id` is offered, false for every repeat still remembered.
    /// Concurrent calls with the same id: exactly one gets `true`. Prefer
    /// [`DeliveryDeduplicator::first_time_with_body`], which also recognises a replayed body.
    pub fn first_time(&self, delivery_id: &str) -> bool {
        self.remember(delivery_id, None)
    }

    /// True the first time a delivery is offered: false when its id, or a body identical to
    /// `raw_body`, is still remembered. A repeat is not remembered again, so replays of one body
    /// under ever new ids cannot evict the ids of real deliveries.
    pub fn first_time_with_body(&self, delivery_id: &str, raw_body: &[u8]) -> bool {
        self.remember(delivery_id, Some(hash_of(raw_body)))
    }

    fn remember(&self, delivery_id: &str, body: Option<BodyHash>) -> bool {
        let mut seen = self.lock();
        if seen.ids.contains(delivery_id) || body.is_some_and(|hash| seen.bodies.contains(&hash)) {
            return false;
        }
        if seen.order.len() >= self.capacity
            && let Some(oldest) = seen.order.pop_front()
        {
            seen.forget_entry(&oldest);
        }
        let id: Arc<str> = Arc::from(delivery_id);
        seen.ids.insert(Arc::clone(&id));
        if let Some(hash) = body {
            seen.bodies.insert(hash);
        }
        seen.order.push_back(Entry { id, body });
        true
    }

    /// Forgets `delivery_id` (and the body it was offered with), so its next copy counts as the
    /// first. Call it when handling failed. Returns whether the id was remembered.
    pub fn forget(&self, delivery_id: &str) -> bool {
        let mut seen = self.lock();
        let Some(at) = seen
            .order
            .iter()
            .position(|entry| entry.id.as_ref() == delivery_id)
        else {
            return false;
        };
        if let Some(entry) = seen.order.remove(at) {
            seen.forget_entry(&entry);
        }
        true
    }

    /// How many ids are remembered now.
    pub fn len(&self) -> usize {
        self.lock().order.len()
    }

    /// True when no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The most ids it remembers.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    fn lock(&self) -> MutexGuard<'_, Seen> {
        // The set stays consistent even if a holder panicked: every update is a single step.
        self.seen.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Seen {
    fn forget_entry(&mut self, entry: &Entry) {
        self.ids.remove(&entry.id);
        if let Some(hash) = &entry.body {
            self.bodies.remove(hash);
        }
    }
}

impl Default for DeliveryDeduplicator {
    fn default() -> Self {
        Self::new(Self::DEFAULT_CAPACITY)
    }
}

impl fmt::Debug for DeliveryDeduplicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeliveryDeduplicator")
            .field("remembered", &self.len())
            .field("capacity", &self.capacity)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_delivery_is_recognised() {
        let seen = DeliveryDeduplicator::default();
        assert!(seen.first_time("a"));
        assert!(seen.first_time("b"));
        assert!(!seen.first_time("a"));
        assert!(!seen.first_time("b"));
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn memory_is_bounded_by_forgetting_the_oldest_ids() {
        let seen = DeliveryDeduplicator::new(3);
        for id in ["a", "b", "c", "d"] {
            assert!(seen.first_time(id));
        }
        assert_eq!(seen.len(), 3);
        assert!(!seen.first_time("d"));
        assert!(!seen.first_time("b"));
        assert!(seen.first_time("a"), "the oldest was forgotten");
        assert_eq!(seen.len(), 3);
    }

    #[test]
    fn a_forgotten_delivery_is_handled_again_on_its_retry() {
        let seen = DeliveryDeduplicator::new(2);
        assert!(seen.first_time("a"));
        assert!(seen.forget("a"));
        assert!(!seen.forget("a"));
        assert!(seen.first_time("a"));
        assert!(seen.first_time("b"));
        assert!(seen.first_time("c"));
        assert!(!seen.first_time("c"));
        assert!(
            seen.first_time("a"),
            "evicted in order despite the earlier forget"
        );
    }

    #[test]
    fn concurrent_copies_of_one_delivery_are_let_through_exactly_once() {
        let seen = Arc::new(DeliveryDeduplicator::new(100));
        let firsts: usize = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let seen = Arc::clone(&seen);
                    scope.spawn(move || {
                        (0..50)
                            .filter(|i| seen.first_time(&format!("d{i}")))
                            .count()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap_or_default())
                .sum()
        });
        assert_eq!(firsts, 50);
    }

    #[test]
    fn a_body_replayed_under_new_ids_is_caught_and_evicts_nothing() {
        let seen = DeliveryDeduplicator::new(3);
        assert!(seen.first_time_with_body("real-1", b"{\"policyId\":\"a\"}"));
        assert!(seen.first_time_with_body("real-2", b"{\"policyId\":\"b\"}"));
        for n in 0..100 {
            assert!(
                !seen.first_time_with_body(&format!("forged-{n}"), b"{\"policyId\":\"a\"}"),
                "a replayed body is a repeat whatever its delivery id"
            );
        }
        assert_eq!(seen.len(), 2, "replays are not remembered");
        assert!(!seen.first_time_with_body("real-1", b"{\"policyId\":\"a\"}"));
        assert!(!seen.first_time_with_body("real-2", b"other body, same id"));
        assert!(seen.forget("real-1"));
        assert!(
            seen.first_time_with_body("real-1-retry", b"{\"policyId\":\"a\"}"),
            "forgetting a delivery forgets its body too"
        );
    }

    #[test]
    fn a_zero_capacity_still_catches_an_immediate_retry() {
        let seen = DeliveryDeduplicator::new(0);
        assert_eq!(seen.capacity(), 1);
        assert!(seen.first_time("a"));
        assert!(!seen.first_time("a"));
    }

    #[test]
    fn debug_output_does_not_list_the_ids() {
        let seen = DeliveryDeduplicator::new(5);
        seen.first_time("6650a1b2c3d4e5f601a2b3c1");
        assert_eq!(
            format!("{seen:?}"),
            "DeliveryDeduplicator { remembered: 1, capacity: 5 }"
        );
    }
}
