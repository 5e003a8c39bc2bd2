use insurup::{Card, Payment, ProposalId, ProposalProductId, Purchase, PurchaseRedirect};
use serde_json::{Map, Value};

use super::resource;
use crate::inputs::Json;

/// The caller's metadata (campaign information, tags), sent along as given.
type Metadata = Option<Json<Map<String, Value>>>;

fn with_metadata(payment: Payment, metadata: Metadata) -> Payment {
    payment.with_optional_metadata(metadata.map(|Json(metadata)| metadata))
}

resource! {
    /// Buying products. A purchase is never sent twice: when its answer is lost, the product is
    /// read back, and an unclear outcome raises `PurchaseOutcomeUnknownError`.
    Purchases, AsyncPurchases {
        /// Buys a product with a card in `installments` (None: one payment, cash) and returns
        /// the policy. `metadata` (a dict: campaign information, tags) is sent along as given.
        fn credit_card(proposal_id: ProposalId, product_id: ProposalProductId; card: Card,
            installments: Option<u32> = None, metadata: Metadata = None)
            -> Purchase = |client| async move {
                let payment = with_metadata(Payment::credit_card(card, installments), metadata);
                client.purchase().sync(&proposal_id, &product_id, payment).await
            };

        /// Buys a product on open account (corporate customers); `metadata` as for
        /// `credit_card`.
        fn open_account(proposal_id: ProposalId, product_id: ProposalProductId;
            installments: Option<u32> = None, metadata: Metadata = None)
            -> Purchase = |client| async move {
                let payment = with_metadata(Payment::open_account(installments), metadata);
                client.purchase().sync(&proposal_id, &product_id, payment).await
            };

        /// Starts a 3-D Secure purchase in `installments` (None: cash); send the customer's
        /// browser to the returned URL.
        fn start_3d_secure(proposal_id: ProposalId, product_id: ProposalProductId; card: Card,
            callback_url: String, installments: Option<u32> = None) -> PurchaseRedirect
            = |client| client.purchase().start_3d_secure(
                &proposal_id, &product_id, &card, installments, &callback_url);
    }
}
