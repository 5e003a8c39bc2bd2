use std::sync::Arc;

use insurup::{
    Card, CardDetails, Payment, ProposalId, ProposalProductId, Purchase, PurchaseRedirect,
};

use crate::error::{Result, json_argument};

/// `payment` with `metadata` (a JSON object as text) attached, when there is some.
fn with_metadata(payment: Payment, metadata: Option<String>) -> Result<Payment> {
    let metadata = metadata.map(|text| json_argument("metadata", &text)).transpose()?;
    Ok(payment.with_optional_metadata(metadata))
}

/// A payment card, checked locally (Luhn, expiry, CVC, holder, TCKN) before anything is sent.
/// The card prints as its last four digits at most; the number and CVC never leave it except in
/// the purchase request.
#[uniffi::export(default(identity_number = None))]
pub fn new_card(
    number: String, cvc: String, expiry_month: String, expiry_year: String, holder_name: String,
    identity_number: Option<String>,
) -> Result<Arc<Card>> {
    let card = CardDetails { number, cvc, expiry_month, expiry_year, holder_name, identity_number };
    Ok(Arc::new(Card::try_from(card)?))
}

forward! {
    ()
    "Buying products. A purchase is money: once the request may have reached the server it is"
    "never sent again, and a cancelled coroutine or task cannot abandon it half-sent."
    Purchases(purchase) {
        "Buys with a card in `installments` (left out: one payment, cash) and returns the policy"
        "id and number; `metadata` (a JSON object as text) carries campaign information or tags."
        "If the answer is lost, the product is read back: bought returns the policy, anything"
        "unclear throws `PurchaseOutcomeUnknown` naming the proposal and product."
        fn credit_card(proposal_id: ProposalId, product_id: ProposalProductId, card: Arc<Card>;
            installments: Option<u32> = None, metadata: Option<String> = None) -> Purchase =
            sync(&proposal_id, &product_id,
                with_metadata(Payment::credit_card(Card::clone(&card), installments), metadata)?);
        "Buys on open account (corporate customers), with the same guarantees as `credit_card`."
        fn open_account(proposal_id: ProposalId, product_id: ProposalProductId;
            installments: Option<u32> = None, metadata: Option<String> = None) -> Purchase =
            sync(&proposal_id, &product_id,
                with_metadata(Payment::open_account(installments), metadata)?);
        "Starts a 3-D Secure purchase (web sales) in `installments` (left out: cash); send the"
        "customer to the returned URL."
        fn start_3d_secure(proposal_id: ProposalId, product_id: ProposalProductId,
            card: Arc<Card>, callback_url: String; installments: Option<u32> = None)
            -> PurchaseRedirect =
            start_3d_secure(&proposal_id, &product_id, &card, installments, &callback_url);
    }
    records {}
}
