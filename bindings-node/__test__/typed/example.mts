// A CRM integration as a TypeScript user writes it, checked by `tsc --noEmit --strict` against
// the generated index.d.ts (ESM import). It is compiled, not run: the behaviour is tested in
// ../*.test.mjs against the sandbox.
import {
  Client,
  InsurUpError,
  PurchaseOutcomeUnknownError,
  RateLimitError,
  ValidationError,
  verifyWebhook,
  type CardDetails,
  type Policy,
  type PolicyRow,
  type ProductBranch,
  type Proposal,
  type StoredTokens,
  type TokenStore,
} from 'insurup-sdk'

class KeychainStore implements TokenStore {
  #tokens: StoredTokens | null = null
  async load(): Promise<StoredTokens | null> {
    return this.#tokens
  }
  save(tokens: StoredTokens): void {
    this.#tokens = tokens
  }
  async clear(): Promise<void> {
    this.#tokens = null
  }
}

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
    timeoutMs: 30_000,
  })
  const customer = await client.customers.createIndividual({ identityNumber: '11111111110', birthDate: '1990-01-01' })
  const vehicle = await client.vehicles.create(customer.id, {
    plate: '34ABC123',
    documentSerialCode: 'AB',
    documentSerialNumber: '123456',
  })
  await client.cases.ensureSaleOpportunity(customer.id, 'KASKO', 'API')
  const created = await client.proposals.createKasko({ customerId: customer.id, vehicleId: vehicle.id })
  const controller = new AbortController()
  const proposal: Proposal = await client.proposals.wait(created.id, { timeoutMs: 60_000, signal: controller.signal })
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
    const bought = await client.purchase.creditCard(proposal.id, best.id, { card, installments: 1 })
    const status: 'PURCHASED' | 'PURCHASING' | 'PURCHASE_FAILED' | (string & {}) = bought.status
    void status
    return await client.policies.get(bought.policyId)
  } catch (error) {
    if (error instanceof PurchaseOutcomeUnknownError) {
      const product = await client.proposals.product(error.proposalId, error.productId)
      throw new Error(`check ${product.id} (${product.state}) before buying again`)
    }
    if (error instanceof RateLimitError && error.retryAfterMs !== null) {
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 0))
    }
    if (error instanceof ValidationError) console.error(error.field, error.message)
    if (error instanceof InsurUpError) console.error(error.status, error.codes, error.traceId, error.suggestions)
    throw error
  }
}

export async function report(client: Client): Promise<number> {
  let total = 0
  const rows: AsyncIterableIterator<PolicyRow> = client.graphql.policies({
    first: 500,
    filter: { state: { eq: 'ACTIVE' } },
    order: [{ field: 'grossPremium', direction: 'DESC' }],
  })
  for await (const row of rows) total += row.grossPremium ?? 0
  for await (const page of client.graphql.customerPages({ first: 100 })) total += page.items.length
  for await (const update of client.proposals.watch('6650a1b2c3d4e5f601a2b3c4')) {
    for (const product of update.resolved) total += product.premiums.length
  }
  const branch: ProductBranch = 'KASKO'
  const future: ProductBranch = 'UZAY_SIGORTASI'
  void [branch, future]
  verifyWebhook('whsec-0123456789abcdef', Buffer.from('{}'), null)
  return total
}
