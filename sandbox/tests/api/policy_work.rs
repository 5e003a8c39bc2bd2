//! Policies after issue: endorsements and cancellation (test controls acting as the insurer),
//! their versions, manual policies, representative and branch, and policy transfers.

use insurup_sandbox::Dialect;
use serde_json::{Value, json};

use crate::common::*;
use crate::webhooks::{assert_no_more, payloads, subscribe};

const MFA_USER_ID: &str = "00000000-0000-4000-8000-000000000102";

/// A bought kasko policy: (its id, the REST policy).
async fn bought_policy(api: &Api) -> (String, Value) {
    let (proposal, product) = api.quoted_product().await;
    let bought = api
        .purchase(
            &proposal,
            product["id"].as_str().unwrap_or_default(),
            "4242424242424242",
            1,
        )
        .await
        .expect(200);
    let id = bought.body["policyId"]
        .as_str()
        .expect("policyId")
        .to_owned();
    let policy = api
        .get(&format!("/api/policies/{id}"))
        .await
        .expect(200)
        .body;
    (id, policy)
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endorsement_and_a_cancellation_are_new_versions_announced_as_policy_updated() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let receiver = subscribe(&api, &["policy.updated"]).await;
        let (policy, issued) = bought_policy(&api).await;
        let endorsed = api
            .control(
                &format!("/__sandbox/policies/{policy}/endorse"),
                json!({"netPremium": 250.0, "grossPremium": 275.0}),
            )
            .await
            .expect(200)
            .body;
        assert_eq!(endorsed["endorsementNumber"], 1);
        let cancelled = api
            .control(
                &format!("/__sandbox/policies/{policy}/cancel"),
                json!({"refundRatio": 1.0}),
            )
            .await
            .expect(200)
            .body;
        assert_eq!(cancelled["isCancel"], true);
        let events = payloads(&receiver, 2).await;
        let endorsement = &events[0];
        assert_eq!(endorsement["$event"], "policy.updated", "{dialect}");
        assert_eq!(endorsement["policyId"], policy.as_str());
        assert_eq!(endorsement["endorsementNumber"], 1);
        assert_eq!(endorsement["isCancel"], false);
        assert_eq!(number(&endorsement["netPremium"]), 250.0);
        assert_eq!(number(&endorsement["grossPremium"]), 275.0);
        assert_eq!(endorsement["installmentNumber"], 1);
        assert_eq!(endorsement["paymentType"], "SYNC_CREDIT_CARD");
        assert_eq!(endorsement["insuredIdentityNumber"], TCKN);
        assert_eq!(endorsement["insurerIdentityNumber"], TCKN);
        assert_eq!(
            endorsement["insuranceCompanyPolicyNo"],
            issued["policyNumber"]
        );
        let cancellation = &events[1];
        assert_eq!(cancellation["endorsementNumber"], 2);
        assert_eq!(cancellation["isCancel"], true);
        let refund = number(&issued["grossPremium"]) + 275.0;
        assert!((number(&cancellation["grossPremium"]) + refund).abs() < 0.011);
        assert!(number(&cancellation["netPremium"]) < 0.0);
        assert_no_more(&receiver, 2).await;

        let after = api
            .get(&format!("/api/policies/{policy}"))
            .await
            .expect(200)
            .body;
        assert_eq!(after["state"], "CANCELLED");
        assert_eq!(after["endorsementNumber"], 2);
        assert!(number(&after["grossPremium"]).abs() < 0.011, "{after}");
        api.control(&format!("/__sandbox/policies/{policy}/cancel"), json!({}))
            .await
            .expect_problem(409, "POLICY_ALREADY_CANCELLED");
        api.control(&format!("/__sandbox/policies/{policy}/endorse"), json!({}))
            .await
            .expect_problem(409, "POLICY_ALREADY_CANCELLED");
        api.post(
            "/api/cases:cancel",
            json!({"policyId": policy, "subType": "ONLINE_CANCELLATION_REFUND"}),
        )
        .await
        .expect_problem(409, "POLICY_ALREADY_CANCELLED");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancellation_refunds_the_unused_part_of_the_term_by_default() {
    let api = Api::start().await;
    let (policy, issued) = bought_policy(&api).await;
    let cancelled = api
        .control(&format!("/__sandbox/policies/{policy}/cancel"), json!(null))
        .await
        .expect(200)
        .body;
    // Bought today: nearly all of the term is unused.
    let refund = -number(&cancelled["grossPremiumChange"]);
    let gross = number(&issued["grossPremium"]);
    assert!(
        refund > gross * 0.99 && refund <= gross + 0.005,
        "{refund} of {gross}"
    );
    api.control(
        "/__sandbox/policies/69aaaaaaaaaaaaaaaaaaaaaa/cancel",
        json!({}),
    )
    .await
    .expect_problem(404, "POLICY_NOT_FOUND");
    api.control(
        &format!("/__sandbox/policies/{policy}/cancel"),
        json!({"refundRatio": 2}),
    )
    .await
    .expect(400);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manual_policy_is_recorded_updated_as_versions_and_announced() {
    let api = Api::start().await;
    let receiver = subscribe(&api, &["policy.created", "policy.updated"]).await;
    let customer = api.create_customer("10000000146").await;
    let body = json!({
        "customerId": customer, "insuranceCompanyId": 95, "productBranch": "KONUT",
        "policyNumber": "AXA-KNT-77", "startDate": "2026-01-01", "endDate": "2027-01-01",
        "premium": 1650.0,
    });
    let created = api
        .post("/api/policies/manual", body.clone())
        .await
        .expect(200);
    let policy = created.body["policyId"]
        .as_str()
        .expect("policyId")
        .to_owned();
    api.post("/api/policies/manual", body)
        .await
        .expect_problem(409, "POLICY_ALREADY_EXISTS");
    let read = api
        .get(&format!("/api/policies/{policy}"))
        .await
        .expect(200)
        .body;
    assert_eq!(read["insuranceCompanyName"], "AXA Sigorta");
    assert_eq!(read["productBranch"], "KONUT");
    assert_eq!(number(&read["grossPremium"]), 1650.0);
    api.put(
        &format!("/api/policies/manual/{policy}"),
        json!({"policyId": policy, "premium": 1900.0, "policyNumber": "AXA-KNT-78"}),
    )
    .await
    .expect(204);
    let read = api
        .get(&format!("/api/policies/{policy}"))
        .await
        .expect(200)
        .body;
    assert_eq!(number(&read["grossPremium"]), 1900.0);
    assert_eq!(read["policyNumber"], "AXA-KNT-78");
    let events = payloads(&receiver, 2).await;
    assert_eq!(events[0]["$event"], "policy.created");
    assert_eq!(events[0]["insuranceCompany"]["id"], 95);
    assert_eq!(events[0]["fromPolicyTransfer"], false);
    assert_eq!(events[1]["$event"], "policy.updated");
    assert_eq!(number(&events[1]["grossPremium"]), 250.0);
    assert_eq!(events[1]["insuranceCompanyPolicyNo"], "AXA-KNT-78");

    let (bought, _) = bought_policy(&api).await;
    api.put(
        &format!("/api/policies/manual/{bought}"),
        json!({"premium": 1.0}),
    )
    .await
    .expect_problem(422, "POLICY_NOT_MANUAL");
    api.put(
        &format!("/api/policies/manual/{policy}"),
        json!({"endDate": "2025-01-01"}),
    )
    .await
    .expect_invalid_input(api.dialect());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_gets_a_representative_and_a_branch() {
    let api = Api::start().await;
    let (policy, _) = bought_policy(&api).await;
    api.post(
        &format!("/api/policies/{policy}/representative"),
        json!({"policyId": policy, "representativeAgentUserId": MFA_USER_ID}),
    )
    .await
    .expect(204);
    api.put(
        &format!("/api/policies/{policy}/branch"),
        json!({"policyId": policy, "branchId": BRANCH_ID}),
    )
    .await
    .expect(204);
    let read = api
        .get(&format!("/api/policies/{policy}"))
        .await
        .expect(200)
        .body;
    assert_eq!(read["representedBy"]["id"], MFA_USER_ID);
    assert_eq!(read["agentBranchId"], BRANCH_ID);
    api.put(
        &format!("/api/policies/{policy}/branch"),
        json!({"policyId": policy, "branchId": "6650a1b2c3d4e5f601a2b3ff"}),
    )
    .await
    .expect_problem(404, "AGENT_BRANCH_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_transfer_imports_the_customers_policies_once() {
    let api = Api::start().await;
    let receiver = subscribe(&api, &["policy.created"]).await;
    for tckn in [TCKN, "10000000146", "10000000214"] {
        api.create_customer(tckn).await;
    }
    let created = api
        .post(
            "/api/policy-transfers",
            json!({"startDate": "2026-01-01", "endDate": "2026-06-30"}),
        )
        .await
        .expect(200);
    let transfer = created.body.as_str().expect("a bare string id").to_owned();
    api.post(
        &format!("/api/policy-transfers/{transfer}/trigger"),
        json!({"policyTransferId": transfer}),
    )
    .await
    .expect(204);
    api.post(
        &format!("/api/policy-transfers/{transfer}/trigger"),
        json!(null),
    )
    .await
    .expect(204);
    let read = api
        .get(&format!("/api/policy-transfers/{transfer}"))
        .await
        .expect(200)
        .body;
    let triggers = read["triggers"].as_array().cloned().unwrap_or_default();
    assert_eq!(triggers.len(), 2);
    let imported = triggers[0]["succeededPolicyCount"].as_u64().unwrap_or(0);
    assert!(imported > 0, "{read}");
    assert_eq!(
        triggers[1]["succeededPolicyCount"], 0,
        "nothing new the second time"
    );
    assert_eq!(triggers[1]["skippedPolicyCount"].as_u64(), Some(imported));
    assert_eq!(read["succeededPolicyCount"].as_u64(), Some(imported));
    let detail = api
        .get(&format!(
            "/api/policy-transfers/{transfer}/triggers/{}",
            triggers[0]["id"].as_str().unwrap_or_default()
        ))
        .await
        .expect(200)
        .body;
    assert_eq!(detail["policyTransferId"], transfer.as_str());
    assert!(
        detail["companies"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    let events = payloads(&receiver, usize::try_from(imported).unwrap_or(0)).await;
    assert!(events.iter().all(|e| e["fromPolicyTransfer"] == true));
    assert_no_more(&receiver, usize::try_from(imported).unwrap_or(0)).await;
    api.post(
        "/api/policy-transfers",
        json!({"startDate": "2026-06-30", "endDate": "2026-01-01"}),
    )
    .await
    .expect_invalid_input(api.dialect());
    api.get("/api/policy-transfers/69aaaaaaaaaaaaaaaaaaaaaa")
        .await
        .expect_problem(404, "POLICY_TRANSFER_NOT_FOUND");
}
