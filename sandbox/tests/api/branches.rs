//! Agent branches as a tree, and records produced for a branch (the guide's §6).

use insurup_sandbox::Dialect;
use serde_json::{Value, json};

use crate::common::*;
use crate::webhooks::{assert_no_more, event, partner, payloads};

async fn create_branch(api: &Api, name: &str, parent: Option<&str>) -> String {
    let reply = api
        .post(
            "/api/agent-branches",
            json!({"name": name, "parentBranchId": parent}),
        )
        .await
        .expect(200);
    reply
        .body
        .as_str()
        .unwrap_or_else(|| panic!("a bare string id: {}", reply.text))
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn branches_form_a_tree_that_can_be_renamed_moved_and_pruned_from_the_leaves() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let region = create_branch(&api, "Anadolu Yakası Bölge", None).await;
        let office = create_branch(&api, "Ataşehir Şube", Some(&region)).await;
        let listed = api.get("/api/agent-branches").await.expect(200).body;
        let names: Vec<&str> = listed
            .as_array()
            .map(|l| l.iter().filter_map(|b| b["name"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            names,
            ["Kadıköy Şube", "Anadolu Yakası Bölge", "Ataşehir Şube"]
        );
        let read = api
            .get(&format!("/api/agent-branches/{office}"))
            .await
            .expect(200)
            .body;
        assert_eq!(read["parentBranchId"], region.as_str(), "{dialect}");

        api.put(
            &format!("/api/agent-branches/{office}"),
            json!({"id": office, "name": "Ataşehir Merkez", "parentBranchId": BRANCH_ID}),
        )
        .await
        .expect(204);
        let read = api
            .get(&format!("/api/agent-branches/{office}"))
            .await
            .expect(200)
            .body;
        assert_eq!(read["name"], "Ataşehir Merkez");
        assert_eq!(read["parentBranchId"], BRANCH_ID);
        assert!(read["updatedAt"].is_string());
        api.put(
            &format!("/api/agent-branches/{BRANCH_ID}"),
            json!({"id": BRANCH_ID, "name": "Kadıköy Şube", "parentBranchId": office}),
        )
        .await
        .expect_problem(422, "AGENT_BRANCH_HIERARCHY_CYCLE");
        api.post(
            "/api/agent-branches",
            json!({"name": "Yetim", "parentBranchId": "6650a1b2c3d4e5f601a2b3ff"}),
        )
        .await
        .expect_problem(404, "PARENT_AGENT_BRANCH_NOT_FOUND");
        api.post("/api/agent-branches", json!({"name": " "}))
            .await
            .expect_invalid_input(dialect);

        api.delete(&format!("/api/agent-branches/{BRANCH_ID}"))
            .await
            .expect_problem(409, "AGENT_BRANCH_HAS_CHILDREN");
        api.delete(&format!("/api/agent-branches/{office}"))
            .await
            .expect(204);
        api.delete(&format!("/api/agent-branches/{region}"))
            .await
            .expect(204);
        api.get(&format!("/api/agent-branches/{office}"))
            .await
            .expect_problem(404, "AGENT_BRANCH_NOT_FOUND");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn records_made_for_a_branch_show_it_filter_by_it_and_reach_only_its_webhooks() {
    let api = Api::start_in(Dialect::VendorSdk).await;
    let office = create_branch(&api, "Ataşehir Şube", Some(BRANCH_ID)).await;
    let (url, receiver) = partner(0).await;
    api.post(
        "/api/webhooks",
        json!({"url": url, "events": [event(api.dialect(), "customer.created")], "agentBranchIds": [office], "secret": null}),
    )
    .await
    .expect(200);
    // The fixture customer is made for the seeded branch; this one for the new office.
    api.create_customer(TCKN).await;
    let created = api
        .post(
            "/api/customers",
            json!({"$type": "individual", "identityNumber": "10000000146", "fullName": "AYŞE KAYA",
                   "agentId": AGENT_ID, "agentBranchId": office}),
        )
        .await
        .expect(200);
    let customer = created.body["id"].as_str().expect("id").to_owned();
    let vehicle = api.create_vehicle(&customer).await;
    let proposal = api.create_proposal(&customer, &vehicle).await;
    let read = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200);
    assert_eq!(
        read.body["agentBranchId"],
        office.as_str(),
        "inherited from the insured"
    );

    let data = api
        .graphql(
            "query($filter: filtering_QueryCustomerModelFilterInput) {
               customersNew(filter: $filter) { edges { cursor node { id agentBranch { id name parentId parentName } } } }
             }",
            json!({"filter": {"agentBranchId": {"eq": office}}}),
        )
        .await;
    let rows: Vec<Value> = rows(&data["data"]["customersNew"]);
    assert_eq!(rows.len(), 1, "{data}");
    assert_eq!(rows[0]["id"], customer.as_str());
    assert_eq!(
        rows[0]["agentBranch"],
        json!({"id": office, "name": "Ataşehir Şube", "parentId": BRANCH_ID, "parentName": "Kadıköy Şube"})
    );

    let events = payloads(&receiver, 1).await;
    assert_eq!(events[0]["customerId"], customer.as_str());
    assert_eq!(events[0]["branch"], office.as_str());
    assert_no_more(&receiver, 1).await;
}
