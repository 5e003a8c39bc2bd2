package com.insurup.sdk

import com.insurup.sdk.model.TokenSet
import com.insurup.sdk.model.TwoFactorChallenge
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** A 2FA provider that answers with [code] and remembers every challenge. */
class RecordingTwoFactor(private val code: String = Fixtures.MFA_CODE) : TwoFactorProvider {
    val challenges = mutableListOf<TwoFactorChallenge>()

    override suspend fun code(challenge: TwoFactorChallenge): String {
        challenges += challenge
        return code
    }
}

/** A token store in memory, the way an app keeps tokens in the Keychain or Keystore. */
class InMemoryTokenStore : TokenStore {
    private val lock = Mutex()
    var saved: String? = null
        private set
    var saves = 0
        private set

    override suspend fun load(): TokenSet? = lock.withLock { saved?.let { TokenSet.fromJson(it) } }

    override suspend fun save(tokens: TokenSet) = lock.withLock {
        saved = tokens.toJson()
        saves += 1
    }

    override suspend fun clear() = lock.withLock { saved = null }
}

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {
    private val sandbox = Sandbox.start("authentication")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `a 2FA login asks the Kotlin provider once and completes with its code`() = runBlocking {
        val provider = RecordingTwoFactor()
        val verificationsBefore = sandbox.stat("mfaVerifications")
        val client = sandbox.client(email = Fixtures.MFA_EMAIL, twoFactor = provider)

        client.signIn()
        val me = client.reference().me()

        assertEquals(listOf(Fixtures.MFA_EMAIL), provider.challenges.map { it.email })
        assertEquals(me.id, provider.challenges.single().userId)
        assertEquals(verificationsBefore + 1, sandbox.stat("mfaVerifications"))
    }

    @Test
    fun `a 2FA account without a provider fails with TwoFactorRequired`() = runBlocking {
        val client = sandbox.client(email = Fixtures.MFA_EMAIL)
        assertThrowsSuspending<InsurUpException.TwoFactorRequired> { client.signIn() }
        Unit
    }

    @Test
    fun `a wrong 2FA code is refused as an authentication error`() = runBlocking {
        val client = sandbox.client(email = Fixtures.MFA_EMAIL, twoFactor = RecordingTwoFactor("000000"))
        val error = assertThrowsSuspending<InsurUpException.Authentication> { client.signIn() }
        assertEquals(401.toUShort(), error.report.status)
        assertTrue("INVALID_MFA_CODE" in error.report.codes, error.toString())
    }

    @Test
    fun `a provider that throws abandons the login with its message`() = runBlocking {
        val cancelled = object : TwoFactorProvider {
            override suspend fun code(challenge: TwoFactorChallenge): String =
                throw IllegalStateException("the user closed the code prompt")
        }
        val client = sandbox.client(email = Fixtures.MFA_EMAIL, twoFactor = cancelled)
        val error = assertThrowsSuspending<InsurUpException.Authentication> { client.signIn() }
        assertTrue("the user closed the code prompt" in error.report.message, error.report.message)
    }

    @Test
    fun `tokens kept by an app's token store let a new client skip the login`() = runBlocking {
        val store = InMemoryTokenStore()
        sandbox.client(tokenStore = store).signIn()
        assertEquals(1, store.saves)
        val logins = sandbox.stat("logins")

        val restarted = sandbox.client(tokenStore = store)
        assertEquals(Fixtures.AGENT_EMAIL, restarted.reference().me().email)

        assertEquals(logins, sandbox.stat("logins"), "no new login")
    }

    @Test
    fun `a FileTokenStore keeps the session in an owner-only file a restarted client signs in from`() = runBlocking {
        val file = kotlin.io.path.createTempDirectory("insurup-").resolve("tokens.json")
        sandbox.client(tokenStore = FileTokenStore(file.toString())).signIn()
        assertEquals("rw-------", java.nio.file.Files.getPosixFilePermissions(file).let(java.nio.file.attribute.PosixFilePermissions::toString))
        assertTrue("refreshToken" in file.toFile().readText())
        val logins = sandbox.stat("logins")

        val restarted = sandbox.client(tokenStore = FileTokenStore(file.toString()))
        assertEquals(Fixtures.AGENT_EMAIL, restarted.reference().me().email)

        assertEquals(logins, sandbox.stat("logins"), "no new login")
        assertNotNull(FileTokenStore(file.toString()).load(), "Kotlin may read the store itself")
    }

    @Test
    fun `signing out clears the app's token store`() = runBlocking {
        val store = InMemoryTokenStore()
        val client = sandbox.client(tokenStore = store)
        client.signIn()
        assertNotNull(store.saved)

        client.signOut()

        assertNull(store.saved)
    }

    @Test
    fun `a token set prints without its tokens and round-trips through JSON`() = runBlocking {
        val store = InMemoryTokenStore()
        sandbox.client(tokenStore = store).signIn()
        val tokens = TokenSet.fromJson(store.saved!!)

        val printed = tokens.toString()
        assertFalse(tokens.accessToken.value in printed, printed)
        assertFalse(tokens.refreshToken!!.value in printed, printed)
        assertTrue(tokens.subject.startsWith("agent-user:${Fixtures.AGENT_EMAIL}"), tokens.subject)
        assertEquals(tokens, TokenSet.fromJson(tokens.toJson()))
        assertTrue(tokens.expiresInSecs > 0u && tokens.issuedAtMs > 0)
    }

    @Test
    fun `a token store that throws is a TokenStore error naming the store`() = runBlocking {
        val broken = object : TokenStore {
            override suspend fun load(): TokenSet? = throw java.io.IOException("the keystore is locked")
            override suspend fun save(tokens: TokenSet) = Unit
            override suspend fun clear() = Unit
        }
        val error = assertThrowsSuspending<InsurUpException.TokenStore> {
            sandbox.client(tokenStore = broken).signIn()
        }
        assertTrue("token_store.load" in error.report.message && "the keystore is locked" in error.report.message, error.report.message)
    }

    @Test
    fun `the client reports what it was configured with, as every language does`() {
        val options = sandbox.options().copy(agentId = "agent-1", agentBranchId = "branch-7")
        val client = InsurUpClient(options)
        // The URLs as the core parsed them: with the path's slash.
        assertEquals("${sandbox.baseUrl}/", client.baseUrl())
        assertEquals(sandbox.authUrl, client.authUrl().removeSuffix("/"))
        assertEquals("agent-1", client.agentId())
        assertEquals("branch-7", client.agentBranchId())
        assertEquals(null, sandbox.client().agentBranchId())
    }

    @Test
    fun `the client names the binding and its platform in its User-Agent`() {
        val agent = sandbox.client().userAgent()
        assertTrue(Regex("""^insurup-uniffi/\S+ \w+-\w+ insurup-rust/\S+""").containsMatchIn(agent), agent)
    }
}
