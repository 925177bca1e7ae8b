import 'server-only'
import { rejectNul } from '@/lib/api-body'
import { ValidationError } from '@/lib/errors'
import { MAX_FILE_BYTES } from '@/lib/intake/types'

// Request bodies larger than the generic 400 kB JSON limit: a batch of 10,000 records, or an
// uploaded file of up to 50 MB. Read with a hard cap, whatever Content-Length claims.

export const MAX_BATCH_BYTES = 25 * 1024 * 1024

export async function readCappedBody(request: Request, max: number, what: string): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  const limitText = `${Math.round(max / 1024 / 1024)} MB`
  if (declared > max) throw new ValidationError(`The ${what} is larger than ${limitText}.`)
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel().catch(() => {})
      throw new ValidationError(`The ${what} is larger than ${limitText}.`)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) { out.set(c, at); at += c.byteLength }
  return out
}

export function readUpload(request: Request) {
  return readCappedBody(request, MAX_FILE_BYTES, 'file (the limit is 50 MB; split it into smaller files)')
}

export async function readBatchJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) throw new ValidationError('Send a JSON body with Content-Type: application/json.')
  const bytes = await readCappedBody(request, MAX_BATCH_BYTES, 'request body')
  const text = new TextDecoder().decode(bytes)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ValidationError('The request body is not valid JSON.')
  }
  rejectNul(text, value)
  return value
}
