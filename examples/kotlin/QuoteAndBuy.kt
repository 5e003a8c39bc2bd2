// The B2B flow end to end: customer, vehicle, sale opportunity, kasko quotes from every insurer,
// the cheapest bought with a card, and the policy.
package com.insurup.examples.quoteandbuy

import com.insurup.examples.connect

import com.insurup.sdk.cheapestProduct
import com.insurup.sdk.fromIdentityNumber
import com.insurup.sdk.newCard
import com.insurup.sdk.parse
import com.insurup.sdk.model.Channel
import com.insurup.sdk.model.DocumentSerial
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.NewProposal
import com.insurup.sdk.model.NewVehicle
import com.insurup.sdk.model.ProductBranch
import com.insurup.sdk.watchFlow
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    connect().use { connection ->
        val client = connection.client
        // `ensure` finds the agency's customer (or vehicle, by its plate) or creates it: safe to
        // run again after a failure. The identity number says which kind of customer it is.
        val customer = client.customers().ensure(NewCustomer.fromIdentityNumber("11111111110", birthDate = "1990-01-01"))
        val serial = DocumentSerial.parse("AB 123456") // as written on the registration document
        val vehicle = client.vehicles().ensure(
            customer.id,
            NewVehicle(plate = "34ABC123", documentSerialCode = serial.code, documentSerialNumber = serial.number),
        )
        val sale = client.cases().ensureSaleOpportunity(customer.id, ProductBranch.Kasko, Channel.Api)
        println("customer ${customer.fullName ?: customer.id}, vehicle ${vehicle.id}, case ${sale.caseRef}")

        val created = client.proposals().create(
            NewProposal(productBranch = ProductBranch.Kasko, insurerCustomerId = customer.id, vehicleId = vehicle.id),
        )
        client.proposals().watchFlow(created.id).collect { update ->
            for (product in update.resolved) {
                val cash = product.premiums.firstOrNull { it.installmentNumber == 1u }?.grossPremium
                println("  %-28s %s".format(product.insuranceCompanyName ?: "?", cash?.let { "%10.2f TL".format(it) } ?: "   no offer"))
            }
        }
        val proposal = client.proposals().get(created.id)

        val best = proposal.cheapestProduct(1u) ?: error("no insurer offered a cash premium")
        val card = newCard("4242424242424242", "123", "12", "2030", "AHMET YILMAZ") // the sandbox's test card
        // Sent at most once: if the answer is lost, the SDK reads the product back instead.
        val bought = client.purchase().creditCard(proposal.id, best.id, card, 1u, metadata = """{"campaign": "example"}""")
        val policy = client.policies().get(bought.policyId)
        println("bought ${best.insuranceCompanyName}: policy ${policy.policyNumber}, ${policy.grossPremium} TL")
    }
}
