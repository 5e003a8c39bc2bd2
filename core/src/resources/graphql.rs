use std::collections::VecDeque;
use std::marker::PhantomData;

use futures::Stream;
use serde::Deserialize;

use crate::client::Client;
use crate::dialect::{Dialect, refused_for_spelling};
use crate::error::{Error, GraphQlError, Result, deserialize_errors};
use crate::graphql::{
    AgentUserPage, AgentUserRow, CasePage, CaseRow, Connection, CustomerPage, CustomerRow,
    ExpandedPolicyPage, ExpandedPolicyRow, ListQuery, Listing, PolicyPage, PolicyRow,
    PolicyTransferPage, PolicyTransferRow, ProposalPage, ProposalRow, WebhookDeliveryPage,
    WebhookDeliveryRow,
};
use crate::transport::Request;

/// GraphQL lists (`POST /graphql`): one page at a time, or every row as a lazy stream.
#[derive(Debug, Clone)]
pub struct Graphql {
    client: Client,
    /// Select `totalCount` (the vendor client's `includeTotalCount`, on by default).
    include_total_count: bool,
}

#[derive(Deserialize)]
struct Answer {
    data: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "deserialize_errors")]
    errors: Vec<GraphQlError>,
}

impl Graphql {
    pub(crate) fn new(client: Client) -> Self {
        Graphql {
            client,
            include_total_count: true,
        }
    }

    /// The same lists without their total count (`includeTotalCount: false`): the server
    /// counts the whole filtered list for every page, which a CRM paging through everything
    /// does not need. Pages then have `total_count: None`.
    pub fn without_total_count(&self) -> Graphql {
        Graphql {
            client: self.client.clone(),
            include_total_count: false,
        }
    }

    /// Whether pages carry the list's total count (see [`Graphql::without_total_count`]).
    pub fn includes_total_count(&self) -> bool {
        self.include_total_count
    }

    /// Runs any query or mutation and returns its `data`. GraphQL `errors[]` become the same
    /// error kinds as REST errors (from `extensions.code`); data that came with them stays
    /// available through [`Error::partial_data`]. Queries are reads, so failed attempts are
    /// retried; a document with a mutation is retried only when it provably never arrived. The
    /// query is sent to the GraphQL endpoint of the server's dialect, as written. `variables`
    /// is an object; `null` means none and is sent as `{}`, the same from every language.
    pub async fn execute(
        &self,
        query: &str,
        variables: serde_json::Value,
    ) -> Result<serde_json::Value> {
        if query.trim().is_empty() {
            return Err(Error::validation("query", "must not be empty"));
        }
        let variables = match variables {
            serde_json::Value::Null => serde_json::Value::Object(serde_json::Map::new()),
            object @ serde_json::Value::Object(_) => object,
            _ => return Err(Error::validation("variables", "must be an object")),
        };
        self.discover().await;
        let dialects = self.client.dialects();
        let dialect = dialects.current();
        match self.run(dialect, query, variables.clone()).await {
            // The other endpoint path (`/graphql` or `/api/graphql`), once.
            Err(error) if error.status() == Some(404) && !dialects.is_explicit() => {
                let other = Dialect::ALL
                    .into_iter()
                    .find(|d| d.graphql_path() != dialect.graphql_path())
                    .unwrap_or(dialect);
                let data = self.run(other, query, variables).await?;
                dialects.settle(other);
                Ok(data)
            }
            outcome => outcome,
        }
    }

    /// Posts `query` to `dialect`'s endpoint.
    async fn run(
        &self,
        dialect: Dialect,
        query: &str,
        variables: serde_json::Value,
    ) -> Result<serde_json::Value> {
        let body = serde_json::json!({ "query": query, "variables": variables });
        let path = dialect.graphql_path();
        let mut request = Request::post(path, path).json(&body)?;
        if !crate::graphql::has_mutation(query) {
            request = request.idempotent();
        }
        let answer: Answer = self.client.call(request).await?;
        data_of(answer)
    }

    /// Reads the server's schema once per client (`GET /graphql/schema`, anonymous) to learn its
    /// dialect. A server that does not serve it is found out by trying the dialects in turn.
    async fn discover(&self) {
        let client = &self.client;
        client
            .dialects()
            .discover(|| async {
                for path in ["/graphql/schema", "/api/graphql/schema"] {
                    let request = Request::get(path, path).anonymous();
                    if let Ok(answer) = client.send(request).await {
                        return Some(String::from_utf8_lossy(&answer.body).into_owned());
                    }
                }
                None
            })
            .await;
    }

    async fn page<R: Listing>(&self, query: &ListQuery) -> Result<R::Page> {
        query.validate()?;
        self.discover().await;
        let dialects = self.client.dialects();
        let mut refused = None;
        for dialect in dialects.candidates() {
            let request = match R::SPEC.request_counting(dialect, query, self.include_total_count) {
                Ok(request) => request,
                // A later dialect that cannot spell this query does not hide why the server
                // refused the earlier ones.
                Err(error) => return Err(refused.unwrap_or(error)),
            };
            match self.run(dialect, &request.text, request.variables).await {
                Ok(data) => {
                    dialects.settle(dialect);
                    return page_of::<R>(&data, &request.root, request.offset);
                }
                Err(error) if refused_for_spelling(&error) => {
                    tracing::debug!(%dialect, "the server refused this dialect's list query");
                    refused.get_or_insert(error);
                }
                Err(error) => return Err(error),
            }
        }
        Err(refused.unwrap_or_else(|| {
            Error::new(
                crate::ErrorKind::BadRequest,
                "no dialect's list query was accepted",
            )
        }))
    }

    /// One page of customers (`customersNew`).
    pub async fn customers(&self, query: &ListQuery) -> Result<CustomerPage> {
        self.page::<CustomerRow>(query).await
    }

    /// One page of proposals (`proposalsNew`).
    pub async fn proposals(&self, query: &ListQuery) -> Result<ProposalPage> {
        self.page::<ProposalRow>(query).await
    }

    /// One page of policies (`policiesNew`).
    pub async fn policies(&self, query: &ListQuery) -> Result<PolicyPage> {
        self.page::<PolicyRow>(query).await
    }

    /// One page of cases (`casesNew`).
    pub async fn cases(&self, query: &ListQuery) -> Result<CasePage> {
        self.page::<CaseRow>(query).await
    }

    /// Every customer matching `query`, row by row, fetched a page at a time; resumable after
    /// an error (see [`RowCursor`]).
    pub fn customer_rows(&self, query: ListQuery) -> RowCursor<CustomerRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every proposal matching `query`, row by row.
    pub fn proposal_rows(&self, query: ListQuery) -> RowCursor<ProposalRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every policy matching `query`, row by row.
    pub fn policy_rows(&self, query: ListQuery) -> RowCursor<PolicyRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every case matching `query`, row by row.
    pub fn case_rows(&self, query: ListQuery) -> RowCursor<CaseRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every customer matching `query`, fetched page by page as the stream is read.
    pub fn customers_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<CustomerRow>> + Send + use<> {
        self.rows(query)
    }

    /// Every proposal matching `query`, fetched page by page as the stream is read.
    pub fn proposals_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<ProposalRow>> + Send + use<> {
        self.rows(query)
    }

    /// Every policy matching `query`, fetched page by page as the stream is read. Memory stays
    /// bounded by one page however long the list is.
    pub fn policies_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<PolicyRow>> + Send + use<> {
        self.rows(query)
    }

    /// Every case matching `query`, fetched page by page as the stream is read.
    pub fn cases_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<CaseRow>> + Send + use<> {
        self.rows(query)
    }

    /// Customer pages one by one; what the bindings wrap into their iterators.
    pub fn customer_pages(&self, query: ListQuery) -> GraphqlPages<CustomerRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// Proposal pages one by one.
    pub fn proposal_pages(&self, query: ListQuery) -> GraphqlPages<ProposalRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// Policy pages one by one.
    pub fn policy_pages(&self, query: ListQuery) -> GraphqlPages<PolicyRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// Case pages one by one.
    pub fn case_pages(&self, query: ListQuery) -> GraphqlPages<CaseRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// One page of policy versions (`policiesExpanded`): a row per policy as issued and per
    /// endorsement, with what each changed.
    pub async fn policies_expanded(&self, query: &ListQuery) -> Result<ExpandedPolicyPage> {
        self.page::<ExpandedPolicyRow>(query).await
    }

    /// One page of the agency's users (`agentUsersNew`).
    pub async fn agent_users(&self, query: &ListQuery) -> Result<AgentUserPage> {
        self.page::<AgentUserRow>(query).await
    }

    /// One page of policy transfers (`policyTransfersNew`).
    pub async fn policy_transfers(&self, query: &ListQuery) -> Result<PolicyTransferPage> {
        self.page::<PolicyTransferRow>(query).await
    }

    /// One page of webhook deliveries (`webhookDeliveriesNew`).
    pub async fn webhook_deliveries(&self, query: &ListQuery) -> Result<WebhookDeliveryPage> {
        self.page::<WebhookDeliveryRow>(query).await
    }

    /// Every policy version matching `query`, row by row.
    pub fn policies_expanded_rows(&self, query: ListQuery) -> RowCursor<ExpandedPolicyRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every agent user matching `query`, row by row.
    pub fn agent_user_rows(&self, query: ListQuery) -> RowCursor<AgentUserRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every policy transfer matching `query`, row by row.
    pub fn policy_transfer_rows(&self, query: ListQuery) -> RowCursor<PolicyTransferRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every webhook delivery matching `query`, row by row.
    pub fn webhook_delivery_rows(&self, query: ListQuery) -> RowCursor<WebhookDeliveryRow> {
        RowCursor::new(self.clone(), query)
    }

    /// Every policy version matching `query`, fetched page by page as the stream is read.
    pub fn policies_expanded_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<ExpandedPolicyRow>> + Send + use<> {
        self.rows(query)
    }

    /// Every agent user matching `query`, fetched page by page as the stream is read.
    pub fn agent_users_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<AgentUserRow>> + Send + use<> {
        self.rows(query)
    }

    /// Every policy transfer matching `query`, fetched page by page as the stream is read.
    pub fn policy_transfers_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<PolicyTransferRow>> + Send + use<> {
        self.rows(query)
    }

    /// Every webhook delivery matching `query`, fetched page by page as the stream is read.
    pub fn webhook_deliveries_stream(
        &self,
        query: ListQuery,
    ) -> impl Stream<Item = Result<WebhookDeliveryRow>> + Send + use<> {
        self.rows(query)
    }

    /// Policy version pages one by one.
    pub fn policies_expanded_pages(&self, query: ListQuery) -> GraphqlPages<ExpandedPolicyRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// Agent user pages one by one.
    pub fn agent_user_pages(&self, query: ListQuery) -> GraphqlPages<AgentUserRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// Policy transfer pages one by one.
    pub fn policy_transfer_pages(&self, query: ListQuery) -> GraphqlPages<PolicyTransferRow> {
        GraphqlPages::new(self.clone(), query)
    }

    /// Webhook delivery pages one by one.
    pub fn webhook_delivery_pages(&self, query: ListQuery) -> GraphqlPages<WebhookDeliveryRow> {
        GraphqlPages::new(self.clone(), query)
    }

    fn rows<R: Listing>(&self, query: ListQuery) -> impl Stream<Item = Result<R>> + Send + use<R> {
        RowCursor::<R>::new(self.clone(), query).into_stream()
    }
}

/// Reads a list row by row, fetching a page whenever the rows already fetched run out. Holds
/// one page at most, however long the list.
///
/// After an error every row before it has been returned: call [`RowCursor::next`] again to
/// retry the failed page, or start a new query from [`RowCursor::resume_cursor`] later (even in
/// another process) with `ListQuery::after(cursor)`.
#[derive(Debug)]
pub struct RowCursor<R> {
    pages: GraphqlPages<R>,
    buffer: VecDeque<R>,
    delivered_through: Option<String>,
}

impl<R: Listing> RowCursor<R> {
    fn new(graphql: Graphql, query: ListQuery) -> Self {
        let delivered_through = query.after.clone().or_else(|| query.before.clone());
        RowCursor {
            pages: GraphqlPages::new(graphql, query),
            buffer: VecDeque::new(),
            delivered_through,
        }
    }

    /// The next row, or `None` after the last one.
    pub async fn next(&mut self) -> Result<Option<R>> {
        loop {
            if let Some(row) = self.buffer.pop_front() {
                return Ok(Some(row));
            }
            self.delivered_through = self.pages.cursor().map(str::to_owned);
            match self.pages.next_page().await? {
                Some(page) => self.buffer.extend(R::into_rows(page)),
                None => return Ok(None),
            }
        }
    }

    /// Up to `limit` next rows (fewer at the end of the list); no more than one page is fetched.
    pub async fn next_batch(&mut self, limit: usize) -> Result<Vec<R>> {
        if self.buffer.is_empty()
            && let Some(row) = self.next().await?
        {
            self.buffer.push_front(row);
        }
        let take = limit.min(self.buffer.len());
        Ok(self.buffer.drain(..take).collect())
    }

    /// The cursor after the last page whose rows have all been returned: where a new query
    /// resumes without repeating or skipping a row once the rows fetched so far are read.
    pub fn resume_cursor(&self) -> Option<&str> {
        self.delivered_through.as_deref()
    }

    /// The rows as a stream that ends after the first error.
    pub fn into_stream(self) -> impl Stream<Item = Result<R>> + Send + use<R> {
        futures::stream::try_unfold(self, |mut cursor| async move {
            Ok(cursor.next().await?.map(|row| (row, cursor)))
        })
    }
}

/// Walks a list one page at a time, following `endCursor` (or `startCursor` when paging
/// backwards with `last`). Holds one cursor, never the rows already returned.
#[derive(Debug)]
pub struct GraphqlPages<R> {
    graphql: Graphql,
    query: ListQuery,
    done: bool,
    rows: PhantomData<fn() -> R>,
}

impl<R: Listing> GraphqlPages<R> {
    fn new(graphql: Graphql, query: ListQuery) -> Self {
        GraphqlPages {
            graphql,
            query,
            done: false,
            rows: PhantomData,
        }
    }

    /// The next page, or `None` after the last one. A failed page can be asked for again.
    pub async fn next_page(&mut self) -> Result<Option<R::Page>> {
        if self.done {
            return Ok(None);
        }
        let page = self.graphql.page::<R>(&self.query).await?;
        let (info, row_count) = R::info(&page);
        let backwards = self.query.last.is_some();
        let (more, cursor) = if backwards {
            (info.has_previous_page, info.start_cursor.clone())
        } else {
            (info.has_next_page, info.end_cursor.clone())
        };
        let next = cursor.filter(|_| more && row_count > 0);
        if next.is_some() && next.as_deref() == self.cursor() {
            // Following it would fetch this page again, forever.
            self.done = true;
            return Err(Error::new(
                crate::ErrorKind::Decode,
                format!(
                    "the server answered the {} list with the same cursor it was given; stopping \
                     instead of reading the same page forever",
                    R::SPEC.plural
                ),
            )
            .with_reached_server(true));
        }
        match next {
            Some(cursor) if backwards => self.query.before = Some(cursor),
            Some(cursor) => self.query.after = Some(cursor),
            None => self.done = true,
        }
        Ok(Some(page))
    }

    /// The cursor the next page starts from (`after`, or `before` when paging backwards).
    pub fn cursor(&self) -> Option<&str> {
        if self.query.last.is_some() {
            self.query.before.as_deref()
        } else {
            self.query.after.as_deref()
        }
    }
}

/// The `data` of an answer, or its `errors[]` as one error.
fn data_of(answer: Answer) -> Result<serde_json::Value> {
    if !answer.errors.is_empty() {
        return Err(Error::from_graphql(answer.errors, answer.data));
    }
    answer
        .data
        .ok_or_else(|| Error::new(crate::ErrorKind::Decode, "the GraphQL answer had no data"))
}

/// The page under `root` of an answer's `data`; `offset` is set for the legacy offset query.
fn page_of<R: Listing>(
    data: &serde_json::Value,
    root: &str,
    offset: Option<u64>,
) -> Result<R::Page> {
    let mut connection = data.get(root).cloned().unwrap_or(serde_json::Value::Null);
    for list in ["nodes", "items"] {
        if let Some(serde_json::Value::Array(nodes)) = connection.get_mut(list) {
            nodes
                .iter_mut()
                .filter_map(serde_json::Value::as_object_mut)
                .for_each(R::normalize);
        }
    }
    if let Some(serde_json::Value::Array(edges)) = connection.get_mut("edges") {
        edges
            .iter_mut()
            .filter_map(|edge| edge.get_mut("node"))
            .filter_map(serde_json::Value::as_object_mut)
            .for_each(R::normalize);
    }
    let connection: Connection<R> = serde_json::from_value(connection)
        .map_err(|error| Error::decode(format!("unexpected {root} answer: {error}"), error))?;
    let connection = match offset {
        Some(offset) => connection.with_offset_cursors(offset),
        None => connection,
    };
    Ok(R::page(connection))
}

/// Decodes a whole GraphQL list answer the way [`Graphql`]'s page methods do, whichever
/// dialect's root field it is under. Public only so the fuzz targets reach the private decoding;
/// not part of the API.
#[doc(hidden)]
pub fn decode_list_answer<R: Listing>(body: &[u8]) -> Result<R::Page> {
    let answer: Answer = serde_json::from_slice(body)
        .map_err(|error| Error::decode("the GraphQL answer could not be decoded", error))?;
    let data = data_of(answer)?;
    let root = Dialect::ALL
        .into_iter()
        .filter_map(|dialect| {
            R::SPEC
                .request(dialect, &ListQuery::default())
                .ok()
                .map(|request| request.root)
        })
        .find(|root| data.get(root).is_some())
        .unwrap_or_default();
    page_of::<R>(&data, &root, None)
}
