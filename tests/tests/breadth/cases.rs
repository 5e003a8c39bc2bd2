//! Cases beyond the new sale: cross-sale, cancellation, endorsement and complaint cases, the
//! changes a CRM makes while working one, and what a case holds.

use crate::support::*;
use insurup::{
    AssetType, CaseId, CaseMainState, CaseSubState, CaseSubType, CaseType, Channel, Client,
    NewAgentBranch, NewCancelCase, NewComplaintCase, NewCrossSaleOpportunity, NewEndorsementCase,
    Payment, PolicyId, ProductBranch, UserId,
};

/// A bought kasko policy and its customer.
async fn bought_policy(client: &Client, n: u32) -> (insurup::Customer, PolicyId) {
    let quoted = quote(client, &tckn(n)).await;
    let best = quoted
        .proposal
        .cheapest_product(1)
        .expect("a priced product");
    let bought = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &best.id,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("bought");
    (quoted.customer, bought.policy_id)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cross_sale_opportunity_is_opened_from_an_existing_case() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customer = customer_with_contacts(&client, 321).await;
        let source = client
            .cases()
            .ensure_sale_opportunity(&customer.id, ProductBranch::Kasko, Channel::Api)
            .await
            .expect("source case");
        let cross = client
            .cases()
            .create_cross_sale_opportunity(NewCrossSaleOpportunity {
                source_case_id: source.id.clone(),
                customer_id: customer.id.clone(),
                product_branch: ProductBranch::Dask,
                channel: Some(Channel::CallCenter),
                asset_type: None,
                asset_id: None,
            })
            .await
            .expect("cross-sale");
        assert_eq!(cross.case_type, CaseType::SaleOpportunity);
        assert_eq!(cross.case_sub_type, Some(CaseSubType::CrossSale));
        assert_eq!(cross.source_case_id.as_ref(), Some(&source.id));
        assert_eq!(cross.base_product_branch, Some(ProductBranch::Dask));
        assert_eq!(cross.channel, Some(Channel::CallCenter));
        assert!(cross.is_open());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn endorsement_and_cancellation_cases_name_their_policy() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let (_, policy_id) = bought_policy(&client, 322).await;

        let endorsement = client
            .cases()
            .create_endorsement(NewEndorsementCase {
                policy_id: policy_id.clone(),
                sub_type: CaseSubType::VehicleChange,
                channel: None,
            })
            .await
            .expect("endorsement case");
        assert_eq!(endorsement.case_type, CaseType::Endorsement);
        assert_eq!(endorsement.policy_id.as_ref(), Some(&policy_id));
        assert_eq!(endorsement.case_sub_type, Some(CaseSubType::VehicleChange));

        let cancel = client
            .cases()
            .create_cancel(NewCancelCase {
                policy_id: policy_id.clone(),
                sub_type: CaseSubType::OnlineCancellationRefund,
                channel: Some(Channel::Website),
            })
            .await
            .expect("cancel case");
        assert_eq!(cancel.case_type, CaseType::Cancel);
        assert_eq!(cancel.policy_id.as_ref(), Some(&policy_id));
        assert_eq!(
            client
                .cases()
                .policies(cancel.id.as_ref())
                .await
                .expect("policies")
                .len(),
            1
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_case_is_opened_for_a_customer() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customer = customer_with_contacts(&client, 323).await;
        let complaint = client
            .cases()
            .create_complaint(NewComplaintCase {
                customer_id: customer.id.clone(),
                sub_type: CaseSubType::StaffAttitude,
                channel: Some(Channel::CallCenter),
                product_branch: Some(ProductBranch::Kasko),
                asset_type: None,
                asset_id: None,
            })
            .await
            .expect("complaint");
        assert_eq!(complaint.case_type, CaseType::Complaint);
        assert_eq!(complaint.customer_id, customer.id);
        assert_eq!(complaint.case_sub_type, Some(CaseSubType::StaffAttitude));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn working_a_case_changes_it_and_leaves_a_history() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(324)).await;
        let me = client.reference().me().await.expect("me");
        let branch = client
            .agent_branches()
            .create(NewAgentBranch::new("Vaka Şubesi"))
            .await
            .expect("branch");
        let case = client
            .cases()
            .ensure_sale_opportunity(&quoted.customer.id, ProductBranch::Kasko, Channel::Api)
            .await
            .expect("case");
        let case_ref = case.case_ref.clone().unwrap_or_else(|| case.id.to_string());
        let cases = client.cases();

        cases
            .set_representative(&case_ref, Some(&me.id))
            .await
            .expect("assigned");
        cases
            .add_note(&case_ref, "Müşteri akşam aranacak.")
            .await
            .expect("noted");
        cases
            .set_channel(&case_ref, Channel::CallCenter)
            .await
            .expect("channel");
        cases
            .set_state(
                &case_ref,
                CaseMainState::InProgress,
                CaseSubState::InProgressUnderAnalysis,
                Some("Teklifler inceleniyor"),
            )
            .await
            .expect("state");
        cases
            .set_asset(&case_ref, AssetType::Vehicle, quoted.vehicle.id.as_str())
            .await
            .expect("asset");
        cases
            .set_branch(&case_ref, Some(&branch.id))
            .await
            .expect("branch");

        let worked = cases.get(&case_ref).await.expect("case");
        assert_eq!(
            worked.represented_by.and_then(|by| by.id),
            Some(me.id.clone())
        );
        assert_eq!(worked.channel, Some(Channel::CallCenter));
        assert_eq!(worked.main_state, Some(CaseMainState::InProgress));
        assert_eq!(
            worked.sub_state.as_deref(),
            Some("IN_PROGRESS_UNDER_ANALYSIS")
        );
        assert_eq!(worked.asset_id.as_deref(), Some(quoted.vehicle.id.as_str()));
        assert_eq!(worked.agent_branch_id.as_ref(), Some(&branch.id));
        assert!(
            worked
                .notes
                .iter()
                .any(|n| n.note == "Müşteri akşam aranacak.")
        );

        let activities = cases.activities(&case_ref).await.expect("activities");
        let changed = activities
            .iter()
            .find(|a| a.action == "STATE_CHANGED")
            .expect("a state change");
        assert_eq!(
            changed.new_sub_state,
            Some(CaseSubState::InProgressUnderAnalysis)
        );
        assert!(activities.iter().any(|a| a.action == "NOTE_ADDED"));
        let _ = cases.proposals(&case_ref).await.expect("proposals");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_case_input_is_refused_naming_the_field_before_anything_is_sent() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let cases = client.cases();
    let customer = insurup::CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001");
    let before = sandbox.total_requests().await;

    expect_field(
        cases
            .create_cross_sale_opportunity(NewCrossSaleOpportunity {
                source_case_id: CaseId::new("no spaces"),
                customer_id: customer.clone(),
                product_branch: ProductBranch::Dask,
                channel: None,
                asset_type: None,
                asset_id: None,
            })
            .await,
        "source_case_id",
    );
    expect_field(
        cases
            .create_complaint(NewComplaintCase {
                customer_id: customer,
                sub_type: CaseSubType::Fraud,
                channel: None,
                product_branch: None,
                asset_type: Some(AssetType::Vehicle),
                asset_id: None,
            })
            .await,
        "asset_id",
    );
    expect_field(
        cases
            .create_cancel(NewCancelCase {
                policy_id: PolicyId::new(""),
                sub_type: CaseSubType::PartialCancellation,
                channel: None,
            })
            .await,
        "policy_id",
    );
    expect_field(cases.add_note("SF-2026-000001", "  ").await, "note");
    expect_field(
        cases.add_note("SF-2026-000001", &"x".repeat(4001)).await,
        "note",
    );
    expect_field(
        cases
            .set_state(
                "SF-2026-000001",
                CaseMainState::Open,
                CaseSubState::SuccessCompleted,
                None,
            )
            .await,
        "sub_state",
    );
    expect_field(
        cases
            .set_representative("SF 2026", Some(&UserId::new("u1")))
            .await,
        "case_ref",
    );
    expect_field(
        cases
            .set_asset("SF-2026-000001", AssetType::Property, "a/b")
            .await,
        "asset_id",
    );
    expect_field(cases.activities("../x").await, "case_ref");
    assert_eq!(sandbox.total_requests().await, before);
}
