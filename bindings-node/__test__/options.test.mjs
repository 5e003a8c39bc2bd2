import assert from 'node:assert/strict'
import { once } from 'node:events'
import http from 'node:http'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'

import { Client, ValidationError } from 'insurup-sdk'

import { GOOD_CARD } from './support.mjs'

const PROPOSAL = '6650a1b2c3d4e5f601a2b3c4'
const PRODUCT = '6650a1b2c3d4e5f601a2b3c5'
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/** An API on loopback that answers every purchase and keeps each request it saw. */
let api
let requests
before(async () => {
  requests = []
  api = http.createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString() })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ policyId: '6650a1b2c3d4e5f601a2b3c6', policyNumber: 'P-1', status: 'PURCHASED' }))
    })
  })
  api.listen(0, '127.0.0.1')
  await once(api, 'listening')
})
after(() => api.close())

function client(options = {}) {
  return new Client({ baseUrl: `http://127.0.0.1:${api.address().port}`, accessToken: 'token', dialect: 'vendor-sdk', ...options })
}

describe('client options', () => {
  test('the User-Agent names this SDK version and the Node version running it', async () => {
    const sdk = client()
    const expected = `insurup-node/${version} node/${process.versions.node} insurup-rust/${version}`
    assert.equal(sdk.userAgent, expected)
    await sdk.purchase.openAccount(PROPOSAL, PRODUCT, {})
    assert.equal(requests.at(-1).headers['user-agent'], expected)
  })

  test('purchase metadata travels with a card or open-account purchase', async () => {
    const metadata = { campaign: 'spring-2026', tags: ['crm', 'renewal'] }
    await client().purchase.creditCard(PROPOSAL, PRODUCT, { card: GOOD_CARD, metadata })
    assert.deepEqual(JSON.parse(requests.at(-1).body).metadata, metadata)
    await client().purchase.openAccount(PROPOSAL, PRODUCT, { installments: 3, metadata })
    assert.deepEqual(JSON.parse(requests.at(-1).body).metadata, metadata)
  })

  test('the dialect option is used as given and reported by the client', () => {
    assert.equal(client({ dialect: 'guide' }).dialect, 'guide')
    assert.equal(client({ dialect: 'graphql-docs' }).dialect, 'graphql-docs')
    assert.throws(() => client({ dialect: 'lenient' }), (error) => {
      assert.ok(error instanceof ValidationError)
      assert.equal(error.field, 'dialect')
      return true
    })
  })

  test('durations are seconds, and one that is not a duration is refused naming the option', () => {
    client({ timeout: 2.5, connectTimeout: 0.5, twoFactorTimeout: 60, purchaseConfirmationWindow: 5 })
    for (const option of ['timeout', 'connectTimeout', 'purchaseConfirmationWindow']) {
      assert.throws(() => client({ [option]: -1 }), (error) => {
        assert.ok(error instanceof ValidationError)
        assert.equal(error.field.replace(/_(.)/g, (_, letter) => letter.toUpperCase()), option)
        return true
      })
    }
  })

  test('an options argument that is not an object is refused', () => {
    assert.throws(() => new Client('http://127.0.0.1:1'), /options must be an object/)
  })
})
