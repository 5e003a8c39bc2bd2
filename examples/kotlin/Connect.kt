// Shared start-up for the examples: use the INSURUP_* variables when INSURUP_BASE_URL is set,
// otherwise start a local sandbox and log in as its 2FA test user.
package com.insurup.examples

import com.insurup.sdk.InsurUpClient
import com.insurup.sdk.TwoFactorProvider
import com.insurup.sdk.model.ClientOptions
import com.insurup.sdk.model.Secret
import com.insurup.sdk.model.TwoFactorChallenge
import java.io.File

/** A client, and the sandbox process it talks to when no API was configured. */
class Connection(val client: InsurUpClient, private val sandbox: Process?) : AutoCloseable {
    override fun close() {
        client.close()
        sandbox?.destroy()
        sandbox?.waitFor()
    }
}

/** Connects to `INSURUP_BASE_URL` with `INSURUP_*` credentials, or to a fresh sandbox. */
fun connect(vararg sandboxFlags: String): Connection {
    if (System.getenv("INSURUP_BASE_URL") != null) return Connection(InsurUpClient.fromEnv(), null)
    val binary = System.getenv("INSURUP_SANDBOX_BIN")
        ?: System.getProperty("insurup.sandbox")
        ?: "target/debug/insurup-sandbox" // built by `cargo build -p insurup-sandbox`
    val sandbox = ProcessBuilder(listOf(binary, "--port", "0", "--latency-scale", "0") + sandboxFlags)
        .redirectError(ProcessBuilder.Redirect.to(File("/dev/null")))
        .start()
    val baseUrl = sandbox.inputStream.bufferedReader().readLine() // the sandbox prints its URL first
    val smsCode = object : TwoFactorProvider {
        override suspend fun code(challenge: TwoFactorChallenge): String = "123456" // ask the user in a real app
    }
    val client = InsurUpClient(
        ClientOptions(
            email = "mfa@sandbox.insurup.test",
            password = Secret("sandbox-password"),
            baseUrl = baseUrl,
            agentId = "00000000-0000-4000-8000-000000000001",
        ),
        twoFactor = smsCode,
    )
    return Connection(client, sandbox)
}
