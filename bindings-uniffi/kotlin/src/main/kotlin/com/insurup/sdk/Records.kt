// Kotlin idiom over the library's free functions: companion constructors and methods on the
// core's records. The logic (kind of customer, serial parsing, product choice) stays in the core.
package com.insurup.sdk

import com.insurup.sdk.model.DocumentSerial
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.Product
import com.insurup.sdk.model.Proposal
import com.insurup.sdk.model.TokenSet

/**
 * The kind of customer [identityNumber] names: a 10-digit VKN is a company titled [title], a
 * number starting with 99 a foreign national born on [birthDate], any other an individual (TCKN).
 */
fun NewCustomer.Companion.fromIdentityNumber(
    identityNumber: String,
    title: String? = null,
    birthDate: String? = null,
): NewCustomer = newCustomerFromIdentityNumber(identityNumber, title, birthDate)

/** A registration document serial as people write it (`AB123456`, `AB 123456`, `ab-123456`), checked. */
fun DocumentSerial.Companion.parse(serial: String): DocumentSerial = parseDocumentSerial(serial)

/** The whole set as JSON, tokens in clear: keep it in the Keystore only. */
fun TokenSet.toJson(): String = tokenSetToJson(this)

/** A token set written by [toJson]. */
fun TokenSet.Companion.fromJson(json: String): TokenSet = tokenSetFromJson(json)

/** The cheapest product that can be bought in [installments] (null: one payment, cash), or null. */
fun Proposal.cheapestProduct(installments: UInt? = null): Product? = cheapestProduct(this, installments)
