//! GraphQL names and shapes per dialect: endpoint, root fields, input type names, sort and search
//! arguments, connection shape, node fields, the legacy offset query and HotChocolate's errors.

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::json;

use super::{assert_ran, assert_refused, errors};
use crate::common::*;

async fn with_policies(dialect: Dialect) -> Api {
    Api::start_with(SandboxConfig {
        dialect,
        generated_policies: 6,
        ..SandboxConfig::for_tests()
    })
    .await
}

/// The policies connection field of a dialect.
fn policies_field(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Guide => "getPoliciesNew",
        _ => "policiesNew",
    }
}

/// A selection of the first node's id in the dialect's connection shape.
fn ids(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Guide => "edges { node { id } }",
        Dialect::GraphqlDocs => "nodes { id }",
        _ => "edges { cursor node { id } }",
    }
}

const POLICY_FILTER_TYPES: [(Dialect, &str); 3] = [
    (Dialect::Guide, "PolicyFilterInput"),
    (Dialect::GraphqlDocs, "QueryPoliciesResultFilterInput"),
    (
        Dialect::VendorSdk,
        "filtering_QueryPoliciesResultFilterInput",
    ),
];

const POLICY_SORT_TYPES: [(Dialect, &str); 3] = [
    (Dialect::Guide, "PolicySortInput"),
    (Dialect::GraphqlDocs, "QueryPoliciesResultSortInput"),
    (Dialect::VendorSdk, "sorting_QueryPoliciesResultSortInput"),
];

#[tokio::test(flavor = "multi_thread")]
async fn graphql_is_served_only_at_the_path_the_dialect_documents() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let own = api.graphql_path();
        let other = if own == "/graphql" {
            "/api/graphql"
        } else {
            "/graphql"
        };
        let query = json!({"query": "{ __typename }"});
        api.post(own, query.clone()).await.expect(200);
        api.post(other, query)
            .await
            .expect_problem(404, "ENDPOINT_NOT_FOUND");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn list_fields_have_the_dialects_root_names_and_the_other_names_do_not_exist() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let own = policies_field(dialect);
        let other = if own == "getPoliciesNew" {
            "policiesNew"
        } else {
            "getPoliciesNew"
        };
        let data = assert_ran(
            api.query(&format!("{{ {own} {{ totalCount }} }}"), json!({}))
                .await,
        );
        assert_eq!(data[own]["totalCount"], 0, "{dialect}");
        assert_refused(
            &api.query(&format!("{{ {other} {{ totalCount }} }}"), json!({}))
                .await,
            &format!("The field `{other}` does not exist on the type `Query`."),
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guide_documents_no_cases_connection_so_it_has_none() {
    let api = Api::start_in(Dialect::Guide).await;
    for field in ["getCasesNew", "casesNew"] {
        assert_refused(
            &api.query(&format!("{{ {field} {{ totalCount }} }}"), json!({}))
                .await,
            &format!("The field `{field}` does not exist on the type `Query`."),
        );
    }
    for dialect in [Dialect::GraphqlDocs, Dialect::VendorSdk] {
        let api = Api::start_in(dialect).await;
        assert_ran(api.query("{ casesNew { totalCount } }", json!({})).await);
    }
}

/// The lists only the vendor client's generation names (`contracts/src/graphql/agentUsers.ts`,
/// `policyTransfers.ts`, `webhookDeliveries.ts`): the guide names none of them, in either spelling.
#[tokio::test(flavor = "multi_thread")]
async fn the_guide_documents_no_lists_of_the_vendor_clients_generation_so_it_has_none() {
    const LISTS: [&str; 3] = [
        "agentUsersNew",
        "policyTransfersNew",
        "webhookDeliveriesNew",
    ];
    let api = Api::start_in(Dialect::Guide).await;
    for list in LISTS {
        for field in [
            list.to_owned(),
            format!("get{}{}", &list[..1].to_uppercase(), &list[1..]),
        ] {
            assert_refused(
                &api.query(&format!("{{ {field} {{ totalCount }} }}"), json!({}))
                    .await,
                &format!("The field `{field}` does not exist on the type `Query`."),
            );
        }
    }
    for dialect in [Dialect::GraphqlDocs, Dialect::VendorSdk] {
        let api = Api::start_in(dialect).await;
        for list in LISTS {
            assert_ran(
                api.query(&format!("{{ {list} {{ totalCount }} }}"), json!({}))
                    .await,
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn filter_variables_must_be_declared_with_the_dialects_input_type_name() {
    for (dialect, own) in POLICY_FILTER_TYPES {
        let api = with_policies(dialect).await;
        let field = policies_field(dialect);
        for (_, declared) in POLICY_FILTER_TYPES {
            let query = format!(
                "query($filter: {declared}) {{ {field}(filter: $filter) {{ totalCount }} }}"
            );
            let variables = json!({"filter": {"productBranch": {"eq": "KASKO"}}});
            let reply = api.query(&query, variables).await;
            if declared == own {
                assert_ran(reply);
                continue;
            }
            assert_refused(
                &reply,
                "The variable `filter` is not compatible with the type of the current location.",
            );
            let error = &errors(&reply.body)[0];
            assert_eq!(error["extensions"]["variableType"], declared, "{dialect}");
            assert_eq!(error["extensions"]["locationType"], own, "{dialect}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guide_sorts_with_order_by_and_the_others_with_order() {
    for (dialect, sort_type) in POLICY_SORT_TYPES {
        let api = with_policies(dialect).await;
        let field = policies_field(dialect);
        let (own, other) = if dialect == Dialect::Guide {
            ("orderBy", "order")
        } else {
            ("order", "orderBy")
        };
        let query = format!(
            "query($sort: [{sort_type}!]) {{ {field}({own}: $sort) {{ totalCount {} }} }}",
            ids(dialect)
        );
        assert_ran(
            api.query(&query, json!({"sort": [{"grossPremium": "DESC"}]}))
                .await,
        );
        assert_refused(
            &api.query(
                &format!("{{ {field}({other}: [{{grossPremium: DESC}}]) {{ totalCount }} }}"),
                json!({}),
            )
            .await,
            &format!("The argument `{other}` does not exist."),
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sorting_orders_the_rows_by_the_named_field() {
    for dialect in Dialect::ALL_STRICT {
        let api = with_policies(dialect).await;
        let field = policies_field(dialect);
        let sort = if dialect == Dialect::Guide {
            "orderBy"
        } else {
            "order"
        };
        let selection = match dialect {
            Dialect::GraphqlDocs => "nodes { grossPremium }",
            _ => "edges { node { grossPremium } }",
        };
        let data = assert_ran(
            api.query(
                &format!("{{ {field}({sort}: [{{grossPremium: ASC}}]) {{ {selection} }} }}"),
                json!({}),
            )
            .await,
        );
        let premiums: Vec<f64> = match dialect {
            Dialect::GraphqlDocs => data[field]["nodes"].as_array().cloned().unwrap_or_default(),
            _ => data[field]["edges"]
                .as_array()
                .map(|e| e.iter().map(|x| x["node"].clone()).collect())
                .unwrap_or_default(),
        }
        .iter()
        .filter_map(|n| n["grossPremium"].as_f64())
        .collect();
        assert_eq!(premiums.len(), 6, "{dialect}");
        assert!(
            premiums.windows(2).all(|w| w[0] <= w[1]),
            "{dialect}: {premiums:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_graphql_docs_and_the_vendor_client_search() {
    let api = Api::start_in(Dialect::Guide).await;
    assert_refused(
        &api.query(
            r#"{ getCustomersNew(search: {name: {autocomplete: {value: "ahm"}}}) { totalCount } }"#,
            json!({}),
        )
        .await,
        "The argument `search` does not exist.",
    );
    for (dialect, search_type) in [
        (Dialect::GraphqlDocs, "QueryCustomerModelSearchInput"),
        (
            Dialect::VendorSdk,
            "searching_QueryCustomerModelFilterInput",
        ),
    ] {
        let api = Api::start_in(dialect).await;
        api.create_customer(TCKN).await;
        let selection = match dialect {
            Dialect::GraphqlDocs => "nodes { name searchScore }",
            _ => "edges { node { name searchScore } }",
        };
        let query = format!(
            "query($search: {search_type}) {{ customersNew(search: $search, order: [{{searchScore: DESC}}]) {{ totalCount {selection} }} }}"
        );
        let hit = json!({"or": [
            {"name": {"autocomplete": {"value": "ahm", "score": {"boost": 3.0}}}},
            {"identityNumber": {"autocomplete": {"value": "ahm"}}},
        ]});
        let data = assert_ran(api.query(&query, json!({"search": hit})).await);
        let node = match dialect {
            Dialect::GraphqlDocs => data["customersNew"]["nodes"][0].clone(),
            _ => data["customersNew"]["edges"][0]["node"].clone(),
        };
        assert_eq!(data["customersNew"]["totalCount"], 1, "{dialect}");
        assert_eq!(node["name"], "AHMET YILMAZ");
        assert_eq!(node["searchScore"], 3.0, "the boost scores the match");
        let miss = json!({"name": {"autocomplete": {"value": "zeynep"}}});
        let data = assert_ran(api.query(&query, json!({"search": miss})).await);
        assert_eq!(data["customersNew"]["totalCount"], 0, "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_dialect_exposes_its_connection_shape_and_no_other() {
    let refused = [
        (
            Dialect::Guide,
            "nodes { id }",
            "The field `nodes` does not exist on the type `GetPoliciesNewConnection`.",
        ),
        (
            Dialect::Guide,
            "edges { cursor }",
            "The field `cursor` does not exist on the type `GetPoliciesNewEdge`.",
        ),
        (
            Dialect::GraphqlDocs,
            "edges { node { id } }",
            "The field `edges` does not exist on the type `PoliciesNewConnection`.",
        ),
        (
            Dialect::VendorSdk,
            "nodes { id }",
            "The field `nodes` does not exist on the type `PoliciesNewConnection`.",
        ),
    ];
    for dialect in Dialect::ALL_STRICT {
        let api = with_policies(dialect).await;
        let field = policies_field(dialect);
        let data = assert_ran(
            api.query(
                &format!(
                    "{{ {field}(first: 2) {{ pageInfo {{ hasNextPage endCursor }} {} }} }}",
                    ids(dialect)
                ),
                json!({}),
            )
            .await,
        );
        assert_eq!(data[field]["pageInfo"]["hasNextPage"], true, "{dialect}");
        for (_, selection, message) in refused.iter().filter(|(d, ..)| *d == dialect) {
            assert_refused(
                &api.query(&format!("{{ {field} {{ {selection} }} }}"), json!({}))
                    .await,
                message,
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn node_fields_carry_the_dialects_names() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, _) = api.quoted_product().await;
        let guide = dialect == Dialect::Guide;
        let (own, other) = if guide {
            ("city", "cityText")
        } else {
            ("cityText", "city")
        };
        let root = if guide {
            "getCustomersNew"
        } else {
            "customersNew"
        };
        let selection = |field: &str| match dialect {
            Dialect::GraphqlDocs => format!("nodes {{ {field} }}"),
            _ => format!("edges {{ node {{ {field} }} }}"),
        };
        let data = assert_ran(
            api.query(&format!("{{ {root} {{ {} }} }}", selection(own)), json!({}))
                .await,
        );
        let first = match dialect {
            Dialect::GraphqlDocs => data[root]["nodes"][0].clone(),
            _ => data[root]["edges"][0]["node"].clone(),
        };
        assert_eq!(first[own], "İSTANBUL", "{dialect}");
        assert_refused(
            &api.query(
                &format!("{{ {root} {{ {} }} }}", selection(other)),
                json!({}),
            )
            .await,
            &format!("The field `{other}` does not exist on the type `QueryCustomerModel`."),
        );
        let (plate, plate_value) = if guide {
            ("vehiclePlate", "34ABC123")
        } else {
            ("vehiclePlateCode", "ABC123")
        };
        let root = if guide {
            "getProposalsNew"
        } else {
            "proposalsNew"
        };
        let data = assert_ran(
            api.query(
                &format!("{{ {root} {{ {} }} }}", selection(&format!("id {plate}"))),
                json!({}),
            )
            .await,
        );
        let first = match dialect {
            Dialect::GraphqlDocs => data[root]["nodes"][0].clone(),
            _ => data[root]["edges"][0]["node"].clone(),
        };
        assert_eq!(
            (first["id"].as_str(), first[plate].as_str()),
            (Some(proposal.as_str()), Some(plate_value))
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_documented_open_case_check_runs_in_every_dialect_with_its_filter_type() {
    for (dialect, where_type) in [
        (Dialect::Guide, "CaseFilterInput"),
        (Dialect::GraphqlDocs, "QueryCaseModelFilterInput"),
        (Dialect::VendorSdk, "filtering_QueryCaseModelFilterInput"),
    ] {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        api.post(
            "/api/cases:new-sale-opportunity",
            json!({"customerId": customer, "productBranch": "KASKO", "channel": "WEBSITE"}),
        )
        .await
        .expect(200);
        // The kasko guide's literal query, as written there.
        let literal = format!(
            r#"{{ cases(skip: 0, take: 100, where: {{customerId: {{eq: "{customer}"}}, status: {{eq: OPEN}}, type: {{eq: SALE_OPPORTUNITY}}, productBranch: {{eq: KASKO}}}}, order: {{createdAt: DESC}}) {{ totalCount items {{ productBranch type status }} }} }}"#
        );
        let data = assert_ran(api.query(&literal, json!({})).await);
        assert_eq!(data["cases"]["totalCount"], 1, "{dialect}");
        assert_eq!(
            data["cases"]["items"][0],
            json!({"productBranch": "KASKO", "type": "SALE_OPPORTUNITY", "status": "OPEN"})
        );
        let with_variable = format!(
            "query($where: {where_type}) {{ cases(where: $where) {{ totalCount pageInfo {{ hasNextPage }} }} }}"
        );
        let data = assert_ran(
            api.query(
                &with_variable,
                json!({"where": {"productBranch": {"eq": "TRAFIK"}}}),
            )
            .await,
        );
        assert_eq!(data["cases"]["totalCount"], 0, "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invalid_query_is_a_400_unless_the_client_accepts_only_json() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let send = |accept: &'static str| {
            let request = api
                .http
                .post(api.url(api.graphql_path()))
                .bearer_auth(&api.token)
                .json(&json!({"query": "{ favouriteColour }"}));
            async move {
                Reply::from(
                    request
                        .header("accept", accept)
                        .send()
                        .await
                        .expect("request"),
                )
                .await
            }
        };
        for accept in ["application/graphql-response+json", "*/*"] {
            let reply = send(accept).await;
            assert_refused(
                &reply,
                "The field `favouriteColour` does not exist on the type `Query`.",
            );
            let extensions = &errors(&reply.body)[0]["extensions"];
            assert_eq!(extensions["type"], "Query");
            assert_eq!(extensions["field"], "favouriteColour");
            assert_eq!(
                extensions["specifiedBy"],
                "https://spec.graphql.org/October2021/#sec-Field-Selections-on-Objects-Interfaces-and-Unions-Types"
            );
            assert_eq!(extensions["traceId"].as_str().map(str::len), Some(32));
        }
        let legacy = send("application/json").await.expect(200);
        assert_eq!(
            legacy.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        assert!(!errors(&legacy.body).is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn policies_expanded_is_served_only_where_the_graphql_docs_document_it() {
    for dialect in [Dialect::Guide, Dialect::VendorSdk] {
        let api = Api::start_in(dialect).await;
        for field in ["policiesExpanded", "getPoliciesExpanded"] {
            assert_refused(
                &api.query(&format!("{{ {field} {{ totalCount }} }}"), json!({}))
                    .await,
                &format!("The field `{field}` does not exist on the type `Query`."),
            );
        }
    }
    let api = Api::start_in(Dialect::GraphqlDocs).await;
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
    let policy = bought.body["policyId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    api.control(
        &format!("/__sandbox/policies/{policy}/endorse"),
        json!({"netPremium": 250.0, "grossPremium": 275.0, "commission": 30.0}),
    )
    .await
    .expect(200);
    let query = "query($filter: QueryPoliciesResultFilterInput) {
        policiesExpanded(filter: $filter, order: [{createdAt: ASC}]) {
          totalCount nodes { id endorsementNumber endorsementType grossPremium
                             netPremiumChange grossPremiumChange commissionChange }
        }
        policiesNew(filter: $filter) { totalCount nodes { id endorsementNumber grossPremium } }
      }";
    let data = assert_ran(
        api.query(query, json!({"filter": {"id": {"eq": policy}}}))
            .await,
    );
    let versions = &data["policiesExpanded"];
    assert_eq!(versions["totalCount"], 2, "{data}");
    let rows = versions["nodes"].as_array().cloned().unwrap_or_default();
    let issue = rows
        .iter()
        .find(|r| r["endorsementNumber"] == 0)
        .cloned()
        .unwrap_or_default();
    let endorsement = rows
        .iter()
        .find(|r| r["endorsementNumber"] == 1)
        .cloned()
        .unwrap_or_default();
    assert_eq!(issue["endorsementType"], "INITIAL");
    assert_eq!(issue["grossPremiumChange"], issue["grossPremium"]);
    assert_eq!(endorsement["endorsementType"], "UPDATE");
    assert_eq!(endorsement["grossPremiumChange"], 275.0);
    assert_eq!(endorsement["netPremiumChange"], 250.0);
    assert_eq!(endorsement["commissionChange"], 30.0);
    assert_eq!(endorsement["id"], policy.as_str());
    let current = &data["policiesNew"];
    assert_eq!(current["totalCount"], 1);
    assert_eq!(current["nodes"][0]["endorsementNumber"], 1);
    assert_eq!(
        current["nodes"][0]["grossPremium"],
        endorsement["grossPremium"]
    );
}
