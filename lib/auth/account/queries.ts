import 'server-only'
import { db } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { assertCan } from '@/lib/auth/permissions'
import { getSecondFactorView, type SecondFactorView } from '@/lib/auth/second-factor'
import type { SessionUser } from '@/lib/auth/session'

export interface SessionView {
  id: string
  browser: string
  method: 'password' | 'sso'
  createdAt: Date
  lastSeenAt: Date
  current: boolean
}

/** account.security. The user's sessions that can still be used (not revoked, within the absolute lifetime), newest first. */
export async function listMySessions(user: SessionUser, currentSessionId: string): Promise<SessionView[]> {
  assertCan(user, 'account.security')
  const since = new Date(Date.now() - getEnv().SESSION_ABSOLUTE_HOURS * 3_600_000)
  const rows = await db.authSession.findMany({
    where: { userId: user.id, revokedAt: null, createdAt: { gte: since } },
    orderBy: { lastSeenAt: 'desc' },
    take: 100,
    select: { id: true, browser: true, method: true, createdAt: true, lastSeenAt: true },
  })
  return rows.map((r) => ({ ...r, method: r.method === 'sso' ? 'sso' : 'password', current: r.id === currentSessionId }))
}

/** account.security. */
export async function getMySecondFactor(user: SessionUser): Promise<SecondFactorView> {
  assertCan(user, 'account.security')
  return getSecondFactorView(user.id)
}
