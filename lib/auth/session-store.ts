import 'server-only'
import { db, dbPool } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { recordAudit } from '@/lib/audit'
import { browserSummary, sessionExpired } from '@/lib/auth/rules'
import type { RoleName } from '@/lib/auth/permissions'

// Rows of AuthSession, one per sign-in; the session cookie carries the row's id (claim `sid`).
// Kept apart from lib/auth/session.ts so next-auth's callbacks can write them without importing
// the request-reading code.

export type SignInMethod = 'password' | 'sso'

/** Records a new session at sign-in and returns its id (the `sid` claim). */
export async function createAuthSession(input: { userId: string; method: SignInMethod; userAgent: string | null; secondFactorPending: boolean }): Promise<string> {
  const row = await db.authSession.create({
    data: { userId: input.userId, method: input.method, browser: browserSummary(input.userAgent), secondFactorPending: input.secondFactorPending },
    select: { id: true },
  })
  await pruneAuthSessions()
  return row.id
}

/** Sessions past their absolute lifetime can never be used again: drop them now and then. */
async function pruneAuthSessions(): Promise<void> {
  if (Math.random() >= 0.02) return
  const cutoff = new Date(Date.now() - getEnv().SESSION_ABSOLUTE_HOURS * 3_600_000 - 86_400_000)
  await db.authSession.deleteMany({ where: { createdAt: { lt: cutoff } } }).catch(() => {})
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What a session token claims (next-auth's JWT): its user, its session row, session version, sign-in time. */
export interface SessionClaims { sub?: unknown; sid?: unknown; sv?: unknown; authAt?: unknown }

export interface ActiveSession {
  id: string
  email: string
  name: string
  role: RoleName
  teamId: string | null
  /** Signed in with a password while a second factor is required but not set up. */
  pending: boolean
  lastSeenAt: Date
}

/**
 * The session a token names, with its user, when the app still accepts it; null when the claims
 * are malformed, past the absolute lifetime, the session is revoked (signed out, revoked from the
 * account page, sign out everywhere) or unknown, or the user is disabled or their session version
 * moved. Tokens from before sessions were recorded carry no sid: refused, the user signs in again.
 * ONE query on the pg pool, not through Prisma: every page pays for it (decision 0004).
 */
export async function activeSession(claims: SessionClaims): Promise<ActiveSession | null> {
  const sid = typeof claims.sid === 'string' && UUID.test(claims.sid) ? claims.sid : null
  const userId = typeof claims.sub === 'string' && UUID.test(claims.sub) ? claims.sub : null
  if (!sid || !userId) return null
  if (sessionExpired({ authAt: Number(claims.authAt), now: Date.now(), absoluteHours: getEnv().SESSION_ABSOLUTE_HOURS })) return null
  const { rows } = await dbPool().query<ActiveSession & { active: boolean; sessionVersion: number }>({
    name: 'session-user',
    text: `SELECT u.id, u.email, u.name, u.role::text AS role, u."teamId", u.active, u."sessionVersion",
            s."secondFactorPending" AS pending, s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt"
     FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = $1::uuid AND s."userId" = $2::uuid AND s."revokedAt" IS NULL`,
    values: [sid, userId],
  })
  const row = rows[0]
  if (!row || !row.active || row.sessionVersion !== Number(claims.sv ?? 0)) return null
  return { id: row.id, email: row.email, name: row.name, role: row.role, teamId: row.teamId, pending: row.pending, lastSeenAt: row.lastSeenAt }
}

/** At most one write per session every few minutes (getSessionState decides when). */
export async function noteSessionSeen(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date() } }).catch(() => {})
}

/**
 * Sign-out (next-auth's signOut event): revokes the session named by the token, so a copy of the
 * cookie stops working too. Quiet when the token names nothing (an old or forged token).
 */
export async function endSignedOutSession(token: { sub?: unknown; sid?: unknown } | null | undefined): Promise<void> {
  const sid = typeof token?.sid === 'string' ? token.sid : null
  const userId = typeof token?.sub === 'string' ? token.sub : null
  if (!sid || !userId || !UUID.test(sid) || !UUID.test(userId)) return
  const { count } = await db.authSession.updateMany({ where: { id: sid, userId, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) return
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } })
  await recordAudit({ id: userId, email: user?.email ?? 'unknown' }, { action: 'auth.session.sign_out', entityType: 'AuthSession', entityId: sid })
}
