use napi_derive::napi;

use insurup::{
    Card, CardDetails, Payment, ProposalId, ProposalProductId, Purchase, PurchaseRedirect,
};

/// Campaign information or tags sent with a purchase (`metadata` in the B2B guide).
type Metadata = serde_json::Map<String, serde_json::Value>;

/// A card payment. The card is checked locally (Luhn, expiry, CVC, holder) before anything is
/// sent, and never appears in errors or logs.
#[derive(Debug)]
#[napi(object)]
pub struct CardPayment {
    /// The card.
    pub card: CardDetails,
    /// Number of installments; 1 (cash) when left out.
    pub installments: Option<u32>,
    /// Campaign information or tags, sent with the purchase.
    #[napi(ts_type = "Record<string, unknown>")]
    pub metadata: Option<Metadata>,
}

/// An open-account payment (corporate customers).
#[derive(Debug)]
#[napi(object)]
pub struct OpenAccountPayment {
    /// Number of installments; 1 (cash) when left out.
    pub installments: Option<u32>,
    /// Campaign information or tags, sent with the purchase.
    #[napi(ts_type = "Record<string, unknown>")]
    pub metadata: Option<Metadata>,
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

impl CardPayment {
    fn into_payment(self) -> insurup::Result<Payment> {
        let payment = Payment::credit_card(Card::try_from(self.card)?, self.installments);
        Ok(payment.with_optional_metadata(self.metadata))
    }
}

impl OpenAccountPayment {
    fn into_payment(self) -> Payment {
        Payment::open_account(self.installments).with_optional_metadata(self.metadata)
    }
}

resource! {
    ()
    "Buying products (`/api/proposals/{id}/products/{productId}/purchase/…`). A purchase is"
    "money: once the request may have reached the server it is never sent again; when its"
    "answer is lost the product is read back, and an unclear outcome is a"
    "`PurchaseOutcomeUnknownError`."
    Purchases(purchase) {
        "Buys a product with a card now and returns the policy id and number."
        fn credit_card(proposal_id: ProposalId, product_id: ProposalProductId, payment: CardPayment) -> Purchase =
            sync(&proposal_id, &product_id, payment.into_payment()?);
        "Buys a product on open account (corporate customers)."
        fn open_account(proposal_id: ProposalId, product_id: ProposalProductId, payment: OpenAccountPayment) -> Purchase =
            sync(&proposal_id, &product_id, payment.into_payment());
        "Starts a 3-D Secure purchase; send the customer to the returned URL. B2B flows use"
        "`creditCard` instead."
        fn start_3d_secure[js_name = "start3dSecure"](proposal_id: ProposalId, product_id: ProposalProductId, payment: ThreeDSecurePayment) -> PurchaseRedirect =
            start_3d_secure(
                &proposal_id,
                &product_id,
                &Card::try_from(payment.card)?,
                payment.installments,
                &payment.callback_url
            );
    }
    records {}
}
