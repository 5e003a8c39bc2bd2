// What each kind of error means and what to do about it. Every error the SDK throws is an
// InsurUpError; its class says what to do next.
//
//     node examples/node/handle_errors.mjs
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InsurUpError,
  NotFoundError,
  PurchaseOutcomeUnknownError,
  RateLimitError,
  ServerError,
  TimeoutError,
  TwoFactorRequiredError,
  UnprocessableError,
  ValidationError,
} from 'insurup-sdk'

import { connect } from './connect.mjs'

/** @param {InsurUpError} error */
function advice(error) {
  if (error instanceof ValidationError) return `fix the input field \`${error.field}\` (nothing was sent)`
  if (error instanceof AuthenticationError || error instanceof TwoFactorRequiredError) return 'check the credentials and the 2FA provider'
  if (error instanceof NotFoundError) return "check the id (or the user's data scope)"
  if (error instanceof ConflictError) return 'it exists already or is in the wrong state: read it instead'
  if (error instanceof UnprocessableError) return `show the customer: ${error.detail} ${error.suggestions.join(' ')}`
  if (error instanceof RateLimitError) return `slow down; retry after ${error.retryAfter} s`
  if (error instanceof PurchaseOutcomeUnknownError) return 'read the product back before buying again; never buy twice'
  if (error instanceof ServerError || error instanceof TimeoutError || error instanceof ConnectionError) {
    return 'retry later (the SDK already retried what was safe to retry)'
  }
  return 'report it with the request id'
}

/**
 * Runs `call`, which must fail with `kind`, and says what to do about it.
 * @param {Function} kind
 * @param {string} what
 * @param {() => Promise<unknown>} call
 */
async function expect(kind, what, call) {
  try {
    await call()
  } catch (error) {
    if (!(error instanceof kind) || !(error instanceof InsurUpError)) throw error
    console.log(`${what}: ${error.name} -> ${advice(error)} [request ${error.requestId ?? '-'}]`)
    return
  }
  throw new Error(`${what}: expected ${kind.name}`)
}

const client = await connect()
const card = { number: '4242424242424242', cvc: '123', expiryMonth: '12', expiryYear: '2030', holderName: 'AHMET YILMAZ' }

// Caught locally, before any request.
await expect(ValidationError, 'bad TCKN', () => client.customers.createIndividual({ identityNumber: '12345678901' }))
const customer = await client.customers.ensureIndividual({ identityNumber: '11111111110', birthDate: '1990-01-01' })
const vehicle = await client.vehicles.create(customer.id, { plate: '34ABC123', documentSerialCode: 'AB', documentSerialNumber: '123456' })
const created = await client.proposals.createTrafik({ customerId: customer.id, vehicleId: vehicle.id })
const proposal = await client.proposals.wait(created.id, { timeout: 60 })
const best = proposal.cheapestProduct(1)
if (!best) throw new Error('no insurer offered a cash premium')
await expect(ValidationError, 'mistyped card', () =>
  client.purchase.creditCard(proposal.id, best.id, { card: { ...card, number: '4242424242424241' } }),
)
// Answered by the API.
await expect(NotFoundError, 'unknown proposal', () => client.proposals.get('64b000000000000000000999'))
await expect(ConflictError, 'duplicate customer', () => client.customers.createIndividual({ identityNumber: '11111111110' }))
await expect(UnprocessableError, 'declined card', () =>
  client.purchase.creditCard(proposal.id, best.id, { card: { ...card, number: '4000000000000002' } }),
)
