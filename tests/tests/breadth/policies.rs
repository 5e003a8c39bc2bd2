//! Policies beyond reading them: representative, branch, policies bought elsewhere entered by
//! hand, and policy transfers from the insurers' systems.

use crate::support::*;
use insurup::{
    AgentBranchId, ManualPolicy, NewAgentBranch, PolicyId, PolicyState, ProductBranch, UserId,
};
use insurup_sandbox::Dialect as Served;

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_is_handed_to_a_user_and_a_branch() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let quoted = quote(&client, &tckn(341)).await;
        let (_, bought) = buy_cheapest(&client, &quoted.proposal).await;
        let me = client.reference().me().await.expect("me");
        let branch = client
            .agent_branches()
            .create(NewAgentBranch::new("Poliçe Şubesi"))
            .await
            .expect("branch");
        client
            .policies()
            .set_representative(&bought.policy_id, Some(&me.id))
            .await
            .expect("assigned");
        for _ in 0..2 {
            client
                .policies()
                .set_branch(&bought.policy_id, &branch.id)
                .await
                .expect("moved");
        }
        // The guide's API reference posts, the current vendor client puts (DIALECTS.md row 27).
        let route = "/api/policies/{id}/branch";
        let (posts, puts) = (
            sandbox.requests(&format!("POST {route}")).await,
            sandbox.requests(&format!("PUT {route}")).await,
        );
        let (ours, other) = if sandbox.dialect == Served::Guide {
            (posts, puts)
        } else {
            (puts, posts)
        };
        assert_eq!(
            ours, 2,
            "both in the dialect's verb (POST {posts}, PUT {puts})"
        );
        assert!(
            other <= 1,
            "the other verb once at most (POST {posts}, PUT {puts})"
        );
        let policy = client
            .policies()
            .get(&bought.policy_id)
            .await
            .expect("policy");
        assert_eq!(policy.agent_branch_id, Some(branch.id));
        assert_eq!(policy.represented_by.and_then(|by| by.id), Some(me.id));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_bought_elsewhere_is_entered_and_corrected() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let customer = customer_with_contacts(&client, 342).await;
        let entered = client
            .policies()
            .create_manual(
                ManualPolicy::new(
                    "POL-2026-000777",
                    7,
                    ProductBranch::Trafik,
                    customer.id.clone(),
                    "2026-01-01",
                    "2027-01-01",
                )
                .with_premium(1650.0),
            )
            .await
            .expect("entered");
        assert_eq!(entered.policy_number.as_deref(), Some("POL-2026-000777"));
        assert_eq!(entered.state, PolicyState::Active);
        assert_eq!(entered.gross_premium, Some(1650.0));

        let corrected = client
            .policies()
            .update_manual(
                &entered.id,
                ManualPolicy::new(
                    "POL-2026-000778",
                    7,
                    ProductBranch::Trafik,
                    customer.id.clone(),
                    "2026-01-01",
                    "2027-01-01",
                ),
            )
            .await
            .expect("corrected");
        assert_eq!(corrected.policy_number.as_deref(), Some("POL-2026-000778"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_transfer_is_created_run_again_and_read() {
    in_each_dialect(async |sandbox| {
        let client = sandbox.client();
        let transfer = client
            .policies()
            .create_transfer("2026-01-01", "2026-01-31")
            .await
            .expect("created");
        assert_eq!(
            transfer.start_date.as_deref().map(|d| &d[..10]),
            Some("2026-01-01")
        );
        client
            .policies()
            .trigger_transfer(&transfer.id)
            .await
            .expect("triggered");
        let again = client
            .policies()
            .transfer(&transfer.id)
            .await
            .expect("read");
        let run = again.triggers.last().expect("a run");
        let detail = client
            .policies()
            .transfer_run(&transfer.id, &run.id)
            .await
            .expect("run");
        assert_eq!(detail.id, run.id);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_policy_input_is_refused_naming_the_field_before_anything_is_sent() {
    let sandbox = TestSandbox::start().await;
    let client = sandbox.client();
    let policies = client.policies();
    let policy = PolicyId::new("6650a1b2c3d4e5f601a2b3d2");
    let customer = insurup::CustomerId::new("3f2b8c1e-0000-4000-8000-000000000001");
    let manual = |number: &str, start: &str, end: &str| {
        ManualPolicy::new(
            number,
            7,
            ProductBranch::Kasko,
            customer.clone(),
            start,
            end,
        )
    };
    let before = sandbox.total_requests().await;

    expect_field(
        policies
            .set_representative(&policy, Some(&UserId::new("a b")))
            .await,
        "agent_user_id",
    );
    expect_field(
        policies.set_branch(&policy, &AgentBranchId::new("")).await,
        "agent_branch_id",
    );
    expect_field(
        policies
            .create_manual(manual(" ", "2026-01-01", "2027-01-01"))
            .await,
        "policy_number",
    );
    expect_field(
        policies
            .create_manual(manual("P-1", "01.01.2026", "2027-01-01"))
            .await,
        "start_date",
    );
    expect_field(
        policies
            .create_manual(manual("P-1", "2026-01-01", "2025-01-01"))
            .await,
        "end_date",
    );
    let mut no_insurer = manual("P-1", "2026-01-01", "2027-01-01");
    no_insurer.insurance_company_id = 0;
    expect_field(
        policies.create_manual(no_insurer).await,
        "insurance_company_id",
    );
    let infinite = manual("P-1", "2026-01-01", "2027-01-01").with_premium(f64::INFINITY);
    expect_field(policies.create_manual(infinite).await, "premium");
    expect_field(
        policies
            .create_manual(manual("P-1", "2026-01-01", "2027-01-01"))
            .await,
        "premium",
    );
    expect_field(
        policies
            .update_manual(
                &PolicyId::new("../x"),
                manual("P-1", "2026-01-01", "2027-01-01"),
            )
            .await,
        "policy_id",
    );
    expect_field(
        policies.create_transfer("2026-02-01", "2026-01-01").await,
        "end_date",
    );
    expect_field(policies.transfer("a b").await, "transfer_id");
    expect_field(policies.transfer_run("t1", "").await, "run_id");
    assert_eq!(sandbox.total_requests().await, before);
}
