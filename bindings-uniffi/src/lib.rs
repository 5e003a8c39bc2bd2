//! UniFFI binding (Kotlin, Swift).
