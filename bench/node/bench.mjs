// Node measurement for bench/run.sh, printed as JSON lines: the binding vs native fetch (undici),
// the same GET of one proposal product (about 1 KB) in Promise.all batches of 64, interleaved round by round.
import { createRequire } from 'node:module'

const [baseUrl, proposalId, productId, path, token, rounds = '5', calls = '5000'] = process.argv.slice(2)
const require = createRequire(import.meta.url)
// The release build of the package, assembled by run.sh next to this file.
const { Client } = require(process.env.INSURUP_BENCH_NODE_PACKAGE ?? './pkg/index.js')

const BATCH = 64
const client = new Client({ baseUrl, email: 'agent@sandbox.insurup.test', password: 'sandbox-password' })
await client.proposals.product(proposalId, productId) // login and warm-up outside the timing

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
  const answer = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } })
  if (!answer.ok) throw new Error(`fetch answered ${answer.status}`)
  return answer.json() // the binding decodes too
}

for (let round = 1; round <= Number(rounds); round += 1) {
  const sdkPerSecond = await rate(viaSdk)
  const fetchPerSecond = await rate(viaFetch)
  console.log(JSON.stringify({ measure: 'node', round, sdkPerSecond, fetchPerSecond }))
}
