import { createHmac, timingSafeEqual } from 'node:crypto'

// Outgoing webhook signatures: HMAC-SHA256 over "<unix seconds>.<raw body>" with the endpoint's
// secret, sent as `X-Paceline-Signature: t=<seconds>,v1=<hex>` (the timestamp is inside the signed
// text, so a receiver can refuse replays older than a few minutes).

export const SIGNATURE_HEADER = 'X-Paceline-Signature'
export const TIMESTAMP_HEADER = 'X-Paceline-Timestamp'

export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signPayload(secret, timestamp, body)}`
}

/** For receivers (and tests): checks the header against the body, within `toleranceSeconds`. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isFinite(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = Buffer.from(signPayload(secret, t, body), 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Exponential backoff: base, 2 x base, 4 x base ... capped at one hour. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(attempt - 1, 0), 3_600_000)
}

export const MAX_ATTEMPTS = 6

/** Only http(s) URLs with a host; no credentials in the URL. */
export function checkWebhookUrl(raw: string): string | null {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return 'Not a valid URL.'
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'Only http:// and https:// URLs are allowed.'
  if (!u.hostname) return 'The URL needs a host.'
  if (u.username || u.password) return 'Put no credentials in the URL; the secret signs each delivery.'
  return null
}
