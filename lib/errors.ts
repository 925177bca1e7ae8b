// Expected failures, each with a documented code and HTTP status. Anything else is a bug and goes
// to error.tsx / a 500 without details.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'RULE_VIOLATION'
  | 'RATE_LIMITED'

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 422,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
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

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError
}
