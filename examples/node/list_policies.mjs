// Every active policy above 5 000 TL, most expensive first, fetched page by page as the loop
// advances (memory stays at one page however long the list is).
//
//     node examples/node/list_policies.mjs
import { connect } from './connect.mjs'

const client = await connect('--generated-policies', '2000')
const query = {
  first: 200,
  filter: { and: [{ state: { eq: 'ACTIVE' } }, { grossPremium: { gte: 5000 } }] },
  order: [{ field: 'grossPremium', direction: /** @type {const} */ ('DESC') }],
}

const firstPage = await client.graphql.policyPages(query).nextPage()
console.log(`${firstPage?.totalCount} policies match; the first page has ${firstPage?.items.length}`)

let count = 0
let total = 0
for await (const row of client.graphql.policies(query)) {
  count += 1
  total += row.grossPremium ?? 0
  if (count <= 3) {
    console.log(`${(row.grossPremium ?? 0).toFixed(2).padStart(10)} TL  ${row.insuranceCompanyName ?? '-'}  ${row.insuredCustomerName ?? '-'}`)
  }
}
console.log(`${count} rows, ${total.toFixed(2)} TL in total`)
if (count !== firstPage?.totalCount) throw new Error(`streamed ${count} rows but the list has ${firstPage?.totalCount}`)
