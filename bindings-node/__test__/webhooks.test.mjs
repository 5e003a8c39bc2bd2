import assert from 'node:assert/strict'
import { once } from 'node:events'
import http from 'node:http'
import { after, before, describe, test } from 'node:test'

import {
  DecodeError,
  DeliveryDeduplicator,
  ValidationError,
  parseWebhook,
  signWebhook,
  verifyAndParseWebhook,
  verifyWebhook,
} from 'insurup-sdk'

import { GOOD_CARD, answeredKaskoProposal, startSandbox } from './support.mjs'

const SECRET = 'whsec-node-tests-0123456789'

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.stop())

/** An HTTP server on loopback keeping each delivery's headers and raw body. */
async function startReceiver() {
  const deliveries = []
  const waiting = []
  const server = http.createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body: Buffer.concat(chunks) })
      waiting.splice(0).forEach((wake) => wake())
      response.writeHead(204).end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    async next(index) {
      while (deliveries.length <= index) await new Promise((wake) => waiting.push(wake))
      return deliveries[index]
    },
    close: () => server.close(),
  }
}

describe('receiving webhooks', () => {
  test('a purchase delivers signed events that verify over the raw body and decode', async () => {
    const receiver = await startReceiver()
    try {
      const client = sandbox.client()
      await client.webhooks.create({ url: receiver.url, events: ['proposal_premium.purchased', 'policy.created'], secret: SECRET })
      const proposal = await answeredKaskoProposal(client)
      const bought = await client.purchase.creditCard(proposal.id, proposal.cheapestProduct(1).id, { card: GOOD_CARD })

      const seen = new DeliveryDeduplicator()
      const events = new Map()
      for (let index = 0; events.size < 2; index += 1) {
        const { headers, body } = await receiver.next(index)
        const event = verifyAndParseWebhook(SECRET, body, headers['x-webhook-signature'])
        assert.equal(event.eventType, headers['x-webhook-event'])
        assert.ok(seen.firstTime(headers['x-webhook-delivery']))
        events.set(event.eventType, event)
      }
      assert.deepEqual([...events.keys()].sort(), ['policy.created', 'proposal_premium.purchased'])
      assert.equal(events.get('policy.created').payload.policyId, bought.policyId)
      assert.equal(events.get('policy.created').isUnknown, false)
    } finally {
      receiver.close()
    }
  })

  test('a tampered body, a wrong secret or a missing signature is a ValidationError naming the header', () => {
    const body = Buffer.from('{"$event":"policy.created","policyId":"p-1"}')
    const signature = signWebhook(SECRET, body)
    verifyWebhook(SECRET, body, signature)
    for (const [forged, secret, header] of [
      [Buffer.from(body.toString().replace('p-1', 'p-2')), SECRET, signature],
      [body, 'another-secret', signature],
      [body, SECRET, undefined],
    ]) {
      assert.throws(() => verifyWebhook(secret, forged, header), (error) => {
        assert.ok(error instanceof ValidationError)
        assert.equal(error.field, 'x-webhook-signature')
        return true
      })
    }
  })

  test('unknown events are kept and bodies that are not events are DecodeErrors', () => {
    const event = parseWebhook('{"$event":"quote.invented","answer":42}')
    assert.equal(event.isUnknown, true)
    assert.deepEqual(event.payload, { $event: 'quote.invented', answer: 42 })
    assert.throws(() => parseWebhook('[1,2,3]'), DecodeError)
  })

  test('a delivery whose handling failed is handled again once forgotten', () => {
    const seen = new DeliveryDeduplicator(2)
    assert.equal(seen.firstTime('d-1'), true)
    assert.equal(seen.firstTime('d-1'), false)
    assert.equal(seen.forget('d-1'), true)
    assert.equal(seen.firstTime('d-1'), true)
    assert.equal(seen.size, 1)
    assert.equal(seen.capacity, 2)
    assert.equal(new DeliveryDeduplicator().capacity, 10_000, "the core's default")
  })

  test('a signed body replayed under a new delivery id is a repeat', () => {
    const seen = new DeliveryDeduplicator(2)
    const body = Buffer.from('{"$event":"policy.created","policyId":"p1"}')
    assert.equal(seen.firstTime('d-1', body), true)
    for (let n = 0; n < 10; n++) assert.equal(seen.firstTime(`forged-${n}`, body), false)
    assert.equal(seen.size, 1, 'replays are not remembered, so they evict nothing')
  })
})
