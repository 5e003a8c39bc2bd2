use insurup::{Payment, ProposalId, ProposalProductId, Purchase, PurchaseRedirect};

use super::resource;
use crate::inputs::{CardArg, Json};

resource! {
    /// Buying products. A purchase is never sent twice: when its answer is lost, the product is
    /// read back, and an unclear outcome raises `PurchaseOutcomeUnknownError`.
    Purchases, AsyncPurchases {
        /// Buys a product with a card in `installments` (1 = cash) and returns the policy.
        /// `metadata` (campaign information, tags) is sent along as given.
        #[pyo3(signature = (proposal_id, product_id, *, card, installments = 1, metadata = None))]
        fn credit_card(
            proposal_id: ProposalId,
            product_id: ProposalProductId,
            card: CardArg,
            installments: u32,
            metadata: Option<Json>,
        ) -> Purchase = |client| async move {
            let mut payment = Payment::credit_card(card.0, installments);
            if let Some(metadata) = metadata {
                payment = payment.with_metadata(metadata.into_object("metadata")?);
            }
            client.purchase().sync(&proposal_id, &product_id, payment).await
        };

        /// Buys a product on open account (corporate customers).
        #[pyo3(signature = (proposal_id, product_id, *, installments = 1))]
        fn open_account(
            proposal_id: ProposalId,
            product_id: ProposalProductId,
            installments: u32,
        ) -> Purchase =
            |client| client.purchase().open_account(&proposal_id, &product_id, installments);

        /// Starts a 3-D Secure purchase; send the customer's browser to the returned URL.
        #[pyo3(signature = (proposal_id, product_id, *, card, callback_url, installments = 1))]
        fn start_3d_secure(
            proposal_id: ProposalId,
            product_id: ProposalProductId,
            card: CardArg,
            callback_url: String,
            installments: u32,
        ) -> PurchaseRedirect = |client| client.purchase().start_3d_secure(
            &proposal_id, &product_id, &card.0, installments, &callback_url,
        );
    }
}
