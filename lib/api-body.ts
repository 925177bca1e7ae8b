import 'server-only'
import { ValidationError } from '@/lib/errors'

const MAX_JSON_BYTES = 400_000

/** The JSON body of a request, with a clear error for a missing, oversized or malformed one. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) throw new ValidationError('Send a JSON body with Content-Type: application/json.')
  const text = await request.text()
  if (new TextEncoder().encode(text).length > MAX_JSON_BYTES) throw new ValidationError('The request body is too large (over 400 kB).')
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    throw new ValidationError('The request body is not valid JSON.')
  }
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries())
}
