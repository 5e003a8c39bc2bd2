use napi::bindgen_prelude::Object;
use napi::{Env, Result, Status};
use napi_derive::napi;
use tokio::sync::Mutex;

use insurup::graphql::{
    CasePage, CaseRow, CustomerPage, CustomerRow, PolicyPage, PolicyRow, ProposalPage, ProposalRow,
};
use insurup::{Filter, GraphqlPages, Order};

use crate::cancel::Cancellation;

/// Which rows to list and in which order.
#[derive(Debug)]
#[napi(object, js_name = "ListQuery")]
pub struct JsListQuery {
    /// Rows per page counting forward (default 50, at most 500).
    pub first: Option<u32>,
    /// Cursor to start after.
    pub after: Option<String>,
    /// Rows per page counting backward.
    pub last: Option<u32>,
    /// Cursor to end before.
    pub before: Option<String>,
    /// A HotChocolate filter, sent as is: `{ state: { eq: 'ACTIVE' } }`,
    /// `{ and: [{ grossPremium: { gte: 1000 } }, …] }`.
    #[napi(ts_type = "GraphqlFilter")]
    pub filter: Option<serde_json::Value>,
    /// Sort order, most significant first.
    pub order: Option<Vec<SortOrder>>,
}

/// One sort key.
#[derive(Debug)]
#[napi(object)]
pub struct SortOrder {
    /// Field, as the API names it (`grossPremium`).
    pub field: String,
    /// Direction.
    #[napi(ts_type = "'ASC' | 'DESC'")]
    pub direction: String,
}

impl TryFrom<JsListQuery> for insurup::ListQuery {
    type Error = napi::Error;

    fn try_from(query: JsListQuery) -> Result<Self> {
        let order = query
            .order
            .unwrap_or_default()
            .into_iter()
            .map(|key| match key.direction.as_str() {
                "ASC" => Ok(Order::asc(key.field)),
                "DESC" => Ok(Order::desc(key.field)),
                other => Err(napi::Error::new(
                    Status::InvalidArg,
                    format!("order direction must be 'ASC' or 'DESC', not {other:?}"),
                )),
            })
            .collect::<Result<_>>()?;
        Ok(insurup::ListQuery {
            first: query.first,
            after: query.after,
            last: query.last,
            before: query.before,
            filter: query.filter.map(Filter::from_json),
            order,
        })
    }
}

/// Options of a list stream.
#[allow(missing_debug_implementations)] // Read once on the JS thread; JS handles have no Debug.
#[napi(object, object_to_js = false)]
pub struct ListOptions<'env> {
    /// Stops the stream when it fires; the pending page rejects with an `AbortError`.
    #[napi(ts_type = "AbortSignal")]
    pub signal: Option<Object<'env>>,
}

fn list_args(
    env: &Env,
    query: Option<JsListQuery>,
    options: Option<ListOptions>,
) -> Result<(insurup::ListQuery, Cancellation)> {
    let query = query.map(insurup::ListQuery::try_from).transpose()?;
    let signal = options.as_ref().and_then(|options| options.signal.as_ref());
    Ok((
        query.unwrap_or_default(),
        Cancellation::from_signal(env, signal)?,
    ))
}

/// Declares the page-by-page class of one list; the package's `index.js` makes each one an async
/// iterable of pages and adds the row iterator (`client.graphql.policies(query)`).
macro_rules! pages_class {
    ($doc:literal, $class:ident, $row:ty, $page:ty) => {
        #[doc = $doc]
        #[derive(Debug)]
        #[napi]
        pub struct $class {
            pages: Mutex<GraphqlPages<$row>>,
            cancellation: Cancellation,
        }

        #[napi]
        impl $class {
            /// The next page, or `null` after the last one. A failed page can be asked for again.
            #[napi]
            pub async fn next_page(&self) -> Result<Option<$page>> {
                let mut pages = self.pages.lock().await;
                self.cancellation
                    .run(async { Ok(pages.next_page().await?) })
                    .await
            }
        }
    };
}

pages_class!(
    "Customer pages, one `nextPage()` at a time or with `for await`.",
    CustomerPages,
    CustomerRow,
    CustomerPage
);
pages_class!(
    "Proposal pages, one `nextPage()` at a time or with `for await`.",
    ProposalPages,
    ProposalRow,
    ProposalPage
);
pages_class!(
    "Policy pages, one `nextPage()` at a time or with `for await`.",
    PolicyPages,
    PolicyRow,
    PolicyPage
);
pages_class!(
    "Case pages, one `nextPage()` at a time or with `for await`.",
    CasePages,
    CaseRow,
    CasePage
);

/// GraphQL lists (`POST /graphql`). `customers`, `proposals`, `policies` and `cases` are async
/// iterables of rows that fetch page after page as they are read; the `…Pages` methods give
/// the pages themselves.
#[derive(Debug)]
#[napi]
pub struct Graphql(pub(crate) insurup::Graphql);

#[napi]
impl Graphql {
    /// Runs any query and returns its `data`. GraphQL `errors[]` become the same error classes as
    /// REST errors, with any partial data on the error's `partialData`.
    #[napi(
        ts_args_type = "query: string, variables?: Record<string, unknown>",
        ts_return_type = "Promise<unknown>"
    )]
    pub async fn execute(
        &self,
        query: String,
        variables: Option<serde_json::Value>,
    ) -> Result<serde_json::Value> {
        let variables = variables.unwrap_or_else(|| serde_json::json!({}));
        Ok(self.0.execute(&query, variables).await?)
    }

    /// Customer pages (`customersNew`).
    #[napi]
    pub fn customer_pages(
        &self,
        env: &Env,
        query: Option<JsListQuery>,
        options: Option<ListOptions>,
    ) -> Result<CustomerPages> {
        let (query, cancellation) = list_args(env, query, options)?;
        Ok(CustomerPages {
            pages: Mutex::new(self.0.customer_pages(query)),
            cancellation,
        })
    }

    /// Proposal pages (`proposalsNew`).
    #[napi]
    pub fn proposal_pages(
        &self,
        env: &Env,
        query: Option<JsListQuery>,
        options: Option<ListOptions>,
    ) -> Result<ProposalPages> {
        let (query, cancellation) = list_args(env, query, options)?;
        Ok(ProposalPages {
            pages: Mutex::new(self.0.proposal_pages(query)),
            cancellation,
        })
    }

    /// Policy pages (`policiesNew`).
    #[napi]
    pub fn policy_pages(
        &self,
        env: &Env,
        query: Option<JsListQuery>,
        options: Option<ListOptions>,
    ) -> Result<PolicyPages> {
        let (query, cancellation) = list_args(env, query, options)?;
        Ok(PolicyPages {
            pages: Mutex::new(self.0.policy_pages(query)),
            cancellation,
        })
    }

    /// Case pages (`casesNew`).
    #[napi]
    pub fn case_pages(
        &self,
        env: &Env,
        query: Option<JsListQuery>,
        options: Option<ListOptions>,
    ) -> Result<CasePages> {
        let (query, cancellation) = list_args(env, query, options)?;
        Ok(CasePages {
            pages: Mutex::new(self.0.case_pages(query)),
            cancellation,
        })
    }
}
