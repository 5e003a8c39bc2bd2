//! The B2B guide's flow: customer, vehicle, sale opportunity, kasko proposal, cheapest offer,
//! purchase with a card, policy.
//!
//!     cargo run -p insurup-examples --example quote_and_buy

use insurup::{
    Card, Channel, NewCustomer, NewProposal, NewVehicle, Payment, ProductBranch, WaitOptions,
};
use insurup_sandbox::SandboxConfig;

#[tokio::main]
async fn main() -> insurup::Result<()> {
    let insurup_examples::Connection {
        client,
        sandbox: _sandbox,
    } = insurup_examples::connect(SandboxConfig {
        latency_scale: 0.1,
        ..SandboxConfig::default()
    })
    .await?;

    let customer = client
        .customers()
        .ensure(NewCustomer::individual("11111111110").with_birth_date("1990-01-01"))
        .await?;
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new("34ABC123").with_document_serial("AB", "123456"),
        )
        .await?;
    let case = client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
        .await?;
    println!(
        "case {} for {}",
        case.case_ref.as_deref().unwrap_or("-"),
        customer.display_name()
    );

    let proposal = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await?;
    let proposal = client
        .proposals()
        .wait(&proposal.id, WaitOptions::default())
        .await?;
    for product in proposal
        .products
        .iter()
        .filter(|product| product.is_purchasable())
    {
        if let Some(cash) = product.premium(1) {
            println!(
                "{:<22} {:>10.2} TL",
                product.insurance_company_name, cash.gross_premium
            );
        }
    }

    let Some(best) = proposal.cheapest_product(1) else {
        println!("no insurer offered a cash premium");
        return Ok(());
    };
    let card = Card::new("4242424242424242", "123", "12", "2030", "AHMET YILMAZ")?;
    let bought = client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(card, 1))
        .await?;
    let policy = client.policies().get(&bought.policy_id).await?;
    println!(
        "bought {} from {}: policy {} ({})",
        policy.product_name.as_deref().unwrap_or("kasko"),
        best.insurance_company_name,
        policy.policy_number.as_deref().unwrap_or("-"),
        policy.state
    );
    Ok(())
}
