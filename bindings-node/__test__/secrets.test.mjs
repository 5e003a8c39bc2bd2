import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { after, before, test } from 'node:test'

import { Client, ValidationError, setLogger, verifyWebhook } from 'insurup-sdk'

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
  let tokens
  const client = sandbox.client({
    tokenStore: {
      load: () => null,
      save: (saved) => (tokens = saved),
      clear: () => {},
    },
  })
  await client.signIn()
  const stored = tokens.toJSON()
  assert.ok(stored.accessToken && stored.refreshToken)
  const secrets = [AGENT.password, stored.accessToken, stored.refreshToken]
  assertNeverShows(client, secrets)
  assertNeverShows(client.customers, secrets)
  // A TokenSet prints no token; only JSON.stringify, the form a store keeps, shows them.
  for (const text of [inspect(tokens, { showHidden: true, depth: Infinity, getters: true }), String(tokens)]) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret in ${text}`)
  }
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

test('a webhook secret appears in no webhook, list, error or log line', async () => {
  const secret = 'whsec-never-print-me-7f3a'
  const lines = []
  setLogger((record) => lines.push(JSON.stringify(record)), { level: 'debug' })
  try {
    const client = sandbox.client()
    const webhook = await client.webhooks.create({ url: 'https://crm.example.com/insurup', events: ['policy.created'], secret })
    assertNeverShows(webhook, [secret])
    assertNeverShows(await client.webhooks.list(), [secret])
    const refused = await client.webhooks
      .create({ url: 'not a url', events: ['policy.created'], secret })
      .catch((error) => error)
    assert.ok(refused instanceof ValidationError)
    assertNeverShows(refused, [secret])
    let forged
    try {
      verifyWebhook(secret, Buffer.from('{"event":"policy.created"}'), 'sha256=00')
    } catch (error) {
      forged = error
    }
    assert.ok(forged instanceof ValidationError)
    assertNeverShows(forged, [secret])
  } finally {
    setLogger(null)
  }
  assert.ok(lines.length > 0, 'the calls were logged at debug level')
  for (const line of lines) assert.ok(!line.includes(secret), `the secret in a log line: ${line}`)
})
