//! `quote-batch --queue redis://…`: one portfolio split across `quote-batch` processes on any
//! number of machines through a Redis stream with a consumer group.
//!
//! Every worker reads the same CSV. The first ones to arrive queue its rows (each exactly once,
//! as entry `0-<row number>`); each row is then delivered to one worker. A worker keeps the rows
//! it holds alive; a row whose worker has been silent for `--claim-after` seconds is claimed by
//! another. Results go to one hash (the first result of a row wins) and the row is acknowledged
//! with it, so a rerun resumes where the batch stands. The proposal of a row is remembered as
//! soon as it exists, so a row taken over waits for that proposal instead of asking the
//! insurers again.
//!
//! Keys, all under `insurup:batch:{<name>}:` — `rows` (stream, group `quote-batch`), `meta`
//! (total, queued, ok, failed, quoted-by:<worker>), `results` (key → record JSON) and
//! `proposals` (key → proposal id).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use insurup::graphql::ProposalFields;
use insurup::{Client, ListQuery, ProposalId, RedisFleet, RedisFleetOptions, WaitOptions};
use redis::aio::ConnectionManager;
use redis::streams::{StreamAutoClaimReply, StreamId, StreamInfoConsumersReply, StreamReadReply};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::input::Row;
use super::output::{QuoteRecord, Status, write_atomically};
use super::{INTERRUPTED, Tally, quote_row, stop_on_ctrl_c};
use crate::cli::{GlobalArgs, QuoteBatchArgs};
use crate::failure::Failure;
use crate::render::{self, say};
use crate::settings::Settings;

const GROUP: &str = "quote-batch";
/// Rows queued per script call.
const QUEUE_CHUNK: usize = 500;
/// How long a worker with nothing to do blocks on the stream; under the connection's 2 s
/// command timeout.
const IDLE_BLOCK: Duration = Duration::from_millis(1000);

static ENQUEUE: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/enqueue.lua")));
static FINISH: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/finish.lua")));
static RETRY_FAILED: LazyLock<redis::Script> =
    LazyLock::new(|| redis::Script::new(include_str!("lua/retry_failed.lua")));

/// One batch's keys in one Redis.
struct Batch {
    fleet: RedisFleet,
    connection: ConnectionManager,
    name: String,
    rows: String,
    meta: String,
    results: String,
    proposals: String,
}

/// `renewals.csv` with this content → `renewals-<first 12 hex of its SHA-256>`: machines with
/// the same file join the same batch, and a changed file starts another.
pub fn default_batch_name(input: &Path, content: &[u8]) -> String {
    let stem = input.file_stem().map_or_else(
        || "batch".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let digest = hex::encode(Sha256::digest(content));
    format!("{stem}-{}", &digest[..12])
}

/// `<host>-<pid>`.
fn default_worker_name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "worker".to_owned());
    format!("{host}-{}", std::process::id())
}

impl Batch {
    async fn open(url: &str, name: &str) -> Result<Self, Failure> {
        if name.is_empty() || name.contains(['{', '}']) || name.contains(char::is_whitespace) {
            return Err(Failure::Usage(
                "--batch: a name without spaces or braces".to_owned(),
            ));
        }
        // The fleet's account names the queue's own keys' owner only in messages.
        let fleet = RedisFleet::new(url, "quote-batch")?;
        let connection = fleet.connection().await?;
        let key = |what: &str| format!("insurup:batch:{{{name}}}:{what}");
        Ok(Batch {
            rows: key("rows"),
            meta: key("meta"),
            results: key("results"),
            proposals: key("proposals"),
            fleet,
            connection,
            name: name.to_owned(),
        })
    }

    fn failed(&self, action: &str, error: &redis::RedisError) -> Failure {
        Failure::Api(
            self.fleet
                .error(insurup::ErrorKind::Connection, action, error),
        )
    }

    /// The consumer group, created with the stream if need be.
    async fn ensure_group(&self) -> Result<(), Failure> {
        let created = redis::cmd("XGROUP")
            .arg("CREATE")
            .arg(&self.rows)
            .arg(GROUP)
            .arg("0")
            .arg("MKSTREAM")
            .query_async::<()>(&mut self.connection.clone())
            .await;
        match created {
            Err(error) if error.code() != Some("BUSYGROUP") => {
                Err(self.failed("create the work queue in", &error))
            }
            _ => Ok(()),
        }
    }

    /// Queues every row not queued yet (another worker may be doing the same: each row goes in
    /// once).
    async fn enqueue(&self, rows: &[Row]) -> Result<(), Failure> {
        let mut queued = 0;
        while queued < rows.len() {
            let chunk = &rows[queued..(queued + QUEUE_CHUNK).min(rows.len())];
            let mut call = ENQUEUE.key(&self.rows);
            call.key(&self.meta).arg(rows.len()).arg(queued);
            for row in chunk {
                call.arg(&row.key);
            }
            let now: i64 = call
                .invoke_async(&mut self.connection.clone())
                .await
                .map_err(|error| self.failed("queue the rows in", &error))?;
            if now < 0 {
                return Err(Failure::Usage(format!(
                    "batch {} was started with a file of another length; pass --batch with \
                     another name",
                    self.name
                )));
            }
            queued = usize::try_from(now).unwrap_or(rows.len());
        }
        Ok(())
    }

    async fn meta(&self) -> Result<HashMap<String, i64>, Failure> {
        redis::cmd("HGETALL")
            .arg(&self.meta)
            .query_async(&mut self.connection.clone())
            .await
            .map_err(|error| self.failed("read the batch from", &error))
    }

    async fn results(&self) -> Result<Vec<QuoteRecord>, Failure> {
        let stored: HashMap<String, String> = redis::cmd("HGETALL")
            .arg(&self.results)
            .query_async(&mut self.connection.clone())
            .await
            .map_err(|error| self.failed("read the results from", &error))?;
        let mut records: Vec<QuoteRecord> = stored
            .values()
            .filter_map(|text| serde_json::from_str(text).ok())
            .collect();
        records.sort_by_key(|record| record.line);
        Ok(records)
    }

    async fn done(&self) -> Result<usize, Failure> {
        redis::cmd("HLEN")
            .arg(&self.results)
            .query_async(&mut self.connection.clone())
            .await
            .map_err(|error| self.failed("count the results in", &error))
    }

    /// Up to `count` rows for `worker`: its own unacknowledged ones first (a rerun under the
    /// same name), then rows of silent workers, then new ones (blocking up to `block`).
    async fn take(
        &self,
        worker: &str,
        count: usize,
        claim_after: Duration,
        block: Option<Duration>,
        own_first: bool,
    ) -> Result<Vec<StreamId>, Failure> {
        let mut connection = self.connection.clone();
        let read = |start: &str, block: Option<Duration>| {
            let mut command = redis::cmd("XREADGROUP");
            command
                .arg("GROUP")
                .arg(GROUP)
                .arg(worker)
                .arg("COUNT")
                .arg(count);
            if let Some(block) = block {
                command.arg("BLOCK").arg(block.as_millis() as u64);
            }
            command.arg("STREAMS").arg(&self.rows).arg(start);
            command
        };
        if own_first {
            let mine: Option<StreamReadReply> = read("0", None)
                .query_async(&mut connection)
                .await
                .map_err(|error| self.failed("read the work queue in", &error))?;
            let mine = entries(mine);
            if !mine.is_empty() {
                return Ok(mine);
            }
        }
        let claimed: StreamAutoClaimReply = redis::cmd("XAUTOCLAIM")
            .arg(&self.rows)
            .arg(GROUP)
            .arg(worker)
            .arg(claim_after.as_millis() as u64)
            .arg("0-0")
            .arg("COUNT")
            .arg(count)
            .query_async(&mut connection)
            .await
            .map_err(|error| self.failed("claim rows in", &error))?;
        if !claimed.claimed.is_empty() {
            return Ok(claimed.claimed);
        }
        let fresh: Option<StreamReadReply> = read(">", block)
            .query_async(&mut connection)
            .await
            .map_err(|error| self.failed("read the work queue in", &error))?;
        Ok(entries(fresh))
    }

    /// Tells the group this worker is alive and still working on `ids`.
    async fn keep_alive(&self, worker: &str, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let mut command = redis::cmd("XCLAIM");
        command.arg(&self.rows).arg(GROUP).arg(worker).arg(0);
        for id in ids {
            command.arg(id);
        }
        command.arg("JUSTID");
        if let Err(error) = command
            .query_async::<redis::Value>(&mut self.connection.clone())
            .await
        {
            tracing::warn!("could not keep the rows in progress: {error}");
        }
    }

    async fn finish(&self, worker: &str, id: &str, record: &QuoteRecord) -> Result<(), Failure> {
        let status = match record.status {
            Status::Ok => "ok",
            Status::Failed => "failed",
        };
        let text = serde_json::to_string(record)
            .map_err(|error| Failure::Local(format!("could not encode a row: {error}")))?;
        FINISH
            .key(&self.rows)
            .key(&self.meta)
            .key(&self.results)
            .arg(GROUP)
            .arg(id)
            .arg(&record.key)
            .arg(status)
            .arg(text)
            .arg(worker)
            .invoke_async::<i64>(&mut self.connection.clone())
            .await
            .map_err(|error| self.failed("record a result in", &error))?;
        Ok(())
    }

    async fn retry_failed(&self, rows: &[Row]) -> Result<usize, Failure> {
        let records = self.results().await?;
        let failed_keys: HashSet<&str> = records
            .iter()
            .filter(|record| record.status == Status::Failed)
            .map(|record| record.key.as_str())
            .collect();
        if failed_keys.is_empty() {
            return Ok(0);
        }
        let mut call = RETRY_FAILED.key(&self.rows);
        call.key(&self.meta).key(&self.results);
        for (index, row) in rows.iter().enumerate() {
            if failed_keys.contains(row.key.as_str()) {
                call.arg(&row.key).arg(index);
            }
        }
        let requeued: i64 = call
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(|error| self.failed("queue failed rows again in", &error))?;
        Ok(usize::try_from(requeued).unwrap_or(0))
    }

    async fn workers(&self) -> Result<StreamInfoConsumersReply, Failure> {
        redis::cmd("XINFO")
            .arg("CONSUMERS")
            .arg(&self.rows)
            .arg(GROUP)
            .query_async(&mut self.connection.clone())
            .await
            .map_err(|error| self.failed("list the workers in", &error))
    }

    /// A worker that holds nothing leaves the group's list.
    async fn leave(&self, worker: &str) {
        let _ = redis::cmd("XGROUP")
            .arg("DELCONSUMER")
            .arg(&self.rows)
            .arg(GROUP)
            .arg(worker)
            .query_async::<i64>(&mut self.connection.clone())
            .await;
    }
}

fn entries(reply: Option<StreamReadReply>) -> Vec<StreamId> {
    reply
        .map(|reply| reply.keys.into_iter().flat_map(|key| key.ids).collect())
        .unwrap_or_default()
}

/// Remembers each row's proposal in the batch, so a row taken over from a worker that stopped
/// waits for that proposal instead of asking every insurer again. Before a proposal is asked
/// for, the row is marked `started:<unix ms>`; once it exists, its id replaces the mark. A row
/// taken over with only the mark looks for a proposal of its customer and plate made since
/// then (the request may have reached the server just before its worker died) and asks for a
/// new one only if there is none.
pub struct ProposalCheckpoint {
    connection: ConnectionManager,
    proposals: String,
}

/// What an earlier attempt at a row left.
enum Earlier {
    Nothing,
    /// It was about to ask for a proposal at this time (unix ms).
    Started(i64),
    Created(ProposalId),
}

impl ProposalCheckpoint {
    /// The row's proposal: the one an earlier attempt made, or a new one from `create`.
    pub async fn proposal<F, Fut>(
        &self,
        client: &Client,
        row: &Row,
        create: F,
    ) -> Result<ProposalId, insurup::Error>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<insurup::Proposal, insurup::Error>>,
    {
        match self.recall(&row.key).await {
            Earlier::Created(id) => return Ok(id),
            Earlier::Started(since) => {
                if let Some(id) = read_back(client, row, since).await? {
                    tracing::info!("a row's proposal from a stopped worker was found and kept");
                    self.set(&row.key, id.as_str()).await;
                    return Ok(id);
                }
            }
            Earlier::Nothing => {}
        }
        self.set(&row.key, &format!("started:{}", unix_ms())).await;
        let proposal = create().await?;
        self.set(&row.key, proposal.id.as_str()).await;
        Ok(proposal.id)
    }

    async fn recall(&self, key: &str) -> Earlier {
        let stored = redis::cmd("HGET")
            .arg(&self.proposals)
            .arg(key)
            .query_async::<Option<String>>(&mut self.connection.clone())
            .await
            .ok()
            .flatten();
        match stored {
            None => Earlier::Nothing,
            Some(text) => match text.strip_prefix("started:") {
                Some(since) => Earlier::Started(since.parse().unwrap_or(0)),
                None => Earlier::Created(ProposalId::new(text)),
            },
        }
    }

    async fn set(&self, key: &str, value: &str) {
        if let Err(error) = redis::cmd("HSET")
            .arg(&self.proposals)
            .arg(key)
            .arg(value)
            .query_async::<i64>(&mut self.connection.clone())
            .await
        {
            tracing::warn!("could not remember a row's proposal: {error}");
        }
    }
}

fn unix_ms() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000_000
}

/// A proposal for the row's customer and plate created since `since_ms` (less a minute for
/// clocks that disagree), the newest if several.
async fn read_back(
    client: &Client,
    row: &Row,
    since_ms: i64,
) -> Result<Option<ProposalId>, insurup::Error> {
    let query = ListQuery::first(50)
        .filter(ProposalFields::insured_customer_identity_number().eq(row.identity_number.clone()));
    let page = client.graphql().proposals(&query).await?;
    let plate = normalized_plate(&row.plate);
    let since =
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(since_ms - 60_000) * 1_000_000)
            .ok();
    let created_at = |text: &Option<String>| {
        text.as_deref().and_then(|text| {
            time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
        })
    };
    Ok(page
        .items
        .into_iter()
        .filter(|proposal| {
            proposal
                .vehicle_plate
                .as_deref()
                .map(normalized_plate)
                .as_deref()
                == Some(&plate)
        })
        .filter_map(|proposal| {
            let at = created_at(&proposal.created_at)?;
            (since.is_none_or(|since| at >= since)).then_some((at, proposal.id))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, id)| id))
}

fn normalized_plate(plate: &str) -> String {
    plate
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The batch as `--status` shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchStatus {
    batch: String,
    redis: String,
    rows: i64,
    queued: i64,
    done: i64,
    ok: i64,
    failed: i64,
    in_flight: usize,
    waiting: i64,
    workers: Vec<WorkerStatus>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WorkerStatus {
    name: String,
    quoted: i64,
    holding: usize,
    idle_seconds: f64,
}

async fn status_of(batch: &Batch) -> Result<BatchStatus, Failure> {
    let meta = batch.meta().await?;
    let field = |name: &str| meta.get(name).copied().unwrap_or(0);
    let mut workers: BTreeMap<String, WorkerStatus> = meta
        .iter()
        .filter_map(|(name, count)| {
            name.strip_prefix("quoted-by:")
                .map(|worker| (worker, count))
        })
        .map(|(worker, count)| {
            (
                worker.to_owned(),
                WorkerStatus {
                    name: worker.to_owned(),
                    quoted: *count,
                    holding: 0,
                    idle_seconds: 0.0,
                },
            )
        })
        .collect();
    let mut in_flight = 0;
    if let Ok(consumers) = batch.workers().await {
        for consumer in consumers.consumers {
            in_flight += consumer.pending;
            let entry = workers
                .entry(consumer.name.clone())
                .or_insert_with(|| WorkerStatus {
                    name: consumer.name.clone(),
                    quoted: 0,
                    holding: 0,
                    idle_seconds: 0.0,
                });
            entry.holding = consumer.pending;
            entry.idle_seconds = consumer.idle as f64 / 1000.0;
        }
    }
    let done = field("ok") + field("failed");
    Ok(BatchStatus {
        batch: batch.name.clone(),
        redis: batch.fleet.url().to_owned(),
        rows: field("total"),
        queued: field("queued"),
        done,
        ok: field("ok"),
        failed: field("failed"),
        in_flight,
        waiting: (field("total") - done - in_flight as i64).max(0),
        workers: workers.into_values().collect(),
    })
}

/// `quote-batch FILE --queue URL --status`
async fn show_status(batch: &Batch, global: &GlobalArgs) -> Result<(), Failure> {
    let status = status_of(batch).await?;
    if global.json {
        render::print_json(&status);
        return Ok(());
    }
    say(format!(
        "Batch {} ({} rows) in {}",
        render::strong(&status.batch),
        status.rows,
        status.redis
    ));
    say(format!(
        "  {} done ({} ok, {} failed) · {} in flight · {} waiting",
        status.done, status.ok, status.failed, status.in_flight, status.waiting
    ));
    for worker in &status.workers {
        say(format!(
            "  {:<28} quoted {:>6} · holds {:>3} · last heard {:.1} s ago",
            worker.name, worker.quoted, worker.holding, worker.idle_seconds
        ));
    }
    Ok(())
}

/// `quote-batch FILE --queue URL`: quotes rows of the shared batch until every row has a result,
/// then writes the whole batch's results to the output file.
pub async fn run(
    args: &QuoteBatchArgs,
    global: &GlobalArgs,
    url: &str,
    input: &Path,
    output: &Path,
    rows: Vec<Row>,
    started: Instant,
) -> Result<(), Failure> {
    let content = std::fs::read(input).map_err(|error| Failure::io("read", input, &error))?;
    let name = args
        .batch
        .clone()
        .unwrap_or_else(|| default_batch_name(input, &content));
    let batch = Batch::open(url, &name).await?;
    if args.status {
        return show_status(&batch, global).await;
    }
    let worker = args.worker.clone().unwrap_or_else(default_worker_name);
    batch.ensure_group().await?;
    batch.enqueue(&rows).await?;
    let retried = if args.retry_failed {
        batch.retry_failed(&rows).await?
    } else {
        0
    };

    let settings = Settings::load(global)?;
    let account = fleet_account(&settings);
    let options = RedisFleetOptions {
        account,
        requests_per_second: args.rate_limit,
        ..RedisFleetOptions::default()
    };
    let fleet = RedisFleet::with_options(url, options)?;
    let client = settings
        .builder()
        .await?
        .fleet(&fleet)
        .pacing(!args.no_pacing)
        .build()?;
    let checkpoint = ProposalCheckpoint {
        connection: batch.connection.clone(),
        proposals: batch.proposals.clone(),
    };

    let total = rows.len();
    let done_before = batch.done().await?;
    let (mut quoted_here, mut interrupted) = (0, false);
    if done_before < total {
        // A wrong password or a missing 2FA code stops this worker now, not row by row.
        client.sign_in().await?;
        (quoted_here, interrupted) = work(
            &batch,
            &client,
            &checkpoint,
            &rows,
            args,
            global,
            &worker,
            total,
        )
        .await?;
    }

    let records = batch.results().await?;
    let complete = records.len() >= total;
    if complete {
        write_atomically(output, args.format, &records)?;
    }
    let mut tally = Tally {
        rows: total,
        skipped: done_before.min(total),
        retried,
        interrupted: interrupted || !complete,
        ..Tally::default()
    };
    for record in &records {
        tally.count(record);
    }
    tally.report(global, input, output, started.elapsed());
    if !global.quiet && !global.json {
        say(render::dim(format!(
            "  This worker ({worker}) quoted {quoted_here} of them; batch {name}."
        )));
        if !complete {
            say(render::dim(format!(
                "  See the whole batch: insurup quote-batch {} --queue … --status",
                input.display()
            )));
        }
    }
    if tally.interrupted {
        return Err(Failure::Reported(INTERRUPTED));
    }
    Ok(())
}

/// Who the shared session belongs to, as a fleet account name: the agent user's e-mail (or
/// the service account's id) at the API's host.
fn fleet_account(settings: &Settings) -> String {
    let who = settings
        .lookup("INSURUP_EMAIL")
        .or_else(|| settings.lookup("INSURUP_CLIENT_ID"))
        .unwrap_or_else(|| "session".to_owned());
    let base = settings
        .base_url()
        .unwrap_or_else(|| insurup::DEFAULT_BASE_URL.to_owned());
    let without_scheme = base
        .split_once("://")
        .map_or(base.as_str(), |(_, rest)| rest);
    let host = without_scheme.split('/').next().unwrap_or(without_scheme);
    format!("{who}@{host}")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '{' && *c != '}')
        .collect()
}

/// Quotes rows until the batch is done or Ctrl-C; returns how many rows this worker quoted and
/// whether Ctrl-C stopped it.
#[allow(clippy::too_many_arguments)]
async fn work(
    batch: &Batch,
    client: &Client,
    checkpoint: &ProposalCheckpoint,
    rows: &[Row],
    args: &QuoteBatchArgs,
    global: &GlobalArgs,
    worker: &str,
    total: usize,
) -> Result<(usize, bool), Failure> {
    let concurrency = usize::from(args.concurrency);
    let claim_after = Duration::from_secs(args.claim_after);
    let wait = WaitOptions::with_timeout(Duration::from_secs(args.wait));
    let bar = render::progress_bar(
        total as u64,
        "{spinner:.cyan} {bar:30.cyan/dim} {pos}/{len} rows in the batch · {msg}",
        global.quiet || global.json,
    );
    bar.set_position(batch.done().await? as u64);
    let mut stop = stop_on_ctrl_c(global.quiet);
    let mut stopping = false;
    let mut in_flight: HashMap<String, String> = HashMap::new();
    let mut running = FuturesUnordered::new();
    let mut quoted = 0_usize;
    let mut own_first = true;
    let mut last_heartbeat = Instant::now();
    loop {
        if !stopping && in_flight.len() < concurrency {
            let block = in_flight.is_empty().then_some(IDLE_BLOCK);
            let taken = batch
                .take(
                    worker,
                    concurrency - in_flight.len(),
                    claim_after,
                    block,
                    own_first,
                )
                .await?;
            own_first = false;
            for entry in taken {
                let Some(index) = entry
                    .get::<usize>("row")
                    .filter(|index| *index < rows.len())
                else {
                    continue;
                };
                let row = &rows[index];
                if in_flight
                    .insert(entry.id.clone(), row.key.clone())
                    .is_some()
                {
                    continue;
                }
                let id = entry.id.clone();
                running.push(async move {
                    let record = quote_row(client, row, wait, Some(checkpoint)).await;
                    (id, record)
                });
            }
        }
        if in_flight.is_empty() {
            if stopping || batch.done().await? >= total {
                break;
            }
            continue;
        }
        tokio::select! {
            Some((id, record)) = running.next() => {
                batch.finish(worker, &id, &record).await?;
                in_flight.remove(&id);
                quoted += 1;
                bar.set_position(batch.done().await? as u64);
                bar.set_message(format!("this worker: {quoted} quoted, {} in flight", in_flight.len()));
            }
            () = tokio::time::sleep(Duration::from_millis(250)) => {}
            _ = &mut stop, if !stopping => stopping = true,
        }
        if last_heartbeat.elapsed() >= claim_after / 3 {
            let ids: Vec<String> = in_flight.keys().cloned().collect();
            batch.keep_alive(worker, &ids).await;
            last_heartbeat = Instant::now();
        }
    }
    bar.finish_and_clear();
    batch.leave(worker).await;
    Ok((quoted, stopping))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_gives_the_same_batch_name_and_another_file_another() {
        let path = Path::new("/data/renewals 2026.csv");
        let one = default_batch_name(path, b"key,identity_number,plate\n");
        assert_eq!(
            one,
            default_batch_name(path, b"key,identity_number,plate\n")
        );
        assert!(one.starts_with("renewals_2026-"), "{one}");
        assert_ne!(
            one,
            default_batch_name(path, b"key,identity_number,plate\nx,1,2\n")
        );
    }
}
