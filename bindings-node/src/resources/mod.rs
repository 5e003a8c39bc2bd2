//! One class per core resource, each method one forwarding line. The resources and methods every
//! language shares are declared once, in the core (`insurup::resource_surface!`), and projected
//! in `shared.rs`; the other files add the methods whose shape is JavaScript's own.

/// Declares the class of a core resource whose methods each forward one call:
/// `fn name(arg: Type) -> Output = core_method(arguments);` is the method `name` returning a promise
/// of what `self.0.core_method(arguments)` resolves to (settled in batches, see `settle.rs`);
/// `= core_method(arguments).then();` resolves to what `then` makes of that. Options of
/// `#[napi(…)]` go in brackets after the name: `name[js_name = "jsName"](…)` where napi's
/// camelCase would spell it otherwise, `ts_return_type` where the Rust type says too little.
/// `impl Class { … }` adds such methods to a class declared in another file (a core resource
/// whose methods live in several files). Docs are string literals, one per line: napi reads doc
/// comments that pass through a macro as raw strings, quotes and all.
macro_rules! resource {
    (@methods $class:ident) => {};
    // `()` and `Option` are typed as an `async fn` returning them would be (`Promise<void>`,
    // `Promise<T | null>`): napi types a promise's value as an argument, not a return value.
    (
        @methods $class:ident
        $($method_doc:literal)*
        fn $name:ident $([$($napi:tt)*])?
            ($($arg:ident: $ty:ty),* $(; $($kw:ident: $kw_ty:ty $(= $default:tt)?),+)?) -> () =
            $call:ident($($pass:expr),*) $(.$then:ident())?;
        $($rest:tt)*
    ) => {
        resource!(@method $class [$($method_doc)*] $name [$([$($napi)*])?]
            ($($arg: $ty,)* $($($kw: $kw_ty,)+)?)
            -> () as crate::settle::void = $call($($pass),*) $(.$then())?);
        resource!(@methods $class $($rest)*);
    };
    (
        @methods $class:ident
        $($method_doc:literal)*
        fn $name:ident $([$($napi:tt)*])?
            ($($arg:ident: $ty:ty),* $(; $($kw:ident: $kw_ty:ty $(= $default:tt)?),+)?)
            -> Option<$inner:ty> = $call:ident($($pass:expr),*) $(.$then:ident())?;
        $($rest:tt)*
    ) => {
        resource!(@method $class [$($method_doc)*] $name [$([$($napi)*])?]
            ($($arg: $ty,)* $($($kw: $kw_ty,)+)?)
            -> Option<$inner> as napi::bindgen_prelude::Either<$inner, crate::settle::null> =
            $call($($pass),*) $(.$then())?);
        resource!(@methods $class $($rest)*);
    };
    (
        @methods $class:ident
        $($method_doc:literal)*
        fn $name:ident $([$($napi:tt)*])?
            ($($arg:ident: $ty:ty),* $(; $($kw:ident: $kw_ty:ty $(= $default:tt)?),+)?)
            -> $ret:ty = $call:ident($($pass:expr),*) $(.$then:ident())?;
        $($rest:tt)*
    ) => {
        resource!(@method $class [$($method_doc)*] $name [$([$($napi)*])?]
            ($($arg: $ty,)* $($($kw: $kw_ty,)+)?)
            -> $ret as $ret = $call($($pass),*) $(.$then())?);
        resource!(@methods $class $($rest)*);
    };
    (
        @method $class:ident [$($method_doc:literal)*] $name:ident [$([$($napi:tt)*])?]
        ($($arg:ident: $ty:ty,)*) -> $ret:ty as $typed:ty =
            $call:ident($($pass:expr),*) $(.$then:ident())?
    ) => {
        #[napi]
        impl $class {
            $(#[doc = $method_doc])*
            #[napi $(($($napi)*))?]
            pub fn $name<'env>(
                &self,
                env: &'env napi::Env,
                $($arg: $ty),*
            ) -> napi::Result<napi::bindgen_prelude::PromiseRaw<'env, $typed>> {
                let core = self.0.clone();
                crate::settle::spawn_promise::<$ret, _, _>(env, async move {
                    Ok(core.$call($($pass),*).await? $(.$then())?)
                })
            }
        }
    };
    (impl $class:ident { $($methods:tt)* }) => {
        resource!(@methods $class $($methods)*);
    };
    // A resource the core declares (`insurup::resource_surface!`): the class, its shared methods
    // and those taking a core record whole, which JavaScript passes as one object too, one
    // method per kind of a union included.
    (
        () $($doc:literal)*
        $class:ident($accessor:ident) { $($methods:tt)* } records { $($records:tt)* }
        $(kinds { $($kinds:tt)* })?
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        #[napi]
        pub struct $class(pub(crate) insurup::$class);

        resource!(@methods $class $($methods)* $($records)* $($($kinds)*)?);
    };
}

pub(crate) use resource;

mod customers;
mod graphql;
mod proposals;
mod purchase;
mod shared;

pub use graphql::Graphql;
pub use purchase::Purchases;
pub use shared::{
    Addresses, AgentBranches, Cases, Customers, Policies, Properties, Proposals, ReferenceData,
    Vehicles, Webhooks,
};
