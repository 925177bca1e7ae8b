import 'server-only'
import { ValidationError, isAppError } from '@/lib/errors'

const MAX_JSON_BYTES = 400_000

/** The JSON body of a request, with a clear error for a missing, oversized or malformed one. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) throw new ValidationError('Send a JSON body with Content-Type: application/json.')
  const text = await request.text()
  if (new TextEncoder().encode(text).length > MAX_JSON_BYTES) throw new ValidationError('The request body is too large (over 400 kB).')
  let value: unknown
  try {
    value = text ? JSON.parse(text) : {}
  } catch {
    throw new ValidationError('The request body is not valid JSON.')
  }
  rejectNul(text, value)
  return value
}

/**
 * PostgreSQL text cannot hold the NUL character: a JSON body that has one (written `\u0000`) is
 * refused up front, naming the field, before anything is written.
 */
export function rejectNul(text: string, value: unknown): void {
  if (!text.includes('\\u0000')) return
  const found = (v: unknown, path: string[]): string[] | null => {
    if (typeof v === 'string') return v.includes('\0') ? path : null
    if (!v || typeof v !== 'object') return null
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\0')) return [...path, k.replaceAll('\0', '\\u0000')]
      const hit = found(child, [...path, k])
      if (hit) return hit
    }
    return null
  }
  const path = found(value, [])
  if (path) throw new ValidationError('Text cannot contain the NUL character (\\u0000).', { [path.join('.') || 'body']: ['Remove the NUL character (\\u0000).'] })
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries())
}

// Prisma's codes for a value PostgreSQL refused as data: P2007 data validation (e.g. "invalid input
// syntax for type uuid"), P2020 value out of range, P2023 inconsistent column data.
const DATA_PRISMA_CODES = new Set(['P2007', 'P2020', 'P2023'])
// SQLSTATE class 22, data exception: a NUL character in text (22021), a number or date out of range
// (22003, 22008), malformed input for a type (22P02).
const DATA_SQLSTATE = /^22[0-9A-Z]{3}$/

/**
 * True when the database refused a value the client sent (class 22 "data exception"): the request
 * is invalid input, not a server fault. Nothing was written (the statement or transaction failed).
 */
export function isDataException(err: unknown): boolean {
  const seen = new Set<unknown>()
  let e: unknown = err
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e)
    const o = e as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } }; cause?: unknown }
    if (typeof o.code === 'string' && (DATA_PRISMA_CODES.has(o.code) || DATA_SQLSTATE.test(o.code))) return true
    const adapter = o.meta?.driverAdapterError?.cause
    if (adapter && [adapter.originalCode, adapter.code].some((c) => typeof c === 'string' && DATA_SQLSTATE.test(c))) return true
    if (typeof o.message === 'string' && /Code: `22[0-9A-Z]{3}`/.test(o.message)) return true
    e = o.cause
  }
  return false
}

/**
 * A database data exception becomes INVALID_INPUT (for route handlers and server actions alike);
 * anything else is returned as it is.
 */
export function asInputError(err: unknown): unknown {
  if (isAppError(err) || !isDataException(err)) return err
  console.warn(`[input] the database refused a value: ${err instanceof Error ? err.message.split('\n').filter(Boolean).pop() : String(err)}`)
  return new ValidationError('A value was refused: text with a NUL character, a number or date out of range, or a malformed id.')
}
