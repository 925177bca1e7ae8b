import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { recordAudit } from '@/lib/audit'
import { ConflictError, NotFoundError } from '@/lib/errors'
import { createWebhookSchema, updateWebhookSchema } from '@/lib/webhooks/schemas'
import { enqueueWebhook, kickOutbox } from '@/lib/webhooks/outbox'

// Admins configure outgoing webhooks. The secret is write-only: never returned by any read.

export interface WebhookView { id: string; name: string; url: string; active: boolean; version: number; createdAt: string; pending: number; failed: number; delivered: number }
export interface DeliveryView { id: string; endpointId: string; endpointName: string; event: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string; deliveredAt: string | null; createdAt: string }

const actor = (u: SessionUser) => ({ id: u.id, email: u.email })

/** admin.access. */
export async function listWebhooks(user: SessionUser): Promise<WebhookView[]> {
  assertCan(user, 'admin.access')
  const rows = await db.webhookEndpoint.findMany({ orderBy: { createdAt: 'asc' } })
  const counts = await db.webhookDelivery.groupBy({ by: ['endpointId', 'status'], _count: { _all: true } })
  const n = (id: string, s: string) => counts.find((c) => c.endpointId === id && c.status === s)?._count._all ?? 0
  return rows.map((r) => ({ id: r.id, name: r.name, url: r.url, active: r.active, version: r.version, createdAt: r.createdAt.toISOString(), pending: n(r.id, 'PENDING'), failed: n(r.id, 'FAILED'), delivered: n(r.id, 'DELIVERED') }))
}

/** admin.access. The delivery log, newest first. */
export async function listDeliveries(user: SessionUser, endpointId?: string, limit = 100): Promise<DeliveryView[]> {
  assertCan(user, 'admin.access')
  const rows = await db.webhookDelivery.findMany({ where: endpointId ? { endpointId } : {}, orderBy: { createdAt: 'desc' }, take: Math.min(limit, 500), include: { endpoint: { select: { name: true } } } })
  return rows.map((d) => ({
    id: d.id, endpointId: d.endpointId, endpointName: d.endpoint.name, event: d.event, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(),
  }))
}

/** admin.access. Errors: INVALID_INPUT (non-http(s) URL, short secret). */
export async function createWebhook(user: SessionUser, raw: unknown) {
  assertCan(user, 'admin.access')
  const input = parseInput(createWebhookSchema, raw)
  return db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({ data: { ...input, createdById: user.id } })
    await recordAudit(actor(user), { action: 'webhooks.create', entityType: 'WebhookEndpoint', entityId: created.id, summary: { name: input.name, url: input.url } }, tx)
    return { id: created.id, version: created.version }
  })
}

/** admin.access. Errors: NOT_FOUND, CONFLICT (stale version), INVALID_INPUT. */
export async function updateWebhook(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'admin.access')
  const { version, ...changes } = parseInput(updateWebhookSchema, raw)
  return db.$transaction(async (tx) => {
    const found = isUuid(id) ? await tx.webhookEndpoint.findUnique({ where: { id } }) : null
    if (!found) throw new NotFoundError('No such webhook.')
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } })
    if (count === 0) throw new ConflictError('Someone else changed this webhook since you opened it. Reload and apply your change again.')
    await recordAudit(actor(user), { action: 'webhooks.update', entityType: 'WebhookEndpoint', entityId: id, summary: { fields: Object.keys(changes).map((k) => (k === 'secret' ? 'secret (changed)' : k)) } }, tx)
    return { id, version: version + 1 }
  })
}

/** admin.access. Deletes the endpoint and its delivery log. */
export async function deleteWebhook(user: SessionUser, id: string) {
  assertCan(user, 'admin.access')
  return db.$transaction(async (tx) => {
    const found = isUuid(id) ? await tx.webhookEndpoint.findUnique({ where: { id } }) : null
    if (!found) throw new NotFoundError('No such webhook.')
    await tx.webhookEndpoint.delete({ where: { id } })
    await recordAudit(actor(user), { action: 'webhooks.delete', entityType: 'WebhookEndpoint', entityId: id, summary: { name: found.name, url: found.url } }, tx)
    return { id }
  })
}

/** admin.access. Queues a "ping" to one endpoint. */
export async function sendTestWebhook(user: SessionUser, id: string) {
  assertCan(user, 'admin.access')
  const out = await db.$transaction(async (tx) => {
    const found = isUuid(id) ? await tx.webhookEndpoint.findUnique({ where: { id } }) : null
    if (!found) throw new NotFoundError('No such webhook.')
    const { webhookPayload } = await import('@/lib/webhooks/outbox')
    const d = await tx.webhookDelivery.create({ data: { endpointId: id, event: 'ping', payload: webhookPayload({ event: 'ping', text: 'Paceline webhook test: this endpoint receives model-change announcements.', data: {} }) } })
    await recordAudit(actor(user), { action: 'webhooks.test', entityType: 'WebhookEndpoint', entityId: id }, tx)
    return { deliveryId: d.id }
  })
  kickOutbox()
  return out
}

export { enqueueWebhook }

/** A malformed id names no row (Prisma would throw on the uuid column, a 500). */
function isUuid(id: string): boolean {
  return z.uuid().safeParse(id).success
}
