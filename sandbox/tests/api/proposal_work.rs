//! Work on a quote after it is made: revisions, documents sent to the customer, the comparison
//! PDF, the snapshot and the requested cover.

use serde_json::json;

use crate::common::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_revision_is_a_new_proposal_priced_again_for_the_same_parties() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let original = api.create_proposal(&customer, &vehicle).await;
    api.wait_for_proposal(&original).await;
    let revised = api
        .post(
            &format!("/api/proposals/{original}/revise"),
            json!({"proposalId": original, "coverageGroupIds": ["68ff33ef85427175168098e7"]}),
        )
        .await
        .expect(200)
        .body;
    let revision = revised["proposalId"]
        .as_str()
        .expect("proposalId")
        .to_owned();
    assert_ne!(revision, original);
    let body = api.wait_for_proposal(&revision).await;
    assert_eq!(body["insuredCustomerId"], customer.as_str());
    assert_eq!(body["vehicleId"], vehicle.as_str());
    assert_eq!(body["coverageGroups"][0]["id"], "68ff33ef85427175168098e7");
    assert!(body["succeedProductsCount"].as_u64().is_some_and(|n| n > 0));

    api.post(
        &format!("/api/proposals/{original}/revise"),
        json!({"coverageGroupIds": ["68ff33ef85427175168098e8"]}),
    )
    .await
    .expect_problem(422, "COVERAGE_GROUP_BRANCH_MISMATCH");
    let product = body["products"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
        .and_then(|p| p["id"].as_str())
        .expect("a quote")
        .to_owned();
    api.purchase(&revision, &product, "4242424242424242", 1)
        .await
        .expect(200);
    api.post(&format!("/api/proposals/{revision}/revise"), json!({}))
        .await
        .expect_problem(409, "PROPOSAL_ALREADY_PURCHASED");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revised_product_is_priced_again_under_its_new_coverage_group() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let product_id = product["id"].as_str().expect("id");
    api.post(
        &format!("/api/proposals/{proposal}/products/{product_id}/revise"),
        json!({"proposalId": proposal, "proposalProductId": product_id,
               "guaranteeGroupId": "68ff33ef85427175168098e6"}),
    )
    .await
    .expect(204);
    let body = api.wait_for_proposal(&proposal).await;
    let again = body["products"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == product_id))
        .cloned()
        .expect("the product");
    assert_eq!(again["revised"], true);
    assert_eq!(again["coverageGroupId"], "68ff33ef85427175168098e6");
    assert!(matches!(again["state"].as_str(), Some("ACTIVE" | "FAILED")));
    api.post(
        &format!("/api/proposals/{proposal}/products/{product_id}/revise"),
        json!({"guaranteeGroupId": "68ff33ef85427175168098e8"}),
    )
    .await
    .expect_problem(422, "COVERAGE_GROUP_BRANCH_MISMATCH");
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_are_sent_by_e_mail_or_sms_to_a_known_customer() {
    let api = Api::start().await;
    let (proposal, product) = api.quoted_product().await;
    let customer = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body["insuredCustomerId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let base = format!(
        "/api/proposals/{proposal}/products/{}",
        product["id"].as_str().unwrap_or_default()
    );
    for path in ["document/send", "information-form/send"] {
        api.post(
            &format!("{base}/{path}"),
            json!({"customerId": customer, "communication": {"type": "email", "email": "ahmet@example.com.tr"}}),
        )
        .await
        .expect(204);
        api.post(
            &format!("{base}/{path}"),
            json!({"customerId": customer, "communication": {"type": "sms", "phoneNumber": {"countryCode": 90, "number": "5321234567"}}}),
        )
        .await
        .expect(204);
    }
    api.post(
        &format!("{base}/document/send"),
        json!({"customerId": customer, "communication": {"type": "email", "email": "nope"}}),
    )
    .await
    .expect_invalid_input(api.dialect());
    let unbound = api
        .post(
            &format!("{base}/document/send"),
            json!({"customerId": customer, "communication": {"type": "fax", "number": "1"}}),
        )
        .await;
    assert_unbindable(&unbound, "$.communication.type");
    api.post(
        &format!("{base}/document/send"),
        json!({"customerId": "00000000-0000-4000-8000-00000000dead", "communication": {"type": "email", "email": "a@b.co"}}),
    )
    .await
    .expect_problem(404, "CUSTOMER_NOT_FOUND");
    api.post(
        &format!("/api/proposals/{proposal}/products/compare-pdf/send"),
        json!({"proposalProductIds": [product["id"]], "excludedCoverageFields": [],
               "customerId": customer, "communication": {"type": "email", "email": "ahmet@example.com.tr"}}),
    )
    .await
    .expect(204);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_snapshot_and_the_requested_cover_describe_the_proposal_as_made() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let proposal = api.create_proposal(&customer, &vehicle).await;
    let snapshot = api
        .get(&format!("/api/proposals/{proposal}/snapshot"))
        .await
        .expect(200)
        .body;
    assert_eq!(snapshot["productBranch"], "KASKO");
    assert_eq!(snapshot["isInsuredCustomerSameAsInsurerCustomer"], true);
    let insured = &snapshot["insuredCustomer"];
    assert_eq!(insured["$type"], "individual");
    assert_eq!(insured["identityNumber"], TCKN);
    assert_eq!(insured["phoneNumber"]["areaCode"], "532");
    assert_eq!(insured["phoneNumber"]["numberWithoutAreaCode"], "1234567");
    assert_eq!(insured["email"]["value"], "ahmet@example.com.tr");
    assert_eq!(
        snapshot["vehicle"]["plate"],
        json!({"city": 34, "code": "ABC123"})
    );
    assert_eq!(snapshot["vehicle"]["model"]["type"]["value"], "139014");
    // A later change to the customer does not alter what the proposal remembers.
    api.put(
        &format!("/api/customers/{customer}/emails/primary"),
        json!({"customerId": customer, "email": "yeni@example.com.tr"}),
    )
    .await
    .expect(204);
    let again = api
        .get(&format!("/api/proposals/{proposal}/snapshot"))
        .await
        .expect(200)
        .body;
    assert_eq!(
        again["insuredCustomer"]["email"]["value"],
        "ahmet@example.com.tr"
    );
    let cover = api
        .get(&format!("/api/proposals/{proposal}/coverage"))
        .await
        .expect(200)
        .body;
    assert_eq!(cover["coverage"]["$type"], "kasko");
    api.get("/api/proposals/69aaaaaaaaaaaaaaaaaaaaaa/snapshot")
        .await
        .expect_problem(404, "PROPOSAL_NOT_FOUND");
}
