package com.insurup.sdk

import com.insurup.sdk.model.AddressType
import com.insurup.sdk.model.ConsentChannel
import com.insurup.sdk.model.ConsentType
import com.insurup.sdk.model.NewAgentBranch
import com.insurup.sdk.model.NewCustomer
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** A CRM's everyday calls beyond quote-and-buy: consents, the address register, branches. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmCallsTest {
    private val sandbox = Sandbox.start("crm-calls")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `a consent given by SMS is in force, and revoking it ends it`() = runBlocking {
        val client = sandbox.client()
        val customer = client.customers().ensure(NewCustomer.fromIdentityNumber(Fixtures.TCKN, birthDate = "1990-01-01"))
        client.customers().giveConsent(customer.id, ConsentType.Kvkk, ConsentChannel.Sms)
        val given = client.customers().consents(customer.id)
        assertTrue(given.consents.any { it.consentType == ConsentType.Kvkk && it.isActive }, given.toString())
        client.customers().revokeConsent(customer.id, ConsentType.Kvkk)
        val revoked = client.customers().consents(customer.id)
        assertTrue(revoked.consents.none { it.consentType == ConsentType.Kvkk && it.isActive }, revoked.toString())
    }

    @Test
    fun `the address register leads from a city to a flat a customer can live at`() = runBlocking {
        val client = sandbox.client()
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

    @Test
    fun `a branch created under another sits below it in the tree`() = runBlocking {
        val client = sandbox.client()
        val branches = client.agentBranches()
        val parent = branches.create(NewAgentBranch("Kadıköy"))
        val child = branches.create(NewAgentBranch("Moda", parentBranchId = parent.id))
        val node = branches.tree().single { it.branch.id == child.id }
        assertEquals(parent.id, node.ancestorIds.last())
        branches.delete(child.id)
        assertTrue(branches.list().none { it.id == child.id })
    }
}
