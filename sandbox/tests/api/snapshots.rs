//! Snapshots of representative responses, with ids, tokens and times redacted.

use serde_json::{Value, json};

use crate::common::*;

/// Replaces values that differ between runs (ids, tokens, clocks) so the shape and the stable values remain.
fn redact(value: &Value) -> Value {
    const VOLATILE: &[&str] = &[
        "accessToken",
        "refreshToken",
        "traceId",
        "createdAt",
        "url",
        "ref",
        "policyNumber",
        "policyStartDate",
        "policyEndDate",
        "startDate",
        "endDate",
        "arrangementDate",
        "insuranceCompanyPolicyNumber",
        "cursor",
        "startCursor",
        "endCursor",
    ];
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let volatile = VOLATILE.contains(&k.as_str())
                        || k == "id"
                        || k.ends_with("Id")
                        || k.ends_with("Ids");
                    let v = if volatile && v.is_string() {
                        json!("[redacted]")
                    } else {
                        redact(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        other => other.clone(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn representative_responses_keep_their_shape() {
    // In the default dialect, the vendor client's.
    let api = Api::start().await;
    let login = api
        .anonymous_post(
            "/api/authentication:agent-user/login",
            json!({"email": AGENT_EMAIL, "password": PASSWORD}),
        )
        .await
        .expect(200);
    insta::assert_json_snapshot!("login", redact(&login.body));

    let (proposal, product) = api.quoted_product().await;
    let customer = api.get(&format!("/api/customers/{TCKN}")).await.expect(200);
    insta::assert_json_snapshot!("customer", redact(&customer.body));
    let body = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200);
    assert!(
        body.text.len() < 16 * 1024,
        "a resolved proposal is a few KB: {}",
        body.text.len()
    );
    insta::assert_json_snapshot!("proposal", redact(&body.body));

    let id = product["id"].as_str().expect("id");
    let declined = api
        .purchase(&proposal, id, "4000000000000002", 1)
        .await
        .expect(422);
    insta::assert_json_snapshot!("payment_declined_problem", redact(&declined.body));
    let invalid = api
        .purchase(&proposal, id, "4242424242424241", 1)
        .await
        .expect(invalid_input_status(api.dialect()));
    insta::assert_json_snapshot!("invalid_card_problem", redact(&invalid.body));
    let bought = api
        .purchase(&proposal, id, "4242424242424242", 1)
        .await
        .expect(200);
    insta::assert_json_snapshot!("purchase", redact(&bought.body));
    let policy = api
        .get(&format!(
            "/api/policies/{}",
            bought.body["policyId"].as_str().expect("id")
        ))
        .await
        .expect(200);
    insta::assert_json_snapshot!("policy", redact(&policy.body));

    let listed = api
        .graphql("{ policiesNew(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id state productBranch insuranceCompanyName productName grossPremium netPremium commission insuredCustomerName vehiclePlateCity vehiclePlateCode agentBranch { id name } } } } }", json!({}))
        .await;
    insta::assert_json_snapshot!("graphql_policies", redact(&listed));
}
