//! One object per core resource, each method one forwarding line. The resources and methods
//! every language shares are declared once, in the core (`insurup::resource_surface!`), and
//! projected here; the other files add the methods whose shape is Kotlin's and Swift's own.

/// Exports methods that each forward one call to the core object an object wraps:
/// `fn name(arg: Type; optional: Option<T> = None) -> Output = core_method(arguments);` is the
/// async method `name` returning what `self.0.core_method(arguments)` resolves to, its errors
/// converted; a trailing `.method()` converts the result (`.to_string()` for JSON text). Docs are
/// string literals, one per line, as the core declares them; `= value` becomes the argument's
/// default in Kotlin and Swift. `() Name(accessor) { ... } records { ... }`, the form the core's
/// declarations take, also declares the object wrapping the core's `Name`.
macro_rules! forward {
    (
        impl $object:ident {
            $(
                $($doc:literal)*
                fn $name:ident(
                    $($arg:ident: $ty:ty),* $(; $($kw:ident: $kw_ty:ty $(= $default:tt)?),+)?
                ) -> $output:ty = $call:ident($($pass:expr),* $(,)?) $(.$then:ident())?;
            )*
        }
    ) => {
        #[uniffi::export(async_runtime = "tokio")]
        impl $object {
            $(
                $(#[doc = $doc])*
                #[uniffi::method(default($($($($kw = $default,)?)+)?))]
                pub async fn $name(&self, $($arg: $ty,)* $($($kw: $kw_ty,)+)?)
                    -> crate::error::Result<$output> {
                    Ok(self.0.$call($($pass),*).await?$(.$then())?)
                }
            )*
        }
    };
    (
        () $($doc:literal)*
        $object:ident($accessor:ident) { $($methods:tt)* } records { $($records:tt)* }
        // Kotlin and Swift take a union whole: its per-kind methods are for the other languages.
        $(kinds { $($kinds:tt)* })?
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, uniffi::Object)]
        pub struct $object(pub(crate) insurup::$object);

        forward! { impl $object { $($methods)* $($records)* } }
    };
}

pub(crate) use forward;

mod customers;
pub(crate) mod graphql;
mod proposals;
mod purchase;
mod shared;

pub(crate) use graphql::Graphql;
pub(crate) use purchase::Purchases;
pub(crate) use shared::{
    Addresses, AgentBranches, Cases, Customers, Policies, Properties, Proposals, ReferenceData,
    Vehicles, Webhooks,
};
