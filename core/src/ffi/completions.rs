//! Finished calls handed back to a host's event loop, many per wake-up: the asyncio bridge of
//! the Python binding and the promise bridge of the Node binding.
//!
//! A call ends on a runtime thread, but only the host's loop thread may turn its outcome into a
//! language value and resolve the caller's future or promise. Waking the loop once per call
//! costs a cross-thread wake-up and a trip through the loop each, which under load is most of the
//! loop's time. Instead a finished call joins its loop's queue, and only the call that finds the
//! queue idle wakes the loop; woken, the loop takes every call queued by then. Calls made
//! together (`asyncio.gather`, `Promise.all`) then cost a few wake-ups, not one each.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The finished calls of one host event loop, waiting for the loop to take them.
#[derive(Debug)]
pub struct CompletionQueue<T>(Mutex<Queued<T>>);

#[derive(Debug)]
struct Queued<T> {
    finished: Vec<T>,
    /// The loop was woken and has not taken the queue since: later calls need not wake it.
    woken: bool,
    /// The loop is gone: calls finishing now have no one to hand their outcome to.
    closed: bool,
}

impl<T> Default for CompletionQueue<T> {
    fn default() -> Self {
        CompletionQueue(Mutex::new(Queued {
            finished: Vec::new(),
            woken: false,
            closed: false,
        }))
    }
}

impl<T> CompletionQueue<T> {
    fn lock(&self) -> MutexGuard<'_, Queued<T>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues a finished call and, when the loop is not already woken, runs `wake`. `wake` runs
    /// under the queue's lock, so [`close`](Self::close) cannot run meanwhile: a host may tear
    /// its wake-up handle down in `close`. After `close` the call is dropped and nothing runs.
    pub fn push(&self, finished: T, wake: impl FnOnce()) {
        let mut queued = self.lock();
        if queued.closed {
            drop(queued);
            drop(finished);
            return;
        }
        queued.finished.push(finished);
        if !std::mem::replace(&mut queued.woken, true) {
            wake();
        }
    }

    /// Takes every queued call, on the loop's thread; a call finishing after this wakes the loop
    /// again.
    pub fn take(&self) -> Vec<T> {
        let mut queued = self.lock();
        queued.woken = false;
        std::mem::take(&mut queued.finished)
    }

    /// The loop is gone: returns what was queued (to be dropped outside the lock) and drops
    /// every call that finishes later.
    pub fn close(&self) -> Vec<T> {
        let mut queued = self.lock();
        queued.closed = true;
        std::mem::take(&mut queued.finished)
    }
}

/// An event loop's side of its queue: what a finished call carries and how the loop is woken.
pub trait CompletionHost: Send + Sync + 'static {
    /// What resolves the caller's future or promise (an asyncio future, a napi deferred).
    type Handle: Send;
    /// The call's outcome, made a language value by the loop.
    type Outcome: Send;

    /// The loop's queue of finished calls.
    fn queue(&self) -> &CompletionQueue<(Self::Handle, Self::Outcome)>;

    /// Makes the loop take its queue soon; called under the queue's lock, at most once per take.
    fn wake(&self);
}

/// A started call's promise to hand its outcome to its loop. [`settle`](Self::settle) queues
/// the outcome; dropped unsettled (the call panicked, was aborted, or its runtime shut down) it
/// queues `abandoned()`'s instead, so no caller waits forever for a call that is gone.
pub struct Settlement<H: CompletionHost> {
    host: Arc<H>,
    handle: Option<H::Handle>,
    abandoned: fn() -> H::Outcome,
}

impl<H: CompletionHost> std::fmt::Debug for Settlement<H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settlement")
            .field("settled", &self.handle.is_none())
            .finish_non_exhaustive()
    }
}

impl<H: CompletionHost> Settlement<H> {
    /// The promise to settle `handle` through `host`'s queue.
    pub fn new(host: Arc<H>, handle: H::Handle, abandoned: fn() -> H::Outcome) -> Self {
        Settlement {
            host,
            handle: Some(handle),
            abandoned,
        }
    }

    /// Hands `outcome` to the loop.
    pub fn settle(mut self, outcome: H::Outcome) {
        self.queue(outcome);
    }

    fn queue(&mut self, outcome: H::Outcome) {
        if let Some(handle) = self.handle.take() {
            let host = &self.host;
            host.queue().push((handle, outcome), || host.wake());
        }
    }
}

impl<H: CompletionHost> Drop for Settlement<H> {
    fn drop(&mut self) {
        if self.handle.is_some() {
            self.queue((self.abandoned)());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[derive(Default)]
    struct Host {
        queue: CompletionQueue<(u32, &'static str)>,
        wakes: AtomicUsize,
    }

    impl CompletionHost for Host {
        type Handle = u32;
        type Outcome = &'static str;

        fn queue(&self) -> &CompletionQueue<(u32, &'static str)> {
            &self.queue
        }

        fn wake(&self) {
            self.wakes.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn settlement(host: &Arc<Host>, handle: u32) -> Settlement<Host> {
        Settlement::new(Arc::clone(host), handle, || "abandoned")
    }

    #[test]
    fn calls_finishing_before_the_loop_runs_share_one_wake_up() {
        let host = Arc::new(Host::default());
        for handle in 0..3 {
            settlement(&host, handle).settle("done");
        }
        assert_eq!(host.wakes.load(Ordering::SeqCst), 1);
        assert_eq!(host.queue.take(), [(0, "done"), (1, "done"), (2, "done")]);

        settlement(&host, 3).settle("done");
        assert_eq!(
            host.wakes.load(Ordering::SeqCst),
            2,
            "a call after a take wakes again"
        );
        assert_eq!(host.queue.take(), [(3, "done")]);
    }

    #[test]
    fn a_call_dropped_unsettled_still_reaches_its_caller() {
        let host = Arc::new(Host::default());
        drop(settlement(&host, 7));
        assert_eq!(host.queue.take(), [(7, "abandoned")]);
        assert_eq!(host.wakes.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn after_the_loop_is_gone_calls_are_dropped_without_waking_it() {
        let host = Arc::new(Host::default());
        settlement(&host, 1).settle("done");
        assert_eq!(host.queue.close(), [(1, "done")]);
        settlement(&host, 2).settle("done");
        drop(settlement(&host, 3));
        assert!(host.queue.take().is_empty());
        assert_eq!(host.wakes.load(Ordering::SeqCst), 1);
    }
}
