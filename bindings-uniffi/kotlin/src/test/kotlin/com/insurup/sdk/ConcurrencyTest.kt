package com.insurup.sdk

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {
    private val sandbox = Sandbox.start("concurrency")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `fifty coroutines on one thread overlap their calls and share a single login`() = runBlocking {
        val client = sandbox.client()
        // A slow login keeps every call waiting on it, so all of them are in flight together.
        sandbox.fault(
            """{"method": "POST", "path": "/api/authentication:agent-user/login", "status": null, "delayMs": 300}""",
        )
        val loginsBefore = sandbox.stat("logins")
        var inFlight = 0
        var mostInFlight = 0

        // runBlocking's single thread runs all fifty: a suspended FFI call must not block it.
        val answers = (1..50).map {
            async {
                inFlight += 1
                mostInFlight = maxOf(mostInFlight, inFlight)
                try {
                    client.reference().insuranceCompanies()
                } finally {
                    inFlight -= 1
                }
            }
        }.awaitAll()

        assertEquals(50, mostInFlight, "all fifty calls were in flight at once")
        assertTrue(answers.all { it.size == 12 })
        assertEquals(loginsBefore + 1, sandbox.stat("logins"), "one login served every call")
        assertEquals(50, sandbox.requests("GET /api/insurance-companies"))
    }

    @Test
    fun `fifty coroutines creating vehicles each get their own`() = runBlocking {
        val client = sandbox.client()
        val customer = client.customers().ensure(fixtureCustomer())

        val vehicles = (1..50).map { async { client.vehicles().create(customer.id, fixtureVehicle()) } }.awaitAll()

        assertEquals(50, vehicles.map { it.id }.toSet().size)
        assertTrue(client.vehicles().list(customer.id).map { it.id }.containsAll(vehicles.map { it.id }))
    }
}
