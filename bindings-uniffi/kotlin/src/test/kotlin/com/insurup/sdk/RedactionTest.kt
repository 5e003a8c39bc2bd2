package com.insurup.sdk

import com.insurup.sdk.model.TokenSet
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** Nothing the binding returns or throws prints a password, token, card number or CVC. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionTest {
    private val sandbox = Sandbox.start("redaction")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `the whole purchase flow prints no secret`() = runBlocking {
        val store = InMemoryTokenStore()
        val printed = mutableListOf<String>()
        // Premiums and ids are full of digits, so the CVC is looked for only where card data
        // passes: the cards themselves and the errors about them.
        val printedNearCards = mutableListOf<String>()
        fun <T> seen(value: T): T = value.also { printed += it.toString() }
        fun <T> seenNearCard(value: T): T = seen(value).also { printedNearCards += it.toString() }

        val options = seen(sandbox.options())
        val client = seen(InsurUpClient(options, tokenStore = store))
        val proposal = seen(client.answeredKaskoProposal())
        val product = proposal.cheapestCashProduct()
        val card = seenNearCard(card())
        val declined = seenNearCard(card(Fixtures.DECLINED_CARD))
        seenNearCard(runCatching { client.purchase().creditCard(proposal.id, product.id, declined, 1u) }.exceptionOrNull())
        val purchase = seen(client.purchase().creditCard(proposal.id, product.id, card, 1u))
        seen(client.policies().get(purchase.policyId))
        seenNearCard(runCatching { newCard(Fixtures.CARD, "1", "12", "2030", "AHMET YILMAZ") }.exceptionOrNull())
        val tokens = seen(TokenSet.fromJson(store.saved!!))

        val secrets = listOf(
            Fixtures.PASSWORD, Fixtures.CARD, Fixtures.DECLINED_CARD, tokens.accessToken.value, tokens.refreshToken!!.value,
        )
        assertEquals(10, printed.size)
        for (text in printed) {
            for (secret in secrets) assertTrue(secret !in text, "a secret is printed in: $text")
        }
        for (text in printedNearCards) assertTrue(Fixtures.CVC !in text, "the CVC is printed in: $text")
    }
}
