//! `insurup quote-batch`: quotes every row of a CSV with bounded concurrency, writes the best
//! premium (or the reason there is none) per row, and resumes where an earlier run stopped.

mod input;
mod output;
mod queue;
mod sample;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures::StreamExt;
use insurup::{
    Channel, Client, Customer, Error, NewCustomer, NewProposal, NewVehicle, ProductBranch, Vehicle,
    WaitOptions,
};
use serde::Serialize;

use crate::cli::{GlobalArgs, QuoteBatchArgs, ResultFormat};
use crate::commands::show;
use crate::failure::Failure;
use crate::render::{self, say};
use crate::settings::Settings;

use input::Row;
use output::{QuoteRecord, ResultFile, Status};

/// The exit code when Ctrl-C stops a batch (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

/// `insurup quote-batch`
pub async fn run(args: QuoteBatchArgs, global: &GlobalArgs) -> Result<(), Failure> {
    if let Some(rows) = args.generate_sample {
        return sample::write(std::io::stdout().lock(), rows, args.seed)
            .map_err(|error| Failure::Local(format!("could not write the sample: {error}")));
    }
    let started = Instant::now();
    let Some(input_path) = args.input.clone() else {
        return Err(Failure::Usage("which file? pass FILE.csv".to_owned()));
    };
    let rows = input::read(&input_path)?;
    let output_path = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&input_path, args.format));
    if let Some(url) = &args.queue {
        return queue::run(&args, global, url, &input_path, &output_path, rows, started).await;
    }
    let (mut results, earlier) = ResultFile::open(&output_path, args.format, args.retry_failed)?;
    let todo: Vec<Row> = rows
        .iter()
        .filter(|row| !earlier.done.contains(&row.key))
        .cloned()
        .collect();
    let mut tally = Tally {
        rows: rows.len(),
        skipped: rows.len() - todo.len(),
        retried: earlier.retried,
        ..Tally::default()
    };
    if !todo.is_empty() {
        let client = Settings::load(global)?
            .builder()
            .await?
            .pacing(!args.no_pacing)
            .build()?;
        // A wrong password or a missing 2FA code stops the batch now, not row by row.
        client.sign_in().await?;
        let bar = render::progress_bar(
            todo.len() as u64,
            "{spinner:.cyan} {bar:30.cyan/dim} {pos}/{len} rows · {per_sec} · ETA {eta} · {msg}",
            global.quiet || global.json,
        );
        let wait = WaitOptions::with_timeout(Duration::from_secs(args.wait));
        let stop = stop_on_ctrl_c(global.quiet);
        let mut quotes = futures::stream::iter(todo.iter())
            .take_until(stop)
            .map(|row| {
                let client = client.clone();
                async move { quote_row(&client, row, wait, None).await }
            })
            .buffer_unordered(usize::from(args.concurrency));
        while let Some(record) = quotes.next().await {
            results.append(&record)?;
            tally.count(&record);
            bar.inc(1);
            bar.set_message(format!("{} ok, {} failed", tally.succeeded, tally.failed));
        }
        bar.finish_and_clear();
        tally.interrupted = tally.quoted() < todo.len();
    }
    tally.report(global, &input_path, &output_path, started.elapsed());
    if tally.interrupted {
        return Err(Failure::Reported(INTERRUPTED));
    }
    Ok(())
}

/// `renewals.csv` → `renewals.quotes.csv` (or `.quotes.jsonl`), next to the input.
fn default_output(input: &Path, format: ResultFormat) -> PathBuf {
    let stem = input
        .file_stem()
        .map_or_else(|| "batch".into(), |stem| stem.to_string_lossy());
    let extension = match format {
        ResultFormat::Csv => "csv",
        ResultFormat::Json => "jsonl",
    };
    input.with_file_name(format!("{stem}.quotes.{extension}"))
}

/// Resolves on the first Ctrl-C: no new rows start, the rows in flight finish and are written.
/// A second Ctrl-C quits at once.
fn stop_on_ctrl_c(quiet: bool) -> tokio::sync::oneshot::Receiver<()> {
    let (stop, stopped) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            if !quiet {
                eprintln!(
                    "\nStopping: finishing the rows in flight (Ctrl-C again quits at once; \
                     rerun to continue)."
                );
            }
            let _ = stop.send(());
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(i32::from(INTERRUPTED));
            }
        }
    });
    stopped
}

/// Quotes one row; never fails, the record says how the row ended. With a checkpoint (a shared
/// batch) the row's proposal is remembered as soon as it exists, and reused when the row is
/// taken over from a worker that stopped.
async fn quote_row(
    client: &Client,
    row: &Row,
    wait: WaitOptions,
    checkpoint: Option<&queue::ProposalCheckpoint>,
) -> QuoteRecord {
    let mut record = QuoteRecord {
        key: row.key.clone(),
        line: row.line,
        status: Status::Failed,
        customer_id: None,
        customer_name: None,
        plate: Some(row.plate.clone()),
        branch: None,
        installments: None,
        insurer: None,
        product: None,
        gross_premium: None,
        net_premium: None,
        proposal_id: None,
        product_id: None,
        offers: None,
        error_kind: None,
        error_message: None,
    };
    match quote(client, row, wait, checkpoint, &mut record).await {
        Ok(()) => record.status = Status::Ok,
        Err(RowError::Api(error)) => {
            record.error_kind = Some(error.kind().class_name().to_owned());
            record.error_message = Some(describe(&error));
        }
        Err(RowError::NoOffer(reason)) => {
            record.error_kind = Some("NoOffer".to_owned());
            record.error_message = Some(reason);
        }
    }
    record
}

/// Why a row has no best premium.
enum RowError {
    /// The SDK refused the input or the API answered with an error.
    Api(Error),
    /// Every insurer answered, none with a premium in the asked installments.
    NoOffer(String),
}

impl From<Error> for RowError {
    fn from(error: Error) -> Self {
        RowError::Api(error)
    }
}

/// The B2B flow for one row, filling `record` as it goes so a failure keeps what was reached.
async fn quote(
    client: &Client,
    row: &Row,
    wait: WaitOptions,
    checkpoint: Option<&queue::ProposalCheckpoint>,
    record: &mut QuoteRecord,
) -> Result<(), RowError> {
    let installments = match &row.installments {
        None => 1,
        Some(text) => text
            .parse()
            .map_err(|_| Error::validation("installments", "must be a whole number such as 1"))?,
    };
    let branch = ProductBranch::from_wire(row.branch.as_deref().unwrap_or("kasko"));
    record.installments = Some(installments);
    record.branch = Some(branch.to_string());

    let customer = client.customers().ensure(new_customer(row)).await?;
    record.customer_id = Some(customer.id.to_string());
    record.customer_name = Some(customer.display_name().to_owned());
    let vehicle = ensure_vehicle(client, &customer, row).await?;
    client
        .cases()
        .ensure_sale_opportunity(&customer.id, branch.clone(), Channel::Api)
        .await?;
    let proposals = client.proposals();
    let create = || {
        proposals.create(NewProposal {
            product_branch: branch,
            ..NewProposal::kasko(&customer.id, &vehicle.id)
        })
    };
    let proposal_id = match checkpoint {
        Some(checkpoint) => checkpoint.proposal(client, row, create).await?,
        None => create().await?.id,
    };
    record.proposal_id = Some(proposal_id.to_string());
    let proposal = client.proposals().wait(&proposal_id, wait).await?;
    let priced = proposal
        .products
        .iter()
        .filter(|product| product.is_purchasable() && product.premium(installments).is_some())
        .count();
    record.offers = Some(format!("{priced}/{}", proposal.products.len()));
    let Some(best) = proposal.cheapest_product(installments) else {
        return Err(RowError::NoOffer(format!(
            "none of the {} insurers offered a premium in {installments} installment(s)",
            proposal.products.len()
        )));
    };
    let premium = best.premium(installments);
    record.insurer = Some(best.insurance_company_name.clone());
    record.product = Some(show::product_name(best));
    record.gross_premium = premium.map(|p| p.gross_premium);
    record.net_premium = premium.map(|p| p.net_premium);
    record.product_id = Some(best.id.to_string());
    Ok(())
}

/// The row's customer: the identity number decides the kind (see
/// [`NewCustomer::from_identity_number`]).
fn new_customer(row: &Row) -> NewCustomer {
    let mut customer = NewCustomer::from_identity_number(
        &row.identity_number,
        row.title.clone(),
        row.birth_date.clone(),
    );
    if let Some(name) = &row.full_name {
        customer = customer.with_full_name(name);
    }
    if let Some(email) = &row.email {
        customer = customer.with_email(email);
    }
    if let Some(phone) = &row.phone_number {
        customer = customer.with_phone_number(phone);
    }
    customer
}

/// The customer's vehicle with this plate, added first if the customer has none, so a row
/// quoted again does not add the vehicle twice.
async fn ensure_vehicle(client: &Client, customer: &Customer, row: &Row) -> Result<Vehicle, Error> {
    let mut vehicle = NewVehicle::new(&row.plate);
    vehicle.document_serial_code = row.document_serial_code.clone();
    vehicle.document_serial_number = row.document_serial_number.clone();
    client.vehicles().ensure(&customer.id, vehicle).await
}

/// The error's message with the fields the API refused.
fn describe(error: &Error) -> String {
    let mut text = error.to_string();
    for field in error.validation_errors() {
        text.push_str(&format!(
            "; {}: {}",
            field.property_name, field.error_message
        ));
    }
    text
}

/// The `--json` summary of a run.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary<'a> {
    ok: bool,
    input: &'a Path,
    output: &'a Path,
    rows: usize,
    skipped: usize,
    retried: usize,
    quoted: usize,
    succeeded: usize,
    failed: usize,
    failures_by_kind: &'a BTreeMap<String, usize>,
    interrupted: bool,
    elapsed_seconds: f64,
}

/// Counts for the summary.
#[derive(Debug, Default)]
struct Tally {
    rows: usize,
    skipped: usize,
    retried: usize,
    succeeded: usize,
    failed: usize,
    failures: BTreeMap<String, usize>,
    interrupted: bool,
}

impl Tally {
    fn count(&mut self, record: &QuoteRecord) {
        match record.status {
            Status::Ok => self.succeeded += 1,
            Status::Failed => {
                self.failed += 1;
                let kind = record.error_kind.clone().unwrap_or_default();
                *self.failures.entry(kind).or_default() += 1;
            }
        }
    }

    fn quoted(&self) -> usize {
        self.succeeded + self.failed
    }

    fn report(&self, global: &GlobalArgs, input: &Path, output: &Path, elapsed: Duration) {
        let seconds = (elapsed.as_secs_f64() * 10.0).round() / 10.0;
        if global.json {
            render::print_json(&Summary {
                ok: !self.interrupted,
                input,
                output,
                rows: self.rows,
                skipped: self.skipped,
                retried: self.retried,
                quoted: self.quoted(),
                succeeded: self.succeeded,
                failed: self.failed,
                failures_by_kind: &self.failures,
                interrupted: self.interrupted,
                elapsed_seconds: seconds,
            });
            return;
        }
        let mark = if self.interrupted {
            render::fail_mark()
        } else {
            render::ok_mark()
        };
        let mut headline = format!(
            "{mark} Quoted {} of {} rows into {} in {seconds:.1} s",
            self.quoted(),
            self.rows,
            output.display()
        );
        if self.skipped > 0 {
            headline.push_str(&format!(
                " ({} skipped: already in the output)",
                self.skipped
            ));
        }
        say(headline);
        let mut detail = format!("  {} with a best premium", self.succeeded);
        if self.failed > 0 {
            let kinds: Vec<String> = self
                .failures
                .iter()
                .map(|(kind, count)| format!("{kind} {count}"))
                .collect();
            detail.push_str(&format!(
                ", {} failed ({}): see error_kind and error_message",
                self.failed,
                kinds.join(", ")
            ));
        }
        say(detail);
        if global.quiet {
            return;
        }
        if self.interrupted {
            say(render::dim(
                "  Interrupted: run the same command again to continue.",
            ));
        } else if self.failed > 0 {
            say(render::dim(
                "  Run again with --retry-failed to quote the failed rows again.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_output_sits_next_to_the_input() {
        assert_eq!(
            default_output(Path::new("/data/renewals.csv"), ResultFormat::Csv),
            PathBuf::from("/data/renewals.quotes.csv")
        );
        assert_eq!(
            default_output(Path::new("renewals.csv"), ResultFormat::Json),
            PathBuf::from("renewals.quotes.jsonl")
        );
    }

    #[test]
    fn the_identity_number_decides_the_kind_of_customer() {
        let row = |number: &str| Row {
            identity_number: number.to_owned(),
            title: Some("ACME A.Ş.".to_owned()),
            birth_date: Some("1990-01-01".to_owned()),
            ..Row::default()
        };
        assert!(matches!(
            new_customer(&row("11111111110")),
            NewCustomer::Individual(_)
        ));
        assert!(matches!(
            new_customer(&row("6130782524")),
            NewCustomer::Company(_)
        ));
        assert!(matches!(
            new_customer(&row("99123456780")),
            NewCustomer::Foreign(_)
        ));
    }
}
