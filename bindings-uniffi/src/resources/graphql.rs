use std::sync::{Arc, Mutex};

use insurup::{ListOptions, ListQuery};

use crate::error::{Result, json_argument};

/// The core's query for `options` and a filter given as JSON text (`{"state": {"eq": "ACTIVE"}}`,
/// combined with `{"and": [...]}` / `{"or": [...]}`); the core checks both.
fn query(options: ListOptions, filter: Option<String>) -> Result<ListQuery> {
    let filter = filter.map(|text| json_argument("filter", &text)).transpose()?;
    Ok(ListQuery::from_options(options, filter)?)
}

forward! {
    ()
    "GraphQL lists (`POST /graphql`): one page at a time, or every row through a cursor."
    Graphql(graphql) {
        "Runs any query with `variables` (a JSON object as text) and returns its `data` as JSON"
        "text. GraphQL errors become the same error cases as REST errors, with"
        "`graphql_errors_json` and `partial_data_json`."
        fn execute(query: String; variables: String = "{}") -> String =
            execute(&query, json_argument("variables", &variables)?).to_string();
    }
    records {}
}

/// Declares, for each list the core declares (`insurup::graphql_lists!`), a row cursor object over
/// the core's `RowCursor<$row>`, and the `Graphql` methods that read one page and open a cursor;
/// rows and pages are the core's (`insurup::graphql`).
macro_rules! lists {
    (() $(
        $($doc:literal)*
        $one_page:ident($row:ident, $page:ident) = $rows:ident, $pages:ident;
            $cursor:ident, $pages_class:ident;
    )+) => { $(
        $(#[doc = $doc])*
        ///
        /// Holds one page at most however long the list is. After an error every row before it
        /// has been returned: call `next` again to retry the failed page, or start a new list
        /// later (even in another process) with `after = resume_cursor()`.
        #[derive(Debug, uniffi::Object)]
        pub struct $cursor {
            rows: tokio::sync::Mutex<insurup::RowCursor<insurup::graphql::$row>>,
            resume: Mutex<Option<String>>,
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $cursor {
            /// The next row, or null/nil after the last one; fetches a page when the rows
            /// already fetched run out. Concurrent calls take turns.
            pub async fn next(&self) -> Result<Option<insurup::graphql::$row>> {
                Ok(self.next_batch(1).await?.pop())
            }

            /// Up to `limit` next rows, fewer at the end of the list (none after it); fetches
            /// one page at most.
            pub async fn next_batch(&self, limit: u32) -> Result<Vec<insurup::graphql::$row>> {
                let mut rows = self.rows.lock().await;
                let batch = rows.next_batch(limit as usize).await;
                if let Ok(mut resume) = self.resume.lock() {
                    *resume = rows.resume_cursor().map(str::to_owned);
                }
                Ok(batch?)
            }

            /// The cursor after the last page whose rows have all been returned: where a new
            /// list resumes without repeating or skipping a row.
            pub fn resume_cursor(&self) -> Option<String> {
                self.resume.lock().ok().and_then(|resume| resume.clone())
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl Graphql {
            $(#[doc = $doc])*
            /// One page, with its total count and cursors.
            #[uniffi::method(default(filter = None, options))]
            pub async fn $one_page(&self, options: ListOptions, filter: Option<String>) -> Result<insurup::graphql::$page> {
                Ok(self.0.$one_page(&query(options, filter)?).await?)
            }

            $(#[doc = $doc])*
            /// Every row, through a cursor that fetches a page at a time as rows are read.
            #[uniffi::method(default(filter = None, options))]
            pub fn $rows(&self, options: ListOptions, filter: Option<String>) -> Result<Arc<$cursor>> {
                let rows = self.0.$rows(query(options, filter)?);
                let resume = Mutex::new(rows.resume_cursor().map(str::to_owned));
                Ok(Arc::new($cursor { rows: tokio::sync::Mutex::new(rows), resume }))
            }
        }
    )+ };
}

insurup::graphql_lists!(lists!());
