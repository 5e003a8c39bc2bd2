//! The resources hanging off a client, one file per SDK resource.
//!
//! Each method is written once, as the SDK call it forwards to, and [`resource!`] turns it into
//! two Python classes: the blocking one for `Client` (`Customers`) and the awaitable one for
//! `AsyncClient` (`AsyncCustomers`). Arguments arrive already converted (ids and enums from
//! `str`, cards, JSON); the SDK validates them.

mod cases;
mod customers;
mod graphql;
mod policies;
mod properties;
mod proposals;
mod purchase;
mod reference;
mod vehicles;
mod webhooks;

pub(crate) use cases::{AsyncCases, Cases};
pub(crate) use customers::{AsyncCustomers, Customers};
pub(crate) use graphql::{AsyncGraphql, Graphql};
pub(crate) use policies::{AsyncPolicies, Policies};
pub(crate) use properties::{AsyncProperties, Properties};
pub(crate) use proposals::{AsyncProposals, Proposals};
pub(crate) use purchase::{AsyncPurchases, Purchases};
pub(crate) use reference::{AsyncReferenceData, ReferenceData};
pub(crate) use vehicles::{AsyncVehicles, Vehicles};
pub(crate) use webhooks::{AsyncWebhooks, Webhooks};

/// Declares a resource as a blocking class and an awaitable class.
///
/// ```text
/// resource! {
///     /// Customers.
///     Customers, AsyncCustomers {
///         /// A customer by id, or by TCKN/VKN.
///         fn get(customer_id: CustomerId) -> Customer =
///             |client| client.customers().get(&customer_id);
///     }
/// }
/// ```
///
/// `|client|` names the SDK client inside the body, which is an expression giving a future of
/// `insurup::Result<T>`. Methods that differ between the two classes (iterators) go in the
/// optional `blocking { … }` and `awaitable { … }` blocks.
macro_rules! resource {
    (
        $(#[$doc:meta])*
        $blocking:ident, $awaitable:ident {
            $(
                $(#[$method_attr:meta])*
                fn $method:ident($($arg:ident: $arg_type:ty),* $(,)?) -> $output:ty =
                    |$client:ident| $call:expr;
            )*
        }
        $(blocking { $($blocking_extra:tt)* })?
        $(awaitable { $($awaitable_extra:tt)* })?
    ) => {
        $(#[$doc])*
        #[pyo3::pyclass(frozen, module = "insurup")]
        pub(crate) struct $blocking {
            #[allow(dead_code)]
            shared: $crate::client::Handle,
        }

        impl $blocking {
            pub(crate) fn new(shared: $crate::client::Handle) -> Self {
                $blocking { shared }
            }
        }

        #[pyo3::pymethods]
        impl $blocking {
            $(
                $(#[$method_attr])*
                #[allow(clippy::too_many_arguments)]
                fn $method(
                    &self,
                    py: pyo3::Python<'_>,
                    $($arg: $arg_type),*
                ) -> pyo3::PyResult<$output> {
                    let $client = self.shared.client()?;
                    $crate::runtime::block_on(py, async move { $call.await })
                }
            )*

            fn __repr__(&self) -> String {
                format!("<insurup.{}>", stringify!($blocking))
            }

            $($($blocking_extra)*)?
        }

        $(#[$doc])*
        #[pyo3::pyclass(frozen, module = "insurup")]
        pub(crate) struct $awaitable {
            #[allow(dead_code)]
            shared: $crate::client::Handle,
        }

        impl $awaitable {
            pub(crate) fn new(shared: $crate::client::Handle) -> Self {
                $awaitable { shared }
            }
        }

        #[pyo3::pymethods]
        impl $awaitable {
            $(
                $(#[$method_attr])*
                #[allow(clippy::too_many_arguments)]
                fn $method<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                    $($arg: $arg_type),*
                ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    let $client = self.shared.client()?;
                    $crate::runtime::coroutine(
                        py,
                        self.shared.event_loop(),
                        async move { $call.await },
                    )
                }
            )*

            fn __repr__(&self) -> String {
                format!("<insurup.{}>", stringify!($awaitable))
            }

            $($($awaitable_extra)*)?
        }
    };
}

pub(crate) use resource;
