//! Reading back, changing and removing what a CRM created: vehicles, customers and branches; a
//! quote's products, coverage tables and documents; the policy's document; the coverage groups a
//! proposal may ask for; a failed insurer asked again; the 3-D Secure start of a web sale; a
//! customer's cases as a GraphQL page.
//!
//! Each test runs against every dialect, with a client that finds it out and one told it.

use crate::support::*;
use std::time::Duration;

use insurup::graphql::CaseFields;
use insurup::{
    Channel, ErrorKind, ListQuery, NewAgentBranch, NewVehicle, ProductBranch, ProductState,
    WaitOptions,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_vehicle_is_listed_read_back_and_removed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(361)).await;
        let vehicles = client.vehicles();
        let customer = &quoted.customer.id;
        let second = vehicles
            .create(
                customer,
                NewVehicle::new("06XYZ789").with_document_serial("CD", "654321"),
            )
            .await
            .expect("a second vehicle");

        let listed = vehicles.list(customer).await.expect("listed");
        let ids: Vec<_> = listed.iter().map(|vehicle| vehicle.id.clone()).collect();
        assert!(
            ids.contains(&quoted.vehicle.id) && ids.contains(&second.id),
            "{ids:?}"
        );

        let read = vehicles.get(customer, &second.id).await.expect("read");
        assert_eq!(read.id, second.id);
        assert_eq!(&read.customer_id, customer);
        assert_eq!(read.plate, second.plate);

        vehicles
            .delete(customer, &second.id)
            .await
            .expect("removed");
        let gone = vehicles.get(customer, &second.id).await.expect_err("gone");
        assert_eq!(gone.kind(), ErrorKind::NotFound, "{gone}");
        let listed = vehicles.list(customer).await.expect("listed again");
        assert!(listed.iter().all(|vehicle| vehicle.id != second.id));
        assert!(listed.iter().any(|vehicle| vehicle.id == quoted.vehicle.id));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_is_looked_up_in_the_registry_and_removed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customers = client.customers();
        let identity = tckn(362);

        let lookup = customers
            .lookup_individual(&identity, Some("1990-01-01"))
            .await
            .expect("the registry knows the person");
        assert!(
            lookup
                .full_name
                .as_deref()
                .is_some_and(|name| !name.is_empty())
        );

        let customer = customer_with_contacts(&client, 362).await;
        customers.delete(&customer.id).await.expect("removed");
        let gone = customers.get(&customer.id).await.expect_err("gone");
        assert_eq!(gone.kind(), ErrorKind::NotFound, "{gone}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_branch_is_read_renamed_and_removed() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let branches = client.agent_branches();
        let created = branches
            .create(NewAgentBranch::new("Kadıköy Şubesi"))
            .await
            .expect("created");

        let read = branches.get(&created.id).await.expect("read");
        assert_eq!(read.name, "Kadıköy Şubesi");

        let renamed = branches
            .update(&created.id, NewAgentBranch::new("Moda Şubesi"))
            .await
            .expect("renamed");
        assert_eq!(
            (renamed.id.clone(), renamed.name.as_str()),
            (created.id.clone(), "Moda Şubesi")
        );
        assert_eq!(
            branches.get(&created.id).await.expect("read again").name,
            "Moda Şubesi"
        );

        branches.delete(&created.id).await.expect("removed");
        let listed = branches.list().await.expect("listed");
        assert!(listed.iter().all(|branch| branch.id != created.id));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quotes_products_coverage_and_documents_read_back() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let proposals = client.proposals();
        let quoted = quote(&client, &tckn(363)).await;
        let id = &quoted.proposal.id;

        let products = proposals.products(id).await.expect("products");
        let mut listed: Vec<_> = products.iter().map(|p| p.id.clone()).collect();
        let mut known: Vec<_> = quoted
            .proposal
            .products
            .iter()
            .map(|p| p.id.clone())
            .collect();
        listed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        known.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        assert_eq!(listed, known, "the same products as the proposal");

        let best = quoted
            .proposal
            .cheapest_product(None)
            .expect("a cash offer");
        let coverage = proposals.coverage(id, &best.id).await.expect("coverage");
        assert!(
            coverage.as_object().is_some_and(|table| !table.is_empty())
                || coverage.as_array().is_some_and(|rows| !rows.is_empty()),
            "a coverage table: {coverage}"
        );
        let document = proposals.document(id, &best.id).await.expect("document");
        assert!(document.url.starts_with("http"), "{}", document.url);

        let (_, bought) = buy_cheapest(&client, &quoted.proposal).await;
        let policy_document = client
            .policies()
            .document(&bought.policy_id)
            .await
            .expect("the policy's document");
        assert!(
            policy_document.url.starts_with("http"),
            "{}",
            policy_document.url
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn only_a_failed_insurer_is_asked_again() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let proposals = client.proposals();
        let mut proposal = quote(&client, &tckn(364)).await.proposal;

        let answered = proposal
            .cheapest_product(None)
            .expect("an answered product");
        let refused = proposals
            .retry_product(&proposal.id, &answered.id)
            .await
            .expect_err("an answered product is not asked again");
        assert_eq!(refused.kind(), ErrorKind::Conflict, "{refused}");

        // Each insurer refuses about one quote in ten: revise until one has.
        let mut revisions = 0;
        let failed = loop {
            let failed = proposal
                .products
                .iter()
                .find(|p| p.state == ProductState::Failed);
            if let Some(failed) = failed {
                break failed.id.clone();
            }
            assert!(revisions < 8, "no insurer refused in {revisions} revisions");
            revisions += 1;
            let revised = proposals
                .revise(&proposal.id, Vec::new())
                .await
                .expect("revised");
            proposal = proposals
                .wait(
                    &revised.id,
                    WaitOptions::with_timeout(Duration::from_secs(30)),
                )
                .await
                .expect("answered");
        };
        proposals
            .retry_product(&proposal.id, &failed)
            .await
            .expect("asked again");
        let again = proposals
            .product(&proposal.id, &failed)
            .await
            .expect("read back");
        assert_ne!(
            again.state,
            ProductState::Failed,
            "waiting or answered anew"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn coverage_groups_list_and_read_one_by_one() {
    in_each_dialect(async |sandbox| {
        let reference = sandbox.client().reference();
        let groups = reference.coverage_groups().await.expect("coverage groups");
        assert!(!groups.is_empty());
        for group in &groups {
            let read = reference
                .coverage_group(&group.id)
                .await
                .expect("one group");
            assert_eq!(&read, group);
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_web_sale_starts_with_the_banks_page() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(365)).await;
        let best = quoted
            .proposal
            .cheapest_product(None)
            .expect("a cash offer");

        let redirect = client
            .purchase()
            .start_3d_secure(
                &quoted.proposal.id,
                &best.id,
                &card(),
                None,
                "https://crm.example.com/3d-secure/done",
            )
            .await
            .expect("started");
        assert!(
            redirect.redirect_url.starts_with("http"),
            "{}",
            redirect.redirect_url
        );
        assert_eq!(
            purchases_of(sandbox, best.id.as_str()).await,
            0,
            "nothing bought yet"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customers_cases_are_one_graphql_page() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customer = customer_with_contacts(&client, 366).await;
        let opened = client
            .cases()
            .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
            .await
            .expect("a sale opportunity");

        let query = ListQuery::first(10).filter(CaseFields::customer_id().eq(customer.id.as_str()));
        let page = client
            .graphql()
            .cases(&query)
            .await
            .expect("a page of cases");
        let ids: Vec<_> = page.items.iter().map(|row| row.id.clone()).collect();
        assert_eq!(ids, vec![opened.id.clone()], "the customer's one case");
        assert_eq!(page.total_count, Some(1));
        assert!(!page.page_info.has_next_page);
    })
    .await;
}
