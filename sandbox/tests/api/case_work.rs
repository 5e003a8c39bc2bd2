//! Every case type, the work done on a case (representative, notes, channel, state, asset, branch)
//! and what it gathers (activities, proposals, policies).

use insurup_sandbox::Dialect;
use serde_json::{Value, json};

use crate::common::*;
use crate::webhooks::{assert_no_more, payloads, subscribe};

const MFA_USER_ID: &str = "00000000-0000-4000-8000-000000000102";

/// The case id from a create answer in any dialect's shape.
fn case_id(body: &Value) -> String {
    body.as_str()
        .or_else(|| body["id"].as_str())
        .unwrap_or_else(|| panic!("no case id in {body}"))
        .to_owned()
}

async fn open(api: &Api, path: &str, body: Value) -> Value {
    let id = case_id(&api.post(path, body).await.expect(200).body);
    api.get(&format!("/api/cases/{id}")).await.expect(200).body
}

/// A customer with a vehicle, a kasko proposal and its bought policy: (customer, vehicle, policy).
async fn insured_customer(api: &Api) -> (String, String, String) {
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let proposal = api.create_proposal(&customer, &vehicle).await;
    let body = api.wait_for_proposal(&proposal).await;
    let product = body["products"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
        .and_then(|p| p["id"].as_str())
        .expect("a quote")
        .to_owned();
    let bought = api
        .purchase(&proposal, &product, "4242424242424242", 1)
        .await
        .expect(200);
    let policy = bought.body["policyId"].as_str().expect("policy").to_owned();
    (customer, vehicle, policy)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_case_type_opens_with_its_sub_type_and_what_it_is_about() {
    let api = Api::start().await;
    let (customer, vehicle, policy) = insured_customer(&api).await;

    let sale = open(
        &api,
        "/api/cases:new-sale-opportunity",
        json!({"customerId": customer, "productBranch": "DASK"}),
    )
    .await;
    assert_eq!(sale["type"], "SALE_OPPORTUNITY");
    assert_eq!(sale["caseSubType"], "NEW_SALE");
    assert!(sale["ref"].as_str().is_some_and(|r| r.starts_with("SF-")));

    let cross = open(
        &api,
        "/api/cases:cross-sale-opportunity",
        json!({"sourceCaseId": sale["id"], "customerId": customer, "productBranch": "KONUT"}),
    )
    .await;
    assert_eq!(cross["caseSubType"], "CROSS_SALE");
    assert_eq!(cross["sourceCaseId"], sale["id"]);
    assert_eq!(cross["sourceCaseRef"], sale["ref"]);
    assert_eq!(cross["channel"], "UNKNOWN", "the vendor client's default");

    let cancel = open(
        &api,
        "/api/cases:cancel",
        json!({"policyId": policy, "subType": "PARTIAL_CANCELLATION", "channel": "CALL_CENTER"}),
    )
    .await;
    assert_eq!(cancel["type"], "CANCEL");
    assert_eq!(cancel["caseSubType"], "PARTIAL_CANCELLATION");
    assert_eq!(cancel["policyId"], policy.as_str());
    assert_eq!(cancel["policyIds"], json!([policy]));
    assert_eq!(cancel["customerId"], customer.as_str());
    assert_eq!(cancel["baseProductBranch"], "KASKO");
    assert_eq!(cancel["assetType"], "VEHICLE");
    assert_eq!(cancel["assetId"], vehicle.as_str());
    assert!(cancel["policyEndDate"].is_string());
    assert!(cancel["ref"].as_str().is_some_and(|r| r.starts_with("IP-")));

    let endorsement = open(
        &api,
        "/api/cases:endorsement",
        json!({"policyId": policy, "subType": "LICENSE_PLATE_CHANGE"}),
    )
    .await;
    assert_eq!(endorsement["type"], "ENDORSEMENT");
    assert_eq!(endorsement["caseSubType"], "LICENSE_PLATE_CHANGE");

    let complaint = open(
        &api,
        "/api/cases:complaint",
        json!({"customerId": customer, "subType": "NO_TIMELY_RESPONSE", "assetType": "VEHICLE", "assetId": vehicle}),
    )
    .await;
    assert_eq!(complaint["type"], "COMPLAINT");
    assert!(complaint["baseProductBranch"].is_null());

    api.post(
        "/api/cases:endorsement",
        json!({"policyId": policy, "subType": "PARTIAL_CANCELLATION"}),
    )
    .await
    .expect_invalid_input(api.dialect());
    api.post(
        "/api/cases:cancel",
        json!({"policyId": "69aaaaaaaaaaaaaaaaaaaaaa", "subType": "PARTIAL_CANCELLATION"}),
    )
    .await
    .expect_problem(404, "POLICY_NOT_FOUND");
    api.post(
        "/api/cases:cross-sale-opportunity",
        json!({"sourceCaseId": "SF-2000-000000", "customerId": customer, "productBranch": "KONUT"}),
    )
    .await
    .expect_problem(404, "SOURCE_CASE_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_case_is_worked_on_and_remembers_every_step() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let case = open(
        &api,
        "/api/cases:new-sale-opportunity",
        json!({"customerId": customer, "productBranch": "KASKO", "channel": "WEBSITE"}),
    )
    .await;
    let reference = case["ref"].as_str().expect("ref").to_owned();
    let base = format!("/api/cases/{reference}");
    api.put(
        &format!("{base}/representative"),
        json!({"ref": reference, "representativeAgentUserId": MFA_USER_ID}),
    )
    .await
    .expect(204);
    api.put(
        &format!("{base}/notes"),
        json!({"ref": reference, "note": "Müşteri akşam aranmak istiyor."}),
    )
    .await
    .expect(204);
    api.put(
        &format!("{base}/channel"),
        json!({"ref": reference, "channel": "CALL_CENTER"}),
    )
    .await
    .expect(204);
    api.put(
        &format!("{base}/state"),
        json!({"ref": reference, "mainState": "IN_PROGRESS", "subState": "IN_PROGRESS_TO_BE_RECONTACTED", "note": "Yarın"}),
    )
    .await
    .expect(204);
    api.put(
        &format!("{base}/asset"),
        json!({"ref": reference, "assetId": vehicle, "assetType": "VEHICLE"}),
    )
    .await
    .expect(204);
    api.put(
        &format!("{base}/branch"),
        json!({"ref": reference, "branchId": BRANCH_ID}),
    )
    .await
    .expect(204);

    let read = api.get(&base).await.expect(200).body;
    assert_eq!(read["representedBy"]["id"], MFA_USER_ID);
    assert_eq!(read["notes"][0]["note"], "Müşteri akşam aranmak istiyor.");
    assert_eq!(read["notes"][0]["createdBy"]["email"], AGENT_EMAIL);
    assert_eq!(read["channel"], "CALL_CENTER");
    assert_eq!(read["mainState"], "IN_PROGRESS");
    assert_eq!(read["subState"], "IN_PROGRESS_TO_BE_RECONTACTED");
    assert_eq!(read["status"], "OPEN");
    assert_eq!(read["assetId"], vehicle.as_str());

    let activities = api
        .get(&format!("{base}/activities"))
        .await
        .expect(200)
        .body;
    let actions: Vec<&str> = activities
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["action"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        actions,
        [
            "CREATED",
            "REPRESENTATIVE_ASSIGNED",
            "NOTE_ADDED",
            "CHANNEL_CHANGED",
            "STATE_CHANGED",
            "ASSET_UPDATED",
        ]
    );
    assert_eq!(activities[3]["oldChannel"], "WEBSITE");
    assert_eq!(activities[3]["newChannel"], "CALL_CENTER");
    assert_eq!(activities[4]["oldMainState"], "OPEN");
    assert_eq!(
        activities[4]["newSubState"],
        "IN_PROGRESS_TO_BE_RECONTACTED"
    );

    api.put(
        &format!("{base}/state"),
        json!({"ref": reference, "mainState": "SUCCESS", "subState": "FAIL_PRICE_TOO_HIGH"}),
    )
    .await
    .expect_problem(422, "CASE_SUB_STATE_MISMATCH");
    api.put(
        &format!("{base}/notes"),
        json!({"ref": "SF-2000-000000", "note": "başka vaka"}),
    )
    .await
    .expect_invalid_input(api.dialect());
    api.put(
        &format!("{base}/branch"),
        json!({"ref": reference, "branchId": "6650a1b2c3d4e5f601a2b3ff"}),
    )
    .await
    .expect_problem(404, "AGENT_BRANCH_NOT_FOUND");
    api.put("/api/cases/SF-2000-000000/notes", json!({"note": "yok"}))
        .await
        .expect_problem(404, "CASE_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_state_change_and_a_sale_that_closes_a_case_are_announced() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let receiver = subscribe(&api, &["case.state_changed"]).await;
        let customer = api.create_customer(TCKN).await;
        let case = open(
            &api,
            "/api/cases:new-sale-opportunity",
            json!({"customerId": customer, "productBranch": "KASKO"}),
        )
        .await;
        let reference = case["ref"].as_str().expect("ref").to_owned();
        let state =
            |main: &str, sub: &str| json!({"ref": reference, "mainState": main, "subState": sub});
        api.put(
            &format!("/api/cases/{reference}/state"),
            state("OPEN", "OPEN_INITIAL"),
        )
        .await
        .expect(204);
        api.put(
            &format!("/api/cases/{reference}/state"),
            state("IN_PROGRESS", "IN_PROGRESS_UNDER_ANALYSIS"),
        )
        .await
        .expect(204);
        let vehicle = api.create_vehicle(&customer).await;
        let proposal = api.create_proposal(&customer, &vehicle).await;
        let body = api.wait_for_proposal(&proposal).await;
        let product = body["products"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
            .and_then(|p| p["id"].as_str())
            .expect("a quote")
            .to_owned();
        api.purchase(&proposal, &product, "4242424242424242", 1)
            .await
            .expect(200);
        let events = payloads(&receiver, 2).await;
        assert_eq!(events[0]["$event"], "case.state_changed");
        assert_eq!(events[0]["caseId"], case["id"]);
        assert_eq!(events[0]["caseRef"], reference.as_str());
        assert_eq!(events[0]["customerId"], customer.as_str());
        assert_eq!(events[0]["newMainState"], "IN_PROGRESS");
        assert_eq!(events[0]["newSubState"], "IN_PROGRESS_UNDER_ANALYSIS");
        assert_eq!(events[1]["newMainState"], "SUCCESS", "{dialect}");
        assert_eq!(events[1]["newSubState"], "SUCCESS_COMPLETED");
        assert_no_more(&receiver, 2).await;

        let proposals = api
            .get(&format!("/api/cases/{reference}/proposals"))
            .await
            .expect(200)
            .body;
        assert_eq!(proposals[0]["id"], proposal.as_str());
        assert_eq!(proposals[0]["state"], "PURCHASED");
        assert_eq!(proposals[0]["insuredCustomerIdentity"], TCKN);
        let policies = api
            .get(&format!("/api/cases/{reference}/policies"))
            .await
            .expect(200)
            .body;
        assert_eq!(policies.as_array().map(Vec::len), Some(1));
        assert_eq!(policies[0]["state"], "ACTIVE");
        assert_eq!(policies[0]["productBranch"], "KASKO");
        let actions: Vec<String> = api
            .get(&format!("/api/cases/{reference}/activities"))
            .await
            .expect(200)
            .body
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x["action"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            actions.contains(&"PROPOSAL_ADDED".to_owned()),
            "{actions:?}"
        );
        assert!(actions.contains(&"POLICY_ADDED".to_owned()), "{actions:?}");
    }
}
