import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { AuthenticationError, Client, TwoFactorRequiredError } from 'insurup-sdk'

import { AGENT_ID, GOOD_CARD, MFA_AGENT, TCKN, VEHICLE, answeredKaskoProposal, startSandbox } from './support.mjs'

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.stop())

describe('the quote-and-buy flow', () => {
  test('an agent quotes kasko from every insurer and buys the cheapest cash premium with a card', async () => {
    const client = sandbox.client()
    const customer = await client.customers.createIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' })
    const vehicle = await client.vehicles.create(customer.id, VEHICLE)
    const created = await client.proposals.createKasko({ customerId: customer.id, vehicleId: vehicle.id })
    const proposal = await client.proposals.wait(created.id, { timeoutMs: 60_000 })

    const best = proposal.cheapestProduct(1)
    assert.ok(best, 'some insurer offered a cash premium')
    const cashPremiums = proposal.products
      .filter((product) => product.state === 'ACTIVE')
      .map((product) => product.premiums.find((premium) => premium.installmentNumber === 1)?.grossPremium)
      .filter((premium) => premium !== undefined)
    assert.equal(best.premiums.find((premium) => premium.installmentNumber === 1).grossPremium, Math.min(...cashPremiums))

    const bought = await client.purchase.creditCard(proposal.id, best.id, { card: GOOD_CARD, installments: 1 })
    assert.equal(bought.status, 'PURCHASED')
    assert.equal(bought.confirmedByReadBack, false)

    const policy = await client.policies.get(bought.policyId)
    assert.equal(policy.policyNumber, bought.policyNumber)
    assert.equal(policy.proposalProductId, best.id)
    assert.equal(policy.vehiclePlate, VEHICLE.plate)
  })

  test('the general create takes the branch and only the fields that matter to it', async () => {
    const client = sandbox.client()
    const customer = await client.customers.ensureIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' })
    const vehicle = await client.vehicles.create(customer.id, VEHICLE)
    const created = await client.proposals.create({ productBranch: 'TRAFIK', insurerCustomerId: customer.id, vehicleId: vehicle.id })
    assert.equal(created.productBranch, 'TRAFIK')
    assert.equal(typeof created.cheapestProduct, 'function')
  })

  test('cheapestProduct is a method of returned proposals but not part of their data', async () => {
    const proposal = await answeredKaskoProposal(sandbox.client())
    assert.equal(typeof proposal.cheapestProduct, 'function')
    assert.ok(!Object.keys(proposal).includes('cheapestProduct'))
    assert.ok(!JSON.stringify(proposal).includes('cheapestProduct'))
    assert.equal(proposal.cheapestProduct(99), null, 'no insurer offers 99 installments')
  })

  test('watching a proposal yields every product once, and the last update is final', async () => {
    const client = sandbox.client()
    const customer = await client.customers.ensureIndividual({ identityNumber: TCKN })
    const vehicle = await client.vehicles.create(customer.id, VEHICLE)
    const created = await client.proposals.createTrafik({ customerId: customer.id, vehicleId: vehicle.id })

    const seen = []
    let last
    for await (const update of client.proposals.watch(created.id, { timeoutMs: 60_000 })) {
      seen.push(...update.resolved.map((product) => product.id))
      last = update
    }
    assert.equal(last.finished, true)
    assert.equal(new Set(seen).size, seen.length, 'no product is reported twice')
    assert.deepEqual(new Set(seen), new Set(last.proposal.products.map((product) => product.id)))
    assert.equal(typeof last.proposal.cheapestProduct, 'function')
  })
})

describe('cancellation', () => {
  test('an aborted wait rejects with an AbortError while the server is still answering', async () => {
    const client = sandbox.client()
    const proposal = await answeredKaskoProposal(client)
    await sandbox.fault({ method: 'GET', path: '/api/proposals/{id}', delayMs: 30_000 })
    const controller = new AbortController()
    const waiting = client.proposals.wait(proposal.id, { signal: controller.signal })
    controller.abort()
    await assert.rejects(waiting, { name: 'AbortError' })
    await sandbox.clearFaults()
  })

  test('a signal that already fired stops the wait before any request', async () => {
    const client = sandbox.client()
    const proposal = await answeredKaskoProposal(client)
    const readsBefore = await sandbox.requests('GET /api/proposals/{id}')
    await assert.rejects(client.proposals.wait(proposal.id, { signal: AbortSignal.abort() }), { name: 'AbortError' })
    assert.equal(await sandbox.requests('GET /api/proposals/{id}'), readsBefore)
  })

  test('one signal shared by many calls gets one abort listener, and stops them all', async () => {
    const client = sandbox.client()
    const proposal = await answeredKaskoProposal(client)
    const controller = new AbortController()
    const warnings = []
    const onWarning = (warning) => warnings.push(warning.name)
    process.on('warning', onWarning)
    for (let call = 0; call < 20; call += 1) await client.proposals.wait(proposal.id, { signal: controller.signal })
    const watches = Array.from({ length: 20 }, () => client.proposals.watch(proposal.id, { signal: controller.signal }))
    controller.abort()
    for (const watch of watches) await assert.rejects(watch.nextUpdate(), { name: 'AbortError' })
    await new Promise((resolve) => setImmediate(resolve))
    process.off('warning', onWarning)
    assert.deepEqual(warnings, [], 'no MaxListenersExceededWarning')
  })
})

describe('two-factor login', () => {
  test('an async twoFactor callback answers the challenge once and the session is reused', async () => {
    const challenges = []
    const client = new Client({
      baseUrl: sandbox.baseUrl,
      email: MFA_AGENT.email,
      password: MFA_AGENT.password,
      agentId: AGENT_ID,
      twoFactor: async (challenge) => {
        challenges.push(challenge)
        await new Promise((resolve) => setTimeout(resolve, 10))
        return MFA_AGENT.code
      },
    })
    await Promise.all([client.signIn(), client.reference.me(), client.reference.insuranceCompanies()])
    assert.equal(challenges.length, 1)
    assert.equal(challenges[0].email, MFA_AGENT.email)
    assert.ok(challenges[0].userId)
  })

  test('a synchronous twoFactor callback works too', async () => {
    const client = new Client({ baseUrl: sandbox.baseUrl, ...codeFor(() => MFA_AGENT.code) })
    const me = await client.reference.me()
    assert.equal(me.email, MFA_AGENT.email)
  })

  test('without a twoFactor callback the login fails with TwoFactorRequiredError', async () => {
    const client = new Client({ baseUrl: sandbox.baseUrl, email: MFA_AGENT.email, password: MFA_AGENT.password })
    await assert.rejects(client.signIn(), TwoFactorRequiredError)
  })

  test('a twoFactor callback that throws fails the login with its message', async () => {
    const client = new Client({
      baseUrl: sandbox.baseUrl,
      ...codeFor(() => {
        throw new Error('the authenticator app is locked')
      }),
    })
    await assert.rejects(client.signIn(), (error) => {
      assert.ok(error instanceof AuthenticationError)
      assert.match(error.message, /authenticator app is locked/)
      return true
    })
  })
})

describe('token stores', () => {
  class MemoryStore {
    tokens = null
    saves = 0
    async load() {
      return this.tokens
    }
    save(tokens) {
      this.saves += 1
      this.tokens = tokens
    }
    async clear() {
      this.tokens = null
    }
  }

  test('a second client with the same JS store uses the saved session instead of logging in', async () => {
    const store = new MemoryStore()
    await sandbox.client({ tokenStore: store }).signIn()
    assert.equal(store.saves, 1)
    assert.equal(typeof store.tokens.accessToken, 'string')

    const loginsBefore = (await sandbox.stats()).logins
    await sandbox.client({ tokenStore: store }).reference.me()
    assert.equal((await sandbox.stats()).logins, loginsBefore)
  })

  test('signing out clears the JS store', async () => {
    const store = new MemoryStore()
    const client = sandbox.client({ tokenStore: store })
    await client.signIn()
    await client.signOut()
    assert.equal(store.tokens, null)
  })
})

function codeFor(twoFactor) {
  return { email: MFA_AGENT.email, password: MFA_AGENT.password, agentId: AGENT_ID, twoFactor }
}
