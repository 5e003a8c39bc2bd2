//! Dropping repeated deliveries. InsurUp retries a delivery the receiver did not answer with a
//! 2xx, and an operator can redeliver one by hand; every copy carries the same
//! `x-webhook-delivery`.

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
pub struct DeliveryDeduplicator {
    capacity: usize,
    seen: Mutex<Seen>,
}

#[derive(Default)]
struct Seen {
    ids: HashSet<Arc<str>>,
    /// Oldest first; the front is evicted when the set is full.
    order: VecDeque<Arc<str>>,
}

impl DeliveryDeduplicator {
    /// Ids remembered by [`DeliveryDeduplicator::default`]: hours of deliveries for a busy agency,
    /// about a megabyte of memory.
    pub const DEFAULT_CAPACITY: usize = 10_000;

    /// Remembers up to `capacity` delivery ids (at least one); the oldest is forgotten first.
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        DeliveryDeduplicator {
            capacity,
            seen: Mutex::new(Seen {
                ids: HashSet::with_capacity(capacity.min(1024)),
                order: VecDeque::with_capacity(capacity.min(1024)),
            }),
        }
    }

    /// True the first time `delivery_id` is offered, false for every repeat still remembered.
    /// Concurrent calls with the same id: exactly one gets `true`.
    pub fn first_time(&self, delivery_id: &str) -> bool {
        let mut seen = self.lock();
        if seen.ids.contains(delivery_id) {
            return false;
        }
        if seen.order.len() >= self.capacity
            && let Some(oldest) = seen.order.pop_front()
        {
            seen.ids.remove(&oldest);
        }
        let id: Arc<str> = Arc::from(delivery_id);
        seen.ids.insert(Arc::clone(&id));
        seen.order.push_back(id);
        true
    }

    /// Forgets `delivery_id`, so its next copy counts as the first. Call it when handling failed.
    /// Returns whether the id was remembered.
    pub fn forget(&self, delivery_id: &str) -> bool {
        let mut seen = self.lock();
        if !seen.ids.remove(delivery_id) {
            return false;
        }
        seen.order.retain(|id| id.as_ref() != delivery_id);
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
