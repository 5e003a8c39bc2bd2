//! Whole GraphQL list answers (`data`, `errors[]`, connections with `nodes` or `edges`), decoded
//! the way `client.graphql()` decodes them: a page or a typed error, never a panic.
#![no_main]

use insurup::graphql::{CaseRow, CustomerRow, Listing, PolicyRow, ProposalRow, decode_list_answer};
use libfuzzer_sys::fuzz_target;

fn decode<R: Listing>(body: &[u8]) {
    match decode_list_answer::<R>(body) {
        Ok(page) => {
            let (_, rows) = R::info(&page);
            assert_eq!(R::into_rows(page).len(), rows);
        }
        Err(error) => {
            // Rendering an error must not panic either, and it always says something.
            assert!(!format!("{error}").is_empty());
            let _ = format!("{error:?}");
        }
    }
}

fuzz_target!(|body: &[u8]| {
    decode::<CustomerRow>(body);
    decode::<ProposalRow>(body);
    decode::<PolicyRow>(body);
    decode::<CaseRow>(body);
});
