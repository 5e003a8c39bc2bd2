//! The command line: every command, flag and help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use insurup_sandbox::{DialectArgs, SandboxArgs, fixtures};

const EXIT_CODES: &str = "\
Exit codes:
    0  success
    1  local failure: a file (the saved session included) could not be read or written
    2  usage or validation error (bad flag, bad input, a 400 answer)
    3  authentication: bad credentials, 2FA code needed, session expired, permission denied
    4  not found
    5  other API error: rate limit, server error, conflict, business rule (422)
    6  network error or timeout
    7  purchase outcome unknown: check the product before trying again
  130  interrupted by Ctrl-C (quote-batch: rerun to continue)";

const CONFIGURATION: &str = "\
Configuration, highest precedence first:
  1. flags
  2. INSURUP_* environment variables (INSURUP_BASE_URL, INSURUP_EMAIL, INSURUP_PASSWORD,
     INSURUP_TWO_FACTOR_CODE, INSURUP_CLIENT_ID, INSURUP_CLIENT_SECRET, INSURUP_ACCESS_TOKEN,
     INSURUP_AGENT_ID, INSURUP_AGENT_BRANCH_ID, INSURUP_TIMEOUT, INSURUP_MAX_RETRIES,
     INSURUP_TOKEN_FILE)
  3. the config file (--config, default ~/.config/insurup/config.toml): the same settings as
     lower-case keys without the prefix, e.g. base_url = \"https://api.insurup.com\"

Passwords and secrets are read from the environment, the config file or a prompt, never
from flags.";

/// The `insurup` command.
#[derive(Parser, Debug)]
#[command(
    name = "insurup",
    version,
    about = "InsurUp from the command line: a demo of the whole B2B flow, batch quoting and \
             everyday lookups",
    long_about = None,
    after_help = format!("Start with `insurup demo`: it runs the whole flow on an embedded \
                          sandbox.\n\n{CONFIGURATION}\n\n{EXIT_CODES}"),
    max_term_width = 100
)]
pub struct Cli {
    /// Settings every command shares.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Settings every command shares.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// API base URL (default https://api.insurup.com; `demo` uses an embedded sandbox unless set)
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "INSURUP_BASE_URL",
        hide_env_values = true
    )]
    pub base_url: Option<String>,

    /// Agent user's e-mail
    #[arg(long, global = true, env = "INSURUP_EMAIL", hide_env_values = true)]
    pub email: Option<String>,

    /// Two-factor code for this login (otherwise asked for when needed)
    #[arg(
        long,
        global = true,
        value_name = "CODE",
        env = "INSURUP_TWO_FACTOR_CODE",
        hide_env_values = true
    )]
    pub two_factor_code: Option<String>,

    /// Agency id sent where the API wants it
    #[arg(
        long,
        global = true,
        value_name = "ID",
        env = "INSURUP_AGENT_ID",
        hide_env_values = true
    )]
    pub agent_id: Option<String>,

    /// Branch to produce for
    #[arg(
        long,
        global = true,
        value_name = "ID",
        env = "INSURUP_AGENT_BRANCH_ID",
        hide_env_values = true
    )]
    pub agent_branch_id: Option<String>,

    /// Config file [default: ~/.config/insurup/config.toml]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "INSURUP_CONFIG",
        hide_env_values = true
    )]
    pub config: Option<PathBuf>,

    /// Where `login` keeps the session [default: ~/.config/insurup/tokens.json]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "INSURUP_TOKEN_FILE",
        hide_env_values = true
    )]
    pub token_file: Option<PathBuf>,

    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    pub json: bool,

    /// No progress bars or hints
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Log what the SDK does to stderr (-v info, -vv debug; or RUST_LOG)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the whole B2B flow: login with 2FA, customer, vehicle, case, proposal, live quotes
    /// from a dozen insurers, purchase and policy
    #[command(after_help = DEMO_HELP)]
    Demo(DemoArgs),

    /// Quote many customers' vehicles from a CSV file, resumably, with bounded concurrency
    #[command(after_help = QUOTE_BATCH_HELP)]
    QuoteBatch(QuoteBatchArgs),

    /// Serve the local InsurUp emulator until Ctrl-C (prints its base URL on the first line)
    #[command(after_help = SANDBOX_HELP)]
    Sandbox {
        /// Sandbox settings.
        #[command(flatten)]
        args: SandboxArgs,
        /// Which documented dialect of the API to speak.
        #[command(flatten)]
        dialect: DialectArgs,
    },

    /// Log in as an agent user (with 2FA when the account needs it) and keep the session
    #[command(after_help = LOGIN_HELP)]
    Login(LoginArgs),

    /// Forget the stored session
    Logout,

    /// The agency's customers (GraphQL)
    #[command(subcommand)]
    Customers(CustomersCommand),

    /// Proposals and their insurers' offers
    #[command(subcommand)]
    Proposals(ProposalsCommand),

    /// Issued policies
    #[command(subcommand)]
    Policies(PoliciesCommand),
}

const DEMO_HELP: &str = "\
Without a base URL (--base-url, INSURUP_BASE_URL or the config file's base_url) the demo
starts a sandbox inside this process, logs in as its 2FA test user (mfa@sandbox.insurup.test,
test code 123456) and buys the cheapest offer with the test card **** 4242. Nothing leaves
your machine.

With --base-url it runs the same flow against that InsurUp environment with your credentials
(see `insurup --help` for configuration). It stops before the purchase unless --purchase is
given, because a purchase there issues a real policy.

Examples:
  insurup demo
  insurup demo --json --fast
  INSURUP_BASE_URL=https://api.example.test INSURUP_EMAIL=ops@acente.com.tr insurup demo";

const QUOTE_BATCH_HELP: &str = "\
Input columns (header row required; only identity_number and plate are required):
  key                     unique row key; default: <identity_number>/<plate>
  identity_number         TCKN (individual), VKN (10 digits, company) or foreign id (99...)
  birth_date              YYYY-MM-DD (individuals and foreigners)
  full_name               individual's name
  title                   company title (required with a VKN)
  email, phone_number     contact details
  plate                   e.g. 34ABC123
  document_serial_code    registration document serial letters, e.g. AB
  document_serial_number  registration document serial number, e.g. 123456
  branch                  kasko (default), trafik or imm
  installments            installment count to compare premiums in (default 1 = cash)

For each row: the customer is found or created, the vehicle added (details from the vehicle
registry), a sale-opportunity case opened if none is open, a proposal requested from every
insurer, and the cheapest offer written to the output.

Output columns: key, line, status (ok or failed), customer_id, customer_name, plate, branch,
installments, insurer, product, gross_premium, net_premium, proposal_id, product_id, offers
(priced/asked), error_kind, error_message. One row per input row; each row is flushed as it
finishes.

Resuming: rows whose key is already in the output are skipped, so a rerun after a crash or
Ctrl-C continues where it stopped. --retry-failed removes the failed rows from the output and
quotes them again. Rate limits and transient errors are retried by the SDK's retry policy
(INSURUP_MAX_RETRIES).

Shared batch: with --queue redis://HOST/ the same command on any number of machines (each
with the same file) splits the rows between them through a Redis stream: each row is quoted
by one worker, the rows of a worker that stopped are taken over after --claim-after seconds,
every result is kept in Redis, and each worker writes the whole batch's output when the last
row is done. The workers share one login (the session is kept in Redis too) and, with
--rate-limit, one request budget. A rerun joins the batch where it stands; --status shows it.

Examples:
  insurup quote-batch --generate-sample 200 > renewals.csv
  insurup quote-batch renewals.csv --concurrency 16
  insurup quote-batch renewals.csv --retry-failed
  insurup quote-batch renewals.csv --format json -o quotes.jsonl
  insurup quote-batch renewals.csv --queue redis://redis.internal:6379/ --rate-limit 20
  insurup quote-batch renewals.csv --queue redis://redis.internal:6379/ --status";

const SANDBOX_HELP: &str = "\
Point any command at it with --base-url or INSURUP_BASE_URL. Fixtures:
  agent user           agent@sandbox.insurup.test / sandbox-password
  agent user with 2FA  mfa@sandbox.insurup.test / sandbox-password, code 123456
  service account      sandbox-client / sandbox-secret
  cards                4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined
  TCKN / plate         11111111110 / 34ABC123 (document serial AB 123456)

Example:
  insurup sandbox --port 8080 --latency-scale 0.5";

const LOGIN_HELP: &str = "\
The password comes from --password-stdin, INSURUP_PASSWORD, the config file, or a prompt.
The session (access and refresh tokens, never the password) is saved to the token file with
owner-only permissions; later commands reuse and refresh it until the refresh token is refused.

Examples:
  insurup login --email ops@acente.com.tr
  printf '%s\\n' \"$PASSWORD\" | insurup login --email ops@acente.com.tr --password-stdin";

/// Options of `insurup demo`.
#[derive(Args, Debug, Clone)]
pub struct DemoArgs {
    /// Embedded sandbox only: multiplier for the insurers' answer times (0 = instant)
    #[arg(long, value_name = "X", default_value_t = 0.5)]
    pub latency_scale: f64,

    /// Embedded sandbox only: insurers answer at once (same as --latency-scale 0)
    #[arg(long, conflicts_with = "latency_scale")]
    pub fast: bool,

    /// Embedded sandbox only: seed of its simulated market
    #[arg(long, value_name = "N", default_value_t = 42)]
    pub seed: u64,

    /// Customer's TCKN
    #[arg(long, default_value = fixtures::TCKN)]
    pub tckn: String,

    /// Customer's birth date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", default_value = "1990-01-01")]
    pub birth_date: String,

    /// Vehicle plate
    #[arg(long, default_value = fixtures::PLATE)]
    pub plate: String,

    /// Vehicle registration document serial: 2 letters then 6 digits
    #[arg(long, value_name = "SERIAL", default_value = "AB123456")]
    pub document_serial: String,

    /// Installment count to compare and pay in (1 = cash)
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub installments: u32,

    /// With --base-url: also buy the cheapest offer with the test card
    #[arg(long)]
    pub purchase: bool,
}

/// Result file formats of `quote-batch`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    // Plain comments, not doc comments: clap would print a paragraph per value.
    // CSV with a header row.
    Csv,
    // JSON Lines: one JSON object per row.
    Json,
}

/// Options of `insurup quote-batch`.
#[derive(Args, Debug, Clone)]
pub struct QuoteBatchArgs {
    /// CSV of customers and vehicles (columns below)
    #[arg(value_name = "FILE.csv", required_unless_present = "generate_sample")]
    pub input: Option<PathBuf>,

    /// Result file, appended to and resumed from [default: FILE.quotes.csv or FILE.quotes.jsonl]
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Result file format: csv, or json for JSON Lines (one object per row)
    #[arg(long, value_enum, default_value_t = ResultFormat::Csv)]
    pub format: ResultFormat,

    /// Rows quoted at the same time
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,

    /// Send every row's requests at once even at the API's rate limit, instead of pacing them
    /// at the rate it allows (a 429 is then only retried)
    #[arg(long)]
    pub no_pacing: bool,

    /// Seconds to wait for the insurers' answers per row
    #[arg(long, value_name = "SECONDS", default_value_t = 90, value_parser = clap::value_parser!(u64).range(1..))]
    pub wait: u64,

    /// Quote again the rows that failed in an earlier run
    #[arg(long)]
    pub retry_failed: bool,

    /// Print a sample input of N rows (valid TCKNs, plates and serials) to stdout and exit
    #[arg(long, value_name = "N", conflicts_with = "input")]
    pub generate_sample: Option<usize>,

    /// Seed of --generate-sample
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        requires = "generate_sample"
    )]
    pub seed: u64,

    /// Share the batch with quote-batch processes on any machine through the Redis at URL
    /// (redis:// or rediss://; a URL with a password belongs in INSURUP_QUEUE, not in a flag)
    #[arg(
        long,
        value_name = "URL",
        env = "INSURUP_QUEUE",
        hide_env_values = true,
        help_heading = "Shared batch (--queue)"
    )]
    pub queue: Option<String>,

    /// The shared batch's name [default: the input's file name and a hash of its content]
    #[arg(
        long,
        value_name = "NAME",
        requires = "queue",
        help_heading = "Shared batch (--queue)"
    )]
    pub batch: Option<String>,

    /// This worker's name in the batch [default: <host>-<pid>]
    #[arg(
        long,
        value_name = "NAME",
        requires = "queue",
        help_heading = "Shared batch (--queue)"
    )]
    pub worker: Option<String>,

    /// Rows held by a worker not heard from for this long are taken over by another
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..),
        help_heading = "Shared batch (--queue)"
    )]
    pub claim_after: u64,

    /// At most N API requests per second for the whole batch, shared by every worker
    #[arg(
        long,
        value_name = "N",
        requires = "queue",
        help_heading = "Shared batch (--queue)"
    )]
    pub rate_limit: Option<f64>,

    /// Show the whole batch's progress (every worker's) and exit
    #[arg(long, requires = "queue", help_heading = "Shared batch (--queue)")]
    pub status: bool,
}

/// Options of `insurup login`.
#[derive(Args, Debug, Clone)]
pub struct LoginArgs {
    /// Read the password from the first line of stdin
    #[arg(long)]
    pub password_stdin: bool,

    /// Sign in as a user through OAuth in a browser instead (client INSURUP_CLIENT_ID, `cli` by
    /// default): prints the sign-in URL and waits for the browser on a loopback redirect
    #[arg(long, conflicts_with = "password_stdin")]
    pub browser: bool,
}

/// Page options shared by the list commands.
#[derive(Args, Debug, Clone)]
pub struct PageArgs {
    /// Rows per page (1-500)
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub first: u32,

    /// Continue after this cursor (printed below the previous page)
    #[arg(long, value_name = "CURSOR", conflicts_with = "all")]
    pub after: Option<String>,

    /// Every page, not just the first
    #[arg(long)]
    pub all: bool,
}

/// `insurup customers ...`
#[derive(Subcommand, Debug)]
pub enum CustomersCommand {
    /// List customers, newest first
    List {
        /// Paging.
        #[command(flatten)]
        page: PageArgs,
        /// Only names containing this text
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
        /// Only this TCKN or VKN
        #[arg(long, value_name = "NUMBER")]
        identity_number: Option<String>,
    },
}

/// `insurup proposals ...`
#[derive(Subcommand, Debug)]
pub enum ProposalsCommand {
    /// List proposals, newest first
    List {
        /// Paging.
        #[command(flatten)]
        page: PageArgs,
        /// Only this branch (KASKO, TRAFIK, DASK, ...)
        #[arg(long)]
        branch: Option<String>,
        /// Only this state (WAITING, ACTIVE, PURCHASED, FAILED, ...)
        #[arg(long)]
        state: Option<String>,
        /// Only this plate
        #[arg(long)]
        plate: Option<String>,
    },
    /// One proposal with every insurer's offer
    Get {
        /// Proposal id
        id: String,
    },
    /// Each insurer's answer as it arrives, until all have answered
    Watch {
        /// Proposal id
        id: String,
        /// Give up after this many seconds
        #[arg(long, value_name = "SECONDS", default_value_t = 90)]
        max_wait: u64,
    },
}

/// `insurup policies ...`
#[derive(Subcommand, Debug)]
pub enum PoliciesCommand {
    /// List policies, newest first
    List {
        /// Paging.
        #[command(flatten)]
        page: PageArgs,
        /// Only this branch (KASKO, TRAFIK, DASK, ...)
        #[arg(long)]
        branch: Option<String>,
        /// Only this state (ACTIVE, END_OF_LIFE, CANCELLED)
        #[arg(long)]
        state: Option<String>,
        /// Only this plate
        #[arg(long)]
        plate: Option<String>,
        /// Only insurers whose name contains this text
        #[arg(long, value_name = "TEXT")]
        insurer: Option<String>,
    },
    /// One policy
    Get {
        /// Policy id
        id: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
