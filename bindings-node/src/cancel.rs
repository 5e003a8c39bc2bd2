//! `AbortSignal` support for the long calls (`proposals.wait`, watches, list streams).

use std::future::Future;

use napi::bindgen_prelude::{External, FnArgs, Function, JsObjectValue, Object, Unknown};
use napi::{Env, Result, Status};
use napi_derive::napi;
use tokio::sync::watch;

/// What a long call takes beside its options, in the same object.
#[allow(missing_debug_implementations)] // Read once on the JS thread; JS handles have no Debug.
#[napi(object, object_to_js = false)]
pub struct Abortable<'env> {
    /// Stops the call when it fires; it rejects with an `AbortError`.
    #[napi(ts_type = "AbortSignal")]
    pub signal: Option<Object<'env>>,
}

/// Where a signal keeps the receiver its one listener feeds: a signal passed to many calls gets
/// one listener, not one per call (Node warns about a leak past ten).
const RECEIVER_KEY: &str = "__insurupAborted";

/// `signal.addEventListener(type, listener)`.
type AddEventListenerArgs<'a> = FnArgs<(&'a str, Function<'a, (), ()>)>;

/// A JS `AbortSignal` seen from Rust: work run through [`Cancellation::run`] stops, and rejects
/// with napi's `Cancelled` status (an `AbortError` in JS), once the signal fires.
#[derive(Debug, Clone, Default)]
pub struct Cancellation {
    aborted: Option<watch::Receiver<bool>>,
}

impl Cancellation {
    /// Listens to the `signal` of an options object, if it has one.
    pub fn from_options(env: &Env, options: Option<&Unknown>) -> Result<Self> {
        let abortable = crate::read::<Abortable>(options)?;
        Cancellation::from_signal(env, abortable.and_then(|a| a.signal).as_ref())
    }

    /// Listens to `signal`, if there is one.
    pub fn from_signal(env: &Env, signal: Option<&Object>) -> Result<Self> {
        let Some(&signal) = signal else {
            return Ok(Cancellation::default());
        };
        if let Ok(listening) =
            signal.get_named_property::<&External<watch::Receiver<bool>>>(RECEIVER_KEY)
        {
            return Ok(Cancellation {
                aborted: Some(watch::Receiver::clone(listening)),
            });
        }
        let (abort, aborted) = watch::channel(signal.get_named_property::<bool>("aborted")?);
        let listener = env.create_function_from_closure::<(), (), _>("onAbort", move |_| {
            abort.send_replace(true);
            Ok(())
        })?;
        let add_event_listener: Function<AddEventListenerArgs, ()> =
            signal.get_named_property("addEventListener")?;
        add_event_listener.apply(signal, FnArgs::from(("abort", listener)))?;
        let mut signal = signal;
        signal.set_named_property(RECEIVER_KEY, External::new(aborted.clone()))?;
        Ok(Cancellation {
            aborted: Some(aborted),
        })
    }

    /// Runs `work` until it finishes or the signal fires, whichever comes first. Dropping the
    /// work stops it: the core's calls are safe to drop (a purchase is never run through here).
    pub async fn run<T>(&self, work: impl Future<Output = Result<T>>) -> Result<T> {
        let Some(aborted) = &self.aborted else {
            return work.await;
        };
        let mut aborted = aborted.clone();
        tokio::select! {
            result = work => result,
            // A closed channel means the signal was collected without firing: keep working.
            Ok(_) = aborted.wait_for(|aborted| *aborted) => {
                Err(napi::Error::new(Status::Cancelled, "This operation was aborted"))
            }
        }
    }
}
