// Expected failures, each with a documented code and HTTP status. Anything else is a bug and goes
// to error.tsx / a 500 without details.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SECOND_FACTOR_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'RULE_VIOLATION'
  | 'RATE_LIMITED'
  | 'METHOD_NOT_ALLOWED'
  | 'UNAVAILABLE'

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SECOND_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 422,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  METHOD_NOT_ALLOWED: 405,
  UNAVAILABLE: 503,
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fieldErrors?: Record<string, string[]>
  /** Safe, structured context for the client (e.g. what changed in a conflict). */
  details?: Record<string, unknown>
  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fieldErrors = fieldErrors
  }
  withDetails(details: Record<string, unknown>): this {
    this.details = details
    return this
  }
  get status() {
    return STATUS[this.code]
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue.') {
    super('UNAUTHENTICATED', message)
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do that.') {
    super('FORBIDDEN', message)
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super('NOT_FOUND', message)
  }
}
export class ConflictError extends AppError {
  constructor(message = 'Changed by someone else since you opened it. Reload to see their version; your input is kept below.') {
    super('CONFLICT', message)
  }
}
export class ValidationError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super('INVALID_INPUT', message, fieldErrors)
  }
}
export class RuleViolationError extends AppError {
  constructor(message: string) {
    super('RULE_VIOLATION', message)
  }
}
export class RateLimitedError extends AppError {
  constructor(message = 'Too many attempts. Wait a minute and try again.') {
    super('RATE_LIMITED', message)
  }
}

/** The database cannot serve the request now (pool exhausted, server down or restarting): 503 with Retry-After. */
export class UnavailableError extends AppError {
  /** Seconds the client should wait before retrying. */
  readonly retryAfterSeconds: number
  constructor(message = 'The database is busy or unreachable; try again in a moment.', retryAfterSeconds = 2) {
    super('UNAVAILABLE', message)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

// What a lost or unobtainable database connection looks like, from pg, pg-pool and Prisma's pg adapter.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
// 08xxx connection exceptions, 53300 too many connections, 57P01-57P03 shutdown / cannot connect now.
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|53300|57P0[123])$/
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Unable to start a transaction in the given time|Connection terminated|Can't reach database server|Client has encountered a connection error|Connection terminated unexpectedly/i

/**
 * True when err (or anything in its cause chain) means "no database connection right now", as
 * opposed to a bug or bad input: these become 503 UNAVAILABLE instead of a 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>()
  let e: unknown = err
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e)
    const x = e as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; cause?: unknown; kind?: unknown }
    if (typeof x.code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(x.code) || UNAVAILABLE_SQLSTATE.test(x.code) || UNAVAILABLE_NODE_CODES.has(x.code))) return true
    const kind = x.meta?.driverAdapterError?.cause?.kind ?? x.kind
    if (typeof kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true
    const original = x.meta?.driverAdapterError?.cause?.originalCode
    if (typeof original === 'string' && UNAVAILABLE_SQLSTATE.test(original)) return true
    if (typeof x.message === 'string' && UNAVAILABLE_MESSAGE.test(x.message)) return true
    e = x.cause
  }
  return false
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError
}
