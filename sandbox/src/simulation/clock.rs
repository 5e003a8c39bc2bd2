//! Wire formats for time: RFC 3339 UTC timestamps (whole seconds) and `YYYY-MM-DD` dates.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

pub fn today() -> Date {
    now().date()
}

pub fn fmt_ts(ts: OffsetDateTime) -> String {
    let ts = ts.to_offset(UtcOffset::UTC);
    let whole = ts.replace_nanosecond(0).unwrap_or(ts);
    whole
        .format(&Rfc3339)
        .unwrap_or_else(|_| whole.unix_timestamp().to_string())
}

pub fn fmt_date(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

pub fn parse_ts(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// Accepts either a timestamp or a bare date (taken as midnight UTC), as GraphQL filters may send either.
pub fn parse_ts_or_date(text: &str) -> Option<OffsetDateTime> {
    parse_ts(text).or_else(|| parse_date(text).map(|d| d.midnight().assume_utc()))
}

/// One year later, the day before (an insurance year); 29 February falls back to the 28th.
pub fn one_year_after(start: Date) -> Date {
    Date::from_calendar_date(start.year() + 1, start.month(), start.day())
        .or_else(|_| Date::from_calendar_date(start.year() + 1, start.month(), 28))
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn timestamps_are_rfc3339_utc_whole_seconds() {
        assert_eq!(
            fmt_ts(datetime!(2026-11-28 10:00:00.123 UTC)),
            "2026-11-28T10:00:00Z"
        );
    }

    #[test]
    fn dates_round_trip() {
        let d = parse_date("2024-02-29").expect("valid date");
        assert_eq!(fmt_date(d), "2024-02-29");
        assert_eq!(fmt_date(one_year_after(d)), "2025-02-28");
    }
}
