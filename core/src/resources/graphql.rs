use std::collections::VecDeque;
use std::marker::PhantomData;

use futures::Stream;
use serde::Deserialize;

use crate::client::Client;
use crate::error::{Error, GraphQlError, Result};
use crate::graphql::{
    CasePage, CaseRow, Connection, CustomerPage, CustomerRow, ListQuery, Listing, PolicyPage,
    PolicyRow, ProposalPage, ProposalRow,
};
use crate::transport::Request;

/// GraphQL lists (`POST /graphql`): one page at a time, or every row as a lazy stream.
#[derive(Debug, Clone)]
pub struct Graphql {
    client: Client,
}

#[derive(Deserialize)]
struct Answer {
    data: Option<serde_json::Value>,
    #[serde(default)]
    errors: Vec<GraphQlError>,
}

impl Graphql {
    pub(crate) fn new(client: Client) -> Self {
        Graphql { client }
    }

    /// Runs any query and returns its `data`. GraphQL `errors[]` become the same error kinds as
    /// REST errors (from `extensions.code`); data that came with them stays available through
    /// [`Error::partial_data`]. Queries are reads, so failed attempts are retried.
    pub async fn execute(
        &self,
        query: &str,
        variables: serde_json::Value,
    ) -> Result<serde_json::Value> {
        if query.trim().is_empty() {
            return Err(Error::validation("query", "must not be empty"));
        }
        let body = serde_json::json!({ "query": query, "variables": variables });
        let request = Request::post("/graphql", "/graphql")
            .idempotent()
            .json(&body)?;
        let answer: Answer = self.client.call(request).await?;
        data_of(answer)
    }

    async fn page<R: Listing>(&self, query: &ListQuery) -> Result<R::Page> {
        query.validate()?;
        let data = self.execute(R::QUERY, query.variables()).await?;
        page_of::<R>(&data)
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

    fn rows<R: Listing>(&self, query: ListQuery) -> impl Stream<Item = Result<R>> + Send + use<R> {
        let pages = GraphqlPages::<R>::new(self.clone(), query);
        futures::stream::try_unfold(
            (pages, VecDeque::new()),
            |(mut pages, mut buffer)| async move {
                loop {
                    if let Some(row) = buffer.pop_front() {
                        return Ok(Some((row, (pages, buffer))));
                    }
                    match pages.next_page().await? {
                        Some(page) => buffer.extend(R::into_rows(page)),
                        None => return Ok(None),
                    }
                }
            },
        )
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
        match cursor.filter(|_| more && row_count > 0) {
            Some(cursor) if backwards => self.query.before = Some(cursor),
            Some(cursor) => self.query.after = Some(cursor),
            None => self.done = true,
        }
        Ok(Some(page))
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

/// The page under `R::FIELD` of an answer's `data`.
fn page_of<R: Listing>(data: &serde_json::Value) -> Result<R::Page> {
    let connection = data
        .get(R::FIELD)
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    let connection: Connection<R> = serde_json::from_value(connection).map_err(|error| {
        Error::decode(format!("unexpected {} answer: {error}", R::FIELD), error)
    })?;
    Ok(R::page(connection))
}

/// Decodes a whole GraphQL list answer the way [`Graphql`]'s page methods do. Public only so the
/// fuzz targets reach the private decoding; not part of the API.
#[doc(hidden)]
pub fn decode_list_answer<R: Listing>(body: &[u8]) -> Result<R::Page> {
    let answer: Answer = serde_json::from_slice(body)
        .map_err(|error| Error::decode("the GraphQL answer could not be decoded", error))?;
    page_of::<R>(&data_of(answer)?)
}
