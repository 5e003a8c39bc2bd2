// The B2B flow end to end: customer, vehicle, sale opportunity, kasko quotes from every insurer,
// the cheapest bought with a card, and the policy.
//
//     node examples/node/quote_and_buy.mjs
import { connect } from './connect.mjs'

const client = await connect()

// `ensure…` finds the agency's customer or creates it: safe to run again after a failure.
const customer = await client.customers.ensureIndividual({ identityNumber: '11111111110', birthDate: '1990-01-01' })
const vehicle = await client.vehicles.create(customer.id, { plate: '34ABC123', documentSerialCode: 'AB', documentSerialNumber: '123456' })
const sale = await client.cases.ensureSaleOpportunity(customer.id, 'KASKO', 'WEBSITE')
console.log(`customer ${customer.fullName ?? customer.id}, vehicle ${vehicle.id}, case ${sale.caseRef ?? sale.id}`)

const created = await client.proposals.createKasko({ customerId: customer.id, vehicleId: vehicle.id })
for await (const update of client.proposals.watch(created.id, { timeout: 60 })) {
  for (const product of update.resolved) {
    const cash = product.premiums.find((premium) => premium.installmentNumber === 1)
    const price = cash?.grossPremium !== undefined ? `${cash.grossPremium.toFixed(2).padStart(10)} TL` : '   no offer'
    console.log(`  ${(product.insuranceCompanyName ?? '?').padEnd(28)} ${price}`)
  }
}
const proposal = await client.proposals.get(created.id)

const best = proposal.cheapestProduct(1)
if (!best) throw new Error('no insurer offered a cash premium')
const card = { number: '4242424242424242', cvc: '123', expiryMonth: '12', expiryYear: '2030', holderName: 'AHMET YILMAZ' }
// Sent at most once: if the answer is lost, the SDK reads the product back instead.
const bought = await client.purchase.creditCard(proposal.id, best.id, { card, installments: 1 })
const policy = await client.policies.get(bought.policyId)
console.log(`bought ${best.insuranceCompanyName}: policy ${policy.policyNumber}, ${policy.grossPremium} TL`)
