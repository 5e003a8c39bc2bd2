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
    ($(#[$class_doc:meta])* $class:ident(is_async = $is_async:tt)) => {
        graphql_class! {
            @lists $(#[$class_doc])* $class($is_async)
            /// Every customer matching `filter` (a HotChocolate filter dict) in `order` (a dict
            /// such as `{"name": "ASC"}` or a list of them), fetched a page (`first` rows, 50 by
            /// default) at a time as the loop advances.
            customers -> RowIterator = customer_rows;
            /// The pages of the customer list, each with `items`, `total_count` and `page_info`.
            customer_pages -> PageIterator = customer_pages;
            /// Every proposal matching `filter` in `order`, fetched a page at a time.
            proposals -> RowIterator = proposal_rows;
            /// The pages of the proposal list.
            proposal_pages -> PageIterator = proposal_pages;
            /// Every policy matching `filter` in `order` (e.g. `{"grossPremium": "DESC"}`),
            /// fetched a page at a time.
            policies -> RowIterator = policy_rows;
            /// The pages of the policy list.
            policy_pages -> PageIterator = policy_pages;
            /// Every case matching `filter` in `order`, fetched a page at a time.
            cases -> RowIterator = case_rows;
            /// The pages of the case list.
            case_pages -> PageIterator = case_pages;
            /// Every policy with its customer, asset and insurer details (`policiesExpanded`),
            /// fetched a page at a time.
            policies_expanded -> RowIterator = policies_expanded_rows;
            /// The pages of the expanded policy list.
            policies_expanded_pages -> PageIterator = policies_expanded_pages;
            /// Every user of the agency, fetched a page at a time.
            agent_users -> RowIterator = agent_user_rows;
            /// The pages of the agency's users.
            agent_user_pages -> PageIterator = agent_user_pages;
            /// Every policy transfer, fetched a page at a time.
            policy_transfers -> RowIterator = policy_transfer_rows;
            /// The pages of the policy transfers.
            policy_transfer_pages -> PageIterator = policy_transfer_pages;
            /// Every webhook delivery, fetched a page at a time.
            webhook_deliveries -> RowIterator = webhook_delivery_rows;
            /// The pages of the webhook deliveries.
            webhook_delivery_pages -> PageIterator = webhook_delivery_pages;
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

graphql_class! {
    /// GraphQL lists of customers, proposals, policies and cases, and raw queries.
    Graphql(is_async = false)
}

graphql_class! {
    /// GraphQL lists for asyncio: `async for` over rows or pages, and raw queries.
    AsyncGraphql(is_async = true)
}
