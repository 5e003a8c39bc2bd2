use std::sync::Arc;

use insurup::{Card, ProposalId, ProposalProductId, Purchase, PurchaseRedirect};

use crate::error::Result;

/// A payment card, checked locally (Luhn, expiry, CVC, holder, TCKN) before anything is sent.
/// The card prints as its last four digits at most; the number and CVC never leave it except in
/// the purchase request.
#[uniffi::export(default(identity_number = None))]
pub fn new_card(
    number: String,
    cvc: String,
    expiry_month: String,
    expiry_year: String,
    holder_name: String,
    identity_number: Option<String>,
) -> Result<Arc<Card>> {
    let card = Card::new(number, cvc, expiry_month, expiry_year, holder_name)?;
    let card = match identity_number {
        Some(identity) => card.with_identity_number(identity)?,
        None => card,
    };
    Ok(Arc::new(card))
}

/// Buying products. A purchase is money: once the request may have reached the server it is
/// never sent again, and a cancelled coroutine or task cannot abandon it half-sent.
#[derive(Debug, uniffi::Object)]
pub struct Purchases(pub(crate) insurup::Purchases);

#[uniffi::export(async_runtime = "tokio")]
impl Purchases {
    /// Buys with a card in `installments` (1 = cash) and returns the policy id and number. If the
    /// answer is lost, the product is read back: bought returns the policy, anything unclear
    /// throws `PurchaseOutcomeUnknown` naming the proposal and product.
    pub async fn credit_card(
        &self,
        proposal_id: ProposalId,
        product_id: ProposalProductId,
        card: Arc<Card>,
        installments: u32,
    ) -> Result<Purchase> {
        let card = Card::clone(&card);
        Ok(self
            .0
            .credit_card(&proposal_id, &product_id, card, installments)
            .await?)
    }

    /// Buys on open account (corporate customers), with the same guarantees as `credit_card`.
    pub async fn open_account(
        &self,
        proposal_id: ProposalId,
        product_id: ProposalProductId,
        installments: u32,
    ) -> Result<Purchase> {
        Ok(self
            .0
            .open_account(&proposal_id, &product_id, installments)
            .await?)
    }

    /// Starts a 3-D Secure purchase (web sales); send the customer to the returned URL.
    pub async fn start_3d_secure(
        &self,
        proposal_id: ProposalId,
        product_id: ProposalProductId,
        card: Arc<Card>,
        installments: u32,
        callback_url: String,
    ) -> Result<PurchaseRedirect> {
        Ok(self
            .0
            .start_3d_secure(
                &proposal_id,
                &product_id,
                &card,
                installments,
                &callback_url,
            )
            .await?)
    }
}
