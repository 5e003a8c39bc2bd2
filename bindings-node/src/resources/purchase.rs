use napi::Result;
use napi_derive::napi;

use insurup::{Card, CardDetails, ProposalId, ProposalProductId, Purchase, PurchaseRedirect};

/// A card payment. The card is checked locally (Luhn, expiry, CVC, holder) before anything is
/// sent, and never appears in errors or logs.
#[derive(Debug)]
#[napi(object)]
pub struct CardPayment {
    /// The card.
    pub card: CardDetails,
    /// Number of installments; 1 (cash) when left out.
    pub installments: Option<u32>,
}

/// An open-account payment (corporate customers).
#[derive(Debug)]
#[napi(object)]
pub struct OpenAccountPayment {
    /// Number of installments; 1 (cash) when left out.
    pub installments: Option<u32>,
}

/// A 3-D Secure card payment (web sales).
#[derive(Debug)]
#[napi(object)]
pub struct ThreeDSecurePayment {
    /// The card.
    pub card: CardDetails,
    /// Number of installments; 1 (cash) when left out.
    pub installments: Option<u32>,
    /// Where the customer's browser returns after the bank's page.
    pub callback_url: String,
}

/// Buying products (`/api/proposals/{id}/products/{productId}/purchase/…`). A purchase is money:
/// once the request may have reached the server it is never sent again; when its answer is lost
/// the product is read back, and an unclear outcome is a `PurchaseOutcomeUnknownError`.
#[derive(Debug)]
#[napi]
pub struct Purchases(pub(crate) insurup::Purchases);

#[napi]
impl Purchases {
    /// Buys a product with a card now and returns the policy id and number.
    #[napi]
    pub async fn credit_card(
        &self,
        proposal_id: ProposalId,
        product_id: ProposalProductId,
        payment: CardPayment,
    ) -> Result<Purchase> {
        let card = Card::try_from(payment.card)?;
        Ok(self
            .0
            .credit_card(
                &proposal_id,
                &product_id,
                card,
                payment.installments.unwrap_or(1),
            )
            .await?)
    }

    /// Buys a product on open account (corporate customers).
    #[napi]
    pub async fn open_account(
        &self,
        proposal_id: ProposalId,
        product_id: ProposalProductId,
        payment: OpenAccountPayment,
    ) -> Result<Purchase> {
        Ok(self
            .0
            .open_account(&proposal_id, &product_id, payment.installments.unwrap_or(1))
            .await?)
    }

    /// Starts a 3-D Secure purchase; send the customer to the returned URL. B2B flows use
    /// `creditCard` instead.
    #[napi(js_name = "start3dSecure")]
    pub async fn start_3d_secure(
        &self,
        proposal_id: ProposalId,
        product_id: ProposalProductId,
        payment: ThreeDSecurePayment,
    ) -> Result<PurchaseRedirect> {
        let card = Card::try_from(payment.card)?;
        Ok(self
            .0
            .start_3d_secure(
                &proposal_id,
                &product_id,
                &card,
                payment.installments.unwrap_or(1),
                &payment.callback_url,
            )
            .await?)
    }
}
