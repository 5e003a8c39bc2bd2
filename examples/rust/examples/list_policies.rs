//! Every active policy above 5 000 TL, most expensive first, streamed page by page.
//!
//!     cargo run -p insurup-examples --example list_policies

use futures::TryStreamExt;
use insurup::graphql::PolicyFields;
use insurup::{ListQuery, PolicyState};
use insurup_sandbox::SandboxConfig;

#[tokio::main]
async fn main() -> insurup::Result<()> {
    let insurup_examples::Connection {
        client,
        sandbox: _sandbox,
    } = insurup_examples::connect(SandboxConfig {
        generated_policies: 2_000,
        ..SandboxConfig::for_tests()
    })
    .await?;

    let query = ListQuery::first(200)
        .filter(PolicyFields::state().eq(PolicyState::Active))
        .filter(PolicyFields::gross_premium().gte(5000.0))
        .order_by(PolicyFields::gross_premium().desc());

    // One page, with the total…
    let page = client.graphql().policies(&query).await?;
    println!(
        "{} policies match; the first page has {}",
        page.total_count.unwrap_or(0),
        page.items.len()
    );

    // …or every row, fetched lazily: memory stays at one page however long the list is.
    let mut rows = Box::pin(client.graphql().policies_stream(query));
    let mut count = 0;
    let mut total_premium = 0.0;
    while let Some(row) = rows.try_next().await? {
        count += 1;
        total_premium += row.gross_premium.unwrap_or(0.0);
        if count <= 3 {
            println!(
                "{:>10.2} TL  {}  {}",
                row.gross_premium.unwrap_or(0.0),
                row.insurance_company_name.as_deref().unwrap_or("-"),
                row.insured_customer_name.as_deref().unwrap_or("-"),
            );
        }
    }
    println!("{count} rows, {total_premium:.2} TL in total");
    Ok(())
}
