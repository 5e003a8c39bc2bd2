package com.insurup.sdk

import com.insurup.sdk.model.Channel
import com.insurup.sdk.model.PolicyState
import com.insurup.sdk.model.ProductBranch
import com.insurup.sdk.model.ProductState
import com.insurup.sdk.model.PurchaseStatus
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullFlowTest {
    private val sandbox = Sandbox.start("full-flow")
    private val guideSandbox = Sandbox.start("full-flow-guide", "--dialect", "guide")

    @AfterAll
    fun stopSandbox() {
        sandbox.close()
        guideSandbox.close()
    }

    @Test
    fun `an agent user quotes kasko with every insurer and buys the cheapest with a card`() =
        quoteAndBuy(sandbox)

    @Test
    fun `the same calls work against the B2B guide's dialect of the API`() = quoteAndBuy(guideSandbox)

    private fun quoteAndBuy(sandbox: Sandbox) = runBlocking {
        val client = sandbox.client()
        val proposal = client.answeredKaskoProposal()
        assertTrue(proposal.products.size > 1, "several insurers were asked")
        assertTrue(proposal.products.none { it.state == ProductState.Waiting }, "every insurer answered")

        val best = proposal.cheapestCashProduct()
        // Installments left out: the core's default, one payment (cash).
        val purchase = client.purchase().creditCard(proposal.id, best.id, card())
        assertEquals(PurchaseStatus.Purchased, purchase.status)
        assertFalse(purchase.confirmedByReadBack)

        val policy = client.policies().get(purchase.policyId)
        assertEquals(PolicyState.Active, policy.state)
        assertEquals(best.id, policy.proposalProductId)
        assertEquals(1u, policy.installmentNumber, "bought in cash")
        assertEquals(best.premiums.first { it.installmentNumber == 1u }.grossPremium, policy.grossPremium)
        assertEquals(1, sandbox.stat(best.id), "the product was bought exactly once")
    }

    @Test
    fun `ensuring a sale opportunity twice returns the same open case`() = runBlocking {
        val client = sandbox.client()
        val customer = client.customers().ensure(fixtureCustomer())
        val first = client.cases().ensureSaleOpportunity(customer.id, ProductBranch.Trafik, Channel.Api)
        // The channel may be left out: the core's default is API.
        val second = client.cases().ensureSaleOpportunity(customer.id, ProductBranch.Trafik)
        assertEquals(first.id, second.id)
        assertEquals(Channel.Api, second.channel)
    }

    @Test
    fun `watching a proposal reports each insurer's answer once and finishes`() = runBlocking {
        val client = sandbox.client()
        val customer = client.customers().ensure(fixtureCustomer())
        val vehicle = client.vehicles().create(customer.id, fixtureVehicle())
        val proposal = client.proposals().create(kasko(customer, vehicle))

        val updates = client.proposals().watchFlow(proposal.id).toList()

        assertTrue(updates.last().finished)
        assertTrue(updates.dropLast(1).none { it.finished }, "only the last update is final")
        val reported = updates.flatMap { update -> update.resolved.map { it.id } }
        assertEquals(reported.toSet().size, reported.size, "no answer is reported twice")
        assertEquals(updates.last().proposal.products.map { it.id }.toSet(), reported.toSet())
    }

    @Test
    fun `reference data comes back as typed records`() = runBlocking {
        val reference = sandbox.client().reference()
        val insurers = reference.insuranceCompanies()
        assertEquals(12, insurers.size)
        assertTrue(insurers.any { it.name == "Anadolu Sigorta" })
        val me = reference.me()
        assertEquals(Fixtures.AGENT_EMAIL, me.email)
        assertNotNull(reference.coverageGroups().firstOrNull { it.productBranch == ProductBranch.Kasko })
    }
}
