use napi::bindgen_prelude::{Object, Unknown};
use napi::{Env, Result};
use napi_derive::napi;
use tokio::sync::Mutex;

#[allow(clippy::wildcard_imports)]
use insurup::graphql::*;
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

/// GraphQL lists (`POST /graphql`). `customers`, `proposals`, `policies` and `cases` are async
/// iterables of rows that fetch page after page as they are read; the `…Pages` methods give
/// the pages themselves.
#[derive(Debug)]
#[napi]
pub struct Graphql(pub(crate) insurup::Graphql);

/// Declares every list the core declares (`insurup::graphql_lists!`): its rows (the core's
/// `RowCursor`, which `index.js` makes an async iterable that crosses into Rust once per page),
/// its pages, and the rows method (the list's name) and pages method of `Graphql` that open
/// them, with the same options.
macro_rules! lists {
    (() $(
        $doc:literal
        $rows:ident($row:ident, $page:ident) = $core_rows:ident, $pages:ident;
            $rows_class:ident, $pages_class:ident;
    )+) => {
        $(
            #[doc = $doc]
            #[doc = ""]
            #[doc = "Its rows, read a page at a time: `for await (const row of rows)`."]
            #[derive(Debug)]
            #[napi]
            pub struct $rows_class(Mutex<RowCursor<$row>>, Cancellation);

            #[napi]
            impl $rows_class {
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

            #[doc = $doc]
            #[doc = ""]
            #[doc = "Its pages: `await pages.nextPage()` or `for await`."]
            #[derive(Debug)]
            #[napi]
            pub struct $pages_class(Mutex<GraphqlPages<$row>>, Cancellation);

            #[napi]
            impl $pages_class {
                #[doc = "The next page, or `null` after the last one. A failed page can be asked for again."]
                #[napi]
                pub async fn next_page(&self) -> Result<Option<$page>> {
                    let mut pages = self.0.lock().await;
                    self.1.run(async { Ok(pages.next_page().await?) }).await
                }
            }
        )+

        #[napi]
        impl Graphql {
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
                    Ok($pages_class(Mutex::new(self.0.$pages(query)), cancellation))
                }
            )+
        }
    };
}

resource! {
    impl Graphql {
        "Runs any query and returns its `data`. GraphQL `errors[]` become the same error classes"
        "as REST errors, with any partial data on the error's `partialData`. Absent variables"
        "are the core's to spell (`null` passes through; it sends `{}`, as from every language)."
        fn execute[
            ts_args_type = "query: string, variables?: Record<string, unknown>",
            ts_return_type = "Promise<unknown>"
        ](query: String, variables: Option<serde_json::Value>) -> serde_json::Value =
            execute(&query, variables.unwrap_or_default());
    }
}

insurup::graphql_lists!(lists!());
