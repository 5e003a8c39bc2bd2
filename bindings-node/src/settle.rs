//! Promises settled in batches: the bridge from the core's futures to JS promises.
//!
//! napi's `async fn` creates a threadsafe function (an event-loop handle) per call and wakes the
//! event loop once per settled call. Here each env has one threadsafe function and a queue of
//! finished calls (the core's `CompletionQueue`, shared with the Python binding): the first call
//! to finish wakes the event loop, and that wake-up settles every call finished by then, so calls
//! made together (`Promise.all`) cost a few wake-ups, not one each. Values and errors reach JS
//! exactly as from an `async fn` (the same conversions); the threadsafe function keeps Node alive
//! only while calls are pending.

// The napi C API: promises settled from the queue, one threadsafe function per env.
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::ffi::c_void;
use std::future::Future;
use std::ptr;
use std::sync::{Arc, OnceLock};

use insurup::{CompletionHost, CompletionQueue, Settlement};
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue, spawn};
use napi::{Env, Error, Result, Status, check_status, sys};

/// Makes the JS value of a finished call, on the JS thread.
type Outcome = Box<dyn FnOnce(sys::napi_env) -> Result<sys::napi_value> + Send>;

/// A call's promise, settled on the JS thread.
struct Deferred(sys::napi_deferred);

// SAFETY: the deferred only travels back to the JS thread through the queue.
unsafe impl Send for Deferred {}

/// An env's threadsafe function.
struct Tsfn(sys::napi_threadsafe_function);

// SAFETY: `napi_call_threadsafe_function` is made for any thread; it is only called by `wake`,
// which runs under the queue's lock and never after the finalizer closed the queue.
unsafe impl Send for Tsfn {}
unsafe impl Sync for Tsfn {}

/// One env's finished calls, shared by its pending calls and its threadsafe function.
struct Shared {
    settled: CompletionQueue<(Deferred, Outcome)>,
    tsfn: OnceLock<Tsfn>,
}

impl CompletionHost for Shared {
    type Handle = Deferred;
    type Outcome = Outcome;

    fn queue(&self) -> &CompletionQueue<(Deferred, Outcome)> {
        &self.settled
    }

    fn wake(&self) {
        if let Some(Tsfn(tsfn)) = self.tsfn.get() {
            unsafe {
                sys::napi_call_threadsafe_function(
                    *tsfn,
                    ptr::null_mut(),
                    sys::ThreadsafeFunctionCallMode::nonblocking,
                )
            };
        }
    }
}

/// The JS thread's side of its env's queue.
struct Local {
    env: sys::napi_env,
    shared: Arc<Shared>,
    tsfn: sys::napi_threadsafe_function,
    /// Calls made and not yet settled: the threadsafe function is referenced (keeps Node
    /// alive) while there are any.
    pending: usize,
}

thread_local! {
    /// The queues of the envs running on this thread (one per thread in Node: the main
    /// thread, each worker), each made on its env's first call.
    static LOCAL: RefCell<Vec<Local>> = const { RefCell::new(Vec::new()) };
}

/// The TS type `void`, for napi's typings of a promise of `()`.
#[allow(non_camel_case_types)]
pub type void = ();

/// The TS type `null`, for napi's typings of a promise of an `Option`.
#[allow(non_camel_case_types)]
pub type null = napi::bindgen_prelude::Null;

/// Runs `work` on the runtime and returns the promise of its result: the value converted as an
/// `async fn`'s, or its error rejected as an `async fn`'s. `Typed` is the promise's type in the
/// typings, `T`'s own unless spelt otherwise (see `void` and `null`).
pub fn spawn_promise<'env, T, Typed, F>(env: &'env Env, work: F) -> Result<PromiseRaw<'env, Typed>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = Result<T>> + Send + 'static,
{
    let raw_env = env.raw();
    let mut deferred = ptr::null_mut();
    let mut promise = ptr::null_mut();
    check_status!(
        unsafe { sys::napi_create_promise(raw_env, &mut deferred, &mut promise) },
        "Failed to create a promise"
    )?;
    let shared = LOCAL.with(|locals| -> Result<Arc<Shared>> {
        let mut locals = locals.borrow_mut();
        let index = match locals.iter().position(|local| local.env == raw_env) {
            Some(index) => index,
            None => {
                locals.push(Local::new(raw_env)?);
                locals.len() - 1
            }
        };
        let local = &mut locals[index];
        if local.pending == 0 {
            check_status!(unsafe { sys::napi_ref_threadsafe_function(raw_env, local.tsfn) })?;
        }
        local.pending += 1;
        Ok(Arc::clone(&local.shared))
    })?;
    let settlement = Settlement::new(shared, Deferred(deferred), panicked);
    spawn(async move {
        let result = work.await;
        settlement.settle(Box::new(move |env| {
            result.and_then(|value| unsafe { T::to_napi_value(env, value) })
        }));
    });
    Ok(PromiseRaw::new(raw_env, promise))
}

/// How a call dropped unsettled (its work panicked, or the runtime shut down) rejects: as napi's
/// `async fn` does when its work panics.
fn panicked() -> Outcome {
    Box::new(|_| {
        Err(Error::new(
            Status::GenericFailure,
            "Panic in async function",
        ))
    })
}

impl Local {
    /// Creates the env's threadsafe function, unreferenced until a call is pending.
    fn new(env: sys::napi_env) -> Result<Self> {
        let shared = Arc::new(Shared {
            settled: CompletionQueue::default(),
            tsfn: OnceLock::new(),
        });
        let mut name = ptr::null_mut();
        check_status!(unsafe {
            sys::napi_create_string_utf8(env, c"insurup_settle".as_ptr(), 14, &mut name)
        })?;
        let context = Arc::into_raw(Arc::clone(&shared))
            .cast_mut()
            .cast::<c_void>();
        let mut tsfn = ptr::null_mut();
        let status = unsafe {
            sys::napi_create_threadsafe_function(
                env,
                ptr::null_mut(),
                ptr::null_mut(),
                name,
                0,
                1,
                context,
                Some(finalize),
                context,
                Some(drain),
                &mut tsfn,
            )
        };
        if let Err(error) = check_status!(status) {
            drop(unsafe { Arc::from_raw(context.cast::<Shared>()) });
            return Err(error);
        }
        check_status!(unsafe { sys::napi_unref_threadsafe_function(env, tsfn) })?;
        let _ = shared.tsfn.set(Tsfn(tsfn));
        Ok(Local {
            env,
            shared,
            tsfn,
            pending: 0,
        })
    }
}

/// Settles every queued call, on the JS thread.
unsafe extern "C" fn drain(
    env: sys::napi_env,
    _callback: sys::napi_value,
    context: *mut c_void,
    _data: *mut c_void,
) {
    if env.is_null() {
        return; // torn down
    }
    let shared = unsafe { &*context.cast::<Shared>() };
    let settled = shared.settled.take();
    let count = settled.len();
    for (Deferred(deferred), outcome) in settled {
        match outcome(env) {
            Ok(value) => unsafe {
                sys::napi_resolve_deferred(env, deferred, value);
            },
            Err(error) => reject(env, deferred, error),
        }
    }
    LOCAL.with(|locals| {
        if let Some(local) = locals
            .borrow_mut()
            .iter_mut()
            .find(|local| local.env == env)
        {
            local.pending = local.pending.saturating_sub(count);
            if local.pending == 0 {
                unsafe { sys::napi_unref_threadsafe_function(env, local.tsfn) };
            }
        }
    });
}

/// Rejects `deferred` with `error` converted as napi converts an `async fn`'s error.
fn reject(env: sys::napi_env, deferred: sys::napi_deferred, error: Error) {
    let value = unsafe { ToNapiValue::to_napi_value(env, error) }.unwrap_or_else(|_| {
        let mut message = ptr::null_mut();
        let mut value = ptr::null_mut();
        unsafe {
            sys::napi_create_string_utf8(env, c"Rejection failed".as_ptr(), 16, &mut message);
            sys::napi_create_error(env, ptr::null_mut(), message, &mut value);
        }
        value
    });
    unsafe { sys::napi_reject_deferred(env, deferred, value) };
}

/// The env is torn down: later calls are dropped unsettled and this thread's next env (if
/// any) gets a new queue.
unsafe extern "C" fn finalize(env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    let shared = unsafe { Arc::from_raw(data.cast::<Shared>()) };
    drop(shared.settled.close());
    // `try_with`: the thread may be exiting, its locals already gone.
    let _ = LOCAL.try_with(|locals| {
        if let Ok(mut locals) = locals.try_borrow_mut() {
            locals.retain(|local| local.env != env);
        }
    });
}
