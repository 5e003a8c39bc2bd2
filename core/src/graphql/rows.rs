//! Row and page types of the GraphQL lists, and the query text that selects them.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::query::ListSpec;

use crate::model::{
    AgentBranchId, AgentUserState, CaseId, CaseMainState, CaseStatus, CaseType, Channel,
    CustomerId, CustomerType, PolicyId, PolicyState, ProductBranch, ProposalId, ProposalState,
    UserId, WebhookDeliveryId, WebhookEvent, WebhookId,
};

/// The branch a row belongs to.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentBranchRef {
    /// Branch id.
    pub id: AgentBranchId,
    /// Branch name.
    pub name: Option<String>,
    /// Parent branch id.
    pub parent_id: Option<AgentBranchId>,
    /// Parent branch name.
    pub parent_name: Option<String>,
}

/// Where a page sits in the whole list.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    /// More rows follow.
    #[serde(default)]
    pub has_next_page: bool,
    /// Rows precede.
    #[serde(default)]
    pub has_previous_page: bool,
    /// Cursor of the first row.
    pub start_cursor: Option<String>,
    /// Cursor of the last row; pass it as `after` for the next page.
    pub end_cursor: Option<String>,
}

/// A customer row of `customersNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerRow {
    /// Customer id.
    pub id: CustomerId,
    /// Full name or company title.
    pub name: Option<String>,
    /// TCKN/VKN (may be masked by the agency's settings).
    pub identity_number: Option<String>,
    /// E-mail.
    pub primary_email: Option<String>,
    /// Phone.
    pub primary_phone_number: Option<String>,
    /// City.
    pub city: Option<String>,
    /// District.
    pub district: Option<String>,
    /// Birth date.
    pub birth_date: Option<String>,
    /// Individual, company or foreign.
    #[serde(rename = "type")]
    pub customer_type: Option<CustomerType>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Branch id.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Branch.
    pub agent_branch: Option<AgentBranchRef>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A proposal row of `proposalsNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ProposalRow {
    /// Proposal id.
    pub id: ProposalId,
    /// State.
    pub state: ProposalState,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Insured customer's name.
    pub insured_customer_name: Option<String>,
    /// Insured customer's TCKN/VKN.
    pub insured_customer_identity_number: Option<String>,
    /// Lowest cash premium.
    pub lowest_premium: Option<f64>,
    /// Highest cash premium.
    pub highest_premium: Option<f64>,
    /// Share of insurers that answered with a premium.
    pub success_rate: Option<f64>,
    /// Insurers asked.
    pub products_count: Option<u32>,
    /// Insurers that answered with a premium.
    pub succeed_products_count: Option<u32>,
    /// Vehicle plate.
    pub vehicle_plate: Option<String>,
    /// Vehicle model.
    pub vehicle_model_name: Option<String>,
    /// Branch id.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Branch.
    pub agent_branch: Option<AgentBranchRef>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A policy row of `policiesNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyRow {
    /// Policy id.
    pub id: PolicyId,
    /// State.
    pub state: PolicyState,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// Insurer's name.
    pub insurance_company_name: Option<String>,
    /// Insurer's policy number.
    pub insurance_company_policy_number: Option<String>,
    /// Product name.
    pub product_name: Option<String>,
    /// Gross premium.
    pub gross_premium: Option<f64>,
    /// Net premium.
    pub net_premium: Option<f64>,
    /// Commission.
    pub commission: Option<f64>,
    /// Start date.
    pub start_date: Option<String>,
    /// End date.
    pub end_date: Option<String>,
    /// Issue date.
    pub arrangement_date: Option<String>,
    /// Insured customer's name.
    pub insured_customer_name: Option<String>,
    /// Insured customer's TCKN/VKN.
    pub insured_customer_identity_number: Option<String>,
    /// Vehicle plate.
    pub vehicle_plate: Option<String>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Branch id.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Branch.
    pub agent_branch: Option<AgentBranchRef>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A case row of `casesNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CaseRow {
    /// Case id.
    pub id: CaseId,
    /// Reference, e.g. `SF-2026-001234`.
    #[serde(rename = "ref")]
    pub case_ref: Option<String>,
    /// Kind of case.
    #[serde(rename = "type")]
    pub case_type: Option<CaseType>,
    /// Status.
    pub status: Option<CaseStatus>,
    /// Main state.
    pub main_state: Option<CaseMainState>,
    /// Sub-state.
    pub sub_state: Option<String>,
    /// Customer id.
    pub customer_id: Option<CustomerId>,
    /// Customer's name.
    pub customer_name: Option<String>,
    /// Branch of the product.
    pub product_branch: Option<ProductBranch>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Branch id.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Branch.
    pub agent_branch: Option<AgentBranchRef>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A role of an agent user.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentUserRole {
    /// Role id.
    pub id: String,
    /// Role name.
    pub name: Option<String>,
    /// True for the agency's administrators.
    #[serde(default)]
    pub is_admin: bool,
}

/// A branch an agent user works for, with its place in the hierarchy.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentUserBranch {
    /// Branch id.
    pub id: AgentBranchId,
    /// Branch name.
    pub name: Option<String>,
    /// Parent branch id.
    pub parent_id: Option<AgentBranchId>,
    /// Parent branch name.
    pub parent_name: Option<String>,
    /// Depth in the hierarchy.
    pub level: Option<u32>,
    /// The path of names from the top, as the server writes it.
    pub hierarchy: Option<String>,
}

/// An agent user row of `agentUsersNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentUserRow {
    /// User id.
    pub id: UserId,
    /// E-mail.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Full name.
    pub name: Option<String>,
    /// Phone number.
    pub phone_number: Option<String>,
    /// Country calling code of the phone number.
    pub phone_number_country_code: Option<u32>,
    /// Pending, active or inactive.
    pub state: Option<AgentUserState>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Last sign-in.
    pub last_login_at: Option<String>,
    /// Roles.
    #[serde(default, deserialize_with = "crate::model::null_as_empty")]
    pub roles: Vec<AgentUserRole>,
    /// Branches the user works for.
    #[serde(default, deserialize_with = "crate::model::null_as_empty")]
    pub branches: Vec<AgentUserBranch>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A policy transfer row of `policyTransfersNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyTransferRow {
    /// Transfer id.
    pub id: String,
    /// First day of the period.
    pub start_date: Option<String>,
    /// Last day of the period.
    pub end_date: Option<String>,
    /// Insurers asked.
    pub insurance_company_count: Option<u32>,
    /// Runs so far.
    pub policy_transfer_trigger_count: Option<u32>,
    /// Policies transferred.
    pub policy_count: Option<u32>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A webhook delivery row of `webhookDeliveriesNew`.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct WebhookDeliveryRow {
    /// Delivery id (the `x-webhook-delivery` header).
    pub id: WebhookDeliveryId,
    /// The webhook.
    pub webhook_id: Option<WebhookId>,
    /// The event, read in either spelling (`POLICY_CREATED`, `policy.created`).
    #[serde(default, deserialize_with = "event_in_either_spelling")]
    pub event: Option<WebhookEvent>,
    /// When it was sent.
    pub sent_at: Option<String>,
    /// The receiver's status code.
    pub status_code: Option<u32>,
    /// The receiver's answer.
    pub response: Option<String>,
    /// Why it failed, when it did.
    pub error_message: Option<String>,
    /// The body that was sent.
    pub payload: Option<String>,
    /// How long the receiver took.
    pub duration_ms: Option<u32>,
    /// True when the receiver answered 2xx.
    #[serde(default)]
    pub is_success: bool,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// Reads an event named in either documented spelling as the subscription enum.
fn event_in_either_spelling<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<WebhookEvent>, D::Error> {
    let name = Option::<String>::deserialize(deserializer)?;
    Ok(name.map(|name| {
        crate::webhook::EventType::from_id(&name)
            .map_or_else(|| WebhookEvent::from_wire(&name), WebhookEvent::from)
    }))
}

/// A row of `policiesExpanded`: one per version of a policy (as issued, then each endorsement),
/// with what the version changed.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ExpandedPolicyRow {
    /// Policy id (the same on every version of the policy).
    pub id: PolicyId,
    /// State.
    pub state: PolicyState,
    /// Branch.
    pub product_branch: Option<ProductBranch>,
    /// Insurer's name.
    pub insurance_company_name: Option<String>,
    /// Insurer's policy number.
    pub insurance_company_policy_number: Option<String>,
    /// Product name.
    pub product_name: Option<String>,
    /// Gross premium after this version.
    pub gross_premium: Option<f64>,
    /// Net premium after this version.
    pub net_premium: Option<f64>,
    /// Commission after this version.
    pub commission: Option<f64>,
    /// Start date.
    pub start_date: Option<String>,
    /// End date.
    pub end_date: Option<String>,
    /// Issue date.
    pub arrangement_date: Option<String>,
    /// Insured customer's name.
    pub insured_customer_name: Option<String>,
    /// Insured customer's TCKN/VKN.
    pub insured_customer_identity_number: Option<String>,
    /// Vehicle plate.
    pub vehicle_plate: Option<String>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Endorsement number; 0 for the policy as issued.
    pub endorsement_number: Option<u32>,
    /// Kind of version, e.g. an endorsement or a cancellation.
    pub endorsement_type: Option<String>,
    /// What this version changed in the net premium (negative on a cancellation).
    pub net_premium_change: Option<f64>,
    /// What this version changed in the gross premium.
    pub gross_premium_change: Option<f64>,
    /// What this version changed in the commission.
    pub commission_change: Option<f64>,
    /// Branch id.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Branch.
    pub agent_branch: Option<AgentBranchRef>,
    /// How well the row matched a search (set only for lists filtered with a search clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_score: Option<f64>,
}

/// A page of customers.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    /// The rows.
    pub items: Vec<CustomerRow>,
    /// Rows in the whole (filtered) list.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of proposals.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ProposalPage {
    /// The rows.
    pub items: Vec<ProposalRow>,
    /// Rows in the whole (filtered) list.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of policies.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyPage {
    /// The rows.
    pub items: Vec<PolicyRow>,
    /// Rows in the whole (filtered) list.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of cases.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CasePage {
    /// The rows.
    pub items: Vec<CaseRow>,
    /// Rows in the whole (filtered) list.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of agent users.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct AgentUserPage {
    /// The rows.
    pub items: Vec<AgentUserRow>,
    /// Rows in the whole (filtered) list; none when the count was not asked for.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of policy transfers.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PolicyTransferPage {
    /// The rows.
    pub items: Vec<PolicyTransferRow>,
    /// Rows in the whole (filtered) list; none when the count was not asked for.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of webhook deliveries.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct WebhookDeliveryPage {
    /// The rows.
    pub items: Vec<WebhookDeliveryRow>,
    /// Rows in the whole (filtered) list; none when the count was not asked for.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A page of policy versions.
#[cfg_attr(feature = "napi", napi_derive::napi(object))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "insurup"))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ExpandedPolicyPage {
    /// The rows.
    pub items: Vec<ExpandedPolicyRow>,
    /// Rows in the whole (filtered) list; none when the count was not asked for.
    pub total_count: Option<u32>,
    /// Cursors.
    pub page_info: PageInfo,
}

/// A connection as the server sends it; rows come from `nodes`, from `edges[].node`, or from the
/// legacy offset query's `items`.
#[doc(hidden)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection<R> {
    total_count: Option<u32>,
    #[serde(default)]
    page_info: PageInfo,
    nodes: Option<Vec<R>>,
    edges: Option<Vec<Edge<R>>>,
    items: Option<Vec<R>>,
}

#[derive(Debug, Deserialize)]
struct Edge<R> {
    node: R,
}

impl<R> Connection<R> {
    fn into_parts(self) -> (Vec<R>, Option<u32>, PageInfo) {
        let items = match (self.nodes, self.edges, self.items) {
            (Some(nodes), _, _) => nodes,
            (None, Some(edges), _) => edges.into_iter().map(|edge| edge.node).collect(),
            (None, None, Some(items)) => items,
            (None, None, None) => Vec::new(),
        };
        (items, self.total_count, self.page_info)
    }

    /// Page info for a page of the legacy offset query, which has no cursors: the offsets are.
    pub(crate) fn with_offset_cursors(mut self, offset: u64) -> Self {
        let rows = self
            .nodes
            .as_ref()
            .or(self.items.as_ref())
            .map_or(0, Vec::len) as u64;
        let end = offset + rows;
        self.page_info = PageInfo {
            // `CollectionSegmentInfo` says it; a server that sent only `totalCount` too.
            has_next_page: self.page_info.has_next_page
                || self.total_count.is_some_and(|total| end < u64::from(total)),
            has_previous_page: offset > 0,
            start_cursor: Some(offset.to_string()),
            end_cursor: Some(end.to_string()),
        };
        self
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::CustomerRow {}
    impl Sealed for super::ProposalRow {}
    impl Sealed for super::PolicyRow {}
    impl Sealed for super::CaseRow {}
    impl Sealed for super::AgentUserRow {}
    impl Sealed for super::PolicyTransferRow {}
    impl Sealed for super::WebhookDeliveryRow {}
    impl Sealed for super::ExpandedPolicyRow {}
}

/// A row type of a GraphQL list, with its page type and how each dialect names it. Implemented
/// by [`CustomerRow`], [`ProposalRow`], [`PolicyRow`], [`CaseRow`], [`AgentUserRow`],
/// [`PolicyTransferRow`], [`WebhookDeliveryRow`] and [`ExpandedPolicyRow`].
#[allow(private_interfaces)]
pub trait Listing: DeserializeOwned + Send + 'static + sealed::Sealed {
    /// The page type.
    type Page: Send + 'static;
    /// How the list is named and selected in each dialect.
    #[doc(hidden)]
    const SPEC: ListSpec;
    /// Builds a page.
    #[doc(hidden)]
    fn page(connection: Connection<Self>) -> Self::Page;
    /// The cursors of a page and how many rows it has.
    fn info(page: &Self::Page) -> (&PageInfo, usize);
    /// The rows of a page.
    fn into_rows(page: Self::Page) -> Vec<Self>;
    /// Rewrites a node read in the docs' or vendor's names into the names the row reads.
    #[doc(hidden)]
    fn normalize(_node: &mut Map<String, Value>) {}
}

/// Moves `from` to `to` unless `to` is already there.
fn rename(node: &mut Map<String, Value>, from: &str, to: &str) {
    if !node.contains_key(to)
        && let Some(value) = node.remove(from)
    {
        node.insert(to.to_owned(), value);
    }
}

/// The docs and the vendor client split a plate into its city number and code.
fn join_plate(node: &mut Map<String, Value>) {
    if node.contains_key("vehiclePlate") {
        return;
    }
    let code = node.get("vehiclePlateCode").and_then(Value::as_str);
    let city = node.get("vehiclePlateCity").and_then(Value::as_u64);
    let plate = match (city, code) {
        (Some(city), Some(code)) => Some(format!("{city:02}{code}")),
        (None, Some(code)) => Some(code.to_owned()),
        _ => None,
    };
    if let Some(plate) = plate {
        node.insert("vehiclePlate".to_owned(), Value::String(plate));
    }
}

/// A node's fields followed by its branch, which every list has.
macro_rules! with_branch {
    ($fields:literal) => {
        concat!(
            $fields,
            "agentBranchId agentBranch { id name parentId parentName }"
        )
    };
}

macro_rules! listing {
    ($row:ty, $page:ident, $spec:expr, |$node:ident| $normalize:block) => {
        impl Listing for $row {
            type Page = $page;
            const SPEC: ListSpec = $spec;

            fn page(connection: Connection<Self>) -> $page {
                let (items, total_count, page_info) = connection.into_parts();
                $page { items, total_count, page_info }
            }

            fn info(page: &$page) -> (&PageInfo, usize) {
                (&page.page_info, page.items.len())
            }

            fn into_rows(page: $page) -> Vec<Self> {
                page.items
            }

            fn normalize($node: &mut Map<String, Value>) $normalize
        }
    };
}

listing!(
    CustomerRow,
    CustomerPage,
    ListSpec {
        plural: "customers",
        root: "customersNew",
        guide_type: "Customer",
        model: "QueryCustomerModel",
        guide_connection: true,
        guide_fields: with_branch!(
            "id name identityNumber primaryEmail primaryPhoneNumber city district birthDate type \
             createdAt "
        ),
        current_fields: with_branch!(
            "id name identityNumber primaryEmail primaryPhoneNumber cityText districtText \
             birthDate type createdAt "
        ),
    },
    |node| {
        rename(node, "cityText", "city");
        rename(node, "districtText", "district");
    }
);
listing!(
    ProposalRow,
    ProposalPage,
    ListSpec {
        plural: "proposals",
        root: "proposalsNew",
        guide_type: "Proposal",
        model: "QueryProposalsResult",
        guide_connection: true,
        guide_fields: with_branch!(
            "id state productBranch channel createdAt insuredCustomerName \
             insuredCustomerIdentityNumber lowestPremium highestPremium successRate productsCount \
             succeedProductsCount vehiclePlate vehicleModelName "
        ),
        current_fields: with_branch!(
            "id state productBranch channel createdAt insuredCustomerName \
             insuredCustomerIdentityNumber lowestPremium highestPremium successRate productsCount \
             succeedProductsCount vehiclePlateCity vehiclePlateCode vehicleModelTypeText "
        ),
    },
    |node| {
        join_plate(node);
        rename(node, "vehicleModelTypeText", "vehicleModelName");
    }
);
listing!(
    PolicyRow,
    PolicyPage,
    ListSpec {
        plural: "policies",
        root: "policiesNew",
        guide_type: "Policy",
        model: "QueryPoliciesResult",
        guide_connection: true,
        guide_fields: with_branch!(
            "id state productBranch insuranceCompanyName insuranceCompanyPolicyNumber productName \
             grossPremium netPremium commission startDate endDate arrangementDate \
             insuredCustomerName insuredCustomerIdentityNumber vehiclePlate createdAt "
        ),
        current_fields: with_branch!(
            "id state productBranch insuranceCompanyName insuranceCompanyPolicyNumber productName \
             grossPremium netPremium commission startDate endDate arrangementDate \
             insuredCustomerName insuredCustomerIdentityNumber vehiclePlateCity vehiclePlateCode \
             createdAt "
        ),
    },
    |node| {
        join_plate(node);
    }
);
listing!(
    CaseRow,
    CasePage,
    ListSpec {
        plural: "cases",
        root: "casesNew",
        guide_type: "Case",
        model: "QueryCaseModel",
        guide_connection: false,
        guide_fields: with_branch!(
            "id ref type status mainState subState customerId customerName productBranch channel \
             createdAt "
        ),
        current_fields: with_branch!(
            "id ref type status mainState subState customerId customerName productBranch channel \
             createdAt "
        ),
    },
    |_node| {}
);

listing!(
    AgentUserRow,
    AgentUserPage,
    ListSpec {
        plural: "agentUsers",
        root: "agentUsersNew",
        guide_type: "AgentUser",
        model: "QueryAgentUserResult",
        guide_connection: true,
        guide_fields: AGENT_USER_FIELDS,
        current_fields: AGENT_USER_FIELDS,
    },
    |_node| {}
);
listing!(
    PolicyTransferRow,
    PolicyTransferPage,
    ListSpec {
        plural: "policyTransfers",
        root: "policyTransfersNew",
        guide_type: "PolicyTransfer",
        model: "QueryPolicyTransfersResult",
        guide_connection: true,
        guide_fields: POLICY_TRANSFER_FIELDS,
        current_fields: POLICY_TRANSFER_FIELDS,
    },
    |_node| {}
);
listing!(
    WebhookDeliveryRow,
    WebhookDeliveryPage,
    ListSpec {
        plural: "webhookDeliveries",
        root: "webhookDeliveriesNew",
        guide_type: "WebhookDelivery",
        model: "QueryWebhookDeliveryResult",
        guide_connection: true,
        guide_fields: WEBHOOK_DELIVERY_FIELDS,
        current_fields: WEBHOOK_DELIVERY_FIELDS,
    },
    |_node| {}
);
listing!(
    ExpandedPolicyRow,
    ExpandedPolicyPage,
    ListSpec {
        plural: "policiesExpanded",
        root: "policiesExpanded",
        // Its rows are the policies' model: the GraphQL docs filter and sort it with the policy
        // list's input types.
        guide_type: "Policy",
        model: "QueryPoliciesResult",
        guide_connection: true,
        guide_fields: with_branch!(
            "id state productBranch insuranceCompanyName insuranceCompanyPolicyNumber productName \
             grossPremium netPremium commission startDate endDate arrangementDate \
             insuredCustomerName insuredCustomerIdentityNumber vehiclePlate createdAt \
             endorsementNumber endorsementType netPremiumChange grossPremiumChange \
             commissionChange "
        ),
        current_fields: with_branch!(
            "id state productBranch insuranceCompanyName insuranceCompanyPolicyNumber productName \
             grossPremium netPremium commission startDate endDate arrangementDate \
             insuredCustomerName insuredCustomerIdentityNumber vehiclePlateCity vehiclePlateCode \
             createdAt endorsementNumber endorsementType netPremiumChange grossPremiumChange \
             commissionChange "
        ),
    },
    |node| {
        join_plate(node);
    }
);

/// The vendor client's `ALL_AGENT_USER_FIELDS` (no guide names exist for these lists).
const AGENT_USER_FIELDS: &str = "id email firstName lastName name phoneNumber \
    phoneNumberCountryCode state createdAt lastLoginAt roles { id name isAdmin } \
    branches { id name parentId parentName level hierarchy }";
/// The vendor client's `ALL_POLICY_TRANSFER_FIELDS`.
const POLICY_TRANSFER_FIELDS: &str =
    "id startDate endDate insuranceCompanyCount policyTransferTriggerCount policyCount";
/// The vendor client's `ALL_WEBHOOK_DELIVERY_FIELDS`.
const WEBHOOK_DELIVERY_FIELDS: &str =
    "id webhookId event sentAt statusCode response errorMessage payload durationMs isSuccess";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_in_the_docs_names_fill_the_same_fields() {
        let mut node = serde_json::json!({
            "id": "p1", "state": "ACTIVE", "vehiclePlateCity": 6, "vehiclePlateCode": "AB123",
            "vehicleModelTypeText": "Corolla"
        });
        if let Some(node) = node.as_object_mut() {
            ProposalRow::normalize(node);
        }
        let row: ProposalRow = serde_json::from_value(node).expect("row");
        assert_eq!(row.vehicle_plate.as_deref(), Some("06AB123"));
        assert_eq!(row.vehicle_model_name.as_deref(), Some("Corolla"));
    }

    #[test]
    fn rows_are_read_from_nodes_or_from_edges() {
        let from_nodes: Connection<PolicyRow> = serde_json::from_value(serde_json::json!({
            "totalCount": 2, "pageInfo": {"hasNextPage": true, "endCursor": "c2"},
            "nodes": [{"id": "p1", "state": "ACTIVE"}, {"id": "p2", "state": "CANCELLED"}]
        }))
        .expect("nodes");
        let from_edges: Connection<PolicyRow> = serde_json::from_value(serde_json::json!({
            "totalCount": 2, "pageInfo": {"hasNextPage": true, "endCursor": "c2"},
            "edges": [{"cursor": "c1", "node": {"id": "p1", "state": "ACTIVE"}},
                      {"cursor": "c2", "node": {"id": "p2", "state": "CANCELLED"}}]
        }))
        .expect("edges");
        assert_eq!(PolicyRow::page(from_nodes), PolicyRow::page(from_edges));
    }
}
