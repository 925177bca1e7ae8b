import 'server-only'
import { NextResponse } from 'next/server'
import { UnavailableError, isAppError, isDatabaseUnavailable } from '@/lib/errors'
import { asInputError } from '@/lib/api-body'

// Route handlers stay thin: they call lib functions inside `handle`, which turns expected errors
// into JSON with their status and hides everything else behind a generic 500.

export const NO_STORE = { 'Cache-Control': 'no-store' } as const

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } })
}

export function errorJson(code: string, message: string, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json({ error: { code, message, ...extra } }, { status, headers })
}

/** The JSON error response for any thrown value (AppError -> its status; lost database -> 503; else 500). */
export function errorResponse(err: unknown): Response {
  err = asInputError(err)
  if (!isAppError(err) && isDatabaseUnavailable(err)) {
    console.warn(`[api] database unavailable: ${err instanceof Error ? err.message.split('\n').filter(Boolean).pop() : String(err)}`)
    err = new UnavailableError()
  }
  if (isAppError(err)) {
    return errorJson(
      err.code,
      err.message,
      err.status,
      {
        ...(err.fieldErrors ? { fields: err.fieldErrors } : {}),
        ...(err.details ? { details: err.details } : {}),
      },
      err instanceof UnavailableError ? { 'Retry-After': String(err.retryAfterSeconds) } : {},
    )
  }
  console.error('[api] unexpected error', err)
  return errorJson('INTERNAL', 'Something went wrong on our side. It has been logged.', 500)
}

export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn()
  } catch (err) {
    return errorResponse(err)
  }
}

type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Handlers for the methods a route does not implement: 405 in the stable JSON error shape with an
 * Allow header (Next's own 405 has no body). Each route file exports the ones it lacks:
 * `export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')`.
 */
export function methodsNotAllowed(...allowed: RouteMethod[]): Record<RouteMethod, () => Response> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ')
  const notAllowed = () => errorJson('METHOD_NOT_ALLOWED', `This address accepts ${allowed.join(', ')} only.`, 405, {}, { Allow: allow })
  return { GET: notAllowed, POST: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed }
}
