// A CRM integration as a TypeScript user writes it, checked by `tsc --noEmit --strict` against
// the generated index.d.ts (ESM import). It is compiled, not run: the behaviour is tested in
// ../*.test.mjs against the sandbox.
import {
  Client,
  DocumentSerial,
  InsurUpError,
  PurchaseOutcomeUnknownError,
  RateLimitError,
  RedisFleet,
  RedisTokenStore,
  TokenSet,
  ValidationError,
  setLogger,
  verifyWebhook,
  type CardDetails,
  type Policy,
  type CustomerRow,
  type PolicyRow,
  type ProductBranch,
  type Proposal,
  type TokenSetJson,
  type TokenStore,
} from 'insurup-sdk'

class KeychainStore implements TokenStore {
  #saved: string | null = null
  async load(): Promise<TokenSetJson | null> {
    return this.#saved === null ? null : (JSON.parse(this.#saved) as TokenSetJson)
  }
  save(tokens: TokenSet): void {
    const expiresAt: Date = tokens.expiresAt
    void [expiresAt, tokens.subject]
    this.#saved = JSON.stringify(tokens)
  }
  async clear(): Promise<void> {
    this.#saved = null
  }
}

setLogger(console)
setLogger(console, { level: 'debug' })
setLogger((record) => process.stderr.write(`${record.level} ${record.target} ${record.message} ${record.fields}\n`))
setLogger(null)

export async function sellKasko(code: () => Promise<string>): Promise<Policy> {
  const fromEnvironment: Client = Client.fromEnv({ twoFactor: () => code() })
  void fromEnvironment
  const client = new Client({
    baseUrl: 'https://api.insurup.com',
    email: 'ops@acente.com.tr',
    password: 'from-a-secret-manager',
    agentId: '00000000-0000-4000-8000-000000000001',
    twoFactor: async (challenge) => (challenge.email.endsWith('.tr') ? code() : '000000'),
    tokenStore: new KeychainStore(),
    timeout: 30,
    dialect: 'vendor-sdk',
  })
  const worker = new Client({
    email: 'ops@acente.com.tr',
    password: 'from-a-secret-manager',
    tokenStore: new RedisTokenStore('rediss://app:secret@redis.internal:6380/0', { account: 'ops@acente.com.tr' }),
  })
  const fleet = new RedisFleet('redis://127.0.0.1:6379/0', { account: 'ops@acente.com.tr', requestsPerSecond: 20, burst: 5 })
  const fleetWorker = new Client({ email: 'ops@acente.com.tr', password: 'from-a-secret-manager', fleet })
  void [worker, fleetWorker, fleet.url, fleet.account]
  const dialect: 'guide' | 'graphql-docs' | 'vendor-sdk' = client.dialect
  void [dialect, client.userAgent, TokenSet.fromJSON('{}').toJSON()]
  const customer = await client.customers.createIndividual({ identityNumber: '11111111110', birthDate: '1990-01-01' })
  const serial = DocumentSerial.parse('AB 123456')
  const vehicle = await client.vehicles.ensure(customer.id, {
    plate: '34ABC123',
    documentSerialCode: serial.code,
    documentSerialNumber: serial.number,
  })
  await client.cases.ensureSaleOpportunity(customer.id, 'KASKO', 'API')
  const created = await client.proposals.createKasko({ customerId: customer.id, vehicleId: vehicle.id })
  const controller = new AbortController()
  const proposal: Proposal = await client.proposals.wait(created.id, { timeout: 60, signal: controller.signal })
  const best = proposal.cheapestProduct(1)
  if (best === null) throw new Error('no insurer offered a cash premium')
  const card: CardDetails = {
    number: '4242424242424242',
    cvc: '123',
    expiryMonth: '12',
    expiryYear: '2030',
    holderName: 'AHMET YILMAZ',
  }
  try {
    const bought = await client.purchase.creditCard(proposal.id, best.id, { card, installments: 1, metadata: { campaign: 'spring' } })
    const status: 'PURCHASED' | 'PURCHASING' | 'PURCHASE_FAILED' | (string & {}) = bought.status
    void status
    return await client.policies.get(bought.policyId)
  } catch (error) {
    if (error instanceof PurchaseOutcomeUnknownError && error.proposalId && error.productId) {
      const product = await client.proposals.product(error.proposalId, error.productId)
      throw new Error(`check ${product.id} (${product.state}) before buying again`)
    }
    if (error instanceof RateLimitError && error.retryAfter !== null) {
      await new Promise((resolve) => setTimeout(resolve, (error.retryAfter ?? 0) * 1000))
    }
    if (error instanceof ValidationError) console.error(error.field, error.message)
    if (error instanceof InsurUpError) console.error(error.status, error.codes, error.traceId, error.suggestions, error.graphqlErrors)
    throw error
  }
}

export async function report(client: Client): Promise<number> {
  let total = 0
  const rows: AsyncIterable<PolicyRow> = client.graphql.policies({
    first: 500,
    filter: { state: { eq: 'ACTIVE' } },
    order: [{ field: 'grossPremium', direction: 'DESC' }],
  })
  for await (const row of rows) total += row.grossPremium ?? 0
  for await (const page of client.graphql.customerPages({ first: 100, signal: AbortSignal.timeout(10_000) })) total += page.items.length
  const customers = client.graphql.customers({ first: 10 })
  const batch: CustomerRow[] = await customers.nextBatch(10)
  const resume: string | null = await customers.resumeCursor()
  total += batch.length + (resume?.length ?? 0)
  for await (const update of client.proposals.watch('6650a1b2c3d4e5f601a2b3c4')) {
    for (const product of update.resolved) total += product.premiums.length
  }
  const branch: ProductBranch = 'KASKO'
  const future: ProductBranch = 'UZAY_SIGORTASI'
  void [branch, future]
  verifyWebhook('whsec-0123456789abcdef', Buffer.from('{}'), null)
  return total
}
