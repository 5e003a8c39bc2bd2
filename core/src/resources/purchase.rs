//! Buying products. A purchase is money: once the request may have reached the server it is
//! never sent again. When the answer is lost, the product is read back instead.

use std::time::Duration;

use tokio::time::Instant;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::model::PurchaseBody;
use crate::model::{
    Card, Payment, ProductState, ProposalId, ProposalProductId, Purchase, PurchaseRedirect,
    PurchaseStatus,
};
use crate::transport::{Request, server_answered};
use crate::validate;

/// How long the read-back after a lost answer keeps looking while the product is `PURCHASING`.
const READ_BACK_BUDGET: Duration = Duration::from_secs(30);
/// Reads of an `ACTIVE` product before concluding the outcome cannot be known.
const ACTIVE_READS: u32 = 3;

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
    /// connection, or 429). If the answer is lost (timeout, reset, 5xx), the product is read
    /// back: `PURCHASED` returns the policy, anything unclear is a
    /// [`ErrorKind::PurchaseOutcomeUnknown`] error naming the proposal and product.
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
        let (proposal_id, product_id) = (proposal_id.clone(), product_id.clone());
        tokio::spawn(async move { this.buy(request, &proposal_id, &product_id).await })
            .await
            .map_err(|join_error| {
                Error::new(
                    ErrorKind::PurchaseOutcomeUnknown,
                    format!("the purchase task stopped unexpectedly: {join_error}"),
                )
            })?
    }

    /// Buys with a card in `installments` (1 = cash).
    pub async fn credit_card(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        card: Card,
        installments: u32,
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
        installments: u32,
    ) -> Result<Purchase> {
        self.sync(proposal_id, product_id, Payment::open_account(installments))
            .await
    }

    /// Starts a 3-D Secure purchase (web sales); send the customer to the returned URL. Not
    /// recommended for B2B flows, which use [`Purchases::sync`].
    pub async fn start_3d_secure(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        card: &Card,
        installments: u32,
        callback_url: &str,
    ) -> Result<PurchaseRedirect> {
        validate::id("proposal_id", proposal_id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        let body = PurchaseBody::three_d_secure(
            proposal_id,
            product_id,
            card,
            installments,
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
        let lost = match self.client.send(request).await {
            Ok(response) => return response.json(),
            Err(error) if is_lost_answer(&error) => error,
            Err(error) => return Err(error),
        };
        tracing::warn!(kind = %lost.kind(), "purchase answer lost; reading the product back");
        self.read_back(proposal_id, product_id, lost).await
    }

    /// Decides a purchase whose answer was lost by reading the product.
    async fn read_back(
        &self,
        proposal_id: &ProposalId,
        product_id: &ProposalProductId,
        lost: Error,
    ) -> Result<Purchase> {
        let deadline = Instant::now() + READ_BACK_BUDGET;
        let mut pause = Duration::from_millis(250);
        let mut active_reads = 0;
        loop {
            match self
                .client
                .proposals()
                .product(proposal_id, product_id)
                .await
            {
                Ok(product) => match product.state {
                    ProductState::Purchased => {
                        let Some(policy_id) = product.policy_id else {
                            return Err(Error::purchase_outcome_unknown(
                                proposal_id.as_str(),
                                product_id.as_str(),
                                &lost,
                            ));
                        };
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
                    ProductState::Purchasing => {}
                    // The server answered with an error and the product is not bought: the
                    // purchase failed and the original error says why.
                    _ if server_answered(&lost) => return Err(lost),
                    // The request may still be on its way; look a few times before giving up.
                    _ => {
                        active_reads += 1;
                        if active_reads >= ACTIVE_READS {
                            break;
                        }
                    }
                },
                Err(read_error) => {
                    tracing::warn!(kind = %read_error.kind(), "reading the product back failed");
                }
            }
            if Instant::now() + pause > deadline {
                break;
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(4));
        }
        Err(Error::purchase_outcome_unknown(
            proposal_id.as_str(),
            product_id.as_str(),
            &lost,
        ))
    }
}

/// The purchase may have happened but its answer is unknown or unusable.
fn is_lost_answer(error: &Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::Timeout | ErrorKind::Connection | ErrorKind::Server | ErrorKind::Decode
    )
}
