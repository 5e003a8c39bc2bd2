// The Redis fleet's session store under the name a Kotlin caller constructs it by. The shared
// renewal protocol runs in the core; the store handed back is the core's own.
package com.insurup.sdk

import com.insurup.sdk.model.RedisTokenStoreOptions

/**
 * The session of [account] kept in the Redis at [url] (`redis://…` or `rediss://…`) and shared
 * by every client, in any process, that uses the same two: one login for all of them and one
 * refresh per token generation. Pass it as `InsurUpClient(options, tokenStore = …)`.
 */
@Suppress("FunctionName")
fun RedisTokenStore(url: String, account: String): TokenStore = redisTokenStore(url, account)

/**
 * The session of [RedisTokenStoreOptions.account] kept in the Redis at [url], with every setting
 * of [options]: key prefix, Redis timeout, a private CA, the single-worker fallback and the wait
 * for another worker's renewal.
 */
@Suppress("FunctionName")
fun RedisTokenStore(url: String, options: RedisTokenStoreOptions): TokenStore =
    redisTokenStoreWithOptions(url, options)

/**
 * The session kept in a JSON file readable by its owner only, so a restarted process continues
 * without logging in again: at [path], else `$INSURUP_TOKEN_FILE`, else
 * `~/.config/insurup/tokens.json` (on Android, pass a path under `context.filesDir`).
 */
@Suppress("FunctionName")
fun FileTokenStore(path: String? = null): TokenStore = fileTokenStore(path)
