package com.insurup.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.io.File

/** The SDK's events reach SLF4J (slf4j-simple here, writing to the file Maven names) without secrets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoggingTest {
    private val sandbox = Sandbox.start("logging")

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `a retry reaches SLF4J with its route, and no password or token does`() = runBlocking {
        val events = File(System.getProperty("org.slf4j.simpleLogger.logFile") ?: error("run through Maven"))
        // The first sink of the process wins; no other test installs one.
        assertTrue(forwardLogsToSlf4j(), "installed")
        assertFalse(forwardLogs(Slf4jLogSink()), "only once per process")
        val client = sandbox.client()
        sandbox.fault("""{"method": "GET", "path": "/api/agent-users/me", "times": 1, "status": 503}""")

        client.reference().me()

        val logged = events.readLines()
        val retry = logged.firstOrNull { "retrying" in it && "route=/api/agent-users/me" in it }
        assertTrue(retry != null, "no retry among ${logged.size} lines:\n${logged.joinToString("\n")}")
        assertTrue(retry!!.contains("INFO insurup."), retry)
        val tokenStore = InMemoryTokenStore()
        sandbox.client(tokenStore = tokenStore).signIn()
        val text = events.readText()
        assertFalse(Fixtures.PASSWORD in text, "the password is logged")
        assertFalse("eyJ" in text, "a token is logged")
    }
}
