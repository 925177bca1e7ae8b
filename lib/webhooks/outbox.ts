import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { backoffMs, MAX_ATTEMPTS, SIGNATURE_HEADER, signatureHeader, TIMESTAMP_HEADER } from '@/lib/webhooks/sign'

// A DB-backed outbox: events are written as WebhookDelivery rows in the transaction that causes
// them, and this process sends them afterwards (never inside the request), retrying with
// exponential backoff. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app instances
// never send the same delivery twice at the same time.

export interface WebhookEvent {
  event: string
  text: string
  data: Record<string, unknown>
}

/** Slack-compatible JSON: `text` (and one section block) for chat tools, `paceline` for machines. */
export function webhookPayload(e: WebhookEvent): Prisma.InputJsonValue {
  return {
    text: e.text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: e.text } }],
    paceline: { event: e.event, data: e.data, sentBy: 'paceline' },
  } as Prisma.InputJsonValue
}

/** Queues one delivery per active endpoint (in the caller's transaction). */
export async function enqueueWebhook(tx: Prisma.TransactionClient, e: WebhookEvent): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true } })
  if (endpoints.length === 0) return 0
  const payload = webhookPayload(e)
  const { count } = await tx.webhookDelivery.createMany({ data: endpoints.map((ep) => ({ endpointId: ep.id, event: e.event, payload })) })
  return count
}

const state = globalThis as unknown as { __pacelineOutbox?: { timer: NodeJS.Timeout | null; running: boolean; sweep: NodeJS.Timeout | null; baseMs: number } }
function worker() {
  state.__pacelineOutbox ??= { timer: null, running: false, sweep: null, baseMs: 30_000 }
  return state.__pacelineOutbox
}

/** Tests shorten the backoff base (default 30 s: 30 s, 1 min, 2 min ...). */
export function setBackoffBase(ms: number) {
  worker().baseMs = ms
}

/** Sends due deliveries now-ish, off the request path. */
export function kickOutbox(delayMs = 0) {
  const w = worker()
  if (w.timer) return
  w.timer = setTimeout(() => {
    w.timer = null
    void processOutbox().catch((err) => console.error('[webhooks] outbox', err))
  }, delayMs)
  w.timer.unref?.()
}

/** Starts the periodic sweep once per process (picks up deliveries queued before a restart). */
export function ensureOutboxWorker() {
  const w = worker()
  if (w.sweep) return
  w.sweep = setInterval(() => kickOutbox(), 15_000)
  w.sweep.unref?.()
  kickOutbox(1_000)
}

async function sendOne(d: { id: string; attempts: number; payload: unknown; event: string; url: string; secret: string }, baseMs: number) {
  const body = JSON.stringify(d.payload)
  const ts = Math.floor(Date.now() / 1000)
  let status: number | null = null
  let error: string | null = null
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Paceline-Webhooks/1',
        'X-Paceline-Event': d.event,
        'X-Paceline-Delivery': d.id,
        [TIMESTAMP_HEADER]: String(ts),
        [SIGNATURE_HEADER]: signatureHeader(d.secret, ts, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    })
    status = res.status
    await res.body?.cancel().catch(() => {})
    if (!res.ok) error = `HTTP ${res.status}`
  } catch (err) {
    error = err instanceof Error ? (err.name === 'TimeoutError' ? 'Timed out after 10 s' : err.message).slice(0, 300) : 'Send failed'
  }
  const attempts = d.attempts + 1
  if (!error) {
    await db.webhookDelivery.update({ where: { id: d.id }, data: { status: 'DELIVERED', attempts, lastStatusCode: status, lastError: null, deliveredAt: new Date(), lockedUntil: null } })
  } else {
    const failed = attempts >= MAX_ATTEMPTS
    await db.webhookDelivery.update({
      where: { id: d.id },
      data: { status: failed ? 'FAILED' : 'PENDING', attempts, lastStatusCode: status, lastError: error, lockedUntil: null, nextAttemptAt: new Date(Date.now() + backoffMs(attempts, baseMs)) },
    })
  }
}

/** Sends every due delivery; returns how many were attempted. Schedules itself for the next retry. */
export async function processOutbox(): Promise<number> {
  const w = worker()
  if (w.running) return 0
  w.running = true
  let attempted = 0
  try {
    for (;;) {
      const claimed = await db.$queryRaw<Array<{ id: string; attempts: number; payload: unknown; event: string; url: string; secret: string }>>`
        UPDATE "WebhookDelivery" d SET "lockedUntil" = now() + interval '60 seconds'
        FROM "WebhookEndpoint" e
        WHERE d.id IN (
          SELECT id FROM "WebhookDelivery"
          WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
          ORDER BY "nextAttemptAt" LIMIT 20 FOR UPDATE SKIP LOCKED
        ) AND e.id = d."endpointId"
        RETURNING d.id::text AS id, d.attempts, d.payload, d.event, e.url, e.secret`
      if (claimed.length === 0) break
      attempted += claimed.length
      await Promise.all(claimed.map((d) => sendOne(d, w.baseMs)))
    }
    const next = await db.webhookDelivery.findFirst({ where: { status: 'PENDING' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } })
    if (next) kickOutbox(Math.max(next.nextAttemptAt.getTime() - Date.now(), 50))
  } finally {
    w.running = false
  }
  return attempted
}
