//! Buying a product: the card or open-account payment and the purchase result.
//!
//! Card data is wrapped in redacting types as soon as it enters the SDK; it leaves in clear only
//! inside the purchase request body.

use std::fmt;

use serde::Serialize;

use super::{PolicyId, ProposalId, ProposalProductId, PurchaseStatus};
use crate::error::Result;
use crate::secret::{CardNumber, Secret};
use crate::validate;

/// A payment card, checked locally (Luhn, expiry, CVC, holder) when it is built. Debug output
/// shows the last four digits only.
#[derive(Clone)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, from_py_object, module = "insurup")
)]
pub struct Card {
    number: CardNumber,
    cvc: Secret,
    expiry_month: String,
    expiry_year: String,
    holder_name: String,
    identity_number: Option<String>,
}

impl Card {
    /// Checks and wraps card details. `expiry_year` may be `2030` or `30`.
    pub fn new(
        number: impl AsRef<str>,
        cvc: impl Into<String>,
        expiry_month: impl AsRef<str>,
        expiry_year: impl AsRef<str>,
        holder_name: impl Into<String>,
    ) -> Result<Self> {
        let number = CardNumber::new(number);
        validate::card_number(number.expose())?;
        let cvc = Secret::new(cvc.into().trim().to_owned());
        validate::card_cvc(cvc.expose())?;
        let (expiry_month, expiry_year) =
            validate::card_expiry(expiry_month.as_ref(), expiry_year.as_ref())?;
        let holder_name = holder_name.into().trim().to_owned();
        validate::not_blank("card.holder_name", &holder_name)?;
        Ok(Card {
            number,
            cvc,
            expiry_month,
            expiry_year,
            holder_name,
            identity_number: None,
        })
    }

    /// Adds the card holder's TCKN, which some insurers require.
    pub fn with_identity_number(mut self, identity_number: impl Into<String>) -> Result<Self> {
        let identity_number = identity_number.into();
        validate::tckn("card.identity_number", &identity_number)?;
        self.identity_number = Some(identity_number);
        Ok(self)
    }

    /// Last four digits of the number.
    pub fn last4(&self) -> &str {
        self.number.last4()
    }

    /// Expiry month, `MM`.
    pub fn expiry_month(&self) -> &str {
        &self.expiry_month
    }

    /// Expiry year, `YYYY`.
    pub fn expiry_year(&self) -> &str {
        &self.expiry_year
    }

    /// Name on the card.
    pub fn holder_name(&self) -> &str {
        &self.holder_name
    }
}

impl TryFrom<CardDetails> for Card {
    type Error = crate::Error;

    fn try_from(details: CardDetails) -> Result<Self> {
        let card = Card::new(
            &details.number,
            details.cvc,
            &details.expiry_month,
            &details.expiry_year,
            details.holder_name,
        )?;
        match details.identity_number {
            Some(identity) => card.with_identity_number(identity),
            None => Ok(card),
        }
    }
}

impl fmt::Debug for Card {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Card")
            .field("number", &self.number)
            .field("cvc", &self.cvc)
            .field("expiry_month", &self.expiry_month)
            .field("expiry_year", &self.expiry_year)
            .field("holder_name", &self.holder_name)
            .finish()
    }
}

/// Card details as plain fields, the way bindings receive them; turn them into a [`Card`] with
/// `Card::try_from`. Debug output is redacted.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[derive(Clone, Default)]
pub struct CardDetails {
    /// Card number; spaces allowed.
    pub number: String,
    /// Security code, 3 or 4 digits.
    pub cvc: String,
    /// Expiry month, `MM`.
    pub expiry_month: String,
    /// Expiry year, `YYYY` or `YY`.
    pub expiry_year: String,
    /// Name on the card.
    pub holder_name: String,
    /// The card holder's TCKN, if the insurer needs it.
    pub identity_number: Option<String>,
}

impl fmt::Debug for CardDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CardDetails")
            .field("number", &CardNumber::new(&self.number))
            .field("cvc", &"[REDACTED]")
            .field("expiry_month", &self.expiry_month)
            .field("expiry_year", &self.expiry_year)
            .field("holder_name", &self.holder_name)
            .finish()
    }
}

/// How a product is paid (B2B guide §4.1: sync purchase), with optional campaign metadata.
#[derive(Debug, Clone)]
pub struct Payment {
    method: PaymentMethod,
    installments: u32,
    metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Debug, Clone)]
enum PaymentMethod {
    CreditCard(Card),
    OpenAccount,
}

/// The installment count a caller asked for, or one payment (cash) when they left it out: the
/// default every language gets, stated here once.
pub(crate) fn installments_or_cash(installments: impl Into<Option<u32>>) -> u32 {
    installments.into().unwrap_or(1)
}

impl Payment {
    /// Charge `card` directly in `installments` (`3`, or `None` for one payment: cash).
    pub fn credit_card(card: Card, installments: impl Into<Option<u32>>) -> Self {
        Payment {
            method: PaymentMethod::CreditCard(card),
            installments: installments_or_cash(installments),
            metadata: None,
        }
    }

    /// Open account (corporate customers) in `installments` (`None`: one payment, cash).
    pub fn open_account(installments: impl Into<Option<u32>>) -> Self {
        Payment {
            method: PaymentMethod::OpenAccount,
            installments: installments_or_cash(installments),
            metadata: None,
        }
    }

    /// [`Payment::with_metadata`] when there is metadata, the payment unchanged otherwise.
    pub fn with_optional_metadata(
        self,
        metadata: Option<serde_json::Map<String, serde_json::Value>>,
    ) -> Self {
        match metadata {
            Some(metadata) => self.with_metadata(metadata),
            None => self,
        }
    }

    /// Attaches campaign information or tags (`metadata` in the B2B guide §4.1).
    pub fn with_metadata(mut self, metadata: serde_json::Map<String, serde_json::Value>) -> Self {
        self.metadata = Some(metadata);
        self
    }

    /// The installment count.
    pub fn installments(&self) -> u32 {
        self.installments
    }

    pub(crate) fn to_body<'a>(
        &'a self,
        proposal_id: &'a ProposalId,
        product_id: &'a ProposalProductId,
    ) -> Result<PurchaseBody<'a>> {
        validate::installment(self.installments)?;
        Ok(PurchaseBody {
            kind: match self.method {
                PaymentMethod::CreditCard(_) => "credit-card",
                PaymentMethod::OpenAccount => "open-account",
            },
            proposal_id,
            proposal_product_id: product_id,
            installment_number: self.installments,
            card: match &self.method {
                PaymentMethod::CreditCard(card) => Some(CardBody::from(card)),
                PaymentMethod::OpenAccount => None,
            },
            metadata: self.metadata.as_ref(),
            callback_url: None,
        })
    }
}

/// The body of `POST …/purchase/sync`. Holds card data in clear: never log it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseBody<'a> {
    #[serde(rename = "$type")]
    kind: &'static str,
    proposal_id: &'a ProposalId,
    proposal_product_id: &'a ProposalProductId,
    installment_number: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    card: Option<CardBody<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a serde_json::Map<String, serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    callback_url: Option<&'a str>,
}

impl<'a> PurchaseBody<'a> {
    /// The body of `POST …/purchase/async` with 3-D Secure.
    pub(crate) fn three_d_secure(
        proposal_id: &'a ProposalId,
        product_id: &'a ProposalProductId,
        card: &'a Card,
        installments: u32,
        callback_url: &'a str,
    ) -> Result<Self> {
        validate::installment(installments)?;
        let parsed = url::Url::parse(callback_url)
            .map_err(|_| crate::Error::validation("callback_url", "must be an absolute URL"))?;
        if !matches!(parsed.scheme(), "https" | "http") {
            return Err(crate::Error::validation(
                "callback_url",
                "must be an http(s) URL",
            ));
        }
        Ok(PurchaseBody {
            kind: "3d-secure",
            proposal_id,
            proposal_product_id: product_id,
            installment_number: installments,
            card: Some(CardBody::from(card)),
            metadata: None,
            callback_url: Some(callback_url),
        })
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CardBody<'a> {
    number: &'a str,
    cvc: &'a str,
    expiry_month: &'a str,
    expiry_year: &'a str,
    holder_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity_number: Option<&'a str>,
}

impl<'a> From<&'a Card> for CardBody<'a> {
    fn from(card: &'a Card) -> Self {
        CardBody {
            number: card.number.expose(),
            cvc: card.cvc.expose(),
            expiry_month: &card.expiry_month,
            expiry_year: &card.expiry_year,
            holder_name: &card.holder_name,
            identity_number: card.identity_number.as_deref(),
        }
    }
}

/// The result of a sync purchase.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Purchase {
    /// The new policy.
    pub policy_id: PolicyId,
    /// The insurer's policy number.
    pub policy_number: Option<String>,
    /// `PURCHASED` on success.
    pub status: PurchaseStatus,
    /// True when the answer was lost (timeout, dropped connection, 5xx) and the SDK confirmed the
    /// purchase by reading the product back instead of sending it again.
    #[serde(default)]
    pub confirmed_by_read_back: bool,
}

impl Purchase {
    /// Reads a sync purchase's answer in every documented shape: `{policyId}` (the vendor SDK),
    /// `{policyId, policyNumber, status}` (the B2B guide) and a bare id. `None` when the answer
    /// names no policy (an empty 2xx, or a body that cannot be read): the caller confirms the
    /// purchase by reading the product instead.
    pub(crate) fn from_answer(body: &[u8]) -> Option<Self> {
        let answer: serde_json::Value = serde_json::from_slice(body).ok()?;
        let text = |value: &serde_json::Value| match value {
            serde_json::Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
            serde_json::Value::Number(number) => Some(number.to_string()),
            _ => None,
        };
        let (policy_id, object) = match &answer {
            serde_json::Value::Object(object) => (text(object.get("policyId")?)?, Some(object)),
            bare => (text(bare)?, None),
        };
        let field = |name: &str| object.and_then(|object| object.get(name));
        Some(Purchase {
            policy_id: PolicyId::new(policy_id),
            policy_number: field("policyNumber").and_then(text),
            status: field("status")
                .and_then(|status| serde_json::from_value(status.clone()).ok())
                .unwrap_or(PurchaseStatus::Purchased),
            confirmed_by_read_back: false,
        })
    }
}

/// Where the customer must go to finish an async (3-D Secure) purchase.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PurchaseRedirect {
    /// Redirect the customer's browser here.
    pub redirect_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_purchase_answer_names_the_policy() {
        let vendor = Purchase::from_answer(br#"{"policyId":"6650a1b2c3d4e5f601a2b3c9"}"#)
            .expect("the vendor SDK's shape");
        assert_eq!(vendor.policy_id.as_str(), "6650a1b2c3d4e5f601a2b3c9");
        assert_eq!(vendor.status, PurchaseStatus::Purchased);
        assert_eq!(vendor.policy_number, None);
        let guide = Purchase::from_answer(
            br#"{"policyId":"p1","policyNumber":"POL-2025-123456","status":"PURCHASED"}"#,
        )
        .expect("the guide's shape");
        assert_eq!(guide.policy_number.as_deref(), Some("POL-2025-123456"));
        assert_eq!(
            Purchase::from_answer(br#""p2""#).map(|p| p.policy_id),
            Some(PolicyId::new("p2"))
        );
        for unreadable in [&b""[..], b"{}", b"null", b"<html>", br#"{"policyId":""}"#] {
            assert_eq!(Purchase::from_answer(unreadable), None);
        }
    }
}
