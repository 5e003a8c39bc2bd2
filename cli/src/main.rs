//! `insurup`: the InsurUp SDK on the command line.
//!
//! Every API call goes through the `insurup` crate; this binary only parses flags, prints results
//! and maps error kinds to exit codes (see `insurup --help`).

mod batch;
mod cli;
mod commands;
mod demo;
mod failure;
mod prompt;
mod render;
mod settings;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::failure::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.global.verbose);
    let json = cli.global.json;
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            let failure = Failure::Local(format!("could not start the async runtime: {error}"));
            failure.report(json);
            return ExitCode::from(failure.exit_code());
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.report(json);
            ExitCode::from(failure.exit_code())
        }
    }
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let global = cli.global;
    match cli.command {
        Command::Demo(args) => demo::run(args, &global).await,
        Command::QuoteBatch(args) => batch::run(args, &global).await,
        Command::Sandbox { args, dialect } => {
            commands::sandbox::serve(args, dialect, &global).await
        }
        Command::Login(args) => commands::session::login(args, &global).await,
        Command::Logout => commands::session::logout(&global).await,
        Command::Customers(command) => commands::lists::customers(command, &global).await,
        Command::Proposals(command) => commands::proposals(command, &global).await,
        Command::Policies(command) => commands::policies(command, &global).await,
    }
}

/// Logs go to stderr and are off unless asked for: `-v`, `-vv` or `RUST_LOG`.
fn init_logging(verbose: u8) {
    let filter = match verbose {
        0 => std::env::var("RUST_LOG").unwrap_or_else(|_| "off".to_owned()),
        1 => "insurup=info".to_owned(),
        _ => "insurup=debug,insurup_cli=debug".to_owned(),
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .init();
}
