//! `insurup demo` end to end: the built binary, its embedded sandbox, its output and exit code.

mod common;

use common::{
    AGENT, Insurup, MFA_CODE, assert_exit, assert_no_secrets, dead_url, json, run, stdout,
};
use serde_json::{Value, json};

const STEPS: [&str; 10] = [
    "sandbox",
    "login",
    "customer",
    "vehicle",
    "case",
    "proposal",
    "quotes",
    "purchase",
    "policy",
    "latestPolicies",
];

#[tokio::test(flavor = "multi_thread")]
async fn the_json_demo_runs_every_step_on_its_own_sandbox_and_exits_0() {
    let insurup = Insurup::new();
    let mut command = insurup.command();
    command.args(["demo", "--json", "--fast"]);
    let output = run(command).await;

    assert_exit(&output, 0);
    assert_no_secrets(&output);
    let document = json(&output);
    assert_eq!(document["ok"], true);
    let steps: Vec<&str> = document["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|step| step["step"].as_str().expect("a step name"))
        .collect();
    assert_eq!(steps, STEPS);
    let step = |name: &str| -> &Value {
        document["steps"]
            .as_array()
            .and_then(|steps| steps.iter().find(|step| step["step"] == name))
            .expect("the step is there")
    };
    assert_eq!(
        step("login")["twoFactor"],
        json!({ "requested": true, "code": MFA_CODE }),
        "the 2FA step is shown with the sandbox's test code"
    );
    let quotes = step("quotes");
    assert!(quotes["priced"].as_u64() > Some(0));
    assert_eq!(
        quotes["cheapest"]["productId"],
        step("purchase")["productId"],
        "the cheapest offer is the one bought"
    );
    let cheapest = quotes["cheapest"]["grossPremium"].as_f64();
    for offer in quotes["offers"].as_array().expect("offers") {
        assert!(offer["premiums"][0]["grossPremium"].as_f64() >= cheapest);
    }
    assert_eq!(step("purchase")["card"], "**** 4242");
    let policy_id = &step("purchase")["policyId"];
    assert_eq!(&step("policy")["policy"]["id"], policy_id);
    assert_eq!(
        &step("latestPolicies")["policies"][0]["id"],
        policy_id,
        "the new policy heads the agency's latest policies"
    );

    insta::assert_json_snapshot!("demo_json_shape", shape(&document));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_narrated_demo_tells_the_story_without_secrets() {
    let insurup = Insurup::new();
    let mut command = insurup.command();
    command.args(["demo", "--fast"]);
    let output = run(command).await;

    assert_exit(&output, 0);
    assert_no_secrets(&output);
    let text = stdout(&output);
    for line in [
        "✓ Login",
        "two-factor code requested; entered 123456, the sandbox's test code",
        "✓ Quotes",
        "card **** 4242",
        "✓ Policy",
        "Done in",
    ] {
        assert!(text.contains(line), "missing {line:?}:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn against_another_environment_the_demo_stops_before_buying_unless_asked() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();

    let mut command = insurup.as_user(&sandbox, AGENT);
    command.args(["demo", "--json"]);
    let output = run(command).await;
    assert_exit(&output, 0);
    let document = json(&output);
    assert_eq!(document["environment"]["embeddedSandbox"], false);
    let purchase = &document["steps"][6];
    assert_eq!(purchase["step"], "purchase");
    assert_eq!(purchase["skipped"], true);
    assert!(sandbox.stats().purchases.is_empty(), "nothing was bought");

    let mut command = insurup.as_user(&sandbox, AGENT);
    command.args(["demo", "--json", "--purchase"]);
    let output = run(command).await;
    assert_exit(&output, 0);
    assert_no_secrets(&output);
    assert_eq!(sandbox.stats().purchases.len(), 1, "one product was bought");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_environment_fails_the_login_step_with_the_network_exit_code() {
    let insurup = Insurup::new();
    let mut command = insurup.command();
    command
        .args(["demo", "--json", "--base-url", &dead_url()])
        .env("INSURUP_EMAIL", AGENT)
        .env("INSURUP_PASSWORD", common::PASSWORD)
        .env("INSURUP_MAX_RETRIES", "0");
    let output = run(command).await;

    assert_exit(&output, 6);
    assert_no_secrets(&output);
    let document = json(&output);
    assert_eq!(document["ok"], false);
    let last = document["steps"]
        .as_array()
        .and_then(|steps| steps.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(last["step"], "login");
    assert_eq!(last["ok"], false);
    assert_eq!(last["error"]["kind"], "ConnectionError");
}

/// The document's shape: keys, booleans and the values that do not change between runs; other
/// strings and numbers (ids, URLs, premiums, dates) become placeholders, and each list but the
/// steps keeps only its first item.
fn shape(value: &Value) -> Value {
    const KEPT: [&str; 12] = [
        "step",
        "email",
        "code",
        "card",
        "installments",
        "status",
        "state",
        "branch",
        "type",
        "latencyScale",
        "seed",
        "plate",
    ];
    fn walk(key: Option<&str>, value: &Value) -> Value {
        match value {
            Value::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(name, field)| (name.clone(), walk(Some(name), field)))
                    .collect(),
            ),
            Value::Array(items) => {
                let keep = if key == Some("steps") { items.len() } else { 1 };
                Value::Array(
                    items
                        .iter()
                        .take(keep)
                        .map(|item| walk(key, item))
                        .collect(),
                )
            }
            Value::String(_) | Value::Number(_) if key.is_some_and(|key| KEPT.contains(&key)) => {
                value.clone()
            }
            Value::String(_) => json!("[string]"),
            Value::Number(_) => json!("[number]"),
            other => other.clone(),
        }
    }
    walk(None, value)
}
