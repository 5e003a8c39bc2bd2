//! The resources hanging off a client, one file per core resource.
//!
//! Each method is written once, as the core call it forwards to, and [`resource!`] turns it
//! into two Python classes: the blocking one for `Client` (`Customers`) and the awaitable one
//! for `AsyncClient` (`AsyncCustomers`). Arguments arrive already converted (ids and enums from
//! `str`, cards, JSON); the core checks them and applies its defaults.

mod customers;
mod graphql;
mod proposals;
mod purchase;
mod shared;

// The classes of every resource, blocking and awaitable, for the clients' attributes.
pub(crate) use {customers::*, graphql::*, proposals::*, purchase::*, shared::*};

/// Declares a resource as a blocking class and an awaitable class.
///
/// ```text
/// resource! {
///     /// Vehicles of customers.
///     Vehicles, AsyncVehicles {
///         /// A vehicle of a customer.
///         fn get(customer_id: CustomerId, vehicle_id: VehicleId) -> Vehicle =
///             |client| client.vehicles().get(&customer_id, &vehicle_id);
///         /// Adds a vehicle to a customer and returns it.
///         fn create(customer_id: CustomerId; plate: String, model_year: Option<u32> = None)
///             -> Vehicle = |client, vehicle: NewVehicle|
///                 client.vehicles().create(&customer_id, vehicle);
///     }
/// }
/// ```
///
/// Arguments after `;` are keyword-only (Python's `*`), each with its default if it has one (one
/// token, so Python shows `None` as `None`; wrap others in parentheses). `|client, vehicle:
/// NewVehicle|` gathers every keyword argument into that core record, field by field, so the
/// keywords are the record's fields. The body is an expression giving a future of
/// `insurup::Result<T>` for the declared `T`. Methods of another shape (iterators) go in an
/// optional `extra { … }` block, written once for both classes (`Self::PREFIX` tells them apart).
macro_rules! resource {
    // A resource the core declares (`insurup::resource_surface!`, one shape for every
    // language): its shared methods forward to `client.<accessor>().<call>`; its record methods
    // take the record's fields (`insurup::record_fields!`) as keyword arguments, fetched one
    // method at a time below; the methods given here with the awaitable class's name (Python's
    // own) follow them.
    (
        ($awaitable:ident { $($own:tt)* } $(extra { $($extra:tt)* })?)
        $($doc:literal)*
        $blocking:ident($accessor:ident) { $($shared:tt)* }
        records { $($records:tt)* }
        $(kinds { $($kinds:tt)* })?
    ) => {
        resource! {
            @records [$awaitable { $($own)* } $(extra { $($extra)* })?] [$accessor]
            [$($doc)* $blocking { $($shared)* }] [] $($records)* $($($kinds)*)?
        }
    };
    (
        @records [$($context:tt)*] [$accessor:ident] [$($resource:tt)*] [$($done:tt)*]
        $($method_doc:literal)*
        fn $method:ident($($arg:ident: $arg_type:ty),*; $record:ident: $record_type:ident)
            -> $output:ty = $call:ident($($pass:expr),*);
        $($rest:tt)*
    ) => {
        insurup::record_fields!($record_type, resource!(
            @fields [$($context)*] [$accessor] [$($resource)*] [$($done)*]
            [$($method_doc)* fn $method($($arg: $arg_type),*; $record: $record_type) -> $output =
                $call($($pass),*);]
            $($rest)*
        ));
    };
    (
        (
            @fields [$($context:tt)*] [$accessor:ident] [$($resource:tt)*] [$($done:tt)*]
            [$($method_doc:literal)* fn $method:ident($($arg:ident: $arg_type:ty),*;
                $record:ident: $record_type:ident) -> $output:ty = $call:ident($($pass:expr),*);]
            $($rest:tt)*
        )
        $($field:ident: $field_type:ty $(= $default:tt)?),+
    ) => {
        resource! {
            @records [$($context)*] [$accessor] [$($resource)*] [
                $($done)*
                $(#[doc = $method_doc])*
                fn $method($($arg: $arg_type),*; $($field: $field_type $(= $default)?),+)
                    -> $output = |client, $record: $record_type|
                        client.$accessor().$call($($pass),*);
            ]
            $($rest)*
        }
    };
    (
        @records [$awaitable:ident { $($own:tt)* } $(extra { $($extra:tt)* })?] [$accessor:ident]
        [$($doc:literal)* $blocking:ident {
            $(
                $($method_doc:literal)*
                fn $method:ident($($arg:ident: $arg_type:ty),*
                    $(; $($kwarg:ident: $kwarg_type:ty $(= $default:tt)?),+)?) -> $output:ty =
                    $call:ident($($pass:expr),*) $(.$then:ident())?;
            )*
        }]
        [$($done:tt)*]
    ) => {
        $crate::resources::resource! {
            $(#[doc = $doc])*
            $blocking, $awaitable {
                $(
                    $(#[doc = $method_doc])*
                    fn $method($($arg: $arg_type),* $(; $($kwarg: $kwarg_type $(= $default)?),+)?)
                        -> $output = |client| async move {
                            let output = client.$accessor().$call($($pass),*).await?;
                            insurup::Result::Ok(output $(.$then())?)
                        };
                )*
                $($done)*
                $($own)*
            }
            $(extra { $($extra)* })?
        }
    };
    (
        $(#[$doc:meta])*
        $blocking:ident, $awaitable:ident { $($methods:tt)* }
        $(extra { $($extra:tt)* })?
    ) => {
        $crate::resources::resource_class! {
            $(#[$doc])* $blocking(is_async = false) { $($methods)* } { $($($extra)*)? }
        }
        $crate::resources::resource_class! {
            $(#[$doc])* $awaitable(is_async = true) { $($methods)* } { $($($extra)*)? }
        }
    };
}

/// One class of [`resource!`], blocking or awaitable.
macro_rules! resource_class {
    (
        $(#[$doc:meta])*
        $class:ident(is_async = $is_async:tt) {
            $(
                $(#[$method_attr:meta])*
                fn $method:ident(
                    $($arg:ident: $arg_type:ty),*
                    $(; $($kwarg:ident: $kwarg_type:ty $(= $default:tt)?),+ $(,)?)?
                ) -> $output:ty = |$client:ident $(, $record:ident: $record_type:ident)?| $call:expr;
            )*
        }
        { $($extra:tt)* }
    ) => {
        $(#[$doc])*
        #[pyo3::pyclass(frozen, module = "insurup")]
        pub(crate) struct $class {
            shared: $crate::client::Handle,
        }

        impl $class {
            /// What the names of this client's classes start with (`Customers`, `AsyncCustomers`).
            #[allow(dead_code)]
            const PREFIX: &'static str = if $is_async { "Async" } else { "" };

            pub(crate) fn new(shared: $crate::client::Handle) -> Self {
                $class { shared }
            }
        }

        #[pyo3::pymethods]
        impl $class {
            $(
                $(#[$method_attr])*
                #[pyo3(signature = ($($arg,)* $(*, $($kwarg $(= $default)?,)+)?))]
                #[allow(clippy::too_many_arguments)]
                fn $method<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                    $($arg: $arg_type,)* $($($kwarg: $kwarg_type,)+)?
                ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    let $client = self.shared.client()?;
                    $crate::resources::record!($($record: $record_type)? { $($($kwarg),+)? });
                    let call = async move {
                        let output: insurup::Result<$output> = $call.await;
                        output
                    };
                    $crate::runtime::run::<$is_async, _, _>(py, &self.shared, call)
                }
            )*

            fn __repr__(&self) -> String {
                format!("<insurup.{}>", stringify!($class))
            }

            $($extra)*
        }
    };
}

/// `let record = Record { field, … };` from a method's keyword arguments, when it names one.
macro_rules! record {
    ($record:ident: $record_type:ident { $($field:ident),* }) => {
        let $record = $record_type { $($field),* };
    };
    ({ $($field:ident),* }) => {};
}

pub(crate) use {record, resource, resource_class};
