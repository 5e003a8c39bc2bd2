//! GraphQL at `/graphql` and `/api/graphql`: Relay connections (`customersNew`, `proposalsNew`,
//! `policiesNew`, `casesNew` and the B2B guide's `get*New` names) and the legacy offset `cases` query.

mod ops;
mod types;

use std::time::Instant;

use async_graphql::{
    Context, EmptyMutation, EmptySubscription, ErrorExtensions, Object, OutputType, Schema,
    SimpleObject,
};
use axum::extract::{Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use base64::Engine;

use self::ops::{SortEnumType, SortKey};
use self::types::{
    CaseFilter, CaseNode, CaseSort, CustomerFilter, CustomerNode, CustomerSort, PolicyFilter,
    PolicyNode, PolicySort, ProposalFilter, ProposalNode, ProposalSort, case_key, customer_key,
    policy_key, proposal_key,
};
use crate::app::AppState;
use crate::config::SandboxConfig;
use crate::extract::{read_body, require_json};
use crate::middleware::current_trace_id;
use crate::problem::Problem;
use crate::store::State as Data;

pub type SandboxSchema = Schema<Query, EmptyMutation, EmptySubscription>;

const DEFAULT_PAGE: usize = 50;

pub fn schema(_config: &SandboxConfig) -> SandboxSchema {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .limit_depth(20)
        .limit_complexity(5_000)
        .limit_recursive_depth(32)
        .finish()
}

#[derive(SimpleObject, Clone, Debug)]
pub struct PageInfo {
    has_next_page: bool,
    has_previous_page: bool,
    start_cursor: Option<String>,
    end_cursor: Option<String>,
}

/// One page of rows before it takes its GraphQL connection type.
pub struct Page<N> {
    total_count: i32,
    page_info: PageInfo,
    cursors: Vec<String>,
    nodes: Vec<N>,
}

/// Declares `XConnection { totalCount pageInfo edges { cursor node } nodes }` and its edge type.
macro_rules! connection_type {
    ($connection:ident, $edge:ident, $node:ty) => {
        #[derive(SimpleObject, Clone, Debug)]
        pub struct $edge {
            cursor: String,
            node: $node,
        }

        #[derive(SimpleObject, Clone, Debug)]
        pub struct $connection {
            total_count: i32,
            page_info: PageInfo,
            edges: Vec<$edge>,
            nodes: Vec<$node>,
        }

        impl From<Page<$node>> for $connection {
            fn from(page: Page<$node>) -> Self {
                let edges = page
                    .cursors
                    .into_iter()
                    .zip(page.nodes.iter().cloned())
                    .map(|(cursor, node)| $edge { cursor, node })
                    .collect();
                Self {
                    total_count: page.total_count,
                    page_info: page.page_info,
                    edges,
                    nodes: page.nodes,
                }
            }
        }
    };
}

connection_type!(CustomersNewConnection, CustomersNewEdge, CustomerNode);
connection_type!(ProposalsNewConnection, ProposalsNewEdge, ProposalNode);
connection_type!(PoliciesNewConnection, PoliciesNewEdge, PolicyNode);
connection_type!(CasesNewConnection, CasesNewEdge, CaseNode);

#[derive(SimpleObject, Clone, Debug)]
pub struct CollectionSegmentInfo {
    has_next_page: bool,
    has_previous_page: bool,
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(concrete(name = "CasesCollectionSegment", params(CaseNode)))]
#[graphql(concrete(name = "CustomersCollectionSegment", params(CustomerNode)))]
#[graphql(concrete(name = "ProposalsCollectionSegment", params(ProposalNode)))]
#[graphql(concrete(name = "PoliciesCollectionSegment", params(PolicyNode)))]
pub struct Segment<N: OutputType + Clone> {
    total_count: i32,
    items: Vec<N>,
    page_info: CollectionSegmentInfo,
}

fn error(code: &'static str, message: impl Into<String>) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, e| e.set("code", code))
}

fn encode_cursor(id: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("cursor:{id}"))
}

fn decode_cursor(cursor: &str) -> async_graphql::Result<String> {
    base64::engine::general_purpose::STANDARD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("cursor:").map(str::to_owned))
        .ok_or_else(|| {
            error(
                "BAD_REQUEST",
                format!("'{cursor}' is not a cursor issued by this server"),
            )
        })
}

struct Paging {
    first: Option<i32>,
    after: Option<String>,
    last: Option<i32>,
    before: Option<String>,
}

fn page_size(value: Option<i32>, name: &str, max: usize) -> async_graphql::Result<Option<usize>> {
    match value {
        None => Ok(None),
        Some(n) if n < 0 => Err(error(
            "BAD_REQUEST",
            format!("'{name}' must not be negative"),
        )),
        Some(n) if usize::try_from(n).unwrap_or(usize::MAX) > max => Err(error(
            "BAD_REQUEST",
            format!("'{name}' must not exceed {max}"),
        )),
        Some(n) => Ok(usize::try_from(n).ok()),
    }
}

/// Filters, orders (default: newest first) and returns the matching rows.
fn select<'a, T>(
    rows: impl DoubleEndedIterator<Item = &'a T>,
    keep: impl Fn(&T) -> bool,
    order: &[(&'static str, SortEnumType)],
    key: fn(&'a T, &str) -> SortKey<'a>,
    id: fn(&T) -> &str,
) -> Vec<&'a T> {
    // Rows are stored oldest first, so newest-first is a reverse walk with no sort.
    let mut out: Vec<&'a T> = rows.rev().filter(|r| keep(r)).collect();
    if !order.is_empty() {
        out.sort_by(|a, b| {
            for (field, dir) in order {
                let ord = key(a, field).compare(&key(b, field));
                let ord = if *dir == SortEnumType::Desc {
                    ord.reverse()
                } else {
                    ord
                };
                if ord.is_ne() {
                    return ord;
                }
            }
            id(a).cmp(id(b))
        });
    }
    out
}

fn connection<T, N>(
    rows: &[&T],
    paging: Paging,
    max: usize,
    id: fn(&T) -> &str,
    node: impl Fn(&T) -> N,
) -> async_graphql::Result<Page<N>> {
    let first = page_size(paging.first, "first", max)?;
    let last = page_size(paging.last, "last", max)?;
    let position = |cursor: &str| -> async_graphql::Result<usize> {
        let target = decode_cursor(cursor)?;
        rows.iter().position(|r| id(r) == target).ok_or_else(|| {
            error(
                "BAD_REQUEST",
                "the cursor's row is no longer in this result",
            )
        })
    };
    let mut start = 0;
    let mut end = rows.len();
    if let Some(after) = &paging.after {
        start = position(after)? + 1;
    }
    if let Some(before) = &paging.before {
        end = position(before)?;
    }
    end = end.max(start);
    if let Some(n) = first {
        end = end.min(start + n);
    }
    if let Some(n) = last {
        start = start.max(end.saturating_sub(n));
    }
    if first.is_none() && last.is_none() {
        end = end.min(start + DEFAULT_PAGE);
    }
    let nodes: Vec<N> = rows[start..end].iter().map(|r| node(r)).collect();
    let cursors: Vec<String> = rows[start..end]
        .iter()
        .map(|r| encode_cursor(id(r)))
        .collect();
    Ok(Page {
        total_count: i32::try_from(rows.len()).unwrap_or(i32::MAX),
        page_info: PageInfo {
            has_next_page: end < rows.len(),
            has_previous_page: start > 0,
            start_cursor: cursors.first().cloned(),
            end_cursor: cursors.last().cloned(),
        },
        cursors,
        nodes,
    })
}

fn segment<T, N: OutputType + Clone>(
    rows: &[&T],
    skip: Option<i32>,
    take: Option<i32>,
    max: usize,
    node: impl Fn(&T) -> N,
) -> async_graphql::Result<Segment<N>> {
    let skip = usize::try_from(skip.unwrap_or(0))
        .map_err(|_| error("BAD_REQUEST", "'skip' must not be negative"))?;
    let take = page_size(take, "take", max)?.unwrap_or(DEFAULT_PAGE);
    let start = skip.min(rows.len());
    let end = (start + take).min(rows.len());
    Ok(Segment {
        total_count: i32::try_from(rows.len()).unwrap_or(i32::MAX),
        items: rows[start..end].iter().map(|r| node(r)).collect(),
        page_info: CollectionSegmentInfo {
            has_next_page: end < rows.len(),
            has_previous_page: start > 0,
        },
    })
}

fn sort_keys<S>(
    order: Option<Vec<S>>,
    order_by: Option<Vec<S>>,
    keys: fn(&S) -> Vec<(&'static str, SortEnumType)>,
) -> Vec<(&'static str, SortEnumType)> {
    order
        .or(order_by)
        .unwrap_or_default()
        .iter()
        .flat_map(keys)
        .collect()
}

fn app<'c>(ctx: &Context<'c>) -> async_graphql::Result<&'c AppState> {
    ctx.data::<AppState>()
}

fn customers(
    ctx: &Context<'_>,
    paging: Paging,
    filter: Option<CustomerFilter>,
    order: Vec<(&'static str, SortEnumType)>,
) -> async_graphql::Result<CustomersNewConnection> {
    let app = app(ctx)?;
    app.store.with(|data: &mut Data| {
        let data = &*data;
        let rows = select(
            data.customers.iter(),
            |c| filter.as_ref().is_none_or(|f| f.matches(c)),
            &order,
            customer_key,
            |c| &c.id,
        );
        connection(
            &rows,
            paging,
            app.config.max_page_size,
            |c| &c.id,
            |c| CustomerNode::build(c, data),
        )
        .map(Into::into)
    })
}

fn proposals(
    ctx: &Context<'_>,
    paging: Paging,
    filter: Option<ProposalFilter>,
    order: Vec<(&'static str, SortEnumType)>,
) -> async_graphql::Result<ProposalsNewConnection> {
    let app = app(ctx)?;
    app.store.with(|data: &mut Data| {
        data.settle_all(Instant::now());
        let data = &*data;
        let rows = select(
            data.proposals.iter(),
            |p| filter.as_ref().is_none_or(|f| f.matches(p)),
            &order,
            proposal_key,
            |p| &p.id,
        );
        connection(
            &rows,
            paging,
            app.config.max_page_size,
            |p| &p.id,
            |p| ProposalNode::build(p, data),
        )
        .map(Into::into)
    })
}

fn policies(
    ctx: &Context<'_>,
    paging: Paging,
    filter: Option<PolicyFilter>,
    order: Vec<(&'static str, SortEnumType)>,
) -> async_graphql::Result<PoliciesNewConnection> {
    let app = app(ctx)?;
    app.store.with(|data: &mut Data| {
        let data = &*data;
        let rows = select(
            data.policies.iter(),
            |p| filter.as_ref().is_none_or(|f| f.matches(p)),
            &order,
            policy_key,
            |p| &p.id,
        );
        connection(
            &rows,
            paging,
            app.config.max_page_size,
            |p| &p.id,
            |p| PolicyNode::build(p, data),
        )
        .map(Into::into)
    })
}

fn cases_page(
    ctx: &Context<'_>,
    paging: Paging,
    filter: Option<CaseFilter>,
    order: Vec<(&'static str, SortEnumType)>,
) -> async_graphql::Result<CasesNewConnection> {
    let app = app(ctx)?;
    app.store.with(|data: &mut Data| {
        let data = &*data;
        let rows = select(
            data.cases.iter(),
            |c| filter.as_ref().is_none_or(|f| f.matches(c)),
            &order,
            case_key,
            |c| &c.id,
        );
        connection(
            &rows,
            paging,
            app.config.max_page_size,
            |c| &c.id,
            |c| CaseNode::build(c, data),
        )
        .map(Into::into)
    })
}

#[derive(Debug, Default)]
pub struct Query;

/// Connection arguments are spelt out per field so the SDL documents them; `orderBy` is a synonym of
/// `order`, and each `xNew` field has a `getXNew` twin as the B2B guide names it.
#[Object]
impl Query {
    #[allow(clippy::too_many_arguments)]
    async fn customers_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<CustomerFilter>,
        order: Option<Vec<CustomerSort>>,
        order_by: Option<Vec<CustomerSort>>,
    ) -> async_graphql::Result<CustomersNewConnection> {
        customers(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, CustomerSort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn get_customers_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<CustomerFilter>,
        order: Option<Vec<CustomerSort>>,
        order_by: Option<Vec<CustomerSort>>,
    ) -> async_graphql::Result<CustomersNewConnection> {
        customers(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, CustomerSort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn proposals_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<ProposalFilter>,
        order: Option<Vec<ProposalSort>>,
        order_by: Option<Vec<ProposalSort>>,
    ) -> async_graphql::Result<ProposalsNewConnection> {
        proposals(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, ProposalSort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn get_proposals_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<ProposalFilter>,
        order: Option<Vec<ProposalSort>>,
        order_by: Option<Vec<ProposalSort>>,
    ) -> async_graphql::Result<ProposalsNewConnection> {
        proposals(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, ProposalSort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn policies_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<PolicyFilter>,
        order: Option<Vec<PolicySort>>,
        order_by: Option<Vec<PolicySort>>,
    ) -> async_graphql::Result<PoliciesNewConnection> {
        policies(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, PolicySort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn get_policies_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<PolicyFilter>,
        order: Option<Vec<PolicySort>>,
        order_by: Option<Vec<PolicySort>>,
    ) -> async_graphql::Result<PoliciesNewConnection> {
        policies(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, PolicySort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn cases_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<CaseFilter>,
        order: Option<Vec<CaseSort>>,
        order_by: Option<Vec<CaseSort>>,
    ) -> async_graphql::Result<CasesNewConnection> {
        cases_page(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, CaseSort::keys),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn get_cases_new(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        filter: Option<CaseFilter>,
        order: Option<Vec<CaseSort>>,
        order_by: Option<Vec<CaseSort>>,
    ) -> async_graphql::Result<CasesNewConnection> {
        cases_page(
            ctx,
            Paging {
                first,
                after,
                last,
                before,
            },
            filter,
            sort_keys(order, order_by, CaseSort::keys),
        )
    }

    /// Legacy offset paging, as the documented open-case check uses it.
    async fn cases(
        &self,
        ctx: &Context<'_>,
        skip: Option<i32>,
        take: Option<i32>,
        #[graphql(name = "where")] filter: Option<CaseFilter>,
        order: Option<Vec<CaseSort>>,
    ) -> async_graphql::Result<Segment<CaseNode>> {
        let app = app(ctx)?;
        let order = sort_keys(order, None, CaseSort::keys);
        app.store.with(|data: &mut Data| {
            let data = &*data;
            let rows = select(
                data.cases.iter(),
                |c| filter.as_ref().is_none_or(|f| f.matches(c)),
                &order,
                case_key,
                |c| &c.id,
            );
            segment(&rows, skip, take, app.config.max_page_size, |c| {
                CaseNode::build(c, data)
            })
        })
    }

    /// Legacy offset paging over customers.
    async fn customers(
        &self,
        ctx: &Context<'_>,
        skip: Option<i32>,
        take: Option<i32>,
        #[graphql(name = "where")] filter: Option<CustomerFilter>,
        order: Option<Vec<CustomerSort>>,
    ) -> async_graphql::Result<Segment<CustomerNode>> {
        let app = app(ctx)?;
        let order = sort_keys(order, None, CustomerSort::keys);
        app.store.with(|data: &mut Data| {
            let data = &*data;
            let rows = select(
                data.customers.iter(),
                |c| filter.as_ref().is_none_or(|f| f.matches(c)),
                &order,
                customer_key,
                |c| &c.id,
            );
            segment(&rows, skip, take, app.config.max_page_size, |c| {
                CustomerNode::build(c, data)
            })
        })
    }

    /// Legacy offset paging over proposals.
    async fn proposals(
        &self,
        ctx: &Context<'_>,
        skip: Option<i32>,
        take: Option<i32>,
        #[graphql(name = "where")] filter: Option<ProposalFilter>,
        order: Option<Vec<ProposalSort>>,
    ) -> async_graphql::Result<Segment<ProposalNode>> {
        let app = app(ctx)?;
        let order = sort_keys(order, None, ProposalSort::keys);
        app.store.with(|data: &mut Data| {
            data.settle_all(Instant::now());
            let data = &*data;
            let rows = select(
                data.proposals.iter(),
                |p| filter.as_ref().is_none_or(|f| f.matches(p)),
                &order,
                proposal_key,
                |p| &p.id,
            );
            segment(&rows, skip, take, app.config.max_page_size, |p| {
                ProposalNode::build(p, data)
            })
        })
    }

    /// Legacy offset paging over policies.
    async fn policies(
        &self,
        ctx: &Context<'_>,
        skip: Option<i32>,
        take: Option<i32>,
        #[graphql(name = "where")] filter: Option<PolicyFilter>,
        order: Option<Vec<PolicySort>>,
    ) -> async_graphql::Result<Segment<PolicyNode>> {
        let app = app(ctx)?;
        let order = sort_keys(order, None, PolicySort::keys);
        app.store.with(|data: &mut Data| {
            let data = &*data;
            let rows = select(
                data.policies.iter(),
                |p| filter.as_ref().is_none_or(|f| f.matches(p)),
                &order,
                policy_key,
                |p| &p.id,
            );
            segment(&rows, skip, take, app.config.max_page_size, |p| {
                PolicyNode::build(p, data)
            })
        })
    }
}

/// `POST /graphql`: JSON `{query, variables, operationName}`; errors carry `extensions.code` and `traceId`.
pub async fn execute(State(app): State<AppState>, request: Request) -> Response {
    if let Err(problem) = require_json(request.headers()) {
        return problem.into_response();
    }
    let bytes = match read_body(request, &()).await {
        Ok(bytes) => bytes,
        Err(problem) => return problem.into_response(),
    };
    let gql = match crate::extract::parse_json::<GraphqlBody>(&bytes) {
        Ok(body) => body.into_request(),
        Err(problem) => return problem.into_response(),
    };
    let mut response = app.schema.execute(gql.data(app.clone())).await;
    let trace_id = current_trace_id();
    for err in &mut response.errors {
        let extensions = err.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", "VALIDATION_ERROR");
        }
        extensions.set("traceId", trace_id.as_str());
    }
    match serde_json::to_vec(&response) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => Problem::internal(format!("GraphQL yanıtı oluşturulamadı: {e}")).into_response(),
    }
}

/// A GraphQL-over-HTTP request body. Parsed strictly, like every other body: a missing `query` or
/// a misspelt member (`varibles`) is a 400 naming it, not a query run without it.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GraphqlBody {
    query: String,
    #[serde(default)]
    operation_name: Option<String>,
    #[serde(default)]
    variables: Option<async_graphql::Variables>,
    /// Client extensions (tracing, persisted-query hashes) are accepted and ignored.
    #[serde(default, rename = "extensions")]
    _extensions: Option<serde::de::IgnoredAny>,
}

impl GraphqlBody {
    fn into_request(self) -> async_graphql::Request {
        let mut request = async_graphql::Request::new(self.query);
        if let Some(name) = self.operation_name {
            request = request.operation_name(name);
        }
        if let Some(variables) = self.variables {
            request = request.variables(variables);
        }
        request
    }
}

/// `GET /graphql/schema`: the SDL, no auth.
pub async fn sdl(State(app): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        app.schema.sdl(),
    )
        .into_response()
}
