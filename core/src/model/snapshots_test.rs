//! Snapshots of the request bodies the SDK sends and of redacted Debug output.

use super::*;
use crate::secret::Secret;

fn date_in_future() -> String {
    let year = crate::validate::current_month().0 + 1;
    format!("{year}-01-15")
}

#[test]
fn customer_bodies_match_the_polymorphic_api_shape() {
    let individual = NewCustomer::individual("11111111110")
        .with_birth_date("1990-01-01")
        .with_full_name("AHMET YILMAZ")
        .with_email("ahmet@example.com")
        .with_phone_number("0532 123 45 67");
    insta::assert_json_snapshot!(
        "individual_customer_body",
        individual.to_body().expect("valid")
    );
    let company =
        NewCustomer::company("6130782524", "Örnek Lojistik A.Ş.").with_email("info@ornek.com.tr");
    insta::assert_json_snapshot!("company_customer_body", company.to_body().expect("valid"));
}

#[test]
fn vehicle_body_uses_the_structured_plate_and_serial() {
    let mut vehicle = NewVehicle::new("34 abc 123").with_document_serial("ab", "123456");
    vehicle.model_year = Some(2021);
    vehicle.brand_reference = Some("TOYOTA".into());
    vehicle.model_type_reference = Some("COROLLA".into());
    let body = vehicle
        .to_body(&CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001"))
        .expect("valid");
    insta::assert_json_snapshot!("vehicle_body", body);
}

#[test]
fn proposal_body_uses_the_current_dialect() {
    let proposal = NewProposal::kasko(
        "3f2b8c1e-0000-4000-8000-000000000001",
        "7c1d0000-0000-4000-8000-000000000002",
    )
    .with_coverage_groups(["64b0000000000000000000c1"])
    .with_policy_start_date(date_in_future())
    .with_agent_branch_id("64b0000000000000000000b1");
    let body = proposal.to_body().expect("valid");
    insta::assert_json_snapshot!("kasko_proposal_body", body, {".policyStartDate" => "[future date]"});
}

#[test]
fn purchase_bodies_carry_the_card_only_in_the_body() {
    let card =
        Card::new("4242 4242 4242 4242", "123", "12", "2030", " AHMET YILMAZ ").expect("card");
    let payment = Payment::credit_card(card, 3);
    let (proposal, product) = (
        ProposalId::new("64b0000000000000000000a1"),
        ProposalProductId::new("64b0000000000000000000a2"),
    );
    insta::assert_json_snapshot!(
        "credit_card_purchase_body",
        payment.to_body(&proposal, &product).expect("valid")
    );
    insta::assert_snapshot!("credit_card_payment_debug", format!("{payment:#?}"));
    let open = Payment::open_account(1);
    insta::assert_json_snapshot!(
        "open_account_purchase_body",
        open.to_body(&proposal, &product).expect("valid")
    );
}

#[test]
fn debug_output_of_secret_holders_is_redacted() {
    let details = CardDetails {
        number: "4242424242424242".into(),
        cvc: "123".into(),
        expiry_month: "12".into(),
        expiry_year: "2030".into(),
        holder_name: "AHMET YILMAZ".into(),
        identity_number: None,
    };
    let credentials = crate::Credentials::AgentUser {
        email: "ops@acente.com.tr".into(),
        password: Secret::new("hunter2"),
    };
    let webhook = NewWebhook::new(
        "https://crm.example.com/insurup",
        vec![WebhookEvent::PolicyCreated],
        "whsec_0123456789abcdef",
    );
    insta::assert_snapshot!(
        "redacted_debug",
        format!("{details:?}\n{credentials:?}\n{webhook:?}")
    );
}
