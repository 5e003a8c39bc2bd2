//! The local validators, on any text: the checksum validators, plate and phone parsing (which
//! must print back what they parse) and card construction (which must never show the number).
//! Lines of the input are the card's number, CVC, expiry month, expiry year, holder and TCKN.
#![no_main]

use insurup::validate::{is_valid_luhn, is_valid_tckn, is_valid_vkn, parse_plate};
use insurup::{Card, ErrorKind, PhoneNumber, Plate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    let _ = (
        is_valid_tckn(&text),
        is_valid_vkn(&text),
        is_valid_luhn(&text),
    );
    if is_valid_tckn(&text) {
        assert!(text.len() == 11 && text.bytes().all(|b| b.is_ascii_digit()));
    }

    if let Some(plate) = Plate::parse(&text) {
        assert!((1..=81).contains(&plate.city));
        assert_eq!(Plate::parse(&plate.to_string()).as_ref(), Some(&plate));
    }
    assert_eq!(parse_plate(&text).is_some(), Plate::parse(&text).is_some());

    if let Some(phone) = PhoneNumber::parse_turkish(&text) {
        assert_eq!(phone.number.len(), 10);
        assert_eq!(
            PhoneNumber::parse_turkish(&phone.to_string()).as_ref(),
            Some(&phone)
        );
    }

    let mut fields = text.split('\n');
    let mut next = || fields.next().unwrap_or("");
    let (number, cvc, month, year, holder, identity) =
        (next(), next(), next(), next(), next(), next());
    match Card::new(number, cvc, month, year, holder) {
        Ok(card) => {
            let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
            assert!(is_valid_luhn(&digits));
            // The other fields are shown as given: only judge the number when they do not
            // happen to spell it themselves.
            let others = format!(
                "{:?}{:?}{:?}",
                card.holder_name(),
                card.expiry_month(),
                card.expiry_year()
            );
            if !others.contains(&digits) {
                assert!(
                    !format!("{card:?}").contains(&digits),
                    "Debug shows the card number"
                );
            }
            assert!(digits.ends_with(card.last4()));
            if let Err(error) = card.with_identity_number(identity) {
                assert_eq!(error.kind(), ErrorKind::Validation);
            }
        }
        Err(error) => {
            assert_eq!(error.kind(), ErrorKind::Validation);
            assert!(
                error
                    .field()
                    .is_some_and(|field| field.starts_with("card."))
            );
        }
    }
});
