package com.insurup.sdk

import org.junit.jupiter.api.Test

/** The programs in examples/kotlin, run as a user would: each starts its own sandbox and fails by throwing. */
class ExamplesTest {
    @Test
    fun `the quote-and-buy example buys a policy`() = com.insurup.examples.quoteandbuy.main()

    @Test
    fun `the list example streams every matching policy`() = com.insurup.examples.listpolicies.main()

    @Test
    fun `the webhook receiver verifies the purchase's deliveries`() = com.insurup.examples.webhookreceiver.main()

    @Test
    fun `the error example meets each error it expects`() = com.insurup.examples.handleerrors.main()
}
