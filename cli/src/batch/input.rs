//! The input CSV of `quote-batch`: one customer and vehicle per row.
//!
//! Only the file's structure is checked here (header, required columns, unique keys); the
//! values — TCKN checksums, plates, dates — are checked by the SDK when the row is quoted, and a
//! bad value fails that row alone.

use std::collections::HashMap;
use std::path::Path;

use crate::failure::Failure;

/// Columns a row may have.
pub const COLUMNS: &[&str] = &[
    "key",
    "identity_number",
    "birth_date",
    "full_name",
    "title",
    "email",
    "phone_number",
    "plate",
    "document_serial_code",
    "document_serial_number",
    "branch",
    "installments",
];

/// Columns a row must have.
const REQUIRED: &[&str] = &["identity_number", "plate"];

/// One row to quote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The row's unique key: the `key` column, else `<identity_number>/<plate>`.
    pub key: String,
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    /// TCKN, VKN or foreign identity number.
    pub identity_number: String,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Individual's name.
    pub full_name: Option<String>,
    /// Company title.
    pub title: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone number.
    pub phone_number: Option<String>,
    /// Plate.
    pub plate: String,
    /// Registration document serial letters.
    pub document_serial_code: Option<String>,
    /// Registration document serial number.
    pub document_serial_number: Option<String>,
    /// `kasko` (default), `trafik` or `imm`.
    pub branch: Option<String>,
    /// Installment count to compare in, as written.
    pub installments: Option<String>,
}

/// Reads every row of the file, or says what is wrong with its structure.
pub fn read(path: &Path) -> Result<Vec<Row>, Failure> {
    let file = std::fs::File::open(path).map_err(|error| Failure::io("read", path, &error))?;
    parse(file).map_err(|message| Failure::Usage(format!("{}: {message}", path.display())))
}

fn parse(source: impl std::io::Read) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(source);
    let header = reader
        .headers()
        .map_err(|error| format!("no header row: {error}"))?
        .clone();
    let mut index = HashMap::new();
    for (position, name) in header.iter().enumerate() {
        let name = name.to_ascii_lowercase();
        if !COLUMNS.contains(&name.as_str()) {
            return Err(format!(
                "unknown column `{name}`; columns are {}",
                COLUMNS.join(", ")
            ));
        }
        if index.insert(name.clone(), position).is_some() {
            return Err(format!("column `{name}` appears twice"));
        }
    }
    if let Some(missing) = REQUIRED.iter().find(|name| !index.contains_key(**name)) {
        return Err(format!("the required column `{missing}` is missing"));
    }
    let mut rows = Vec::new();
    let mut lines_by_key: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|error| error.to_string())?;
        let line = record.position().map_or(0, |position| position.line());
        let value = |name: &str| {
            index
                .get(name)
                .and_then(|&position| record.get(position))
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let identity_number = value("identity_number").unwrap_or_default();
        let plate = value("plate").unwrap_or_default();
        let key = value("key").unwrap_or_else(|| format!("{identity_number}/{plate}"));
        if let Some(first) = lines_by_key.insert(key.clone(), line) {
            return Err(format!(
                "lines {first} and {line} have the same key `{key}`; keys must be unique so a \
                 rerun knows which rows are done"
            ));
        }
        rows.push(Row {
            key,
            line,
            identity_number,
            birth_date: value("birth_date"),
            full_name: value("full_name"),
            title: value("title"),
            email: value("email"),
            phone_number: value("phone_number"),
            plate,
            document_serial_code: value("document_serial_code"),
            document_serial_number: value("document_serial_number"),
            branch: value("branch"),
            installments: value("installments"),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_by_column_name_and_keyed() {
        let rows = parse(
            "plate,identity_number,key,branch\n34ABC123,11111111110,r1,trafik\n06A1234,11111111110,,\n"
                .as_bytes(),
        )
        .expect("valid file");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].key, "r1");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].branch.as_deref(), Some("trafik"));
        assert_eq!(rows[1].key, "11111111110/06A1234");
        assert_eq!(rows[1].branch, None);
    }

    #[test]
    fn a_file_without_a_required_column_is_refused() {
        let error = parse("identity_number\n11111111110\n".as_bytes()).expect_err("no plate");
        assert!(error.contains("`plate`"), "{error}");
    }

    #[test]
    fn an_unknown_column_is_refused_by_name() {
        let error = parse("identity_number,plaka\n1,2\n".as_bytes()).expect_err("typo");
        assert!(error.contains("`plaka`"), "{error}");
    }

    #[test]
    fn duplicate_keys_are_refused_with_both_lines() {
        let error = parse("key,identity_number,plate\na,1,2\na,3,4\n".as_bytes())
            .expect_err("duplicate key");
        assert!(error.contains("lines 2 and 3"), "{error}");
    }
}
