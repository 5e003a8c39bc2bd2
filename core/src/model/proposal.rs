//! Proposals: one quote request answered by many insurers, each answer a product.

use serde::Serialize;

use super::{
    AgentBranchId, Channel, CoverageGroupId, Currency, CustomerId, InsuranceProductType,
    PaymentOption, PolicyId, ProductBranch, ProductState, PropertyId, ProposalId,
    ProposalProductId, ProposalState, VehicleId,
};
use crate::error::{Error, Result};
use crate::validate;

/// The premium of a product for one installment plan.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Premium {
    /// Number of installments; 1 = cash.
    pub installment_number: u32,
    /// Premium before taxes.
    pub net_premium: f64,
    /// What the customer pays in total.
    pub gross_premium: f64,
    /// The agency's commission.
    #[serde(default)]
    pub commission: f64,
    /// Exchange rate applied, for foreign-currency premiums.
    pub exchange_rate: Option<f64>,
    /// Currency.
    pub currency: Option<Currency>,
    /// The insurer's own proposal number.
    pub insurance_company_proposal_number: Option<String>,
}

/// One insurer's answer inside a proposal: the thing you buy.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Product {
    /// The proposal product id; pass it to `purchase()`.
    pub id: ProposalProductId,
    /// The insurer's id.
    pub insurance_company_id: i64,
    /// The insurer's name, e.g. `Anadolu Sigorta`.
    #[serde(default)]
    pub insurance_company_name: String,
    /// The insurer's logo URL.
    pub insurance_company_logo: Option<String>,
    /// The insurer's catalogue product id.
    #[serde(default)]
    pub product_id: i64,
    /// The product's name.
    #[serde(default)]
    pub product_name: String,
    /// Web service (buyable through the API) or robot.
    pub product_type: Option<InsuranceProductType>,
    /// Waiting, active, failed, purchasing, purchased.
    pub state: ProductState,
    /// Premiums per installment plan (empty until the insurer answers).
    #[serde(default)]
    pub premiums: Vec<Premium>,
    /// Why the insurer failed, when it did.
    pub error_message: Option<String>,
    /// The policy, once bought.
    pub policy_id: Option<PolicyId>,
    /// The insurer wants to review before selling.
    #[serde(default)]
    pub needs_investigation_by_company: bool,
    /// A vocational discount applies.
    #[serde(default)]
    pub has_vocational_discount: bool,
    /// A no-claims discount applies.
    #[serde(default)]
    pub has_undamaged_discount: bool,
    /// The product was revised after the first answer.
    #[serde(default)]
    pub revised: bool,
    /// Entered by hand rather than by the insurer's service.
    #[serde(default)]
    pub is_manual: bool,
    /// Coverage group the premium was computed for.
    pub coverage_group_id: Option<CoverageGroupId>,
    /// Name of that coverage group.
    pub coverage_group_name: Option<String>,
    /// How this product can be paid.
    #[serde(default)]
    pub supported_payment_options: Vec<PaymentOption>,
}

impl Product {
    /// The premium for `installments` (`None`: one payment, cash), if the insurer offers that
    /// plan.
    pub fn premium(&self, installments: impl Into<Option<u32>>) -> Option<&Premium> {
        let installments = super::installments_or_cash(installments);
        self.premiums
            .iter()
            .find(|p| p.installment_number == installments)
    }

    /// True when the product can be bought now: priced, or its last payment was refused.
    pub fn is_purchasable(&self) -> bool {
        matches!(
            self.state,
            ProductState::Active | ProductState::PurchaseFailed
        ) && self.product_type != Some(InsuranceProductType::Robot)
            && !self.premiums.is_empty()
    }
}

/// A coverage group a proposal was requested with.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CoverageGroupRef {
    /// The group's id.
    pub id: CoverageGroupId,
    /// Its name.
    #[serde(default)]
    pub name: String,
}

/// A proposal, as `GET /api/proposals/{id}` returns it.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    /// The proposal's id.
    #[serde(rename = "proposalId", alias = "id")]
    pub id: ProposalId,
    /// Branch: kasko, trafik, dask, …
    pub product_branch: ProductBranch,
    /// Waiting, active, purchasing, purchased or failed.
    pub state: ProposalState,
    /// Channel the proposal came from.
    pub channel: Option<Channel>,
    /// When it was created (RFC 3339).
    pub created_at: Option<String>,
    /// The customer who pays.
    pub insurer_customer_id: Option<CustomerId>,
    /// The customer who is insured.
    pub insured_customer_id: Option<CustomerId>,
    /// The insured vehicle (motor branches).
    pub vehicle_id: Option<VehicleId>,
    /// The insured property (DASK, konut).
    pub property_id: Option<PropertyId>,
    /// Branch the proposal belongs to.
    pub agent_branch_id: Option<AgentBranchId>,
    /// How many insurers were asked.
    #[serde(default)]
    pub total_products_count: u32,
    /// How many answered with a premium.
    #[serde(default)]
    pub succeed_products_count: u32,
    /// Cheapest cash gross premium so far.
    pub lowest_premium: Option<f64>,
    /// Most expensive cash gross premium so far.
    pub highest_premium: Option<f64>,
    /// Policy start date, `YYYY-MM-DD`.
    pub policy_start_date: Option<String>,
    /// Policy end date, `YYYY-MM-DD`.
    pub policy_end_date: Option<String>,
    /// Coverage groups requested.
    #[serde(default)]
    pub coverage_groups: Vec<CoverageGroupRef>,
    /// One product per insurer asked.
    #[serde(default)]
    pub products: Vec<Product>,
}

impl Proposal {
    /// The cheapest product that can be bought with `installments` (`None`: one payment, cash),
    /// by gross premium.
    pub fn cheapest_product(&self, installments: impl Into<Option<u32>>) -> Option<&Product> {
        let installments = super::installments_or_cash(installments);
        self.products
            .iter()
            .filter(|product| product.is_purchasable())
            .filter_map(|product| {
                product
                    .premium(installments)
                    .map(|premium| (product, premium.gross_premium))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(product, _)| product)
    }

    /// A product by id.
    pub fn product(&self, id: &ProposalProductId) -> Option<&Product> {
        self.products.iter().find(|product| &product.id == id)
    }

    /// Products the insurers have not answered yet.
    pub fn pending_products(&self) -> impl Iterator<Item = &Product> {
        self.products
            .iter()
            .filter(|product| !product.state.is_resolved())
    }

    /// True when every insurer has answered.
    pub fn is_complete(&self) -> bool {
        !self.products.is_empty() && self.pending_products().next().is_none()
    }
}

/// A proposal to request (`POST /api/proposals`). Build one with [`NewProposal::kasko`],
/// [`NewProposal::trafik`], [`NewProposal::dask`] or [`NewProposal::konut`].
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_to_js = false))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewProposal {
    /// Branch.
    pub product_branch: ProductBranch,
    /// The customer who pays (sigorta ettiren).
    pub insurer_customer_id: CustomerId,
    /// The customer who is insured (sigortalı); the payer when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub insured_customer_id: Option<CustomerId>,
    /// The vehicle, for kasko, trafik and İMM.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vehicle_id: Option<VehicleId>,
    /// The property, for DASK and konut.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub property_id: Option<PropertyId>,
    /// Coverage groups to price (at most 3); the agency's defaults when omitted or empty.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub coverage_group_ids: Option<Vec<CoverageGroupId>>,
    /// Channel; `API` when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<Channel>,
    /// Branch; the client's branch when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agent_branch_id: Option<AgentBranchId>,
    /// Policy start date, `YYYY-MM-DD`; today when omitted.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub policy_start_date: Option<String>,
}

/// Declares the input of a per-branch `create_<branch>` method for the languages without
/// `NewProposal`'s constructors (Python's keyword arguments, Node's object): the customer, the
/// asset, and `NewProposal`'s options.
macro_rules! proposal_for {
    ($(#[$doc:meta])* $name:ident { $asset:ident: $asset_type:ty, $asset_doc:literal } = $new:ident) => {
        $(#[$doc])*
        #[cfg_attr(feature = "napi", napi_derive::napi(object, object_to_js = false))]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            /// The customer who pays (sigorta ettiren).
            pub customer_id: CustomerId,
            #[doc = $asset_doc]
            pub $asset: $asset_type,
            /// The customer who is insured (sigortalı); the payer when omitted.
            pub insured_customer_id: Option<CustomerId>,
            /// Coverage groups to price (at most 3); the agency's defaults when omitted.
            pub coverage_group_ids: Option<Vec<CoverageGroupId>>,
            /// Channel; `API` when omitted.
            pub channel: Option<Channel>,
            /// Branch; the client's branch when omitted.
            pub agent_branch_id: Option<AgentBranchId>,
            /// Policy start date, `YYYY-MM-DD`; today when omitted.
            pub policy_start_date: Option<String>,
        }

        impl $name {
            /// The proposal of `branch` this asks for.
            pub fn into_proposal(self, branch: ProductBranch) -> NewProposal {
                let $name {
                    customer_id,
                    $asset,
                    insured_customer_id,
                    coverage_group_ids,
                    channel,
                    agent_branch_id,
                    policy_start_date,
                } = self;
                NewProposal {
                    insured_customer_id,
                    coverage_group_ids,
                    channel,
                    agent_branch_id,
                    policy_start_date,
                    ..NewProposal::$new(branch, customer_id, $asset)
                }
            }
        }
    };
}

proposal_for! {
    /// A proposal for a customer's vehicle (kasko, trafik, İMM).
    VehicleProposal { vehicle_id: VehicleId, "The vehicle." } = for_vehicle
}

proposal_for! {
    /// A proposal for a customer's property (DASK, konut).
    PropertyProposal { property_id: PropertyId, "The property." } = for_property
}

impl NewProposal {
    /// A proposal of any branch for a customer, its vehicle or property still to be named
    /// (`vehicle_id`, `property_id`); the constructors of each branch below name it at once.
    pub fn new(branch: ProductBranch, customer: impl Into<CustomerId>) -> Self {
        NewProposal {
            product_branch: branch,
            insurer_customer_id: customer.into(),
            insured_customer_id: None,
            vehicle_id: None,
            property_id: None,
            coverage_group_ids: None,
            channel: None,
            agent_branch_id: None,
            policy_start_date: None,
        }
    }

    fn for_vehicle(branch: ProductBranch, customer: CustomerId, vehicle: VehicleId) -> Self {
        NewProposal {
            vehicle_id: Some(vehicle),
            ..Self::new(branch, customer)
        }
    }

    fn for_property(branch: ProductBranch, customer: CustomerId, property: PropertyId) -> Self {
        NewProposal {
            property_id: Some(property),
            ..Self::new(branch, customer)
        }
    }

    /// A kasko (comprehensive motor) proposal for a customer's vehicle.
    pub fn kasko(customer: impl Into<CustomerId>, vehicle: impl Into<VehicleId>) -> Self {
        Self::for_vehicle(ProductBranch::Kasko, customer.into(), vehicle.into())
    }

    /// A trafik (compulsory motor liability) proposal.
    pub fn trafik(customer: impl Into<CustomerId>, vehicle: impl Into<VehicleId>) -> Self {
        Self::for_vehicle(ProductBranch::Trafik, customer.into(), vehicle.into())
    }

    /// An İMM (voluntary motor liability) proposal.
    pub fn imm(customer: impl Into<CustomerId>, vehicle: impl Into<VehicleId>) -> Self {
        Self::for_vehicle(ProductBranch::Imm, customer.into(), vehicle.into())
    }

    /// A DASK (compulsory earthquake) proposal for a customer's property.
    pub fn dask(customer: impl Into<CustomerId>, property: impl Into<PropertyId>) -> Self {
        Self::for_property(ProductBranch::Dask, customer.into(), property.into())
    }

    /// A konut (home) proposal.
    pub fn konut(customer: impl Into<CustomerId>, property: impl Into<PropertyId>) -> Self {
        Self::for_property(ProductBranch::Konut, customer.into(), property.into())
    }

    /// Prices these coverage groups (at most 3).
    pub fn with_coverage_groups<I, T>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<CoverageGroupId>,
    {
        self.coverage_group_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Insures someone other than the payer.
    pub fn with_insured_customer(mut self, customer: impl Into<CustomerId>) -> Self {
        self.insured_customer_id = Some(customer.into());
        self
    }

    /// Starts the policy on this date (`YYYY-MM-DD`).
    pub fn with_policy_start_date(mut self, date: impl Into<String>) -> Self {
        self.policy_start_date = Some(date.into());
        self
    }

    /// Records the channel the sale came from.
    pub fn with_channel(mut self, channel: Channel) -> Self {
        self.channel = Some(channel);
        self
    }

    /// Produces for this branch of the agency.
    pub fn with_agent_branch_id(mut self, branch: impl Into<AgentBranchId>) -> Self {
        self.agent_branch_id = Some(branch.into());
        self
    }

    pub(crate) fn to_body(&self) -> Result<ProposalBody> {
        validate::id("insurer_customer_id", self.insurer_customer_id.as_str())?;
        if let Some(insured) = &self.insured_customer_id {
            validate::id("insured_customer_id", insured.as_str())?;
        }
        let (wire_type, needs_vehicle) = match &self.product_branch {
            ProductBranch::Kasko => ("kasko", true),
            ProductBranch::Trafik => ("trafik", true),
            ProductBranch::Imm => ("imm", true),
            ProductBranch::Dask => ("dask", false),
            ProductBranch::Konut => ("konut", false),
            ProductBranch::Tss => ("tss", false),
            other => {
                return Err(Error::validation(
                    "product_branch",
                    format!("{other} proposals cannot be requested through the API"),
                ));
            }
        };
        if needs_vehicle {
            match &self.vehicle_id {
                Some(id) => validate::id("vehicle_id", id.as_str())?,
                None => {
                    return Err(Error::validation(
                        "vehicle_id",
                        format!("a {} proposal needs a vehicle", self.product_branch),
                    ));
                }
            }
        } else if self.product_branch != ProductBranch::Tss {
            match &self.property_id {
                Some(id) => validate::id("property_id", id.as_str())?,
                None => {
                    return Err(Error::validation(
                        "property_id",
                        format!("a {} proposal needs a property", self.product_branch),
                    ));
                }
            }
        }
        let coverage_group_ids = self.coverage_group_ids.clone().unwrap_or_default();
        if coverage_group_ids.len() > 3 {
            return Err(Error::validation(
                "coverage_group_ids",
                "at most 3 coverage groups can be priced at once",
            ));
        }
        for id in &coverage_group_ids {
            validate::id("coverage_group_ids", id.as_str())?;
        }
        if let Some(date) = &self.policy_start_date {
            let start = validate::date("policy_start_date", date)?;
            if start < time::OffsetDateTime::now_utc().date() {
                return Err(Error::validation(
                    "policy_start_date",
                    "must be today or later",
                ));
            }
        }
        Ok(ProposalBody {
            kind: wire_type,
            product_branch: self.product_branch.clone(),
            insurer_customer_id: self.insurer_customer_id.clone(),
            insured_customer_id: self
                .insured_customer_id
                .clone()
                .unwrap_or_else(|| self.insurer_customer_id.clone()),
            vehicle_id: self.vehicle_id.clone().filter(|_| needs_vehicle),
            property_id: self.property_id.clone().filter(|_| !needs_vehicle),
            coverage_group_ids,
            channel: self.channel.clone().unwrap_or(Channel::Api),
            agent_branch_id: self.agent_branch_id.clone(),
            policy_start_date: self.policy_start_date.clone(),
        })
    }
}

/// The body of `POST /api/proposals`, in the current (`$type` + `productBranch`) dialect.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ProposalBody {
    #[serde(rename = "$type")]
    pub kind: &'static str,
    pub product_branch: ProductBranch,
    pub insurer_customer_id: CustomerId,
    pub insured_customer_id: CustomerId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vehicle_id: Option<VehicleId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property_id: Option<PropertyId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coverage_group_ids: Vec<CoverageGroupId>,
    pub channel: Channel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_branch_id: Option<AgentBranchId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_start_date: Option<String>,
}

impl ProposalBody {
    /// The same request in the older documented shape (the self-service and kasko guides):
    /// `type` (`traffic` for trafik), `customerId`, integer coverage group ids where they are
    /// numbers, no `productBranch`.
    pub(crate) fn older(&self) -> serde_json::Value {
        let kind = match self.kind {
            "trafik" => "traffic",
            other => other,
        };
        let groups: Vec<serde_json::Value> = self
            .coverage_group_ids
            .iter()
            .map(|id| {
                id.as_str().parse::<i64>().map_or_else(
                    |_| serde_json::json!(id),
                    |number| serde_json::json!(number),
                )
            })
            .collect();
        let mut body = serde_json::json!({
            "type": kind,
            "customerId": self.insurer_customer_id,
            "insuredCustomerId": self.insured_customer_id,
            "channel": self.channel,
        });
        if let Some(object) = body.as_object_mut() {
            let mut put = |key: &str, value: serde_json::Value| {
                if !value.is_null() {
                    object.insert(key.to_owned(), value);
                }
            };
            put("vehicleId", serde_json::json!(self.vehicle_id));
            put("propertyId", serde_json::json!(self.property_id));
            put("agentBranchId", serde_json::json!(self.agent_branch_id));
            if !groups.is_empty() {
                put("coverageGroupIds", serde_json::Value::Array(groups));
            }
        }
        body
    }
}

/// Insurer-side references of one premium (`GET …/premiums/{installmentNumber}`).
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PremiumDetail {
    /// The proposal.
    pub proposal_id: ProposalId,
    /// The product.
    pub proposal_product_id: ProposalProductId,
    /// Installment plan.
    pub installment_number: u32,
    /// The payer.
    pub insurer_customer_id: Option<CustomerId>,
    /// The insured.
    pub insured_customer_id: Option<CustomerId>,
    /// Id of the proposal at the insurance service.
    pub insurance_services_proposal_id: Option<String>,
    /// Id of the premium at the insurance service.
    pub insurance_services_premium_id: Option<String>,
    /// The insurer's proposal number.
    pub insurance_company_proposal_number: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(id: &str, state: ProductState, cash: Option<f64>) -> Product {
        serde_json::from_value(serde_json::json!({
            "id": id, "insuranceCompanyId": 1, "state": state.as_str(),
            "premiums": cash.map(|gross| vec![serde_json::json!({
                "installmentNumber": 1, "netPremium": gross * 0.9, "grossPremium": gross
            })]).unwrap_or_default()
        }))
        .expect("product")
    }

    #[test]
    fn cheapest_product_ignores_products_that_cannot_be_bought() {
        let mut proposal: Proposal = serde_json::from_value(serde_json::json!({
            "proposalId": "p", "productBranch": "KASKO", "state": "ACTIVE"
        }))
        .expect("proposal");
        proposal.products = vec![
            product("expensive", ProductState::Active, Some(9000.0)),
            product("failed", ProductState::Failed, None),
            product("cheap", ProductState::Active, Some(7000.0)),
            product("waiting", ProductState::Waiting, Some(100.0)),
        ];
        let best = proposal.cheapest_product(1).expect("a product");
        assert_eq!(best.id, "cheap");
        assert!(proposal.cheapest_product(3).is_none());
        assert!(!proposal.is_complete());
    }

    #[test]
    fn a_vehicle_branch_without_a_vehicle_is_refused_locally() {
        let mut proposal = NewProposal::kasko("c1", "v1");
        proposal.vehicle_id = None;
        let error = proposal.to_body().expect_err("no vehicle");
        assert_eq!(error.field(), Some("vehicle_id"));
    }

    #[test]
    fn omitted_and_empty_coverage_groups_both_leave_the_choice_to_the_agency() {
        let omitted = NewProposal::kasko("c1", "v1");
        let empty = NewProposal::kasko("c1", "v1").with_coverage_groups(Vec::<String>::new());
        let chosen = NewProposal::kasko("c1", "v1").with_coverage_groups(["g1"]);
        let body = |proposal: &NewProposal| {
            serde_json::to_value(proposal.to_body().expect("a valid proposal")).expect("json")
        };
        assert!(body(&omitted).get("coverageGroupIds").is_none());
        assert!(body(&empty).get("coverageGroupIds").is_none());
        assert_eq!(body(&chosen)["coverageGroupIds"], serde_json::json!(["g1"]));
    }
}
