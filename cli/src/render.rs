//! How results look on a terminal: money, marks, tables, JSON and progress bars.

use std::fmt::Display;
use std::io::Write;
use std::time::Duration;

use comfy_table::{ContentArrangement, Table, modifiers, presets};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Writes a line to stdout. A closed pipe (`insurup ... | head`) is not an error worth a panic.
pub fn say(text: impl Display) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Writes a JSON document to stdout, pretty-printed.
pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => say(text),
        Err(error) => eprintln!("could not encode the answer as JSON: {error}"),
    }
}

/// `12,345.67 TL`.
pub fn money(amount: f64) -> String {
    let cents = (amount * 100.0).round() as i64;
    let sign = if cents < 0 { "-" } else { "" };
    let whole = (cents.abs() / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}.{:02} TL", cents.abs() % 100)
}

/// A card number as people expect to see it on a receipt.
pub fn masked_card(last4: &str) -> String {
    format!("**** {last4}")
}

/// A green check mark (plain when colours are off).
pub fn ok_mark() -> String {
    console::style("✓").green().bold().to_string()
}

/// A red cross.
pub fn fail_mark() -> String {
    console::style("✗").red().bold().to_string()
}

/// Red text for stderr.
pub fn failure(text: &str) -> String {
    console::style(text).red().bold().for_stderr().to_string()
}

/// Bold text.
pub fn strong(text: impl Display) -> String {
    console::style(text).bold().to_string()
}

/// Dimmed text.
pub fn dim(text: impl Display) -> String {
    console::style(text).dim().to_string()
}

/// A table with rounded borders that fits the terminal.
pub fn table<I, S>(header: I) -> Table
where
    I: IntoIterator<Item = S>,
    S: Into<comfy_table::Cell>,
{
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .apply_modifier(modifiers::UTF8_ROUND_CORNERS)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    table
}

/// `-` for a missing value.
pub fn or_dash(value: Option<impl Display>) -> String {
    value.map_or_else(|| "-".to_owned(), |value| value.to_string())
}

/// A progress bar on stderr, hidden when stderr is not a terminal or `hidden` is set.
pub fn progress_bar(length: u64, template: &str, hidden: bool) -> ProgressBar {
    let target = if hidden {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(Some(length), target);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("━╸─"));
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Prints a line to stdout without tearing the progress bar on stderr.
pub fn say_above(bar: &ProgressBar, text: impl Display) {
    bar.suspend(|| say(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_in_thousands_with_two_decimals() {
        assert_eq!(money(12345.6789), "12,345.68 TL");
        assert_eq!(money(999.5), "999.50 TL");
        assert_eq!(money(1_000_000.0), "1,000,000.00 TL");
        assert_eq!(money(0.0), "0.00 TL");
        assert_eq!(money(-1234.5), "-1,234.50 TL");
    }
}
