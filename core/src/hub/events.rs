//! The hub's `ReceiveProposalProduct*` events, and how each changes a watch's copy of a product.
//! The event's name says the product's new state; its argument carries the proposal and product
//! ids and, depending on the event, premiums, an error message or a policy id.

use serde::Deserialize;
use serde_json::Value;

use crate::model::{PolicyId, Premium, Product, ProductState, ProposalId, ProposalProductId};

/// What a product became, by event name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Pricing (re)started.
    InProgress,
    /// Priced.
    Success,
    /// The insurer refused.
    Failed,
    /// Inputs revised; pricing restarts.
    Revised,
    Purchasing,
    Purchased,
    PurchaseFailed,
    /// Refined coverage flags; the state does not change.
    Coverage,
}

impl Change {
    fn from_target(target: &str) -> Option<Self> {
        Some(match target {
            "ReceiveProposalProductInProgress" => Change::InProgress,
            "ReceiveProposalProductSuccess" => Change::Success,
            "ReceiveProposalProductFailed" => Change::Failed,
            "ReceiveProposalProductRevised" => Change::Revised,
            "ReceiveProposalProductPurchasing" => Change::Purchasing,
            "ReceiveProposalProductPurchased" => Change::Purchased,
            "ReceiveProposalProductPurchaseFailed" => Change::PurchaseFailed,
            "ReceiveProposalProductCoverage" => Change::Coverage,
            _ => return None,
        })
    }

    fn state(self) -> Option<ProductState> {
        Some(match self {
            Change::InProgress | Change::Revised => ProductState::Waiting,
            Change::Success => ProductState::Active,
            Change::Failed => ProductState::Failed,
            Change::Purchasing => ProductState::Purchasing,
            Change::Purchased => ProductState::Purchased,
            Change::PurchaseFailed => ProductState::PurchaseFailed,
            Change::Coverage => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    proposal_id: ProposalId,
    proposal_product_id: ProposalProductId,
    premiums: Option<Vec<Premium>>,
    error_message: Option<String>,
    policy_id: Option<PolicyId>,
    has_vocational_discount: Option<bool>,
    has_undamaged_discount: Option<bool>,
    needs_investigation_by_company: Option<bool>,
}

/// One product event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ProductEvent {
    change: Change,
    payload: Payload,
}

/// How far along its life a state is: a read may be older than an event that arrived before it,
/// so a read never moves a product back (a retried product's new answer arrives as an event).
pub(crate) fn rank(state: &ProductState) -> u8 {
    match state {
        ProductState::Waiting => 0,
        ProductState::Active | ProductState::Failed => 1,
        ProductState::Purchasing => 2,
        ProductState::Purchased | ProductState::PurchaseFailed => 3,
        _ => 1,
    }
}

impl ProductEvent {
    /// The event an invocation carries: `Ok(None)` for a method that is not a product event
    /// (to be logged and skipped), `Err` for a product event whose argument is unreadable.
    pub fn from_invocation(
        target: &str,
        arguments: &[Value],
    ) -> std::result::Result<Option<Self>, String> {
        let Some(change) = Change::from_target(target) else {
            return Ok(None);
        };
        let argument = arguments
            .first()
            .ok_or_else(|| format!("{target} without an argument"))?;
        let payload =
            Payload::deserialize(argument).map_err(|error| format!("{target}: {error}"))?;
        Ok(Some(ProductEvent { change, payload }))
    }

    pub fn proposal_id(&self) -> &ProposalId {
        &self.payload.proposal_id
    }

    pub fn product_id(&self) -> &ProposalProductId {
        &self.payload.proposal_product_id
    }

    /// The product's state after this event (`None`: it keeps its state).
    pub fn state(&self) -> Option<ProductState> {
        self.change.state()
    }

    /// Whether the event says everything a read would: a price without premiums (an event
    /// leaner than the sandbox's) needs the product read.
    pub fn is_complete(&self) -> bool {
        self.change != Change::Success || self.payload.premiums.is_some()
    }

    /// Applies the event to `product`.
    pub fn apply(&self, product: &mut Product) {
        let payload = &self.payload;
        if let Some(state) = self.change.state() {
            product.state = state;
        }
        match self.change {
            Change::Success => {
                if let Some(premiums) = &payload.premiums {
                    product.premiums.clone_from(premiums);
                }
                product.error_message = None;
            }
            Change::Failed => {
                product.error_message.clone_from(&payload.error_message);
            }
            Change::InProgress => product.error_message = None,
            Change::Revised => {
                product.revised = true;
                product.error_message = None;
            }
            Change::Purchased => {
                if payload.policy_id.is_some() {
                    product.policy_id.clone_from(&payload.policy_id);
                }
            }
            Change::PurchaseFailed => {
                if payload.error_message.is_some() {
                    product.error_message.clone_from(&payload.error_message);
                }
            }
            Change::Purchasing | Change::Coverage => {}
        }
        if let Some(flag) = payload.has_vocational_discount {
            product.has_vocational_discount = flag;
        }
        if let Some(flag) = payload.has_undamaged_discount {
            product.has_undamaged_discount = flag;
        }
        if let Some(flag) = payload.needs_investigation_by_company {
            product.needs_investigation_by_company = flag;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn waiting() -> Product {
        serde_json::from_value(json!({
            "id": "pp1", "insuranceCompanyId": 7, "state": "WAITING"
        }))
        .expect("product")
    }

    #[test]
    fn a_price_event_makes_the_product_buyable_with_its_premiums() {
        let event = ProductEvent::from_invocation(
            "ReceiveProposalProductSuccess",
            &[json!({
                "proposalId": "p1", "proposalProductId": "pp1", "insuranceCompanyId": 7,
                "hasUndamagedDiscount": true,
                "premiums": [{"installmentNumber": 1, "insurancePremiumReference": "r",
                    "netPremium": 100.0, "grossPremium": 110.0, "commission": 10.0,
                    "exchangeRate": 1, "currency": "TURKISH_LIRA"}]
            })],
        )
        .expect("readable")
        .expect("a product event");
        assert_eq!(event.proposal_id().as_str(), "p1");
        let mut product = waiting();
        event.apply(&mut product);
        assert_eq!(product.state, ProductState::Active);
        assert_eq!(product.premiums.len(), 1);
        assert!(product.has_undamaged_discount);
        assert!(event.is_complete());
    }

    #[test]
    fn failures_and_purchases_carry_their_reason_and_policy() {
        let mut product = waiting();
        let failed = ProductEvent::from_invocation(
            "ReceiveProposalProductFailed",
            &[json!({"proposalId": "p1", "proposalProductId": "pp1", "errorMessage": "no"})],
        )
        .expect("readable")
        .expect("event");
        failed.apply(&mut product);
        assert_eq!(product.state, ProductState::Failed);
        assert_eq!(product.error_message.as_deref(), Some("no"));
        let bought = ProductEvent::from_invocation(
            "ReceiveProposalProductPurchased",
            &[json!({"proposalId": "p1", "proposalProductId": "pp1", "policyId": "pol"})],
        )
        .expect("readable")
        .expect("event");
        bought.apply(&mut product);
        assert_eq!(product.state, ProductState::Purchased);
        assert_eq!(
            product.policy_id.as_ref().map(|id| id.as_str()),
            Some("pol")
        );
    }

    #[test]
    fn other_methods_are_skipped_and_unreadable_events_reported() {
        assert_eq!(
            ProductEvent::from_invocation("ReceiveSomethingNew", &[json!({})]),
            Ok(None)
        );
        assert!(ProductEvent::from_invocation("ReceiveProposalProductFailed", &[]).is_err());
        assert!(
            ProductEvent::from_invocation("ReceiveProposalProductFailed", &[json!({"x": 1})])
                .is_err()
        );
        let lean = ProductEvent::from_invocation(
            "ReceiveProposalProductSuccess",
            &[json!({"proposalId": "p1", "proposalProductId": "pp1"})],
        )
        .expect("readable")
        .expect("event");
        assert!(!lean.is_complete(), "a price without premiums needs a read");
    }
}
