// Test support: a sandbox per test file (the insurup-sandbox binary, spawned and read the way its
// README says) and clients pointed at it. Not a test file: node --test runs *.test.mjs only.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import net from 'node:net'
import path from 'node:path'
import readline from 'node:readline'

import { Client } from 'insurup-sdk'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const AGENT = { email: 'agent@sandbox.insurup.test', password: 'sandbox-password' }
export const MFA_AGENT = { email: 'mfa@sandbox.insurup.test', password: 'sandbox-password', code: '123456' }
export const AGENT_ID = '00000000-0000-4000-8000-000000000001'
export const TCKN = '11111111110'
export const VEHICLE = { plate: '34ABC123', documentSerialCode: 'AB', documentSerialNumber: '123456' }
export const GOOD_CARD = {
  number: '4242424242424242',
  cvc: '123',
  expiryMonth: '12',
  expiryYear: '2030',
  holderName: 'AHMET YILMAZ',
}
export const DECLINED_CARD = { ...GOOD_CARD, number: '4000000000000002' }

/** Starts `insurup-sandbox` with instant insurers; `extraArgs` are its flags. */
export async function startSandbox(...extraArgs) {
  const binary = process.env.INSURUP_SANDBOX_BIN ?? path.join(repoRoot, 'target', 'debug', 'insurup-sandbox')
  const child = spawn(binary, ['--port', '0', '--latency-scale', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${binary} exited with ${code} before printing its URL`)
  })
  const lines = readline.createInterface({ input: child.stdout })
  // An iterator buffers lines, so a second line arriving in the same chunk is not lost.
  const reader = lines[Symbol.asyncIterator]()
  const nextLine = async () => (await Promise.race([reader.next(), exited])).value
  const baseUrl = await nextLine()
  // Dialects with a separate OAuth origin (all but the guide) print its URL on the second line.
  const guide = extraArgs.includes('--dialect') && extraArgs[extraArgs.indexOf('--dialect') + 1] === 'guide'
  const authUrl = guide ? baseUrl : await nextLine()
  lines.close()
  child.stdout.resume()
  return new Sandbox(baseUrl, authUrl, child)
}

export class Sandbox {
  constructor(baseUrl, authUrl, child) {
    this.baseUrl = baseUrl
    this.authUrl = authUrl
    this.child = child
  }

  /** A client signed in as the seeded agent user, with `options` on top. */
  client(options = {}) {
    // A purchase whose answer was lost is read back for 2 s here (60 s by default).
    return new Client({
      baseUrl: this.baseUrl,
      authUrl: this.authUrl,
      ...AGENT,
      agentId: AGENT_ID,
      purchaseConfirmationWindow: 2,
      ...options,
    })
  }

  /** Makes the next `times` matching requests fail as described (see the sandbox README). */
  async fault(fault) {
    await this.#control('POST', '/__sandbox/faults', fault)
  }

  async clearFaults() {
    await this.#control('DELETE', '/__sandbox/faults')
  }

  /** `{ logins, refreshes, purchases, requests: { 'GET /api/customers/{id}': n } }` */
  async stats() {
    return (await this.#control('GET', '/__sandbox/stats')).json()
  }

  /** How many requests the sandbox has served for `route`, e.g. `GET /api/customers/{id}`. */
  async requests(route) {
    return (await this.stats()).requests[route] ?? 0
  }

  /** How many API requests (control endpoints aside) the sandbox has served. */
  async apiRequests() {
    const { requests } = await this.stats()
    return Object.entries(requests)
      .filter(([route]) => !route.includes('/__sandbox/'))
      .reduce((sum, [, count]) => sum + count, 0)
  }

  async stop() {
    this.child.kill()
    await once(this.child, 'exit')
  }

  async #control(method, route, body) {
    const response = await fetch(this.baseUrl + route, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`)
    return response
  }
}

/** A loopback URL where nothing listens. */
export async function closedPortUrl() {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return `http://127.0.0.1:${port}`
}

/** A customer, a vehicle and a kasko proposal whose insurers have all answered. */
export async function answeredKaskoProposal(client, identityNumber = TCKN) {
  const customer = await client.customers.ensureIndividual({ identityNumber, birthDate: '1990-01-01' })
  const vehicle = await client.vehicles.create(customer.id, VEHICLE)
  const created = await client.proposals.createKasko({ customerId: customer.id, vehicleId: vehicle.id })
  return client.proposals.wait(created.id, { timeout: 60 })
}
