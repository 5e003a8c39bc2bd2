use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::json;

use crate::common::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_b2b_flow_runs_from_a_two_factor_login_to_a_policy_listed_in_graphql() {
    // The B2B guide's flow, in its dialect. Small latencies so products really go
    // WAITING -> ACTIVE/FAILED one by one.
    let mut api = Api::start_with(SandboxConfig {
        dialect: Dialect::Guide,
        latency_scale: 0.05,
        ..SandboxConfig::for_tests()
    })
    .await;

    let login = api
        .anonymous_post(
            "/api/authentication:agent-user/login",
            json!({"email": MFA_EMAIL, "password": PASSWORD}),
        )
        .await
        .expect(200);
    assert_eq!(login.body["requiresTwoFactor"], true);
    assert!(login.body["accessToken"].is_null());
    let user_id = login.body["userId"].as_str().expect("user id").to_owned();
    let verified = api
        .anonymous_post(
            "/api/authentication:agent-user/verify-mfa",
            json!({"userId": user_id, "code": "123456"}),
        )
        .await
        .expect(200);
    assert_eq!(verified.body["expiresIn"], 600);
    api.token = verified.body["accessToken"]
        .as_str()
        .expect("token")
        .to_owned();

    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;

    let open_case_check = r#"query($customerId: String!) {
        cases(skip: 0, take: 100, where: {customerId: {eq: $customerId}, status: {eq: OPEN}, type: {eq: SALE_OPPORTUNITY}, productBranch: {eq: KASKO}}, order: {createdAt: DESC}) {
            totalCount items { id ref productBranch type status customerId }
        }
    }"#;
    let before = api
        .graphql(open_case_check, json!({"customerId": customer}))
        .await;
    assert_eq!(before["data"]["cases"]["totalCount"], 0, "{before}");
    let case = api
        .post(
            "/api/cases:new-sale-opportunity",
            json!({"customerId": customer, "productBranch": "KASKO", "channel": "API", "assetType": "VEHICLE", "assetId": vehicle}),
        )
        .await
        .expect(200);
    let case_id = case.body["id"].as_str().expect("case id").to_owned();
    let after = api
        .graphql(open_case_check, json!({"customerId": customer}))
        .await;
    assert_eq!(after["data"]["cases"]["totalCount"], 1, "{after}");
    let listed_case = &after["data"]["cases"]["items"][0];
    assert_eq!(listed_case["id"], case_id.as_str());
    let case_ref = listed_case["ref"].as_str().expect("case ref").to_owned();

    let proposal = api.create_proposal(&customer, &vehicle).await;
    let first_look = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body;
    assert_eq!(
        first_look["state"], "WAITING",
        "insurers take time to answer"
    );
    let resolved = api.wait_for_proposal(&proposal).await;
    let products = resolved["products"].as_array().expect("products");
    assert_eq!(resolved["totalProductsCount"], products.len());
    let active: Vec<_> = products.iter().filter(|p| p["state"] == "ACTIVE").collect();
    assert_eq!(resolved["succeedProductsCount"], active.len());
    let cash = |p: &serde_json::Value| {
        p["premiums"][0]["grossPremium"]
            .as_f64()
            .expect("cash premium")
    };
    let cheapest = active
        .iter()
        .copied()
        .min_by(|a, b| cash(a).total_cmp(&cash(b)))
        .expect("a quote");
    assert_eq!(resolved["lowestPremium"].as_f64(), Some(cash(cheapest)));

    let product_id = cheapest["id"].as_str().expect("product id");
    let bought = api
        .purchase(&proposal, product_id, "4242 4242 4242 4242", 1)
        .await
        .expect(200);
    assert_eq!(bought.body["status"], "PURCHASED");
    let policy_id = bought.body["policyId"]
        .as_str()
        .expect("policy id")
        .to_owned();
    let policy_number = bought.body["policyNumber"]
        .as_str()
        .expect("policy number")
        .to_owned();

    let product = api
        .get(&format!("/api/proposals/{proposal}/products/{product_id}"))
        .await
        .expect(200);
    assert_eq!(product.body["state"], "PURCHASED");
    assert_eq!(product.body["policyId"], policy_id.as_str());
    let policy = api
        .get(&format!("/api/policies/{policy_id}"))
        .await
        .expect(200);
    assert_eq!(policy.body["policyNumber"], policy_number.as_str());
    assert_eq!(policy.body["grossPremium"].as_f64(), Some(cash(cheapest)));
    assert_eq!(policy.body["vehiclePlate"], "34ABC123");
    let closed = api.get(&format!("/api/cases/{case_ref}")).await.expect(200);
    assert_eq!(closed.body["status"], "SUCCESS");
    assert_eq!(closed.body["subState"], "SUCCESS_COMPLETED");
    assert_eq!(closed.body["policyIds"], json!([policy_id]));

    let listed = api
        .graphql(
            "query($id: String) { getPoliciesNew(first: 10, filter: {id: {eq: $id}}) { totalCount edges { node { id insuranceCompanyPolicyNumber insuredCustomerName vehiclePlate agentBranch { id name } } } } }",
            json!({"id": policy_id}),
        )
        .await;
    let node = &listed["data"]["getPoliciesNew"]["edges"][0]["node"];
    assert_eq!(
        listed["data"]["getPoliciesNew"]["totalCount"], 1,
        "{listed}"
    );
    assert_eq!(node["insuranceCompanyPolicyNumber"], policy_number.as_str());
    assert_eq!(node["insuredCustomerName"], "AHMET YILMAZ");
    assert_eq!(node["agentBranch"]["name"], "Kadıköy Şube");

    let stats = api.stats().await;
    assert_eq!(stats["purchases"][product_id], 1);
    assert_eq!(stats["mfaVerifications"], 1);
    assert_eq!(stats["casesCreated"], 1);
}
