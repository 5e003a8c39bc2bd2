//! Sandbox configuration: the Rust struct and the command-line flags that fill it.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use crate::dialect::Dialect;

/// How a sandbox behaves. Every field has a default suited to manual use; tests usually lower
/// `latency_scale` (0 = insurers answer at once) and `token_ttl`.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Address to bind (default loopback).
    pub host: IpAddr,
    /// Port to bind; 0 picks a free one.
    pub port: u16,
    /// Lifetime of access tokens (`expiresIn`); whole seconds, at least 1.
    pub token_ttl: Duration,
    /// Multiplies every simulated insurer and payment latency; 0 makes them immediate.
    pub latency_scale: f64,
    /// Seed for generated data and insurer outcomes.
    pub seed: u64,
    /// Requests per second allowed per bearer token (auth endpoints: per client IP); 0 = unlimited.
    pub rate_limit: u32,
    /// Whether rate-limited answers carry `RateLimit-Policy` and `RateLimit` (IETF httpapi
    /// draft) besides the 429's `Retry-After`.
    pub rate_limit_headers: bool,
    /// The code that completes two-factor login for the 2FA user.
    pub mfa_code: String,
    /// Policies (with their customers) generated for the seeded agent at start and on reset.
    pub generated_policies: usize,
    /// First webhook retry delay; later retries double it.
    pub webhook_retry_base: Duration,
    /// Largest accepted request body.
    pub body_limit: usize,
    /// Largest `first`/`last` accepted by GraphQL connections.
    pub max_page_size: usize,
    /// Which documented dialect to speak (see [`Dialect`]).
    pub dialect: Dialect,
    /// Port of the separate auth origin in dialects that have one; 0 picks a free one.
    pub auth_port: u16,
    /// The real-time hub sends a Ping when it has sent nothing else for this long (SignalR's
    /// `KeepAliveInterval`, 15 s).
    pub hub_keep_alive: Duration,
    /// The hub closes a connection from which nothing arrived for this long (SignalR's
    /// `ClientTimeoutInterval`, 30 s).
    pub hub_client_timeout: Duration,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            token_ttl: Duration::from_secs(600),
            latency_scale: 1.0,
            seed: 42,
            rate_limit: 0,
            rate_limit_headers: false,
            mfa_code: "123456".to_owned(),
            generated_policies: 0,
            webhook_retry_base: Duration::from_secs(1),
            body_limit: 1024 * 1024,
            max_page_size: 500,
            dialect: Dialect::default(),
            auth_port: 0,
            hub_keep_alive: Duration::from_secs(15),
            hub_client_timeout: Duration::from_secs(30),
        }
    }
}

impl SandboxConfig {
    /// A configuration for fast tests: random port, instant insurers, short webhook backoff.
    pub fn for_tests() -> Self {
        Self {
            latency_scale: 0.0,
            webhook_retry_base: Duration::from_millis(20),
            ..Self::default()
        }
    }

    pub(crate) fn token_ttl_secs(&self) -> i64 {
        i64::try_from(self.token_ttl.as_secs())
            .unwrap_or(i64::MAX)
            .max(1)
    }

    /// Scales a nominal latency; never negative, never NaN.
    pub(crate) fn scaled(&self, nominal: Duration) -> Duration {
        let scale = if self.latency_scale.is_finite() && self.latency_scale > 0.0 {
            self.latency_scale
        } else {
            0.0
        };
        Duration::from_secs_f64(nominal.as_secs_f64() * scale)
    }
}

/// Command-line flags for a sandbox; flatten them into another binary with `#[command(flatten)]`.
#[derive(clap::Args, Clone, Debug)]
pub struct SandboxArgs {
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port to bind (0 = a free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Access-token lifetime in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
    pub token_ttl: u64,
    /// Multiplier for simulated insurer latency (0 = instant).
    #[arg(long, value_name = "X", default_value_t = 1.0)]
    pub latency_scale: f64,
    /// Seed for generated data and insurer outcomes.
    #[arg(long, value_name = "N", default_value_t = 42)]
    pub seed: u64,
    /// Requests per second per token (0 = off).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub rate_limit: u32,
    /// Send `RateLimit-Policy` and `RateLimit` headers with the rate limit (IETF httpapi draft).
    #[arg(long)]
    pub rate_limit_headers: bool,
    /// Policies (and their customers) to generate for the seeded agent.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub generated_policies: usize,
    /// Code accepted by two-factor verification.
    #[arg(long, value_name = "CODE", default_value = "123456")]
    pub mfa_code: String,
    /// First webhook retry delay in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    pub webhook_retry_base_ms: u64,
}

/// The dialect flags, apart from [`SandboxArgs`] so a binary that flattens those opts in to these
/// separately (`#[command(flatten)]`, then [`DialectArgs::apply`]).
#[derive(clap::Args, Clone, Debug)]
pub struct DialectArgs {
    /// The documented dialect to speak: guide, graphql-docs or vendor-sdk.
    #[arg(long, value_name = "DIALECT", env = "INSURUP_SANDBOX_DIALECT", default_value_t = Dialect::default())]
    pub dialect: Dialect,
    /// Port of the separate auth origin (graphql-docs and vendor-sdk; 0 = a free port).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub auth_port: u16,
}

impl DialectArgs {
    /// Sets the dialect fields of `config`.
    pub fn apply(self, config: SandboxConfig) -> SandboxConfig {
        SandboxConfig {
            dialect: self.dialect,
            auth_port: self.auth_port,
            ..config
        }
    }
}

impl From<SandboxArgs> for SandboxConfig {
    fn from(args: SandboxArgs) -> Self {
        Self {
            host: args.host,
            port: args.port,
            token_ttl: Duration::from_secs(args.token_ttl.max(1)),
            latency_scale: args.latency_scale.max(0.0),
            seed: args.seed,
            rate_limit: args.rate_limit,
            rate_limit_headers: args.rate_limit_headers,
            mfa_code: args.mfa_code,
            generated_policies: args.generated_policies,
            webhook_retry_base: Duration::from_millis(args.webhook_retry_base_ms),
            ..Self::default()
        }
    }
}
