import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { recordAudit } from '@/lib/audit'
import { markReadSchema } from '@/lib/notifications/mutations-schema'

// In-app notifications: written in the transaction of the event that causes them.

export interface NotificationInput {
  kind: string
  title: string
  body: string
  href?: string | null
  changeId?: string | null
}

/** Inserts one notification per distinct user (no permission: called by domain mutations). */
export async function notifyUsers(tx: Prisma.TransactionClient, userIds: Iterable<string>, n: NotificationInput): Promise<number> {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return 0
  const { count } = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, kind: n.kind, title: n.title.slice(0, 200), body: n.body.slice(0, 2000), href: n.href ?? null, changeId: n.changeId ?? null })),
  })
  return count
}

/** home.view. Marks the caller's own notifications read (never anyone else's). Returns how many changed. */
export async function markNotificationsRead(user: SessionUser, raw: unknown): Promise<{ updated: number }> {
  assertCan(user, 'home.view')
  const input = parseInput(markReadSchema, raw)
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: user.id, readAt: null, ...(input.all ? {} : { id: { in: input.ids } }) },
      data: { readAt: new Date() },
    })
    await recordAudit({ id: user.id, email: user.email }, { action: 'notifications.read', entityType: 'Notification', summary: { count, all: Boolean(input.all) } }, tx)
    return { updated: count }
  })
}
