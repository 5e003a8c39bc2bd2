//! The result file of `quote-batch`: one record per input row, appended as each row finishes,
//! and read back on the next run to skip the rows already done.
//!
//! Each record is written with a single `write` of a whole line, so a crash loses at most the
//! line being written; a torn last line is cut off on the next run and that row is redone.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cli::ResultFormat;
use crate::failure::Failure;

/// How a row ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The best premium is in the record.
    Ok,
    /// `error_kind` and `error_message` say why there is none.
    Failed,
}

/// One line of the result file; `quote-batch --help` describes the fields. The field order is
/// the CSV column order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub key: String,
    pub line: u64,
    pub status: Status,
    pub customer_id: Option<String>,
    pub customer_name: Option<String>,
    pub plate: Option<String>,
    pub branch: Option<String>,
    pub installments: Option<u32>,
    pub insurer: Option<String>,
    pub product: Option<String>,
    pub gross_premium: Option<f64>,
    pub net_premium: Option<f64>,
    pub proposal_id: Option<String>,
    pub product_id: Option<String>,
    pub offers: Option<String>,
    pub error_kind: Option<String>,
    pub error_message: Option<String>,
}

/// The CSV header, in [`QuoteRecord`]'s field order.
pub const HEADER: &[&str] = &[
    "key",
    "line",
    "status",
    "customer_id",
    "customer_name",
    "plate",
    "branch",
    "installments",
    "insurer",
    "product",
    "gross_premium",
    "net_premium",
    "proposal_id",
    "product_id",
    "offers",
    "error_kind",
    "error_message",
];

/// What an earlier run left in the result file.
#[derive(Debug, Default)]
pub struct Earlier {
    /// Keys of the rows that are done and will be skipped.
    pub done: HashSet<String>,
    /// Failed rows taken out of the file to be quoted again (`--retry-failed`).
    pub retried: usize,
}

/// The result file, open for appending.
#[derive(Debug)]
pub struct ResultFile {
    path: PathBuf,
    format: ResultFormat,
    file: File,
}

impl ResultFile {
    /// Opens (or creates) the file and reads which rows it already holds. With `retry_failed`
    /// the failed rows are removed from it first, so they are quoted again.
    pub fn open(
        path: &Path,
        format: ResultFormat,
        retry_failed: bool,
    ) -> Result<(Self, Earlier), Failure> {
        let (mut records, empty) = match std::fs::read(path) {
            Ok(bytes) => {
                let complete = complete_lines(path, &bytes)?;
                (parse(path, format, complete)?, complete.is_empty())
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Vec::new(), true),
            Err(error) => return Err(Failure::io("read", path, &error)),
        };
        let mut earlier = Earlier::default();
        if retry_failed {
            let before = records.len();
            records.retain(|record| record.status == Status::Ok);
            earlier.retried = before - records.len();
        }
        // A new file gets its header; a file that lost its failed rows is replaced whole.
        if empty || earlier.retried > 0 {
            write_atomically(path, format, &records)?;
        }
        earlier.done = records.into_iter().map(|record| record.key).collect();
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|error| Failure::io("open", path, &error))?;
        Ok((
            ResultFile {
                path: path.to_owned(),
                format,
                file,
            },
            earlier,
        ))
    }

    /// Appends one record. It reaches the operating system before this returns, so a crash
    /// of this process cannot lose it.
    pub fn append(&mut self, record: &QuoteRecord) -> Result<(), Failure> {
        let line = encode(self.format, record)?;
        self.file
            .write_all(&line)
            .and_then(|()| self.file.flush())
            .map_err(|error| Failure::io("write", &self.path, &error))
    }
}

/// The bytes up to the last newline. A torn last line (a crash mid-write) is cut off the file.
fn complete_lines<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a [u8], Failure> {
    let complete = bytes
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    if complete < bytes.len() {
        OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|file| file.set_len(complete as u64))
            .map_err(|error| Failure::io("repair", path, &error))?;
    }
    Ok(&bytes[..complete])
}

fn parse(path: &Path, format: ResultFormat, bytes: &[u8]) -> Result<Vec<QuoteRecord>, Failure> {
    let not_ours = |detail: String| {
        Failure::Usage(format!(
            "{} is not a quote-batch result file ({detail}); choose another --output",
            path.display()
        ))
    };
    match format {
        ResultFormat::Csv => {
            if bytes.is_empty() {
                return Ok(Vec::new());
            }
            let mut reader = csv::Reader::from_reader(bytes);
            let header = reader
                .headers()
                .map_err(|error| not_ours(error.to_string()))?;
            if header.iter().ne(HEADER.iter().copied()) {
                return Err(not_ours("unexpected columns".to_owned()));
            }
            reader
                .deserialize()
                .map(|record| record.map_err(|error| not_ours(error.to_string())))
                .collect()
        }
        ResultFormat::Json => bytes
            .split(|&byte| byte == b'\n')
            .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
            .map(|line| serde_json::from_slice(line).map_err(|error| not_ours(error.to_string())))
            .collect(),
    }
}

fn encode(format: ResultFormat, record: &QuoteRecord) -> Result<Vec<u8>, Failure> {
    let encoding_failed =
        |error: String| Failure::Local(format!("could not encode a row: {error}"));
    match format {
        ResultFormat::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            writer
                .serialize(record)
                .map_err(|error| encoding_failed(error.to_string()))?;
            writer
                .into_inner()
                .map_err(|error| encoding_failed(error.to_string()))
        }
        ResultFormat::Json => {
            let mut line =
                serde_json::to_vec(record).map_err(|error| encoding_failed(error.to_string()))?;
            line.push(b'\n');
            Ok(line)
        }
    }
}

/// Replaces the file with `records` (and the CSV header) through a rename, so a crash leaves
/// either the old file or the new one.
pub(super) fn write_atomically(
    path: &Path,
    format: ResultFormat,
    records: &[QuoteRecord],
) -> Result<(), Failure> {
    let mut bytes = Vec::new();
    if format == ResultFormat::Csv {
        bytes.extend_from_slice(HEADER.join(",").as_bytes());
        bytes.push(b'\n');
    }
    for record in records {
        bytes.extend(encode(format, record)?);
    }
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|error| Failure::io("create", dir, &error))?;
    }
    let file_name = path
        .file_name()
        .map_or_else(|| "quotes".into(), |name| name.to_string_lossy());
    let temp = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, &bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|error| Failure::io("write", path, &error))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(key: &str, status: Status) -> QuoteRecord {
        QuoteRecord {
            key: key.to_owned(),
            line: 2,
            status,
            customer_id: Some("c1".to_owned()),
            customer_name: Some("AHMET, \"YILMAZ\"".to_owned()),
            plate: Some("34ABC123".to_owned()),
            branch: Some("KASKO".to_owned()),
            installments: Some(1),
            insurer: (status == Status::Ok).then(|| "Anadolu Sigorta".to_owned()),
            product: None,
            gross_premium: (status == Status::Ok).then_some(12345.67),
            net_premium: None,
            proposal_id: None,
            product_id: None,
            offers: Some("11/12".to_owned()),
            error_kind: (status == Status::Failed).then(|| "ServerError".to_owned()),
            error_message: (status == Status::Failed).then(|| "HTTP 503, try later".to_owned()),
        }
    }

    #[test]
    fn the_csv_header_lists_the_record_fields_in_order() {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .serialize(record("a", Status::Ok))
            .expect("serializes");
        let bytes = writer.into_inner().expect("flushes");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(text.lines().next(), Some(HEADER.join(",").as_str()));
    }

    #[test]
    fn records_survive_a_round_trip_in_both_formats() {
        for format in [ResultFormat::Csv, ResultFormat::Json] {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("out");
            let (mut file, earlier) = ResultFile::open(&path, format, false).expect("opens");
            assert!(earlier.done.is_empty());
            file.append(&record("a", Status::Ok)).expect("appends");
            file.append(&record("b", Status::Failed)).expect("appends");
            drop(file);
            let bytes = std::fs::read(&path).expect("readable");
            let records = parse(&path, format, &bytes).expect("parses");
            assert_eq!(
                records,
                vec![record("a", Status::Ok), record("b", Status::Failed)]
            );
        }
    }

    #[test]
    fn a_rerun_skips_done_rows_and_cuts_off_a_torn_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        let (mut file, _) = ResultFile::open(&path, ResultFormat::Csv, false).expect("opens");
        file.append(&record("a", Status::Ok)).expect("appends");
        file.append(&record("b", Status::Failed)).expect("appends");
        drop(file);
        let mut torn = OpenOptions::new().append(true).open(&path).expect("opens");
        torn.write_all(b"c,2,ok,c1").expect("writes half a line");
        drop(torn);

        let (_, earlier) = ResultFile::open(&path, ResultFormat::Csv, false).expect("reopens");
        assert_eq!(
            earlier.done,
            HashSet::from(["a".to_owned(), "b".to_owned()])
        );
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(text.ends_with('\n') && !text.contains("c,2,ok"), "{text}");
    }

    #[test]
    fn retry_failed_takes_the_failed_rows_out_of_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.jsonl");
        let (mut file, _) = ResultFile::open(&path, ResultFormat::Json, false).expect("opens");
        file.append(&record("a", Status::Ok)).expect("appends");
        file.append(&record("b", Status::Failed)).expect("appends");
        drop(file);

        let (_, earlier) = ResultFile::open(&path, ResultFormat::Json, true).expect("reopens");
        assert_eq!(earlier.done, HashSet::from(["a".to_owned()]));
        assert_eq!(earlier.retried, 1);
        let text = std::fs::read_to_string(&path).expect("readable");
        assert_eq!(text.lines().count(), 1);
    }

    #[test]
    fn another_csv_is_never_appended_to() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("customers.csv");
        std::fs::write(&path, "identity_number,plate\n11111111110,34ABC123\n").expect("writes");
        let error = ResultFile::open(&path, ResultFormat::Csv, false).expect_err("not ours");
        assert!(matches!(error, Failure::Usage(_)), "{error:?}");
    }
}
