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

/**
 * Whether a sign-in must pass a second factor: when the policy asks for it, for leaders and admins
 * who sign in with a password. SSO sign-ins are exempt (the identity provider owns that factor).
 */
export function secondFactorRequired({ policy, role, method }: { policy: { requireSecondFactor: boolean }; role: string; method: 'password' | 'sso' }): boolean {
  return policy.requireSecondFactor && method === 'password' && (role === 'LEADER' || role === 'ADMIN')
}

/**
 * "Firefox on macOS": enough to recognise one's own sessions in a list, no version numbers (and
 * never an address). Order matters: Edge and Opera say "Chrome", Chrome says "Safari".
 */
export function browserSummary(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').slice(0, 512)
  if (!ua) return 'Unknown browser'
  const browser =
    /Edg(e|A|iOS)?\//.test(ua) ? 'Edge'
    : /OPR\/|Opera/.test(ua) ? 'Opera'
    : /Firefox\/|FxiOS\//.test(ua) ? 'Firefox'
    : /HeadlessChrome\//.test(ua) ? 'Headless Chrome'
    : /Chrome\/|CriOS\/|Chromium\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : /curl\//i.test(ua) ? 'curl'
    : 'Unknown browser'
  const os =
    /Windows/.test(ua) ? 'Windows'
    : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /Android/.test(ua) ? 'Android'
    : /CrOS/.test(ua) ? 'ChromeOS'
    : /Linux/.test(ua) ? 'Linux'
    : null
  return os ? `${browser} on ${os}` : browser
}
