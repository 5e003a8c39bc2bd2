//! The client object. Its options are the core's `ClientOptions` record; the callbacks an app
//! implements travel beside them.

use std::sync::Arc;

use insurup::{AgentBranchId, AgentId, ClientBuilder, ClientOptions, Dialect, SignInRequest};

use crate::callbacks::{TokenStore, TwoFactorProvider, foreign_two_factor};
use crate::error::Result;
use crate::fleet::{RedisFleet, core_token_store};
use crate::resources::{self, forward};

/// The InsurUp API client. One per agency user; safe to share across coroutines and tasks,
/// which share its connection pool and session.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct InsurUpClient(insurup::Client);

/// The builder every constructor starts from. The library cannot tell whether Kotlin or Swift
/// loaded it, so the User-Agent names the platform it runs on (`android-aarch64`,
/// `ios-aarch64`, `linux-x86_64`, …), which in practice says which.
fn builder() -> ClientBuilder {
    let platform = format!("{}-{}", std::env::consts::OS, std::env::consts::ARCH);
    insurup::Client::builder().binding("uniffi", platform)
}

fn finish(
    mut builder: ClientBuilder, two_factor: Option<Arc<dyn TwoFactorProvider>>,
    token_store: Option<Arc<dyn TokenStore>>, fleet: Option<Arc<RedisFleet>>,
) -> Result<Arc<InsurUpClient>> {
    if let Some(provider) = two_factor {
        builder = builder.two_factor(foreign_two_factor(provider));
    }
    if let Some(store) = token_store {
        builder = builder.token_store(core_token_store(store));
    }
    if let Some(fleet) = fleet {
        builder = builder.fleet(&fleet.0);
    }
    Ok(Arc::new(InsurUpClient(builder.build()?)))
}

#[uniffi::export]
impl InsurUpClient {
    /// Checks the options and builds the client; no request is sent until the first call.
    /// `two_factor` supplies 2FA codes (without one, an account with 2FA fails with
    /// `TwoFactorRequired`); `token_store` keeps the session's tokens (memory when absent);
    /// `fleet` shares the session, purchase locks and rate budget with other workers through
    /// Redis (its token store wins over `token_store`).
    #[uniffi::constructor(default(two_factor = None, token_store = None, fleet = None))]
    pub fn new(
        options: ClientOptions, two_factor: Option<Arc<dyn TwoFactorProvider>>,
        token_store: Option<Arc<dyn TokenStore>>, fleet: Option<Arc<RedisFleet>>,
    ) -> Result<Arc<Self>> {
        finish(options.apply(builder())?, two_factor, token_store, fleet)
    }

    /// A client configured from the `INSURUP_*` environment variables (`INSURUP_BASE_URL`,
    /// `INSURUP_EMAIL`/`INSURUP_PASSWORD` or `INSURUP_CLIENT_ID`/`INSURUP_CLIENT_SECRET`,
    /// `INSURUP_AGENT_ID`, …), for backends on the JVM; apps pass `ClientOptions` instead.
    #[uniffi::constructor(default(two_factor = None, token_store = None, fleet = None))]
    pub fn from_env(
        two_factor: Option<Arc<dyn TwoFactorProvider>>, token_store: Option<Arc<dyn TokenStore>>,
        fleet: Option<Arc<RedisFleet>>,
    ) -> Result<Arc<Self>> {
        finish(builder().with_env()?, two_factor, token_store, fleet)
    }

    /// The API dialect requests are spelled in: the one set in the options, else the one found
    /// out from the server so far.
    pub fn dialect(&self) -> Dialect {
        self.0.dialect()
    }
}

/// The client's resources, one object per core resource (`resources`), what it was configured
/// with, and the calls it forwards, as the core declares them (`insurup::client_surface!`).
macro_rules! client_surface {
    (
        () resources { $($doc:literal $name:ident: $object:ident;)+ }
        getters { $($getter_doc:literal $getter:ident: $type:ty = $call:ident().$then:ident();)+ }
        methods { $($methods:tt)* }
    ) => {
        #[uniffi::export]
        impl InsurUpClient {
            $(
                #[doc = $doc]
                pub fn $name(&self) -> Arc<resources::$object> {
                    Arc::new(resources::$object(self.0.$name()))
                }
            )+
            $(
                #[doc = $getter_doc]
                pub fn $getter(&self) -> $type {
                    self.0.$call().$then()
                }
            )+
        }

        forward! { impl InsurUpClient { $($methods)* } }
    };
}

insurup::client_surface!(client_surface!());

impl std::fmt::Display for InsurUpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The core's Debug output names the base URL and session state, never a secret.
        write!(f, "{:?}", self.0)
    }
}
