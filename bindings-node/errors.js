'use strict'
// The error classes of insurup-sdk: one per kind of the core's error, all under InsurUpError so
// `instanceof` works for the base and every subclass. The native module reports an error as JSON
// (see `impl From<insurup::Error> for napi::Error` in the core); `fromNative` turns it into the
// class of the same name.

class InsurUpError extends Error {
  constructor(message, details = {}) {
    super(message)
    this.status = details.status ?? null
    this.detail = details.detail ?? null
    this.suggestions = details.suggestions ?? []
    this.codes = details.codes ?? []
    this.problemType = details.problemType ?? null
    this.field = details.field ?? null
    this.traceId = details.traceId ?? null
    this.requestId = details.requestId ?? null
    this.validationErrors = details.validationErrors ?? []
    this.retryAfterMs = details.retryAfterMs ?? null
    this.retryAfter = this.retryAfterMs === null ? null : this.retryAfterMs / 1000
    this.graphqlErrors = details.graphqlErrors ?? []
    this.partialData = details.partialData ?? null
  }
}

class ValidationError extends InsurUpError {}
class AuthenticationError extends InsurUpError {}
class TwoFactorRequiredError extends InsurUpError {}
class PermissionDeniedError extends InsurUpError {}
class NotFoundError extends InsurUpError {}
class ConflictError extends InsurUpError {}
class BadRequestError extends InsurUpError {}
class UnprocessableError extends InsurUpError {}
class RateLimitError extends InsurUpError {}
class ServerError extends InsurUpError {}
class TimeoutError extends InsurUpError {}
class ConnectionError extends InsurUpError {}
class DecodeError extends InsurUpError {}

class PurchaseOutcomeUnknownError extends InsurUpError {
  constructor(message, details = {}) {
    super(message, details)
    this.proposalId = details.proposalId ?? null
    this.productId = details.productId ?? null
  }
}

const errorClasses = {
  InsurUpError,
  ValidationError,
  AuthenticationError,
  TwoFactorRequiredError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  BadRequestError,
  UnprocessableError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ConnectionError,
  PurchaseOutcomeUnknownError,
  DecodeError,
}

// On the prototype rather than each instance, so `name` is not an own enumerable property and
// stack traces and util.inspect read `RateLimitError: …`.
for (const [name, ErrorClass] of Object.entries(errorClasses)) {
  Object.defineProperty(ErrorClass.prototype, 'name', { value: name, writable: true, configurable: true })
}

/** The SDK error a native error stands for; any other error is returned unchanged. */
function fromNative(error) {
  if (!(error instanceof Error)) return error
  // napi's status for work stopped by an AbortSignal (see src/cancel.rs).
  if (error.code === 'Cancelled') return new DOMException(error.message, 'AbortError')
  if (!error.message.startsWith('{"kind":')) return error
  let payload
  try {
    payload = JSON.parse(error.message)
  } catch {
    return error
  }
  // A kind added to the core before this file learns it still is an InsurUpError.
  const ErrorClass = errorClasses[payload.kind] ?? InsurUpError
  return new ErrorClass(payload.message, payload)
}

module.exports = { errorClasses, fromNative }
