use std::time::Duration;

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::{Value, json};

use crate::common::*;

fn card(number: &str, month: &str, year: &str, cvc: &str, holder: &str) -> Value {
    json!({"number": number, "cvc": cvc, "expiryMonth": month, "expiryYear": year, "holderName": holder})
}

async fn buy_with(api: &Api, proposal: &str, product: &str, card: Value) -> Reply {
    api.post(
        &format!("/api/proposals/{proposal}/products/{product}/purchase/sync"),
        json!({"$type": "credit-card", "proposalId": proposal, "proposalProductId": product, "installmentNumber": 1, "card": card}),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_decline_card_fails_with_turkish_detail_and_leaves_the_product_buyable() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let id = product["id"].as_str().expect("id");
    let declined = api
        .purchase(&proposal, id, "4000000000000002", 1)
        .await
        .expect_problem(422, "PAYMENT_DECLINED");
    assert_eq!(
        declined.body["type"],
        "https://api.insurup.com/problems/business-validation"
    );
    assert_eq!(
        declined.body["detail"],
        "Kart bankanız tarafından reddedildi."
    );
    assert_eq!(
        declined.body["suggestions"],
        json!(["Farklı bir kart ile tekrar deneyin."])
    );
    let after = api
        .get(&format!("/api/proposals/{proposal}/products/{id}"))
        .await
        .expect(200);
    assert_eq!(
        after.body["state"], "PURCHASE_FAILED",
        "the refused payment shows on the product, which can be bought again"
    );
    api.purchase(&proposal, id, "4242424242424242", 1)
        .await
        .expect(200);
    assert_eq!(
        api.stats().await["purchases"][id],
        2,
        "both attempts reached the purchase handler"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_cards_are_rejected_naming_the_field() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let id = product["id"].as_str().expect("id");
        let cases = [
            (
                card("4242424242424241", "12", "2030", "123", "AHMET"),
                "card.number",
            ),
            (
                card("4242424242424242", "01", "2020", "123", "AHMET"),
                "card.expiryMonth",
            ),
            (
                card("4242424242424242", "13", "2030", "123", "AHMET"),
                "card.expiryMonth",
            ),
            (
                card("4242424242424242", "12", "2030", "12", "AHMET"),
                "card.cvc",
            ),
            (
                card("4242424242424242", "12", "2030", "123", " "),
                "card.holderName",
            ),
        ];
        for (card, field) in cases {
            let reply = buy_with(&api, &proposal, id, card)
                .await
                .expect_invalid_input(dialect);
            assert_eq!(reply.field_errors(), vec![field], "{dialect}");
            assert!(
                !reply.text.contains("4242424242424241"),
                "card numbers are never echoed"
            );
        }
        let missing = api
            .post(
                &format!("/api/proposals/{proposal}/products/{id}/purchase/sync"),
                json!({"$type": "credit-card", "installmentNumber": 0}),
            )
            .await
            .expect_invalid_input(dialect);
        assert_eq!(missing.field_errors(), vec!["installmentNumber", "card"]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn buying_a_purchased_product_again_is_a_clear_conflict() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let id = product["id"].as_str().expect("id");
    let first = api
        .purchase(&proposal, id, "4242424242424242", 1)
        .await
        .expect(200);
    let again = api
        .purchase(&proposal, id, "4242424242424242", 1)
        .await
        .expect_problem(409, "PROPOSAL_PRODUCT_ALREADY_PURCHASED");
    assert_eq!(
        again.body["templateArgs"]["policyId"],
        first.body["policyId"]
    );
    let proposal_body = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body;
    assert_eq!(proposal_body["state"], "PURCHASED");
    let other = proposal_body["products"]
        .as_array()
        .expect("products")
        .iter()
        .find(|p| p["state"] == "ACTIVE")
        .expect("another product");
    api.purchase(
        &proposal,
        other["id"].as_str().expect("id"),
        "4242424242424242",
        1,
    )
    .await
    .expect_problem(409, "PROPOSAL_ALREADY_PURCHASED");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_installment_count_the_insurer_does_not_offer_is_refused() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    let body = api.get(&format!("/api/proposals/{proposal}")).await.body;
    let six_only = body["products"]
        .as_array()
        .expect("products")
        .iter()
        .find(|p| p["state"] == "ACTIVE" && p["premiums"].as_array().is_some_and(|x| x.len() == 3))
        .expect("an insurer without 9 installments");
    api.purchase(
        &proposal,
        six_only["id"].as_str().expect("id"),
        "4242424242424242",
        9,
    )
    .await
    .expect_problem(422, "INSTALLMENT_NOT_AVAILABLE");
}

#[tokio::test(flavor = "multi_thread")]
async fn open_account_purchases_issue_a_policy_without_a_card() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    let body = api.get(&format!("/api/proposals/{proposal}")).await.body;
    let product = body["products"]
        .as_array()
        .expect("products")
        .iter()
        .find(|p| {
            p["state"] == "ACTIVE"
                && p["supportedPaymentOptions"]
                    .as_array()
                    .is_some_and(|o| o.contains(&json!("SYNC_OPEN_ACCOUNT")))
        })
        .expect("an insurer with open account");
    let id = product["id"].as_str().expect("id");
    let bought = api
        .post(
            &format!("/api/proposals/{proposal}/products/{id}/purchase/sync"),
            json!({"$type": "open-account", "proposalId": proposal, "proposalProductId": id, "installmentNumber": 3}),
        )
        .await
        .expect(200);
    let policy = api
        .get(&format!(
            "/api/policies/{}",
            bought.body["policyId"].as_str().expect("policy")
        ))
        .await
        .expect(200);
    assert_eq!(policy.body["paymentType"], "SYNC_OPEN_ACCOUNT");
    assert_eq!(policy.body["installmentNumber"], 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_product_is_purchasing_while_the_insurer_issues_the_policy() {
    // Real-ish latencies: the insurer takes a few hundred milliseconds to issue the policy.
    let api = Api::start_with(SandboxConfig {
        latency_scale: 0.5,
        ..SandboxConfig::for_tests()
    })
    .await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let proposal = api.create_proposal(&customer, &vehicle).await;
    let product = loop {
        let body = api
            .get(&format!("/api/proposals/{proposal}"))
            .await
            .expect(200)
            .body;
        if let Some(p) = body["products"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
        {
            break p["id"].as_str().expect("id").to_owned();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let buyer = {
        let http = api.http.clone();
        let url = api.url(&format!(
            "/api/proposals/{proposal}/products/{product}/purchase/sync"
        ));
        let token = api.token.clone();
        let body = json!({"$type": "credit-card", "installmentNumber": 1, "card": card("4242424242424242", "12", "2030", "123", "AHMET")});
        tokio::spawn(async move {
            http.post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .map(|r| r.status().as_u16())
        })
    };
    tokio::time::sleep(Duration::from_millis(80)).await;
    let during = api
        .get(&format!("/api/proposals/{proposal}/products/{product}"))
        .await
        .expect(200);
    assert_eq!(during.body["state"], "PURCHASING");
    assert_eq!(
        api.get(&format!("/api/proposals/{proposal}")).await.body["state"],
        "PURCHASING"
    );
    assert_eq!(buyer.await.expect("join").expect("response"), 200);
    let after = api
        .get(&format!("/api/proposals/{proposal}/products/{product}"))
        .await
        .expect(200);
    assert_eq!(after.body["state"], "PURCHASED");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_async_variant_returns_a_redirect_that_completes_the_purchase() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let id = product["id"].as_str().expect("id");
    let started = api
        .post(
            &format!("/api/proposals/{proposal}/products/{id}/purchase/async"),
            json!({"$type": "3d-secure", "proposalId": proposal, "proposalProductId": id, "installmentNumber": 1,
                   "callbackUrl": "https://partner.example/callback", "card": card("4242424242424242", "12", "2030", "123", "AHMET")}),
        )
        .await
        .expect(200);
    let redirect = started.body["redirectUrl"].as_str().expect("redirect url");
    let no_follow = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client");
    let page = no_follow.get(redirect).send().await.expect("bank page");
    assert_eq!(page.status().as_u16(), 303);
    let location = page.headers()["location"].to_str().expect("location");
    assert!(
        location.starts_with("https://partner.example/callback?")
            && location.ends_with("status=PURCHASED"),
        "{location}"
    );
    let after = api
        .get(&format!("/api/proposals/{proposal}/products/{id}"))
        .await
        .expect(200);
    assert_eq!(after.body["state"], "PURCHASED");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_offers_its_document_and_can_be_sent_by_email() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let bought = api
            .purchase(
                &proposal,
                product["id"].as_str().expect("id"),
                "4242424242424242",
                1,
            )
            .await
            .expect(200);
        let policy = bought.body["policyId"].as_str().expect("policy");
        let doc = api
            .get(&format!("/api/policies/{policy}/document"))
            .await
            .expect(200);
        assert!(
            doc.body["url"]
                .as_str()
                .is_some_and(|u| u.ends_with(".pdf"))
        );
        api.post(
            &format!("/api/policies/{policy}/document/send"),
            json!({"policyId": policy, "email": "ahmet@example.com.tr"}),
        )
        .await
        .expect(204);
        let refused = api
            .post(
                &format!("/api/policies/{policy}/document/send"),
                json!({"email": "not-an-email"}),
            )
            .await
            .expect_invalid_input(dialect);
        assert_eq!(refused.field_errors(), vec!["email"], "{dialect}");
        api.get("/api/policies/65f000000000000000000000")
            .await
            .expect_problem(404, "POLICY_NOT_FOUND");
    }
}
