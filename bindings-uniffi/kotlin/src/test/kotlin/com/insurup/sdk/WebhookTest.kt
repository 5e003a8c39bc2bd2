package com.insurup.sdk

import com.insurup.sdk.model.NewWebhook
import com.insurup.sdk.model.Secret
import com.insurup.sdk.model.WebhookEvent
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
            assertEquals("x-webhook-signature", error.report.field)
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
            assertEquals(2u, seen.capacity())
        }
        DeliveryDeduplicator().use { assertEquals(10_000u, it.capacity(), "the core's default") }
    }

    @Test
    fun `a signed body replayed under a new delivery id is a repeat`() {
        DeliveryDeduplicator(2u).use { seen ->
            assertTrue(seen.firstTime("d-1", body))
            for (n in 0 until 10) assertFalse(seen.firstTime("forged-$n", body))
            assertEquals(1u, seen.size(), "replays are not remembered, so they evict nothing")
        }
    }

    @Test
    fun `a webhook's secret is never printed`() {
        val webhook = NewWebhook(
            url = "https://crm.example.com/insurup",
            events = listOf(WebhookEvent.PolicyCreated),
            secret = Secret("whsec-0123456789abcdef"),
        )
        assertFalse("whsec-0123456789abcdef" in webhook.toString(), webhook.toString())
        assertTrue("REDACTED" in webhook.toString())
    }
}
