//! GraphQL behaviour every dialect shares (auth, paging, ordering, filters, errors), proven in each
//! with its own names; `dialects/graphql.rs` shows the names themselves.

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::{Value, json};

use crate::common::*;

async fn generated(dialect: Dialect, n: usize) -> Api {
    Api::start_with(SandboxConfig {
        dialect,
        generated_policies: n,
        ..SandboxConfig::for_tests()
    })
    .await
}

/// The page's connection and its rows.
fn policies(api: &Api, page: &Value) -> (Value, Vec<Value>) {
    let connection = page["data"][list_field(api.dialect(), "Policies")].clone();
    let rows = rows(&connection);
    (connection, rows)
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_schema_is_public_and_names_the_documented_types() {
    let needles = [
        (
            Dialect::Guide,
            &[
                "getCustomersNew",
                "getPoliciesNew",
                "PolicyFilterInput",
                "CaseFilterInput",
                "SortEnumType",
                "StringOperationFilterInput",
                "orderBy",
            ][..],
        ),
        (
            Dialect::GraphqlDocs,
            &[
                "customersNew",
                "policiesNew",
                "casesNew",
                "QueryPoliciesResultFilterInput",
                "QueryCaseModelFilterInput",
                "QueryCustomerModelSearchInput",
                "SortEnumType",
                "StringOperationFilterInput",
            ][..],
        ),
        (
            Dialect::VendorSdk,
            &[
                "customersNew",
                "policiesNew",
                "casesNew",
                "filtering_QueryPoliciesResultFilterInput",
                "filtering_QueryCaseModelFilterInput",
                "searching_QueryCustomerModelFilterInput",
                "sorting_QueryPoliciesResultSortInput",
                "SortEnumType",
                "filtering_StringOperationFilterInput",
            ][..],
        ),
    ];
    for (dialect, needles) in needles {
        let api = Api::start_in(dialect).await;
        let reply = Reply::from(
            api.http
                .get(api.url("/graphql/schema"))
                .send()
                .await
                .expect("request"),
        )
        .await
        .expect(200);
        for needle in needles {
            assert!(reply.text.contains(needle), "{dialect}: SDL lacks {needle}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_requires_a_bearer_token_in_every_dialect() {
    let query = json!({"query": "{ cases { totalCount } }"});
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let reply = Reply::from(
            api.http
                .post(api.url(api.graphql_path()))
                .json(&query)
                .send()
                .await
                .expect("request"),
        )
        .await;
        reply.expect_problem(401, "TOKEN_MISSING");
        let ok = api
            .post(api.graphql_path(), query.clone())
            .await
            .expect(200);
        assert_eq!(ok.body["data"]["cases"]["totalCount"], 0, "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cursors_page_forward_and_backward_through_every_policy_exactly_once() {
    for dialect in Dialect::ALL_STRICT {
        let api = generated(dialect, 1_234).await;
        let page_query = policies_page(dialect, "id");
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = api
                .graphql(&page_query, json!({"first": 500, "after": after}))
                .await;
            let (conn, rows) = policies(&api, &page);
            assert_eq!(conn["totalCount"], 1_234, "{page}");
            assert!(rows.len() <= 500, "{dialect}");
            seen.extend(ids(&rows));
            if conn["pageInfo"]["hasNextPage"] != true {
                break;
            }
            after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
        }
        assert_eq!(seen.len(), 1_234, "{dialect}");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 1_234, "{dialect}");

        let last = api.graphql(&page_query, json!({"last": 10})).await;
        let (conn, rows) = policies(&api, &last);
        assert_eq!(ids(&rows), seen[seen.len() - 10..].to_vec(), "{dialect}");
        assert_eq!(conn["pageInfo"]["hasPreviousPage"], true);
        let before = conn["pageInfo"]["startCursor"].clone();
        let prev = api
            .graphql(&page_query, json!({"last": 5, "before": before}))
            .await;
        let (_, rows) = policies(&api, &prev);
        assert_eq!(
            ids(&rows),
            seen[seen.len() - 15..seen.len() - 10].to_vec(),
            "{dialect}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_default_order_is_newest_first_and_order_sorts_by_any_listed_field() {
    for dialect in Dialect::ALL_STRICT {
        let api = generated(dialect, 300).await;
        let page_query = policies_page(dialect, "id grossPremium createdAt");
        let page = api.graphql(&page_query, json!({"first": 300})).await;
        let created: Vec<String> = policies(&api, &page)
            .1
            .iter()
            .map(|r| r["createdAt"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(created.len(), 300, "{dialect}");
        assert!(
            created.windows(2).all(|w| w[0] >= w[1]),
            "{dialect}: newest first"
        );
        let by_premium = api
            .graphql(
                &page_query,
                json!({"first": 300, "order": [{"grossPremium": "DESC"}]}),
            )
            .await;
        let premiums: Vec<f64> = policies(&api, &by_premium)
            .1
            .iter()
            .map(|r| r["grossPremium"].as_f64().unwrap_or_default())
            .collect();
        assert!(
            premiums.windows(2).all(|w| w[0] >= w[1]),
            "{dialect}: descending premiums"
        );
        // The sort argument written in the query itself.
        let field = list_field(dialect, "Policies");
        let ascending = api
            .graphql(
                &format!(
                    "{{ {field}(first: 3, {}: [{{grossPremium: ASC}}]) {{ {} }} }}",
                    sort_argument(dialect),
                    rows_of(dialect, "grossPremium")
                ),
                json!({}),
            )
            .await;
        let lowest = policies(&api, &ascending).1[0]["grossPremium"]
            .as_f64()
            .expect("premium");
        assert_eq!(Some(lowest), premiums.last().copied(), "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_combine_operations_and_or_lists() {
    for dialect in Dialect::ALL_STRICT {
        let api = generated(dialect, 400).await;
        let page_query = policies_page(dialect, "id grossPremium");
        let count = |v: &Value| {
            v["data"][list_field(dialect, "Policies")]["totalCount"]
                .as_i64()
                .expect("count")
        };
        let all = count(&api.graphql(&page_query, json!({"first": 1})).await);
        let kasko = count(
            &api.graphql(
                &page_query,
                json!({"first": 1, "filter": {"productBranch": {"eq": "KASKO"}}}),
            )
            .await,
        );
        let trafik = count(
            &api.graphql(
                &page_query,
                json!({"first": 1, "filter": {"productBranch": {"in": ["TRAFIK"]}}}),
            )
            .await,
        );
        assert!(kasko > 0 && trafik > 0, "{dialect}");
        assert_eq!(kasko + trafik, all, "{dialect}");
        let either = count(&api.graphql(&page_query, json!({"first": 1, "filter": {"or": [{"productBranch": {"eq": "KASKO"}}, {"productBranch": {"eq": "TRAFIK"}}]}})).await);
        assert_eq!(either, all, "{dialect}");
        let band = api
            .graphql(
                &page_query,
                json!({"first": 500, "filter": {"grossPremium": {"gte": 10000, "lte": 20000}}}),
            )
            .await;
        let band = policies(&api, &band).1;
        assert!(!band.is_empty(), "{dialect}");
        assert!(band.iter().all(|r| {
            (10_000.0..=20_000.0).contains(&r["grossPremium"].as_f64().unwrap_or_default())
        }));
        let field = list_field(dialect, "Policies");
        let company = api
            .graphql(
                &format!(
                    "{{ {field}(first: 500, filter: {{insuranceCompanyName: {{contains: \"anadolu\"}}}}) {{ totalCount {} }} }}",
                    rows_of(dialect, "insuranceCompanyName")
                ),
                json!({}),
            )
            .await;
        let rows = policies(&api, &company).1;
        assert!(
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r["insuranceCompanyName"] == "Anadolu Sigorta"),
            "{dialect}: {company}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_proposals_and_cases_are_listed_with_the_guide_fields() {
    let api = Api::start_in(Dialect::Guide).await;
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
        .graphql("{ getProposalsNew(first: 10, filter: {state: {eq: ACTIVE}}) { edges { node { id state productBranch channel createdAt insuredCustomerName insuredCustomerIdentityNumber lowestPremium highestPremium successRate productsCount succeedProductsCount vehiclePlate vehicleModelName agentBranchId } } } }", json!({}))
        .await;
    let node = &proposals["data"]["getProposalsNew"]["edges"][0]["node"];
    assert_eq!(node["id"], proposal.as_str(), "{proposals}");
    assert_eq!(node["vehiclePlate"], "34ABC123");
    assert!(
        node["successRate"]
            .as_f64()
            .is_some_and(|r| r > 0.0 && r <= 100.0)
    );
    // The guide has no cases connection; its guides list cases with the offset query.
    let cases = api
        .graphql(
            "{ cases(skip: 0, take: 5) { totalCount items { id ref type status mainState subState } } }",
            json!({}),
        )
        .await;
    assert_eq!(cases["data"]["cases"]["totalCount"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_errors_carry_a_code_and_the_trace_id() {
    for dialect in Dialect::ALL_STRICT {
        let api = generated(dialect, 10).await;
        let field = list_field(dialect, "Policies");
        let page_query = policies_page(dialect, "id");
        // Resolver errors: the field is null, the error names its path, the request ran (200).
        for variables in [
            json!({"first": 501}),
            json!({"first": 1, "after": "bm90LWEtY3Vyc29y"}),
        ] {
            let reply = api.query(&page_query, variables).await.expect(200);
            let error = &reply.body["errors"][0];
            assert_eq!(
                error["extensions"]["code"], "BAD_REQUEST",
                "{dialect}: {}",
                reply.text
            );
            assert_eq!(error["path"], json!([field]), "{}", reply.text);
            assert_eq!(
                error["extensions"]["traceId"].as_str(),
                reply.header("x-trace-id")
            );
            assert_eq!(
                reply.body["data"].get(&field),
                Some(&Value::Null),
                "{}",
                reply.text
            );
        }
        // Validation errors: the request never ran (400).
        let unknown_field = api
            .query(
                &format!(
                    "{{ {field} {{ {} }} }}",
                    rows_of(dialect, "favouriteColour")
                ),
                json!({}),
            )
            .await
            .expect(400);
        let error = &unknown_field.body["errors"][0];
        assert_eq!(error["extensions"]["code"], "VALIDATION_ERROR", "{dialect}");
        assert_eq!(
            error["extensions"]["traceId"].as_str().map(str::len),
            Some(32)
        );
        let deep = format!(
            "{{ __schema {{ types {{ fields {{ type {} name {} }} }} }} }}",
            "{ ofType ".repeat(25),
            "}".repeat(25)
        );
        let deep = api.query(&deep, json!({})).await.expect(400);
        assert!(
            deep.body["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("nested too deep")),
            "{dialect}: {}",
            deep.text
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn generating_one_hundred_thousand_policies_is_deterministic() {
    let api = generated(Dialect::default(), 100_000).await;
    let page_query = policies_page(api.dialect(), "id grossPremium");
    let first = api.graphql(&page_query, json!({"first": 3})).await;
    let (conn, first_rows) = policies(&api, &first);
    assert_eq!(conn["totalCount"], 100_000);
    assert_eq!(first_rows.len(), 3);
    let again = generated(Dialect::default(), 100_000).await;
    let second = again.graphql(&page_query, json!({"first": 3})).await;
    assert_eq!(first_rows, policies(&again, &second).1);
    let customers = api
        .graphql(
            &format!(
                "{{ {}(first: 1) {{ totalCount }} }}",
                list_field(api.dialect(), "Customers")
            ),
            json!({}),
        )
        .await;
    assert_eq!(
        customers["data"][list_field(api.dialect(), "Customers")]["totalCount"],
        50_000
    );
}
