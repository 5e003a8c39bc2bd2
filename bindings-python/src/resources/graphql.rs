use insurup::{ListOptions, ListQuery};
use pyo3::prelude::*;

use super::resource_class;
use crate::inputs::{Json, Order};
use crate::lists::iterator;
use crate::runtime::run;

/// Declares `Graphql` or `AsyncGraphql` (a [`resource_class!`] with no forwarding methods):
/// `execute`, and for every list a method yielding rows (the core's `RowCursor`) and one yielding
/// pages. The list methods are expanded here, before `#[pymethods]` sees them.
macro_rules! graphql_class {
    // The lists the core declares (`insurup::graphql_lists!`): rows under the list's name,
    // pages under the core's pages method's.
    (
        ($(#[$class_doc:meta])* $class:ident(is_async = $is_async:tt))
        $(
            $doc:literal
            $name:ident($row:ident, $page:ident) = $rows:ident, $pages:ident;
                $rows_class:ident, $pages_class:ident;
        )+
    ) => {
        graphql_class! {
            @lists $(#[$class_doc])* $class($is_async)
            $(
                #[doc = $doc]
                #[doc = ""]
                #[doc = "Every row matching `filter` (a HotChocolate filter dict) in `order` (a dict"]
                #[doc = "such as `{\"name\": \"ASC\"}` or a list of them), fetched a page (`first`"]
                #[doc = "rows, 50 by default) at a time as the loop advances."]
                $name -> RowIterator = $rows;
                #[doc = $doc]
                #[doc = ""]
                #[doc = "The pages of the list, each with `items`, `total_count` and `page_info`."]
                $pages -> PageIterator = $pages;
            )+
        }
    };
    (@lists $(#[$class_doc:meta])* $class:ident($is_async:tt) $(
        $(#[$doc:meta])*
        $method:ident -> $iterator:ident = $core_method:ident;
    )*) => {
        resource_class! {
            $(#[$class_doc])* $class(is_async = $is_async) {} {
                /// Runs any GraphQL query and returns its `data` as a dict. GraphQL errors raise
                /// the same exception classes as REST errors, carrying `graphql_errors` and any
                /// `partial_data`.
                #[pyo3(signature = (query, variables = None))]
                fn execute<'py>(&self, py: Python<'py>, query: String, variables: Option<Json>)
                    -> PyResult<Bound<'py, PyAny>> {
                    let client = self.shared.client()?;
                    let variables = variables.map_or(serde_json::Value::Null, |json| json.0);
                    let call = async move {
                        client.graphql().execute(&query, variables).await.map(Json)
                    };
                    run::<$is_async, _, _>(py, &self.shared, call)
                }

                $(
                    $(#[$doc])*
                    #[pyo3(signature = (
                        *, first = None, after = None, last = None, before = None, order = None,
                        filter = None,
                    ))]
                    #[allow(clippy::too_many_arguments)]
                    fn $method<'py>(&self, py: Python<'py>, first: Option<u32>,
                        after: Option<String>, last: Option<u32>, before: Option<String>,
                        order: Option<Order>, filter: Option<Json>) -> PyResult<Bound<'py, PyAny>> {
                        let order = order.map(|order| order.0);
                        let options = ListOptions { first, after, last, before, order };
                        let query = ListQuery::from_options(options, filter.map(|json| json.0))?;
                        let graphql = self.shared.client()?.graphql();
                        let class = format!("{}{}", Self::PREFIX, stringify!($iterator));
                        iterator(py, graphql.$core_method(query), &class, self.shared.event_loop())
                    }
                )*
            }
        }
    };
}

insurup::graphql_lists!(graphql_class!(
    /// GraphQL lists of customers, proposals, policies and cases, and raw queries.
    Graphql(is_async = false)
));

insurup::graphql_lists!(graphql_class!(
    /// GraphQL lists for asyncio: `async for` over rows or pages, and raw queries.
    AsyncGraphql(is_async = true)
));
