package com.insurup.sdk.model

/**
 * A secret value, such as a webhook's signing secret. `toString()` never shows it, so records
 * that hold one (data classes print every field) can be logged safely. Create one with
 * `Secret("...")`; [value] is what is sent.
 */
class RedactedSecret(val value: String) {
    override fun toString(): String = "Secret([REDACTED])"

    override fun equals(other: Any?): Boolean = other is RedactedSecret && other.value == value

    override fun hashCode(): Int = value.hashCode()
}
