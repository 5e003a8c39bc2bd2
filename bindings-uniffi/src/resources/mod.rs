//! One object per core resource, each method one forwarding line. Mirrors `core/src/resources`.

/// Exports methods that each forward one call to the core object an object wraps:
/// `name(arg: Type) -> Output = core_method(arguments);` is the async method `name` returning
/// what `self.0.core_method(arguments)` resolves to, its errors converted; a trailing
/// `.method()` converts the result (`.to_string()` for JSON text). Attributes (doc comments,
/// `#[uniffi::method(default(...))]`) pass through to Kotlin and Swift. `Name(insurup::Type) {
/// ... }` also declares the object wrapping the core's type, as the Node binding's `resource!`
/// does; `impl Name { ... }` adds to one declared elsewhere.
macro_rules! forward {
    (
        $(#[$block_attr:meta])*
        impl $object:ident {
            $(
                $(#[$attr:meta])*
                $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $output:ty
                    = $call:ident($($pass:expr),* $(,)?) $(.$then:ident())?;
            )*
        }
    ) => {
        $(#[$block_attr])*
        #[uniffi::export(async_runtime = "tokio")]
        impl $object {
            $(
                $(#[$attr])*
                pub async fn $name(&self, $($arg: $ty),*) -> crate::error::Result<$output> {
                    Ok(self.0.$call($($pass),*).await?$(.$then())?)
                }
            )*
        }
    };
    (
        $(#[$object_attr:meta])*
        $object:ident($core:ty) { $($methods:tt)* }
    ) => {
        $(#[$object_attr])*
        #[derive(Debug, uniffi::Object)]
        pub struct $object(pub(crate) $core);

        forward! { impl $object { $($methods)* } }
    };
}

pub(crate) use forward;

pub(crate) mod addresses;
pub(crate) mod agent_branches;
mod assets;
mod case_work;
pub(crate) mod cases;
mod customer_contacts;
pub(crate) mod customers;
pub(crate) mod graphql;
pub(crate) mod policies;
mod policy_admin;
pub(crate) mod properties;
mod proposal_documents;
pub(crate) mod proposals;
pub(crate) mod purchase;
pub(crate) mod reference;
pub(crate) mod vehicles;
pub(crate) mod webhooks;
