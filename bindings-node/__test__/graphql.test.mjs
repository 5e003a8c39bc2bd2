import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { BadRequestError, ValidationError } from 'insurup-sdk'

import { startSandbox } from './support.mjs'

const GENERATED_POLICIES = 5_000

let sandbox
before(async () => {
  sandbox = await startSandbox('--generated-policies', String(GENERATED_POLICIES))
})
after(() => sandbox.stop())

describe('GraphQL lists', () => {
  test('for await reads all 5 000 policies once each, one page request per 500 rows', async () => {
    const client = sandbox.client()
    const pagesBefore = await sandbox.requests('POST /api/graphql')
    const ids = new Set()
    let rows = 0
    for await (const policy of client.graphql.policies({ first: 500 })) {
      rows += 1
      ids.add(policy.id)
    }
    assert.equal(rows, GENERATED_POLICIES)
    assert.equal(ids.size, GENERATED_POLICIES)
    assert.equal(await sandbox.requests('POST /api/graphql'), pagesBefore + GENERATED_POLICIES / 500)
  })

  test('pages can be read one by one, and say how many rows the whole list has', async () => {
    const pages = sandbox.client().graphql.policyPages({ first: 400 })
    const sizes = []
    for await (const page of pages) {
      assert.equal(page.totalCount, GENERATED_POLICIES)
      sizes.push(page.items.length)
    }
    assert.deepEqual(sizes, [...Array(12).fill(400), 200])
    assert.equal(await pages.nextPage(), null, 'a finished list stays finished')
  })

  test('filters and sort orders are passed to the server', async () => {
    const query = {
      first: 100,
      filter: { state: { eq: 'CANCELLED' } },
      order: [{ field: 'grossPremium', direction: 'DESC' }],
    }
    const premiums = []
    for await (const policy of sandbox.client().graphql.policies(query)) {
      assert.equal(policy.state, 'CANCELLED')
      premiums.push(policy.grossPremium)
    }
    assert.ok(premiums.length > 0 && premiums.length < GENERATED_POLICIES)
    assert.deepEqual(premiums, [...premiums].sort((a, b) => b - a))
  })

  test('a sort direction other than ASC or DESC is refused before any request', async () => {
    const graphql = sandbox.client().graphql
    const pagesBefore = await sandbox.requests('POST /api/graphql')
    assert.throws(() => graphql.policies({ order: [{ field: 'grossPremium', direction: 'down' }] }), ValidationError)
    assert.equal(await sandbox.requests('POST /api/graphql'), pagesBefore)
  })

  test('a loop crosses into the core once per page, not once per row', async () => {
    const rows = sandbox.client().graphql.policies({ first: 500 })
    const nextBatch = rows.nextBatch
    let crossings = 0
    rows.nextBatch = function (...args) {
      crossings += 1
      return nextBatch.apply(this, args)
    }
    let count = 0
    for await (const _policy of rows) count += 1
    assert.equal(count, GENERATED_POLICIES)
    assert.equal(crossings, GENERATED_POLICIES / 500 + 1, 'one batch per page, and one that finds the end')
  })

  test('a list that failed resumes from its cursor without repeating or skipping a row', async () => {
    const graphql = sandbox.client({ maxRetries: 0 }).graphql
    const rows = graphql.policies({ first: 100 })
    const seen = (await rows.nextBatch(1000)).map((policy) => policy.id)
    assert.equal(seen.length, 100, 'one page')
    await sandbox.fault({ method: 'POST', path: '/api/graphql', status: 400 })
    await assert.rejects(rows.nextBatch(1000), BadRequestError)
    const after = await rows.resumeCursor()
    assert.ok(after, 'a cursor after the page that was read')
    for await (const policy of graphql.policies({ first: 500, after })) seen.push(policy.id)
    assert.equal(seen.length, GENERATED_POLICIES)
    assert.equal(new Set(seen).size, GENERATED_POLICIES)
  })

  test('an aborted stream stops at the next page with an AbortError', async () => {
    const controller = new AbortController()
    let rows = 0
    await assert.rejects(
      (async () => {
        for await (const _policy of sandbox.client().graphql.policies({ first: 50, signal: controller.signal })) {
          rows += 1
          controller.abort()
        }
      })(),
      { name: 'AbortError' },
    )
    assert.equal(rows, 50, 'the rows of the page already read are still delivered')
  })

  test('customers, proposals and cases are lists too', async () => {
    const graphql = sandbox.client().graphql
    let customers = 0
    for await (const customer of graphql.customers({ first: 500 })) {
      assert.ok(customer.id)
      customers += 1
    }
    assert.equal(customers, GENERATED_POLICIES / 2)
    for await (const _row of graphql.proposals()) assert.fail('no proposal exists yet')
    for await (const _row of graphql.cases()) assert.fail('no case exists yet')
  })
})
