import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { after, before, test } from 'node:test'

import { Client, ValidationError } from 'insurup-sdk'

import { AGENT, DECLINED_CARD, GOOD_CARD, answeredKaskoProposal, startSandbox } from './support.mjs'

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.stop())

/** Every way a value is commonly printed or logged. */
function renderings(value) {
  return [
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    JSON.stringify(value) ?? '',
    String(value),
    value instanceof Error ? value.stack : '',
  ]
}

function assertNeverShows(value, secrets) {
  for (const text of renderings(value)) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `${JSON.stringify(secret)} appears in ${text}`)
  }
}

test('a signed-in client shows neither its password nor its tokens', async () => {
  const stored = {}
  const client = sandbox.client({
    tokenStore: {
      load: () => null,
      save: (tokens) => Object.assign(stored, tokens),
      clear: () => {},
    },
  })
  await client.signIn()
  assert.ok(stored.accessToken && stored.refreshToken)
  assertNeverShows(client, [AGENT.password, stored.accessToken, stored.refreshToken])
  assertNeverShows(client.customers, [AGENT.password, stored.accessToken, stored.refreshToken])
})

test('a wrong password is not repeated in the error', async () => {
  const password = 'wrong-password-5c1e'
  const error = await sandbox.client({ password }).signIn().catch((error) => error)
  assertNeverShows(error, [password])
})

test('a declined card appears in no part of the error, only its last four digits may', async () => {
  const client = sandbox.client()
  const proposal = await answeredKaskoProposal(client)
  const error = await client.purchase
    .creditCard(proposal.id, proposal.cheapestProduct(1).id, { card: DECLINED_CARD, installments: 1 })
    .catch((error) => error)
  assert.equal(error.name, 'UnprocessableError')
  assertNeverShows(error, [DECLINED_CARD.number, `cvc":"${DECLINED_CARD.cvc}`])
})

test('a card refused locally is named by field, never by number or CVC', async () => {
  const client = new Client({ baseUrl: sandbox.baseUrl, ...AGENT })
  const card = { ...GOOD_CARD, number: '4242424242424241', cvc: '98765' }
  const error = await client.purchase
    .creditCard('6650a1b2c3d4e5f601a2b3c4', '6650a1b2c3d4e5f601a2b3c5', { card, installments: 1 })
    .catch((error) => error)
  assert.ok(error instanceof ValidationError)
  assert.match(error.field, /^card\./)
  assertNeverShows(error, [card.number, card.cvc])
})
