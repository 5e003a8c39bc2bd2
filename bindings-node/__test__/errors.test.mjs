import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'

import {
  AuthenticationError,
  BadRequestError,
  Client,
  ConflictError,
  ConnectionError,
  DecodeError,
  InsurUpError,
  NotFoundError,
  PermissionDeniedError,
  PurchaseOutcomeUnknownError,
  RateLimitError,
  ServerError,
  TimeoutError,
  TwoFactorRequiredError,
  UnprocessableError,
  ValidationError,
} from 'insurup-sdk'

import {
  AGENT,
  DECLINED_CARD,
  GOOD_CARD,
  MFA_AGENT,
  TCKN,
  answeredKaskoProposal,
  closedPortUrl,
  startSandbox,
} from './support.mjs'

const CUSTOMER_ROUTE = '/api/customers/{id}'
const PURCHASE_ROUTE = '/api/proposals/{id}/products/{productId}/purchase/sync'

let sandbox
let customer
before(async () => {
  sandbox = await startSandbox()
  customer = await sandbox.client().customers.createIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' })
})
after(() => sandbox.stop())

/** Asserts `promise` rejects with an instance of `ErrorClass` (and so of InsurUpError); returns it. */
async function rejection(promise, ErrorClass) {
  const error = await promise.then(
    () => assert.fail(`expected a ${ErrorClass.name}`),
    (error) => error,
  )
  assert.ok(error instanceof ErrorClass, `${error.name}: ${error.message} is a ${ErrorClass.name}`)
  assert.ok(error instanceof InsurUpError)
  assert.ok(error instanceof Error)
  assert.equal(error.name, ErrorClass.name)
  return error
}

/** The next request to the customer route gets `fault`; the client does not retry. */
async function customerReadFailingWith(fault, options = {}) {
  await sandbox.fault({ method: 'GET', path: CUSTOMER_ROUTE, ...fault })
  return sandbox.client({ maxRetries: 0, ...options }).customers.get(customer.id)
}

describe('each error kind arrives as its own class', () => {
  test('bad input is a ValidationError naming the field, and nothing is sent', async () => {
    const client = sandbox.client()
    const requestsBefore = await sandbox.apiRequests()
    const error = await rejection(client.customers.createIndividual({ identityNumber: '11111111111' }), ValidationError)
    assert.equal(error.field, 'identity_number')
    assert.equal(error.status, null)
    assert.equal(await sandbox.apiRequests(), requestsBefore)
  })

  test('an argument of the wrong shape is a TypeError naming the field, and nothing is sent', async () => {
    const client = sandbox.client()
    const requestsBefore = await sandbox.apiRequests()
    const typeErrorNaming = (field) => (error) => {
      assert.ok(error instanceof TypeError, `${error.name}: ${error.message} is a TypeError`)
      assert.match(error.message, field)
      return true
    }
    assert.throws(() => client.customers.createIndividual({}), typeErrorNaming(/identityNumber/))
    assert.throws(
      () => client.customers.createIndividual({ identityNumber: 11111111110 }),
      typeErrorNaming(/identityNumber/),
    )
    assert.throws(() => client.graphql.policies({ order: [{ field: 'grossPremium' }] }), typeErrorNaming(/direction/))
    assert.equal(await sandbox.apiRequests(), requestsBefore)
  })

  test('a ValidationError is thrown synchronously by the constructor for a non-https URL', () => {
    assert.throws(() => new Client({ baseUrl: 'http://api.example.com', ...AGENT }), ValidationError)
  })

  test('a wrong password is an AuthenticationError with status 401', async () => {
    const client = sandbox.client({ password: 'not-the-password' })
    const error = await rejection(client.signIn(), AuthenticationError)
    assert.equal(error.status, 401)
  })

  test('a 2FA account without a twoFactor callback is a TwoFactorRequiredError', async () => {
    const client = sandbox.client({ email: MFA_AGENT.email, password: MFA_AGENT.password })
    await rejection(client.signIn(), TwoFactorRequiredError)
  })

  test('403 is a PermissionDeniedError', async () => {
    const error = await rejection(customerReadFailingWith({ status: 403 }), PermissionDeniedError)
    assert.equal(error.status, 403)
  })

  test('an unknown id is a NotFoundError carrying the server trace id and our request id', async () => {
    const error = await rejection(sandbox.client().customers.get(randomUUID()), NotFoundError)
    assert.equal(error.status, 404)
    assert.match(error.traceId, /^[0-9a-f]{32}$/)
    assert.match(error.requestId, /^[0-9a-f-]{32,36}$/)
    assert.ok(error.detail)
  })

  test('a second customer with the same TCKN is a ConflictError', async () => {
    const error = await rejection(
      sandbox.client().customers.createIndividual({ identityNumber: TCKN, birthDate: '1990-01-01' }),
      ConflictError,
    )
    assert.equal(error.status, 409)
    assert.ok(error.codes.length > 0)
  })

  test('400 is a BadRequestError', async () => {
    await rejection(customerReadFailingWith({ status: 400 }), BadRequestError)
  })

  test('a declined card is an UnprocessableError with the code, detail and suggestions to show', async () => {
    const client = sandbox.client()
    const proposal = await answeredKaskoProposal(client)
    const product = proposal.cheapestProduct(1)
    const error = await rejection(
      client.purchase.creditCard(proposal.id, product.id, { card: DECLINED_CARD, installments: 1 }),
      UnprocessableError,
    )
    assert.equal(error.status, 422)
    assert.deepEqual(error.codes, ['PAYMENT_DECLINED'])
    assert.ok(error.detail)
    assert.ok(error.suggestions.length > 0)
    assert.match(error.problemType, /business-validation$/)
  })

  test('a Retry-After above a minute is a RateLimitError in seconds, worth retrying later', async () => {
    const error = await rejection(customerReadFailingWith({ status: 429, retryAfter: 120 }, { maxRetries: 3 }), RateLimitError)
    assert.equal(error.status, 429)
    assert.equal(error.retryAfter, 120)
    assert.equal(error.retryable, true)
  })

  test('a 5xx once the retries are spent is a ServerError', async () => {
    const error = await rejection(customerReadFailingWith({ status: 503 }), ServerError)
    assert.equal(error.status, 503)
  })

  test('no answer within the timeout is a TimeoutError', async () => {
    await rejection(customerReadFailingWith({ delayMs: 5_000 }, { timeout: 0.2 }), TimeoutError)
    await sandbox.clearFaults()
  })

  test('nobody listening is a ConnectionError', async () => {
    const client = new Client({ baseUrl: await closedPortUrl(), ...AGENT, maxRetries: 0 })
    await rejection(client.signIn(), ConnectionError)
  })

  test('GraphQL errors arrive as objects on the error, not as JSON text', async () => {
    const error = await rejection(sandbox.client().graphql.execute('{ noSuchField }'), BadRequestError)
    assert.ok(error.graphqlErrors.length > 0)
    assert.equal(typeof error.graphqlErrors[0], 'object')
    assert.match(error.graphqlErrors[0].message, /noSuchField/)
    assert.ok(!('graphqlErrorsJson' in error) && !('partialDataJson' in error))
  })

  test('a sort direction other than ASC or DESC is a ValidationError naming order.direction', () => {
    const list = () => sandbox.client().graphql.policies({ order: [{ field: 'grossPremium', direction: 'down' }] })
    assert.throws(list, (error) => {
      assert.ok(error instanceof ValidationError, `${error.name} is a ValidationError`)
      assert.equal(error.field, 'order.direction')
      return true
    })
  })

  test('an answer that is not the expected shape is a DecodeError', async () => {
    await rejection(customerReadFailingWith({ status: 200 }), DecodeError)
  })

  test('a purchase whose answer is lost before the server acted is a PurchaseOutcomeUnknownError', async () => {
    const client = sandbox.client()
    const proposal = await answeredKaskoProposal(client)
    const product = proposal.cheapestProduct(1)
    await sandbox.fault({ method: 'POST', path: PURCHASE_ROUTE, action: 'drop' })
    const error = await rejection(
      client.purchase.creditCard(proposal.id, product.id, { card: GOOD_CARD, installments: 1 }),
      PurchaseOutcomeUnknownError,
    )
    assert.equal(error.proposalId, proposal.id)
    assert.equal(error.productId, product.id)
    assert.equal(error.mayHaveReachedServer, true)
    assert.equal(error.retryable, false, 'a purchase is never worth blindly retrying')
    assert.equal((await sandbox.stats()).purchases[product.id] ?? 0, 0, 'the purchase was never re-sent')
  })
})

describe('retries', () => {
  test('a 429 with a short Retry-After is waited out and the call succeeds', async () => {
    const readsBefore = await sandbox.requests(`GET ${CUSTOMER_ROUTE}`)
    await sandbox.fault({ method: 'GET', path: CUSTOMER_ROUTE, status: 429, retryAfter: 1 })
    const read = await sandbox.client().customers.get(customer.id)
    assert.equal(read.id, customer.id)
    assert.equal(await sandbox.requests(`GET ${CUSTOMER_ROUTE}`), readsBefore + 2)
  })

  test('a purchase whose answer is lost after the server acted is confirmed by reading it back', async () => {
    const client = sandbox.client()
    const proposal = await answeredKaskoProposal(client)
    const product = proposal.cheapestProduct(1)
    await sandbox.fault({ method: 'POST', path: PURCHASE_ROUTE, action: 'apply-then-drop' })
    const bought = await client.purchase.creditCard(proposal.id, product.id, { card: GOOD_CARD, installments: 1 })
    assert.equal(bought.status, 'PURCHASED')
    assert.equal(bought.confirmedByReadBack, true)
    assert.equal((await sandbox.stats()).purchases[product.id], 1, 'bought exactly once')
  })
})
