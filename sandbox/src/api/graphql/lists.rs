//! What each list's nodes hold, in two generations of names: the guide's (`city`, `vehiclePlate`)
//! and the one the GraphQL docs and the vendor client share (`cityText`, `vehiclePlateCode`, …, the
//! full lists of `graphql-crm-liste-entegrasyonu` and the client's `ALL_*_FIELDS`). Values the
//! sandbox does not model are null.

use async_graphql::Value;

use super::fields::*;
use crate::simulation::catalog::{self, AGENT_USER_EMAIL, AGENT_USER_ID, INSURERS};
use crate::store::State as Data;
use crate::store::model::{
    Case, CaseType, ConsentType, Customer, CustomerType, Delivery, Policy, PolicyTransfer,
    ProductState, Property, Proposal, UserReference, Vehicle,
};

/// Which generation of node names a dialect uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generation {
    /// The B2B guide's names.
    Guide,
    /// The GraphQL docs' and the vendor client's names.
    Current,
}

/// Which sources document a list's connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Documented {
    Everywhere,
    /// The guide has no cases connection.
    NotInGuide,
    /// `policiesExpanded`: the GraphQL docs only.
    GraphqlDocsOnly,
}

/// One GraphQL list: its model name, its records and their fields.
pub struct ListDef<T: 'static> {
    /// The model name HotChocolate derives type names from (`QueryCustomerModel`).
    pub model: &'static str,
    /// The guide's short name for its input types (`Customer` → `CustomerFilterInput`).
    pub short: &'static str,
    /// The connection field, without prefix (`customersNew`), and the legacy offset field (the
    /// four lists that had one).
    pub connection: &'static str,
    pub legacy: Option<&'static str>,
    /// Which dialects document the connection.
    pub documented: Documented,
    pub fields: Vec<Field<T>>,
    pub rows: fn(&Data) -> Vec<&T>,
    pub id: fn(&T) -> &str,
    /// Due insurer answers are applied first, so a list shows what a detail read would.
    pub settles: bool,
}

impl<T> std::fmt::Debug for ListDef<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListDef")
            .field("model", &self.model)
            .finish()
    }
}

fn user_reference(u: &UserReference) -> Value {
    object([
        ("id", text(&u.id)),
        ("name", text(&u.name)),
        ("email", opt_text(u.email.as_deref())),
        ("userType", enum_value(&u.user_type)),
    ])
}

/// The user records are attributed to: the sandbox creates everything as its agent user.
fn agent_user() -> Value {
    object([
        ("id", text(AGENT_USER_ID)),
        ("name", text("Sandbox Acente Kullanıcısı")),
        ("email", text(AGENT_USER_EMAIL)),
        ("userType", enum_value("AGENT")),
    ])
}

fn utilization(style: &str) -> Value {
    if VEHICLE_UTILIZATION_STYLE.values.contains(&style) {
        enum_value(style)
    } else {
        Value::Null
    }
}

fn search_score() -> Value {
    // Filled in per query from the `search` argument (see `query`).
    Value::Null
}

// ---------------------------------------------------------------- customers

pub fn customers(generation: Generation) -> ListDef<Customer> {
    ListDef {
        model: "QueryCustomerModel",
        short: "Customer",
        connection: "customersNew",
        legacy: Some("customers"),
        documented: Documented::Everywhere,
        fields: match generation {
            Generation::Guide => customer_guide_fields(),
            Generation::Current => customer_fields(),
        },
        rows: |d| d.customers.iter().collect(),
        id: |c| &c.id,
        settles: false,
    }
}

fn phone_text(c: &Customer) -> Option<String> {
    c.phone
        .as_ref()
        .map(|p| format!("+{}{}", p.country_code, p.number))
}

#[rustfmt::skip]
fn customer_guide_fields() -> Vec<Field<Customer>> {
    let f = Field::<Customer>::new;
    vec![
        f("id", STRING, |c, _| text(&c.id)).required().filter().sort(),
        f("name", STRING, |c, _| text(c.name())).required().filter().sort(),
        f("identityNumber", STRING, |c, _| text(c.identity())).filter().sort(),
        f("taxNumber", STRING, |c, _| opt_text(c.tax_number.as_deref())),
        f("primaryEmail", STRING, |c, _| opt_text(c.email.as_deref())).filter(),
        f("primaryPhoneNumber", STRING, |c, _| opt_text(phone_text(c).as_deref())),
        f("city", STRING, |c, _| opt_text(c.city.as_ref().map(|p| p.text.as_str()))).filter(),
        f("district", STRING, |c, _| opt_text(c.district.as_ref().map(|p| p.text.as_str()))).filter(),
        f("birthDate", DATE, |c, _| opt_date(c.birth_date)).filter().sort(),
        f("type", Ty::Enum(&CUSTOMER_TYPE), |c, _| enum_value(c.kind.as_str())).required().filter(),
        f("createdAt", DATE_TIME, |c, _| timestamp(c.created_at)).required().filter().sort(),
        f("agentBranchId", STRING, |c, _| opt_text(c.agent_branch_id.as_deref())).filter(),
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |c, d| agent_branch(d, c.agent_branch_id.as_deref())),
    ]
}

/// Both consent types with whether each is in force.
fn consents(c: &Customer, _: &Data) -> Value {
    Value::List(
        ConsentType::ALL
            .iter()
            .map(|t| {
                object([
                    ("consentType", enum_value(t.as_str())),
                    ("isActive", Value::Boolean(c.details.consent_active(*t))),
                ])
            })
            .collect(),
    )
}

fn nationality(c: &Customer, _: &Data) -> Value {
    if let Some(n) = c.details.nationality {
        return enum_value(n.as_str());
    }
    match c.kind {
        CustomerType::Individual => enum_value("TURK"),
        CustomerType::Foreign => enum_value("OTHER"),
        CustomerType::Company => Value::Null,
    }
}

#[rustfmt::skip]
fn customer_fields() -> Vec<Field<Customer>> {
    let f = Field::<Customer>::new;
    vec![
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |c, d| agent_branch(d, c.agent_branch_id.as_deref())),
        f("agentBranchId", STRING, |c, _| opt_text(c.agent_branch_id.as_deref())).filter(),
        f("id", UUID, |c, _| text(&c.id)).required().filter(),
        f("name", STRING, |c, _| text(c.name())).filter().search().sort(),
        f("identityNumber", STRING, |c, _| opt_text(c.identity_number.as_deref())).filter().search(),
        f("taxNumber", STRING, |c, _| opt_text(c.tax_number.as_deref())).filter().search(),
        f("type", Ty::Enum(&CUSTOMER_TYPE), |c, _| enum_value(c.kind.as_str())).required().filter(),
        f("primaryEmail", STRING, |c, _| opt_text(c.email.as_deref())).filter().search(),
        f("primaryPhoneNumber", STRING, |c, _| opt_text(c.phone.as_ref().map(|p| p.number.as_str()))).filter().search(),
        f("primaryPhoneNumberCountryCode", INT, |c, _| opt_int(c.phone.as_ref().map(|p| i64::from(p.country_code)))).filter(),
        f("cityText", STRING, |c, _| opt_text(c.city.as_ref().map(|p| p.text.as_str()))).filter().search(),
        f("cityValue", STRING, |c, _| opt_text(c.city.as_ref().map(|p| p.value.as_str()))).filter(),
        f("districtText", STRING, |c, _| opt_text(c.district.as_ref().map(|p| p.text.as_str()))).filter().search(),
        f("districtValue", STRING, |c, _| opt_text(c.district.as_ref().map(|p| p.value.as_str()))).filter(),
        f("createdAt", DATE_TIME, |c, _| timestamp(c.created_at)).required().filter().sort(),
        f("creationChannel", Ty::Enum(&CHANNEL), |_, _| enum_value("API")).filter(),
        f("birthDate", DATE, |c, _| opt_date(c.birth_date)).filter().sort(),
        f("gender", Ty::Enum(&GENDER), |c, _| opt_enum(c.gender.map(|g| g.as_str()))).filter(),
        f("educationStatus", Ty::Enum(&EDUCATION_STATUS), |c, _| opt_enum(c.details.education_status.map(|x| x.as_str()))).filter(),
        f("nationality", Ty::Enum(&NATIONALITY), nationality).filter(),
        f("maritalStatus", Ty::Enum(&MARITAL_STATUS), |c, _| opt_enum(c.details.marital_status.map(|x| x.as_str()))).filter(),
        f("job", Ty::Enum(&JOB), |c, _| opt_enum(c.details.job.map(|x| x.as_str()))).filter(),
        f("passportNumber", STRING, |c, _| opt_text(c.details.passport_number.as_deref())).filter().search(),
        f("searchScore", FLOAT, |_, _| search_score()).sort(),
        f("consents", Ty::ObjectList(&CONSENT), consents).required(),
        f("emailCount", INT, |c, _| count(c.details.emails.len())).filter(),
        f("phoneCount", INT, |c, _| count(c.details.phones.len())).filter(),
        f("vehicleCount", INT, |c, _| int(i64::from(c.vehicle_count))),
        f("propertyCount", INT, |c, _| int(i64::from(c.property_count))),
        f("proposalCount", INT, |c, _| int(i64::from(c.proposal_count))),
        f("policyCount", INT, |c, _| int(i64::from(c.policy_count))),
        f("caseCount", INT, |c, _| int(i64::from(c.case_count))),
    ]
}

// ---------------------------------------------------------------- proposals

pub fn proposals(generation: Generation) -> ListDef<Proposal> {
    ListDef {
        model: "QueryProposalsResult",
        short: "Proposal",
        connection: "proposalsNew",
        legacy: Some("proposals"),
        documented: Documented::Everywhere,
        fields: match generation {
            Generation::Guide => proposal_guide_fields(),
            Generation::Current => proposal_fields(),
        },
        rows: |d| d.proposals.iter().collect(),
        id: |p| &p.id,
        settles: true,
    }
}

/// Percentage of products that returned a price.
fn success_rate(p: &Proposal) -> f64 {
    if p.products.is_empty() {
        0.0
    } else {
        ((p.succeeded() as f64 / p.products.len() as f64) * 10_000.0).round() / 100.0
    }
}

fn count(n: usize) -> Value {
    int(i64::try_from(n).unwrap_or(i64::MAX))
}

#[rustfmt::skip]
fn proposal_guide_fields() -> Vec<Field<Proposal>> {
    let f = Field::<Proposal>::new;
    vec![
        f("id", STRING, |p, _| text(&p.id)).required().filter().sort(),
        f("state", Ty::Enum(&PROPOSAL_STATE), |p, _| enum_value(p.state.as_str())).required().filter(),
        f("productBranch", Ty::Enum(&PRODUCT_BRANCH), |p, _| enum_value(p.branch.as_str())).required().filter(),
        f("channel", Ty::Enum(&CHANNEL), |p, _| enum_value(p.channel.as_str())).required().filter(),
        f("createdAt", DATE_TIME, |p, _| timestamp(p.created_at)).required().filter().sort(),
        f("insurerCustomerId", STRING, |p, _| text(&p.insurer_customer_id)).required().filter(),
        f("insuredCustomerId", STRING, |p, _| text(&p.insured_customer_id)).required().filter(),
        f("insuredCustomerName", STRING, |p, _| text(&p.snapshot.insured_name)).required().filter().sort(),
        f("insuredCustomerIdentityNumber", STRING, |p, _| text(&p.snapshot.insured_identity)).required().filter(),
        f("lowestPremium", FLOAT, |p, _| opt_float(p.lowest_premium())).filter().sort(),
        f("highestPremium", FLOAT, |p, _| opt_float(p.highest_premium())).filter().sort(),
        f("successRate", FLOAT, |p, _| float(success_rate(p))).required().filter().sort(),
        f("productsCount", INT, |p, _| count(p.products.len())).required().filter(),
        f("succeedProductsCount", INT, |p, _| count(p.succeeded())).required().filter(),
        f("vehiclePlate", STRING, |p, _| opt_text(p.snapshot.vehicle_plate.as_deref())).filter(),
        f("vehicleModelName", STRING, |p, _| opt_text(p.snapshot.vehicle_model_name.as_deref())).filter(),
        f("agentBranchId", STRING, |p, _| opt_text(p.agent_branch_id.as_deref())).filter(),
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |p, d| agent_branch(d, p.agent_branch_id.as_deref())),
    ]
}

fn insured<'a>(p: &Proposal, d: &'a Data) -> Option<&'a Customer> {
    d.customers.get(&p.insured_customer_id)
}

fn proposal_vehicle<'a>(p: &Proposal, d: &'a Data) -> Option<&'a Vehicle> {
    p.vehicle_id.as_deref().and_then(|id| d.vehicles.get(id))
}

#[rustfmt::skip]
fn proposal_fields() -> Vec<Field<Proposal>> {
    let f = Field::<Proposal>::new;
    vec![
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |p, d| agent_branch(d, p.agent_branch_id.as_deref())),
        f("agentBranchId", STRING, |p, _| opt_text(p.agent_branch_id.as_deref())).filter(),
        f("id", STRING, |p, _| text(&p.id)).required().filter(),
        f("productBranch", Ty::Enum(&PRODUCT_BRANCH), |p, _| enum_value(p.branch.as_str())).required().filter(),
        f("state", Ty::Enum(&PROPOSAL_STATE), |p, _| enum_value(p.state.as_str())).required().filter(),
        f("insurerCustomerId", UUID, |p, _| text(&p.insurer_customer_id)).required().filter(),
        f("insuredCustomerId", UUID, |p, _| text(&p.insured_customer_id)).required().filter(),
        f("productsCount", INT, |p, _| count(p.products.len())).required().filter(),
        f("succeedProductsCount", INT, |p, _| count(p.succeeded())).required().filter(),
        f("createdAt", DATE_TIME, |p, _| timestamp(p.created_at)).required().filter().sort(),
        f("agentUserCreatedBy", Ty::Object(&USER_REFERENCE), |_, _| agent_user()).required(),
        f("successRate", FLOAT, |p, _| float(success_rate(p))).required().filter(),
        f("insuredCustomerName", STRING, |p, _| text(&p.snapshot.insured_name)).required().filter().search(),
        f("insuredCustomerIdentityNumber", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.identity_number.as_deref()))).filter().search(),
        f("insuredCustomerTaxNumber", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.tax_number.as_deref()))).filter().search(),
        f("insuredCustomerType", Ty::Enum(&CUSTOMER_TYPE), |p, d| enum_value(insured(p, d).map_or(CustomerType::Individual, |c| c.kind).as_str(),)).required().filter(),
        f("lowestPremium", FLOAT, |p, _| opt_float(p.lowest_premium())).filter(),
        f("highestPremium", FLOAT, |p, _| opt_float(p.highest_premium())).filter(),
        f("channel", Ty::Enum(&CHANNEL), |p, _| enum_value(p.channel.as_str())).required().filter(),
        f("insuredCustomerCityText", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.city.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("insuredCustomerCityValue", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.city.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("insuredCustomerDistrictText", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.district.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("insuredCustomerDistrictValue", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.district.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("insuredCustomerPhoneNumber", STRING, |p, d| opt_text(insured(p, d).and_then(|c| c.phone.as_ref()).map(|x| x.number.as_str()),)).filter().search(),
        f("insuredCustomerPhoneNumberCountryCode", INT, |p, d| opt_int(insured(p, d).and_then(|c| c.phone.as_ref()).map(|x| i64::from(x.country_code)),)).filter(),
        f("insuredCustomerEmail", STRING, |p, _| opt_text(p.snapshot.insured_email.as_deref())).filter().search(),
        f("vehiclePlateCode", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.plate.as_ref()).map(|x| x.code.as_str()),)).filter().search(),
        f("vehiclePlateCity", INT, |p, d| opt_int(proposal_vehicle(p, d).and_then(|v| v.plate.as_ref()).map(|x| i64::from(x.city)),)).filter(),
        f("vehicleDocumentSerialCode", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.document_serial.as_ref()).map(|x| x.code.as_str()),)).filter().search(),
        f("vehicleDocumentSerialNumber", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.document_serial.as_ref()).map(|x| x.number.as_str()),)).filter().search(),
        f("vehicleModelBrandText", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.brand.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("vehicleModelBrandValue", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.brand.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("vehicleModelTypeText", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.model.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("vehicleModelTypeValue", STRING, |p, d| opt_text(proposal_vehicle(p, d).and_then(|v| v.model.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("vehicleModelYear", INT, |p, d| opt_int(proposal_vehicle(p, d).and_then(|v| v.model_year).map(i64::from),)).filter().sort(),
        f("vehicleFuelType", Ty::Enum(&VEHICLE_FUEL), |p, d| opt_enum(proposal_vehicle(p, d).and_then(|v| v.fuel).map(|f| f.as_str()),)).filter(),
        f("utilizationStyle", Ty::Enum(&VEHICLE_UTILIZATION_STYLE), |p, d| { proposal_vehicle(p, d).map_or(Value::Null, |v| utilization(&v.utilization_style)) },).filter(),
        f("insuredCustomerBirthDate", DATE, |p, d| opt_date(insured(p, d).and_then(|c| c.birth_date))).filter(),
        f("vehicleId", UUID, |p, _| opt_text(p.vehicle_id.as_deref())).filter(),
        f("propertyId", UUID, |p, _| opt_text(p.property_id.as_deref())).filter(),
    ]
}

// ---------------------------------------------------------------- policies

pub fn policies(generation: Generation) -> ListDef<Policy> {
    ListDef {
        model: "QueryPoliciesResult",
        short: "Policy",
        connection: "policiesNew",
        legacy: Some("policies"),
        documented: Documented::Everywhere,
        fields: match generation {
            Generation::Guide => policy_guide_fields(),
            Generation::Current => policy_fields(),
        },
        rows: |d| d.policies.iter().collect(),
        id: |p| &p.id,
        settles: false,
    }
}

/// `policiesExpanded` (the GraphQL docs): one row per version of each policy (the issue, every
/// endorsement, the cancellation), each with what it changed (`netPremiumChange`, …). Its rows are
/// the policies' model, so it shares their node, filter and sort types.
pub fn policies_expanded(generation: Generation) -> ListDef<Policy> {
    ListDef {
        connection: "policiesExpanded",
        legacy: None,
        documented: Documented::GraphqlDocsOnly,
        rows: |d| {
            d.policies
                .iter()
                .flat_map(|p| {
                    d.policy_history
                        .get(&p.id)
                        .into_iter()
                        .flatten()
                        .chain(std::iter::once(p))
                })
                .collect()
        },
        id: |p| &p.version.id,
        ..policies(generation)
    }
}

#[rustfmt::skip]
fn policy_guide_fields() -> Vec<Field<Policy>> {
    let f = Field::<Policy>::new;
    vec![
        f("id", STRING, |p, _| text(&p.id)).required().filter().sort(),
        f("state", Ty::Enum(&POLICY_STATE), |p, _| enum_value(p.state.as_str())).required().filter(),
        f("productBranch", Ty::Enum(&PRODUCT_BRANCH), |p, _| enum_value(p.branch.as_str())).required().filter(),
        f("insuranceCompanyId", INT, |p, _| int(i64::from(INSURERS[p.insurer].id))).required().filter(),
        f("insuranceCompanyName", STRING, |p, _| text(INSURERS[p.insurer].name)).required().filter().sort(),
        f("insuranceCompanyPolicyNumber", STRING, |p, _| text(&p.policy_number)).required().filter(),
        f("productName", STRING, |p, _| text(&p.product_name)).required().filter(),
        f("grossPremium", FLOAT, |p, _| float(p.gross)).required().filter().sort(),
        f("netPremium", FLOAT, |p, _| float(p.net)).required().filter().sort(),
        f("commission", FLOAT, |p, _| float(p.commission)).required().filter(),
        f("installmentNumber", INT, |p, _| int(i64::from(p.installment_number))).required(),
        f("channel", Ty::Enum(&CHANNEL), |p, _| enum_value(p.channel.as_str())).required(),
        f("startDate", DATE, |p, _| date(p.start_date)).required().filter().sort(),
        f("endDate", DATE, |p, _| date(p.end_date)).required().filter().sort(),
        f("arrangementDate", DATE, |p, _| date(p.arrangement_date)).required().filter(),
        f("proposalId", STRING, |p, _| opt_text(p.proposal_id.as_deref())).filter(),
        f("insuredCustomerId", STRING, |p, _| text(&p.insured_customer_id)).required().filter(),
        f("insuredCustomerName", STRING, |p, _| text(&p.insured_name)).required().filter().sort(),
        f("insuredCustomerIdentityNumber", STRING, |p, _| text(&p.insured_identity)).required().filter(),
        f("vehiclePlate", STRING, |p, _| opt_text(p.vehicle_plate.as_deref())).filter(),
        f("createdAt", DATE_TIME, |p, _| timestamp(p.created_at)).required().filter().sort(),
        f("agentBranchId", STRING, |p, _| opt_text(p.agent_branch_id.as_deref())).filter(),
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |p, d| agent_branch(d, p.agent_branch_id.as_deref())),
    ]
}

fn customer_of<'a>(id: &str, d: &'a Data) -> Option<&'a Customer> {
    d.customers.get(id)
}

fn policy_proposal<'a>(p: &Policy, d: &'a Data) -> Option<&'a Proposal> {
    p.proposal_id.as_deref().and_then(|id| d.proposals.get(id))
}

fn policy_vehicle<'a>(p: &Policy, d: &'a Data) -> Option<&'a Vehicle> {
    policy_proposal(p, d).and_then(|proposal| proposal_vehicle(proposal, d))
}

fn policy_property<'a>(p: &Policy, d: &'a Data) -> Option<&'a Property> {
    policy_proposal(p, d)
        .and_then(|proposal| proposal.property_id.as_deref())
        .and_then(|id| d.properties.get(id))
}

/// The insurer's proposal number of the product the policy was bought from (generated policies,
/// which have no proposal, reuse their policy number).
fn company_proposal_number(p: &Policy, d: &Data) -> String {
    policy_proposal(p, d)
        .and_then(|proposal| {
            proposal
                .products
                .iter()
                .find(|x| Some(&x.id) == p.proposal_product_id.as_ref())
        })
        .map_or_else(
            || p.policy_number.clone(),
            |x| x.company_proposal_number.clone(),
        )
}

/// Party fields (`insured…` / `insurer…`) of a policy, in the current generation's names.
macro_rules! party_fields {
    ($prefix:literal, $id:ident) => {
        [
            Field::<Policy>::new(concat!($prefix, "Name"), STRING, |p: &Policy, d| {
                opt_text(customer_of(&p.$id, d).map(|c| c.name()))
            })
            .filter()
            .search(),
            Field::<Policy>::new(
                concat!($prefix, "IdentityNumber"),
                STRING,
                |p: &Policy, d| {
                    opt_text(customer_of(&p.$id, d).and_then(|c| c.identity_number.as_deref()))
                },
            )
            .filter()
            .search(),
            Field::<Policy>::new(concat!($prefix, "TaxNumber"), STRING, |p: &Policy, d| {
                opt_text(customer_of(&p.$id, d).and_then(|c| c.tax_number.as_deref()))
            })
            .filter(),
            Field::<Policy>::new(concat!($prefix, "CityText"), STRING, |p: &Policy, d| {
                opt_text(
                    customer_of(&p.$id, d)
                        .and_then(|c| c.city.as_ref())
                        .map(|x| x.text.as_str()),
                )
            })
            .filter()
            .search(),
            Field::<Policy>::new(concat!($prefix, "CityValue"), STRING, |p: &Policy, d| {
                opt_text(
                    customer_of(&p.$id, d)
                        .and_then(|c| c.city.as_ref())
                        .map(|x| x.value.as_str()),
                )
            })
            .filter(),
            Field::<Policy>::new(concat!($prefix, "DistrictText"), STRING, |p: &Policy, d| {
                opt_text(
                    customer_of(&p.$id, d)
                        .and_then(|c| c.district.as_ref())
                        .map(|x| x.text.as_str()),
                )
            })
            .filter()
            .search(),
            Field::<Policy>::new(
                concat!($prefix, "DistrictValue"),
                STRING,
                |p: &Policy, d| {
                    opt_text(
                        customer_of(&p.$id, d)
                            .and_then(|c| c.district.as_ref())
                            .map(|x| x.value.as_str()),
                    )
                },
            )
            .filter(),
            Field::<Policy>::new(concat!($prefix, "BirthDate"), DATE, |p: &Policy, d| {
                opt_date(customer_of(&p.$id, d).and_then(|c| c.birth_date))
            })
            .filter(),
        ]
    };
}

#[rustfmt::skip]
fn policy_fields() -> Vec<Field<Policy>> {
    let f = Field::<Policy>::new;
    let mut fields = vec![
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |p, d| agent_branch(d, p.agent_branch_id.as_deref())),
        f("agentBranchId", STRING, |p, _| opt_text(p.agent_branch_id.as_deref())).filter(),
        f("id", OBJECT_ID, |p, _| text(&p.id)).required().filter(),
        f("insurerCustomerId", UUID, |p, _| text(&p.insurer_customer_id)).required().filter(),
        f("insuredCustomerId", UUID, |p, _| text(&p.insured_customer_id)).required().filter(),
        f("installmentNumber", INT, |p, _| int(i64::from(p.installment_number))).filter(),
        f("productBranch", Ty::Enum(&PRODUCT_BRANCH), |p, _| enum_value(p.branch.as_str())).required().filter(),
        f("netPremium", FLOAT, |p, _| float(p.net)).filter().sort(),
        f("grossPremium", FLOAT, |p, _| float(p.gross)).filter().sort(),
        f("commission", FLOAT, |p, _| float(p.commission)).filter(),
        f("paymentType", Ty::Enum(&PAYMENT_OPTION), |p, _| enum_value(p.payment_type.as_str())).required().filter(),
        f("currency", Ty::Enum(&CURRENCY), |_, _| enum_value("TURKISH_LIRA")).required().filter(),
        f("exchangeRate", FLOAT, |_, _| float(1.0)).filter(),
        f("netPremiumTL", FLOAT, |p, _| float(p.net)).filter(),
        f("grossPremiumTL", FLOAT, |p, _| float(p.gross)).filter(),
        f("commissionTL", FLOAT, |p, _| float(p.commission)).filter(),
        f("insuranceCompanyProposalNumber", STRING, |p, d| text(&company_proposal_number(p, d))).required().filter().search(),
        f("insuranceCompanyPolicyNumber", STRING, |p, _| text(&p.policy_number)).required().filter().search(),
        f("renewalNumber", INT, |_, _| int(0)).filter(),
        // The version a row is: every row of `policiesNew` is a policy's latest.
        f("endorsementNumber", INT, |p, _| int(i64::from(p.version.number))).filter(),
        f("endorsementType", Ty::Enum(&POLICY_VERSION_TYPE), |p, _| enum_value(p.version.kind.as_str())).filter(),
        f("updateReasonText", STRING, |_, _| Value::Null).filter(),
        f("endorsementTimestamp", DATE, |p, _| date(p.version.date)).filter(),
        f("netPremiumChange", FLOAT, |p, _| float(p.version.net_change)).filter(),
        f("grossPremiumChange", FLOAT, |p, _| float(p.version.gross_change)).filter(),
        f("commissionChange", FLOAT, |p, _| float(p.version.commission_change)).filter(),
        f("createdAt", DATE_TIME, |p, _| timestamp(p.created_at)).required().filter().sort(),
        f("startDate", DATE, |p, _| date(p.start_date)).required().filter().sort(),
        f("endDate", DATE, |p, _| date(p.end_date)).required().filter().sort(),
        f("arrangementDate", DATE, |p, _| date(p.arrangement_date)).filter().sort(),
        f("insuredCustomerType", Ty::Enum(&CUSTOMER_TYPE), |p, d| enum_value(customer_of(&p.insured_customer_id, d).map_or(CustomerType::Individual, |c| c.kind).as_str(),)).required().filter(),
    ];
    fields.extend(party_fields!("insuredCustomer", insured_customer_id));
    fields.extend(party_fields!("insurerCustomer", insurer_customer_id));
    fields.extend([
        f("vehiclePlateCode", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.plate.as_ref())
                    .map(|x| x.code.as_str()),
            )
        })
        .filter()
        .search(),
        f("vehiclePlateCity", INT, |p, d| {
            opt_int(
                policy_vehicle(p, d)
                    .and_then(|v| v.plate.as_ref())
                    .map(|x| i64::from(x.city)),
            )
        })
        .filter(),
        f("vehicleDocumentSerialCode", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.document_serial.as_ref())
                    .map(|x| x.code.as_str()),
            )
        })
        .filter()
        .search(),
        f("vehicleDocumentSerialNumber", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.document_serial.as_ref())
                    .map(|x| x.number.as_str()),
            )
        })
        .filter()
        .search(),
        f("vehicleModelBrandText", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.brand.as_ref())
                    .map(|x| x.text.as_str()),
            )
        })
        .filter()
        .search(),
        f("vehicleModelBrandValue", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.brand.as_ref())
                    .map(|x| x.value.as_str()),
            )
        })
        .filter(),
        f("vehicleModelTypeText", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.model.as_ref())
                    .map(|x| x.text.as_str()),
            )
        })
        .filter()
        .search(),
        f("vehicleModelTypeValue", STRING, |p, d| {
            opt_text(
                policy_vehicle(p, d)
                    .and_then(|v| v.model.as_ref())
                    .map(|x| x.value.as_str()),
            )
        })
        .filter(),
        f("vehicleModelYear", INT, |p, d| {
            opt_int(
                policy_vehicle(p, d)
                    .and_then(|v| v.model_year)
                    .map(i64::from),
            )
        })
        .filter()
        .sort(),
        f("vehicleFuelType", Ty::Enum(&VEHICLE_FUEL), |p, d| {
            opt_enum(
                policy_vehicle(p, d)
                    .and_then(|v| v.fuel)
                    .map(|f| f.as_str()),
            )
        })
        .filter(),
        f("productId", INT, |p, _| int(i64::from(p.product_id))).filter(),
        f("productName", STRING, |p, _| text(&p.product_name)).filter(),
        f("insuranceCompanyId", INT, |p, _| {
            int(i64::from(INSURERS[p.insurer].id))
        })
        .required(),
        f("insuranceCompanyName", STRING, |p, _| {
            text(INSURERS[p.insurer].name)
        })
        .required()
        .filter(),
        f("insuranceCompanyLogo", STRING, |p, _| {
            text(&INSURERS[p.insurer].logo())
        })
        .filter(),
        f("state", Ty::Enum(&POLICY_STATE), |p, _| {
            enum_value(p.state.as_str())
        })
        .required()
        .filter(),
        f("createdBy", Ty::Object(&USER_REFERENCE), |_, _| {
            agent_user()
        })
        .required(),
        f("representedBy", Ty::Object(&USER_REFERENCE), |p, _| {
            p.representative
                .as_deref()
                .map_or(Value::Null, |id| user_reference(&catalog::user_reference(id)))
        }),
        f("propertyNumber", INT, |p, d| {
            opt_int(policy_property(p, d).map(|x| x.property_number))
        })
        .filter(),
        f("daskOldPolicyNumber", INT, |_, _| Value::Null).filter(),
        f("daskPolicyNumber", STRING, |_, _| Value::Null)
            .filter()
            .search(),
        f("vehicleId", UUID, |p, d| {
            opt_text(policy_proposal(p, d).and_then(|x| x.vehicle_id.as_deref()))
        })
        .filter(),
        f("propertyId", UUID, |p, d| {
            opt_text(policy_proposal(p, d).and_then(|x| x.property_id.as_deref()))
        })
        .filter(),
        f("channel", Ty::Enum(&CHANNEL), |p, _| {
            enum_value(p.channel.as_str())
        })
        .required()
        .filter(),
        f("campaign", STRING, |_, _| Value::Null).filter(),
    ]);
    fields
}

// ---------------------------------------------------------------- cases

pub fn cases(generation: Generation) -> ListDef<Case> {
    ListDef {
        model: "QueryCaseModel",
        short: "Case",
        connection: "casesNew",
        legacy: Some("cases"),
        documented: Documented::NotInGuide,
        fields: match generation {
            Generation::Guide => case_guide_fields(),
            Generation::Current => case_fields(),
        },
        rows: |d| d.cases.iter().collect(),
        id: |c| &c.id,
        settles: false,
    }
}

#[rustfmt::skip]
fn case_guide_fields() -> Vec<Field<Case>> {
    let f = Field::<Case>::new;
    vec![
        f("id", STRING, |c, _| text(&c.id)).required().filter().sort(),
        f("ref", STRING, |c, _| text(&c.reference)).required().filter().sort(),
        f("type", Ty::Enum(&CASE_TYPE), |c, _| enum_value(c.case_type.as_str())).required().filter(),
        f("status", Ty::Enum(&CASE_STATUS), |c, _| enum_value(c.status.as_str())).required().filter(),
        f("mainState", Ty::Enum(&CASE_MAIN_STATE), |c, _| enum_value(c.main_state.as_str())).required().filter(),
        f("subState", Ty::Enum(&CASE_SUB_STATE), |c, _| enum_value(c.sub_state.as_str())).required().filter(),
        f("customerId", STRING, |c, _| text(&c.customer_id)).required().filter(),
        f("customerName", STRING, |c, _| text(&c.customer_name)).required().filter().sort(),
        f("productBranch", Ty::Enum(&PRODUCT_BRANCH), |c, _| opt_enum(c.product_branch.map(|b| b.as_str()))).filter(),
        f("channel", Ty::Enum(&CHANNEL), |c, _| enum_value(c.channel.as_str())).required().filter(),
        f("createdAt", DATE_TIME, |c, _| timestamp(c.created_at)).required().filter().sort(),
        f("agentBranchId", STRING, |c, _| opt_text(c.agent_branch_id.as_deref())).filter(),
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |c, d| agent_branch(d, c.agent_branch_id.as_deref())),
    ]
}

fn case_customer<'a>(c: &Case, d: &'a Data) -> Option<&'a Customer> {
    d.customers.get(&c.customer_id)
}

fn case_vehicle<'a>(c: &Case, d: &'a Data) -> Option<&'a Vehicle> {
    c.asset_id.as_deref().and_then(|id| d.vehicles.get(id))
}

fn case_property<'a>(c: &Case, d: &'a Data) -> Option<&'a Property> {
    c.asset_id.as_deref().and_then(|id| d.properties.get(id))
}

fn last_proposal(c: &Case, d: &Data) -> Value {
    let latest = c
        .proposal_ids
        .iter()
        .filter_map(|id| d.proposals.get(id))
        .map(|p| p.created_at)
        .max();
    latest.map_or(Value::Null, timestamp)
}

fn last_policy(c: &Case, d: &Data) -> Value {
    let latest = c
        .policy_ids
        .iter()
        .filter_map(|id| d.policies.get(id))
        .map(|p| p.created_at)
        .max();
    latest.map_or(Value::Null, timestamp)
}

fn requested_products(c: &Case, d: &Data) -> Value {
    let products = c
        .proposal_ids
        .iter()
        .filter_map(|id| d.proposals.get(id))
        .flat_map(|p| {
            p.products
                .iter()
                .filter(|x| x.state == ProductState::Purchased)
                .map(|x| {
                    object([
                        ("proposalId", text(&p.id)),
                        ("proposalProductId", text(&x.id)),
                    ])
                })
        })
        .collect();
    Value::List(products)
}

/// The case's sub-type, under the field of its case type only.
fn sub_type(c: &Case, of: CaseType) -> Value {
    opt_enum((c.case_type == of).then(|| c.sub_type.as_str()))
}

fn representative(c: &Case) -> Option<UserReference> {
    c.representative.as_deref().map(catalog::user_reference)
}

fn policy_end_date(c: &Case, d: &Data) -> Value {
    let end = c
        .policy_ids
        .iter()
        .filter_map(|id| d.policies.get(id))
        .map(|p| p.end_date)
        .max();
    opt_date(end)
}

fn property_utilization_style(c: &Case, d: &Data) -> Value {
    let style = case_property(c, d).map(|x| x.utilization_style.as_str());
    opt_enum(style.filter(|s| PROPERTY_UTILIZATION_STYLE.values.contains(s)))
}

fn property_ownership_type(c: &Case, d: &Data) -> Value {
    let kind = case_property(c, d).map(|x| x.ownership_type.as_str());
    opt_enum(kind.filter(|s| PROPERTY_OWNERSHIP_TYPE.values.contains(s)))
}

#[rustfmt::skip]
fn case_fields() -> Vec<Field<Case>> {
    let f = Field::<Case>::new;
    vec![
        f("agentBranch", Ty::Object(&AGENT_BRANCH), |c, d| agent_branch(d, c.agent_branch_id.as_deref())),
        f("agentBranchId", STRING, |c, _| opt_text(c.agent_branch_id.as_deref())).filter(),
        f("id", OBJECT_ID, |c, _| text(&c.id)).required().filter(),
        f("ref", STRING, |c, _| text(&c.reference)).required().filter().search(),
        f("type", Ty::Enum(&CASE_TYPE), |c, _| enum_value(c.case_type.as_str())).required().filter(),
        f("status", Ty::Enum(&CASE_STATUS), |c, _| enum_value(c.status.as_str())).required().filter(),
        f("cancelSubType", Ty::Enum(&CANCEL_SUB_TYPE), |c, _| sub_type(c, CaseType::Cancel)).filter(),
        f("saleOpportunitySubType", Ty::Enum(&SALE_OPPORTUNITY_SUB_TYPE), |c, _| sub_type(c, CaseType::SaleOpportunity)).filter(),
        f("endorsementSubType", Ty::Enum(&ENDORSEMENT_SUB_TYPE), |c, _| sub_type(c, CaseType::Endorsement)).filter(),
        f("complaintSubType", Ty::Enum(&COMPLAINT_SUB_TYPE), |c, _| sub_type(c, CaseType::Complaint)).filter(),
        f("mainState", Ty::Enum(&CASE_MAIN_STATE), |c, _| enum_value(c.main_state.as_str())).required().filter(),
        f("subState", Ty::Enum(&CASE_SUB_STATE), |c, _| enum_value(c.sub_state.as_str())).required().filter(),
        f("productBranch", Ty::Enum(&PRODUCT_BRANCH), |c, _| opt_enum(c.product_branch.map(|b| b.as_str()))).filter(),
        f("channel", Ty::Enum(&CHANNEL), |c, _| enum_value(c.channel.as_str())).filter(),
        f("createdAt", DATE_TIME, |c, _| timestamp(c.created_at)).required().filter().sort(),
        f("createdByName", STRING, |_, _| text("Sandbox Acente Kullanıcısı")).required().filter().search(),
        f("createdById", UUID, |_, _| text(AGENT_USER_ID)).required().filter(),
        f("createdByEmail", STRING, |_, _| text(AGENT_USER_EMAIL)).filter(),
        f("createdByType", Ty::Enum(&USER_TYPE), |_, _| enum_value("AGENT")).filter(),
        f("representedByName", STRING, |c, _| opt_text(representative(c).map(|u| u.name).as_deref())).filter().search(),
        f("representedById", UUID, |c, _| opt_text(c.representative.as_deref())).filter(),
        f("representedByEmail", STRING, |c, _| opt_text(representative(c).and_then(|u| u.email).as_deref())).filter(),
        f("representedByType", Ty::Enum(&USER_TYPE), |c, _| opt_enum(c.representative.as_ref().map(|_| "AGENT"))).filter(),
        f("policyEndDate", DATE, policy_end_date).filter().sort(),
        f("assetType", Ty::Enum(&ASSET_TYPE), |c, _| opt_enum(c.asset_type.map(|a| a.as_str()))).filter(),
        f("assetId", UUID, |c, _| opt_text(c.asset_id.as_deref())).filter(),
        f("sourceCaseId", STRING, |c, _| opt_text(c.source_case_id.as_deref())).filter(),
        f("policyCount", INT, |c, _| count(c.policy_ids.len())).required().filter().sort(),
        f("proposalCount", INT, |c, _| count(c.proposal_ids.len())).required().filter().sort(),
        f("lastProposalDate", DATE_TIME, last_proposal).filter().sort(),
        f("lastPolicyDate", DATE_TIME, last_policy).filter().sort(),
        f("lastUpdateDate", DATE_TIME, |_, _| Value::Null).filter().sort(),
        f("lastUpdatedByName", STRING, |_, _| Value::Null).filter(),
        f("lastUpdatedById", UUID, |_, _| Value::Null).filter(),
        f("lastUpdatedByEmail", STRING, |_, _| Value::Null).filter(),
        f("lastUpdatedByType", Ty::Enum(&USER_TYPE), |_, _| Value::Null).filter(),
        f("priorityScore", INT, |_, _| Value::Null).filter().sort(),
        f("priorityRuleHits", Ty::ObjectList(&PRIORITY_RULE_HIT), |_, _| Value::List(Vec::new()),),
        f("requestedProducts", Ty::ObjectList(&REQUESTED_PRODUCT), requested_products,),
        f("customerId", UUID, |c, _| text(&c.customer_id)).filter(),
        f("customerName", STRING, |c, _| text(&c.customer_name)).filter().search(),
        f("customerType", Ty::Enum(&CUSTOMER_TYPE), |c, d| opt_enum(case_customer(c, d).map(|x| x.kind.as_str()))).filter(),
        f("customerIdentity", STRING, |c, d| opt_text(case_customer(c, d).map(|x| x.identity()))).filter().search(),
        f("customerCityText", STRING, |c, d| opt_text(case_customer(c, d).and_then(|x| x.city.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("customerCityValue", STRING, |c, d| opt_text(case_customer(c, d).and_then(|x| x.city.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("customerDistrictText", STRING, |c, d| opt_text(case_customer(c, d).and_then(|x| x.district.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("customerDistrictValue", STRING, |c, d| opt_text(case_customer(c, d).and_then(|x| x.district.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("customerPrimaryPhoneNumber", STRING, |c, d| opt_text(case_customer(c, d).and_then(|x| x.phone.as_ref()).map(|x| x.number.as_str()),)).filter().search(),
        f("customerPrimaryPhoneCountryCode", INT, |c, d| opt_int(case_customer(c, d).and_then(|x| x.phone.as_ref()).map(|x| i64::from(x.country_code)),)).filter(),
        f("customerPrimaryEmail", STRING, |c, d| opt_text(case_customer(c, d).and_then(|x| x.email.as_deref()))).filter().search(),
        f("customerBirthDate", DATE, |c, d| opt_date(case_customer(c, d).and_then(|x| x.birth_date))).filter().sort(),
        f("customerPassportNumber", STRING, |_, _| Value::Null).filter(),
        f("customerJob", Ty::Enum(&JOB), |_, _| Value::Null).filter(),
        f("vehiclePlateCode", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.plate.as_ref()).map(|x| x.code.as_str()),)).filter().search(),
        f("vehiclePlateCity", INT, |c, d| opt_int(case_vehicle(c, d).and_then(|v| v.plate.as_ref()).map(|x| i64::from(x.city)),)).filter(),
        f("vehicleModelBrandText", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.brand.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("vehicleModelBrandValue", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.brand.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("vehicleModelTypeText", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.model.as_ref()).map(|x| x.text.as_str()),)).filter().search(),
        f("vehicleModelTypeValue", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.model.as_ref()).map(|x| x.value.as_str()),)).filter(),
        f("vehicleModelYear", INT, |c, d| opt_int(case_vehicle(c, d).and_then(|v| v.model_year).map(i64::from))).filter().sort(),
        f("vehicleUtilizationStyle", Ty::Enum(&VEHICLE_UTILIZATION_STYLE), |c, d| case_vehicle(c, d).map_or(Value::Null, |v| utilization(&v.utilization_style)),).filter(),
        f("vehicleEngineNumber", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.engine.as_deref()))).filter().search(),
        f("vehicleChassisNumber", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.chassis.as_deref()))).filter().search(),
        f("vehicleRegistrationDate", DATE, |c, d| opt_date(case_vehicle(c, d).and_then(|v| v.registration_date))).filter().sort(),
        f("vehicleFuelType", Ty::Enum(&VEHICLE_FUEL), |c, d| opt_enum(case_vehicle(c, d).and_then(|v| v.fuel).map(|f| f.as_str()))).filter(),
        f("vehicleSeatNumber", INT, |c, d| opt_int(case_vehicle(c, d).and_then(|v| v.seat_number).map(i64::from),)).filter(),
        f("vehicleDocumentSerialCode", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.document_serial.as_ref()).map(|x| x.code.as_str()),)).filter().search(),
        f("vehicleDocumentSerialNumber", STRING, |c, d| opt_text(case_vehicle(c, d).and_then(|v| v.document_serial.as_ref()).map(|x| x.number.as_str()),)).filter().search(),
        f("propertyNumber", INT, |c, d| opt_int(case_property(c, d).map(|x| x.property_number))).filter(),
        f("propertySquareMeter", INT, |c, d| opt_int(case_property(c, d).map(|x| i64::from(x.square_meter)))).filter(),
        f("propertyConstructionYear", INT, |c, d| opt_int(case_property(c, d).map(|x| i64::from(x.construction_year)))).filter().sort(),
        f("propertyDamageStatus", Ty::Enum(&PROPERTY_DAMAGE_STATUS), |_, _| Value::Null,).filter(),
        f("propertyFloorNumber", INT, |c, d| opt_int(case_property(c, d).and_then(|x| x.floor).map(i64::from))).filter(),
        f("propertyStructure", Ty::Enum(&PROPERTY_STRUCTURE), |_, _| Value::Null,).filter(),
        f("propertyUtilizationStyle", Ty::Enum(&PROPERTY_UTILIZATION_STYLE), property_utilization_style).filter(),
        f("propertyOwnershipType", Ty::Enum(&PROPERTY_OWNERSHIP_TYPE), property_ownership_type).filter(),
        f("propertyDaskPolicyNumber", STRING, |_, _| Value::Null).filter().search(),
        f("advertisingSource", STRING, |_, _| Value::Null).filter(),
        f("advertisingCampaign", STRING, |_, _| Value::Null).filter(),
        f("searchScore", FLOAT, |_, _| search_score()).sort(),
    ]
}

// ---------------------------------------------------------------- the vendor client's other lists

const BOOLEAN: Ty = Ty::Scalar(Scalar::Boolean);

/// `agentUsersNew` (the vendor client): the seeded agent users and the service account, each in
/// every seeded branch, the first one an administrator.
pub fn agent_users(_generation: Generation) -> ListDef<catalog::AgentUser> {
    ListDef {
        model: "QueryAgentUserResult",
        short: "AgentUser",
        connection: "agentUsersNew",
        legacy: None,
        documented: Documented::NotInGuide,
        fields: agent_user_fields(),
        rows: |_| {
            catalog::USERS
                .iter()
                .chain(std::iter::once(&catalog::SERVICE_ACCOUNT))
                .collect()
        },
        id: |u| u.id,
        settles: false,
    }
}

fn is_service_account(u: &catalog::AgentUser) -> bool {
    u.id == catalog::SERVICE_ACCOUNT.id
}

fn agent_user_roles(u: &catalog::AgentUser, _: &Data) -> Value {
    let admin = u.id == AGENT_USER_ID;
    Value::List(vec![object([
        ("id", text(if admin { "admin" } else { "agent" })),
        (
            "name",
            text(if admin {
                "Yönetici"
            } else {
                "Acente Kullanıcısı"
            }),
        ),
        ("isAdmin", Value::Boolean(admin)),
    ])])
}

fn agent_user_branches(_: &catalog::AgentUser, d: &Data) -> Value {
    Value::List(
        d.branches
            .iter()
            .map(|b| {
                let parent = b.parent_id.as_deref().and_then(|p| d.branch(p));
                let level = if parent.is_some() { 1 } else { 0 };
                let hierarchy =
                    parent.map_or_else(|| b.name.clone(), |p| format!("{} > {}", p.name, b.name));
                object([
                    ("id", text(&b.id)),
                    ("name", text(&b.name)),
                    ("parentId", opt_text(b.parent_id.as_deref())),
                    ("parentName", opt_text(parent.map(|p| p.name.as_str()))),
                    ("level", int(level)),
                    ("hierarchy", text(&hierarchy)),
                ])
            })
            .collect(),
    )
}

#[rustfmt::skip]
fn agent_user_fields() -> Vec<Field<catalog::AgentUser>> {
    let f = Field::<catalog::AgentUser>::new;
    vec![
        f("id", UUID, |u, _| text(u.id)).required().filter().sort(),
        f("email", STRING, |u, _| text(u.email)).required().filter().sort(),
        f("firstName", STRING, |u, _| text(u.first_name)).filter().sort(),
        f("lastName", STRING, |u, _| text(u.last_name)).filter().sort(),
        f("name", STRING, |u, _| text(&u.name())).filter().sort(),
        f("phoneNumber", STRING, |_, _| Value::Null),
        f("phoneNumberCountryCode", INT, |_, _| Value::Null),
        f("state", STRING, |_, _| text("ACTIVE")).filter(),
        f("isServiceAccount", BOOLEAN, |u, _| Value::Boolean(is_service_account(u))).required().filter(),
        f("createdAt", DATE_TIME, |_, _| Value::Null).sort(),
        f("lastLoginAt", DATE_TIME, |_, _| Value::Null).sort(),
        f("roles", Ty::ObjectList(&AGENT_ROLE), agent_user_roles).required(),
        f("branches", Ty::ObjectList(&AGENT_USER_BRANCH), agent_user_branches).required(),
    ]
}

/// `policyTransfersNew` (the vendor client): the transfers made through `POST policy-transfers`.
pub fn policy_transfers(_generation: Generation) -> ListDef<PolicyTransfer> {
    ListDef {
        model: "QueryPolicyTransfersResult",
        short: "PolicyTransfer",
        connection: "policyTransfersNew",
        legacy: None,
        documented: Documented::NotInGuide,
        fields: policy_transfer_fields(),
        rows: |d| d.policy_transfers.iter().collect(),
        id: |t| &t.id,
        settles: false,
    }
}

fn transfer_companies(t: &PolicyTransfer, _: &Data) -> Value {
    let mut ids: Vec<usize> = t
        .triggers
        .iter()
        .flat_map(|x| x.companies.iter().map(|c| c.0))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    int(i64::try_from(ids.len()).unwrap_or(i64::MAX))
}

fn transfer_policies(t: &PolicyTransfer, _: &Data) -> Value {
    let policies: u32 = t
        .triggers
        .iter()
        .flat_map(|x| x.companies.iter().map(|c| c.1))
        .sum();
    int(i64::from(policies))
}

#[rustfmt::skip]
fn policy_transfer_fields() -> Vec<Field<PolicyTransfer>> {
    let f = Field::<PolicyTransfer>::new;
    vec![
        f("id", STRING, |t, _| text(&t.id)).required().filter().sort(),
        f("startDate", DATE, |t, _| date(t.start_date)).required().filter().sort(),
        f("endDate", DATE, |t, _| date(t.end_date)).required().filter().sort(),
        f("createdAt", DATE_TIME, |t, _| timestamp(t.created_at)).required().filter().sort(),
        f("insuranceCompanyCount", INT, transfer_companies).required(),
        f("policyTransferTriggerCount", INT, |t, _| int(i64::try_from(t.triggers.len()).unwrap_or(i64::MAX))).required().sort(),
        f("policyCount", INT, transfer_policies).required().sort(),
    ]
}

/// `webhookDeliveriesNew` (the vendor client): every delivery attempt the sandbox recorded.
pub fn webhook_deliveries(_generation: Generation) -> ListDef<Delivery> {
    ListDef {
        model: "QueryWebhookDeliveryResult",
        short: "WebhookDelivery",
        connection: "webhookDeliveriesNew",
        legacy: None,
        documented: Documented::NotInGuide,
        fields: webhook_delivery_fields(),
        rows: |d| d.deliveries.iter().collect(),
        id: |x| &x.id,
        settles: false,
    }
}

#[rustfmt::skip]
fn webhook_delivery_fields() -> Vec<Field<Delivery>> {
    let f = Field::<Delivery>::new;
    vec![
        f("id", STRING, |x, _| text(&x.id)).required().filter().sort(),
        f("webhookId", STRING, |x, _| text(&x.webhook_id)).required().filter().sort(),
        f("event", STRING, |x, _| text(&crate::api::webhooks::management_name(&x.event))).required().filter(),
        f("sentAt", DATE_TIME, |x, _| x.delivered_at.map_or(Value::Null, timestamp)).filter().sort(),
        f("statusCode", INT, |x, _| opt_int(x.response_status_code.map(i64::from))).filter(),
        f("response", STRING, |x, _| opt_text(x.response_body.as_deref())),
        f("errorMessage", STRING, |x, _| if x.is_success || x.response_status_code.is_some() { Value::Null } else { text("Bağlantı kurulamadı.") }),
        f("payload", STRING, |x, _| text(&String::from_utf8_lossy(&x.body))),
        f("durationMs", INT, |x, _| int(i64::try_from(x.duration_ms).unwrap_or(i64::MAX))),
        f("isSuccess", BOOLEAN, |x, _| Value::Boolean(x.is_success)).required().filter(),
    ]
}
