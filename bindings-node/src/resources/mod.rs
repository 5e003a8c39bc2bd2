//! One class per core resource, each method one forwarding line.

/// Declares the class of a core resource whose methods each forward one call:
/// `name(arg: Type) -> Output = core_method(arguments);` is the async method `name` returning
/// what `self.0.core_method(arguments)` resolves to; `name as "jsName"(…)` sets a JS name that
/// napi's camelCase would spell otherwise; `impl Class { … }` adds such methods to a class
/// declared in another file (a core resource whose methods live in several files). Docs are
/// string literals, one per line: napi reads doc comments that pass through a macro as raw
/// strings, quotes and all.
macro_rules! resource {
    (
        $($doc:literal)*
        impl $class:ident {
            $(
                $($method_doc:literal)*
                $name:ident $(as $js:literal)? ($($arg:ident: $ty:ty),*) -> $ret:ty =
                    $call:ident($($pass:expr),*);
            )*
        }
    ) => {
        #[napi]
        impl $class {
            $(
                $(#[doc = $method_doc])*
                #[napi $((js_name = $js))?]
                pub async fn $name(&self, $($arg: $ty),*) -> napi::Result<$ret> {
                    Ok(self.0.$call($($pass),*).await?)
                }
            )*
        }
    };
    (
        $($doc:literal)*
        $class:ident($core:ty) {
            $(
                $($method_doc:literal)*
                $name:ident $(as $js:literal)? ($($arg:ident: $ty:ty),*) -> $ret:ty =
                    $call:ident($($pass:expr),*);
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        #[napi]
        pub struct $class(pub(crate) $core);

        resource! {
            impl $class {
                $(
                    $($method_doc)*
                    $name $(as $js)? ($($arg: $ty),*) -> $ret = $call($($pass),*);
                )*
            }
        }
    };
}

mod addresses;
mod agent_branches;
mod assets;
mod case_work;
mod cases;
mod customer_contacts;
mod customers;
mod graphql;
mod policies;
mod policy_admin;
mod properties;
mod proposal_documents;
mod proposals;
mod purchase;
mod reference;
mod vehicles;
mod webhooks;

pub use addresses::Addresses;
pub use agent_branches::AgentBranches;
pub use cases::Cases;
pub use customers::Customers;
pub use graphql::Graphql;
pub use policies::Policies;
pub use properties::Properties;
pub use proposals::Proposals;
pub use purchase::Purchases;
pub use reference::ReferenceData;
pub use vehicles::Vehicles;
pub use webhooks::Webhooks;
