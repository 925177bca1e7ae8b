import 'server-only'
import { db } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { recordAudit } from '@/lib/audit'
import { browserSummary, sessionExpired } from '@/lib/auth/rules'

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

/**
 * next-auth's own session endpoint (GET /api/auth/session, the jwt callback on an existing token):
 * is the token's session one the app still accepts? The same rules as getSessionState: not past
 * its absolute lifetime, not revoked, its user active and at the same session version. Otherwise
 * next-auth shows no user and clears the cookie instead of renewing a copy of it.
 */
export async function sessionTokenActive(token: { sub?: unknown; sid?: unknown; sv?: unknown; authAt?: unknown }): Promise<boolean> {
  const sid = typeof token.sid === 'string' && UUID.test(token.sid) ? token.sid : null
  const userId = typeof token.sub === 'string' && UUID.test(token.sub) ? token.sub : null
  if (!sid || !userId) return false
  if (sessionExpired({ authAt: Number(token.authAt), now: Date.now(), absoluteHours: getEnv().SESSION_ABSOLUTE_HOURS })) return false
  const row = await db.authSession.findFirst({
    where: { id: sid, userId, revokedAt: null, user: { active: true, sessionVersion: Number(token.sv ?? 0) } },
    select: { id: true },
  })
  return row !== null
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
  if (!sid || !userId || !/^[0-9a-f-]{36}$/i.test(sid) || !/^[0-9a-f-]{36}$/i.test(userId)) return
  const { count } = await db.authSession.updateMany({ where: { id: sid, userId, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) return
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } })
  await recordAudit({ id: userId, email: user?.email ?? 'unknown' }, { action: 'auth.session.sign_out', entityType: 'AuthSession', entityId: sid })
}
