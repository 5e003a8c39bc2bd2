// The promises of SDK calls are settled on the JS thread in batches (src/settle.rs). What a
// program relies on around that: a pending call keeps the process alive and a settled one does
// not, a process may exit with calls in flight, and worker threads torn down mid-call leave the
// rest of the process working.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { after, before, test } from 'node:test'
import { Worker } from 'node:worker_threads'

import { AGENT, AGENT_ID, startSandbox } from './support.mjs'

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runNode = promisify(execFile)

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.stop())

/** A script that makes `client` (for the seeded agent) and then runs `body`, an async body. */
function program(body) {
  const options = { baseUrl: sandbox.baseUrl, authUrl: sandbox.authUrl, ...AGENT, agentId: AGENT_ID }
  return `const { Client } = require(${JSON.stringify(packageDir)})
const client = new Client(${JSON.stringify(options)})
;(async () => {
${body}
})().catch((error) => { console.error(error); process.exit(2) })`
}

/** Runs `code` in a new Node process; fails the test if it does not exit within 30 s. */
function runProgram(code) {
  return runNode(process.execPath, ['-e', code], { timeout: 30_000 })
}

test('a pending call keeps the process alive until it settles, then the process exits', async () => {
  // Nothing but the call is pending: no timer, no socket of the program's own.
  await sandbox.fault({ method: 'GET', path: '/api/agent-users/me', times: 1, delayMs: 1500 })
  const started = Date.now()
  const { stdout } = await runProgram(
    program(`client.reference.me().then((me) => console.log('settled', typeof me.id))`),
  )
  assert.equal(stdout.trim(), 'settled string')
  assert.ok(Date.now() - started >= 1500, 'the process waited for the held-back answer')
})

test('a process exits cleanly while calls are still in flight', async () => {
  await sandbox.fault({ method: 'GET', path: '/api/agent-users/me', times: 50, delayMs: 2000 })
  const { stdout } = await runProgram(
    program(`await client.signIn()
for (let i = 0; i < 50; i++) client.reference.me()
setTimeout(() => { console.log('exiting'); process.exit(0) }, 200)`),
  )
  assert.equal(stdout.trim(), 'exiting')
  await sandbox.clearFaults()
})

test('workers terminated with calls pending leave the main thread working', async () => {
  await sandbox.fault({ method: 'GET', path: '/api/agent-users/me', times: 30, delayMs: 3000 })
  const workers = Array.from({ length: 3 }, () => {
    const worker = new Worker(
      program(`const { parentPort } = require('node:worker_threads')
await client.signIn()
for (let i = 0; i < 10; i++) client.reference.me()
parentPort.postMessage('calling')`),
      { eval: true },
    )
    return new Promise((resolve, reject) => {
      worker.once('error', reject)
      worker.once('message', () => resolve(worker))
    })
  })
  for (const worker of await Promise.all(workers)) {
    assert.equal(await worker.terminate(), 1, 'terminated, not finished')
  }
  await sandbox.clearFaults()
  const client = sandbox.client()
  const answers = await Promise.all(Array.from({ length: 20 }, () => client.reference.me()))
  assert.equal(answers.length, 20)
  assert.ok(answers.every((me) => typeof me.id === 'string'))
})
