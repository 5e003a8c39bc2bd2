//! GraphQL lists beyond the four the guide documents: Atlas Search with its operators and score
//! ordering, the filter operators, the total count on request, every list paged, counted and
//! streamed, and the lists of agent users, policy transfers, webhook deliveries and policy
//! versions; each in every dialect, or with the SDK's error where a dialect documents none.

use crate::support::receiver::Receiver;
use crate::support::*;
use futures::TryStreamExt;
use insurup::graphql::{
    AgentUserFields, CaseFields, CustomerFields, PolicyFields, PolicyTransferFields,
    ProposalFields, WebhookDeliveryFields,
};
use insurup::{
    CaseSubType, Channel, Client, CustomerType, Dialect, ErrorKind, Filter, ListQuery,
    NewComplaintCase, NewCustomer, NewWebhook, Order, ProductBranch, WebhookEvent,
};
use insurup_sandbox::{Dialect as Served, SandboxConfig};

const NAMES: [&str; 3] = ["Ahmet Yılmaz", "Mehmet Kaya", "Ayşe Ahmetoğlu"];

/// Three customers named [`NAMES`] (numbers 351-353).
async fn named_customers(client: &Client) {
    for (n, name) in (351..).zip(NAMES) {
        client
            .customers()
            .create(
                NewCustomer::individual(tckn(n))
                    .with_birth_date("1990-01-01")
                    .with_full_name(name),
            )
            .await
            .expect("customer");
    }
}

/// The names of `query`'s customers that are among [`NAMES`], in the order listed.
async fn names(client: &Client, query: ListQuery) -> Vec<String> {
    client
        .graphql()
        .customers(&query)
        .await
        .expect("a page")
        .items
        .into_iter()
        .filter_map(|row| row.name)
        .filter(|name| NAMES.contains(&name.as_str()))
        .collect()
}

/// What a list the B2B guide documents no query for gives in its dialect: a validation error
/// naming the list, before any GraphQL request.
async fn absent_from_the_guide<T: std::fmt::Debug>(
    sandbox: &TestSandbox,
    result: insurup::Result<T>,
    list: &str,
) {
    assert_eq!(sandbox.dialect, Served::Guide);
    let error = result.expect_err(list);
    assert_eq!(error.kind(), ErrorKind::Validation, "{list}: {error}");
    assert_eq!(error.field(), Some(list), "{error}");
    assert!(error.to_string().contains("guide"), "{error}");
    assert_eq!(
        sandbox.requests("POST /graphql").await,
        0,
        "{list}: nothing was sent"
    );
}

async fn search_ranks_matches_by_score_in(served: Served) {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        dialect: served,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox.client();
    named_customers(&client).await;

    // "ahmet" begins a word of two names; the surname match is boosted above the first name.
    let query = ListQuery::first(20)
        .filter(
            CustomerFields::name()
                .search()
                .autocomplete("ahmetoğ")
                .boost(5.0)
                .or(CustomerFields::name().search().autocomplete("ahmet")),
        )
        .order_by(Order::search_score());
    let page = client.graphql().customers(&query).await.expect("searched");
    let found: Vec<&str> = page
        .items
        .iter()
        .filter_map(|r| r.name.as_deref())
        .collect();
    assert_eq!(
        found,
        ["Ayşe Ahmetoğlu", "Ahmet Yılmaz"],
        "best match first"
    );
    assert!(
        page.items.iter().all(|row| row.search_score.is_some()),
        "rows carry their score"
    );
    assert!(page.items[0].search_score > page.items[1].search_score);

    // A search beside a filter: both apply.
    let both = ListQuery::first(20)
        .filter(CustomerFields::name().search().text_search("kaya"))
        .filter(CustomerFields::customer_type().eq(CustomerType::Individual));
    assert_eq!(names(&client, both).await, ["Mehmet Kaya"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn search_ranks_matches_by_score_in_the_vendor_clients_dialect() {
    search_ranks_matches_by_score_in(Served::VendorSdk).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_ranks_matches_by_score_in_the_graphql_docs_dialect() {
    search_ranks_matches_by_score_in(Served::GraphqlDocs).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guides_dialect_has_no_search_and_says_so_without_a_request() {
    let sandbox = TestSandbox::start_with(SandboxConfig {
        dialect: Served::Guide,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .dialect(Dialect::Guide)
        .build()
        .expect("client");
    let before = sandbox.total_requests().await;
    let query = ListQuery::first(10).filter(CustomerFields::name().search().autocomplete("ahmet"));
    expect_field(client.graphql().customers(&query).await, "search");
    assert_eq!(sandbox.total_requests().await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_string_operator_selects_what_it_says() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        named_customers(&client).await;
        let name = CustomerFields::name;
        let cases: [(Filter, &[&str]); 8] = [
            (
                name().not_contains("Kaya"),
                &["Ahmet Yılmaz", "Ayşe Ahmetoğlu"],
            ),
            (
                name().not_in(["Mehmet Kaya"]),
                &["Ahmet Yılmaz", "Ayşe Ahmetoğlu"],
            ),
            (name().is_in(["Mehmet Kaya"]), &["Mehmet Kaya"]),
            (
                name().neq("Mehmet Kaya"),
                &["Ahmet Yılmaz", "Ayşe Ahmetoğlu"],
            ),
            (name().not_starts_with("A"), &["Mehmet Kaya"]),
            (
                name().not_ends_with("oğlu"),
                &["Ahmet Yılmaz", "Mehmet Kaya"],
            ),
            (
                name().starts_with("A").and(name().ends_with("oğlu")),
                &["Ayşe Ahmetoğlu"],
            ),
            (
                name().contains("Kaya").or(name().contains("Yılmaz")),
                &["Ahmet Yılmaz", "Mehmet Kaya"],
            ),
        ];
        for (filter, expected) in cases {
            let printed = format!("{:?}", filter.to_json());
            let query = ListQuery::first(50)
                .filter(filter)
                .order_by(CustomerFields::name().asc());
            assert_eq!(names(&client, query).await, expected, "{printed}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn number_and_date_operators_bound_the_list() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(354)).await;
        let (best, bought) = buy_cheapest(&client, &quoted.proposal).await;
        let gross = best.premium(1).expect("cash premium").gross_premium;
        let policies = |filter: Filter| async {
            client
                .graphql()
                .policies(&ListQuery::first(50).filter(filter))
                .await
                .expect("policies")
                .items
                .into_iter()
                .map(|row| row.id)
                .collect::<Vec<_>>()
        };
        let premium = PolicyFields::gross_premium;
        assert_eq!(
            policies(premium().nlt(gross)).await,
            std::slice::from_ref(&bought.policy_id)
        );
        assert!(policies(premium().ngte(gross)).await.is_empty());
        assert_eq!(
            policies(premium().is_in([gross])).await,
            std::slice::from_ref(&bought.policy_id)
        );
        assert!(policies(premium().not_in([gross])).await.is_empty());
        assert!(policies(premium().neq(gross)).await.is_empty());
        assert_eq!(
            policies(PolicyFields::created_at().ngt("2999-01-01T00:00:00Z")).await,
            std::slice::from_ref(&bought.policy_id)
        );
        assert!(
            policies(PolicyFields::created_at().nlte("2999-01-01T00:00:00Z"))
                .await
                .is_empty()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_total_count_is_there_unless_left_out() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        named_customers(&client).await;
        let query = ListQuery::first(2);
        let counted = client.graphql().customers(&query).await.expect("page");
        assert!(counted.total_count.is_some_and(|total| total >= 3));
        assert_eq!(counted.items.len(), 2);

        let lean = client.graphql().without_total_count();
        assert!(!lean.includes_total_count());
        let uncounted = lean.customers(&query).await.expect("page");
        assert_eq!(uncounted.total_count, None);
        assert_eq!(uncounted.items, counted.items, "the same rows");
        let all: Vec<_> = lean
            .customer_rows(ListQuery::first(2))
            .next_batch(100)
            .await
            .expect("rows");
        assert_eq!(all.len(), 2, "paging needs no count");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn agent_users_are_listed_with_their_roles_and_branches() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let me = client.reference().me().await.expect("me");
        let page = client
            .graphql()
            .agent_users(
                &ListQuery::first(50).filter(AgentUserFields::is_service_account().eq(false)),
            )
            .await;
        if sandbox.dialect == Served::Guide {
            return absent_from_the_guide(sandbox, page, "agentUsersNew").await;
        }
        let page = page.expect("users");
        assert!(page.items.iter().any(|user| user.id == me.id));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn webhook_deliveries_are_listed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let receiver = Receiver::start().await;
        let webhook = client
            .webhooks()
            .create(NewWebhook::new(
                &receiver.url,
                vec![WebhookEvent::CustomerCreated],
                "whsec-graphql-0123456789",
            ))
            .await
            .expect("webhook");
        named_customers(&client).await;
        receiver.wait_for("customer.created").await;
        let deliveries = client
            .graphql()
            .webhook_deliveries(
                &ListQuery::first(50)
                    .filter(WebhookDeliveryFields::webhook_id().eq(webhook.id.as_str())),
            )
            .await;
        if sandbox.dialect == Served::Guide {
            return absent_from_the_guide(sandbox, deliveries, "webhookDeliveriesNew").await;
        }
        let deliveries = deliveries.expect("deliveries");
        assert!(!deliveries.items.is_empty());
        assert!(
            deliveries
                .items
                .iter()
                .all(|d| d.event == Some(WebhookEvent::CustomerCreated))
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn policy_transfers_and_policy_versions_are_listed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let transfers = client
            .graphql()
            .policy_transfers(
                &ListQuery::first(10).filter(PolicyTransferFields::start_date().gte("2020-01-01")),
            )
            .await;
        let versions = client
            .graphql()
            .policies_expanded(&ListQuery::first(10))
            .await;
        match sandbox.dialect {
            Served::Guide => {
                absent_from_the_guide(sandbox, transfers, "policyTransfersNew").await;
                absent_from_the_guide(sandbox, versions, "policiesExpanded").await;
            }
            // Only the GraphQL docs document `policiesExpanded`.
            Served::GraphqlDocs => {
                assert!(transfers.expect("transfers").total_count.is_some());
                assert!(versions.expect("versions").total_count.is_some());
            }
            // The vendor client does not query it, so the SDK asks in its spelling and the
            // server's refusal comes back as it was sent.
            Served::VendorSdk => {
                assert!(transfers.expect("transfers").total_count.is_some());
                let error = versions.expect_err("no policiesExpanded");
                assert_eq!(error.kind(), ErrorKind::BadRequest, "{error}");
                assert!(error.to_string().contains("policiesExpanded"), "{error}");
            }
        }
    })
    .await;
}

/// Checks one list in the sandbox's dialect: a counted page, the same page uncounted, and the
/// stream of every row, counted or not, agreeing with the count. Returns every row.
macro_rules! check_list {
    ($graphql:expr, $page:ident, $stream:ident, $query:expr) => {{
        let what = stringify!($page);
        let counted = $graphql
            .$page(&$query)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let total = counted
            .total_count
            .unwrap_or_else(|| panic!("{what}: a total count"));
        assert!(total >= 1, "{what}: the row the test made is listed");
        let lean = $graphql
            .without_total_count()
            .$page(&$query)
            .await
            .unwrap_or_else(|e| panic!("{what} without its count: {e}"));
        assert_eq!(lean.total_count, None, "{what}: no count asked, none given");
        assert_eq!(lean.items, counted.items, "{what}: the same rows");
        let every: Vec<_> = $graphql
            .$stream($query.clone())
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("{what} streamed: {e}"));
        assert_eq!(
            every.len() as u32,
            total,
            "{what}: the stream reads every row"
        );
        let uncounted: Vec<_> = $graphql
            .without_total_count()
            .$stream($query.clone())
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("{what} streamed without its count: {e}"));
        assert_eq!(uncounted, every, "{what}: paging needs no count");
        every
    }};
}

#[tokio::test(flavor = "multi_thread")]
async fn every_list_pages_counts_and_streams_the_same_rows_in_every_dialect() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(355)).await;
        let customer = &quoted.customer;
        let (_, bought) = buy_cheapest(&client, &quoted.proposal).await;
        let case = client
            .cases()
            .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
            .await
            .expect("case");
        let complaint = client
            .cases()
            .create_complaint(NewComplaintCase {
                customer_id: customer.id.clone(),
                sub_type: CaseSubType::StaffAttitude,
                channel: None,
                product_branch: None,
                asset_type: None,
                asset_id: None,
            })
            .await
            .expect("a second case");
        let graphql = client.graphql();

        let customers = check_list!(
            graphql,
            customers,
            customers_stream,
            ListQuery::first(1).filter(CustomerFields::identity_number().eq(tckn(355)))
        );
        assert_eq!(customers[0].id, customer.id);
        assert_eq!(customers[0].customer_type, Some(CustomerType::Individual));

        let proposals = check_list!(
            graphql,
            proposals,
            proposals_stream,
            ListQuery::first(1)
                .filter(ProposalFields::insured_customer_identity_number().eq(tckn(355)))
        );
        let proposal = &proposals[0];
        assert_eq!(proposal.id, quoted.proposal.id);
        assert_eq!(proposal.product_branch, Some(ProductBranch::Kasko));
        assert!(proposal.lowest_premium.is_some(), "{proposal:?}");

        let policies = check_list!(
            graphql,
            policies,
            policies_stream,
            ListQuery::first(1).filter(PolicyFields::id().eq(bought.policy_id.as_str()))
        );
        let policy = &policies[0];
        let read = client
            .policies()
            .get(&bought.policy_id)
            .await
            .expect("policy");
        assert_eq!(policy.state, read.state);
        assert_eq!(policy.gross_premium, read.gross_premium, "{policy:?}");
        assert_eq!(policy.product_branch, Some(ProductBranch::Kasko));
        assert!(policy.insurance_company_name.is_some(), "{policy:?}");
        assert_eq!(
            policy.insured_customer_identity_number.as_deref(),
            Some(tckn(355).as_str())
        );
        assert_eq!(policy.vehicle_plate.as_deref(), Some(PLATE), "{policy:?}");
        // A field the dialects spell differently (`vehiclePlate`, `vehiclePlateCode`).
        let by_plate = graphql
            .policies(
                &ListQuery::first(5).filter(
                    PolicyFields::vehicle_plate()
                        .eq(PLATE)
                        .and(PolicyFields::insured_customer_identity_number().eq(tckn(355))),
                ),
            )
            .await
            .expect("policies by plate");
        let ids: Vec<_> = by_plate.items.iter().map(|row| &row.id).collect();
        assert_eq!(ids, [&bought.policy_id], "found by its plate");
        let by_plate = graphql
            .proposals(&ListQuery::first(5).filter(ProposalFields::vehicle_plate().eq(PLATE)))
            .await
            .expect("proposals by plate");
        assert!(
            by_plate
                .items
                .iter()
                .any(|row| row.id == quoted.proposal.id),
            "found by its plate: {by_plate:?}"
        );

        let cases = check_list!(
            graphql,
            cases,
            cases_stream,
            ListQuery::first(1).filter(CaseFields::customer_id().eq(customer.id.as_str()))
        );
        let mut ids: Vec<_> = cases.iter().map(|row| row.id.clone()).collect();
        ids.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        let mut made = vec![case.id.clone(), complaint.id.clone()];
        made.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        assert_eq!(ids, made, "both cases, a page each");
    })
    .await;
}
