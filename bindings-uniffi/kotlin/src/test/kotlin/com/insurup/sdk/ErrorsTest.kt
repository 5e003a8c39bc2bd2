package com.insurup.sdk

import com.insurup.sdk.model.ListOptions
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.NewIndividualCustomer
import com.insurup.sdk.model.SortKey
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
    private val sandbox = Sandbox.start("errors")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `a bad identity number is refused locally with the field named and nothing sent`() = runBlocking {
        val client = sandbox.client()
        val sent = sandbox.requests("POST /api/customers")
        val invalid = NewCustomer.Individual(
            NewIndividualCustomer("11111111111", null, null, null, null, null, null),
        )

        val error = assertThrowsSuspending<InsurUpException.Validation> { client.customers().create(invalid) }

        assertEquals("identity_number", error.report.field)
        assertEquals(null, error.report.status)
        assertEquals(sent, sandbox.requests("POST /api/customers"))
    }

    @Test
    fun `a card that fails the Luhn check is refused before any purchase`() {
        val error = assertThrows<InsurUpException.Validation> { card("4242424242424241") }
        assertEquals("card.number", error.report.field)
    }

    @Test
    fun `wrong credentials are an authentication error with the server's code`() = runBlocking {
        val client = sandbox.client(password = "not-the-password")
        val error = assertThrowsSuspending<InsurUpException.Authentication> { client.signIn() }
        assertEquals(401.toUShort(), error.report.status)
        assertTrue("INVALID_CREDENTIALS" in error.report.codes, error.toString())
        assertFalse("not-the-password" in error.toString())
    }

    @Test
    fun `an unknown policy is NotFound with the trace and request ids`() = runBlocking {
        val error = assertThrowsSuspending<InsurUpException.NotFound> {
            sandbox.client().policies().get("64b0000000000000000000ff")
        }
        assertEquals(404.toUShort(), error.report.status)
        assertNotNull(error.report.traceId)
        assertNotNull(error.report.requestId)
        assertNotNull(error.report.detail)
    }

    @Test
    fun `a declined card is Unprocessable with the server's detail and suggestions`() = runBlocking {
        val client = sandbox.client()
        val proposal = client.answeredKaskoProposal()
        val product = proposal.cheapestCashProduct()

        val error = assertThrowsSuspending<InsurUpException.Unprocessable> {
            client.purchase().creditCard(proposal.id, product.id, card(Fixtures.DECLINED_CARD), 1u)
        }

        assertEquals(422.toUShort(), error.report.status)
        assertEquals(listOf("PAYMENT_DECLINED"), error.report.codes)
        assertNotNull(error.report.detail)
        assertTrue(error.report.suggestions.isNotEmpty())
        assertFalse(Fixtures.DECLINED_CARD in error.toString(), error.toString())
    }

    @Test
    fun `a Retry-After too long to sleep through is a RateLimit error carrying it`() = runBlocking {
        val client = sandbox.client()
        client.signIn()
        sandbox.fault("""{"method": "GET", "path": "/api/insurance-companies", "status": 429, "retryAfter": 120}""")

        val error = assertThrowsSuspending<InsurUpException.RateLimit> { client.reference().insuranceCompanies() }

        assertEquals(120.0, error.report.retryAfter)
        assertEquals(429.toUShort(), error.report.status)
    }

    @Test
    fun `a server error that outlasts the retries is a Server error`() = runBlocking {
        val client = sandbox.client(maxRetries = 0u)
        client.signIn()
        sandbox.fault("""{"method": "GET", "path": "/api/agent-branches", "status": 502}""")

        val error = assertThrowsSuspending<InsurUpException.Server> { client.reference().agentBranches() }

        assertEquals(502.toUShort(), error.report.status)
    }

    @Test
    fun `a purchase whose answer is lost after it was made is confirmed by reading it back`() = runBlocking {
        val client = sandbox.client()
        val proposal = client.answeredKaskoProposal()
        val product = proposal.cheapestCashProduct()
        sandbox.fault(
            """{"method": "POST", "path": "/api/proposals/{id}/products/{productId}/purchase/sync",
               "action": "apply-then-drop"}""",
        )

        val purchase = client.purchase().creditCard(proposal.id, product.id, card(), 1u)

        assertTrue(purchase.confirmedByReadBack)
        assertEquals(1, sandbox.stat(product.id), "the purchase was sent once")
    }

    @Test
    fun `a purchase that may not have reached the server is PurchaseOutcomeUnknown naming the product`() = runBlocking {
        val client = sandbox.client()
        val proposal = client.answeredKaskoProposal()
        val product = proposal.cheapestCashProduct()
        sandbox.fault(
            """{"method": "POST", "path": "/api/proposals/{id}/products/{productId}/purchase/sync",
               "action": "drop"}""",
        )

        val error = assertThrowsSuspending<InsurUpException.PurchaseOutcomeUnknown> {
            client.purchase().creditCard(proposal.id, product.id, card(), 1u)
        }

        assertEquals(proposal.id, error.report.proposalId)
        assertEquals(product.id, error.report.productId)
        assertTrue(error.report.mayHaveReachedServer && !error.report.retryable)
        assertEquals(0, sandbox.stat(product.id), "the dropped request was not sent again")
    }

    @Test
    fun `a filter that is not JSON is refused locally`() = runBlocking {
        val error = assertThrowsSuspending<InsurUpException.Validation> {
            sandbox.client().graphql().policies(filter = "{state: ACTIVE")
        }
        assertEquals("filter", error.report.field)
    }

    @Test
    fun `a sort direction other than ASC or DESC is refused locally by the core`() = runBlocking {
        val error = assertThrowsSuspending<InsurUpException.Validation> {
            sandbox.client().graphql().policies(ListOptions(order = listOf(SortKey("grossPremium", "down"))))
        }
        assertEquals("order.direction", error.report.field)
    }

    @Test
    fun `a GraphQL refusal keeps the server's errors, and every case has the same report`() = runBlocking {
        val error = assertThrowsSuspending<InsurUpException> {
            sandbox.client().graphql().execute("{ noSuchField }")
        }
        val report = error.report()
        assertEquals(error::class.simpleName + "Error", report.kind)
        assertTrue("noSuchField" in report.graphqlErrorsJson, report.graphqlErrorsJson)
        assertTrue(report.mayHaveReachedServer)
    }

    @Test
    fun `metadata that is not a JSON object is refused before the purchase is sent`() = runBlocking {
        val client = sandbox.client()
        val error = assertThrowsSuspending<InsurUpException.Validation> {
            client.purchase().openAccount("64b0000000000000000000aa", "64b0000000000000000000bb", 1u, metadata = "[1, 2]")
        }
        assertEquals("metadata", error.report.field)
    }
}
