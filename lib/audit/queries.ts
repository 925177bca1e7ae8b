import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan, can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { auditFilterSchema, type AuditFilter } from '@/lib/audit/schemas'
import { readableSummary, type AuditChange } from '@/lib/audit/summary'

// Reading the audit log: newest first, keyset pages on the id (the log can hold millions of rows;
// an OFFSET would read and drop every row before the page). It is an access log: who did what to
// which record. Nothing here counts or ranks a person's activity.

export interface AuditEntryView {
  id: string
  at: string
  actor: { label: string; name: string | null; id: string | null }
  action: string
  entityType: string
  entityId: string | null
  summary: unknown
  changes: AuditChange[]
  details: Array<{ key: string; value: string }>
  text: string
  /** The client address, for admins only. */
  address?: string | null
}

export interface AuditPage {
  items: AuditEntryView[]
  nextCursor: string | null
}

type Row = { id: bigint; at: Date; actorId: string | null; actorLabel: string; actorName: string | null; action: string; entityType: string; entityId: string | null; summary: unknown; address: string | null }

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The WHERE clause of a filtered read (exported for the test that checks its indexes). */
export function auditWhere(f: AuditFilter, cursor?: string): Prisma.Sql {
  const parts: Prisma.Sql[] = []
  if (cursor) parts.push(Prisma.sql`a.id < ${BigInt(cursor)}`)
  if (f.actor) parts.push(Prisma.sql`a."actorLabel" = ${f.actor}`)
  if (f.action) {
    const prefix = f.action.endsWith('*') ? f.action.slice(0, -1) : f.action.endsWith('.') ? f.action : null
    parts.push(prefix !== null ? Prisma.sql`a.action LIKE ${`${like(prefix)}%`}` : Prisma.sql`a.action = ${f.action}`)
  }
  if (f.entityType) parts.push(Prisma.sql`a."entityType" = ${f.entityType}`)
  if (f.entityId) parts.push(Prisma.sql`a."entityId" = ${f.entityId}`)
  if (f.from) parts.push(Prisma.sql`a.at >= ${new Date(`${f.from}T00:00:00Z`)}`)
  if (f.to) parts.push(Prisma.sql`a.at < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}`)
  if (f.q) parts.push(Prisma.sql`a.summary::text ILIKE ${`%${like(f.q)}%`}`)
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty
}

async function readPage(f: AuditFilter, cursor: string | undefined, limit: number): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT a.id, a.at, a."actorId", a."actorLabel", u.name AS "actorName", a.action, a."entityType", a."entityId", a.summary, a.address
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
      ${auditWhere(f, cursor)}
     ORDER BY a.id DESC
     LIMIT ${limit}`
}

function toView(r: Row, withAddress: boolean): AuditEntryView {
  const readable = readableSummary(r.summary)
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: { label: r.actorLabel, name: r.actorName, id: r.actorId },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary ?? null,
    ...readable,
    ...(withAddress ? { address: r.address } : {}),
  }
}

/** audit.view. One page of the audit log matching the filters (ValidationError on bad filters). */
export async function listAudit(user: SessionUser, input: unknown): Promise<AuditPage & { filter: AuditFilter }> {
  assertCan(user, 'audit.view')
  const filter = parseInput(auditFilterSchema, input)
  const rows = await readPage(filter, filter.cursor, filter.limit + 1)
  const more = rows.length > filter.limit
  const page = more ? rows.slice(0, filter.limit) : rows
  const withAddress = can(user, 'admin.access')
  return { filter, items: page.map((r) => toView(r, withAddress)), nextCursor: more ? String(page[page.length - 1].id) : null }
}

export const AUDIT_EXPORT_MAX_ROWS = 100_000

/**
 * audit.view. Every entry matching the filters (newest first, at most AUDIT_EXPORT_MAX_ROWS), in
 * keyset batches so that memory stays flat. The cursor and limit of the filter are ignored.
 */
export async function* exportAudit(user: SessionUser, input: unknown): AsyncGenerator<AuditEntryView[]> {
  assertCan(user, 'audit.view')
  const filter = parseInput(auditFilterSchema, input)
  const withAddress = can(user, 'admin.access')
  let cursor: string | undefined
  let sent = 0
  while (sent < AUDIT_EXPORT_MAX_ROWS) {
    const rows = await readPage(filter, cursor, Math.min(1_000, AUDIT_EXPORT_MAX_ROWS - sent))
    if (!rows.length) return
    sent += rows.length
    cursor = String(rows[rows.length - 1].id)
    yield rows.map((r) => toView(r, withAddress))
    if (rows.length < 1_000) return
  }
}

/** audit.view. The kinds of record the log mentions, for the filter's suggestions (a skip scan on the index). */
export async function listAuditEntityTypes(user: SessionUser): Promise<string[]> {
  assertCan(user, 'audit.view')
  const rows = await db.$queryRaw<Array<{ t: string }>>`
    WITH RECURSIVE types(t) AS (
      (SELECT "entityType" FROM "AuditLog" ORDER BY "entityType" LIMIT 1)
      UNION ALL
      SELECT (SELECT "entityType" FROM "AuditLog" WHERE "entityType" > types.t ORDER BY "entityType" LIMIT 1) FROM types WHERE types.t IS NOT NULL
    )
    SELECT t FROM types WHERE t IS NOT NULL LIMIT 200`
  return rows.map((r) => r.t)
}
