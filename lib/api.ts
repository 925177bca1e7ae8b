import 'server-only'
import { NextResponse } from 'next/server'
import { isAppError } from '@/lib/errors'

// Route handlers stay thin: they call lib functions inside `handle`, which turns expected errors
// into JSON with their status and hides everything else behind a generic 500.

export const NO_STORE = { 'Cache-Control': 'no-store' } as const

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } })
}

export function errorJson(code: string, message: string, status: number, extra: Record<string, unknown> = {}) {
  return json({ error: { code, message, ...extra } }, { status })
}

export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn()
  } catch (err) {
    if (isAppError(err)) {
      return errorJson(err.code, err.message, err.status, {
        ...(err.fieldErrors ? { fields: err.fieldErrors } : {}),
        ...(err.details ? { details: err.details } : {}),
      })
    }
    console.error('[api] unexpected error', err)
    return errorJson('INTERNAL', 'Something went wrong on our side. It has been logged.', 500)
  }
}
