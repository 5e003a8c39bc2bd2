//! Buying products. A purchase is money: once the request may have reached the server it is
//! never sent again. When its answer is lost or ambiguous, the product is read back instead.

use std::future::Future;
use std::time::Duration;

use futures::FutureExt;
use tokio::time::Instant;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::fleet::GuardedPurchase;
use crate::model::PurchaseBody;
use crate::model::{
    Card, Payment, ProductState, ProposalId, ProposalProductId, Purchase, PurchaseRedirect,
    PurchaseStatus,
};
use crate::transport::Request;
use crate::validate;

/// First pause between reads of the product while confirming a purchase; doubles up to
/// [`LONGEST_READ_BACK_PAUSE`].
const FIRST_READ_BACK_PAUSE: Duration = Duration::from_millis(250);
const LONGEST_READ_BACK_PAUSE: Duration = Duration::from_secs(4);

/// Buying products (`/api/proposals/{id}/products/{productId}/purchase/…`).
#[derive(Debug, Clone)]
pub struct Purchases {
    client: Client,
}

impl Purchases {
    pub(crate) fn new(client: Client) -> Self {
        Purchases { client }
    }

    /// Buys a product now (B2B guide §4.1) and returns the policy id and number.
    ///
    /// Runs as its own task: dropping the returned future does not abandon a half-sent
    /// purchase. The request is retried only when the server provably did not see it (no
    /// connection, or 429). Every documented success answer is a success (`{policyId}`,
    /// `{policyId, policyNumber, status}`, or an empty 2xx confirmed by reading the product).
    /// If the answer is lost or ambiguous (timeout, reset, 5xx), the product is read back over
    /// the client's purchase confirmation window: `PURCHASED` returns the policy,
    /// `PURCHASE_FAILED` returns the error, and anything else is a
    /// [`ErrorKind::PurchaseOutcomeUnknown`] error naming the proposal and product. A purchase
    /// that provably never left (no token, no connection) returns its error at once. No purchase
    /// error is ever [`Error::is_retryable`], and each names the proposal and product.
    pub async fn sync(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        payment: Payment,
    ) -> Result<Purchase> {
        validate::id("proposal_id", proposal_id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/purchase/sync",
            format!("/api/proposals/{proposal_id}/products/{product_id}/purchase/sync"),
        )
        .json(&payment.to_body(proposal_id, product_id)?)?;
        let this = self.clone();
        let ids = (proposal_id.clone(), product_id.clone());
        run_to_completion(proposal_id, product_id, async move {
            let Some(guard) = this.client.purchase_guard().cloned() else {
                return this.buy(request, &ids.0, &ids.1).await;
            };
            let buyer = this.clone();
            let (proposal, product) = ids.clone();
            let purchase = async move { buyer.buy(request, &proposal, &product).await }.boxed();
            match guard.run(&ids.0, &ids.1, purchase).await? {
                GuardedPurchase::Settled(outcome) => outcome,
                GuardedPurchase::Unsettled => {
                    let unclear = Error::new(
                        ErrorKind::PurchaseOutcomeUnknown,
                        "another worker was buying this product and stopped without an outcome",
                    )
                    .with_reached_server(true);
                    this.confirm(&ids.0, &ids.1, unclear).await
                }
            }
        })
        .await
    }

    /// Buys with a card in `installments` (`None`: one payment, cash).
    pub async fn credit_card(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        card: Card,
        installments: impl Into<Option<u32>>,
    ) -> Result<Purchase> {
        self.sync(
            proposal_id,
            product_id,
            Payment::credit_card(card, installments),
        )
        .await
    }

    /// Buys on open account (corporate customers).
    pub async fn open_account(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        installments: impl Into<Option<u32>>,
    ) -> Result<Purchase> {
        self.sync(proposal_id, product_id, Payment::open_account(installments))
            .await
    }

    /// Starts a 3-D Secure purchase (web sales) in `installments` (`None`: one payment, cash);
    /// send the customer to the returned URL. Not recommended for B2B flows, which use
    /// [`Purchases::sync`].
    pub async fn start_3d_secure(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        card: &Card,
        installments: impl Into<Option<u32>>,
        callback_url: &str,
    ) -> Result<PurchaseRedirect> {
        validate::id("proposal_id", proposal_id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        let body = PurchaseBody::three_d_secure(
            proposal_id,
            product_id,
            card,
            crate::model::installments_or_cash(installments),
            callback_url,
        )?;
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/purchase/async",
            format!("/api/proposals/{proposal_id}/products/{product_id}/purchase/async"),
        )
        .json(&body)?;
        self.client.call(request).await
    }

    async fn buy(
        &self,
        request: Request,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
    ) -> Result<Purchase> {
        let unclear = match self.client.send(request).await {
            Ok(response) => match Purchase::from_answer(&response.body) {
                Some(purchase) => return Ok(purchase),
                None => Error::new(
                    ErrorKind::Decode,
                    format!(
                        "the purchase was accepted (HTTP {}) but the answer named no policy",
                        response.status
                    ),
                )
                .with_request_id(&response.request_id)
                .with_reached_server(true),
            },
            Err(error) if !error.may_have_reached_server() => return Err(error),
            Err(error) if is_ambiguous(&error) => error,
            Err(refused) => return Err(refused),
        };
        tracing::warn!(kind = %unclear.kind(), "purchase outcome unclear; reading the product back");
        self.confirm(proposal_id, product_id, unclear).await
    }

    /// Settles a purchase whose answer was lost or ambiguous by reading its product until it
    /// shows the outcome or the confirmation window closes. The request is never sent again.
    async fn confirm(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        unclear: Error,
    ) -> Result<Purchase> {
        let window = self.client.purchase_confirmation_window();
        let deadline = Instant::now()
            .checked_add(window)
            .unwrap_or_else(Instant::now);
        let mut pause = FIRST_READ_BACK_PAUSE;
        // A product may still show the refusal of an earlier attempt while this one is on its
        // way: PURCHASE_FAILED counts only when two reads in a row show it.
        let mut failed_reads = 0;
        loop {
            match self
                .client
                .proposals()
                .product(proposal_id, product_id)
                .await
            {
                Ok(product) => match (product.state, product.policy_id) {
                    (ProductState::Purchased, Some(policy_id)) => {
                        let policy_number = match self.client.policies().get(&policy_id).await {
                            Ok(policy) => policy.policy_number,
                            Err(_) => None,
                        };
                        tracing::info!("purchase confirmed by reading the product back");
                        return Ok(Purchase {
                            policy_id,
                            policy_number,
                            status: PurchaseStatus::Purchased,
                            confirmed_by_read_back: true,
                        });
                    }
                    (ProductState::PurchaseFailed, _) if failed_reads == 0 => failed_reads = 1,
                    (ProductState::PurchaseFailed, _) => {
                        let reason = product
                            .error_message
                            .filter(|reason| !reason.trim().is_empty())
                            .map(|reason| format!(": {reason}"))
                            .unwrap_or_default();
                        let message =
                            format!("the purchase failed (the product is PURCHASE_FAILED{reason})");
                        return Err(unclear.with_message(message));
                    }
                    // Not bought yet, or bought and the policy id not yet set: the request may
                    // still be on its way or being processed; keep looking.
                    _ => failed_reads = 0,
                },
                Err(read_error) => {
                    tracing::warn!(kind = %read_error.kind(), "reading the product back failed");
                }
            }
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            tokio::time::sleep(pause.min(deadline - now)).await;
            pause = (pause * 2).min(LONGEST_READ_BACK_PAUSE);
        }
        Err(Error::purchase_outcome_unknown(
            proposal_id.as_str(),
            product_id.as_str(),
            &unclear,
        ))
    }
}

/// A failure after which the purchase may have happened: no answer, or a 5xx (a gateway's 502 or
/// 503 does not prove the backend did nothing). 4xx answers are definite refusals.
fn is_ambiguous(error: &Error) -> bool {
    match error.status() {
        None => true,
        Some(status) => status == 408 || status >= 500,
    }
}

/// Runs a purchase on its own task, so a caller that gives up cannot abandon it half-sent, and
/// makes every way it can end report the proposal and product and never claim to be retryable:
/// a task that panicked or was cancelled with its runtime is an unknown outcome.
pub(crate) async fn run_to_completion(
    proposal_id: &ProposalId,
    product_id: &ProposalProductId,
    purchase: impl Future<Output = Result<Purchase>> + Send + 'static,
) -> Result<Purchase> {
    let outcome = match tokio::spawn(purchase).await {
        Ok(outcome) => outcome,
        Err(stopped) => Err(Error::purchase_outcome_unknown(
            proposal_id.as_str(),
            product_id.as_str(),
            &Error::new(
                ErrorKind::PurchaseOutcomeUnknown,
                format!("the purchase task stopped unexpectedly: {stopped}"),
            ),
        )),
    };
    outcome.map_err(|error| {
        error
            .never_retryable()
            .with_purchase(proposal_id.as_str(), product_id.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_purchase_task_that_panics_still_names_its_product() {
        let (proposal, product) = (
            ProposalId::new("6650a1b2c3d4e5f601a2b3c4"),
            ProposalProductId::new("6650a1b2c3d4e5f601a2b3c5"),
        );
        let error = run_to_completion(&proposal, &product, async {
            panic!("a bug in the purchase task")
        })
        .await
        .expect_err("the task panicked");
        assert_eq!(error.kind(), ErrorKind::PurchaseOutcomeUnknown);
        let named = error.purchase().expect("the product is named");
        assert_eq!(named.proposal_id, proposal.as_str());
        assert_eq!(named.product_id, product.as_str());
        assert!(!error.is_retryable());
    }

    #[tokio::test]
    async fn no_purchase_error_is_retryable() {
        let (proposal, product) = (ProposalId::new("p"), ProposalProductId::new("q"));
        let error = run_to_completion(&proposal, &product, async {
            Err(Error::from_response(503, None, None, None))
        })
        .await
        .expect_err("503");
        assert_eq!(error.kind(), ErrorKind::Server);
        assert!(!error.is_retryable());
        assert!(error.purchase().is_some());
    }

    #[test]
    fn only_lost_answers_and_server_errors_are_ambiguous() {
        assert!(is_ambiguous(&Error::timeout("lost")));
        for status in [408, 500, 502, 503, 504] {
            assert!(is_ambiguous(&Error::from_response(
                status, None, None, None
            )));
        }
        for status in [400, 401, 403, 404, 409, 422, 429] {
            assert!(!is_ambiguous(&Error::from_response(
                status, None, None, None
            )));
        }
    }
}
