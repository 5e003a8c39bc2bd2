//! The JS callbacks a client can be given, the `twoFactor` function and a `tokenStore` object,
//! and the `TokenSet` a store keeps. Callbacks may answer synchronously or with a promise, and are
//! called from the core's tasks through thread-safe functions, so the event loop never waits for
//! the core nor the core for a lock.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use napi::bindgen_prelude::{
    Either, FromNapiValue, Function, JsObjectValue, JsValuesTupleIntoVec, Object, Promise,
    TypeName, ValidateNapiValue,
};
use napi::threadsafe_function::ThreadsafeFunction;
use napi::{Env, JsDate, Result, Status};
use napi_derive::napi;

use insurup::{Error, TokenStore, TwoFactorChallenge, TwoFactorProvider};

/// The answer of a callback that may return a value or a promise of it.
pub type MaybePromise<T> = Either<Promise<T>, T>;

/// A JS function callable from any thread. Weak, so a client that is still referenced does not
/// keep the process alive on its own.
type Callback<Arg, Out> = ThreadsafeFunction<Arg, MaybePromise<Out>, Arg, Status, false, true>;

async fn call<Arg, Out>(name: &str, callback: &Callback<Arg, Out>, arg: Arg) -> insurup::Result<Out>
where
    Arg: 'static + JsValuesTupleIntoVec,
    Out: 'static + FromNapiValue + TypeName + ValidateNapiValue + Send,
{
    let answer = match callback.call_async_catch(arg).await {
        Ok(Either::A(promise)) => promise.await,
        Ok(Either::B(value)) => Ok(value),
        Err(error) => Err(error),
    };
    answer.map_err(|error| Error::callback_failed(name, error.reason))
}

fn threadsafe<Arg, Out>(function: &Function<Arg, MaybePromise<Out>>) -> Result<Callback<Arg, Out>>
where
    Arg: 'static + JsValuesTupleIntoVec,
    Out: 'static + FromNapiValue + TypeName + ValidateNapiValue,
{
    function.build_threadsafe_function().weak::<true>().build()
}

/// The `twoFactor` option.
pub struct JsTwoFactor(Callback<TwoFactorChallenge, String>);

impl JsTwoFactor {
    pub fn new(function: &Function<TwoFactorChallenge, MaybePromise<String>>) -> Result<Self> {
        Ok(JsTwoFactor(threadsafe(function)?))
    }
}

impl TwoFactorProvider for JsTwoFactor {
    fn code(
        &self,
        challenge: TwoFactorChallenge,
    ) -> Pin<Box<dyn Future<Output = insurup::Result<String>> + Send + '_>> {
        Box::pin(call("twoFactor", &self.0, challenge))
    }
}

/// A session's tokens as a token store keeps them. `JSON.stringify(tokens)` (or `toJSON()`) gives
/// the stored form every language of the SDK shares (`accessToken`, `refreshToken`, `issuedAtMs`,
/// `expiresInSecs`, `subject`), in clear: keep it as private as a password.
/// `TokenSet.fromJSON(text)` reads it back. Printing a `TokenSet` shows no token.
#[derive(Debug)]
#[napi]
pub struct TokenSet(insurup::TokenSet);

#[napi]
impl TokenSet {
    /// The tokens of a stored form: its JSON text or the object `JSON.parse` made of it. Throws
    /// `ValidationError` for anything else.
    #[napi(
        factory,
        js_name = "fromJSON",
        ts_args_type = "json: string | TokenSetJson"
    )]
    pub fn from_json(json: serde_json::Value) -> Result<Self> {
        let text = match json {
            serde_json::Value::String(text) => text,
            value => value.to_string(),
        };
        Ok(TokenSet(insurup::TokenSet::from_json(&text)?))
    }

    /// The stored form, tokens in clear.
    #[napi(js_name = "toJSON", ts_return_type = "TokenSetJson")]
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.0).unwrap_or_default()
    }

    /// Who the tokens belong to, and on which API (`agent-user:ops@acente.com.tr@https://…`).
    #[napi(getter)]
    pub fn subject(&self) -> String {
        self.0.subject.clone()
    }

    /// When the access token expires.
    #[napi(getter)]
    pub fn expires_at<'env>(&self, env: &'env Env) -> Result<JsDate<'env>> {
        env.create_date(self.0.expires_at_ms() as f64)
    }
}

/// The session kept in a JSON file readable by its owner only (mode 0600), replaced atomically:
/// a restarted process continues without logging in, or asking for a 2FA code, again, and
/// processes sharing the file share the session. Give it to a client as `tokenStore`.
///
/// ```ts
/// const client = new Client({ email, password, tokenStore: new FileTokenStore('/var/lib/crm/insurup.json') })
/// ```
#[derive(Debug)]
#[napi]
pub struct FileTokenStore(pub(crate) Arc<insurup::FileTokenStore>);

#[napi]
impl FileTokenStore {
    /// A store at `path`, else `$INSURUP_TOKEN_FILE`, else `~/.config/insurup/tokens.json`; the
    /// file is created on the first save.
    #[napi(constructor)]
    pub fn new(path: Option<String>) -> Self {
        FileTokenStore(Arc::new(insurup::FileTokenStore::at(path)))
    }

    /// The file's path.
    #[napi(getter)]
    pub fn path(&self) -> String {
        self.0.path().display().to_string()
    }
}

/// The `tokenStore` option, as `index.js` adapts the user's store: `load` resolves to the stored
/// form as JSON text (so a store may return a `TokenSet` or what `JSON.parse` made of one), `save`
/// and `clear` to nothing.
pub struct JsTokenStore {
    load: Callback<(), Option<String>>,
    save: Callback<TokenSet, ()>,
    clear: Callback<(), ()>,
}

impl JsTokenStore {
    pub fn new(store: &Object) -> Result<Self> {
        Ok(JsTokenStore {
            load: threadsafe(&store.get_named_property("load")?)?,
            save: threadsafe(&store.get_named_property("save")?)?,
            clear: threadsafe(&store.get_named_property("clear")?)?,
        })
    }
}

impl std::fmt::Debug for JsTokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JsTokenStore")
    }
}

#[async_trait::async_trait]
impl TokenStore for JsTokenStore {
    async fn load(&self) -> insurup::Result<Option<insurup::TokenSet>> {
        let Some(json) = call("tokenStore.load", &self.load, ()).await? else {
            return Ok(None);
        };
        serde_json::from_str(&json).map(Some).map_err(|error| {
            Error::callback_failed(
                "tokenStore.load",
                format!("not a stored token set: {error}"),
            )
        })
    }

    async fn save(&self, tokens: &insurup::TokenSet) -> insurup::Result<()> {
        call("tokenStore.save", &self.save, TokenSet(tokens.clone())).await
    }

    async fn clear(&self) -> insurup::Result<()> {
        call("tokenStore.clear", &self.clear, ()).await
    }
}
