//! `proposals watch`: each insurer's answer printed the moment it arrives, pushed by the API's
//! real-time hub (or polled where there is none; `INSURUP_REAL_TIME=polling` forces it).

use std::time::Duration;

use insurup::{ProposalId, WaitOptions};
use serde_json::json;
use tokio::time::Instant;

use crate::cli::GlobalArgs;
use crate::commands::show::{offers_table, product_name, unpriced_lines};
use crate::failure::Failure;
use crate::render::{self, say};
use crate::settings::Settings;

/// One JSON object per line (JSON Lines), so a reader can act on each answer as it comes.
fn json_line(value: &serde_json::Value) {
    say(value);
}

/// `insurup proposals watch ID`
pub async fn proposal(id: &str, timeout: u64, global: &GlobalArgs) -> Result<(), Failure> {
    let client = Settings::load(global)?.client().await?;
    let started = Instant::now();
    let options = WaitOptions::with_timeout(Duration::from_secs(timeout));
    let mut watch = client.proposals().watch(&ProposalId::new(id), options)?;
    let mut last = None;
    while let Some(update) = watch.next().await? {
        let elapsed = started.elapsed();
        let live = watch.is_real_time();
        for product in &update.resolved {
            let premium = product.premium(1).map(|premium| premium.gross_premium);
            if global.json {
                json_line(&json!({
                    "elapsedMs": elapsed.as_millis() as u64,
                    "realTime": live,
                    "productId": product.id,
                    "insurer": product.insurance_company_name,
                    "product": product_name(product),
                    "state": product.state,
                    "grossPremium": premium,
                    "reason": product.error_message,
                }));
                continue;
            }
            let outcome = match premium {
                Some(premium) => format!("{} {:>15}", render::ok_mark(), render::money(premium)),
                None => format!(
                    "{} {}",
                    render::fail_mark(),
                    render::dim(product.error_message.as_deref().unwrap_or("no premium"))
                ),
            };
            say(format!(
                "{:>7.1} s  {:<22} {outcome}",
                elapsed.as_secs_f64(),
                product.insurance_company_name
            ));
        }
        last = Some(update);
    }
    let Some(last) = last else {
        return Ok(());
    };
    let proposal = &last.proposal;
    let answered = proposal
        .products
        .iter()
        .filter(|product| product.state.is_resolved())
        .count();
    if global.json {
        json_line(&json!({
            "finished": true,
            "complete": proposal.is_complete(),
            "answered": answered,
            "asked": proposal.products.len(),
            "elapsedMs": started.elapsed().as_millis() as u64,
        }));
        return Ok(());
    }
    say(format!(
        "{} of {} insurers answered in {:.1} s{}",
        answered,
        proposal.products.len(),
        started.elapsed().as_secs_f64(),
        if proposal.is_complete() {
            ""
        } else {
            " (the rest did not answer in time)"
        }
    ));
    if proposal.products.iter().any(|p| !p.premiums.is_empty()) {
        say(offers_table(proposal, None, true));
    }
    for line in unpriced_lines(proposal) {
        say(line);
    }
    Ok(())
}
