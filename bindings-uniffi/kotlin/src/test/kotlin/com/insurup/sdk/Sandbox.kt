package com.insurup.sdk

import com.insurup.sdk.model.ClientOptions
import com.insurup.sdk.model.Secret
import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/** The sandbox's published test fixtures (sandbox/README.md). */
object Fixtures {
    const val AGENT_EMAIL = "agent@sandbox.insurup.test"
    const val MFA_EMAIL = "mfa@sandbox.insurup.test"
    const val PASSWORD = "sandbox-password"
    const val MFA_CODE = "123456"
    const val TCKN = "11111111110"
    const val PLATE = "34ABC123"
    const val CARD = "4242424242424242"
    const val DECLINED_CARD = "4000000000000002"
    const val CVC = "9876"
}

/**
 * A sandbox process on a random loopback port, started from the binary cargo built
 * (`-Dinsurup.sandbox`), with instant insurers. Its logs go to target/sandbox-logs/.
 */
class Sandbox private constructor(
    private val process: Process,
    val baseUrl: String,
    /** Where the dialect serves the OAuth token endpoint (its own origin in all but the guide). */
    val authUrl: String,
) : AutoCloseable {
    private val http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    /** A new client of this sandbox, signed in lazily as [email]. */
    fun client(
        email: String = Fixtures.AGENT_EMAIL,
        password: String = Fixtures.PASSWORD,
        twoFactor: TwoFactorProvider? = null,
        tokenStore: TokenStore? = null,
        maxRetries: UInt? = null,
    ): InsurUpClient = InsurUpClient(options(email, password, maxRetries), twoFactor, tokenStore)

    /** Options for a client of this sandbox signed in as [email]. */
    fun options(
        email: String = Fixtures.AGENT_EMAIL,
        password: String = Fixtures.PASSWORD,
        maxRetries: UInt? = null,
    ): ClientOptions = ClientOptions(
        email = email,
        password = Secret(password),
        baseUrl = baseUrl,
        authUrl = authUrl,
        maxRetries = maxRetries,
        // A purchase whose answer was lost is read back for 2 s here (60 s by default).
        purchaseConfirmationWindow = 2.0,
    )

    /** A counter of `GET /__sandbox/stats`, e.g. `logins`. */
    fun stat(name: String): Int = number(stats(), name)

    /** How many requests the sandbox saw on a route, e.g. `POST /graphql`. */
    fun requests(route: String): Int = number(stats(), route)

    /** Injects a fault (`POST /__sandbox/faults`). */
    fun fault(json: String) {
        send(HttpRequest.newBuilder(URI.create("$baseUrl/__sandbox/faults"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)))
    }

    /**
     * What a user's browser does with an OAuth authorization URL (`POST /__sandbox/oauth/approve`):
     * sign in, consent, land on the callback, whose URL is returned.
     */
    fun approve(authorizationUrl: String): String {
        val body = "{\"url\":\"" + authorizationUrl.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"
        val answer = send(HttpRequest.newBuilder(URI.create("$baseUrl/__sandbox/oauth/approve"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)))
        return Regex("\"redirectUrl\"\\s*:\\s*\"([^\"]+)\"").find(answer)?.groupValues?.get(1)
            ?: error("no redirectUrl in $answer")
    }

    private fun stats(): String = send(HttpRequest.newBuilder(URI.create("$baseUrl/__sandbox/stats")).GET())

    private fun send(request: HttpRequest.Builder): String {
        val response = http.send(request.build(), HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "sandbox answered ${response.statusCode()}: ${response.body()}" }
        return response.body()
    }

    override fun close() {
        process.destroy()
        process.waitFor()
    }

    companion object {
        /** Starts a sandbox with extra [flags] (`--generated-policies 120`, …). */
        fun start(name: String, vararg flags: String): Sandbox {
            val binary = System.getProperty("insurup.sandbox")
                ?: error("run through Maven (scripts/test-kotlin.sh): -Dinsurup.sandbox is not set")
            val logs = File("target/sandbox-logs").apply { mkdirs() }
            val process = ProcessBuilder(listOf(binary, "--port", "0", "--latency-scale", "0") + flags)
                .redirectError(ProcessBuilder.Redirect.to(File(logs, "$name.log")))
                .start()
            val stdout = process.inputStream.bufferedReader()
            val baseUrl = stdout.readLine()
                ?: error("the sandbox exited before printing its URL; see target/sandbox-logs/$name.log")
            val guide = flags.toList().windowed(2).any { it == listOf("--dialect", "guide") }
            val authUrl = if (guide) baseUrl else stdout.readLine() ?: error("no auth URL; see target/sandbox-logs/$name.log")
            return Sandbox(process, baseUrl.trim().trimEnd('/'), authUrl.trim().trimEnd('/'))
        }

        private fun number(json: String, key: String): Int =
            Regex("\"${Regex.escape(key)}\"\\s*:\\s*(\\d+)").find(json)?.groupValues?.get(1)?.toInt() ?: 0
    }
}

/** Runs [block] and returns what it threw, failing the test when it threw nothing or something else. */
suspend inline fun <reified T : Throwable> assertThrowsSuspending(block: suspend () -> Unit): T {
    try {
        block()
    } catch (thrown: Throwable) {
        if (thrown is T) return thrown
        throw AssertionError("expected ${T::class.qualifiedName}, got $thrown", thrown)
    }
    throw AssertionError("expected ${T::class.qualifiedName}, but nothing was thrown")
}
