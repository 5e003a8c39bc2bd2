//! `proposals get` and `policies get`: one record, as text or JSON.

use std::collections::BTreeSet;

use insurup::{PolicyId, Product, ProductState, Proposal, ProposalId, ProposalProductId};

use crate::cli::GlobalArgs;
use crate::commands::lists::date_part;
use crate::failure::Failure;
use crate::render::{self, or_dash, say};
use crate::settings::Settings;

/// `insurup proposals get ID`
pub async fn proposal(id: &str, global: &GlobalArgs) -> Result<(), Failure> {
    let client = Settings::load(global)?.client().await?;
    let proposal = client.proposals().get(&ProposalId::new(id)).await?;
    if global.json {
        render::print_json(&proposal);
        return Ok(());
    }
    let priced = proposal
        .products
        .iter()
        .filter(|p| !p.premiums.is_empty())
        .count();
    say(format!(
        "{} {} — {}, {}, created {}, {priced} of {} insurers priced",
        render::strong("Proposal"),
        proposal.id,
        proposal.product_branch,
        proposal.state,
        or_dash(proposal.created_at.as_deref().map(date_part)),
        proposal.products.len(),
    ));
    if priced > 0 {
        say(offers_table(&proposal, None, true));
    }
    for line in unpriced_lines(&proposal) {
        say(line);
    }
    Ok(())
}

/// `insurup policies get ID`
pub async fn policy(id: &str, global: &GlobalArgs) -> Result<(), Failure> {
    let client = Settings::load(global)?.client().await?;
    let policy = client.policies().get(&PolicyId::new(id)).await?;
    if global.json {
        render::print_json(&policy);
        return Ok(());
    }
    let mut table = render::table(["Policy", policy.id.as_str()]);
    let period = match (&policy.start_date, &policy.end_date) {
        (Some(start), Some(end)) => format!("{} → {}", date_part(start), date_part(end)),
        _ => "-".to_owned(),
    };
    let rows = [
        ("Policy number", or_dash(policy.policy_number.as_ref())),
        ("State", policy.state.to_string()),
        ("Branch", or_dash(policy.product_branch.as_ref())),
        ("Insurer", or_dash(policy.insurance_company_name.as_ref())),
        ("Product", or_dash(policy.product_name.as_ref())),
        ("Insured", or_dash(policy.insured_customer_name.as_ref())),
        ("Plate", or_dash(policy.vehicle_plate.as_ref())),
        ("Period", period),
        (
            "Gross premium",
            or_dash(policy.gross_premium.map(render::money)),
        ),
        (
            "Net premium",
            or_dash(policy.net_premium.map(render::money)),
        ),
        ("Commission", or_dash(policy.commission.map(render::money))),
        ("Installments", or_dash(policy.installment_number)),
        ("Payment", or_dash(policy.payment_type.as_ref())),
        ("Proposal", or_dash(policy.proposal_id.as_ref())),
    ];
    for (name, value) in rows {
        table.add_row([name.to_owned(), value]);
    }
    say(table);
    Ok(())
}

/// Every priced product of a proposal, cheapest cash premium first, one column per installment
/// count. `chosen` is starred; `with_ids` adds the product ids.
pub fn offers_table(
    proposal: &Proposal,
    chosen: Option<&ProposalProductId>,
    with_ids: bool,
) -> comfy_table::Table {
    let priced = priced_products(proposal);
    let installments: BTreeSet<u32> = priced
        .iter()
        .flat_map(|product| product.premiums.iter().map(|p| p.installment_number))
        .collect();
    let mut header = vec!["Insurer".to_owned(), "Product".to_owned()];
    header.extend(installments.iter().map(|&n| match n {
        1 => "Cash".to_owned(),
        n => format!("{n} installments"),
    }));
    header.push("State".to_owned());
    if with_ids {
        header.push("Product id".to_owned());
    }
    let mut table = render::table(header);
    for product in priced {
        let mut insurer = product.insurance_company_name.clone();
        if chosen == Some(&product.id) {
            insurer.push_str(" ★");
        }
        let mut row = vec![insurer, product_name(product)];
        row.extend(
            installments
                .iter()
                .map(|&n| or_dash(product.premium(n).map(|p| render::money(p.gross_premium)))),
        );
        row.push(product.state.to_string());
        if with_ids {
            row.push(product.id.to_string());
        }
        table.add_row(row);
    }
    table
}

/// Products with premiums, cheapest (by their lowest-installment premium) first.
pub fn priced_products(proposal: &Proposal) -> Vec<&Product> {
    let mut priced: Vec<&Product> = proposal
        .products
        .iter()
        .filter(|product| !product.premiums.is_empty())
        .collect();
    priced.sort_by(|a, b| entry_premium(a).total_cmp(&entry_premium(b)));
    priced
}

fn entry_premium(product: &Product) -> f64 {
    product
        .premiums
        .iter()
        .min_by_key(|premium| premium.installment_number)
        .map_or(f64::INFINITY, |premium| premium.gross_premium)
}

/// `Kasko (Genişletilmiş Kasko)`: the product and, when there is one, its coverage group.
pub fn product_name(product: &Product) -> String {
    match &product.coverage_group_name {
        Some(group) if !group.is_empty() && *group != product.product_name => {
            format!("{} ({group})", product.product_name)
        }
        _ => product.product_name.clone(),
    }
}

/// One line per insurer that gave no premium, with its reason.
pub fn unpriced_lines(proposal: &Proposal) -> Vec<String> {
    proposal
        .products
        .iter()
        .filter(|product| product.premiums.is_empty())
        .map(|product| {
            let reason = match product.state {
                ProductState::Waiting => "still waiting for the insurer".to_owned(),
                _ => product
                    .error_message
                    .clone()
                    .unwrap_or_else(|| product.state.to_string()),
            };
            format!(
                "{} {}: {}",
                render::fail_mark(),
                product.insurance_company_name,
                reason
            )
        })
        .collect()
}
