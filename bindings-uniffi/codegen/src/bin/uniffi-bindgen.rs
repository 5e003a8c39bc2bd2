//! UniFFI's binding generator, built against the same UniFFI version as the library so the
//! generated Kotlin and Swift always match it.

fn main() {
    uniffi::uniffi_bindgen_main()
}
