//! The JS callbacks a client can be given: the `twoFactor` function and a `tokenStore` object.
//! Both may answer synchronously or with a promise, and are called from the core's tasks through
//! thread-safe functions, so the event loop never waits for the core nor the core for a lock.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use napi::bindgen_prelude::{
    Either, FromNapiValue, Function, JsObjectValue, JsValuesTupleIntoVec, Object, Promise,
    TypeName, ValidateNapiValue,
};
use napi::threadsafe_function::{ThreadsafeFunction, UnknownReturnValue};
use napi::{Result, Status};
use napi_derive::napi;

use insurup::{Error, ErrorKind, Secret, TokenSet, TokenStore, TwoFactorProvider};

/// The answer of a callback that may return a value or a promise of it.
pub type MaybePromise<T> = Either<Promise<T>, T>;

/// A JS function callable from any thread. Weak, so a client that is still referenced does not
/// keep the process alive on its own.
type Callback<Arg, Out> = ThreadsafeFunction<Arg, MaybePromise<Out>, Arg, Status, false, true>;

async fn call<Arg, Out>(callback: &Callback<Arg, Out>, arg: Arg) -> Result<Out>
where
    Arg: 'static + JsValuesTupleIntoVec,
    Out: 'static + FromNapiValue + TypeName + ValidateNapiValue + Send,
{
    match callback.call_async_catch(arg).await? {
        Either::A(promise) => promise.await,
        Either::B(value) => Ok(value),
    }
}

/// What the server asked for when an agent user's login needs a 2FA code.
#[derive(Debug)]
#[napi(object)]
pub struct TwoFactorChallenge {
    /// The user id from the login answer.
    pub user_id: String,
    /// The e-mail address that logged in.
    pub email: String,
}

/// The `twoFactor` option.
pub struct JsTwoFactor(Callback<TwoFactorChallenge, String>);

impl JsTwoFactor {
    pub fn new(function: &Function<TwoFactorChallenge, MaybePromise<String>>) -> Result<Self> {
        Ok(JsTwoFactor(
            function
                .build_threadsafe_function()
                .weak::<true>()
                .build()?,
        ))
    }
}

impl TwoFactorProvider for JsTwoFactor {
    fn code(
        &self,
        challenge: insurup::TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = insurup::Result<String>> + Send + '_>> {
        let challenge = TwoFactorChallenge {
            user_id: challenge.user_id,
            email: challenge.email,
        };
        Box::pin(async move {
            call(&self.0, challenge)
                .await
                .map_err(|error| callback_failed("twoFactor", &error))
        })
    }
}

/// Tokens as a JS `tokenStore` receives and returns them. They are in clear: the store exists
/// to persist them, so keep what it writes as private as a password.
#[napi(object)]
pub struct StoredTokens {
    /// The bearer token.
    pub access_token: String,
    /// The refresh token (agent users only); rotates on every refresh.
    pub refresh_token: Option<String>,
    /// When the token was received, in milliseconds since the Unix epoch.
    pub issued_at_ms: i64,
    /// Lifetime the server announced, in seconds.
    pub expires_in_secs: i64,
    /// Who the tokens belong to, and on which API.
    pub subject: String,
}

impl fmt::Debug for StoredTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredTokens")
            .field("issued_at_ms", &self.issued_at_ms)
            .field("expires_in_secs", &self.expires_in_secs)
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

impl From<&TokenSet> for StoredTokens {
    fn from(tokens: &TokenSet) -> Self {
        StoredTokens {
            access_token: tokens.access_token.expose().to_owned(),
            refresh_token: tokens
                .refresh_token
                .as_ref()
                .map(|token| token.expose().to_owned()),
            issued_at_ms: tokens.issued_at_ms,
            expires_in_secs: i64::try_from(tokens.expires_in_secs).unwrap_or(i64::MAX),
            subject: tokens.subject.clone(),
        }
    }
}

impl From<StoredTokens> for TokenSet {
    fn from(tokens: StoredTokens) -> Self {
        TokenSet {
            access_token: Secret::new(tokens.access_token),
            refresh_token: tokens.refresh_token.map(Secret::new),
            issued_at_ms: tokens.issued_at_ms,
            // A negative lifetime is an expired token: the session logs in again.
            expires_in_secs: u64::try_from(tokens.expires_in_secs).unwrap_or(0),
            subject: tokens.subject,
        }
    }
}

/// The `tokenStore` option: an object with `load`, `save` and `clear` methods.
pub struct JsTokenStore {
    load: Callback<(), Option<StoredTokens>>,
    save: Callback<StoredTokens, UnknownReturnValue>,
    clear: Callback<(), UnknownReturnValue>,
}

impl JsTokenStore {
    pub fn new(store: &Object) -> Result<Self> {
        Ok(JsTokenStore {
            load: method(store, "load")?,
            save: method(store, "save")?,
            clear: method(store, "clear")?,
        })
    }
}

/// `object[name]` bound to `object`, so stores written as classes keep their `this`.
fn method<Arg, Out>(object: &Object, name: &str) -> Result<Callback<Arg, Out>>
where
    Arg: 'static + JsValuesTupleIntoVec,
    Out: 'static + FromNapiValue + TypeName + ValidateNapiValue,
{
    let function: Function<Arg, MaybePromise<Out>> =
        object.get_named_property(name).map_err(|_| {
            napi::Error::new(
                Status::InvalidArg,
                format!("tokenStore.{name} must be a function"),
            )
        })?;
    function
        .bind(object)?
        .build_threadsafe_function()
        .weak::<true>()
        .build()
}

impl fmt::Debug for JsTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsTokenStore")
    }
}

#[async_trait::async_trait]
impl TokenStore for JsTokenStore {
    async fn load(&self) -> insurup::Result<Option<TokenSet>> {
        call(&self.load, ())
            .await
            .map(|tokens| tokens.map(TokenSet::from))
            .map_err(|error| callback_failed("tokenStore.load", &error))
    }

    async fn save(&self, tokens: &TokenSet) -> insurup::Result<()> {
        call(&self.save, StoredTokens::from(tokens))
            .await
            .map(drop)
            .map_err(|error| callback_failed("tokenStore.save", &error))
    }

    async fn clear(&self) -> insurup::Result<()> {
        call(&self.clear, ())
            .await
            .map(drop)
            .map_err(|error| callback_failed("tokenStore.clear", &error))
    }
}

fn callback_failed(callback: &str, error: &napi::Error) -> Error {
    Error::new(
        ErrorKind::Authentication,
        format!("the {callback} callback failed: {}", error.reason),
    )
}
