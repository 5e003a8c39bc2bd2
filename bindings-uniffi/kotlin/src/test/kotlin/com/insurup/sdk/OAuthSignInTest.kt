package com.insurup.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** A user's OAuth sign-in (authorization code with PKCE, PAR), the approve control in the browser's place. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthSignInTest {
    private val sandbox = Sandbox.start("oauth")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `a user signs in in the browser, the client acts as that user, and signing out revokes it`() = runBlocking {
        val options = sandbox.options().copy(
            email = null,
            password = null,
            clientId = "sandbox-app",
            redirectUri = "http://127.0.0.1:53682/callback",
        )
        val client = InsurUpClient(options, null, null)
        assertThrowsSuspending<InsurUpException.Authentication> { client.reference().me() }

        val request = client.startSignIn()
        assertTrue(request.authorizationUrl.contains("request_uri="), request.authorizationUrl)
        val callback = sandbox.approve(request.authorizationUrl)
        val forged = assertThrowsSuspending<InsurUpException.Validation> {
            client.completeSignIn(callback.replace(request.state, "forged"))
        }
        assertEquals("state", forged.report.field)

        client.completeSignIn(callback)
        assertEquals(Fixtures.AGENT_EMAIL, client.reference().me().email)

        client.signOut()
        assertEquals(2, sandbox.requests("POST /connect/revoke"))
        assertThrowsSuspending<InsurUpException.Authentication> { client.reference().me() }
        Unit
    }
}
