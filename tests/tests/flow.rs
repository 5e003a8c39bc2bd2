//! The B2B guide's whole flow, as a CRM backend runs it.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use insurup::{
    Channel, ErrorKind, NewCustomer, NewProposal, NewVehicle, Payment, PolicyState, ProductBranch,
    PurchaseStatus, TwoFactorChallenge,
};
use support::*;

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_with_2fa_quotes_and_buys_a_kasko_policy() {
    let sandbox = TestSandbox::start().await;
    let codes_asked = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&codes_asked);
    let client = sandbox
        .builder()
        .agent_user(MFA_AGENT, PASSWORD)
        .two_factor(Arc::new(move |challenge: TwoFactorChallenge| {
            counter.fetch_add(1, Ordering::SeqCst);
            assert_eq!(challenge.email, MFA_AGENT);
            async { Ok(MFA_CODE.to_owned()) }
        }))
        .build()
        .expect("client");

    let customer = client
        .customers()
        .create(
            NewCustomer::individual(TCKN)
                .with_birth_date("1990-01-01")
                .with_email("ahmet@example.com")
                .with_phone_number("+90 532 123 45 67"),
        )
        .await
        .expect("customer created");
    assert_eq!(customer.identity_number.as_deref(), Some(TCKN));

    let lookup = client
        .vehicles()
        .lookup(&customer.id, PLATE, Some("AB"), Some("123456"))
        .await
        .expect("registry lookup");
    assert!(lookup.brand_reference.is_some(), "{lookup:?}");

    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            NewVehicle::new(PLATE).with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle created");
    assert_eq!(
        vehicle.plate.as_ref().map(ToString::to_string).as_deref(),
        Some(PLATE)
    );
    assert_eq!(
        vehicle.model_year, lookup.model_year,
        "missing details come from the registry"
    );

    let case = client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
        .await
        .expect("sale opportunity");
    assert!(case.is_open());

    let created = client
        .proposals()
        .create(NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal created");
    let proposal = client
        .proposals()
        .wait(&created.id, insurup::WaitOptions::default())
        .await
        .expect("insurers answer");
    assert!(proposal.is_complete());
    assert!(proposal.products.len() >= 8, "a dozen insurers are asked");
    let best = proposal.cheapest_product(1).expect("someone offers cash");
    let cheapest_cash = best.premium(1).expect("cash premium").gross_premium;
    for product in proposal.products.iter().filter(|p| p.is_purchasable()) {
        if let Some(premium) = product.premium(1) {
            assert!(premium.gross_premium >= cheapest_cash);
        }
    }

    let bought = client
        .purchase()
        .sync(&proposal.id, &best.id, Payment::credit_card(card(), 1))
        .await
        .expect("purchase succeeds");
    assert_eq!(bought.status, PurchaseStatus::Purchased);
    assert!(!bought.confirmed_by_read_back);

    let policy = client
        .policies()
        .get(&bought.policy_id)
        .await
        .expect("policy");
    assert_eq!(policy.state, PolicyState::Active);
    assert!(policy.policy_number.is_some());
    // The vendor client's dialect answers a purchase with the policy id alone.
    assert!(bought.policy_number.is_none() || bought.policy_number == policy.policy_number);
    assert_eq!(policy.proposal_id.as_ref(), Some(&proposal.id));
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 1);
    assert_eq!(
        codes_asked.load(Ordering::SeqCst),
        1,
        "2FA asked once for the whole flow"
    );
    assert_eq!(sandbox.stats().await["logins"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_account_runs_the_same_flow_with_client_credentials() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox
        .builder()
        .client_credentials(CLIENT_ID, CLIENT_SECRET)
        .build()
        .expect("client");
    let quoted = quote(&client, &tckn(7)).await;
    let best = quoted.proposal.cheapest_product(1).expect("a product");
    let bought = client
        .purchase()
        .open_account(&quoted.proposal.id, &best.id, 1)
        .await
        .expect("open-account purchase");
    let policy = client
        .policies()
        .get(&bought.policy_id)
        .await
        .expect("policy");
    assert_eq!(policy.state, PolicyState::Active);
    assert_eq!(sandbox.stats().await["tokenGrants"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn ensure_sale_opportunity_never_opens_a_second_case() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let customer = client
        .customers()
        .create(NewCustomer::individual(tckn(11)).with_birth_date("1985-05-05"))
        .await
        .expect("customer");
    let calls = (0..8).map(|_| {
        let client = client.clone();
        let id = customer.id.clone();
        async move {
            client
                .cases()
                .ensure_sale_opportunity(&id, ProductBranch::Kasko, Channel::Api)
                .await
        }
    });
    let cases = futures::future::join_all(calls).await;
    let first = cases[0].as_ref().expect("case").id.clone();
    for case in &cases {
        assert_eq!(case.as_ref().expect("case").id, first);
    }
    assert_eq!(sandbox.stats().await["casesCreated"], 1);

    let trafik = client
        .cases()
        .ensure_sale_opportunity(&customer.id, ProductBranch::Trafik, Channel::Api)
        .await
        .expect("another branch gets its own case");
    assert_ne!(trafik.id, first);
}

#[tokio::test(flavor = "multi_thread")]
async fn ensuring_an_existing_customer_returns_it_instead_of_failing() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let new = NewCustomer::individual(tckn(12)).with_birth_date("1980-01-01");
    let first = client
        .customers()
        .create(new.clone())
        .await
        .expect("created");
    let duplicate = client
        .customers()
        .create(new.clone())
        .await
        .expect_err("duplicate");
    assert_eq!(duplicate.kind(), ErrorKind::Conflict);
    let again = client.customers().ensure(new).await.expect("ensured");
    assert_eq!(again.id, first.id);
    assert_eq!(sandbox.stats().await["customersCreated"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declined_card_is_refused_with_the_servers_advice_and_the_product_stays_buyable() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let quoted = quote(&client, &tckn(13)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    let declined =
        insurup::Card::new(DECLINED_CARD, "123", "12", "2030", "AHMET YILMAZ").expect("card");
    let error = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, declined, 1)
        .await
        .expect_err("declined");
    assert_eq!(error.kind(), ErrorKind::Unprocessable);
    assert_eq!(error.codes(), ["PAYMENT_DECLINED"]);
    assert!(!error.suggestions().is_empty());
    assert!(error.detail().is_some());
    assert!(!error.to_string().contains(DECLINED_CARD));

    let bought = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, card(), 1)
        .await
        .expect("a good card then works");
    assert_eq!(bought.status, PurchaseStatus::Purchased);
    let again = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, card(), 1)
        .await
        .expect_err("bought already");
    assert_eq!(again.kind(), ErrorKind::Conflict);
    // Three purchase requests reached the server (declined, bought, refused); one policy exists.
    assert_eq!(purchases_of(&sandbox, best.id.as_str()).await, 3);
    let product = client
        .proposals()
        .product(&quoted.proposal.id, &best.id)
        .await
        .expect("product");
    assert_eq!(product.policy_id, Some(bought.policy_id));
}

#[tokio::test(flavor = "multi_thread")]
async fn products_arrive_insurer_by_insurer_while_watching() {
    let config = insurup_sandbox::SandboxConfig {
        latency_scale: 0.2,
        ..insurup_sandbox::SandboxConfig::for_tests()
    };
    let sandbox = TestSandbox::start_with(config).await;
    let client = sandbox.client();
    let customer = client
        .customers()
        .create(NewCustomer::individual(tckn(14)).with_birth_date("1990-01-01"))
        .await
        .expect("customer");
    let vehicle = client
        .vehicles()
        .create(&customer.id, NewVehicle::new(PLATE))
        .await
        .expect("vehicle");
    let proposal = client
        .proposals()
        .create(NewProposal::trafik(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    let mut watch = client
        .proposals()
        .watch(
            &proposal.id,
            insurup::WaitOptions {
                poll_interval: std::time::Duration::from_millis(20),
                max_poll_interval: std::time::Duration::from_millis(50),
                ..insurup::WaitOptions::default()
            },
        )
        .expect("watch");
    let mut seen = std::collections::HashSet::new();
    let mut updates = 0;
    let mut last = None;
    while let Some(update) = watch.next().await.expect("update") {
        updates += 1;
        for product in &update.resolved {
            assert!(
                seen.insert(product.id.clone()),
                "each product is reported once"
            );
        }
        last = Some(update);
    }
    let last = last.expect("a final update");
    assert!(last.finished);
    assert_eq!(seen.len(), last.proposal.products.len());
    assert!(updates > 1, "answers arrive over several polls");
}
