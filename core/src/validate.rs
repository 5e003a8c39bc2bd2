//! Local checks that refuse bad input before any request is sent.
//!
//! Each check returns a [`ErrorKind::Validation`](crate::ErrorKind::Validation) error that names
//! the field, so a CRM can point at the form input that is wrong.

use time::{Date, Month, OffsetDateTime};

use crate::error::{Error, Result};

fn digits(value: &str) -> Option<Vec<u32>> {
    value.chars().map(|c| c.to_digit(10)).collect()
}

/// True when `value` is a Turkish identity number (TCKN) with a valid checksum.
pub fn is_valid_tckn(value: &str) -> bool {
    let Some(d) = digits(value) else { return false };
    if d.len() != 11 || d[0] == 0 {
        return false;
    }
    let odd: i64 = [0, 2, 4, 6, 8].iter().map(|&i| i64::from(d[i])).sum();
    let even: i64 = [1, 3, 5, 7].iter().map(|&i| i64::from(d[i])).sum();
    let tenth = (odd * 7 - even).rem_euclid(10);
    let eleventh = d[..10].iter().map(|&x| i64::from(x)).sum::<i64>() % 10;
    tenth == i64::from(d[9]) && eleventh == i64::from(d[10])
}

/// True when `value` is a Turkish tax number (VKN) with a valid checksum (GIB algorithm).
pub fn is_valid_vkn(value: &str) -> bool {
    let Some(d) = digits(value) else { return false };
    if d.len() != 10 {
        return false;
    }
    let mut sum = 0;
    for (i, &digit) in d[..9].iter().enumerate() {
        let shifted = (digit + 9 - i as u32) % 10;
        let mut weighted = (shifted * (1 << (9 - i))) % 9;
        if shifted != 0 && weighted == 0 {
            weighted = 9;
        }
        sum += weighted;
    }
    (10 - sum % 10) % 10 == d[9]
}

/// True when `value` (digits only) passes the Luhn check used by payment cards.
pub fn is_valid_luhn(value: &str) -> bool {
    let Some(d) = digits(value) else { return false };
    if d.len() < 2 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &digit)| {
            if i % 2 == 1 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    sum % 10 == 0
}

pub(crate) fn tckn(field: &str, value: &str) -> Result<()> {
    if is_valid_tckn(value) {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            "must be an 11-digit Turkish identity number (TCKN) with a valid checksum",
        ))
    }
}

pub(crate) fn vkn(field: &str, value: &str) -> Result<()> {
    if is_valid_vkn(value) {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            "must be a 10-digit Turkish tax number (VKN) with a valid checksum",
        ))
    }
}

pub(crate) fn not_blank(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::validation(field, "must not be empty"))
    } else {
        Ok(())
    }
}

pub(crate) fn email(field: &str, value: &str) -> Result<()> {
    let valid = value
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !value.contains(char::is_whitespace);
    if valid {
        Ok(())
    } else {
        Err(Error::validation(field, "must be an e-mail address"))
    }
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn date(field: &str, value: &str) -> Result<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(value, format)
        .map_err(|_| Error::validation(field, "must be a date in the form YYYY-MM-DD"))
}

pub(crate) fn past_date(field: &str, value: &str) -> Result<Date> {
    let parsed = date(field, value)?;
    if parsed > OffsetDateTime::now_utc().date() {
        return Err(Error::validation(field, "must not be in the future"));
    }
    Ok(parsed)
}

/// A Turkish licence plate split the way the API wants it: province code and the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlateParts {
    /// Province code, 1-81 (34 = İstanbul).
    pub city: u8,
    /// Letters and digits after the province code, e.g. `ABC123`.
    pub code: String,
}

/// Parses a plate like `34ABC123`, `34 abc 123` or `06 A 1234`.
pub fn parse_plate(value: &str) -> Option<PlateParts> {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let letters_start = compact.find(|c: char| !c.is_ascii_digit())?;
    let city: u8 = compact.get(..letters_start)?.parse().ok()?;
    if !(1..=81).contains(&city) || letters_start != 2 {
        return None;
    }
    let rest = &compact[letters_start..];
    let digits_start = rest.find(|c: char| c.is_ascii_digit())?;
    let (letters, numbers) = rest.split_at(digits_start);
    let letters_ok = letters.chars().all(|c| c.is_ascii_uppercase());
    let numbers_ok = numbers.chars().all(|c| c.is_ascii_digit());
    let shape_ok = match letters.len() {
        1 => (4..=5).contains(&numbers.len()),
        2 => (3..=4).contains(&numbers.len()),
        3 => (2..=3).contains(&numbers.len()),
        _ => false,
    };
    (letters_ok && numbers_ok && shape_ok).then(|| PlateParts {
        city,
        code: rest.to_owned(),
    })
}

pub(crate) fn plate(field: &str, value: &str) -> Result<PlateParts> {
    parse_plate(value).ok_or_else(|| {
        Error::validation(
            field,
            "must be a Turkish plate: province code 01-81, 1-3 letters, 2-5 digits (e.g. 34ABC123)",
        )
    })
}

pub(crate) fn document_serial(code: &str, number: &str) -> Result<()> {
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(Error::validation(
            "document_serial_code",
            "must be the 2 letters of the registration document serial (e.g. AB)",
        ));
    }
    if number.len() != 6 || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::validation(
            "document_serial_number",
            "must be the 6 digits of the registration document serial (e.g. 123456)",
        ));
    }
    Ok(())
}

pub(crate) fn card_number(value: &str) -> Result<()> {
    if !(12..=19).contains(&value.len()) || !is_valid_luhn(value) {
        return Err(Error::validation(
            "card.number",
            "must be a 12-19 digit card number that passes the Luhn check",
        ));
    }
    Ok(())
}

pub(crate) fn card_cvc(value: &str) -> Result<()> {
    if !(3..=4).contains(&value.len()) || !value.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::validation("card.cvc", "must be 3 or 4 digits"));
    }
    Ok(())
}

/// Checks month `MM` and year `YYYY` (or `YY`) and that the card has not expired; returns the
/// canonical `("MM", "YYYY")`.
pub(crate) fn card_expiry(month: &str, year: &str) -> Result<(String, String)> {
    let month_number: u8 = month
        .trim()
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| Error::validation("card.expiry_month", "must be a month from 01 to 12"))?;
    let year = year.trim();
    let year_number: i32 = match year.len() {
        2 => year.parse::<i32>().ok().map(|y| 2000 + y),
        4 => year.parse().ok(),
        _ => None,
    }
    .ok_or_else(|| Error::validation("card.expiry_year", "must be a year like 2030"))?;
    let today = OffsetDateTime::now_utc().date();
    let expired = (year_number, month_number) < (today.year(), u8::from(today.month()));
    if expired {
        return Err(Error::validation(
            "card.expiry_year",
            "the card has expired",
        ));
    }
    Ok((format!("{month_number:02}"), year_number.to_string()))
}

pub(crate) fn installment(value: u32) -> Result<()> {
    if value < 1 {
        return Err(Error::validation(
            "installment_number",
            "must be 1 (cash) or more",
        ));
    }
    Ok(())
}

pub(crate) fn id(field: &str, value: &str) -> Result<()> {
    let valid = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            "must be a non-empty id of letters, digits and dashes",
        ))
    }
}

/// Today's year and month, for callers that build expiry dates.
pub(crate) fn current_month() -> (i32, Month) {
    let today = OffsetDateTime::now_utc().date();
    (today.year(), today.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tckn_checksum_accepts_the_published_test_number_and_rejects_typos() {
        assert!(is_valid_tckn("11111111110"));
        assert!(is_valid_tckn("10000000146"));
        assert!(!is_valid_tckn("11111111111"));
        assert!(!is_valid_tckn("01111111110"));
        assert!(!is_valid_tckn("1111111111"));
        assert!(!is_valid_tckn("1111111111a"));
    }

    #[test]
    fn vkn_checksum_accepts_the_documented_sample() {
        assert!(is_valid_vkn("6130782524"));
        assert!(!is_valid_vkn("6130782525"));
        assert!(!is_valid_vkn("613078252"));
    }

    #[test]
    fn luhn_accepts_test_cards_and_rejects_single_digit_typos() {
        assert!(is_valid_luhn("4242424242424242"));
        assert!(is_valid_luhn("4000000000000002"));
        assert!(!is_valid_luhn("4242424242424241"));
    }

    #[test]
    fn plates_are_split_into_province_and_code() {
        let plate = parse_plate("34 abc 123").expect("valid plate");
        assert_eq!(plate.city, 34);
        assert_eq!(plate.code, "ABC123");
        assert!(parse_plate("06A1234").is_some());
        assert!(parse_plate("82ABC123").is_none());
        assert!(parse_plate("00ABC123").is_none());
        assert!(parse_plate("34ABCD123").is_none());
        assert!(parse_plate("34ABC1").is_none());
        assert!(parse_plate("3ABC123").is_none());
    }

    #[test]
    fn card_expiry_is_canonicalised_and_past_dates_refused() {
        let (year, _) = current_month();
        let next_year = (year + 1).to_string();
        assert_eq!(
            card_expiry("3", &next_year).expect("valid"),
            ("03".to_owned(), next_year.clone())
        );
        assert_eq!(
            card_expiry("12", &next_year[2..]).expect("two-digit year"),
            ("12".to_owned(), next_year)
        );
        let error = card_expiry("01", "2020").expect_err("expired");
        assert_eq!(error.field(), Some("card.expiry_year"));
        let error = card_expiry("13", "2030").expect_err("bad month");
        assert_eq!(error.field(), Some("card.expiry_month"));
    }
}
