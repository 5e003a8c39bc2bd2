//! Problem-details bodies as any server, proxy or load balancer might send them: parsing never
//! panics, never keeps the attempted value of a sensitive field, and reads back what it writes.
#![no_main]

use insurup::Problem;
use libfuzzer_sys::fuzz_target;

/// The field names whose attempted values must be redacted (as the core documents it).
const SENSITIVE: [&str; 6] = ["card", "cvc", "cvv", "password", "token", "secret"];

fuzz_target!(|body: &[u8]| {
    let Some(mut problem) = Problem::parse(body) else {
        return;
    };
    for field in &problem.validation_errors {
        let name = field.property_name.to_ascii_lowercase();
        if SENSITIVE.iter().any(|marker| name.contains(marker)) {
            assert!(
                matches!(field.attempted_value.as_deref(), None | Some("[REDACTED]")),
                "attempted value of {} kept",
                field.property_name
            );
        }
    }
    // Template arguments are free JSON whose floats need not survive a text round trip.
    problem.template_args = None;
    let written = serde_json::to_vec(&problem).expect("a problem serialises");
    let mut again = Problem::parse(&written).expect("a written problem parses");
    again.template_args = None;
    assert_eq!(again, problem);
});
