// The fleet against a real redis-server (scripts/redis.sh installs it; without it these tests
// fail, they never skip) and a sandbox with short tokens: clients sharing one RedisTokenStore, or
// one RedisFleet, log in once between them and never have a refresh token refused.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { Client, RedisFleet, RedisTokenStore, ValidationError } from 'insurup-sdk'

import { AGENT, startSandbox } from './support.mjs'

const ACCOUNT = AGENT.email

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}

/** A throw-away redis-server on a free loopback port, without persistence. */
async function startRedis() {
  const port = await freePort()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'insurup-redis-'))
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  })
  const failed = new Promise((_, reject) => {
    child.once('error', (error) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('redis-server is not installed: scripts/redis.sh installs it (apt-get install -y redis-server)')
          : error,
      ),
    )
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)))
  })
  const listening = (async () => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const connected = await new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1')
        const done = (answer) => () => {
          socket.destroy()
          resolve(answer)
        }
        socket.once('connect', done(true))
        socket.once('error', done(false))
      })
      if (connected) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`redis-server did not listen on port ${port} within 10 s`)
  })()
  failed.catch(() => {}) // its exit when stopped is expected
  try {
    await Promise.race([listening, failed])
  } catch (error) {
    child.kill()
    throw error
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    async stop() {
      child.kill()
      await once(child, 'exit').catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Calls from every client, a few at a time, for `seconds`. */
async function callFor(clients, seconds) {
  const until = Date.now() + seconds * 1000
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < until) {
        await client.reference.me()
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }),
  )
}

/** Refresh requests the sandbox refused (it counts only the accepted ones as refreshes). */
function refusedRefreshes(stats) {
  return (stats.requests['POST /api/authentication:agent-user/refresh'] ?? 0) - stats.refreshes
}

describe('the fleet, with a real redis-server', () => {
  let redis
  before(async () => {
    redis = await startRedis()
  })
  after(async () => {
    await redis?.stop()
  })

  test('two clients sharing one RedisTokenStore log in once and each token generation is refreshed once', async () => {
    const sandbox = await startSandbox('--token-ttl', '3')
    try {
      const tokenStore = new RedisTokenStore(redis.url, { account: ACCOUNT, keyPrefix: 'shared-store' })
      assert.ok(tokenStore instanceof RedisTokenStore)
      // A third client with a store of its own stands for another process of the fleet.
      const elsewhere = new RedisTokenStore(redis.url, { account: ACCOUNT, keyPrefix: 'shared-store' })
      const clients = [sandbox.client({ tokenStore }), sandbox.client({ tokenStore }), sandbox.client({ tokenStore: elsewhere })]
      await callFor(clients, 7)
      const stats = await sandbox.stats()
      assert.equal(stats.logins, 1, 'one login between them')
      assert.ok(stats.refreshes >= 1, `7 s of 3 s tokens were refreshed (${stats.refreshes} refreshes)`)
      assert.equal(refusedRefreshes(stats), 0, 'no refresh token was refused')
    } finally {
      await sandbox.stop()
    }
  })

  test('clients given one RedisFleet share the session and its rate budget', async () => {
    const sandbox = await startSandbox('--token-ttl', '3')
    try {
      const fleet = new RedisFleet(redis.url, { account: ACCOUNT, keyPrefix: 'shared-fleet', requestsPerSecond: 10 })
      const clients = [sandbox.client({ fleet }), sandbox.client({ fleet })]
      await Promise.all(clients.map((client) => client.signIn()))
      const started = Date.now()
      await Promise.all(clients.flatMap((client) => Array.from({ length: 10 }, () => client.reference.me())))
      const elapsed = (Date.now() - started) / 1000
      // 20 calls at 10 a second for both clients together: the last waits at least 1.9 s.
      assert.ok(elapsed >= 1.8, `20 calls under a shared budget of 10/s took ${elapsed} s`)
      await callFor(clients, 4)
      const stats = await sandbox.stats()
      assert.equal(stats.logins, 1, 'one login between them')
      assert.equal(refusedRefreshes(stats), 0, 'no refresh token was refused')
    } finally {
      await sandbox.stop()
    }
  })

  test('the Redis address is shown without its password; bad settings are ValidationErrors', () => {
    const store = new RedisTokenStore('redis://app:s3cr3t-pw@127.0.0.1:6390/2', { account: ACCOUNT })
    assert.equal(store.account, ACCOUNT)
    assert.ok(!store.url.includes('s3cr3t-pw'), store.url)
    assert.ok(!JSON.stringify(store).includes('s3cr3t-pw'))
    assert.throws(() => new RedisTokenStore('http://nowhere', { account: ACCOUNT }), ValidationError)
    assert.throws(() => new RedisTokenStore(redis.url, { account: 'two words' }), ValidationError)
    assert.throws(() => new RedisFleet(redis.url, { account: ACCOUNT, requestsPerSecond: -1 }), ValidationError)
    assert.ok(new Client({ baseUrl: 'http://127.0.0.1:9', ...AGENT, fleet: new RedisFleet(redis.url, { account: ACCOUNT }) }))
  })

  test("every setting of the core's RedisFleetOptions and RedisTokenStoreOptions is taken, and checked there", () => {
    const refused = (make, field) =>
      assert.throws(make, (error) => error instanceof ValidationError && error.field === field, field)
    refused(() => new RedisFleet(redis.url, { account: ACCOUNT, burst: 5 }), 'burst')
    refused(() => new RedisFleet(redis.url, { account: ACCOUNT, timeout: -1 }), 'timeout')
    refused(() => new RedisTokenStore(redis.url, { account: ACCOUNT, waitForRenewal: -1 }), 'wait_for_renewal')
    const fleet = new RedisFleet(redis.url, {
      account: ACCOUNT,
      keyPrefix: 'staging',
      timeout: 1,
      requestsPerSecond: 5,
      burst: 2,
      authenticationPerSecond: 1,
    })
    assert.equal(fleet.account, ACCOUNT)
    const store = new RedisTokenStore(redis.url, {
      account: ACCOUNT,
      keyPrefix: 'staging',
      timeout: 1,
      singleWorkerFallback: true,
      waitForRenewal: 5,
    })
    assert.equal(store.account, ACCOUNT)
  })
})
