// Kotlin idiom over the core's proposal helpers: the selection logic stays in the core.
package com.insurup.sdk

import com.insurup.sdk.model.Product
import com.insurup.sdk.model.Proposal

/** The cheapest product that can be bought in [installments] (1 = cash), or null. */
fun Proposal.cheapestProduct(installments: UInt = 1u): Product? = cheapestProduct(this, installments)
