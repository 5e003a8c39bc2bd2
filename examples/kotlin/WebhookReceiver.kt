// A webhook receiver: registers itself, buys a policy, and handles the deliveries that follow,
// verifying each signature over the raw body and ignoring repeats. It returns once it has
// verified both `proposal_premium.purchased` and `policy.created`.
package com.insurup.examples.webhookreceiver

import com.insurup.examples.connect

import com.insurup.sdk.DeliveryDeduplicator
import com.insurup.sdk.InsurUpException
import com.insurup.sdk.cheapestProduct
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.NewIndividualCustomer
import com.insurup.sdk.model.NewProposal
import com.insurup.sdk.model.NewVehicle
import com.insurup.sdk.model.NewWebhook
import com.insurup.sdk.model.Secret
import com.insurup.sdk.model.ProductBranch
import com.insurup.sdk.model.WaitOptions
import com.insurup.sdk.model.WebhookEvent
import com.insurup.sdk.verifyAndParseWebhook
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import java.net.InetSocketAddress
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

private const val SECRET = "whsec-example-0123456789" // keep yours in a secret manager

fun main() = runBlocking {
    val verified = LinkedBlockingQueue<String>()
    val seen = DeliveryDeduplicator()
    val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    server.createContext("/insurup") { exchange ->
        val body = exchange.requestBody.readAllBytes() // the raw bytes, exactly as sent
        val status = try {
            val event = verifyAndParseWebhook(SECRET, body, exchange.requestHeaders.getFirst("x-webhook-signature"))
            if (seen.firstTime(exchange.requestHeaders.getFirst("x-webhook-delivery") ?: "", body)) verified.put(event.eventType)
            204 // answer fast; do slow work elsewhere
        } catch (refused: InsurUpException) {
            println("refused a delivery: ${refused.message}") // forged, tampered with, or not an event
            401
        }
        exchange.sendResponseHeaders(status, -1)
        exchange.close()
    }
    server.start()

    connect().use { connection ->
        val client = connection.client
        val hook = client.webhooks().create(
            NewWebhook(
                url = "http://127.0.0.1:${server.address.port}/insurup",
                events = listOf(WebhookEvent.ProposalPremiumPurchased, WebhookEvent.PolicyCreated),
                secret = Secret(SECRET),
            ),
        )
        println("registered webhook ${hook.id}")

        val customer = client.customers().ensure(
            NewCustomer.Individual(NewIndividualCustomer(identityNumber = "11111111110", birthDate = "1990-01-01")),
        )
        val vehicle = client.vehicles().create(customer.id, NewVehicle(plate = "34ABC123", documentSerialCode = "AB", documentSerialNumber = "123456"))
        val created = client.proposals().create(NewProposal(productBranch = ProductBranch.Trafik, insurerCustomerId = customer.id, vehicleId = vehicle.id))
        val proposal = client.proposals().wait(created.id, WaitOptions(timeout = 60.0))
        val best = proposal.cheapestProduct(1u) ?: error("no insurer offered a cash premium")
        client.purchase().openAccount(proposal.id, best.id, 1u)

        val missing = mutableSetOf("proposal_premium.purchased", "policy.created")
        while (missing.isNotEmpty()) {
            val event = verified.poll(30, TimeUnit.SECONDS) ?: error("no delivery of $missing within 30 s")
            println("verified $event")
            missing.remove(event)
        }
        client.webhooks().delete(hook.id)
    }
    server.stop(0)
}
