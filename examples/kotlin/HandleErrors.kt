// What each kind of error means and what to do about it. Every call throws the sealed
// InsurUpException; its case says what to do next.
package com.insurup.examples.handleerrors

import com.insurup.examples.connect

import com.insurup.sdk.InsurUpException
import com.insurup.sdk.cheapestProduct
import com.insurup.sdk.newCard
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.NewIndividualCustomer
import com.insurup.sdk.model.NewProposal
import com.insurup.sdk.model.NewVehicle
import com.insurup.sdk.model.ProductBranch
import com.insurup.sdk.model.WaitOptions
import kotlinx.coroutines.runBlocking

fun advice(error: InsurUpException): String = when (error) {
    is InsurUpException.Validation -> "fix the input field `${error.report.field}` (nothing was sent)"
    is InsurUpException.Authentication, is InsurUpException.TwoFactorRequired -> "check the credentials and the 2FA provider"
    is InsurUpException.NotFound -> "check the id (or the user's data scope)"
    is InsurUpException.Conflict -> "it exists already or is in the wrong state: read it instead"
    is InsurUpException.Unprocessable -> "show the customer: ${error.report.detail} ${error.report.suggestions.joinToString(" ")}"
    is InsurUpException.RateLimit -> "slow down; retry after ${error.report.retryAfter} s"
    is InsurUpException.PurchaseOutcomeUnknown -> "read the product back before buying again; never buy twice"
    is InsurUpException.Server, is InsurUpException.Timeout, is InsurUpException.Connection ->
        "retry later (the SDK already retried what was safe to retry)"
    else -> "report it with the request id ${error.report().requestId}"
}

/** Runs [call], which must throw an [E], and says what to do about it. */
suspend inline fun <reified E : InsurUpException> expect(what: String, call: () -> Unit) {
    try {
        call()
    } catch (error: InsurUpException) {
        check(error is E) { "$what: expected ${E::class.simpleName}, got $error" }
        println("$what: ${error::class.simpleName} -> ${advice(error)}")
        return
    }
    error("$what: expected ${E::class.simpleName}")
}

fun main() = runBlocking {
    connect().use { connection ->
        val client = connection.client
        // Caught locally, before any request.
        expect<InsurUpException.Validation>("bad TCKN") {
            client.customers().create(NewCustomer.Individual(NewIndividualCustomer(identityNumber = "12345678901")))
        }
        expect<InsurUpException.Validation>("mistyped card") { newCard("4242424242424241", "123", "12", "2030", "AHMET YILMAZ") }
        // Answered by the API.
        expect<InsurUpException.NotFound>("unknown proposal") { client.proposals().get("64b000000000000000000999") }
        val customer = client.customers().ensure(
            NewCustomer.Individual(NewIndividualCustomer(identityNumber = "11111111110", birthDate = "1990-01-01")),
        )
        expect<InsurUpException.Conflict>("duplicate customer") {
            client.customers().create(NewCustomer.Individual(NewIndividualCustomer(identityNumber = "11111111110")))
        }
        val vehicle = client.vehicles().create(customer.id, NewVehicle(plate = "34ABC123", documentSerialCode = "AB", documentSerialNumber = "123456"))
        val created = client.proposals().create(NewProposal(productBranch = ProductBranch.Trafik, insurerCustomerId = customer.id, vehicleId = vehicle.id))
        val proposal = client.proposals().wait(created.id, WaitOptions(timeout = 60.0))
        val best = proposal.cheapestProduct(1u) ?: error("no insurer offered a cash premium")
        val declined = newCard("4000000000000002", "123", "12", "2030", "AHMET YILMAZ")
        expect<InsurUpException.Unprocessable>("declined card") {
            client.purchase().creditCard(proposal.id, best.id, declined, 1u)
        }
    }
}
