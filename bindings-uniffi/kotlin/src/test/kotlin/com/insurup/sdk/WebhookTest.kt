package com.insurup.sdk

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class WebhookTest {
    private val secret = "whsec-kotlin-tests-0123456789"
    private val body = """{"${'$'}event":"policy.created","policyId":"p-1"}""".toByteArray()

    @Test
    fun `a signed body verifies and decodes to its event`() {
        val event = verifyAndParseWebhook(secret, body, signWebhook(secret, body))
        assertEquals("policy.created", event.eventType)
        assertFalse(event.isUnknown)
        assertTrue(event.payloadJson.contains("\"policyId\":\"p-1\""))
    }

    @Test
    fun `a tampered body, a wrong secret or no signature is refused naming the header`() {
        val signature = signWebhook(secret, body)
        val tampered = String(body).replace("p-1", "p-2").toByteArray()
        for ((raw, key, header) in listOf(Triple(tampered, secret, signature), Triple(body, "other", signature), Triple(body, secret, null))) {
            val error = assertThrows<InsurUpException.Validation> { verifyWebhook(key, raw, header) }
            assertEquals("x-webhook-signature", error.field)
        }
    }

    @Test
    fun `unknown events are kept and bodies that are not events are decode errors`() {
        val event = parseWebhook("""{"${'$'}event":"quote.invented","answer":42}""".toByteArray())
        assertTrue(event.isUnknown)
        assertEquals("quote.invented", event.eventType)
        assertThrows<InsurUpException.Decode> { parseWebhook("[1,2,3]".toByteArray()) }
    }

    @Test
    fun `a delivery is handled once, and again once forgotten`() {
        DeliveryDeduplicator(2u).use { seen ->
            assertTrue(seen.firstTime("d-1"))
            assertFalse(seen.firstTime("d-1"))
            assertTrue(seen.forget("d-1"))
            assertTrue(seen.firstTime("d-1"))
            assertEquals(1u, seen.size())
        }
    }
}
