// Node measurements for bench/run.sh, printed as JSON lines.
//
//   node bench.mjs throughput URL PROPOSAL PRODUCT PATH TOKEN ROUNDS CALLS
//       the binding vs native fetch and undici.request (undici from npm), the same GET of one
//       proposal product (about 1 KB), decoded by each, in Promise.all batches of 64,
//       interleaved round by round.
//   node --expose-gc bench.mjs tenants URL CLIENTS
//       CLIENTS clients, each logged in with its own session, 16 sign-ins at a time: resident
//       memory per extra client, the time to create them, TCP connections to the sandbox (at
//       most 16 when the clients share one pool) and threads.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
// The package: the release build assembled by run.sh next to this file, or another build.
const { Client } = require(process.env.INSURUP_BENCH_NODE_PACKAGE ?? './pkg/index.js')
const { request } = require('undici')

const EMAIL = 'agent@sandbox.insurup.test'
const PASSWORD = 'sandbox-password'
const BATCH = 64

async function throughput(baseUrl, proposalId, productId, path, token, rounds = '5', calls = '5000') {
  const client = new Client({ baseUrl, email: EMAIL, password: PASSWORD })
  await client.proposals.product(proposalId, productId) // login and warm-up outside the timing
  const headers = { authorization: `Bearer ${token}` }

  async function rate(call) {
    await call()
    const started = performance.now()
    for (let done = 0; done < Number(calls); done += BATCH) {
      await Promise.all(Array.from({ length: Math.min(BATCH, Number(calls) - done) }, call))
    }
    return Number(calls) / ((performance.now() - started) / 1000)
  }

  const viaSdk = () => client.proposals.product(proposalId, productId)
  const viaFetch = async () => {
    const answer = await fetch(baseUrl + path, { headers })
    if (!answer.ok) throw new Error(`fetch answered ${answer.status}`)
    return answer.json() // the binding decodes too
  }
  const viaUndici = async () => {
    const { statusCode, body } = await request(baseUrl + path, { headers })
    if (statusCode !== 200) throw new Error(`undici answered ${statusCode}`)
    return body.json()
  }

  for (let round = 1; round <= Number(rounds); round += 1) {
    const sdkPerSecond = await rate(viaSdk)
    const fetchPerSecond = await rate(viaFetch)
    const undiciPerSecond = await rate(viaUndici)
    console.log(JSON.stringify({ measure: 'node', round, sdkPerSecond, fetchPerSecond, undiciPerSecond }))
  }
}

/** A number of /proc/self/status (kB for memory fields). */
function statusField(name) {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`))
  return Number(line.split(/\s+/)[1])
}

/** Established TCP connections of this process to `port`: its socket fds matched by inode. */
function tcpConnectionsTo(port) {
  const inodes = new Set()
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      if (target.startsWith('socket:[')) inodes.add(target.slice(8, -1))
    } catch {
      // closed while listing
    }
  }
  let count = 0
  for (const table of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    let lines
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1)
    } catch {
      continue
    }
    for (const line of lines) {
      const columns = line.trim().split(/\s+/)
      const remotePort = parseInt(columns[2].split(':').pop(), 16)
      if (columns[3] === '01' && remotePort === port && inodes.has(columns[9])) count += 1
    }
  }
  return count
}

/** This process's threads by name (/proc/self/task/<id>/comm). */
function threadNames() {
  const names = {}
  for (const task of readdirSync('/proc/self/task')) {
    try {
      const name = readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim()
      names[name] = (names[name] ?? 0) + 1
    } catch {
      // ended while listing
    }
  }
  return names
}

function collect() {
  if (!globalThis.gc) throw new Error('run with --expose-gc')
  globalThis.gc()
}

const SIGN_IN_CONCURRENCY = 16

async function tenants(baseUrl, clients = '1000') {
  const count = Number(clients)
  const port = Number(new URL(baseUrl).port)
  const make = () => new Client({ baseUrl, email: EMAIL, password: PASSWORD })
  // One client first, so the runtime and first-use allocations are in place and only what each
  // further client adds is counted.
  await make().signIn()
  collect()
  const rssBeforeKb = statusField('VmRSS')
  const threadsBefore = statusField('Threads')
  let started = performance.now()
  const all = Array.from({ length: count }, make)
  const createSeconds = (performance.now() - started) / 1000
  started = performance.now()
  let next = 0
  const worker = async () => {
    while (next < all.length) await all[next++].signIn()
  }
  await Promise.all(Array.from({ length: SIGN_IN_CONCURRENCY }, worker))
  const signInSeconds = (performance.now() - started) / 1000
  collect()
  const rssAfterKb = statusField('VmRSS')
  console.log(
    JSON.stringify({
      measure: 'tenants',
      language: 'node',
      kind: 'sdk',
      clients: count,
      rssBeforeKb,
      rssAfterKb,
      rssPerClientKb: (rssAfterKb - rssBeforeKb) / count,
      createSeconds,
      signInSeconds,
      signInConcurrency: SIGN_IN_CONCURRENCY,
      tcpConnections: tcpConnectionsTo(port),
      threadsBefore,
      threads: statusField('Threads'),
      threadNames: threadNames(),
    }),
  )
}

const [mode, ...args] = process.argv.slice(2)
const modes = { throughput, tenants }
if (!modes[mode]) throw new Error(`unknown mode ${mode}: throughput or tenants`)
await modes[mode](...args)
process.exit(0) // idle pooled connections would keep the process alive until they time out
