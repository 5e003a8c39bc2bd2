import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { TCKN, startSandbox } from './support.mjs'

const CALLS = 500

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.stop())

test('500 concurrent calls share one login, all succeed, and a timer keeps ticking meanwhile', async () => {
  const client = sandbox.client()
  const customer = await client.customers.createIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' })
  // Each answer is held back by the sandbox, so the burst lasts long enough for a blocked event
  // loop to show: a blocked loop would run no timer until every call had returned.
  await sandbox.fault({ method: 'GET', path: '/api/customers/{id}', times: CALLS, delayMs: 50 })

  let ticks = 0
  let settled = 0
  let ticksWhileCallsPending = 0
  const timer = setInterval(() => {
    ticks += 1
    if (settled < CALLS) ticksWhileCallsPending += 1
  }, 1)
  const reads = await Promise.all(
    Array.from({ length: CALLS }, () => client.customers.get(customer.id).finally(() => (settled += 1))),
  )
  clearInterval(timer)

  assert.equal(reads.length, CALLS)
  assert.ok(reads.every((read) => read.id === customer.id))
  assert.ok(ticksWhileCallsPending > 0, `the timer ran ${ticks} times, never while calls were pending`)
  const stats = await sandbox.stats()
  assert.equal(stats.logins, 1)
  assert.equal(stats.requests['GET /api/customers/{id}'], CALLS + 1)
})

test('fresh clients signing in concurrently each log in once', async () => {
  const loginsBefore = (await sandbox.stats()).logins
  const clients = Array.from({ length: 20 }, () => sandbox.client())
  await Promise.all(clients.flatMap((client) => [client.reference.me(), client.reference.me(), client.signIn()]))
  assert.equal((await sandbox.stats()).logins, loginsBefore + clients.length)
})
