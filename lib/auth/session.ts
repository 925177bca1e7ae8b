import 'server-only'
import { createDecipheriv, hkdfSync } from 'node:crypto'
import { cookies } from 'next/headers'
import { cache } from 'react'
import { dbPool } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { authOptions } from '@/lib/auth/options'
import { TOKEN_PREFIX, hashToken } from '@/lib/auth/token-format'
import { isLiveToken, noteTokenUse } from '@/lib/auth/tokens'
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors'
import { SecondFactorRequiredError } from '@/lib/auth/second-factor-error'
import { activeSession, noteSessionSeen } from '@/lib/auth/session-store'
import type { RoleName } from '@/lib/auth/permissions'

// The data-access layer's view of who is asking. Every server action and route handler calls
// requireUser() / requireApiUser(); a page, layout or proxy check never counts on its own.

export interface SessionUser {
  id: string
  email: string
  name: string
  role: RoleName
  teamId: string | null
  via: 'session' | 'token'
  tokenScope?: 'READ' | 'WRITE'
}

type SessionShape = { userId?: string; sid?: string; sv?: number; authAt?: number }

// Reading the session cookie. next-auth's getServerSession() runs its whole request handler for
// this: it derives the encryption key with HKDF, decrypts the JWT and encrypts a refreshed one on
// every call, and in a server component it cannot even set that cookie (about 0.5-1 ms of CPU per
// page). We decrypt the same token the same way (next-auth v4: JWE "dir" + A256GCM with the
// HKDF-derived key, claims checked with jose's 15 s clock tolerance), with the derived key kept
// for the process. The cookie is renewed where next-auth renews it: GET /api/auth/session, which
// the shell's SessionKeepAlive calls while the user is active.

const ENCRYPTION_INFO = 'NextAuth.js Generated Encryption Key'
const CLOCK_TOLERANCE_S = 15
let derivedKey: { secret: string; key: Buffer } | undefined

function encryptionKey(secret: string): Buffer {
  if (derivedKey?.secret !== secret) derivedKey = { secret, key: Buffer.from(hkdfSync('sha256', secret, '', ENCRYPTION_INFO, 32)) }
  return derivedKey.key
}

/**
 * The claims of a next-auth v4 session token (what next-auth's `decode` returns), or null when it
 * is malformed, forged, encrypted with another secret, expired or not yet valid.
 */
export function decodeSessionToken(token: string, secret: string, nowMs = Date.now()): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 5 || parts[1] !== '') return null
  const [protectedHeader, , iv, ciphertext, tag] = parts
  try {
    const header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8')) as Record<string, unknown>
    if (header.alg !== 'dir' || header.enc !== 'A256GCM' || header.zip !== undefined || header.crit !== undefined) return null
    const ivBytes = Buffer.from(iv, 'base64url')
    const tagBytes = Buffer.from(tag, 'base64url')
    if (ivBytes.length !== 12 || tagBytes.length !== 16) return null
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(secret), ivBytes, { authTagLength: 16 })
    decipher.setAAD(Buffer.from(protectedHeader, 'ascii'))
    decipher.setAuthTag(tagBytes)
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()])
    const payload = JSON.parse(plain.toString('utf8')) as unknown
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null
    const claims = payload as Record<string, unknown>
    const now = Math.floor(nowMs / 1000)
    if (claims.iat !== undefined && typeof claims.iat !== 'number') return null
    if (claims.exp !== undefined && (typeof claims.exp !== 'number' || claims.exp <= now - CLOCK_TOLERANCE_S)) return null
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now + CLOCK_TOLERANCE_S)) return null
    return claims
  } catch {
    return null
  }
}

/** next-auth's cookie name (secure prefix on https), its value joined from chunks as next-auth does. */
function sessionCookieValue(all: Array<{ name: string; value: string }>): string | null {
  const name = `${getEnv().NEXTAUTH_URL?.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`
  const chunks = all.filter((c) => c.name.startsWith(name))
  if (!chunks.length) return null
  const suffix = (n: string) => parseInt(n.split('.').pop() ?? '0')
  return chunks.sort((a, b) => suffix(a.name) - suffix(b.name)).map((c) => c.value).join('') || null
}

/** What the session callback in lib/auth/options.ts makes of the token, without next-auth's round trip. */
async function readSession(): Promise<SessionShape | null> {
  const token = sessionCookieValue((await cookies()).getAll())
  const secret = authOptions().secret ?? process.env.NEXTAUTH_SECRET
  if (!token || !secret) return null
  const claims = decodeSessionToken(token, secret)
  if (!claims) return null
  return { userId: claims.sub as string | undefined, sid: claims.sid as string | undefined, sv: claims.sv as number | undefined, authAt: claims.authAt as number | undefined }
}

/** The current session: its user, its id and whether it may only enrol a second factor. */
export interface SessionState {
  user: SessionUser
  sessionId: string
  /** Signed in with a password while a second factor is required but not set up: /account/security only. */
  secondFactorPending: boolean
}

const SEEN_EVERY_MS = 5 * 60_000

/**
 * The session named by the cookie, re-read from the database with its user in ONE query (every
 * page pays for it); the rules are activeSession's (lib/auth/session-store.ts), which next-auth's
 * own session endpoint applies too.
 */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  const session = await readSession()
  const user = session ? await activeSession({ sub: session.userId, sid: session.sid, sv: session.sv, authAt: session.authAt }) : null
  if (!session || !user) return null
  const sessionId = session.sid as string
  if (Date.now() - new Date(user.lastSeenAt).getTime() > SEEN_EVERY_MS) await noteSessionSeen(sessionId)
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId, via: 'session' },
    sessionId,
    secondFactorPending: user.pending,
  }
})

/**
 * The signed-in user from the session cookie, re-read from the database; null if none or no longer
 * valid, and null for a session that may only enrol a second factor (so nothing else serves it).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const state = await getSessionState()
  return state && !state.secondFactorPending ? state.user : null
})

/** Errors: UNAUTHENTICATED; SECOND_FACTOR_REQUIRED (403) for a session that must enrol first. */
export async function requireUser(): Promise<SessionUser> {
  const state = await getSessionState()
  if (!state) throw new UnauthenticatedError()
  if (state.secondFactorPending) throw new SecondFactorRequiredError()
  return state.user
}

/**
 * The session even when it may only enrol a second factor: for /account/security's enrolment
 * actions and nothing else. Errors: UNAUTHENTICATED.
 */
export async function requireSessionState(): Promise<SessionState> {
  const state = await getSessionState()
  if (!state) throw new UnauthenticatedError()
  return state
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * For route handlers: a Bearer API token (acting with the owner's current role) or the session
 * cookie. A READ token cannot change state.
 */
export async function requireApiUser(request: Request): Promise<SessionUser> {
  const header = request.headers.get('authorization')
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
    if (!match) throw new UnauthenticatedError('Malformed Authorization header: expected "Bearer <token>".')
    const found = await tokenWithOwner(match[1])
    if (!found || !found.user.active) throw new UnauthenticatedError('Invalid, expired or revoked API token.')
    const { user, scope } = found
    if (scope === 'READ' && !SAFE_METHODS.has(request.method.toUpperCase())) {
      throw new ForbiddenError('This API token is read-only.')
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId, via: 'token', tokenScope: scope }
  }
  // Cookie-authenticated state changes must come from our own pages: check Origin (CSRF).
  if (!SAFE_METHODS.has(request.method.toUpperCase()) && !sameOrigin(request)) {
    throw new ForbiddenError('Cross-site request refused: the Origin header does not match this site.')
  }
  return requireUser()
}

type TokenRow = {
  tokenId: string
  scope: 'READ' | 'WRITE'
  revokedAt: Date | null
  expiresAt: Date | null
  lastUsedAt: Date | null
  id: string
  email: string
  name: string
  role: RoleName
  teamId: string | null
  active: boolean
}

/**
 * A valid (unrevoked, unexpired) token with its owner as they are now, in one query; null
 * otherwise: the rules of lib/auth/tokens.ts (isLiveToken, noteTokenUse) on a joined read.
 */
async function tokenWithOwner(token: string): Promise<{ scope: 'READ' | 'WRITE'; user: Omit<TokenRow, 'tokenId' | 'scope' | 'revokedAt' | 'expiresAt' | 'lastUsedAt'> } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const { rows } = await dbPool().query<TokenRow>({
    name: 'api-token-owner',
    text: `SELECT t.id AS "tokenId", t.scope::text AS scope, t."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt",
            t."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt",
            u.id, u.email, u.name, u.role::text AS role, u."teamId", u.active
     FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
     WHERE t."tokenHash" = $1`,
    values: [hashToken(token)],
  })
  const row = rows[0]
  if (!row || !isLiveToken(row)) return null
  await noteTokenUse(row.tokenId, row.lastUsedAt)
  const { tokenId: _t, scope, revokedAt: _r, expiresAt: _e, lastUsedAt: _l, ...user } = row
  return { scope, user }
}

/** True when the request's Origin is this app (NEXTAUTH_URL, or the host the request came to). */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (!origin || origin === 'null') return false
  const allowed = new Set<string>()
  const configured = getEnv().NEXTAUTH_URL
  if (configured) allowed.add(new URL(configured).origin)
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  if (host) {
    const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '')
    allowed.add(`${proto}://${host}`)
  }
  return allowed.has(origin)
}
