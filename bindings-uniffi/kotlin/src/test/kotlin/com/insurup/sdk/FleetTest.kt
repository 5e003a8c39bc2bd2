package com.insurup.sdk

import com.insurup.sdk.model.RedisFleetOptions
import com.insurup.sdk.model.RedisTokenStoreOptions
import java.io.File
import java.io.IOException
import java.net.ServerSocket
import java.net.Socket
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/**
 * A `redis-server` of its own on a free loopback port, without persistence. Fails, never skips,
 * when the server is not installed: scripts/test-kotlin.sh installs it (scripts/redis.sh).
 */
class RedisServer private constructor(private val process: Process, val url: String) : AutoCloseable {
    override fun close() {
        process.destroy()
        process.waitFor()
    }

    companion object {
        fun start(name: String): RedisServer {
            val port = ServerSocket(0).use { it.localPort }
            val logs = File("target/sandbox-logs").apply { mkdirs() }
            val process = try {
                ProcessBuilder("redis-server", "--port", "$port", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(File(logs, "$name-redis.log"))
                    .start()
            } catch (missing: IOException) {
                throw AssertionError("redis-server cannot be started (scripts/redis.sh installs it)", missing)
            }
            val deadline = System.nanoTime() + 10_000_000_000L
            while (true) {
                try {
                    Socket("127.0.0.1", port).close()
                    return RedisServer(process, "redis://127.0.0.1:$port/")
                } catch (notYet: IOException) {
                    if (!process.isAlive || System.nanoTime() > deadline) {
                        process.destroy()
                        throw AssertionError("redis-server did not listen on $port; see target/sandbox-logs/$name-redis.log", notYet)
                    }
                    Thread.sleep(50)
                }
            }
        }
    }
}

/** Clients of one account sharing its session and locks through a real Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTest {
    private val redis = RedisServer.start("fleet")

    /** Access tokens live 2 s, so a few seconds of calls go through several generations. */
    private val sandbox = Sandbox.start("fleet", "--token-ttl", "2")

    private val refreshRoute = "POST /api/authentication:agent-user/refresh"

    @AfterAll
    fun stop() {
        sandbox.close()
        redis.close()
    }

    /** Calls the API from every client at once for [seconds]. */
    private fun callTogether(clients: List<InsurUpClient>, seconds: Long) = runBlocking {
        val until = System.nanoTime() + seconds * 1_000_000_000L
        clients.map { client ->
            async {
                while (System.nanoTime() < until) {
                    client.reference().me()
                    delay(25)
                }
            }
        }.awaitAll()
    }

    @Test
    fun `a fleet shows its Redis without the password, and its account`() {
        val fleet = RedisFleet("redis://worker:s3cret-pw@127.0.0.1:6379/0", "ops@acente.com.tr")
        assertEquals("ops@acente.com.tr", fleet.account())
        assertTrue(fleet.url().startsWith("redis://") && "s3cret-pw" !in fleet.url(), fleet.url())
    }

    @Test
    fun `two clients with their own RedisTokenStore log in once between them and never refuse each other's refresh`() {
        val account = "store-" + Fixtures.AGENT_EMAIL
        val (loginsBefore, refreshesBefore, askedBefore) =
            Triple(sandbox.stat("logins"), sandbox.stat("refreshes"), sandbox.requests(refreshRoute))
        val clients = List(2) { InsurUpClient(sandbox.options(), tokenStore = RedisTokenStore(redis.url, account)) }

        callTogether(clients, seconds = 5)

        val refreshes = sandbox.stat("refreshes") - refreshesBefore
        assertEquals(1, sandbox.stat("logins") - loginsBefore, "one login for both clients")
        assertTrue(refreshes >= 2, "5 s of 2 s tokens were renewed, not logged in again ($refreshes refreshes)")
        assertEquals(refreshes, sandbox.requests(refreshRoute) - askedBefore, "no refresh token was refused")
        clients.forEach { it.close() }
    }

    @Test
    fun `clients given one fleet share its session and rate budget`() {
        val account = "fleet-" + Fixtures.AGENT_EMAIL
        val loginsBefore = sandbox.stat("logins")
        val clients = List(2) {
            InsurUpClient(sandbox.options(), fleet = RedisFleet(redis.url, account, requestsPerSecond = 200.0))
        }

        callTogether(clients, seconds = 3)

        assertEquals(1, sandbox.stat("logins") - loginsBefore, "one login for the whole fleet")
        clients.forEach { it.close() }
    }

    @Test
    fun `a Redis store's tokens are the session's, readable like any store's`() = runBlocking {
        val account = "read-" + Fixtures.AGENT_EMAIL
        val store = RedisTokenStore(redis.url, account)
        InsurUpClient(sandbox.options(), tokenStore = store).use { it.signIn() }

        val tokens = RedisTokenStore(redis.url, account).load()

        assertTrue(tokens != null && tokens.expiresInSecs > 0u, "the shared record holds the login's tokens")
    }

    @Test
    fun `a bad Redis URL is a validation error naming no password`() {
        val thrown = runCatching { RedisTokenStore("http://user:hunter2@localhost/", "a@b.c") }.exceptionOrNull()
        assertTrue(thrown is InsurUpException, "got $thrown")
        assertTrue("hunter2" !in thrown.toString(), "the password stays out of the error: $thrown")
    }

    @Test
    fun `every setting of the core's fleet and store options is taken, and checked there`() = runBlocking {
        val account = "options-" + Fixtures.AGENT_EMAIL
        val options = RedisTokenStoreOptions(account = account, keyPrefix = "staging", timeout = 1.0, waitForRenewal = 5.0)
        InsurUpClient(sandbox.options(), tokenStore = RedisTokenStore(redis.url, options)).use { it.signIn() }

        assertTrue(RedisTokenStore(redis.url, options).load() != null, "the session is kept under the prefix")
        assertTrue(RedisTokenStore(redis.url, account).load() == null, "and not under the default one")
        val fleet = RedisFleet.withOptions(
            redis.url,
            RedisFleetOptions(account = account, keyPrefix = "staging", requestsPerSecond = 50.0, burst = 5u),
        )
        val loginsBefore = sandbox.stat("logins")
        InsurUpClient(sandbox.options(), fleet = fleet).use { it.signIn() }
        assertEquals(loginsBefore, sandbox.stat("logins"), "the fleet adopts the session kept under its prefix")
        val thrown = runCatching {
            RedisFleet.withOptions(redis.url, RedisFleetOptions(account = account, burst = 5u))
        }.exceptionOrNull()
        assertTrue(thrown is InsurUpException.Validation, "a burst without a rate: $thrown")
        assertEquals("burst", (thrown as InsurUpException.Validation).report.field)
    }
}
