//! `insurup-sandbox`: runs the emulator until Ctrl-C or SIGTERM. The first line of stdout is the base
//! URL; in the dialects with a separate auth origin the second line is the auth URL.

use std::io::Write;

use clap::Parser;
use insurup_sandbox::{DialectArgs, Sandbox, SandboxArgs};

#[derive(Parser, Debug)]
#[command(
    name = "insurup-sandbox",
    version,
    about = "A local emulator of InsurUp's API for tests and demos"
)]
struct Cli {
    #[command(flatten)]
    sandbox: SandboxArgs,
    #[command(flatten)]
    dialect: DialectArgs,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let config = cli.dialect.apply(cli.sandbox.into());
    let handle = match Sandbox::start(config).await {
        Ok(handle) => handle,
        Err(e) => {
            eprintln!("insurup-sandbox: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Whoever spawned us reads the first line to find the server, so it must go out at once. The
    // dialects with a separate auth origin print it on a second line.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", handle.base_url());
    if handle.dialect().splits_auth_origin() {
        let _ = writeln!(stdout, "{}", handle.auth_url());
    }
    let _ = stdout.flush();
    wait_for_signal().await;
    handle.shutdown().await;
    std::process::ExitCode::SUCCESS
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
