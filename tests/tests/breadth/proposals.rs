//! A proposal after the insurers answered: revising it, sending its documents to the customer,
//! the comparison PDF, what it was made from, and who looks after it.
//!
//! The tests that reach the server run against every dialect, with a client that finds it out
//! and one told it.

use crate::support::*;
use insurup::{
    AgentBranchId, CoverageGroupId, CustomerId, DocumentRecipient, NewAgentBranch, ProposalId,
    ProposalProductId, UserId, WaitOptions,
};
use insurup_sandbox::Dialect as Served;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn a_revised_proposal_is_a_new_one_that_insurers_answer_again() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(331)).await;
        let revised = client
            .proposals()
            .revise(&quoted.proposal.id, Vec::new())
            .await
            .expect("revised");
        assert_ne!(revised.id, quoted.proposal.id);
        let revised = client
            .proposals()
            .wait(
                &revised.id,
                WaitOptions::with_timeout(Duration::from_secs(30)),
            )
            .await
            .expect("answered");
        assert!(revised.cheapest_product(1).is_some());

        let product = quoted.proposal.cheapest_product(1).expect("a product");
        let group = product.coverage_group_id.clone();
        client
            .proposals()
            .revise_product(
                &quoted.proposal.id,
                &product.id,
                group.as_ref(),
                Some(serde_json::json!({})),
            )
            .await
            .expect("product revised");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_reach_the_customer_and_products_are_compared() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(332)).await;
        let proposals = client.proposals();
        let id = &quoted.proposal.id;
        let products: Vec<ProposalProductId> = quoted
            .proposal
            .products
            .iter()
            .filter(|p| p.is_purchasable())
            .map(|p| p.id.clone())
            .take(3)
            .collect();
        let email = DocumentRecipient::email("musteri@example.com");
        let sms = DocumentRecipient::sms("5321234567");

        proposals
            .send_document(id, &products[0], &quoted.customer.id, &email)
            .await
            .expect("document sent");
        proposals
            .send_information_form(id, &products[0], &quoted.customer.id, &sms)
            .await
            .expect("form sent");
        // Read at paths the dialects name differently (DIALECTS.md rows 19 and 20).
        let form = proposals
            .information_form(id, &products[0])
            .await
            .expect("form");
        assert!(form.url.starts_with("http"), "{form:?}");
        proposals
            .premium_detail(id, &products[0], 1)
            .await
            .expect("premium detail");
        let pdf = proposals
            .compare_pdf(id, &products, &["assistance".to_owned()])
            .await
            .expect("comparison");
        assert!(pdf.url.starts_with("http"));
        let again = proposals
            .compare_pdf(id, &products[..2], &[])
            .await
            .expect("another comparison");
        assert!(again.url.starts_with("http"));
        // The docs fetch it with GET, the vendor client posts (DIALECTS.md row 25).
        let route = "/api/proposals/{id}/products/compare-pdf";
        let (gets, posts) = (
            sandbox.requests(&format!("GET {route}")).await,
            sandbox.requests(&format!("POST {route}")).await,
        );
        let (ours, other) = if sandbox.dialect == Served::Guide {
            (gets, posts)
        } else {
            (posts, gets)
        };
        assert_eq!(
            ours, 2,
            "both in the dialect's verb (GET {gets}, POST {posts})"
        );
        assert!(
            other <= 1,
            "the other verb once at most (GET {gets}, POST {posts})"
        );
        proposals
            .send_compare_pdf(id, &products, &[], &quoted.customer.id, &email)
            .await
            .expect("comparison sent");
        let snapshot = proposals.snapshot(id).await.expect("snapshot");
        assert!(snapshot.get("insuredCustomer").is_some() || snapshot.get("vehicle").is_some());
        let coverage = proposals.proposal_coverage(id).await.expect("coverage");
        assert!(coverage.is_object() || coverage.is_null());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_proposal_is_handed_to_a_user_and_a_branch() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(333)).await;
        let me = client.reference().me().await.expect("me");
        let branch = client
            .agent_branches()
            .create(NewAgentBranch::new("Teklif Şubesi"))
            .await
            .expect("branch");
        client
            .proposals()
            .set_representative(&quoted.proposal.id, Some(&me.id))
            .await
            .expect("assigned");
        client
            .proposals()
            .set_branch(&quoted.proposal.id, Some(&branch.id))
            .await
            .expect("moved");
        let proposal = client
            .proposals()
            .get(&quoted.proposal.id)
            .await
            .expect("proposal");
        assert_eq!(proposal.agent_branch_id, Some(branch.id));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_proposal_input_is_refused_naming_the_field_before_anything_is_sent() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let proposals = client.proposals();
    let id = ProposalId::new("6650a1b2c3d4e5f601a2b3d0");
    let product = ProposalProductId::new("6650a1b2c3d4e5f601a2b3d1");
    let customer = CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001");
    let before = sandbox.total_requests().await;

    expect_field(
        proposals
            .revise(&id, ["a", "b", "c", "d"].map(CoverageGroupId::new).to_vec())
            .await,
        "coverage_group_ids",
    );
    expect_field(
        proposals.revise_product(&id, &product, None, None).await,
        "coverage",
    );
    expect_field(
        proposals
            .revise_product(&id, &product, None, Some(serde_json::json!([1])))
            .await,
        "coverage",
    );
    expect_field(
        proposals
            .send_document(&id, &product, &customer, &DocumentRecipient::email("x@"))
            .await,
        "email",
    );
    expect_field(
        proposals
            .send_information_form(&id, &product, &customer, &DocumentRecipient::sms("123"))
            .await,
        "phone_number",
    );
    expect_field(
        proposals
            .send_document(&id, &product, &customer, &DocumentRecipient::default())
            .await,
        "recipient",
    );
    expect_field(proposals.compare_pdf(&id, &[], &[]).await, "product_ids");
    expect_field(
        proposals.snapshot(&ProposalId::new("a b")).await,
        "proposal_id",
    );
    expect_field(
        proposals
            .set_representative(&id, Some(&UserId::new("")))
            .await,
        "agent_user_id",
    );
    expect_field(
        proposals
            .set_branch(&id, Some(&AgentBranchId::new("x/y")))
            .await,
        "agent_branch_id",
    );
    assert_eq!(sandbox.total_requests().await, before);
}
