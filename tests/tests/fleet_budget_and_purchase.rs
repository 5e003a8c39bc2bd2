//! The fleet's shared rate budget and purchase lock against a real `redis-server` and the
//! sandbox: workers together stay under the server's limit, one worker's 429 holds back the
//! others, and two workers asked to buy the same product send one purchase.

mod support;

use std::time::{Duration, Instant};

use insurup::{Client, ErrorKind, Payment, RedisFleet, RedisFleetOptions, RetryPolicy};
use insurup_e2e::redis_server::RedisServer;
use insurup_sandbox::SandboxConfig;
use serde_json::json;
use support::{AGENT, PASSWORD, TestSandbox, card, fault, purchases_of, quote, tckn};

const ME: &str = "GET /api/agent-users/me";
const PURCHASE: &str = "/api/proposals/{id}/products/{productId}/purchase/sync";

/// A worker of the fleet: its own connection to Redis, as a separate process would have, and
/// with `budget` the fleet's shared rate.
fn worker(sandbox: &TestSandbox, redis: &RedisServer, budget: Option<f64>) -> Client {
    let options = RedisFleetOptions {
        account: AGENT.to_owned(),
        requests_per_second: budget,
        ..RedisFleetOptions::default()
    };
    let fleet = RedisFleet::with_options(redis.url(), options).expect("valid settings");
    sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .fleet(&fleet)
        // A 429 must surface, not be retried away.
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

/// Every worker fires `calls` requests at once; returns how many were refused with 429.
async fn burst(workers: &[Client], calls: usize) -> usize {
    let tasks = workers.iter().flat_map(|client| {
        (0..calls).map(move |_| {
            let client = client.clone();
            tokio::spawn(async move { client.reference().me().await })
        })
    });
    futures::future::join_all(tasks)
        .await
        .into_iter()
        .map(|task| task.expect("the call finishes"))
        .filter(|outcome| {
            outcome
                .as_ref()
                .is_err_and(|error| error.kind() == ErrorKind::RateLimit)
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn workers_sharing_a_rate_budget_stay_under_the_servers_limit_together() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = TestSandbox::start_with(SandboxConfig {
        rate_limit: 20,
        ..SandboxConfig::for_tests()
    })
    .await;
    let budgeted: Vec<Client> = (0..3)
        .map(|_| worker(&sandbox, &redis, Some(20.0)))
        .collect();
    budgeted[0].sign_in().await.expect("login");
    assert_eq!(
        burst(&budgeted, 20).await,
        0,
        "60 calls at once through the shared budget: none refused"
    );

    // The same burst without the budget is refused in part: the check above can fail.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let unbudgeted: Vec<Client> = (0..3).map(|_| worker(&sandbox, &redis, None)).collect();
    assert!(
        burst(&unbudgeted, 20).await > 0,
        "60 calls at once without it exceed a limit of 20 per second"
    );
    assert_eq!(
        sandbox.stats().await["logins"],
        1,
        "one session for all six"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_retry_after_seen_by_one_worker_holds_back_every_worker() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = TestSandbox::start().await;
    let first = worker(&sandbox, &redis, Some(100.0));
    let second = worker(&sandbox, &redis, Some(100.0));
    first.sign_in().await.expect("login");
    second.sign_in().await.expect("the shared session");
    sandbox
        .fault(fault(
            "GET",
            "/api/agent-users/me",
            1,
            json!({ "status": 429, "retryAfter": 2 }),
        ))
        .await;
    let refused = first
        .reference()
        .me()
        .await
        .expect_err("the server asked the first worker to wait");
    assert_eq!(refused.kind(), ErrorKind::RateLimit);
    let asked = Instant::now();
    second
        .reference()
        .me()
        .await
        .expect("the second worker's call goes through once the wait is over");
    assert!(
        asked.elapsed() >= Duration::from_millis(1500),
        "the second worker waited out the first worker's Retry-After ({:?})",
        asked.elapsed()
    );
    assert_eq!(sandbox.requests(ME).await, 2, "and sent nothing meanwhile");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_asked_to_buy_one_product_send_one_purchase_and_both_get_the_policy() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = TestSandbox::start().await;
    let first = worker(&sandbox, &redis, None);
    let second = worker(&sandbox, &redis, None);
    let quoted = quote(&first, &tckn(71)).await;
    let product = quoted
        .proposal
        .cheapest_product(1)
        .expect("a product")
        .id
        .clone();
    // The purchase takes a while: the second worker asks while the first one's is in flight.
    sandbox
        .fault(fault(
            "POST",
            PURCHASE,
            1,
            json!({ "delayMs": 800, "action": "respond" }),
        ))
        .await;
    let (one, two) = (first.purchase(), second.purchase());
    let (mine, theirs) = tokio::join!(
        one.sync(
            &quoted.proposal.id,
            &product,
            Payment::credit_card(card(), 1)
        ),
        async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            two.sync(
                &quoted.proposal.id,
                &product,
                Payment::credit_card(card(), 1),
            )
            .await
        }
    );
    let mine = mine.expect("the first worker buys");
    let theirs = theirs.expect("the second worker learns the outcome");
    assert_eq!(mine.policy_id, theirs.policy_id, "one policy for both");
    assert_eq!(
        purchases_of(&sandbox, product.as_str()).await,
        1,
        "one purchase reached the server"
    );

    // Later, a third worker asked to buy it again gets the policy without a purchase.
    let later = worker(&sandbox, &redis, None)
        .purchase()
        .sync(
            &quoted.proposal.id,
            &product,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect("the product was bought through the fleet");
    assert_eq!(later.policy_id, mine.policy_id);
    assert_eq!(purchases_of(&sandbox, product.as_str()).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn without_redis_a_guarded_purchase_is_not_sent_and_says_so() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sandbox = TestSandbox::start().await;
    let client = worker(&sandbox, &redis, None);
    let quoted = quote(&client, &tckn(72)).await;
    let product = quoted
        .proposal
        .cheapest_product(1)
        .expect("a product")
        .id
        .clone();
    redis.stop();
    let error = client
        .purchase()
        .sync(
            &quoted.proposal.id,
            &product,
            Payment::credit_card(card(), 1),
        )
        .await
        .expect_err("no lock, no purchase");
    assert!(
        error.to_string().contains("the purchase was not sent"),
        "{error}"
    );
    assert_ne!(error.kind(), ErrorKind::PurchaseOutcomeUnknown);
    assert_eq!(purchases_of(&sandbox, product.as_str()).await, 0);
}

#[tokio::test]
async fn a_fleets_key_prefix_and_rate_reach_redis_through_its_options() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sandbox = TestSandbox::start().await;
    let options = RedisFleetOptions {
        account: AGENT.to_owned(),
        key_prefix: Some("staging".to_owned()),
        requests_per_second: Some(100.0),
        burst: Some(10),
        ..RedisFleetOptions::default()
    };
    let fleet = RedisFleet::with_options(redis.url(), options).expect("valid settings");
    let client = sandbox
        .builder()
        .agent_user(AGENT, PASSWORD)
        .fleet(&fleet)
        .build()
        .expect("client builds");
    client.reference().me().await.expect("a call");
    let mut keys: Vec<String> = redis.command(&["KEYS", "*"]);
    keys.sort();
    let account = format!("staging:{{{AGENT}}}");
    assert!(
        keys.contains(&format!("{account}:session")),
        "the session is kept under the prefix: {keys:?}"
    );
    assert!(
        keys.contains(&format!("{account}:rate:api")),
        "the fleet's rate budget took a slot under the prefix: {keys:?}"
    );
    assert!(
        keys.iter().all(|key| key.starts_with("staging:")),
        "nothing is written under the default prefix: {keys:?}"
    );
}
