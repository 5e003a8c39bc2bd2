//! Property tests: the validators agree with reference implementations written here from the
//! published algorithms, parsers round-trip what they parse, and no input makes a parser panic.
//!
//! The references are deliberately written differently from the core (other formulations of the
//! same published rules), so a shared mistake is unlikely.

use insurup::validate::{is_valid_luhn, is_valid_tckn, is_valid_vkn, parse_plate};
use insurup::{Card, ErrorKind, PhoneNumber, Plate, Problem};
use proptest::prelude::*;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Reference implementations
// ---------------------------------------------------------------------------------------------

/// TCKN as the population registry publishes it: 11 digits, no leading zero;
/// d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10; d11 = (d1+…+d10) mod 10.
fn reference_tckn(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 11 || !bytes.iter().all(u8::is_ascii_digit) || bytes[0] == b'0' {
        return false;
    }
    let d = |position: usize| i32::from(bytes[position - 1] - b'0');
    let odd = d(1) + d(3) + d(5) + d(7) + d(9);
    let even = d(2) + d(4) + d(6) + d(8);
    let tenth = ((odd * 7 - even) % 10 + 10) % 10;
    let eleventh = (1..=10).map(d).sum::<i32>() % 10;
    d(10) == tenth && d(11) == eleventh
}

/// The two check digits that make `nine` (nine digits, first non-zero) a TCKN.
fn tckn_from(nine: &str) -> String {
    let digits: Vec<i32> = nine.bytes().map(|b| i32::from(b - b'0')).collect();
    let odd: i32 = digits.iter().step_by(2).sum();
    let even: i32 = digits.iter().skip(1).step_by(2).sum();
    let tenth = ((odd * 7 - even) % 10 + 10) % 10;
    let eleventh = (digits.iter().sum::<i32>() + tenth) % 10;
    format!("{nine}{tenth}{eleventh}")
}

/// VKN in the revenue administration's (GİB) formulation: for the first nine digits,
/// t = (digit + 10 − position) mod 10; v = 9 when t = 9, else t·2^(10 − position) mod 9;
/// the tenth digit is (10 − Σv mod 10) mod 10.
fn reference_vkn(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    vkn_check_digit(&text[..9]) == u32::from(bytes[9] - b'0')
}

fn vkn_check_digit(nine: &str) -> u32 {
    let mut sum = 0;
    for (index, byte) in nine.bytes().enumerate() {
        let position = index as u32 + 1;
        let t = (u32::from(byte - b'0') + 10 - position) % 10;
        sum += if t == 9 {
            9
        } else {
            t * 2u32.pow(10 - position) % 9
        };
    }
    (10 - sum % 10) % 10
}

/// Luhn, walking from the left with the parity of the length: every digit whose distance from
/// the right end is odd is doubled and its two decimal digits are added.
fn reference_luhn(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let parity = bytes.len() % 2;
    let sum: u32 = bytes
        .iter()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            if index % 2 == parity {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                digit
            }
        })
        .sum();
    sum % 10 == 0
}

/// The digit that completes `body` into a Luhn-valid number.
fn luhn_complete(body: &str) -> String {
    (0..10)
        .map(|check| format!("{body}{check}"))
        .find(|candidate| reference_luhn(candidate))
        .expect("exactly one check digit completes any body")
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

fn digits(count: usize) -> impl Strategy<Value = String> + Clone {
    proptest::collection::vec(0u8..10, count)
        .prop_map(|ds| ds.into_iter().map(|d| char::from(b'0' + d)).collect())
}

fn nine_digits_no_leading_zero() -> impl Strategy<Value = String> + Clone {
    (1u8..10, digits(8)).prop_map(|(first, rest)| format!("{first}{rest}"))
}

/// A valid TCKN, or one with one digit changed or two neighbours swapped — the typos a form
/// sees most.
fn tckn_like() -> impl Strategy<Value = String> {
    let valid = nine_digits_no_leading_zero().prop_map(|nine| tckn_from(&nine));
    prop_oneof![
        valid.clone(),
        (valid.clone(), 0usize..11, 0u8..10).prop_map(|(t, at, d)| replace_digit(&t, at, d)),
        (valid, 0usize..10).prop_map(|(t, at)| swap_neighbours(&t, at)),
        digits(11),
        "[0-9]{0,13}",
    ]
}

fn replace_digit(text: &str, at: usize, digit: u8) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes[at] = b'0' + digit;
    String::from_utf8(bytes).expect("digits are ASCII")
}

fn swap_neighbours(text: &str, at: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes.swap(at, at + 1);
    String::from_utf8(bytes).expect("digits are ASCII")
}

fn vkn_like() -> impl Strategy<Value = String> {
    let valid = digits(9).prop_map(|nine| {
        let check = vkn_check_digit(&nine);
        format!("{nine}{check}")
    });
    prop_oneof![
        valid.clone(),
        (valid.clone(), 0usize..10, 0u8..10).prop_map(|(v, at, d)| replace_digit(&v, at, d)),
        (valid, 0usize..9).prop_map(|(v, at)| swap_neighbours(&v, at)),
        digits(10),
        "[0-9]{0,12}",
    ]
}

fn card_number_like() -> impl Strategy<Value = String> {
    let valid = (11usize..19)
        .prop_flat_map(digits)
        .prop_map(|body| luhn_complete(&body));
    prop_oneof![
        valid.clone(),
        (valid.clone(), any::<prop::sample::Index>(), 0u8..10)
            .prop_map(|(n, at, d)| replace_digit(&n, at.index(n.len()), d)),
        (valid, any::<prop::sample::Index>())
            .prop_map(|(n, at)| swap_neighbours(&n, at.index(n.len() - 1))),
        "[0-9]{2,22}",
    ]
}

/// A plate as the registry writes it: province 01–81, then 1 letter + 4–5 digits, 2 letters +
/// 3–4 digits, or 3 letters + 2–3 digits.
fn valid_plate() -> impl Strategy<Value = (u32, String)> {
    let shape = prop_oneof![
        ("[A-Z]{1}", "[0-9]{4,5}"),
        ("[A-Z]{2}", "[0-9]{3,4}"),
        ("[A-Z]{3}", "[0-9]{2,3}"),
    ];
    (1u32..=81, shape).prop_map(|(city, (letters, numbers))| (city, format!("{letters}{numbers}")))
}

/// Any JSON value, nested a few levels, with the keys a problem body uses mixed in.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("type".to_owned()),
        Just("title".to_owned()),
        Just("status".to_owned()),
        Just("detail".to_owned()),
        Just("codes".to_owned()),
        Just("traceId".to_owned()),
        Just("templateArgs".to_owned()),
        Just("suggestions".to_owned()),
        Just("validationErrors".to_owned()),
        Just("propertyName".to_owned()),
        Just("attemptedValue".to_owned()),
        ".{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key.clone(), inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn tckn_validation_agrees_with_the_registry_rule(candidate in tckn_like()) {
        prop_assert_eq!(is_valid_tckn(&candidate), reference_tckn(&candidate), "{}", candidate);
    }

    #[test]
    fn every_generated_tckn_is_accepted_and_a_single_changed_digit_is_refused(
        nine in nine_digits_no_leading_zero(),
        at in 0usize..11,
        shift in 1u8..10,
    ) {
        let tckn = tckn_from(&nine);
        prop_assert!(is_valid_tckn(&tckn), "{}", tckn);
        let digit = (tckn.as_bytes()[at] - b'0' + shift) % 10;
        let typo = replace_digit(&tckn, at, digit);
        // The tenth digit weighs body digits by 7 and −1, both invertible mod 10, so any change
        // to the body breaks it; a changed tenth or eleventh digit breaks the eleventh's sum.
        prop_assert!(!is_valid_tckn(&typo), "{} accepted after changing digit {}", typo, at);
    }

    #[test]
    fn vkn_validation_agrees_with_the_revenue_administrations_rule(candidate in vkn_like()) {
        prop_assert_eq!(is_valid_vkn(&candidate), reference_vkn(&candidate), "{}", candidate);
    }

    #[test]
    fn luhn_validation_agrees_with_the_reference(candidate in card_number_like()) {
        prop_assert_eq!(is_valid_luhn(&candidate), reference_luhn(&candidate), "{}", candidate);
    }

    #[test]
    fn luhn_refuses_every_single_digit_typo(body in (11usize..19).prop_flat_map(digits), at in any::<prop::sample::Index>(), shift in 1u8..10) {
        let number = luhn_complete(&body);
        let at = at.index(number.len());
        let digit = (number.as_bytes()[at] - b'0' + shift) % 10;
        prop_assert!(!is_valid_luhn(&replace_digit(&number, at, digit)));
    }

    #[test]
    fn validators_refuse_anything_that_is_not_all_digits(text in "\\PC{0,24}") {
        prop_assume!(!text.bytes().all(|b| b.is_ascii_digit()));
        prop_assert!(!is_valid_tckn(&text));
        prop_assert!(!is_valid_vkn(&text));
        prop_assert!(!is_valid_luhn(&text));
    }

    #[test]
    fn a_card_is_accepted_exactly_when_its_number_passes_luhn_with_12_to_19_digits(
        number in card_number_like(),
        spaced in any::<bool>(),
    ) {
        let written = if spaced {
            number.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
        } else {
            number.clone()
        };
        let expected = reference_luhn(&number) && (12..=19).contains(&number.len());
        match Card::new(&written, "123", "12", "2099", "AHMET YILMAZ") {
            Ok(card) => {
                prop_assert!(expected, "{} accepted", number);
                prop_assert_eq!(card.last4(), &number[number.len() - 4..]);
                prop_assert!(!format!("{card:?}").contains(&number), "Debug shows the number");
            }
            Err(error) => {
                prop_assert!(!expected, "{} refused: {}", number, error);
                prop_assert_eq!(error.kind(), ErrorKind::Validation);
                prop_assert_eq!(error.field(), Some("card.number"));
                // Numbers of a few digits appear in the message by coincidence ("12 to 19 digits").
                if number.len() >= 6 {
                    prop_assert!(!error.to_string().contains(&number), "the error quotes the number");
                }
            }
        }
    }

    #[test]
    fn plates_parse_into_province_and_code_and_print_back_the_same(
        (city, code) in valid_plate(),
        spaced in any::<bool>(),
        lower in any::<bool>(),
    ) {
        let mut written = format!("{city:02}{code}");
        if spaced {
            let split = code.find(|c: char| c.is_ascii_digit()).expect("digits follow letters");
            written = format!("{city:02} {} {}", &code[..split], &code[split..]);
        }
        if lower {
            written = written.to_lowercase();
        }
        let plate = Plate::parse(&written).expect("a registry plate parses");
        prop_assert_eq!(plate.city, city);
        prop_assert_eq!(&plate.code, &code);
        prop_assert_eq!(Plate::parse(&plate.to_string()), Some(plate.clone()));
        let parts = parse_plate(&written).expect("the validator agrees");
        prop_assert_eq!(u32::from(parts.city), city);
    }

    #[test]
    fn whatever_a_plate_parser_accepts_round_trips(text in "[0-9A-Za-z -]{0,14}") {
        if let Some(plate) = Plate::parse(&text) {
            prop_assert!((1..=81).contains(&plate.city));
            prop_assert_eq!(Plate::parse(&plate.to_string()), Some(plate));
        }
    }

    #[test]
    fn phone_numbers_parse_to_ten_national_digits_and_print_back_the_same(text in "[0-9+() -]{0,20}") {
        if let Some(phone) = PhoneNumber::parse_turkish(&text) {
            prop_assert_eq!(phone.country_code, 90);
            prop_assert_eq!(phone.number.len(), 10);
            prop_assert!(!phone.number.starts_with('0'));
            prop_assert_eq!(PhoneNumber::parse_turkish(&phone.to_string()), Some(phone));
        }
    }

    #[test]
    fn problem_parsing_never_panics_on_any_json(value in any_json()) {
        let body = serde_json::to_vec(&value).expect("a JSON value serialises");
        let parsed = Problem::parse(&body);
        if !value.is_object() {
            prop_assert!(parsed.is_none(), "only a JSON object is a problem");
        }
    }

    #[test]
    fn problem_parsing_never_panics_on_any_bytes(body in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = Problem::parse(&body);
    }

    #[test]
    fn attempted_values_of_sensitive_fields_never_survive_parsing(
        field in prop_oneof![Just("card.number"), Just("Card.Cvc"), Just("password"), Just("refreshToken"), Just("clientSecret")],
        attempted in prop_oneof![
            "[0-9]{12,19}".prop_map(Value::String),
            any::<u64>().prop_map(Value::from),
            Just(json!({"nested": "4242424242424242"})),
        ],
        detail in ".{0,20}",
    ) {
        let body = json!({
            "status": 400,
            "detail": detail,
            "validationErrors": [{"propertyName": field, "errorMessage": "bad", "attemptedValue": attempted}],
        });
        let problem = Problem::parse(body.to_string().as_bytes()).expect("a problem object parses");
        let kept = problem.validation_errors[0].attempted_value.as_deref();
        prop_assert_eq!(kept, Some("[REDACTED]"));
    }
}

#[test]
fn the_references_accept_the_published_samples() {
    assert!(reference_tckn("11111111110"));
    assert!(reference_tckn("10000000146"));
    assert!(reference_vkn("6130782524"));
    assert!(!reference_vkn("6130782525"));
    assert!(reference_luhn("4242424242424242"));
    assert!(reference_luhn("4000000000000002"));
    assert!(reference_luhn("79927398713"));
    assert!(!reference_luhn("79927398710"));
}

#[test]
fn a_single_digit_is_never_a_card_number() {
    // The reference would accept "0"; the SDK asks for at least two digits, and cards for twelve.
    for digit in 0..10 {
        assert!(!is_valid_luhn(&digit.to_string()));
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs the fuzz targets (fuzz/) found, kept as regressions
// ---------------------------------------------------------------------------------------------

#[test]
fn a_graphql_error_without_a_message_still_says_what_happened() {
    let body = br#"{"errors":[{"extensions":{"code":"BAD_REQUEST"}}],"data":null}"#;
    let error = insurup::graphql::decode_list_answer::<insurup::graphql::PolicyRow>(body)
        .expect_err("an answer with errors is an error");
    assert_eq!(error.kind(), ErrorKind::BadRequest);
    assert!(error.to_string().contains("BAD_REQUEST"), "{error}");
    let bare = br#"{"errors":[{}]}"#;
    let error = insurup::graphql::decode_list_answer::<insurup::graphql::PolicyRow>(bare)
        .expect_err("an answer with errors is an error");
    assert!(!error.to_string().trim().is_empty());
}

#[test]
fn a_webhook_whose_event_name_is_empty_is_refused_not_parsed_as_an_unknown_event() {
    for body in [
        &br#"{"$event": "", "caseType": "SALE_OPPORTUNITY"}"#[..],
        br#"{"$event": "   "}"#,
    ] {
        let error = insurup::webhook::parse(body).expect_err("no event name");
        assert_eq!(error.kind(), ErrorKind::Decode);
    }
}

#[test]
fn an_unknown_customer_type_in_a_webhook_is_written_back_as_it_arrived() {
    let customer: insurup::webhook::InsuredCustomer =
        serde_json::from_value(json!({"$type": "inditIdual", "identityNumber": "11111111110"}))
            .expect("an unknown type is kept");
    let written = serde_json::to_value(&customer).expect("serialises");
    assert_eq!(written["$type"], "inditIdual");
    let known: insurup::webhook::InsuredCustomer =
        serde_json::from_value(json!({"$type": "INDIVIDUAL"})).expect("a known type");
    assert_eq!(
        serde_json::to_value(&known).expect("serialises")["$type"],
        "individual"
    );
}
