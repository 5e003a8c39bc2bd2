//! One purchase per proposal product across a fleet: the worker that claims it buys; any other
//! worker asked to buy the same product waits for that worker's outcome instead of sending a
//! second purchase.

use std::fmt;

use async_trait::async_trait;
use futures::future::BoxFuture;

use crate::error::Result;
use crate::model::{ProposalId, ProposalProductId, Purchase};

/// How a guarded purchase ended for this worker.
#[derive(Debug)]
pub enum GuardedPurchase {
    /// This worker bought the product, or learnt how another worker's purchase of it ended.
    Settled(Result<Purchase>),
    /// Another worker was buying the product and stopped without saying how it ended: the
    /// product must be read back, never bought again blindly.
    Unsettled,
}

/// Makes sure two workers never send the same purchase (see [`RedisPurchaseGuard`]).
#[async_trait]
pub trait PurchaseGuard: Send + Sync + fmt::Debug {
    /// Runs `purchase` unless another worker is buying or has bought the product; then waits
    /// for that worker's outcome. An error means nothing was sent.
    async fn run(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        purchase: BoxFuture<'static, Result<Purchase>>,
    ) -> Result<GuardedPurchase>;
}

#[cfg(feature = "redis")]
pub use self::redis_guard::RedisPurchaseGuard;

#[cfg(feature = "redis")]
mod redis_guard {
    use std::fmt;
    use std::sync::LazyLock;
    use std::time::Duration;

    use async_trait::async_trait;
    use futures::future::BoxFuture;
    use serde::{Deserialize, Serialize};
    use tokio::time::Instant;

    use super::{GuardedPurchase, PurchaseGuard};
    use crate::error::{Error, ErrorKind, Result};
    use crate::fleet::RedisFleet;
    use crate::fleet::token_store::EXTEND;
    use crate::model::{PolicyId, ProposalId, ProposalProductId, Purchase, PurchaseStatus};

    static CLAIM: LazyLock<redis::Script> =
        LazyLock::new(|| redis::Script::new(include_str!("lua/purchase_claim.lua")));
    static FINISH: LazyLock<redis::Script> =
        LazyLock::new(|| redis::Script::new(include_str!("lua/purchase_finish.lua")));
    static WAIT: LazyLock<redis::Script> =
        LazyLock::new(|| redis::Script::new(include_str!("lua/purchase_wait.lua")));

    /// The lock lives this long unless its holder, alive, extends it.
    const LOCK: Duration = Duration::from_secs(30);
    /// A bought product's outcome is kept this long: a later purchase of it returns the policy.
    const KEEP_PURCHASED: Duration = Duration::from_secs(7 * 24 * 3600);
    /// A failed or unclear outcome is kept long enough for every waiting worker to read it.
    const KEEP_FAILED: Duration = Duration::from_secs(600);
    /// The longest a worker waits for another worker's purchase before reading the product.
    const LONGEST_WAIT: Duration = Duration::from_secs(300);

    /// A purchase lock per (proposal, product) in Redis. The worker that claims it sends the
    /// purchase, keeps the lock alive while it runs, and leaves the outcome in Redis; a worker
    /// asked to buy the same product meanwhile waits for that outcome. If the holder stops
    /// without one, the waiter is told to read the product back (the purchase may have reached
    /// the server). A product already bought through the fleet returns its policy without a
    /// second purchase.
    ///
    /// If Redis cannot be reached the purchase is not sent, and the error says so.
    pub struct RedisPurchaseGuard {
        fleet: RedisFleet,
    }

    impl fmt::Debug for RedisPurchaseGuard {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("RedisPurchaseGuard")
                .field("url", &self.fleet.url())
                .field("account", &self.fleet.account())
                .finish()
        }
    }

    /// How a purchase ended, as other workers read it. Holds no card data.
    #[derive(Debug, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Outcome {
        holder: String,
        /// `purchased`, `failed` or `unknown`.
        status: String,
        policy_id: Option<String>,
        policy_number: Option<String>,
        error_kind: Option<String>,
        message: Option<String>,
    }

    impl Outcome {
        fn of(holder: &str, result: &Result<Purchase>) -> Self {
            let mut outcome = Outcome {
                holder: holder.to_owned(),
                status: "purchased".to_owned(),
                policy_id: None,
                policy_number: None,
                error_kind: None,
                message: None,
            };
            match result {
                Ok(purchase) => {
                    outcome.policy_id = Some(purchase.policy_id.to_string());
                    outcome.policy_number = purchase.policy_number.clone();
                }
                Err(error) => {
                    outcome.status = if error.kind() == ErrorKind::PurchaseOutcomeUnknown {
                        "unknown".to_owned()
                    } else {
                        "failed".to_owned()
                    };
                    outcome.error_kind = Some(error.kind().class_name().to_owned());
                    outcome.message = Some(error.message().to_owned());
                }
            }
            outcome
        }

        /// What a waiting worker returns.
        fn settle(self) -> GuardedPurchase {
            match (self.status.as_str(), self.policy_id) {
                ("purchased", Some(policy_id)) => GuardedPurchase::Settled(Ok(Purchase {
                    policy_id: PolicyId::new(policy_id),
                    policy_number: self.policy_number,
                    status: PurchaseStatus::Purchased,
                    confirmed_by_read_back: false,
                })),
                ("failed", _) => {
                    let kind = self
                        .error_kind
                        .as_deref()
                        .and_then(|name| {
                            ErrorKind::ALL
                                .into_iter()
                                .find(|kind| kind.class_name() == name)
                        })
                        .unwrap_or(ErrorKind::Unprocessable);
                    let message = self.message.unwrap_or_default();
                    GuardedPurchase::Settled(Err(Error::new(
                        kind,
                        format!("another worker's purchase of this product failed: {message}"),
                    )))
                }
                _ => GuardedPurchase::Unsettled,
            }
        }
    }

    impl RedisPurchaseGuard {
        /// The purchase locks of the fleet's account.
        pub fn in_fleet(fleet: &RedisFleet) -> Self {
            RedisPurchaseGuard {
                fleet: fleet.clone(),
            }
        }

        fn keys(&self, proposal_id: &ProposalId, product_id: &ProposalProductId) -> [String; 2] {
            let base = format!("purchase:{proposal_id}:{product_id}");
            [
                self.fleet.key(&format!("{base}:lock")),
                self.fleet.key(&format!("{base}:outcome")),
            ]
        }

        fn unreachable(&self, error: &redis::RedisError) -> Error {
            let error = self
                .fleet
                .error(ErrorKind::Connection, "take the purchase lock in", error);
            let message = format!("{}; the purchase was not sent", error.message());
            error.with_message(message)
        }

        fn decode(text: &str) -> Result<Outcome> {
            serde_json::from_str(text)
                .map_err(|error| Error::decode("unreadable purchase outcome in Redis", error))
        }

        async fn wait_for(&self, keys: &[String; 2], holder: &str) -> Result<GuardedPurchase> {
            let deadline = Instant::now() + LONGEST_WAIT;
            let mut pause = Duration::from_millis(100);
            while Instant::now() < deadline {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(1));
                let reply: Vec<String> = match async {
                    let mut connection = self.fleet.connection().await?;
                    WAIT.key(&keys[0])
                        .key(&keys[1])
                        .arg(holder)
                        .invoke_async(&mut connection)
                        .await
                        .map_err(|error| {
                            self.fleet.error(
                                ErrorKind::Connection,
                                "read another worker's purchase from",
                                &error,
                            )
                        })
                }
                .await
                {
                    Ok(reply) => reply,
                    Err(error) => {
                        tracing::warn!("{error}");
                        continue;
                    }
                };
                match reply.first().map(String::as_str) {
                    Some("settled") => {
                        let text = reply.get(1).map_or("", String::as_str);
                        return Ok(Self::decode(text)?.settle());
                    }
                    Some("busy") => {}
                    _ => return Ok(GuardedPurchase::Unsettled),
                }
            }
            Ok(GuardedPurchase::Unsettled)
        }

        async fn record(&self, keys: &[String; 2], holder: &str, result: &Result<Purchase>) {
            let outcome = Outcome::of(holder, result);
            let keep = if result.is_ok() {
                KEEP_PURCHASED
            } else {
                KEEP_FAILED
            };
            let written = async {
                let text = serde_json::to_string(&outcome)
                    .map_err(|error| Error::decode("could not encode the outcome", error))?;
                let mut connection = self.fleet.connection().await?;
                FINISH
                    .key(&keys[0])
                    .key(&keys[1])
                    .arg(holder)
                    .arg(text)
                    .arg(keep.as_millis() as u64)
                    .invoke_async::<i64>(&mut connection)
                    .await
                    .map_err(|error| {
                        self.fleet
                            .error(ErrorKind::Connection, "record the purchase in", &error)
                    })
            }
            .await;
            if let Err(error) = written {
                // Its lock expires; a waiting worker then reads the product back.
                tracing::warn!(
                    "could not record the purchase's outcome for other workers: {error}"
                );
            }
        }
    }

    #[async_trait]
    impl PurchaseGuard for RedisPurchaseGuard {
        async fn run(
            &self,
            proposal_id: &ProposalId,
            product_id: &ProposalProductId,
            purchase: BoxFuture<'static, Result<Purchase>>,
        ) -> Result<GuardedPurchase> {
            let keys = self.keys(proposal_id, product_id);
            let holder = format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
            let mut connection = self.fleet.connection().await.map_err(|error| {
                let message = format!("{}; the purchase was not sent", error.message());
                error.with_message(message)
            })?;
            let reply: Vec<String> = CLAIM
                .key(&keys[0])
                .key(&keys[1])
                .arg(&holder)
                .arg(LOCK.as_millis() as u64)
                .invoke_async(&mut connection)
                .await
                .map_err(|error| self.unreachable(&error))?;
            match reply.first().map(String::as_str) {
                Some("won") => {}
                Some("settled") => {
                    let text = reply.get(1).map_or("", String::as_str);
                    tracing::info!("the product was already bought through the fleet");
                    return Ok(Self::decode(text)?.settle());
                }
                _ => {
                    let other = reply.get(1).cloned().unwrap_or_default();
                    tracing::info!(
                        "another worker is buying this product; waiting for its outcome"
                    );
                    return self.wait_for(&keys, &other).await;
                }
            }
            let heartbeat = async {
                loop {
                    tokio::time::sleep(LOCK / 3).await;
                    let extended = async {
                        let mut connection = self.fleet.connection().await?;
                        EXTEND
                            .key(&keys[0])
                            .arg(&holder)
                            .arg(LOCK.as_millis() as u64)
                            .invoke_async::<i64>(&mut connection)
                            .await
                            .map_err(|error| {
                                self.fleet.error(
                                    ErrorKind::Connection,
                                    "extend the purchase lock in",
                                    &error,
                                )
                            })
                    }
                    .await;
                    if let Err(error) = extended {
                        tracing::warn!("{error}");
                    }
                }
            };
            tokio::pin!(heartbeat);
            let result = match futures::future::select(purchase, heartbeat).await {
                futures::future::Either::Left((result, _)) => result,
                futures::future::Either::Right((never, _)) => never,
            };
            self.record(&keys, &holder, &result).await;
            Ok(GuardedPurchase::Settled(result))
        }
    }
}
