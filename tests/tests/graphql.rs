//! GraphQL lists: lazy paging over long lists, filters and sort orders.

mod support;

use futures::TryStreamExt;
use insurup::graphql::{PolicyFields, PolicyRow};
use insurup::{ListQuery, PolicyState};
use insurup_sandbox::SandboxConfig;
use support::*;

const GENERATED: usize = 10_000;

async fn sandbox_with_policies() -> TestSandbox {
    TestSandbox::start_with(SandboxConfig {
        generated_policies: GENERATED,
        ..SandboxConfig::for_tests()
    })
    .await
}

async fn all(client: &insurup::Client, query: ListQuery) -> Vec<PolicyRow> {
    client
        .graphql()
        .policies_stream(query)
        .try_collect()
        .await
        .expect("stream")
}

#[tokio::test(flavor = "multi_thread")]
async fn streaming_returns_every_row_once_in_order_fetching_pages_lazily() {
    let sandbox = sandbox_with_policies().await;
    let client = sandbox.client();
    let first_page = client
        .graphql()
        .policies(&ListQuery::first(500))
        .await
        .expect("page");
    let total = first_page.total_count.expect("total count") as usize;
    assert!(total >= GENERATED);

    let before = sandbox.requests("POST /api/graphql").await;
    let mut stream = Box::pin(client.graphql().policies_stream(ListQuery::first(97)));
    let first = stream.try_next().await.expect("row").expect("some row");
    assert_eq!(
        sandbox.requests("POST /api/graphql").await - before,
        1,
        "one page is fetched for the first row, not the whole list"
    );
    assert_eq!(first.id, first_page.items[0].id);
    drop(stream);

    let small_pages = all(&client, ListQuery::first(97)).await;
    let large_pages = all(&client, ListQuery::first(500)).await;
    assert_eq!(small_pages.len(), total);
    let ids: std::collections::HashSet<_> = small_pages.iter().map(|row| &row.id).collect();
    assert_eq!(ids.len(), total, "no row twice");
    let small: Vec<_> = small_pages.iter().map(|row| &row.id).collect();
    let large: Vec<_> = large_pages.iter().map(|row| &row.id).collect();
    assert_eq!(small, large, "the same order whatever the page size");
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_return_what_an_independent_count_says() {
    let sandbox = sandbox_with_policies().await;
    let client = sandbox.client();
    let everything = all(&client, ListQuery::first(500)).await;
    let expected = everything
        .iter()
        .filter(|row| row.state == PolicyState::Active)
        .filter(|row| row.gross_premium.is_some_and(|premium| premium >= 5000.0))
        .count();
    assert!(
        expected > 0 && expected < everything.len(),
        "a selective filter"
    );

    let query = ListQuery::first(250)
        .filter(PolicyFields::state().eq(PolicyState::Active))
        .filter(PolicyFields::gross_premium().gte(5000.0));
    let page = client.graphql().policies(&query).await.expect("page");
    assert_eq!(page.total_count, Some(expected as u32));
    let filtered = all(&client, query).await;
    assert_eq!(filtered.len(), expected);

    let by_name = everything
        .iter()
        .filter(|row| {
            row.insurance_company_name
                .as_deref()
                .is_some_and(|n| n.contains("Anadolu"))
        })
        .count();
    let named = all(
        &client,
        ListQuery::first(500).filter(PolicyFields::insurance_company_name().contains("Anadolu")),
    )
    .await;
    assert_eq!(named.len(), by_name);
}

#[tokio::test(flavor = "multi_thread")]
async fn sort_orders_are_applied_by_the_server() {
    let sandbox = sandbox_with_policies().await;
    let client = sandbox.client();
    let rows = all(
        &client,
        ListQuery::first(500).order_by(PolicyFields::gross_premium().desc()),
    )
    .await;
    let premiums: Vec<f64> = rows.iter().filter_map(|row| row.gross_premium).collect();
    assert!(premiums.windows(2).all(|pair| pair[0] >= pair[1]));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bought_policy_shows_up_in_the_agents_list_with_its_branch() {
    let sandbox = TestSandbox::start().await;
    let branch = sandbox
        .client()
        .reference()
        .agent_branches()
        .await
        .expect("branches")
        .into_iter()
        .next()
        .expect("the seeded branch");
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .agent_branch_id(branch.id.clone())
        .build()
        .expect("a client producing for the branch");
    let quoted = quote(&client, &tckn(51)).await;
    let best = quoted.proposal.cheapest_product(1).expect("product");
    let bought = client
        .purchase()
        .credit_card(&quoted.proposal.id, &best.id, card(), 1)
        .await
        .expect("bought");
    let page = client
        .graphql()
        .policies(&ListQuery::first(10).filter(PolicyFields::id().eq(bought.policy_id.as_str())))
        .await
        .expect("page");
    assert_eq!(page.items.len(), 1);
    let row = &page.items[0];
    assert_eq!(row.state, PolicyState::Active);
    assert_eq!(row.agent_branch_id.as_ref(), Some(&branch.id));
    let shown = row.agent_branch.as_ref().expect("the branch is expanded");
    assert_eq!(shown.id, branch.id);
    assert_eq!(shown.name.as_deref(), Some(branch.name.as_str()));
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_errors_become_the_same_kinds_as_rest() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let error = client
        .graphql()
        .execute(
            "query { policiesNew(first: 100000) { totalCount } }",
            serde_json::json!({}),
        )
        .await
        .expect_err("page too large");
    assert_eq!(error.kind(), insurup::ErrorKind::BadRequest);
    assert!(!error.graphql_errors().is_empty());
    let error = client
        .graphql()
        .execute("query { nope }", serde_json::json!({}))
        .await
        .expect_err("unknown field");
    assert_eq!(error.kind(), insurup::ErrorKind::BadRequest);
}

#[tokio::test(flavor = "multi_thread")]
async fn graphql_variables_are_an_object_and_none_is_sent_as_an_empty_one() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let query = "query { policiesNew(first: 1) { totalCount } }";
    let data = client
        .graphql()
        .execute(query, serde_json::Value::Null)
        .await
        .expect("no variables is the same as {}");
    assert!(data["policiesNew"]["totalCount"].is_number(), "{data}");
    let graphql_requests = async || sandbox.stats().await["requests"]["POST /api/graphql"].clone();
    let before = graphql_requests().await;
    let error = client
        .graphql()
        .execute(query, serde_json::json!(["not", "an", "object"]))
        .await
        .expect_err("variables must be an object");
    assert_eq!(error.kind(), insurup::ErrorKind::Validation);
    assert_eq!(error.field(), Some("variables"));
    assert_eq!(graphql_requests().await, before, "nothing was sent");
}
