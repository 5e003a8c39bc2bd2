//! Row and page types of the GraphQL lists, and the query text that selects them.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::model::{
    AgentBranchId, CaseId, CaseMainState, CaseStatus, CaseType, Channel, CustomerId, CustomerType,
    PolicyId, PolicyState, ProductBranch, ProposalId, ProposalState,
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

/// A connection as the server sends it; rows come from `nodes` or from `edges[].node`.
#[doc(hidden)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection<R> {
    total_count: Option<u32>,
    #[serde(default)]
    page_info: PageInfo,
    nodes: Option<Vec<R>>,
    edges: Option<Vec<Edge<R>>>,
}

#[derive(Debug, Deserialize)]
struct Edge<R> {
    node: R,
}

impl<R> Connection<R> {
    fn into_parts(self) -> (Vec<R>, Option<u32>, PageInfo) {
        let items = match (self.nodes, self.edges) {
            (Some(nodes), _) => nodes,
            (None, Some(edges)) => edges.into_iter().map(|edge| edge.node).collect(),
            (None, None) => Vec::new(),
        };
        (items, self.total_count, self.page_info)
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::CustomerRow {}
    impl Sealed for super::ProposalRow {}
    impl Sealed for super::PolicyRow {}
    impl Sealed for super::CaseRow {}
}

/// A row type of a GraphQL list, with its connection field and page type. Implemented by
/// [`CustomerRow`], [`ProposalRow`], [`PolicyRow`] and [`CaseRow`].
#[allow(private_interfaces)]
pub trait Listing: DeserializeOwned + Send + 'static + sealed::Sealed {
    /// The page type.
    type Page: Send + 'static;
    /// The query text, with `$first $after $last $before $filter $order` variables.
    const QUERY: &'static str;
    /// The connection field the answer sits under.
    const FIELD: &'static str;
    /// Builds a page.
    #[doc(hidden)]
    fn page(connection: Connection<Self>) -> Self::Page;
    /// The cursors of a page and how many rows it has.
    fn info(page: &Self::Page) -> (&PageInfo, usize);
    /// The rows of a page.
    fn into_rows(page: Self::Page) -> Vec<Self>;
}

macro_rules! listing {
    ($row:ty, $page:ident, $field:literal, $filter:literal, $sort:literal, $fields:expr) => {
        impl Listing for $row {
            type Page = $page;
            const QUERY: &'static str = concat!(
                "query List($first: Int, $after: String, $last: Int, $before: String, $filter: ",
                $filter,
                ", $order: [",
                $sort,
                "!]) { ",
                $field,
                "(first: $first, after: $after, last: $last, before: $before, filter: $filter, order: $order) ",
                "{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { ",
                $fields,
                " agentBranchId agentBranch { id name parentId parentName } } } }"
            );
            const FIELD: &'static str = $field;

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
        }
    };
}

listing!(
    CustomerRow,
    CustomerPage,
    "customersNew",
    "CustomerFilterInput",
    "CustomerSortInput",
    "id name identityNumber primaryEmail primaryPhoneNumber city district birthDate type createdAt"
);
listing!(
    ProposalRow,
    ProposalPage,
    "proposalsNew",
    "ProposalFilterInput",
    "ProposalSortInput",
    "id state productBranch channel createdAt insuredCustomerName insuredCustomerIdentityNumber \
     lowestPremium highestPremium successRate productsCount succeedProductsCount vehiclePlate \
     vehicleModelName"
);
listing!(
    PolicyRow,
    PolicyPage,
    "policiesNew",
    "PolicyFilterInput",
    "PolicySortInput",
    "id state productBranch insuranceCompanyName insuranceCompanyPolicyNumber productName \
     grossPremium netPremium commission startDate endDate arrangementDate insuredCustomerName \
     insuredCustomerIdentityNumber vehiclePlate createdAt"
);
listing!(
    CaseRow,
    CasePage,
    "casesNew",
    "CaseFilterInput",
    "CaseSortInput",
    "id ref type status mainState subState customerId customerName productBranch channel createdAt"
);

#[cfg(test)]
mod tests {
    use super::*;

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
