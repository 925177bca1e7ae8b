import 'server-only'
import { db, dbPool } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { ensureOutboxWorker } from '@/lib/webhooks/outbox'

export interface NotificationView {
  id: string
  kind: string
  title: string
  body: string
  href: string | null
  changeId: string | null
  read: boolean
  createdAt: string
}

/** home.view. The caller's notifications, newest first. */
export async function listNotifications(user: SessionUser, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<NotificationView[]> {
  assertCan(user, 'home.view')
  const rows = await db.notification.findMany({
    where: { userId: user.id, ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(options.limit ?? 100, 1), 500),
  })
  return rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, href: n.href, changeId: n.changeId, read: n.readAt !== null, createdAt: n.createdAt.toISOString() }))
}

/** The shell's unread badge: one indexed count on the pg pool (every page pays for it). */
export async function unreadCount(userId: string): Promise<number> {
  // The shell runs on every page: a good moment to make sure the webhook outbox is being worked.
  ensureOutboxWorker()
  const { rows } = await dbPool().query<{ n: string }>('SELECT count(*)::text AS n FROM "Notification" WHERE "userId" = $1::uuid AND "readAt" IS NULL', [userId])
  return Number(rows[0]?.n ?? 0)
}
