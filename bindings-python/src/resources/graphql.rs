use pyo3::prelude::*;

use crate::client::Handle;
use crate::errors::to_py_err;
use crate::inputs::{Json, ListArgs, OrderArg};
use crate::lists::{AsyncPageIterator, AsyncRowIterator, Cursor, PageIterator, Pages, RowIterator};
use crate::runtime::{block_on, coroutine};

/// The pages of one list; nothing is fetched until the iterator advances.
fn pages(
    py: Python<'_>,
    shared: &Handle,
    list: fn(&insurup::Graphql, insurup::ListQuery) -> Pages,
    args: ListArgs,
) -> PyResult<Pages> {
    let client = shared.client()?;
    let query = args.into_query().map_err(|error| to_py_err(py, &error))?;
    Ok(list(&client.graphql(), query))
}

/// Declares the GraphQL resource class for one client flavour: `execute`, and for every list a
/// method yielding rows and one yielding pages. (Written as one macro because `#[pymethods]`
/// must see every method expanded.)
macro_rules! graphql_class {
    (
        $class:ident, $rows:ident, $pages:ident,
        execute = |$py:ident, $shared:ident, $call:ident| $run:expr;
        $($pages_of:ident => $row_method:ident, $page_method:ident;)*
    ) => {
        /// GraphQL lists of customers, proposals, policies and cases, and raw queries.
        #[pyclass(frozen, module = "insurup")]
        pub(crate) struct $class {
            shared: Handle,
        }

        impl $class {
            pub(crate) fn new(shared: Handle) -> Self {
                $class { shared }
            }
        }

        #[pymethods]
        impl $class {
            /// Runs any GraphQL query and returns its `data` as a dict. GraphQL errors raise the
            /// same exception classes as REST errors.
            #[pyo3(signature = (query, variables = None))]
            fn execute<'py>(
                &self,
                $py: Python<'py>,
                query: String,
                variables: Option<Json>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let $shared = &self.shared;
                let client = $shared.client()?;
                let variables = variables.map_or(serde_json::Value::Null, |json| json.0);
                let $call = async move {
                    client.graphql().execute(&query, variables).await.map(Json)
                };
                $run
            }

            $(
                /// Every row of the list, fetched a page (`first` rows, 50 by default) at a
                /// time as the loop advances. `filter` is a HotChocolate filter dict, `order` a
                /// dict such as `{"grossPremium": "DESC"}` or a list of them.
                #[pyo3(signature = (
                    *, first = None, filter = None, order = None, after = None, last = None,
                    before = None,
                ))]
                #[allow(clippy::too_many_arguments)]
                fn $row_method(
                    &self,
                    py: Python<'_>,
                    first: Option<u32>,
                    filter: Option<Json>,
                    order: Option<OrderArg>,
                    after: Option<String>,
                    last: Option<u32>,
                    before: Option<String>,
                ) -> PyResult<$rows> {
                    let args = ListArgs { first, last, after, before, filter, order };
                    let pages = pages(py, &self.shared, $pages_of, args)?;
                    Ok($rows::new(Cursor::rows(pages)))
                }

                /// The pages of the list, each with `items`, `total_count` and `page_info`,
                /// fetched as the loop advances.
                #[pyo3(signature = (
                    *, first = None, filter = None, order = None, after = None, last = None,
                    before = None,
                ))]
                #[allow(clippy::too_many_arguments)]
                fn $page_method(
                    &self,
                    py: Python<'_>,
                    first: Option<u32>,
                    filter: Option<Json>,
                    order: Option<OrderArg>,
                    after: Option<String>,
                    last: Option<u32>,
                    before: Option<String>,
                ) -> PyResult<$pages> {
                    let args = ListArgs { first, last, after, before, filter, order };
                    let pages = pages(py, &self.shared, $pages_of, args)?;
                    Ok($pages::new(Cursor::Pages(pages)))
                }
            )*

            fn __repr__(&self) -> String {
                format!("<insurup.{}>", stringify!($class))
            }
        }
    };
}

fn customers(graphql: &insurup::Graphql, query: insurup::ListQuery) -> Pages {
    Pages::Customers(graphql.customer_pages(query))
}

fn proposals(graphql: &insurup::Graphql, query: insurup::ListQuery) -> Pages {
    Pages::Proposals(graphql.proposal_pages(query))
}

fn policies(graphql: &insurup::Graphql, query: insurup::ListQuery) -> Pages {
    Pages::Policies(graphql.policy_pages(query))
}

fn cases(graphql: &insurup::Graphql, query: insurup::ListQuery) -> Pages {
    Pages::Cases(graphql.case_pages(query))
}

graphql_class! {
    Graphql, RowIterator, PageIterator,
    execute = |py, _shared, call| block_on(py, call)?.into_pyobject(py);
    customers => customers, customer_pages;
    proposals => proposals, proposal_pages;
    policies => policies, policy_pages;
    cases => cases, case_pages;
}

graphql_class! {
    AsyncGraphql, AsyncRowIterator, AsyncPageIterator,
    execute = |py, shared, call| coroutine(py, shared.event_loop(), call);
    customers => customers, customer_pages;
    proposals => proposals, proposal_pages;
    policies => policies, policy_pages;
    cases => cases, case_pages;
}
