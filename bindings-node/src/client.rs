//! The `Client` class. Its options object is the core's `ClientOptions` with the JS callbacks
//! beside it, read from the same object.

use std::sync::Arc;

use napi::bindgen_prelude::{ClassInstance, Either3, Function, Object, Unknown};
use napi::{Env, Result};
use napi_derive::napi;

use insurup::{
    AgentBranchId, AgentId, ClientBuilder, ClientOptions, SignInRequest, TwoFactorChallenge,
};

use crate::auth::{FileTokenStore, JsTokenStore, JsTwoFactor, MaybePromise};
use crate::fleet::{RedisFleet, RedisTokenStore};
use crate::read;
use crate::resources::{
    Addresses, AgentBranches, Cases, Customers, Graphql, Policies, Properties, Proposals,
    Purchases, ReferenceData, Vehicles, Webhooks, resource,
};

/// What a client is given beside its `ClientOptions`: the callbacks it calls and the fleet it
/// shares with other processes.
#[allow(missing_debug_implementations)] // Read once on the JS thread; JS handles have no Debug.
#[napi(object, object_to_js = false)]
pub struct ClientPlugins<'env> {
    /// Supplies the 2FA code when the agent user's login asks for one; may be async.
    #[napi(ts_type = "(challenge: TwoFactorChallenge) => string | Promise<string>")]
    pub two_factor: Option<Function<'env, TwoFactorChallenge, MaybePromise<String>>>,
    /// Where the session keeps its tokens; in memory by default. A `RedisTokenStore` shares
    /// them with every worker process of the account.
    #[napi(ts_type = "TokenStore | RedisTokenStore | FileTokenStore")]
    pub token_store: Option<
        Either3<
            ClassInstance<'env, RedisTokenStore>,
            ClassInstance<'env, FileTokenStore>,
            Object<'env>,
        >,
    >,
    /// Shares the session (unless `tokenStore` is given), a purchase lock per product and the
    /// fleet's rate budget with every worker process of the account.
    pub fleet: Option<ClassInstance<'env, RedisFleet>>,
}

fn build(env: &Env, builder: ClientBuilder, options: Option<Unknown>) -> Result<Client> {
    let node = env.get_node_version()?;
    let runtime = format!("node/{}.{}.{}", node.major, node.minor, node.patch);
    let mut builder = builder.binding("node", runtime);
    if let Some(options) = read::<ClientOptions>(options.as_ref())? {
        builder = options.apply(builder)?;
    }
    if let Some(plugins) = read::<ClientPlugins>(options.as_ref())? {
        if let Some(fleet) = &plugins.fleet {
            builder = builder.fleet(&fleet.0);
        }
        if let Some(function) = &plugins.two_factor {
            builder = builder.two_factor(Arc::new(JsTwoFactor::new(function)?));
        }
        builder = match &plugins.token_store {
            Some(Either3::A(store)) => builder.token_store(store.0.clone()),
            Some(Either3::B(store)) => builder.token_store(store.0.clone()),
            Some(Either3::C(store)) => builder.token_store(Arc::new(JsTokenStore::new(store)?)),
            None => builder,
        };
    }
    Ok(Client(builder.build()?))
}

/// The InsurUp API client. One per agency user; share it: every call through it shares one
/// connection pool and one session (login, 2FA and token refresh happen once).
///
/// ```ts
/// const client = new Client({ baseUrl, email, password, twoFactor: async () => code })
/// const customer = await client.customers.createIndividual({ identityNumber: '11111111110' })
/// ```
#[derive(Debug)]
#[napi]
pub struct Client(insurup::Client);

#[napi]
impl Client {
    /// A client with these options: one set of credentials (`email` and `password`, `clientId`
    /// and `clientSecret`, or an `accessToken`), durations in seconds. Throws `ValidationError`
    /// for missing or malformed credentials and URLs; nothing is sent until the first call.
    #[napi(constructor, ts_args_type = "options?: ClientOptions & ClientPlugins")]
    pub fn new(env: Env, options: Option<Unknown>) -> Result<Self> {
        build(&env, insurup::Client::builder(), options)
    }

    /// A client configured from `INSURUP_*` environment variables (`INSURUP_BASE_URL`,
    /// `INSURUP_EMAIL`, `INSURUP_PASSWORD`, `INSURUP_AGENT_ID`, …); `options` win over them.
    #[napi(factory, ts_args_type = "options?: ClientOptions & ClientPlugins")]
    pub fn from_env(env: Env, options: Option<Unknown>) -> Result<Self> {
        build(&env, insurup::Client::builder().with_env()?, options)
    }

    /// The dialect requests are spelt in now: the `dialect` option, else the one learned from
    /// the server (the vendor client's until then).
    #[napi(getter, ts_return_type = "Dialect")]
    pub fn dialect(&self) -> &'static str {
        self.0.dialect().as_str()
    }
}

/// The client's resources and configuration as getters, and the calls it forwards, as the core
/// declares them (`insurup::client_surface!`).
macro_rules! client_surface {
    (
        () resources { $($doc:literal $name:ident: $class:ident;)+ }
        getters { $($getter_doc:literal $getter:ident: $type:ty = $call:ident().$then:ident();)+ }
        methods { $($methods:tt)* }
    ) => {
        #[napi]
        impl Client {
            $(
                #[doc = $doc]
                #[napi(getter)]
                pub fn $name(&self) -> $class {
                    $class(self.0.$name())
                }
            )+
            $(
                #[doc = $getter_doc]
                #[napi(getter)]
                pub fn $getter(&self) -> $type {
                    self.0.$call().$then()
                }
            )+
        }

        resource!(@methods Client $($methods)*);
    };
}

insurup::client_surface!(client_surface!());
