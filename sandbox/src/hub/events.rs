//! The hub's server-to-client methods and their single argument. The shapes follow the vendor's
//! TypeScript contracts (`ProposalProductEventBase` and its extensions, which mirror the server's
//! DTOs); the event's name says the product's new state, so no `state` member is sent.

use serde::Serialize;
use serde_json::Value;

use crate::simulation::catalog::INSURERS;
use crate::store::model::{PaymentOption, Product, Proposal};

/// One `ReceiveProposalProduct*` method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProductEvent {
    /// Pricing started: the product is `WAITING`.
    InProgress,
    /// Priced: `ACTIVE`, with premiums.
    Success,
    /// The insurer refused: `FAILED`, with `errorMessage`.
    Failed,
    /// Inputs revised and pricing restarted (`…/products/{id}/revise`).
    Revised,
    /// A purchase started: `PURCHASING`.
    Purchasing,
    /// Bought: `PURCHASED`, with `policyId`.
    Purchased,
    /// The payment was refused: `PURCHASE_FAILED`, with `errorMessage`.
    PurchaseFailed,
    /// Refined coverage (the sandbox has none to refine; test control only).
    Coverage,
}

impl ProductEvent {
    pub const ALL: [ProductEvent; 8] = [
        ProductEvent::InProgress,
        ProductEvent::Success,
        ProductEvent::Failed,
        ProductEvent::Revised,
        ProductEvent::Purchasing,
        ProductEvent::Purchased,
        ProductEvent::PurchaseFailed,
        ProductEvent::Coverage,
    ];

    /// The client method the hub invokes.
    pub fn target(self) -> &'static str {
        match self {
            ProductEvent::InProgress => "ReceiveProposalProductInProgress",
            ProductEvent::Success => "ReceiveProposalProductSuccess",
            ProductEvent::Failed => "ReceiveProposalProductFailed",
            ProductEvent::Revised => "ReceiveProposalProductRevised",
            ProductEvent::Purchasing => "ReceiveProposalProductPurchasing",
            ProductEvent::Purchased => "ReceiveProposalProductPurchased",
            ProductEvent::PurchaseFailed => "ReceiveProposalProductPurchaseFailed",
            ProductEvent::Coverage => "ReceiveProposalProductCoverage",
        }
    }

    pub fn from_target(target: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.target() == target)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventPremium<'a> {
    installment_number: u8,
    insurance_premium_reference: &'a str,
    net_premium: f64,
    gross_premium: f64,
    commission: f64,
    exchange_rate: f64,
    currency: &'static str,
    insurance_company_proposal_number: &'a str,
}

/// `ProposalProductEventBase` plus the members each event adds.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProductEventPayload<'a> {
    proposal_id: &'a str,
    proposal_product_id: &'a str,
    product_id: u32,
    product_name: &'a str,
    product_type: &'static str,
    insurance_company_id: u32,
    insurance_company_name: &'static str,
    insurance_company_logo: String,
    supported_payment_options: Vec<PaymentOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    needs_investigation_by_company: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_vocational_discount: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_undamaged_discount: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    premiums: Option<Vec<EventPremium<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_message: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy_id: Option<&'a str>,
}

/// `ProposalProductCoverageEvent`, leaner than the others.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CoveragePayload<'a> {
    proposal_id: &'a str,
    proposal_product_id: &'a str,
    has_vocational_discount: bool,
    has_undamaged_discount: bool,
}

/// The argument of `event` for `product` as the store holds it now. `error_message` overrides
/// the product's own (a refused payment's reason is not a pricing error).
pub fn payload(
    event: ProductEvent,
    proposal: &Proposal,
    product: &Product,
    error_message: Option<&str>,
) -> Value {
    if event == ProductEvent::Coverage {
        return serde_json::to_value(CoveragePayload {
            proposal_id: &proposal.id,
            proposal_product_id: &product.id,
            has_vocational_discount: false,
            has_undamaged_discount: product.has_undamaged_discount,
        })
        .unwrap_or_default();
    }
    let insurer = &INSURERS[product.insurer];
    let priced = event == ProductEvent::Success;
    let premiums = priced.then(|| {
        product
            .premiums
            .iter()
            .map(|p| EventPremium {
                installment_number: p.installment_number,
                insurance_premium_reference: &p.services_premium_id,
                net_premium: p.net,
                gross_premium: p.gross,
                commission: p.commission,
                exchange_rate: 1.0,
                currency: "TURKISH_LIRA",
                insurance_company_proposal_number: &product.company_proposal_number,
            })
            .collect()
    });
    let error_message = match event {
        ProductEvent::Failed => error_message.or(product.error_message.as_deref()),
        ProductEvent::PurchaseFailed => error_message,
        _ => None,
    };
    serde_json::to_value(ProductEventPayload {
        proposal_id: &proposal.id,
        proposal_product_id: &product.id,
        product_id: product.product_id,
        product_name: &product.product_name,
        product_type: "WEB_SERVICE",
        insurance_company_id: insurer.id,
        insurance_company_name: insurer.name,
        insurance_company_logo: insurer.logo(),
        supported_payment_options: insurer.payment_options(),
        needs_investigation_by_company: priced.then_some(false),
        has_vocational_discount: priced.then_some(false),
        has_undamaged_discount: priced.then_some(product.has_undamaged_discount),
        premiums,
        error_message,
        policy_id: match event {
            ProductEvent::Purchased => product.policy_id.as_deref(),
            _ => None,
        },
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_has_its_own_client_method() {
        for event in ProductEvent::ALL {
            assert_eq!(ProductEvent::from_target(event.target()), Some(event));
            assert!(event.target().starts_with("ReceiveProposalProduct"));
        }
        assert_eq!(ProductEvent::from_target("ReceiveSomethingElse"), None);
    }
}
