import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import {
  AuthenticationError,
  Client,
  DocumentSerial,
  FileTokenStore,
  TokenSet,
  TokenStoreError,
  TwoFactorRequiredError,
  ValidationError,
} from 'insurup-sdk'

import { AGENT_ID, GOOD_CARD, MFA_AGENT, TCKN, VEHICLE, answeredKaskoProposal, startSandbox } from './support.mjs'

let sandbox
let guideSandbox
before(async () => {
  sandbox = await startSandbox()
  guideSandbox = await startSandbox('--dialect', 'guide')
})
after(() => {
  sandbox.stop()
  guideSandbox.stop()
})

describe('the quote-and-buy flow', () => {
  // The same calls against two documented dialects of the API: the SDK finds out which.
  for (const [dialect, served] of [['vendor-sdk', () => sandbox], ['guide', () => guideSandbox]]) {
  test(`an agent quotes kasko from every insurer and buys the cheapest cash premium with a card (${dialect})`, async () => {
    const client = served().client()
    const customer = await client.customers.createIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' })
    const vehicle = await client.vehicles.create(customer.id, VEHICLE)
    const created = await client.proposals.createKasko({ customerId: customer.id, vehicleId: vehicle.id })
    const proposal = await client.proposals.wait(created.id, { timeout: 60 })

    const best = proposal.cheapestProduct() // installments left out: one payment (cash)
    assert.ok(best, 'some insurer offered a cash premium')
    const cashPremiums = proposal.products
      .filter((product) => product.state === 'ACTIVE')
      .map((product) => product.premiums.find((premium) => premium.installmentNumber === 1)?.grossPremium)
      .filter((premium) => premium !== undefined)
    assert.equal(best.premiums.find((premium) => premium.installmentNumber === 1).grossPremium, Math.min(...cashPremiums))

    const bought = await client.purchase.creditCard(proposal.id, best.id, { card: GOOD_CARD })
    assert.equal(bought.status, 'PURCHASED')
    assert.equal(bought.confirmedByReadBack, false)

    const policy = await client.policies.get(bought.policyId)
    // The vendor client's dialect answers a purchase with the policy id alone.
    assert.ok(policy.policyNumber)
    assert.ok(bought.policyNumber === undefined || bought.policyNumber === policy.policyNumber)
    assert.equal(policy.proposalProductId, best.id)
    assert.equal(policy.installmentNumber, 1, 'bought in cash')
    assert.equal(policy.vehiclePlate, VEHICLE.plate)
    let listed = false
    for await (const row of client.graphql.policies({ first: 50 })) {
      if (row.id === bought.policyId) {
        listed = true
        break
      }
    }
    assert.ok(listed, 'the bought policy is listed')
  })
  }

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

  for (const [dialect, served] of [['vendor-sdk', () => sandbox], ['guide', () => guideSandbox]]) {
    test(`products are compared in a PDF without naming coverage fields to leave out (${dialect})`, async () => {
      const client = served().client()
      const proposal = await answeredKaskoProposal(client)
      const offered = proposal.products.filter((product) => product.state === 'ACTIVE').slice(0, 2)
      assert.equal(offered.length, 2)
      const pdf = await client.proposals.comparePdf(proposal.id, offered.map((product) => product.id))
      assert.match(pdf.url, /^https?:\/\//)
    })
  }

  test('watching a proposal yields every product once, and the last update is final', async () => {
    const client = sandbox.client()
    const customer = await client.customers.ensureIndividual({ identityNumber: TCKN })
    const vehicle = await client.vehicles.create(customer.id, VEHICLE)
    const created = await client.proposals.createTrafik({ customerId: customer.id, vehicleId: vehicle.id })

    const seen = []
    let last
    for await (const update of client.proposals.watch(created.id, { timeout: 60 })) {
      seen.push(...update.resolved.map((product) => product.id))
      last = update
    }
    assert.equal(last.finished, true)
    assert.equal(new Set(seen).size, seen.length, 'no product is reported twice')
    assert.deepEqual(new Set(seen), new Set(last.proposal.products.map((product) => product.id)))
    assert.equal(typeof last.proposal.cheapestProduct, 'function')
  })

  test('subscribe calls back for each product as it answers, once, then ends; unsubscribing stops it', async () => {
    const client = sandbox.client({ realTime: 'hub' })
    const customer = await client.customers.ensureIndividual({ identityNumber: TCKN })
    const vehicle = await client.vehicles.create(customer.id, VEHICLE)
    const created = await client.proposals.createTrafik({ customerId: customer.id, vehicleId: vehicle.id })

    const seen = []
    const ended = new Promise((resolve) => {
      client.proposals.subscribe(created.id, (update) => seen.push(...update.resolved.map((p) => p.id)), {
        timeout: 60,
        onEnd: resolve,
      })
    })
    assert.equal(await ended, null)
    const proposal = await client.proposals.get(created.id)
    assert.equal(new Set(seen).size, seen.length, 'no product is reported twice')
    assert.deepEqual(new Set(seen), new Set(proposal.products.map((product) => product.id)))

    const second = await client.proposals.createTrafik({ customerId: customer.id, vehicleId: vehicle.id })
    let calls = 0
    let endedAfterUnsubscribe = false
    const unsubscribe = client.proposals.subscribe(second.id, () => { calls += 1 }, {
      onEnd: () => { endedAfterUnsubscribe = true },
    })
    unsubscribe()
    await client.proposals.wait(second.id, { timeout: 60 })
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(calls, 0)
    assert.equal(endedAfterUnsubscribe, false)
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

describe('the client', () => {
  test('reports what it was configured with, as every language does', () => {
    const client = sandbox.client({ agentBranchId: 'branch-7' })
    // The URLs as the core parsed them: with the path's slash.
    assert.equal(client.baseUrl, `${sandbox.baseUrl}/`)
    assert.equal(client.authUrl.replace(/\/$/, ''), sandbox.authUrl)
    assert.equal(client.agentId, AGENT_ID)
    assert.equal(client.agentBranchId, 'branch-7')
    assert.ok(sandbox.client().agentBranchId == null, 'no branch unless configured')
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
    assert.ok(store.tokens instanceof TokenSet)
    assert.match(store.tokens.subject, /^agent-user:agent@sandbox\.insurup\.test@/)
    assert.ok(store.tokens.expiresAt instanceof Date && store.tokens.expiresAt > new Date())

    const loginsBefore = (await sandbox.stats()).logins
    await sandbox.client({ tokenStore: store }).reference.me()
    assert.equal((await sandbox.stats()).logins, loginsBefore)
  })

  test('a FileTokenStore keeps the session in an owner-only file a restarted client signs in from, in every dialect', async () => {
    const graphqlDocsSandbox = await startSandbox('--dialect', 'graphql-docs')
    try {
      for (const served of [sandbox, guideSandbox, graphqlDocsSandbox]) {
        const dir = mkdtempSync(path.join(tmpdir(), 'insurup-'))
        const file = path.join(dir, 'tokens.json')
        const store = new FileTokenStore(file)
        assert.equal(store.path, file)
        await served.client({ tokenStore: store }).signIn()
        assert.equal(statSync(file).mode & 0o777, 0o600)
        assert.deepEqual(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort(), ['accessToken', 'expiresInSecs', 'issuedAtMs', 'refreshToken', 'subject'])

        const loginsBefore = (await served.stats()).logins
        await served.client({ tokenStore: new FileTokenStore(file) }).reference.me()
        assert.equal((await served.stats()).logins, loginsBefore, 'no new login')
        rmSync(dir, { recursive: true })
      }
    } finally {
      await graphqlDocsSandbox.stop()
    }
  })

  test('the stored form is the core\'s JSON, and a store may hand it back parsed or as text', async () => {
    const store = new MemoryStore()
    await sandbox.client({ tokenStore: store }).signIn()
    const stored = JSON.parse(JSON.stringify(store.tokens))
    assert.deepEqual(Object.keys(stored).sort(), ['accessToken', 'expiresInSecs', 'issuedAtMs', 'refreshToken', 'subject'])
    assert.deepEqual(TokenSet.fromJSON(JSON.stringify(stored)).toJSON(), stored)
    assert.throws(() => TokenSet.fromJSON('{"accessToken": 1}'), ValidationError)

    const loginsBefore = (await sandbox.stats()).logins
    const parsed = { load: () => stored, save: () => {}, clear: () => {} }
    await sandbox.client({ tokenStore: parsed }).reference.me()
    assert.equal((await sandbox.stats()).logins, loginsBefore, 'the parsed form was used')
  })

  test('a store whose tokens cannot be read fails as a TokenStoreError', async () => {
    const broken = { load: () => ({ not: 'tokens' }), save: () => {}, clear: () => {} }
    await assert.rejects(sandbox.client({ tokenStore: broken }).signIn(), TokenStoreError)
  })

  test('signing out clears the JS store', async () => {
    const store = new MemoryStore()
    const client = sandbox.client({ tokenStore: store })
    await client.signIn()
    await client.signOut()
    assert.equal(store.tokens, null)
  })
})

describe('domain helpers', () => {
  test('ensuring a vehicle by plate adds it once, however often it is quoted', async () => {
    const client = sandbox.client()
    const customer = await client.customers.ensureFromIdentityNumber(TCKN, null, '1990-01-01')
    const before = await client.vehicles.list(customer.id)
    const first = await client.vehicles.ensure(customer.id, VEHICLE)
    const again = await client.vehicles.ensure(customer.id, VEHICLE)
    assert.equal(again.id, first.id)
    const added = before.some((vehicle) => vehicle.id === first.id) ? 0 : 1
    assert.equal((await client.vehicles.list(customer.id)).length, before.length + added)
  })

  test('an identity number names the kind of customer, and ensuring it twice finds the first', async () => {
    const client = sandbox.client()
    const individual = await client.customers.ensureFromIdentityNumber(TCKN, null, '1990-01-01')
    assert.equal(individual.customerType, 'INDIVIDUAL')
    assert.equal((await client.customers.ensureFromIdentityNumber(TCKN)).id, individual.id)
    const company = await client.customers.ensureFromIdentityNumber('6130782524', 'ACME A.Ş.')
    assert.equal(company.customerType, 'COMPANY')
  })

  test('a document serial is read as people write it, and refused naming the part that is wrong', () => {
    for (const written of ['AB123456', 'ab 123456', 'AB-123456']) {
      assert.deepEqual({ ...DocumentSerial.parse(written) }, { code: 'AB', number: '123456' })
    }
    assert.throws(() => DocumentSerial.parse('123456'), (error) => {
      assert.ok(error instanceof ValidationError)
      assert.equal(error.field, 'document_serial_code')
      return true
    })
  })
})

function codeFor(twoFactor) {
  return { email: MFA_AGENT.email, password: MFA_AGENT.password, agentId: AGENT_ID, twoFactor }
}
