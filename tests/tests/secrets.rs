//! Secrets never leave in clear: the whole flow at TRACE level, every log line, Debug and Display
//! output and error message is searched for the password, tokens, card number and CVC.

mod support;

use std::io::Write;

use std::sync::{Arc, Mutex};
use tracing_subscriber::Layer;

use insurup::{Card, MemoryTokenStore, Payment, TokenStore};
use support::*;

const CVC: &str = "7391";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_secret_appears_in_logs_debug_output_or_errors() {
    let logs = Captured::default();
    let writer = logs.clone();
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    // Everything at TRACE except the sandbox's own logs: it is the server side of this test.
    let client_side =
        tracing_subscriber::filter::filter_fn(|meta| !meta.target().starts_with("insurup_sandbox"));
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(move || writer.clone())
                .with_filter(client_side),
        )
        .with(tracing_subscriber::filter::LevelFilter::TRACE)
        .init();

    let sandbox = TestSandbox::start().await;
    let store = Arc::new(MemoryTokenStore::new());
    let client = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(insurup::fixed_code(MFA_CODE))
        .token_store(store.clone())
        .build()
        .expect("client");
    let mut printed = vec![format!("{client:?}")];

    let quoted = quote(&client, &tckn(41)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    let declined = Card::new(DECLINED_CARD, CVC, "12", "2030", "AHMET YILMAZ").expect("card");
    printed.push(format!("{declined:?}"));
    let error = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(declined, 1),
        )
        .await
        .expect_err("declined");
    printed.push(format!("{error}"));
    printed.push(format!("{error:?}"));
    let good = Card::new(GOOD_CARD, CVC, "12", "2030", "AHMET YILMAZ").expect("card");
    let payment = Payment::credit_card(good, 1);
    printed.push(format!("{payment:?}"));
    let bought = client
        .purchase()
        .sync(&quoted.proposal.id, &best.id, payment)
        .await
        .expect("bought");
    printed.push(format!("{bought:?}"));
    let bad_card = Card::new("4242424242424241", CVC, "12", "2030", "X").expect_err("luhn");
    printed.push(format!("{bad_card} {bad_card:?}"));

    let tokens = store.load().await.expect("load").expect("tokens");
    printed.push(format!("{tokens:?}"));
    printed.push(format!("{store:?}"));
    let access = tokens.access_token.expose().to_owned();
    let refresh = tokens
        .refresh_token
        .as_ref()
        .expect("refresh")
        .expose()
        .to_owned();

    let logs = String::from_utf8_lossy(&logs.0.lock().expect("logs")).into_owned();
    assert!(logs.contains("insurup.request"), "TRACE logs were captured");
    let everything = format!("{logs}\n{}", printed.join("\n"));
    for (name, secret) in [
        ("password", PASSWORD),
        ("access token", access.as_str()),
        ("refresh token", refresh.as_str()),
        ("good card number", GOOD_CARD),
        ("declined card number", DECLINED_CARD),
        ("2FA code", MFA_CODE),
    ] {
        assert!(!everything.contains(secret), "the {name} leaked");
    }
    for line in everything.lines() {
        let names_the_cvc = line.to_lowercase().contains("cvc") && line.contains(CVC);
        let quotes_the_cvc = line.contains(&format!("\"{CVC}\""));
        assert!(!names_the_cvc && !quotes_the_cvc, "the CVC leaked: {line}");
    }
    assert!(
        everything.contains("4242"),
        "the last four digits are kept for people"
    );
}
