//! `insurup sandbox`: the local InsurUp emulator, served until Ctrl-C.

use std::io::Write;

use insurup_sandbox::{DialectArgs, Sandbox, SandboxArgs};

use crate::cli::GlobalArgs;
use crate::failure::Failure;

/// Serves the sandbox. The base URL goes out alone on the first line of stdout, at once, so
/// whoever started the process can read it; in dialects with a separate OAuth origin its URL
/// follows on the second line (with `--json`, both are in the one document).
pub async fn serve(
    args: SandboxArgs,
    dialect: DialectArgs,
    global: &GlobalArgs,
) -> Result<(), Failure> {
    let sandbox = Sandbox::start(dialect.apply(args.into()))
        .await
        .map_err(|error| Failure::Local(format!("the sandbox could not start: {error}")))?;
    let url = sandbox.base_url().to_owned();
    let auth_url = sandbox.auth_url().to_owned();
    let split = auth_url != url;
    let mut stdout = std::io::stdout();
    if global.json {
        let mut document = serde_json::json!({ "baseUrl": url });
        if split {
            document["authUrl"] = serde_json::json!(auth_url);
        }
        let _ = writeln!(stdout, "{document}");
    } else {
        let _ = writeln!(stdout, "{url}");
        if split {
            let _ = writeln!(stdout, "{auth_url}");
        }
    }
    let _ = stdout.flush();
    if !global.quiet {
        eprintln!(
            "InsurUp sandbox listening on {url}; Ctrl-C stops it. Try:\n  \
             export INSURUP_BASE_URL={url} INSURUP_AUTH_URL={auth_url}\n  \
             insurup login --email agent@sandbox.insurup.test   # password: sandbox-password\n  \
             insurup quote-batch --generate-sample 20 > sample.csv && insurup quote-batch sample.csv\n  \
             insurup policies list"
        );
    }
    wait_for_stop_signal().await;
    sandbox.shutdown().await;
    Ok(())
}

/// Ctrl-C, or SIGTERM from a process manager.
pub async fn wait_for_stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
