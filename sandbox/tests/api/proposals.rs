use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::{Value, json};

use crate::common::*;

fn products(proposal: &Value) -> &Vec<Value> {
    proposal["products"].as_array().expect("products")
}

fn cash(product: &Value) -> f64 {
    product["premiums"][0]["grossPremium"]
        .as_f64()
        .expect("cash premium")
}

#[tokio::test(flavor = "multi_thread")]
async fn products_resolve_one_insurer_at_a_time() {
    let api = Api::start_with(SandboxConfig {
        latency_scale: 0.1,
        ..SandboxConfig::for_tests()
    })
    .await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let proposal = api.create_proposal(&customer, &vehicle).await;
    let mut settled_counts = BTreeSet::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let body = api
            .get(&format!("/api/proposals/{proposal}"))
            .await
            .expect(200)
            .body;
        let settled = products(&body)
            .iter()
            .filter(|p| p["state"] != "WAITING")
            .count();
        settled_counts.insert(settled);
        if body["state"] != "WAITING" {
            assert_eq!(settled, products(&body).len());
            break;
        }
        assert!(Instant::now() < deadline, "never resolved");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(
        settled_counts.len() > 3,
        "saw the products settle gradually: {settled_counts:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn premiums_grow_with_installments_and_the_summary_fields_agree() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    let body = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body;
    let active: Vec<&Value> = products(&body)
        .iter()
        .filter(|p| p["state"] == "ACTIVE")
        .collect();
    let mut without_nine = 0;
    for product in &active {
        let premiums = product["premiums"].as_array().expect("premiums");
        let counts: Vec<u64> = premiums
            .iter()
            .map(|p| p["installmentNumber"].as_u64().expect("n"))
            .collect();
        assert!(counts == [1, 3, 6, 9] || counts == [1, 3, 6], "{counts:?}");
        without_nine += usize::from(counts.len() == 3);
        let gross: Vec<f64> = premiums
            .iter()
            .map(|p| p["grossPremium"].as_f64().expect("gross"))
            .collect();
        assert!(gross.windows(2).all(|w| w[0] < w[1]), "{gross:?}");
        for p in premiums {
            assert!(p["netPremium"].as_f64() < p["grossPremium"].as_f64());
            assert_eq!(p["currency"], "TURKISH_LIRA");
        }
    }
    assert!(
        without_nine > 0,
        "some insurers do not offer 9 installments"
    );
    let lowest = active.iter().map(|p| cash(p)).fold(f64::INFINITY, f64::min);
    let highest = active.iter().map(|p| cash(p)).fold(0.0, f64::max);
    assert_eq!(body["lowestPremium"].as_f64(), Some(lowest));
    assert_eq!(body["highestPremium"].as_f64(), Some(highest));
    assert_eq!(body["succeedProductsCount"], active.len());
    assert!(
        lowest > 10_000.0,
        "a 2021 Corolla's kasko costs tens of thousands of TL: {lowest}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn kasko_costs_far_more_than_traffic_insurance_for_the_same_car() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let kasko = api.create_proposal(&customer, &vehicle).await;
    let trafik = api
        .post("/api/proposals", json!({"$type": "trafik", "insurerCustomerId": customer, "insuredCustomerId": customer, "vehicleId": vehicle}))
        .await
        .expect(200);
    let kasko = api.wait_for_proposal(&kasko).await;
    let trafik = api
        .wait_for_proposal(trafik.body["proposalId"].as_str().expect("id"))
        .await;
    assert_eq!(trafik["productBranch"], "TRAFIK");
    let kasko_low = kasko["lowestPremium"].as_f64().expect("kasko");
    let trafik_low = trafik["lowestPremium"].as_f64().expect("trafik");
    assert!(
        kasko_low > 2.0 * trafik_low,
        "kasko {kasko_low} vs trafik {trafik_low}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_older_request_dialect_is_accepted_with_integer_coverage_groups() {
    // The self-service and kasko guides' body, which only the guide's dialect binds.
    let api = Api::start_in(Dialect::Guide).await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let reply = api
        .post(
            "/api/proposals",
            json!({"type": "kasko", "customerId": customer, "vehicleId": vehicle, "channel": "website", "coverageGroupIds": [123, 124]}),
        )
        .await
        .expect(200);
    let body = api
        .wait_for_proposal(reply.body["proposalId"].as_str().expect("id"))
        .await;
    assert_eq!(body["channel"], "WEBSITE");
    assert_eq!(body["coverageGroups"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        products(&body).len(),
        24,
        "one product per insurer and coverage group"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn proposals_refuse_unknown_parties_and_someone_elses_vehicle() {
    let api = Api::start().await;
    let owner = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&owner).await;
    let other = api
        .post(
            "/api/customers",
            json!({"$type": "individual", "identityNumber": "10000000146"}),
        )
        .await
        .expect(200);
    let other = other.body["id"].as_str().expect("id");
    api.post(
        "/api/proposals",
        json!({"$type": "kasko", "insurerCustomerId": other, "vehicleId": vehicle}),
    )
    .await
    .expect_problem(422, "VEHICLE_NOT_OWNED_BY_CUSTOMER");
    api.post("/api/proposals", json!({"$type": "kasko", "insurerCustomerId": "00000000-0000-4000-8000-00000000dead", "vehicleId": vehicle}))
        .await
        .expect_problem(404, "CUSTOMER_NOT_FOUND");
    api.post("/api/proposals", json!({"$type": "kasko", "insurerCustomerId": owner, "vehicleId": "00000000-0000-4000-8000-00000000dead"}))
        .await
        .expect_problem(404, "VEHICLE_NOT_FOUND");
    api.get("/api/proposals/65f000000000000000000000")
        .await
        .expect_problem(404, "PROPOSAL_NOT_FOUND");
}

/// A kasko proposal over three coverage groups (36 products, so some fail), in the dialect's
/// body: the guides' integer coverage groups, or the vendor client's coverage-group ids.
async fn kasko_over_three_coverage_groups(api: &Api, customer: &str, vehicle: &str) -> String {
    let body = if api.dialect() == Dialect::Guide {
        json!({"type": "kasko", "customerId": customer, "vehicleId": vehicle, "coverageGroupIds": [123, 124, 125]})
    } else {
        let groups = api.get("/api/coverage-groups").await.expect(200).body;
        let kasko: Vec<&Value> = groups
            .as_array()
            .expect("coverage groups")
            .iter()
            .filter(|g| g["productBranch"] == "KASKO")
            .map(|g| &g["id"])
            .collect();
        assert_eq!(kasko.len(), 3, "{groups}");
        json!({"$type": "kasko", "productBranch": "KASKO", "insurerCustomerId": customer, "insuredCustomerId": customer, "vehicleId": vehicle, "coverageGroupIds": kasko})
    };
    let reply = api.post("/api/proposals", body).await.expect(200);
    reply.body["proposalId"].as_str().expect("id").to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_product_can_be_retried_and_an_active_one_cannot() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_with(SandboxConfig {
            dialect,
            latency_scale: 0.02,
            ..SandboxConfig::for_tests()
        })
        .await;
        let customer = api.create_customer(TCKN).await;
        let vehicle = api.create_vehicle(&customer).await;
        let proposal = kasko_over_three_coverage_groups(&api, &customer, &vehicle).await;
        let body = api.wait_for_proposal(&proposal).await;
        assert_eq!(products(&body).len(), 36, "{dialect}");
        let failed = products(&body)
            .iter()
            .find(|p| p["state"] == "FAILED")
            .expect("36 products include a failure");
        assert!(failed["errorMessage"].is_string());
        let active = products(&body)
            .iter()
            .find(|p| p["state"] == "ACTIVE")
            .expect("an active product");
        let id = failed["id"].as_str().expect("id");
        api.post(
            &format!("/api/proposals/{proposal}/products/{id}/retry"),
            json!({"proposalId": proposal, "proposalProductId": id}),
        )
        .await
        .expect(204);
        let waiting = api
            .get(&format!("/api/proposals/{proposal}/products/{id}"))
            .await
            .expect(200);
        assert_eq!(waiting.body["state"], "WAITING", "{dialect}");
        let again = api.wait_for_proposal(&proposal).await;
        let retried = products(&again)
            .iter()
            .find(|p| p["id"] == id)
            .expect("same product");
        assert_ne!(retried["state"], "WAITING");
        api.post(
            &format!(
                "/api/proposals/{proposal}/products/{}/retry",
                active["id"].as_str().expect("id")
            ),
            json!({}),
        )
        .await
        .expect_problem(409, "PROPOSAL_PRODUCT_NOT_RETRYABLE");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn premium_detail_coverage_and_documents_are_served_for_a_quoted_product() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let id = product["id"].as_str().expect("id");
        let base = format!("/api/proposals/{proposal}/products/{id}");
        // The kasko guide's paths, or the vendor client's.
        let (premium, form) = if dialect == Dialect::Guide {
            ("premiums", "information-form-document")
        } else {
            ("premium-detail", "information-form")
        };
        for installments in [1, 3] {
            let detail = api
                .get(&format!("{base}/{premium}/{installments}"))
                .await
                .expect(200);
            assert_eq!(detail.body["proposalProductId"], id, "{dialect}");
            assert!(detail.body["insuranceServicesPremiumId"].is_string());
        }
        api.get(&format!("{base}/{premium}/12"))
            .await
            .expect_problem(404, "PREMIUM_NOT_FOUND");
        let coverage = api.get(&format!("{base}/coverage")).await.expect(200);
        assert_eq!(coverage.body["coverage"]["$type"], "kasko", "{dialect}");
        for doc in ["document", form] {
            let url = api.get(&format!("{base}/{doc}")).await.expect(200);
            assert!(
                url.body["url"].as_str().is_some_and(|u| u
                    .starts_with("https://sandbox.insurup.test/")
                    && u.ends_with(".pdf")),
                "{dialect}: {}",
                url.text
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_seed_replays_the_same_market() {
    let outcome = |body: &Value| -> Vec<(String, Option<f64>)> {
        products(body)
            .iter()
            .map(|p| {
                (
                    p["state"].as_str().unwrap_or_default().to_owned(),
                    p["premiums"][0]["grossPremium"].as_f64(),
                )
            })
            .collect()
    };
    let one = Api::start_with(SandboxConfig {
        seed: 7,
        ..SandboxConfig::for_tests()
    })
    .await;
    let two = Api::start_with(SandboxConfig {
        seed: 7,
        ..SandboxConfig::for_tests()
    })
    .await;
    let (a, _) = one.quoted_product().await;
    let (b, _) = two.quoted_product().await;
    assert_eq!(a, b, "same ids");
    let a = one.get(&format!("/api/proposals/{a}")).await.body;
    let b = two.get(&format!("/api/proposals/{b}")).await.body;
    assert_eq!(outcome(&a), outcome(&b));
}
