// A webhook receiver: registers itself, buys a policy, and handles the deliveries that follow,
// verifying each signature over the raw body and ignoring repeats.
//
//     node examples/node/webhook_receiver.mjs
//
// It exits 0 once it has verified both `proposal_premium.purchased` and `policy.created`.
import { once } from 'node:events'
import http from 'node:http'

import { DeliveryDeduplicator, InsurUpError, verifyAndParseWebhook } from 'insurup-sdk'

import { connect } from './connect.mjs'

const SECRET = 'whsec-example-0123456789' // keep yours in a secret manager
const missing = new Set(['proposal_premium.purchased', 'policy.created'])
const seen = new DeliveryDeduplicator()
/** @type {() => void} */
let allVerified = () => {}
const done = new Promise((resolve) => (allVerified = () => resolve(undefined)))

const server = http.createServer((request, response) => {
  /** @type {Buffer[]} */
  const chunks = []
  request.on('data', (chunk) => chunks.push(chunk))
  request.on('end', () => {
    const header = (/** @type {string} */ name) => String(request.headers[name] ?? '')
    try {
      // The raw bytes, exactly as sent: parsed and re-serialised JSON no longer matches.
      const body = Buffer.concat(chunks)
      const event = verifyAndParseWebhook(SECRET, body, header('x-webhook-signature'))
      if (seen.firstTime(header('x-webhook-delivery'), body)) {
        console.log(`verified ${event.eventType}: ${event.payload.policyId ?? event.payload.proposalId}`)
        missing.delete(event.eventType)
        if (missing.size === 0) allVerified()
      }
      response.writeHead(204).end() // answer fast; do slow work elsewhere
    } catch (error) {
      if (!(error instanceof InsurUpError)) throw error
      console.log(`refused a delivery: ${error.message}`) // forged, tampered with, or not an event
      response.writeHead(401).end()
    }
  })
})
server.listen(0, '127.0.0.1')
await once(server, 'listening')
const address = server.address()
if (address === null || typeof address === 'string') throw new Error('not listening on TCP')

const client = await connect()
const hook = await client.webhooks.create({
  url: `http://127.0.0.1:${address.port}/insurup`,
  events: ['proposal_premium.purchased', 'policy.created'],
  secret: SECRET,
})
console.log(`registered webhook ${hook.id}`)

const customer = await client.customers.ensureIndividual({ identityNumber: '11111111110', birthDate: '1990-01-01' })
const vehicle = await client.vehicles.create(customer.id, { plate: '34ABC123', documentSerialCode: 'AB', documentSerialNumber: '123456' })
const created = await client.proposals.createTrafik({ customerId: customer.id, vehicleId: vehicle.id })
const proposal = await client.proposals.wait(created.id, { timeout: 60 })
const best = proposal.cheapestProduct(1)
if (!best) throw new Error('no insurer offered a cash premium')
await client.purchase.openAccount(proposal.id, best.id, {})

const timeout = setTimeout(() => {
  throw new Error(`no delivery of ${[...missing].join(', ')} within 30 s`)
}, 30_000)
await done
clearTimeout(timeout)
await client.webhooks.delete(hook.id)
server.close()
