use napi::bindgen_prelude::{Object, Unknown};
use napi::{Env, Result};
use napi_derive::napi;
use tokio::sync::Mutex;

use insurup::graphql::{
    AgentUserPage, AgentUserRow, CasePage, CaseRow, CustomerPage, CustomerRow, ExpandedPolicyPage,
    ExpandedPolicyRow, PolicyPage, PolicyRow, PolicyTransferPage, PolicyTransferRow, ProposalPage,
    ProposalRow, WebhookDeliveryPage, WebhookDeliveryRow,
};
use insurup::{GraphqlPages, ListOptions, ListQuery, RowCursor};

use crate::cancel::Cancellation;
use crate::read;

/// What a list takes beside the core's `ListOptions`, in the same object.
#[allow(missing_debug_implementations)] // Read once on the JS thread; JS handles have no Debug.
#[napi(object, object_to_js = false)]
pub struct ListFilter<'env> {
    /// A HotChocolate filter, sent as is: `{ state: { eq: 'ACTIVE' } }`,
    /// `{ and: [{ grossPremium: { gte: 1000 } }, …] }`.
    #[napi(ts_type = "GraphqlFilter")]
    pub filter: Option<serde_json::Value>,
    /// Stops the list when it fires; the pending page rejects with an `AbortError`.
    #[napi(ts_type = "AbortSignal")]
    pub signal: Option<Object<'env>>,
}

/// The core's query for `options`, checked there (a bad sort direction is a `ValidationError`
/// naming `order.direction`), and the signal that cancels it.
fn list_query(env: &Env, options: Option<Unknown>) -> Result<(ListQuery, Cancellation)> {
    let list = read::<ListOptions>(options.as_ref())?.unwrap_or_default();
    let extra = read::<ListFilter>(options.as_ref())?;
    let (filter, signal) = extra.map_or((None, None), |extra| (extra.filter, extra.signal));
    let query = ListQuery::from_options(list, filter)?;
    Ok((query, Cancellation::from_signal(env, signal.as_ref())?))
}

/// Declares the classes of one list: its rows (the core's `RowCursor`, which `index.js` makes an
/// async iterable that crosses into Rust once per page) and its pages.
macro_rules! list_classes {
    ($rows:ident, $row:ty, $rows_doc:literal, $pages:ident, $page:ty, $pages_doc:literal) => {
        #[doc = $rows_doc]
        #[derive(Debug)]
        #[napi]
        pub struct $rows(Mutex<RowCursor<$row>>, Cancellation);

        #[napi]
        impl $rows {
            #[doc = "Up to `limit` next rows (fewer at the end of a page); an empty array once the list"]
            #[doc = "is done. Fetches at most one page; a failed page can be asked for again."]
            #[napi]
            pub async fn next_batch(&self, limit: u32) -> Result<Vec<$row>> {
                let mut cursor = self.0.lock().await;
                self.1.run(async { Ok(cursor.next_batch(limit as usize).await?) }).await
            }

            #[doc = "Where a new list resumes without repeating or skipping a row, once the rows"]
            #[doc = "returned so far are handled (the `after` of its options)."]
            #[napi]
            pub async fn resume_cursor(&self) -> Option<String> {
                self.0.lock().await.resume_cursor().map(str::to_owned)
            }
        }

        #[doc = $pages_doc]
        #[derive(Debug)]
        #[napi]
        pub struct $pages(Mutex<GraphqlPages<$row>>, Cancellation);

        #[napi]
        impl $pages {
            #[doc = "The next page, or `null` after the last one. A failed page can be asked for again."]
            #[napi]
            pub async fn next_page(&self) -> Result<Option<$page>> {
                let mut pages = self.0.lock().await;
                self.1.run(async { Ok(pages.next_page().await?) }).await
            }
        }
    };
}

list_classes!(
    CustomerRows,
    CustomerRow,
    "Every customer of a list, read a page at a time: `for await (const row of rows)`.",
    CustomerPages,
    CustomerPage,
    "The pages of a customer list: `await pages.nextPage()` or `for await`."
);
list_classes!(
    ProposalRows,
    ProposalRow,
    "Every proposal of a list, read a page at a time: `for await (const row of rows)`.",
    ProposalPages,
    ProposalPage,
    "The pages of a proposal list: `await pages.nextPage()` or `for await`."
);
list_classes!(
    PolicyRows,
    PolicyRow,
    "Every policy of a list, read a page at a time: `for await (const row of rows)`.",
    PolicyPages,
    PolicyPage,
    "The pages of a policy list: `await pages.nextPage()` or `for await`."
);
list_classes!(
    CaseRows,
    CaseRow,
    "Every case of a list, read a page at a time: `for await (const row of rows)`.",
    CasePages,
    CasePage,
    "The pages of a case list: `await pages.nextPage()` or `for await`."
);
list_classes!(
    ExpandedPolicyRows,
    ExpandedPolicyRow,
    "Every policy of an expanded list, read a page at a time: `for await (const row of rows)`.",
    ExpandedPolicyPages,
    ExpandedPolicyPage,
    "The pages of an expanded policy list: `await pages.nextPage()` or `for await`."
);
list_classes!(
    AgentUserRows,
    AgentUserRow,
    "Every user of the agency, read a page at a time: `for await (const row of rows)`.",
    AgentUserPages,
    AgentUserPage,
    "The pages of the agency's users: `await pages.nextPage()` or `for await`."
);
list_classes!(
    PolicyTransferRows,
    PolicyTransferRow,
    "Every policy transfer, read a page at a time: `for await (const row of rows)`.",
    PolicyTransferPages,
    PolicyTransferPage,
    "The pages of the policy transfers: `await pages.nextPage()` or `for await`."
);
list_classes!(
    WebhookDeliveryRows,
    WebhookDeliveryRow,
    "Every webhook delivery, read a page at a time: `for await (const row of rows)`.",
    WebhookDeliveryPages,
    WebhookDeliveryPage,
    "The pages of the webhook deliveries: `await pages.nextPage()` or `for await`."
);

/// GraphQL lists (`POST /graphql`). `customers`, `proposals`, `policies` and `cases` are async
/// iterables of rows that fetch page after page as they are read; the `…Pages` methods give
/// the pages themselves.
#[derive(Debug)]
#[napi]
pub struct Graphql(pub(crate) insurup::Graphql);

/// One rows method and one pages method per list, with the same options.
macro_rules! list_methods {
    ($($rows:ident: $rows_class:ident, $pages:ident: $pages_class:ident, $core_rows:ident, $core_pages:ident;)+) => {
        #[napi]
        impl Graphql {
            #[doc = "Runs any query and returns its `data`. GraphQL `errors[]` become the same error"]
            #[doc = "classes as REST errors, with any partial data on the error's `partialData`."]
            #[napi(ts_args_type = "query: string, variables?: Record<string, unknown>", ts_return_type = "Promise<unknown>")]
            pub async fn execute(&self, query: String, variables: Option<serde_json::Value>) -> Result<serde_json::Value> {
                let variables = variables.unwrap_or_else(|| serde_json::json!({}));
                Ok(self.0.execute(&query, variables).await?)
            }
            $(
                #[doc = "Every row matching `options`, fetched a page at a time as the loop reads them;"]
                #[doc = "memory stays bounded by one page however long the list is."]
                #[napi(ts_args_type = "options?: ListOptions & ListFilter")]
                pub fn $rows(&self, env: &Env, options: Option<Unknown>) -> Result<$rows_class> {
                    let (query, cancellation) = list_query(env, options)?;
                    Ok($rows_class(Mutex::new(self.0.$core_rows(query)), cancellation))
                }

                #[doc = "The pages of the list, each with `totalCount` and `pageInfo`."]
                #[napi(ts_args_type = "options?: ListOptions & ListFilter")]
                pub fn $pages(&self, env: &Env, options: Option<Unknown>) -> Result<$pages_class> {
                    let (query, cancellation) = list_query(env, options)?;
                    Ok($pages_class(Mutex::new(self.0.$core_pages(query)), cancellation))
                }
            )+
        }
    };
}

list_methods! {
    customers: CustomerRows, customer_pages: CustomerPages, customer_rows, customer_pages;
    proposals: ProposalRows, proposal_pages: ProposalPages, proposal_rows, proposal_pages;
    policies: PolicyRows, policy_pages: PolicyPages, policy_rows, policy_pages;
    cases: CaseRows, case_pages: CasePages, case_rows, case_pages;
    policies_expanded: ExpandedPolicyRows, policies_expanded_pages: ExpandedPolicyPages, policies_expanded_rows, policies_expanded_pages;
    agent_users: AgentUserRows, agent_user_pages: AgentUserPages, agent_user_rows, agent_user_pages;
    policy_transfers: PolicyTransferRows, policy_transfer_pages: PolicyTransferPages, policy_transfer_rows, policy_transfer_pages;
    webhook_deliveries: WebhookDeliveryRows, webhook_delivery_pages: WebhookDeliveryPages, webhook_delivery_rows, webhook_delivery_pages;
}
