import assert from 'node:assert/strict'
import { setImmediate as turn } from 'node:timers/promises'
import { after, afterEach, before, describe, test } from 'node:test'

import { setLogger } from 'insurup-sdk'

import { AGENT, startSandbox } from './support.mjs'

const ME = '/api/agent-users/me'

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
afterEach(() => setLogger(null))
after(() => sandbox.stop())

/** Lets events queued for the event loop arrive. */
async function settle() {
  for (let round = 0; round < 20; round += 1) await turn()
}

/** A client that signs in, then retries one read the sandbox answers with 503; its tokens. */
async function retriedRead() {
  const tokens = {}
  const client = sandbox.client({
    tokenStore: { load: () => null, save: (saved) => Object.assign(tokens, saved.toJSON()), clear: () => {} },
  })
  await client.signIn()
  await sandbox.fault({ method: 'GET', path: ME, status: 503 })
  await client.reference.me()
  await settle()
  return tokens
}

describe('the SDK logs to the host logger', () => {
  test('a retry arrives with its route and request id, and no secret ever does', async () => {
    const records = []
    setLogger((record) => records.push(record), { level: 'debug' })
    const tokens = await retriedRead()
    const retry = records.find((record) => record.message === 'retrying')
    assert.ok(retry, `a retry among ${records.map((record) => record.message).join(', ')}`)
    assert.equal(retry.level, 'info')
    assert.match(retry.target, /^insurup/)
    assert.match(retry.fields, new RegExp(`route=${ME}`))
    assert.match(retry.fields, /request_id=[0-9a-f-]{32,36}/)
    assert.ok(records.some((record) => record.level === 'debug'), 'debug events too, as asked')
    const foreign = records.filter((record) => !/^insurup(::|$)/.test(record.target))
    assert.deepEqual(foreign, [], "the SDK's own events only, not the HTTP stack's beneath it")
    for (const record of records) {
      const text = JSON.stringify(record)
      for (const secret of [AGENT.password, tokens.accessToken, tokens.refreshToken]) {
        assert.ok(!text.includes(secret), `a secret in ${text}`)
      }
    }
  })

  test('a console-like logger gets one line per event at info and above by default', async () => {
    const lines = { error: [], warn: [], info: [], debug: [] }
    const logger = Object.fromEntries(Object.keys(lines).map((level) => [level, (line) => lines[level].push(line)]))
    setLogger(logger)
    await retriedRead()
    assert.ok(lines.info.some((line) => line.startsWith('[insurup') && line.includes('retrying') && line.includes('request_id=')))
    assert.deepEqual(lines.debug, [], 'debug stays in the core unless asked for')
  })

  test("a logger's own isLevelEnabled decides, as pino's and winston's do", async () => {
    const seen = []
    const logger = {
      isLevelEnabled: (level) => level === 'error',
      ...Object.fromEntries(['error', 'warn', 'info', 'debug'].map((level) => [level, () => seen.push(level)])),
    }
    setLogger(logger)
    await retriedRead()
    assert.deepEqual(seen, [], 'nothing at error level happened, and nothing else was sent')
  })

  test('a logger that throws does not fail the call, and null stops the logs', async () => {
    let calls = 0
    setLogger(() => {
      calls += 1
      throw new Error('the log disk is full')
    })
    await retriedRead()
    assert.ok(calls > 0)
    setLogger(null)
    const before = calls
    await retriedRead()
    assert.equal(calls, before)
  })
})
