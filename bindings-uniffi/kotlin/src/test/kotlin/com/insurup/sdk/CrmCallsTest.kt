package com.insurup.sdk

import com.insurup.sdk.model.AddressType
import com.insurup.sdk.model.Channel
import com.insurup.sdk.model.ConsentChannel
import com.insurup.sdk.model.ConsentType
import com.insurup.sdk.model.Dialect
import com.insurup.sdk.model.NewAgentBranch
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.ProductBranch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicContainer
import org.junit.jupiter.api.DynamicContainer.dynamicContainer
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance

/**
 * A CRM's everyday calls beyond quote-and-buy (consents, the address register, branches) against
 * a sandbox of each documented dialect: by a client that finds the dialect out, and by one told
 * it, so that every request must be spelt right the first time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmCallsTest {
    private class Served(val dialect: String, val told: Boolean) {
        val name = "$dialect, ${if (told) "told" else "found out"}"
        val sandbox = Sandbox.start("crm-calls-$dialect-${if (told) "told" else "found-out"}", "--dialect", dialect)
    }

    private val served = listOf("vendor-sdk", "guide", "graphql-docs").flatMap { dialect ->
        listOf(false, true).map { told -> Served(dialect, told) }
    }

    @AfterAll
    fun stopSandboxes() = served.forEach { it.sandbox.close() }

    @TestFactory
    fun `the CRM calls in every dialect`(): List<DynamicContainer> = served.map { served ->
        // One client through every call, as a CRM's would.
        val client = InsurUpClient(served.sandbox.options().copy(dialect = served.dialect.takeIf { served.told }))
        dynamicContainer(
            served.name,
            listOf(
                dynamicTest("a consent given by SMS is in force, and revoking it ends it") {
                    runBlocking { consentGivenAndRevoked(client) }
                },
                dynamicTest("the address register leads from a city to a flat a customer can live at") {
                    runBlocking { addressRegisterToAFlat(client) }
                },
                dynamicTest("a branch created under another sits below it in the tree") {
                    runBlocking { branchUnderAnother(client) }
                },
                dynamicTest("a note added to a sale opportunity is among its activities") {
                    runBlocking { noteOnASaleOpportunity(client) }
                },
                // The open-case check before a sale opportunity is a GraphQL query whose filter type
                // each dialect names differently: a client finding the dialect out has learned it.
                dynamicTest("after these calls the client speaks the dialect the sandbox serves") {
                    assertEquals(Dialect.valueOf(served.dialect.uppercase().replace('-', '_')), client.dialect())
                },
            ),
        )
    }

    private suspend fun consentGivenAndRevoked(client: InsurUpClient) {
        val customer = client.customers().ensure(NewCustomer.fromIdentityNumber(Fixtures.TCKN, birthDate = "1990-01-01"))
        client.customers().giveConsent(customer.id, ConsentType.Kvkk, ConsentChannel.Sms)
        val given = client.customers().consents(customer.id)
        assertTrue(given.consents.any { it.consentType == ConsentType.Kvkk && it.isActive }, given.toString())
        client.customers().revokeConsent(customer.id, ConsentType.Kvkk)
        val revoked = client.customers().consents(customer.id)
        assertTrue(revoked.consents.none { it.consentType == ConsentType.Kvkk && it.isActive }, revoked.toString())
    }

    private suspend fun addressRegisterToAFlat(client: InsurUpClient) {
        val addresses = client.addresses()
        val city = addresses.cities().first().value
        val district = addresses.districts(city).first().value
        val town = addresses.towns(district).first().value
        val neighbourhood = addresses.neighbourhoods(town).first().value
        val street = addresses.streets(neighbourhood).first().value
        val building = addresses.buildings(street).first().value
        val reference = addresses.apartments(building).first().value
        val flat = reference.toLong()
        val customer = client.customers().ensure(NewCustomer.fromIdentityNumber(Fixtures.TCKN, birthDate = "1990-01-01"))
        val added = client.customers().addAddress(customer.id, flat, AddressType.Home)
        assertEquals(flat, added.propertyNumber)
        assertEquals(addresses.ofPropertyNumber(flat), added.address)
    }

    private suspend fun noteOnASaleOpportunity(client: InsurUpClient) {
        val customer = client.customers().ensure(NewCustomer.fromIdentityNumber(Fixtures.TCKN, birthDate = "1990-01-01"))
        val sale = client.cases().ensureSaleOpportunity(customer.id, ProductBranch.Kasko, Channel.Api)
        client.cases().addNote(sale.id, "call back on Monday")
        assertTrue(client.cases().activities(sale.id).isNotEmpty())
    }

    private suspend fun branchUnderAnother(client: InsurUpClient) {
        val branches = client.agentBranches()
        val parent = branches.create(NewAgentBranch("Kadıköy"))
        val child = branches.create(NewAgentBranch("Moda", parentBranchId = parent.id))
        val node = branches.tree().single { it.branch.id == child.id }
        assertEquals(parent.id, node.ancestorIds.last())
        branches.delete(child.id)
        assertTrue(branches.list().none { it.id == child.id })
    }
}
