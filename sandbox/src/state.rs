//! The state every handler shares: configuration, the store, the token signing key, the outgoing
//! webhook client, the real-time hub's registry and the shutdown signal. It depends on nothing that serves a route, so handlers,
//! middleware and the router can all use it without importing each other.

use std::ops::Deref;
use std::sync::Arc;

use jsonwebtoken::{DecodingKey, EncodingKey};
use tokio::sync::{Notify, watch};

use crate::config::SandboxConfig;
use crate::controls::stats::Stats;
use crate::hub::Hub;
use crate::store::Store;

/// The per-sandbox HS256 secret.
pub struct Keys {
    pub encoding: EncodingKey,
    pub decoding: DecodingKey,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    pub fn random() -> Self {
        let secret: [u8; 32] = rand::random();
        Self {
            encoding: EncodingKey::from_secret(&secret),
            decoding: DecodingKey::from_secret(&secret),
        }
    }
}

/// Everything a handler may read; cheap to reach through [`AppState`].
pub struct Shared {
    pub config: SandboxConfig,
    pub store: Store,
    pub keys: Keys,
    /// Outgoing client for webhook deliveries.
    pub http: reqwest::Client,
    pub base_url: String,
    /// The origin of the OAuth token endpoint; `base_url` unless the dialect splits it off.
    pub auth_url: String,
    /// Flips to true when the sandbox shuts down, so background deliveries stop.
    pub shutdown: watch::Receiver<bool>,
    /// Who is connected to the real-time hub and which proposals they watch.
    pub hub: Hub,
    /// Wakes the insurers' clock when a product starts waiting for its insurer.
    pub market_clock: Notify,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("base_url", &self.base_url)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// The axum state: one `Arc` shared by every request.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(
        config: SandboxConfig,
        base_url: String,
        auth_url: String,
        shutdown: watch::Receiver<bool>,
    ) -> Result<Self, reqwest::Error> {
        // Installing twice is harmless; another crate in the process may have done it already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .no_proxy()
            .build()?;
        let store = Store::new(crate::simulation::seeded_world(&config));
        Ok(Self(Arc::new(Shared {
            keys: Keys::random(),
            config,
            store,
            http,
            base_url,
            auth_url,
            shutdown,
            hub: Hub::default(),
            market_clock: Notify::new(),
        })))
    }

    /// The counters of `GET /__sandbox/stats`.
    pub fn stats(&self) -> Stats {
        let mut stats = self.store.with(|s| s.stats.clone());
        stats.hub_open_connections = self.hub.open_connections();
        stats
    }

    /// Back to the seeded data, as `POST /__sandbox/reset` does; hub connections stay open.
    pub fn reset(&self) {
        self.store
            .with(|s| crate::simulation::reset(s, &self.config));
        self.hub.reset_controls();
    }
}

/// Resolves once shutdown has been requested (the watch guard is dropped before returning, so callers
/// stay `Send`).
pub async fn until_stopped(stopped: &mut watch::Receiver<bool>) {
    let _ = stopped.wait_for(|s| *s).await;
}
