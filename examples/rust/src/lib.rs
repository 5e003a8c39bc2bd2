//! Shared start-up for the examples: use `INSURUP_*` variables when `INSURUP_BASE_URL` is set,
//! otherwise start a sandbox in this process and log in as its 2FA test user.

use insurup::Client;
use insurup_sandbox::{Sandbox, SandboxConfig, SandboxHandle};

/// A client and, when no API was configured, the sandbox it talks to (keep it alive).
#[derive(Debug)]
pub struct Connection {
    /// The client.
    pub client: Client,
    /// The embedded sandbox, if one was started.
    pub sandbox: Option<SandboxHandle>,
}

/// Connects to `INSURUP_BASE_URL` with `INSURUP_*` credentials, or to a fresh sandbox.
pub async fn connect(config: SandboxConfig) -> insurup::Result<Connection> {
    if std::env::var_os("INSURUP_BASE_URL").is_some() {
        return Ok(Connection {
            client: Client::from_env()?,
            sandbox: None,
        });
    }
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sandbox = Sandbox::start(config)
        .await
        .map_err(|error| insurup::Error::new(insurup::ErrorKind::Connection, error.to_string()))?;
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .agent_user("mfa@sandbox.insurup.test", "sandbox-password")
        .two_factor(insurup::fixed_code("123456"))
        .agent_id("00000000-0000-4000-8000-000000000001")
        .build()?;
    Ok(Connection {
        client,
        sandbox: Some(sandbox),
    })
}
