// The SDK's diagnostics on SLF4J: each event goes to the logger named after its Rust target
// (`insurup.transport`, `insurup.auth.session`, …) at its level, with its fields after the
// message. SLF4J is an optional dependency: only this file needs it.
package com.insurup.sdk

import com.insurup.sdk.model.LogRecord
import org.slf4j.Logger
import org.slf4j.LoggerFactory

/** A [LogSink] that hands every event to SLF4J. */
class Slf4jLogSink : LogSink {
    private val root: Logger = LoggerFactory.getLogger("insurup")

    override fun enabled(level: String): Boolean = when (level) {
        "error" -> root.isErrorEnabled
        "warn" -> root.isWarnEnabled
        "info" -> root.isInfoEnabled
        "debug" -> root.isDebugEnabled
        else -> root.isTraceEnabled
    }

    override fun log(record: LogRecord) {
        val logger = LoggerFactory.getLogger(record.target.replace("::", "."))
        val text = if (record.fields.isEmpty()) record.message else "${record.message} ${record.fields}"
        when (record.level) {
            "error" -> logger.error(text)
            "warn" -> logger.warn(text)
            "info" -> logger.info(text)
            "debug" -> logger.debug(text)
            else -> logger.trace(text)
        }
    }
}

/**
 * Sends the SDK's events to SLF4J from now on. The first sink installed in a process wins;
 * returns false when one was installed already.
 */
fun forwardLogsToSlf4j(): Boolean = forwardLogs(Slf4jLogSink())
