//! GraphQL node types, filter inputs and sort inputs for customers, proposals, policies and cases.
//! Nodes are flat, denormalised rows, as InsurUp's query models are.

use async_graphql::{InputObject, SimpleObject};

use super::ops::{
    Date, DateTime, EnumOps, OrderedOps, SortEnumType, SortKey, StringOps, number, text,
};
use crate::catalog::INSURERS;
use crate::model::{
    Case, CaseMainState, CaseStatus, CaseSubState, CaseType, Channel, Customer, CustomerType,
    Policy, PolicyState, ProductBranch, Proposal, ProposalState,
};
use crate::store::State;

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "AgentBranchReference")]
pub struct AgentBranchNode {
    id: String,
    name: String,
    parent_id: Option<String>,
    parent_name: Option<String>,
}

fn agent_branch(state: &State, id: Option<&str>) -> Option<AgentBranchNode> {
    let branch = state.branch(id?)?;
    let parent = branch.parent_id.as_deref().and_then(|p| state.branch(p));
    Some(AgentBranchNode {
        id: branch.id.clone(),
        name: branch.name.clone(),
        parent_id: branch.parent_id.clone(),
        parent_name: parent.map(|p| p.name.clone()),
    })
}

/// Applies a field's operations if the filter names that field.
macro_rules! ok {
    ($ops:expr, $value:expr) => {
        $ops.as_ref().is_none_or(|ops| ops.matches($value))
    };
}

/// `and`/`or` lists combine nested filters of the same type.
macro_rules! combinators {
    ($self:ident, $row:ident) => {
        $self
            .and
            .as_ref()
            .is_none_or(|all| all.iter().all(|f| f.matches($row)))
            && $self
                .or
                .as_ref()
                .is_none_or(|any| any.iter().any(|f| f.matches($row)))
    };
}

/// Sort inputs list one field per entry; fields set in one entry apply in declaration order.
macro_rules! sort_keys {
    ($self:ident, $($field:ident => $name:literal),+ $(,)?) => {{
        let mut keys = Vec::new();
        $( if let Some(dir) = $self.$field { keys.push(($name, dir)); } )+
        keys
    }};
}

// ---------------------------------------------------------------- customers

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "QueryCustomerModel")]
pub struct CustomerNode {
    id: String,
    name: String,
    identity_number: Option<String>,
    tax_number: Option<String>,
    primary_email: Option<String>,
    primary_phone_number: Option<String>,
    city: Option<String>,
    district: Option<String>,
    birth_date: Option<Date>,
    #[graphql(name = "type")]
    kind: CustomerType,
    created_at: DateTime,
    agent_branch_id: Option<String>,
    agent_branch: Option<AgentBranchNode>,
}

impl CustomerNode {
    pub fn build(c: &Customer, state: &State) -> Self {
        Self {
            id: c.id.clone(),
            name: c.name().to_owned(),
            identity_number: c.identity_number.clone().or_else(|| c.tax_number.clone()),
            tax_number: c.tax_number.clone(),
            primary_email: c.email.clone(),
            primary_phone_number: c
                .phone
                .as_ref()
                .map(|p| format!("+{}{}", p.country_code, p.number)),
            city: c.city.as_ref().map(|p| p.text.clone()),
            district: c.district.as_ref().map(|p| p.text.clone()),
            birth_date: c.birth_date.map(Date),
            kind: c.kind,
            created_at: DateTime(c.created_at),
            agent_branch_id: c.agent_branch_id.clone(),
            agent_branch: agent_branch(state, c.agent_branch_id.as_deref()),
        }
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "CustomerFilterInput")]
pub struct CustomerFilter {
    and: Option<Vec<CustomerFilter>>,
    or: Option<Vec<CustomerFilter>>,
    id: Option<StringOps>,
    name: Option<StringOps>,
    identity_number: Option<StringOps>,
    primary_email: Option<StringOps>,
    city: Option<StringOps>,
    district: Option<StringOps>,
    birth_date: Option<OrderedOps<Date>>,
    #[graphql(name = "type")]
    kind: Option<EnumOps<CustomerType>>,
    created_at: Option<OrderedOps<DateTime>>,
    agent_branch_id: Option<StringOps>,
}

impl CustomerFilter {
    pub fn matches(&self, c: &Customer) -> bool {
        ok!(self.id, Some(&c.id))
            && ok!(self.name, Some(c.name()))
            && ok!(self.identity_number, Some(c.identity()))
            && ok!(self.primary_email, c.email.as_deref())
            && ok!(self.city, c.city.as_ref().map(|p| p.text.as_str()))
            && ok!(self.district, c.district.as_ref().map(|p| p.text.as_str()))
            && ok!(self.birth_date, c.birth_date.map(Date))
            && ok!(self.kind, Some(c.kind))
            && ok!(self.created_at, Some(DateTime(c.created_at)))
            && ok!(self.agent_branch_id, c.agent_branch_id.as_deref())
            && combinators!(self, c)
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "CustomerSortInput")]
pub struct CustomerSort {
    id: Option<SortEnumType>,
    name: Option<SortEnumType>,
    identity_number: Option<SortEnumType>,
    birth_date: Option<SortEnumType>,
    created_at: Option<SortEnumType>,
}

impl CustomerSort {
    pub fn keys(&self) -> Vec<(&'static str, SortEnumType)> {
        sort_keys!(self, id => "id", name => "name", identity_number => "identityNumber", birth_date => "birthDate", created_at => "createdAt")
    }
}

pub fn customer_key<'a>(c: &'a Customer, field: &str) -> SortKey<'a> {
    match field {
        "id" => SortKey::Text(&c.id),
        "name" => SortKey::Text(c.name()),
        "identityNumber" => SortKey::Text(c.identity()),
        "birthDate" => c.birth_date.map_or(SortKey::Null, SortKey::Day),
        _ => SortKey::Time(c.created_at),
    }
}

// ---------------------------------------------------------------- proposals

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "QueryProposalsResult")]
pub struct ProposalNode {
    id: String,
    state: ProposalState,
    product_branch: ProductBranch,
    channel: Channel,
    created_at: DateTime,
    insurer_customer_id: String,
    insured_customer_id: String,
    insured_customer_name: String,
    insured_customer_identity_number: String,
    lowest_premium: Option<f64>,
    highest_premium: Option<f64>,
    /// Percentage of products that returned a price.
    success_rate: f64,
    products_count: i32,
    succeed_products_count: i32,
    vehicle_plate: Option<String>,
    vehicle_model_name: Option<String>,
    agent_branch_id: Option<String>,
    agent_branch: Option<AgentBranchNode>,
}

fn success_rate(p: &Proposal) -> f64 {
    if p.products.is_empty() {
        0.0
    } else {
        ((p.succeeded() as f64 / p.products.len() as f64) * 10_000.0).round() / 100.0
    }
}

impl ProposalNode {
    pub fn build(p: &Proposal, state: &State) -> Self {
        Self {
            id: p.id.clone(),
            state: p.state,
            product_branch: p.branch,
            channel: p.channel,
            created_at: DateTime(p.created_at),
            insurer_customer_id: p.insurer_customer_id.clone(),
            insured_customer_id: p.insured_customer_id.clone(),
            insured_customer_name: p.snapshot.insured_name.clone(),
            insured_customer_identity_number: p.snapshot.insured_identity.clone(),
            lowest_premium: p.lowest_premium(),
            highest_premium: p.highest_premium(),
            success_rate: success_rate(p),
            products_count: i32::try_from(p.products.len()).unwrap_or(i32::MAX),
            succeed_products_count: i32::try_from(p.succeeded()).unwrap_or(i32::MAX),
            vehicle_plate: p.snapshot.vehicle_plate.clone(),
            vehicle_model_name: p.snapshot.vehicle_model_name.clone(),
            agent_branch_id: p.agent_branch_id.clone(),
            agent_branch: agent_branch(state, p.agent_branch_id.as_deref()),
        }
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "ProposalFilterInput")]
pub struct ProposalFilter {
    and: Option<Vec<ProposalFilter>>,
    or: Option<Vec<ProposalFilter>>,
    id: Option<StringOps>,
    state: Option<EnumOps<ProposalState>>,
    product_branch: Option<EnumOps<ProductBranch>>,
    channel: Option<EnumOps<Channel>>,
    created_at: Option<OrderedOps<DateTime>>,
    insurer_customer_id: Option<StringOps>,
    insured_customer_id: Option<StringOps>,
    insured_customer_name: Option<StringOps>,
    insured_customer_identity_number: Option<StringOps>,
    lowest_premium: Option<OrderedOps<f64>>,
    highest_premium: Option<OrderedOps<f64>>,
    success_rate: Option<OrderedOps<f64>>,
    products_count: Option<OrderedOps<i32>>,
    succeed_products_count: Option<OrderedOps<i32>>,
    vehicle_plate: Option<StringOps>,
    vehicle_model_name: Option<StringOps>,
    agent_branch_id: Option<StringOps>,
}

impl ProposalFilter {
    pub fn matches(&self, p: &Proposal) -> bool {
        ok!(self.id, Some(&p.id))
            && ok!(self.state, Some(p.state))
            && ok!(self.product_branch, Some(p.branch))
            && ok!(self.channel, Some(p.channel))
            && ok!(self.created_at, Some(DateTime(p.created_at)))
            && ok!(self.insurer_customer_id, Some(&p.insurer_customer_id))
            && ok!(self.insured_customer_id, Some(&p.insured_customer_id))
            && ok!(self.insured_customer_name, Some(&p.snapshot.insured_name))
            && ok!(
                self.insured_customer_identity_number,
                Some(&p.snapshot.insured_identity)
            )
            && ok!(self.lowest_premium, p.lowest_premium())
            && ok!(self.highest_premium, p.highest_premium())
            && ok!(self.success_rate, Some(success_rate(p)))
            && ok!(self.products_count, i32::try_from(p.products.len()).ok())
            && ok!(
                self.succeed_products_count,
                i32::try_from(p.succeeded()).ok()
            )
            && ok!(self.vehicle_plate, p.snapshot.vehicle_plate.as_deref())
            && ok!(
                self.vehicle_model_name,
                p.snapshot.vehicle_model_name.as_deref()
            )
            && ok!(self.agent_branch_id, p.agent_branch_id.as_deref())
            && combinators!(self, p)
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "ProposalSortInput")]
pub struct ProposalSort {
    id: Option<SortEnumType>,
    created_at: Option<SortEnumType>,
    lowest_premium: Option<SortEnumType>,
    highest_premium: Option<SortEnumType>,
    success_rate: Option<SortEnumType>,
    insured_customer_name: Option<SortEnumType>,
}

impl ProposalSort {
    pub fn keys(&self) -> Vec<(&'static str, SortEnumType)> {
        sort_keys!(self, id => "id", created_at => "createdAt", lowest_premium => "lowestPremium",
            highest_premium => "highestPremium", success_rate => "successRate", insured_customer_name => "insuredCustomerName")
    }
}

pub fn proposal_key<'a>(p: &'a Proposal, field: &str) -> SortKey<'a> {
    match field {
        "id" => SortKey::Text(&p.id),
        "lowestPremium" => number(p.lowest_premium()),
        "highestPremium" => number(p.highest_premium()),
        "successRate" => SortKey::Number(success_rate(p)),
        "insuredCustomerName" => SortKey::Text(&p.snapshot.insured_name),
        _ => SortKey::Time(p.created_at),
    }
}

// ---------------------------------------------------------------- policies

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "QueryPoliciesResult")]
pub struct PolicyNode {
    id: String,
    state: PolicyState,
    product_branch: ProductBranch,
    insurance_company_id: i32,
    insurance_company_name: String,
    insurance_company_policy_number: String,
    product_name: String,
    gross_premium: f64,
    net_premium: f64,
    commission: f64,
    installment_number: i32,
    channel: Channel,
    start_date: Date,
    end_date: Date,
    arrangement_date: Date,
    proposal_id: Option<String>,
    insured_customer_id: String,
    insured_customer_name: String,
    insured_customer_identity_number: String,
    vehicle_plate: Option<String>,
    created_at: DateTime,
    agent_branch_id: Option<String>,
    agent_branch: Option<AgentBranchNode>,
}

impl PolicyNode {
    pub fn build(p: &Policy, state: &State) -> Self {
        let insurer = &INSURERS[p.insurer];
        Self {
            id: p.id.clone(),
            state: p.state,
            product_branch: p.branch,
            insurance_company_id: i32::try_from(insurer.id).unwrap_or(0),
            insurance_company_name: insurer.name.to_owned(),
            insurance_company_policy_number: p.policy_number.clone(),
            product_name: p.product_name.clone(),
            gross_premium: p.gross,
            net_premium: p.net,
            commission: p.commission,
            installment_number: i32::from(p.installment_number),
            channel: p.channel,
            start_date: Date(p.start_date),
            end_date: Date(p.end_date),
            arrangement_date: Date(p.arrangement_date),
            proposal_id: p.proposal_id.clone(),
            insured_customer_id: p.insured_customer_id.clone(),
            insured_customer_name: p.insured_name.clone(),
            insured_customer_identity_number: p.insured_identity.clone(),
            vehicle_plate: p.vehicle_plate.clone(),
            created_at: DateTime(p.created_at),
            agent_branch_id: p.agent_branch_id.clone(),
            agent_branch: agent_branch(state, p.agent_branch_id.as_deref()),
        }
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "PolicyFilterInput")]
pub struct PolicyFilter {
    and: Option<Vec<PolicyFilter>>,
    or: Option<Vec<PolicyFilter>>,
    id: Option<StringOps>,
    state: Option<EnumOps<PolicyState>>,
    product_branch: Option<EnumOps<ProductBranch>>,
    insurance_company_id: Option<OrderedOps<i32>>,
    insurance_company_name: Option<StringOps>,
    insurance_company_policy_number: Option<StringOps>,
    product_name: Option<StringOps>,
    gross_premium: Option<OrderedOps<f64>>,
    net_premium: Option<OrderedOps<f64>>,
    commission: Option<OrderedOps<f64>>,
    start_date: Option<OrderedOps<Date>>,
    end_date: Option<OrderedOps<Date>>,
    arrangement_date: Option<OrderedOps<Date>>,
    proposal_id: Option<StringOps>,
    insured_customer_id: Option<StringOps>,
    insured_customer_name: Option<StringOps>,
    insured_customer_identity_number: Option<StringOps>,
    vehicle_plate: Option<StringOps>,
    created_at: Option<OrderedOps<DateTime>>,
    agent_branch_id: Option<StringOps>,
}

impl PolicyFilter {
    pub fn matches(&self, p: &Policy) -> bool {
        let insurer = &INSURERS[p.insurer];
        ok!(self.id, Some(&p.id))
            && ok!(self.state, Some(p.state))
            && ok!(self.product_branch, Some(p.branch))
            && ok!(self.insurance_company_id, i32::try_from(insurer.id).ok())
            && ok!(self.insurance_company_name, Some(insurer.name))
            && ok!(self.insurance_company_policy_number, Some(&p.policy_number))
            && ok!(self.product_name, Some(&p.product_name))
            && ok!(self.gross_premium, Some(p.gross))
            && ok!(self.net_premium, Some(p.net))
            && ok!(self.commission, Some(p.commission))
            && ok!(self.start_date, Some(Date(p.start_date)))
            && ok!(self.end_date, Some(Date(p.end_date)))
            && ok!(self.arrangement_date, Some(Date(p.arrangement_date)))
            && ok!(self.proposal_id, p.proposal_id.as_deref())
            && ok!(self.insured_customer_id, Some(&p.insured_customer_id))
            && ok!(self.insured_customer_name, Some(&p.insured_name))
            && ok!(
                self.insured_customer_identity_number,
                Some(&p.insured_identity)
            )
            && ok!(self.vehicle_plate, p.vehicle_plate.as_deref())
            && ok!(self.created_at, Some(DateTime(p.created_at)))
            && ok!(self.agent_branch_id, p.agent_branch_id.as_deref())
            && combinators!(self, p)
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "PolicySortInput")]
pub struct PolicySort {
    id: Option<SortEnumType>,
    created_at: Option<SortEnumType>,
    gross_premium: Option<SortEnumType>,
    net_premium: Option<SortEnumType>,
    start_date: Option<SortEnumType>,
    end_date: Option<SortEnumType>,
    insurance_company_name: Option<SortEnumType>,
    insured_customer_name: Option<SortEnumType>,
}

impl PolicySort {
    pub fn keys(&self) -> Vec<(&'static str, SortEnumType)> {
        sort_keys!(self, id => "id", created_at => "createdAt", gross_premium => "grossPremium",
            net_premium => "netPremium", start_date => "startDate", end_date => "endDate",
            insurance_company_name => "insuranceCompanyName", insured_customer_name => "insuredCustomerName")
    }
}

pub fn policy_key<'a>(p: &'a Policy, field: &str) -> SortKey<'a> {
    match field {
        "id" => SortKey::Text(&p.id),
        "grossPremium" => SortKey::Number(p.gross),
        "netPremium" => SortKey::Number(p.net),
        "startDate" => SortKey::Day(p.start_date),
        "endDate" => SortKey::Day(p.end_date),
        "insuranceCompanyName" => SortKey::Text(INSURERS[p.insurer].name),
        "insuredCustomerName" => SortKey::Text(&p.insured_name),
        _ => SortKey::Time(p.created_at),
    }
}

// ---------------------------------------------------------------- cases

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "QueryCaseModel")]
pub struct CaseNode {
    id: String,
    #[graphql(name = "ref")]
    reference: String,
    #[graphql(name = "type")]
    case_type: CaseType,
    status: CaseStatus,
    main_state: CaseMainState,
    sub_state: CaseSubState,
    customer_id: String,
    customer_name: String,
    product_branch: ProductBranch,
    channel: Channel,
    created_at: DateTime,
    agent_branch_id: Option<String>,
    agent_branch: Option<AgentBranchNode>,
}

impl CaseNode {
    pub fn build(c: &Case, state: &State) -> Self {
        Self {
            id: c.id.clone(),
            reference: c.reference.clone(),
            case_type: c.case_type,
            status: c.status,
            main_state: c.main_state,
            sub_state: c.sub_state,
            customer_id: c.customer_id.clone(),
            customer_name: c.customer_name.clone(),
            product_branch: c.product_branch,
            channel: c.channel,
            created_at: DateTime(c.created_at),
            agent_branch_id: c.agent_branch_id.clone(),
            agent_branch: agent_branch(state, c.agent_branch_id.as_deref()),
        }
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "CaseFilterInput")]
pub struct CaseFilter {
    and: Option<Vec<CaseFilter>>,
    or: Option<Vec<CaseFilter>>,
    id: Option<StringOps>,
    #[graphql(name = "ref")]
    reference: Option<StringOps>,
    #[graphql(name = "type")]
    case_type: Option<EnumOps<CaseType>>,
    status: Option<EnumOps<CaseStatus>>,
    main_state: Option<EnumOps<CaseMainState>>,
    sub_state: Option<EnumOps<CaseSubState>>,
    customer_id: Option<StringOps>,
    customer_name: Option<StringOps>,
    product_branch: Option<EnumOps<ProductBranch>>,
    channel: Option<EnumOps<Channel>>,
    created_at: Option<OrderedOps<DateTime>>,
    agent_branch_id: Option<StringOps>,
}

impl CaseFilter {
    pub fn matches(&self, c: &Case) -> bool {
        ok!(self.id, Some(&c.id))
            && ok!(self.reference, Some(&c.reference))
            && ok!(self.case_type, Some(c.case_type))
            && ok!(self.status, Some(c.status))
            && ok!(self.main_state, Some(c.main_state))
            && ok!(self.sub_state, Some(c.sub_state))
            && ok!(self.customer_id, Some(&c.customer_id))
            && ok!(self.customer_name, Some(&c.customer_name))
            && ok!(self.product_branch, Some(c.product_branch))
            && ok!(self.channel, Some(c.channel))
            && ok!(self.created_at, Some(DateTime(c.created_at)))
            && ok!(self.agent_branch_id, c.agent_branch_id.as_deref())
            && combinators!(self, c)
    }
}

#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "CaseSortInput")]
pub struct CaseSort {
    id: Option<SortEnumType>,
    #[graphql(name = "ref")]
    reference: Option<SortEnumType>,
    created_at: Option<SortEnumType>,
    customer_name: Option<SortEnumType>,
}

impl CaseSort {
    pub fn keys(&self) -> Vec<(&'static str, SortEnumType)> {
        sort_keys!(self, id => "id", reference => "ref", created_at => "createdAt", customer_name => "customerName")
    }
}

pub fn case_key<'a>(c: &'a Case, field: &str) -> SortKey<'a> {
    match field {
        "id" => SortKey::Text(&c.id),
        "ref" => SortKey::Text(&c.reference),
        "customerName" => text(Some(&c.customer_name)),
        _ => SortKey::Time(c.created_at),
    }
}
