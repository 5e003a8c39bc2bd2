package com.insurup.sdk

import com.insurup.sdk.model.Dialect
import com.insurup.sdk.model.DocumentSerial
import com.insurup.sdk.model.NewCustomer
import com.insurup.sdk.model.NewVehicle
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** The core's domain helpers and options, as Kotlin reaches them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainTest {
    private val sandbox = Sandbox.start("domain")
    private val guideSandbox = Sandbox.start("domain-guide", "--dialect", "guide")

    @AfterAll
    fun stopSandbox() {
        sandbox.close()
        guideSandbox.close()
    }

    @Test
    fun `an identity number names the kind of customer`() {
        assertTrue(NewCustomer.fromIdentityNumber(Fixtures.TCKN, birthDate = "1990-01-01") is NewCustomer.Individual)
        assertTrue(NewCustomer.fromIdentityNumber("1234567890", title = "ACME A.Ş.") is NewCustomer.Company)
        assertTrue(NewCustomer.fromIdentityNumber("99123456789", birthDate = "1985-05-05") is NewCustomer.Foreign)
    }

    @Test
    fun `a document serial is read as people write it, and checked`() {
        assertEquals(DocumentSerial("AB", "123456"), DocumentSerial.parse("ab-123456"))
        assertEquals(DocumentSerial("AB", "123456"), DocumentSerial.parse("AB 123456"))
        val error = assertThrows<InsurUpException.Validation> { DocumentSerial.parse("123456") }
        assertTrue(error.report.field!!.startsWith("document_serial"), error.report.field)
    }

    @Test
    fun `ensuring a vehicle twice finds it by its plate the second time`() = runBlocking {
        val client = sandbox.client()
        val customer = client.customers().ensure(NewCustomer.fromIdentityNumber(Fixtures.TCKN, birthDate = "1990-01-01"))
        val serial = DocumentSerial.parse("AB123456")
        val vehicle = NewVehicle(plate = "06XYZ987", documentSerialCode = serial.code, documentSerialNumber = serial.number)

        val first = client.vehicles().ensure(customer.id, vehicle)
        val second = client.vehicles().ensure(customer.id, vehicle)

        assertEquals(first.id, second.id)
        assertEquals(1, client.vehicles().list(customer.id).count { it.id == first.id })
    }

    @Test
    fun `a purchase carries its metadata`() = runBlocking {
        val client = sandbox.client()
        val proposal = client.answeredKaskoProposal()
        val product = proposal.cheapestCashProduct()

        val bought = client.purchase().creditCard(proposal.id, product.id, card(), 1u, metadata = """{"campaign": "spring"}""")

        assertEquals(product.id, client.policies().get(bought.policyId).proposalProductId)
    }

    @Test
    fun `the dialect set in the options is the one the client speaks`() = runBlocking {
        val client = InsurUpClient(guideSandbox.options().copy(dialect = "guide"))
        assertEquals(Dialect.GUIDE, client.dialect())
        assertEquals(12, client.reference().insuranceCompanies().size)
        val error = assertThrows<InsurUpException.Validation> { InsurUpClient(sandbox.options().copy(dialect = "lenient")) }
        assertEquals("dialect", error.report.field)
    }
}
