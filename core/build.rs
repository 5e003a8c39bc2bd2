fn main() {
    // Lets `napi build` force a rebuild of this crate so the TypeScript definitions of the
    // `#[napi(object)]` models land in the Node package's `index.d.ts`.
    #[cfg(feature = "napi")]
    napi_build::setup();
}
