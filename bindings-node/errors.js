'use strict'
// The error classes of insurup-sdk: one per kind the core names (`errorKinds()` of the native
// module, so a kind added to the core is a class here at once), all under InsurUpError so
// `instanceof` works for the base and every subclass. The native module reports an error as the
// core's ErrorReport in JSON (see `impl From<insurup::Error> for napi::Error` in the core);
// `fromNative` turns it into the class of the same name.

/** Every field of the core's ErrorReport as an error property; absent values are `null`. */
class InsurUpError extends Error {
  constructor(message, report = {}) {
    super(message)
    this.status = report.status ?? null
    this.detail = report.detail ?? null
    this.suggestions = report.suggestions ?? []
    this.codes = report.codes ?? []
    this.problemType = report.problemType ?? null
    this.field = report.field ?? null
    this.traceId = report.traceId ?? null
    this.requestId = report.requestId ?? null
    this.validationErrors = report.validationErrors ?? []
    this.retryAfter = report.retryAfter ?? null
    // Every purchase error names the product it is about.
    this.proposalId = report.proposalId ?? null
    this.productId = report.productId ?? null
    this.graphqlErrors = report.graphqlErrors ?? parsed(report.graphqlErrorsJson) ?? []
    this.partialData = report.partialData ?? parsed(report.partialDataJson) ?? null
    this.mayHaveReachedServer = report.mayHaveReachedServer ?? false
    this.retryable = report.retryable ?? false
  }
}

function parsed(json) {
  return typeof json === 'string' ? JSON.parse(json) : undefined
}

/** The classes for `kinds`, the core's class names, with the base class first. */
function defineErrorClasses(kinds) {
  const classes = { InsurUpError }
  for (const kind of kinds) classes[kind] = { [kind]: class extends InsurUpError {} }[kind]
  // On the prototype rather than each instance, so `name` is not an own enumerable property and
  // stack traces and util.inspect read `RateLimitError: …`.
  for (const [name, ErrorClass] of Object.entries(classes)) {
    Object.defineProperty(ErrorClass.prototype, 'name', { value: name, writable: true, configurable: true })
  }
  return classes
}

// napi's statuses for an argument it could not convert (a missing field, a number where a string
// belongs): what JavaScript throws for those, as Python raises TypeError for a wrong argument.
const ARGUMENT_STATUSES = new Set([
  'InvalidArg', 'ObjectExpected', 'StringExpected', 'NameExpected', 'FunctionExpected', 'NumberExpected',
  'BooleanExpected', 'ArrayExpected', 'BigintExpected', 'DateExpected', 'ArrayBufferExpected',
])

/**
 * `fromNative(error)`: the SDK error a native error stands for, a `TypeError` for an argument of
 * the wrong shape; any other error unchanged.
 */
function errorTranslator(classes) {
  return function fromNative(error) {
    if (!(error instanceof Error)) return error
    // napi's status for work stopped by an AbortSignal (see src/cancel.rs).
    if (error.code === 'Cancelled') return new DOMException(error.message, 'AbortError')
    if (ARGUMENT_STATUSES.has(error.code)) return Object.assign(new TypeError(error.message), { code: error.code })
    if (!error.message.startsWith('{"kind":')) return error
    let report
    try {
      report = JSON.parse(error.message)
    } catch {
      return error
    }
    const ErrorClass = classes[report.kind] ?? InsurUpError
    return new ErrorClass(report.message, report)
  }
}

module.exports = { defineErrorClasses, errorTranslator }
