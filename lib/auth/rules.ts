import { createHash } from 'node:crypto'

// Pure rules of sign-in (no database, no Next.js): unit-tested in tests/unit/auth.

export const LOGIN_LIMIT = {
  /** Failures allowed per account and per client address inside the window; the next is refused. */
  maxFailures: 10,
  windowMs: 60_000,
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** The rate-limit key of an account: a hash, so the table never lists who exists or was tried. */
export function accountKey(email: string): string {
  return createHash('sha256').update(`paceline-login:${normaliseEmail(email)}`).digest('hex')
}

/**
 * The client address from X-Forwarded-For. Our server (scripts/server.mjs) makes the socket
 * address the last entry (replacing the header when no proxy is trusted); each trusted reverse
 * proxy in front appends one more. Entries left of those are client-supplied and could be forged
 * to dodge the per-address limit, so they are never used. (Under `npm run dev`, Next.js alone
 * keeps a client-sent header: development only.)
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
  if (hops.length === 0) return 'unknown'
  const index = Math.max(0, hops.length - 1 - trustedProxies)
  return hops[index]
}

export interface SessionTimes {
  authAt: number // ms epoch of sign-in
  now: number
  absoluteHours: number
}

export function sessionExpired({ authAt, now, absoluteHours }: SessionTimes): boolean {
  return !Number.isFinite(authAt) || now - authAt > absoluteHours * 3_600_000 || authAt > now + 60_000
}
