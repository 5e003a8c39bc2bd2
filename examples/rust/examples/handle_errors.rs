//! What each error kind means and what to do about it.
//!
//!     cargo run -p insurup-examples --example handle_errors

use insurup::{Card, ErrorKind, NewCustomer, Payment, ProposalId};
use insurup_sandbox::SandboxConfig;

fn advice(error: &insurup::Error) -> String {
    match error.kind() {
        ErrorKind::Validation => format!("fix the input field `{}`", error.field().unwrap_or("?")),
        ErrorKind::Authentication => "check the credentials".to_owned(),
        ErrorKind::TwoFactorRequired => "configure a two-factor provider".to_owned(),
        ErrorKind::PermissionDenied => "ask the agency owner for the permission".to_owned(),
        ErrorKind::NotFound => "check the id (or the user's data scope)".to_owned(),
        ErrorKind::Conflict => "the resource exists or is in the wrong state".to_owned(),
        ErrorKind::BadRequest => {
            format!("the request was refused: {:?}", error.validation_errors())
        }
        ErrorKind::Unprocessable => format!(
            "show the customer: {} {}",
            error.detail().unwrap_or(""),
            error.suggestions().join(" ")
        ),
        ErrorKind::RateLimit => format!("slow down; retry after {:?}", error.retry_after()),
        ErrorKind::Server | ErrorKind::Timeout | ErrorKind::Connection => {
            "retry later (the SDK already retried safe calls)".to_owned()
        }
        ErrorKind::PurchaseOutcomeUnknown => {
            let about = error.purchase();
            format!(
                "read product {:?} before buying again",
                about.map(|p| &p.product_id)
            )
        }
        ErrorKind::Decode => "report it with the request id".to_owned(),
        _ => "see the message".to_owned(),
    }
}

fn report(what: &str, error: &insurup::Error) {
    println!(
        "{what}: {} -> {} [request {}, trace {}]",
        error.kind(),
        advice(error),
        error.request_id().unwrap_or("-"),
        error.trace_id().unwrap_or("-")
    );
}

#[tokio::main]
async fn main() -> insurup::Result<()> {
    let insurup_examples::Connection {
        client,
        sandbox: _sandbox,
    } = insurup_examples::connect(SandboxConfig::for_tests()).await?;

    // Caught locally, nothing sent.
    if let Err(error) = client
        .customers()
        .create(NewCustomer::individual("12345678901"))
        .await
    {
        report("bad TCKN", &error);
    }
    if let Err(error) = Card::new("4242424242424241", "123", "12", "2030", "AHMET YILMAZ") {
        report("mistyped card", &error);
    }
    // Answered by the API.
    if let Err(error) = client
        .proposals()
        .get(&ProposalId::new("64b000000000000000000999"))
        .await
    {
        report("unknown proposal", &error);
    }
    let customer = client
        .customers()
        .ensure(NewCustomer::individual("11111111110").with_birth_date("1990-01-01"))
        .await?;
    if let Err(error) = client
        .customers()
        .create(NewCustomer::individual("11111111110"))
        .await
    {
        report("duplicate customer", &error);
    }
    let vehicle = client
        .vehicles()
        .create(&customer.id, insurup::NewVehicle::new("34ABC123"))
        .await?;
    let proposal = client
        .proposals()
        .create(insurup::NewProposal::trafik(&customer.id, &vehicle.id))
        .await?;
    let proposal = client
        .proposals()
        .wait(&proposal.id, insurup::WaitOptions::default())
        .await?;
    if let Some(best) = proposal.cheapest_product(1) {
        let declined = Card::new("4000000000000002", "123", "12", "2030", "AHMET YILMAZ")?;
        if let Err(error) = client
            .purchase()
            .sync(&proposal.id, &best.id, Payment::credit_card(declined, 1))
            .await
        {
            report("declined card", &error);
        }
    }
    Ok(())
}
