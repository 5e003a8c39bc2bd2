//! Shared set-up for the `insurup` end-to-end tests: the built binary in a clean environment, a
//! sandbox on loopback, and the sandbox's test controls.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use insurup_sandbox::{Sandbox, SandboxConfig, SandboxHandle};
use serde_json::Value;

pub const AGENT: &str = "agent@sandbox.insurup.test";
pub const MFA_AGENT: &str = "mfa@sandbox.insurup.test";
pub const PASSWORD: &str = "sandbox-password";
pub const MFA_CODE: &str = "123456";
pub const GOOD_CARD: &str = "4242424242424242";

/// The `insurup` binary with a clean environment: its own home (so no real config or session
/// is read or written), no `INSURUP_*` variables, no colours and a fixed terminal width.
pub struct Insurup {
    home: tempfile::TempDir,
}

impl Insurup {
    pub fn new() -> Self {
        Insurup {
            home: tempfile::tempdir().expect("a temporary home"),
        }
    }

    /// The temporary home; the config dir is `<home>/.config/insurup`.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.home().join(".config").join("insurup")
    }

    pub fn token_file(&self) -> PathBuf {
        self.config_dir().join("tokens.json")
    }

    /// A command for the binary; add arguments and environment, then [`run`] it.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_insurup"));
        command
            .env_clear()
            .env("HOME", self.home())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .current_dir(self.home())
            .stdin(Stdio::null());
        command
    }

    /// A command logged in to `sandbox` as `email` through the environment.
    pub fn as_user(&self, sandbox: &SandboxHandle, email: &str) -> Command {
        let mut command = self.command();
        command
            .env("INSURUP_BASE_URL", sandbox.base_url())
            .env("INSURUP_EMAIL", email)
            .env("INSURUP_PASSWORD", PASSWORD);
        command
    }
}

/// Runs a command to completion off the async runtime (the sandbox serves on it meanwhile).
pub async fn run(mut command: Command) -> Output {
    tokio::task::spawn_blocking(move || command.output().expect("insurup runs"))
        .await
        .expect("the command thread finishes")
}

/// Runs a command with `input` on stdin.
pub async fn run_with_stdin(mut command: Command, input: &'static str) -> Output {
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("insurup starts");
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(input.as_bytes())
            .expect("stdin takes the input");
        child.wait_with_output().expect("insurup finishes")
    })
    .await
    .expect("the command thread finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit code, with both streams in the message when it is not `expected`.
pub fn assert_exit(output: &Output, expected: i32) {
    assert_eq!(
        output.status.code(),
        Some(expected),
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        stdout(output),
        stderr(output)
    );
}

/// Stdout parsed as the one JSON document it must be.
pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not one JSON document ({error})\n--- stdout\n{}\n--- stderr\n{}",
            stdout(output),
            stderr(output)
        )
    })
}

/// Secrets that must never reach the terminal.
pub fn assert_no_secrets(output: &Output) {
    for stream in [stdout(output), stderr(output)] {
        for secret in [PASSWORD, GOOD_CARD, "eyJ", "refreshToken", "accessToken"] {
            assert!(
                !stream.contains(secret),
                "`{secret}` was printed:\n{stream}"
            );
        }
    }
}

/// A sandbox on loopback with instant insurers.
pub async fn sandbox() -> SandboxHandle {
    sandbox_with(SandboxConfig::for_tests()).await
}

pub async fn sandbox_with(config: SandboxConfig) -> SandboxHandle {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Sandbox::start(config).await.expect("the sandbox starts")
}

/// `POST /__sandbox/faults`.
pub async fn inject_fault(sandbox: &SandboxHandle, fault: Value) {
    let response = reqwest::Client::new()
        .post(format!("{}/__sandbox/faults", sandbox.base_url()))
        .json(&fault)
        .send()
        .await
        .expect("the fault control answers");
    assert!(
        response.status().is_success(),
        "fault refused: {}",
        response.text().await.unwrap_or_default()
    );
}

/// How many times `route` (`"POST /api/customers"`) reached the sandbox.
pub fn requests(sandbox: &SandboxHandle, route: &str) -> u64 {
    sandbox.stats().requests.get(route).copied().unwrap_or(0)
}

/// A loopback address nothing listens on.
pub fn dead_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().expect("an address").port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}
