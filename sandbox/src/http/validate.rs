//! Checks InsurUp applies to Turkish identifiers, plates and cards.

/// TCKN: 11 digits, first non-zero, two check digits.
pub fn is_valid_tckn(text: &str) -> bool {
    let d: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if text.len() != 11 || d.len() != 11 || d[0] == 0 {
        return false;
    }
    let odd = d[0] + d[2] + d[4] + d[6] + d[8];
    let even = d[1] + d[3] + d[5] + d[7];
    let d10 = (odd * 7 + 10 * 10 - even) % 10; // +100 keeps the subtraction non-negative
    let d11 = d[..10].iter().sum::<u32>() % 10;
    d[9] == d10 && d[10] == d11
}

/// VKN: 10 digits with the GİB check digit.
pub fn is_valid_vkn(text: &str) -> bool {
    let d: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if text.len() != 10 || d.len() != 10 {
        return false;
    }
    let mut sum = 0;
    for (i, digit) in d[..9].iter().enumerate() {
        let position = 9 - i as u32; // weight exponent: 9 for the first digit down to 1
        let tmp = (digit + position) % 10;
        if tmp != 0 {
            let v = (tmp * 2u32.pow(position)) % 9;
            sum += if v == 0 { 9 } else { v };
        }
    }
    (10 - sum % 10) % 10 == d[9]
}

/// Builds a valid TCKN from nine leading digits (used by the data generator).
pub fn complete_tckn(first_nine: [u32; 9]) -> String {
    let d = first_nine;
    let odd = d[0] + d[2] + d[4] + d[6] + d[8];
    let even = d[1] + d[3] + d[5] + d[7];
    let d10 = (odd * 7 + 100 - even) % 10;
    let d11 = (d.iter().sum::<u32>() + d10) % 10;
    let mut out: String = d
        .iter()
        .map(|x| char::from(b'0' + x.min(&9).to_owned() as u8))
        .collect();
    out.push(char::from(b'0' + d10 as u8));
    out.push(char::from(b'0' + d11 as u8));
    out
}

pub fn luhn(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() < 12 || digits.len() > 19 || digits.len() != number.len() {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// Card numbers are accepted with spaces or dashes between groups.
pub fn normalize_card(number: &str) -> String {
    number.chars().filter(|c| !matches!(c, ' ' | '-')).collect()
}

/// A plate's code part (after the province number): 1–3 letters then 2–5 digits, at most 7 characters.
pub fn is_valid_plate_code(code: &str) -> bool {
    let letters = code.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = code
        .chars()
        .skip(letters)
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=3).contains(&letters)
        && (2..=5).contains(&digits)
        && letters + digits == code.len()
        && code.len() <= 7
}

/// Splits `"34ABC123"` / `"34 ABC 123"` into province and code.
pub fn parse_plate(text: &str) -> Option<(u8, String)> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let split = compact.find(|c: char| !c.is_ascii_digit())?;
    let city: u8 = compact[..split].parse().ok()?;
    let code = compact[split..].to_owned();
    ((1..=81).contains(&city) && is_valid_plate_code(&code)).then_some((city, code))
}

pub fn is_plausible_email(text: &str) -> bool {
    let mut parts = text.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_tckn_is_valid_and_a_typo_is_not() {
        assert!(is_valid_tckn("11111111110"));
        assert!(is_valid_tckn("10000000146"));
        assert!(!is_valid_tckn("11111111111"));
        assert!(!is_valid_tckn("01111111110"));
        assert!(!is_valid_tckn("1111111111"));
    }

    #[test]
    fn generated_tckns_pass_the_checksum() {
        for seed in [
            [2, 3, 4, 5, 6, 7, 8, 9, 1],
            [9, 9, 9, 9, 9, 9, 9, 9, 9],
            [5, 0, 0, 0, 0, 0, 0, 0, 1],
        ] {
            assert!(is_valid_tckn(&complete_tckn(seed)), "{seed:?}");
        }
    }

    #[test]
    fn vkn_check_digit_follows_gib() {
        assert!(is_valid_vkn("6130782524"));
        assert!(!is_valid_vkn("6130782525"));
        assert!(!is_valid_vkn("613078252"));
    }

    #[test]
    fn test_cards_pass_luhn() {
        assert!(luhn("4242424242424242"));
        assert!(luhn("4000000000000002"));
        assert!(!luhn("4242424242424241"));
    }

    #[test]
    fn plates_parse_with_or_without_spaces() {
        assert_eq!(parse_plate("34ABC123"), Some((34, "ABC123".to_owned())));
        assert_eq!(parse_plate("06 a 1234"), Some((6, "A1234".to_owned())));
        assert_eq!(parse_plate("99ABC123"), None);
        assert_eq!(parse_plate("34ABCD12"), None);
        assert_eq!(parse_plate("34AB1"), None);
    }
}
