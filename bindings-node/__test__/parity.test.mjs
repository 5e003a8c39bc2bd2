// The Node package against the SDK's surface list (bindings-uniffi/surface.json, produced from the
// compiled UniFFI library: the core's records and enums, the resources and their methods). Every
// object, method, argument, record field, enum and function there must be in the real package —
// the module's exports, the classes' prototypes and the generated index.d.ts — under its camelCase
// name, and nothing may be added beside them, except the intended differences below: JavaScript
// idioms, each with its reason. Until the surface list is built, a fixture in its format stands in
// (fixtures/surface.json); it lists part of the surface, so only what it lists is checked.
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'

const here = path.dirname(fileURLToPath(import.meta.url))
const packageDir = path.resolve(here, '..')
const realSurface = path.resolve(packageDir, '../bindings-uniffi/surface.json')
const complete = existsSync(realSurface)
const surface = JSON.parse(readFileSync(complete ? realSurface : path.join(here, 'fixtures/surface.json'), 'utf8'))
const sdk = createRequire(import.meta.url)('insurup-sdk')

/**
 * Where Node differs from the surface on purpose. `renamed`: the surface's name (`Object`,
 * `Object.method`, `function`, `Record`) is this Node name. `absent`: not in Node. `added`: only in
 * Node (`Object.member` or an export). `arguments`: the Node arguments of a surface method.
 * `wire`: the value an enum variant is spelt as in Node, where it is not its name. Each
 * says why; an entry the surface no longer needs fails.
 */
const INTENDED = {
  renamed: {
    InsurUpClient: ['Client', 'a JS module is its own namespace, so the class needs no prefix'],
    WaitSettings: ['WaitOptions', "the core's napi name, the one Node users already write"],
    'ProposalWatch.next': ['ProposalWatch.nextUpdate', 'in JS an object with `next()` is an iterator returning `{ value, done }`; the watch is an async iterable instead'],
    'Graphql.customer_rows': ['Graphql.customers', 'a list is the async iterable of its rows, as Python\'s `customers`; one page is `customerPages(…).nextPage()`'],
    'Graphql.proposal_rows': ['Graphql.proposals', 'as for `customers`'],
    'Graphql.policy_rows': ['Graphql.policies', 'as for `customers`'],
    'Graphql.case_rows': ['Graphql.cases', 'as for `customers`'],
    'Graphql.policies_expanded_rows': ['Graphql.policiesExpanded', 'as for `customers`'],
    'Graphql.agent_user_rows': ['Graphql.agentUsers', 'as for `customers`'],
    'Graphql.policy_transfer_rows': ['Graphql.policyTransfers', 'as for `customers`'],
    'Graphql.webhook_delivery_rows': ['Graphql.webhookDeliveries', 'as for `customers`'],
    parse_document_serial: ['DocumentSerial.parse', 'a static on the record\'s name, as in Python'],
    forward_logs: ['setLogger', "JS has no standard logger: this adapts pino, winston, `console` or a function (the surface's log sink)"],
    'WebhookEventPayload.payload_json': ['WebhookEventPayload.payload', 'arrives parsed, as Python\'s `payload`'],
  },
  absent: {
    'Graphql.customers': 'one page is `customerPages(…).nextPage()`; `customers` is the row iterable',
    'Graphql.proposals': 'as for `customers`',
    'Graphql.policies': 'as for `customers`',
    'Graphql.cases': 'as for `customers`',
    'Graphql.policies_expanded': 'as for `customers`',
    'Graphql.agent_users': 'as for `customers`',
    'Graphql.policy_transfers': 'as for `customers`',
    'Graphql.webhook_deliveries': 'as for `customers`',
    'CustomerRows.next': 'a cursor is an async iterable (`for await`); `nextBatch(1)` reads one row',
    'ProposalRows.next': 'as for `CustomerRows`',
    'PolicyRows.next': 'as for `CustomerRows`',
    'CaseRows.next': 'as for `CustomerRows`',
    'ExpandedPolicyRows.next': 'as for `CustomerRows`',
    'AgentUserRows.next': 'as for `CustomerRows`',
    'PolicyTransferRows.next': 'as for `CustomerRows`',
    'WebhookDeliveryRows.next': 'as for `CustomerRows`',
    'Customers.create': 'JS has no sum types: one method per kind of `NewCustomer` (`createIndividual`, …)',
    'Customers.ensure': 'one method per kind of `NewCustomer` (`ensureIndividual`, …)',
    'Customers.update': 'one method per kind of `NewCustomer` (`updateIndividual`, …)',
    NewCustomer: 'JS has no sum types: one method per kind of customer instead of the union',
    new_customer_from_identity_number: '`customers.ensureFromIdentityNumber(number, title, birthDate)` makes the customer and ensures it in one call',
    Card: 'a card is a plain object (`{ number, cvc, expiryMonth, expiryYear, holderName }`) in the payment; the core checks it there',
    new_card: 'as `Card`',
    TokenSet: 'a class, not a plain object: its tokens leave only through `toJSON()`, so printing one shows none',
    token_set_to_json: '`tokens.toJSON()`, the method `JSON.stringify` calls',
    token_set_from_json: '`TokenSet.fromJSON(json)`, the spelling of `toJSON`',
    redis_token_store: 'a class: `new RedisTokenStore(url, { account })`, passed as `tokenStore`',
    file_token_store: 'a class: `new FileTokenStore(path)`, passed as `tokenStore`',
    redis_token_store_with_options: 'the same class: `new RedisTokenStore(url, options)` takes every field of `RedisTokenStoreOptions`',
    'RedisFleet.with_options': 'the constructor takes the options object: `new RedisFleet(url, options)`',
  },
  arguments: {
    'InsurUpClient.new': [['options'], 'the 2FA provider, token store and fleet are fields of the options object'],
    'InsurUpClient.from_env': [['options'], 'as for the constructor'],
    'Graphql.customer_rows': [['options'], 'the filter (and an AbortSignal) sit in the options object: `customers({ first, filter, signal })`'],
    'Graphql.proposal_rows': [['options'], 'as for `customers`'],
    'Graphql.policy_rows': [['options'], 'as for `customers`'],
    'Graphql.case_rows': [['options'], 'as for `customers`'],
    'Graphql.policies_expanded_rows': [['options'], 'as for `customers`'],
    'Graphql.agent_user_rows': [['options'], 'as for `customers`'],
    'Graphql.policy_transfer_rows': [['options'], 'as for `customers`'],
    'Graphql.webhook_delivery_rows': [['options'], 'as for `customers`'],
    'Purchases.credit_card': [['proposalId', 'productId', 'payment'], 'the card, installments and metadata are one payment object'],
    'Purchases.open_account': [['proposalId', 'productId', 'payment'], 'as for `creditCard`'],
    'Purchases.start_3d_secure': [['proposalId', 'productId', 'payment'], 'as for `creditCard`, with the `callbackUrl`'],
    'RedisFleet.new': [['url', 'options'], 'the account, the rate and every other setting are the core\'s `RedisFleetOptions`, as `with_options` takes them'],
    forward_logs: [['logger', 'options'], 'a logger object or function, and the lowest level to pass on'],
  },
  added: {
    'Customers.createIndividual': 'one method per kind of `NewCustomer`',
    'Customers.createCompany': 'one method per kind of `NewCustomer`',
    'Customers.createForeign': 'one method per kind of `NewCustomer`',
    'Customers.ensureIndividual': 'one method per kind of `NewCustomer`',
    'Customers.ensureCompany': 'one method per kind of `NewCustomer`',
    'Customers.ensureForeign': 'one method per kind of `NewCustomer`',
    'Customers.updateIndividual': 'one method per kind of `NewCustomer`',
    'Customers.updateCompany': 'one method per kind of `NewCustomer`',
    'Customers.updateForeign': 'one method per kind of `NewCustomer`',
    'Customers.ensureFromIdentityNumber': 'the surface\'s `new_customer_from_identity_number` and `ensure` in one call',
    'Proposals.createKasko': 'object arguments instead of the `NewProposal::kasko(…)` constructor',
    'Proposals.createTrafik': 'as `createKasko`',
    'Proposals.createImm': 'as `createKasko`',
    'Proposals.createDask': 'as `createKasko`',
    'Proposals.createKonut': 'as `createKasko`',
    'Proposals.subscribe': 'the callback form of `watch`, with a function that unsubscribes, for event-driven code',
    'Proposal.cheapestProduct': 'the surface\'s `cheapest_product` as a method of the proposals the client returns',
    'Graphql.customerPages': 'a page at a time with its `totalCount`, for a screen that shows one page, as Python\'s `customer_pages`',
    'Graphql.proposalPages': 'as `customerPages`',
    'Graphql.policyPages': 'as `customerPages`',
    'Graphql.casePages': 'as `customerPages`',
    'Graphql.policiesExpandedPages': 'as `customerPages`',
    'Graphql.agentUserPages': 'as `customerPages`',
    'Graphql.policyTransferPages': 'as `customerPages`',
    'Graphql.webhookDeliveryPages': 'as `customerPages`',
    CustomerPages: 'the pages `customerPages` returns',
    ProposalPages: 'as `CustomerPages`',
    PolicyPages: 'as `CustomerPages`',
    CasePages: 'as `CustomerPages`',
    ExpandedPolicyPages: 'as `CustomerPages`',
    AgentUserPages: 'as `CustomerPages`',
    PolicyTransferPages: 'as `CustomerPages`',
    WebhookDeliveryPages: 'as `CustomerPages`',
    RedisTokenStore: 'the surface\'s `redis_token_store`, as a class',
    FileTokenStore: 'the surface\'s `file_token_store`, as a class',
    TokenSet: 'the stored session: `TokenSet.fromJSON`, `toJSON()`, `expiresAt`',
    errorKinds: 'the class names of the error classes, as the surface\'s `errorKinds`',
    enumValues: 'the wire values of the string unions that stand for enums',
    InsurUpError: 'the base class of the error classes, for `instanceof`',
    __napiBindingTarget: 'set by the napi loader: which prebuilt binary was loaded',
  },
  wire: {
    'PurchaseStatus.Failed': ['PURCHASE_FAILED', 'the value the API sends; the variant names what it means'],
    'PolicyTransferTriggerStatus.Failed': ['TRIGGER_STATUS_FAILED', 'as for `PurchaseStatus`'],
    'ProductBranch.Mesleki': ['MESLEKI_SORUMLULUK', 'as for `PurchaseStatus`'],
  },
}

const camel = (name) => name.replace(/_([a-z0-9])/g, (_, next) => next.toUpperCase())
const normal = (name) => name.replace(/[^a-zA-Z0-9]/g, '').toLowerCase()

/** The Node name of a surface name, and whether an intended difference renamed it. */
function nodeName(surfaceName, defaultName) {
  const renamed = INTENDED.renamed[surfaceName]
  if (renamed) used.add(`renamed:${surfaceName}`)
  return renamed ? renamed[0] : defaultName
}
const used = new Set()
function isAbsent(surfaceName) {
  if (!(surfaceName in INTENDED.absent)) return false
  used.add(`absent:${surfaceName}`)
  return true
}
function isAdded(nodeName) {
  if (!(nodeName in INTENDED.added)) return false
  used.add(`added:${nodeName}`)
  return true
}

/** The declarations of the generated index.d.ts, by name. */
function declarations() {
  const text = readFileSync(path.join(packageDir, 'index.d.ts'), 'utf8')
  const source = ts.createSourceFile('index.d.ts', text, ts.ScriptTarget.Latest, true)
  const found = { interfaces: {}, classes: {}, aliases: {}, functions: {}, namespaces: {} }
  const params = (node) => node.parameters.map((parameter) => parameter.name.getText())
  for (const statement of source.statements) {
    const name = statement.name?.getText()
    if (ts.isInterfaceDeclaration(statement)) {
      const members = (found.interfaces[name] ??= {})
      for (const member of statement.members) if (member.name) members[member.name.getText()] = member
    } else if (ts.isClassDeclaration(statement)) {
      const members = (found.classes[name] ??= {})
      for (const member of statement.members) {
        if (ts.isConstructorDeclaration(member)) members.constructor = { params: params(member) }
        else if (member.name) members[member.name.getText()] = { params: member.parameters ? params(member) : [] }
      }
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const types = ts.isUnionTypeNode(statement.type) ? statement.type.types : [statement.type]
      found.aliases[name] = types.filter((type) => ts.isLiteralTypeNode(type)).map((type) => type.literal.text)
    } else if (ts.isFunctionDeclaration(statement)) {
      found.functions[name] = params(statement)
    } else if (ts.isModuleDeclaration(statement) && statement.body) {
      const functions = (found.namespaces[name] ??= {})
      for (const inner of statement.body.statements) if (ts.isFunctionDeclaration(inner)) functions[inner.name.getText()] = params(inner)
    }
  }
  return found
}

const dts = declarations()

/** Compares the argument names of `member` (a surface name), camelCased, with index.d.ts. */
function argumentProblems(where, member, expected, declared) {
  if (!declared) return [`${where}: not declared in index.d.ts`]
  const intended = INTENDED.arguments[member]
  if (intended) used.add(`arguments:${member}`)
  const wanted = intended ? intended[0] : expected.map(camel)
  return JSON.stringify(wanted) === JSON.stringify(declared) ? [] : [`${where}: arguments (${declared}) in index.d.ts, (${wanted}) in the surface`]
}

describe('the Node package matches the surface list', () => {
  test('error kinds', () => {
    assert.deepEqual(sdk.errorKinds(), surface.errorKinds)
    for (const kind of surface.errorKinds) assert.ok(sdk[kind]?.prototype instanceof sdk.InsurUpError, `${kind} is exported`)
  })

  test('objects: classes, their methods and arguments', () => {
    const problems = []
    for (const object of surface.objects) {
      if (isAbsent(object.name)) continue
      const className = nodeName(object.name, object.name)
      const runtime = sdk[className]
      const declared = dts.classes[className]
      if (typeof runtime !== 'function' || !declared) {
        problems.push(`${object.name}: no class ${className} exported and declared`)
        continue
      }
      for (const constructor of object.constructors) {
        const member = `${object.name}.${constructor.name}`
        if (constructor.name === 'new') {
          problems.push(...argumentProblems(`${className} constructor`, member, constructor.arguments, declared.constructor?.params))
          continue
        }
        const name = nodeName(member, `${className}.${camel(constructor.name)}`).split('.').at(-1)
        if (isAbsent(member)) continue
        if (typeof runtime[name] !== 'function') problems.push(`${member}: no static ${className}.${name}`)
        else problems.push(...argumentProblems(`${className}.${name}`, member, constructor.arguments, declared[name]?.params))
      }
      const expected = new Set(['constructor'])
      for (const method of object.methods) {
        const member = `${object.name}.${method.name}`
        if (isAbsent(member)) continue
        const name = nodeName(member, `${className}.${camel(method.name)}`).split('.').at(-1)
        expected.add(name)
        if (!(name in runtime.prototype)) problems.push(`${member}: no ${className}.prototype.${name}`)
        else if (typeof Object.getOwnPropertyDescriptor(runtime.prototype, name)?.value === 'function') {
          problems.push(...argumentProblems(`${className}.${name}`, member, method.arguments, declared[name]?.params))
        }
      }
      for (const name of [...Object.getOwnPropertyNames(runtime.prototype), ...Object.keys(declared)]) {
        if (!expected.has(name) && !isAdded(`${className}.${name}`) && typeof name === 'string') {
          const statics = object.constructors.map((constructor) => nodeName(`${object.name}.${constructor.name}`, camel(constructor.name)).split('.').at(-1))
          if (!statics.includes(name)) problems.push(`${className}.${name}: in Node, not in the surface`)
        }
      }
    }
    assert.deepEqual([...new Set(problems)], [])
  })

  test('records: the interfaces of index.d.ts, field by field', () => {
    const problems = []
    for (const record of surface.records) {
      if (isAbsent(record.name)) continue
      const name = nodeName(record.name, record.name)
      const declared = dts.interfaces[name]
      if (!declared) {
        problems.push(`${record.name}: no interface ${name} in index.d.ts`)
        continue
      }
      const wanted = record.fields.map((field) => nodeName(`${record.name}.${field}`, `${name}.${camel(field)}`).split('.').at(-1))
      for (const field of wanted) if (!(field in declared)) problems.push(`${name}.${field}: missing`)
      for (const field of Object.keys(declared)) {
        if (!wanted.includes(field) && !isAdded(`${name}.${field}`)) problems.push(`${name}.${field}: in Node, not in the surface`)
      }
    }
    assert.deepEqual(problems, [])
  })

  test('every ErrorReport field is a property of every SDK error', () => {
    const report = surface.records.find((record) => record.name === 'ErrorReport')
    const error = new sdk.ValidationError('m', {})
    const declared = dts.classes.InsurUpError
    // `kind` is the class (and its `name`), `message` is Error's, the JSON texts arrive parsed.
    const asProperty = { kind: 'name', message: 'message', graphqlErrorsJson: 'graphqlErrors', partialDataJson: 'partialData' }
    for (const field of report.fields.map(camel)) {
      const property = asProperty[field] ?? field
      assert.ok(property in error, `an InsurUpError has ${property}`)
      if (!(field in asProperty)) assert.ok(property in declared, `InsurUpError declares ${property}`)
    }
  })

  test('enums: string unions with one value per variant', () => {
    const problems = []
    for (const { name, variants } of surface.enums) {
      if (isAbsent(name)) continue
      const values = dts.aliases[name]
      // The catch-all `Unknown(String)` is the union's `(string & {})`; a wire value UNKNOWN is
      // the variant Rust calls `Unspecified`.
      const known = variants.filter((variant) => variant !== 'Unknown').map((variant) => {
        const wire = INTENDED.wire[`${name}.${variant}`]
        if (wire) used.add(`wire:${name}.${variant}`)
        return wire ? wire[0] : variant
      })
      if (!values) problems.push(`${name}: no type ${name} in index.d.ts`)
      else if (JSON.stringify(known.map(normal)) !== JSON.stringify(values.map((value) => (value === 'UNKNOWN' ? 'unspecified' : normal(value))))) {
        problems.push(`${name}: ${values} in index.d.ts, ${known} in the surface`)
      }
    }
    assert.deepEqual(problems, [])
  })

  test('functions: module exports declared with the same arguments', () => {
    const problems = []
    for (const fn of surface.functions) {
      if (isAbsent(fn.name)) continue
      const name = nodeName(fn.name, camel(fn.name))
      const [namespace, member] = name.includes('.') ? name.split('.') : [null, name]
      const runtime = namespace ? sdk[namespace]?.[member] : sdk[name]
      const declared = namespace ? dts.namespaces[namespace]?.[member] : dts.functions[name]
      if (typeof runtime !== 'function') problems.push(`${fn.name}: no function ${name} exported`)
      else problems.push(...argumentProblems(name, fn.name, fn.arguments, declared))
    }
    assert.deepEqual(problems, [])
  })

  test('nothing else is exported, and every intended difference is still needed', { skip: !complete && 'the fixture lists part of the surface' }, () => {
    const known = new Set([
      ...surface.errorKinds,
      ...surface.objects.map((object) => nodeName(object.name, object.name)),
      ...surface.functions.map((fn) => nodeName(fn.name, camel(fn.name)).split('.')[0]),
    ])
    const extra = Object.keys(sdk).filter((name) => !known.has(name) && !isAdded(name))
    assert.deepEqual(extra, [], 'exports that are in Node only')
    const entries = Object.entries(INTENDED).flatMap(([kind, list]) => Object.keys(list).map((name) => `${kind}:${name}`))
    assert.deepEqual(entries.filter((entry) => !used.has(entry)), [], 'intended differences the surface no longer needs')
  })
})
