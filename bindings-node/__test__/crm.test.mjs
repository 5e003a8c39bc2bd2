// A CRM's everyday calls beyond quote-and-buy: the contact book and consents, the address
// register, agency branches and case work, against a sandbox of each documented dialect on
// loopback: by a client that finds the dialect out, and by one told it (every request spelt
// right the first time).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ValidationError } from 'insurup-sdk'

import { TCKN, startSandbox } from './support.mjs'

const DIALECTS = ['vendor-sdk', 'guide', 'graphql-docs']

async function customer(client) {
  return client.customers.ensureIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' })
}

for (const dialect of DIALECTS) {
  for (const told of [false, true]) crmCalls(dialect, told)
}

function crmCalls(dialect, told) {
  // One sandbox of the dialect, and one client through every call, as a CRM's would.
  let served
  let shared
  const sandbox = { client: () => (shared ??= served.client(told ? { dialect } : {})) }
  describe(`the CRM calls (${dialect}, ${told ? 'told' : 'found out'})`, () => {
    before(async () => {
      served = await startSandbox('--dialect', dialect)
    })
    after(() => served.stop())

    test('a second e-mail made primary is the one the customer is reached at', async () => {
      const client = sandbox.client()
      const { id } = await customer(client)
      await client.customers.addEmail(id, 'ayse@example.com')
      await client.customers.addEmail(id, 'ayse.work@example.com')
      await client.customers.makeEmailPrimary(id, 'ayse.work@example.com')
      assert.equal(await client.customers.primaryEmail(id), 'ayse.work@example.com')
      const emails = await client.customers.emails(id)
      assert.deepEqual(emails.filter((e) => e.primary).map((e) => e.email), ['ayse.work@example.com'])
    })

    test('a consent given and then revoked leaves both steps in its history', async () => {
      const client = sandbox.client()
      const { id } = await customer(client)
      await client.customers.giveConsent(id, 'KVKK', 'SMS')
      assert.ok((await client.customers.consents(id)).consents.some((c) => c.consentType === 'KVKK' && c.isActive))
      await client.customers.revokeConsent(id, 'KVKK')
      const { consents, history } = await client.customers.consents(id)
      assert.ok(!consents.some((c) => c.consentType === 'KVKK' && c.isActive))
      assert.deepEqual(history.filter((r) => r.consentType === 'KVKK').map((r) => r.action).sort(), ['GIVEN', 'REVOKED'])
    })

    test('the address register leads from a city to a flat, and the flat names its address', async () => {
      const client = sandbox.client()
      const { addresses } = client
      let reference = (await addresses.cities())[0].value
      for (const level of ['districts', 'towns', 'neighbourhoods', 'streets', 'buildings', 'apartments']) {
        reference = (await addresses[level](reference))[0].value
      }
      const address = await addresses.ofPropertyNumber(Number(reference))
      assert.equal(address.apartment?.value, reference)
    })

    test('a note added to a case is among its activities', async () => {
      const client = sandbox.client()
      const { id } = await customer(client)
      // The channel may be left out: the core's default is API.
      const sale = await client.cases.ensureSaleOpportunity(id, 'KASKO')
      assert.equal(sale.channel, 'API')
      await client.cases.addNote(sale.id, 'call back on Monday')
      const activities = await client.cases.activities(sale.id)
      assert.ok(activities.length > 0)
    })

    test('a bad phone number is refused before anything is sent, naming the field', async () => {
      const client = sandbox.client()
      await assert.rejects(client.customers.addPhoneNumber('c-1', '123'), (error) => {
        assert.ok(error instanceof ValidationError)
        assert.equal(error.field, 'phone_number')
        return true
      })
    })

    test('after these calls the client speaks the dialect the sandbox serves', () => {
      assert.equal(sandbox.client().dialect, dialect)
    })
  })
}
