//! Bad input is refused locally, with an error naming the field, before any request is sent.

mod support;

use insurup::{
    Card, ErrorKind, ListQuery, NewCompanyCustomer, NewCustomer, NewProperty, NewProposal,
    NewVehicle, NewWebhook, Payment, ProductBranch, WebhookEvent,
};
use support::*;

fn expect_field<T: std::fmt::Debug>(result: insurup::Result<T>, field: &str) {
    let error = result.expect_err(field);
    assert_eq!(error.kind(), ErrorKind::Validation, "{field}: {error}");
    assert_eq!(error.field(), Some(field), "{error}");
}

fn bad_card(number: &str, cvc: &str, month: &str, year: &str, holder: &str, field: &str) {
    expect_field(Card::new(number, cvc, month, year, holder), field);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_before_anything_is_sent() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let customers = client.customers();

    let individual = |tckn: &str| NewCustomer::individual(tckn).with_birth_date("1990-01-01");
    expect_field(
        customers.create(individual("11111111111")).await,
        "identity_number",
    );
    expect_field(
        customers.create(individual("1111111111")).await,
        "identity_number",
    );
    expect_field(
        customers.create(individual("01111111110")).await,
        "identity_number",
    );
    expect_field(
        customers.create(individual("1111111111a")).await,
        "identity_number",
    );
    expect_field(
        customers
            .create(individual(TCKN).with_email("not-an-email"))
            .await,
        "email",
    );
    expect_field(
        customers
            .create(individual(TCKN).with_phone_number("12345"))
            .await,
        "phone_number",
    );
    expect_field(
        customers
            .create(NewCustomer::individual(TCKN).with_birth_date("2999-01-01"))
            .await,
        "birth_date",
    );
    expect_field(
        customers
            .create(NewCustomer::individual(TCKN).with_birth_date("01.01.1990"))
            .await,
        "birth_date",
    );
    expect_field(
        customers
            .create(NewCustomer::company("6130782525", "Acme A.Ş."))
            .await,
        "tax_number",
    );
    expect_field(
        customers
            .create_company(NewCompanyCustomer {
                tax_number: "6130782524".into(),
                title: " ".into(),
                ..NewCompanyCustomer::default()
            })
            .await,
        "title",
    );
    expect_field(
        customers
            .create(NewCustomer::foreign("12345678901", "1990-01-01"))
            .await,
        "identity_number",
    );
    expect_field(customers.get(&"../admin".into()).await, "customer_id");

    let vehicles = client.vehicles();
    let owner = insurup::CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001");
    expect_field(
        vehicles.create(&owner, NewVehicle::new("82ABC123")).await,
        "plate",
    );
    expect_field(
        vehicles.create(&owner, NewVehicle::new("34 ABCD 1")).await,
        "plate",
    );
    expect_field(
        vehicles
            .create(
                &owner,
                NewVehicle::new(PLATE).with_document_serial("ABC", "123456"),
            )
            .await,
        "document_serial_code",
    );
    expect_field(
        vehicles
            .create(
                &owner,
                NewVehicle::new(PLATE).with_document_serial("AB", "12345"),
            )
            .await,
        "document_serial_number",
    );
    expect_field(
        vehicles
            .create(
                &owner,
                NewVehicle::new(PLATE).with_model("TOYOTA", "COROLLA", 1900),
            )
            .await,
        "model_year",
    );
    expect_field(
        vehicles.lookup(&owner, "not a plate", None, None).await,
        "plate",
    );

    let proposals = client.proposals();
    let mut no_vehicle = NewProposal::kasko(owner.clone(), "v1");
    no_vehicle.vehicle_id = None;
    expect_field(proposals.create(no_vehicle).await, "vehicle_id");
    expect_field(
        proposals
            .create(
                NewProposal::kasko(owner.clone(), "v1").with_coverage_groups(["a", "b", "c", "d"]),
            )
            .await,
        "coverage_group_ids",
    );
    expect_field(
        proposals
            .create(NewProposal::kasko(owner.clone(), "v1").with_policy_start_date("2000-01-01"))
            .await,
        "policy_start_date",
    );
    let mut pension = NewProposal::kasko(owner.clone(), "v1");
    pension.product_branch = ProductBranch::Bes;
    expect_field(proposals.create(pension).await, "product_branch");
    expect_field(
        proposals
            .wait(&"bad id!".into(), insurup::WaitOptions::default())
            .await,
        "proposal_id",
    );

    bad_card(
        "4242424242424241",
        "123",
        "12",
        "2030",
        "AHMET",
        "card.number",
    );
    bad_card("4242", "123", "12", "2030", "AHMET", "card.number");
    bad_card(GOOD_CARD, "12", "12", "2030", "AHMET", "card.cvc");
    bad_card(GOOD_CARD, "12a", "12", "2030", "AHMET", "card.cvc");
    bad_card(GOOD_CARD, "123", "13", "2030", "AHMET", "card.expiry_month");
    bad_card(GOOD_CARD, "123", "01", "2020", "AHMET", "card.expiry_year");
    bad_card(GOOD_CARD, "123", "12", "2030", "  ", "card.holder_name");
    expect_field(card().with_identity_number("123"), "card.identity_number");
    expect_field(
        client
            .purchase()
            .sync(
                &"64b000000000000000000001".into(),
                &"64b000000000000000000002".into(),
                Payment::credit_card(card(), 0),
            )
            .await,
        "installment_number",
    );

    expect_field(
        client
            .properties()
            .create(
                &owner,
                NewProperty {
                    property_number: 12345,
                    square_meter: 100,
                    construction_year: 2000,
                    utilization_style: None,
                    ownership_type: None,
                    floor: None,
                },
            )
            .await,
        "property_number",
    );
    expect_field(
        client
            .webhooks()
            .create(NewWebhook::new(
                "http://crm.example.com/hook",
                vec![WebhookEvent::PolicyCreated],
                "0123456789abcdef",
            ))
            .await,
        "url",
    );
    expect_field(
        client
            .webhooks()
            .create(NewWebhook::new(
                "https://crm.example.com/hook",
                vec![],
                "0123456789abcdef",
            ))
            .await,
        "events",
    );
    expect_field(
        client.graphql().policies(&ListQuery::first(0)).await,
        "first",
    );
    expect_field(
        client.graphql().policies(&ListQuery::first(501)).await,
        "first",
    );
    expect_field(
        client
            .policies()
            .send_document(&"64b000000000000000000003".into(), Some("nope"))
            .await,
        "email",
    );

    let stats = sandbox.stats().await;
    assert_eq!(stats["logins"], 0, "{stats}");
    assert_eq!(sandbox.total_requests().await, 0, "{stats}");
}

#[test]
fn bad_client_settings_are_refused_when_the_client_is_built() {
    let builder = || insurup::Client::builder().agent_user(AGENT, PASSWORD);
    expect_field(
        builder().base_url("http://api.insurup.com").build(),
        "base_url",
    );
    expect_field(builder().base_url("ftp://127.0.0.1").build(), "base_url");
    expect_field(
        builder().timeout(std::time::Duration::ZERO).build(),
        "timeout",
    );
    expect_field(builder().agent_id("not valid!").build(), "agent_id");
    expect_field(
        insurup::Client::builder()
            .agent_user("not-an-email", PASSWORD)
            .build(),
        "email",
    );
    expect_field(
        insurup::Client::builder()
            .client_credentials("", "secret")
            .build(),
        "client_id",
    );
    expect_field(insurup::Client::builder().build(), "credentials");
}

#[tokio::test(flavor = "multi_thread")]
async fn waits_of_any_size_are_checked_not_panicked_on() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let proposal = insurup::ProposalId::new("6650a1b2c3d4e5f601a2b3c4");
    let huge = insurup::WaitOptions {
        timeout: std::time::Duration::MAX,
        ..insurup::WaitOptions::default()
    };
    expect_field(client.proposals().watch(&proposal, huge), "timeout");
    let endless_pause = insurup::WaitOptions {
        poll_interval: std::time::Duration::MAX,
        ..insurup::WaitOptions::default()
    };
    expect_field(
        client.proposals().wait(&proposal, endless_pause).await,
        "poll_interval",
    );
    for (settings, field) in [
        (
            insurup::WaitSettings {
                timeout: Some(1e300),
                ..insurup::WaitSettings::default()
            },
            "timeout",
        ),
        (
            insurup::WaitSettings {
                max_poll_interval: Some(f64::NAN),
                ..insurup::WaitSettings::default()
            },
            "max_poll_interval",
        ),
    ] {
        expect_field(insurup::WaitOptions::try_from(settings), field);
    }
    assert_eq!(sandbox.total_requests().await, 0, "nothing was sent");
}
