use insurup_sandbox::SandboxConfig;
use serde_json::{Value, json};

use crate::common::*;

const POLICIES_PAGE: &str = r#"query($first: Int, $after: String, $last: Int, $before: String, $filter: PolicyFilterInput, $order: [PolicySortInput!]) {
  policiesNew(first: $first, after: $after, last: $last, before: $before, filter: $filter, order: $order) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id grossPremium createdAt productBranch state } }
    nodes { id }
  }
}"#;

async fn generated(n: usize) -> Api {
    Api::start_with(SandboxConfig {
        generated_policies: n,
        ..SandboxConfig::for_tests()
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_schema_is_public_and_names_the_documented_types() {
    let api = Api::start().await;
    let sdl = api
        .http
        .get(api.url("/graphql/schema"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("sdl");
    for needle in [
        "customersNew",
        "getPoliciesNew",
        "PolicyFilterInput",
        "CaseFilterInput",
        "SortEnumType",
        "StringOperationFilterInput",
        "orderBy",
    ] {
        assert!(sdl.contains(needle), "SDL lacks {needle}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_requires_a_bearer_token_on_both_paths() {
    let api = Api::start().await;
    for path in ["/graphql", "/api/graphql"] {
        let reply = Reply::from(
            api.http
                .post(api.url(path))
                .json(&json!({"query": "{ casesNew { totalCount } }"}))
                .send()
                .await
                .expect("request"),
        )
        .await;
        reply.expect_problem(401, "TOKEN_MISSING");
        let ok = api
            .post(path, json!({"query": "{ casesNew { totalCount } }"}))
            .await
            .expect(200);
        assert_eq!(ok.body["data"]["casesNew"]["totalCount"], 0);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cursors_page_forward_and_backward_through_every_policy_exactly_once() {
    let api = generated(1_234).await;
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = api
            .graphql(POLICIES_PAGE, json!({"first": 500, "after": after}))
            .await;
        let conn = &page["data"]["policiesNew"];
        assert_eq!(conn["totalCount"], 1_234, "{page}");
        let edges = conn["edges"].as_array().expect("edges");
        assert_eq!(edges.len(), conn["nodes"].as_array().map_or(0, Vec::len));
        seen.extend(
            edges
                .iter()
                .map(|e| e["node"]["id"].as_str().unwrap_or_default().to_owned()),
        );
        if conn["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(seen.len(), 1_234);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 1_234);

    let last = api.graphql(POLICIES_PAGE, json!({"last": 10})).await;
    let tail: Vec<_> = last["data"]["policiesNew"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(tail, seen[seen.len() - 10..].to_vec());
    assert_eq!(
        last["data"]["policiesNew"]["pageInfo"]["hasPreviousPage"],
        true
    );
    let before = last["data"]["policiesNew"]["pageInfo"]["startCursor"].clone();
    let prev = api
        .graphql(POLICIES_PAGE, json!({"last": 5, "before": before}))
        .await;
    let prev: Vec<_> = prev["data"]["policiesNew"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(prev, seen[seen.len() - 15..seen.len() - 10].to_vec());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_default_order_is_newest_first_and_order_sorts_by_any_listed_field() {
    let api = generated(300).await;
    let page = api.graphql(POLICIES_PAGE, json!({"first": 300})).await;
    let created: Vec<String> = page["data"]["policiesNew"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            e["node"]["createdAt"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let by_premium = api
        .graphql(
            POLICIES_PAGE,
            json!({"first": 300, "order": [{"grossPremium": "DESC"}]}),
        )
        .await;
    let premiums: Vec<f64> = by_premium["data"]["policiesNew"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"]["grossPremium"].as_f64().unwrap_or_default())
        .collect();
    assert!(
        premiums.windows(2).all(|w| w[0] >= w[1]),
        "descending premiums"
    );
    let order_by = api
        .graphql("{ getPoliciesNew(first: 3, orderBy: [{grossPremium: ASC}]) { nodes { grossPremium } } }", json!({}))
        .await;
    let lowest = order_by["data"]["getPoliciesNew"]["nodes"][0]["grossPremium"]
        .as_f64()
        .expect("premium");
    assert_eq!(Some(lowest), premiums.last().copied());
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_combine_operations_and_or_lists() {
    let api = generated(400).await;
    let count = |v: &Value| {
        v["data"]["policiesNew"]["totalCount"]
            .as_i64()
            .expect("count")
    };
    let all = count(&api.graphql(POLICIES_PAGE, json!({"first": 1})).await);
    let kasko = count(
        &api.graphql(
            POLICIES_PAGE,
            json!({"first": 1, "filter": {"productBranch": {"eq": "KASKO"}}}),
        )
        .await,
    );
    let trafik = count(
        &api.graphql(
            POLICIES_PAGE,
            json!({"first": 1, "filter": {"productBranch": {"in": ["TRAFIK"]}}}),
        )
        .await,
    );
    assert_eq!(kasko + trafik, all);
    let either = count(&api.graphql(POLICIES_PAGE, json!({"first": 1, "filter": {"or": [{"productBranch": {"eq": "KASKO"}}, {"productBranch": {"eq": "TRAFIK"}}]}})).await);
    assert_eq!(either, all);
    let band = api
        .graphql(
            POLICIES_PAGE,
            json!({"first": 500, "filter": {"grossPremium": {"gte": 10000, "lte": 20000}}}),
        )
        .await;
    let band = band["data"]["policiesNew"]["edges"]
        .as_array()
        .expect("edges")
        .clone();
    assert!(!band.is_empty());
    assert!(band.iter().all(|e| {
        (10_000.0..=20_000.0).contains(&e["node"]["grossPremium"].as_f64().unwrap_or_default())
    }));
    let company = api
        .graphql("{ policiesNew(first: 500, filter: {insuranceCompanyName: {contains: \"anadolu\"}}) { totalCount nodes { insuranceCompanyName } } }", json!({}))
        .await;
    let nodes = company["data"]["policiesNew"]["nodes"]
        .as_array()
        .expect("nodes")
        .clone();
    assert!(
        !nodes.is_empty()
            && nodes
                .iter()
                .all(|n| n["insuranceCompanyName"] == "Anadolu Sigorta")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_proposals_and_cases_are_listed_with_the_guide_fields() {
    let api = Api::start().await;
    let (proposal, _) = api.quoted_product().await;
    let customers = api
        .graphql("{ getCustomersNew(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name identityNumber primaryEmail primaryPhoneNumber city district birthDate type createdAt agentBranchId agentBranch { id name parentId parentName } } } } }", json!({}))
        .await;
    let node = &customers["data"]["getCustomersNew"]["edges"][0]["node"];
    assert_eq!(
        (
            node["name"].as_str(),
            node["type"].as_str(),
            node["city"].as_str()
        ),
        (Some("AHMET YILMAZ"), Some("INDIVIDUAL"), Some("İSTANBUL"))
    );
    assert_eq!(node["birthDate"], "1990-01-01");
    let proposals = api
        .graphql("{ proposalsNew(first: 10, filter: {state: {eq: ACTIVE}}) { nodes { id state productBranch channel createdAt insuredCustomerName insuredCustomerIdentityNumber lowestPremium highestPremium successRate productsCount succeedProductsCount vehiclePlate vehicleModelName agentBranchId } } }", json!({}))
        .await;
    let node = &proposals["data"]["proposalsNew"]["nodes"][0];
    assert_eq!(node["id"], proposal.as_str(), "{proposals}");
    assert_eq!(node["vehiclePlate"], "34ABC123");
    assert!(
        node["successRate"]
            .as_f64()
            .is_some_and(|r| r > 0.0 && r <= 100.0)
    );
    let cases = api
        .graphql(
            "{ casesNew(first: 5) { totalCount nodes { id ref type status mainState subState } } }",
            json!({}),
        )
        .await;
    assert_eq!(cases["data"]["casesNew"]["totalCount"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_errors_carry_a_code_and_the_trace_id() {
    let api = generated(10).await;
    let too_big = api.graphql(POLICIES_PAGE, json!({"first": 501})).await;
    assert_eq!(
        too_big["errors"][0]["extensions"]["code"], "BAD_REQUEST",
        "{too_big}"
    );
    assert_eq!(
        too_big["errors"][0]["extensions"]["traceId"]
            .as_str()
            .map(str::len),
        Some(32)
    );
    let bad_cursor = api
        .graphql(
            POLICIES_PAGE,
            json!({"first": 1, "after": "bm90LWEtY3Vyc29y"}),
        )
        .await;
    assert_eq!(bad_cursor["errors"][0]["extensions"]["code"], "BAD_REQUEST");
    let unknown_field = api
        .graphql("{ policiesNew { nodes { favouriteColour } } }", json!({}))
        .await;
    assert_eq!(
        unknown_field["errors"][0]["extensions"]["code"],
        "VALIDATION_ERROR"
    );
    let deep = format!(
        "{{ __schema {{ types {{ fields {{ type {} name {} }} }} }} }}",
        "{ ofType ".repeat(25),
        "}".repeat(25)
    );
    let deep = api.graphql(&deep, json!({})).await;
    assert!(
        deep["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("nested too deep")),
        "{deep}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn generating_one_hundred_thousand_policies_is_deterministic() {
    let api = generated(100_000).await;
    let first = api.graphql(POLICIES_PAGE, json!({"first": 3})).await;
    assert_eq!(first["data"]["policiesNew"]["totalCount"], 100_000);
    let again = generated(100_000).await;
    let second = again.graphql(POLICIES_PAGE, json!({"first": 3})).await;
    assert_eq!(
        first["data"]["policiesNew"]["nodes"],
        second["data"]["policiesNew"]["nodes"]
    );
    let customers = api
        .graphql("{ customersNew(first: 1) { totalCount } }", json!({}))
        .await;
    assert_eq!(customers["data"]["customersNew"]["totalCount"], 50_000);
}
