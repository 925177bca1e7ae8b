import 'server-only'
import type { z } from 'zod'
import { db, dbPool } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { ValidationError } from '@/lib/errors'
import { parseDate } from '@/lib/intake/dates'
import { permissionFor, writeBatch, BATCH_SIZE } from '@/lib/intake/import-job'
import {
  budgetInputSchema, budgetListQuerySchema, incidentInputSchema, incidentListQuerySchema, techDebtInputSchema, techDebtListQuerySchema,
  throughputInputSchema, throughputListQuerySchema,
} from '@/lib/intake/schemas'
import { loadTeamDirectory, findTeam } from '@/lib/intake/teams'
import { recordKey, toRecord } from '@/lib/intake/validate'
import { MAX_API_RECORDS, type AnyRecord, type ImportKind } from '@/lib/intake/types'
import type { Prisma } from '@/lib/generated/prisma/client'

// REST ingestion: a JSON array of up to 10,000 records, validated as a whole (422 with every
// record's field errors and nothing written) and upserted in one transaction on the external id.

export type ApiKind = Exclude<ImportKind, 'survey'>
const SCHEMAS = { incidents: incidentInputSchema, 'tech-debt': techDebtInputSchema, throughput: throughputInputSchema, budget: budgetInputSchema } as const
/** API records without a `source` are "manual", like the generic file layouts: the same id updates the same row. */
const DEFAULT_SOURCE = 'manual'

export interface IngestResult { created: number; updated: number; received: number }

/** outcomes.import (budget: budget.edit). ValidationError with fields "[i].field" when any record is invalid. */
export async function ingestRecords(user: SessionUser, kind: ApiKind, body: unknown): Promise<IngestResult> {
  assertCan(user, permissionFor(kind))
  if (!Array.isArray(body)) throw new ValidationError('Send a JSON array of records.')
  if (body.length === 0) throw new ValidationError('Send at least one record.')
  if (body.length > MAX_API_RECORDS) throw new ValidationError(`At most ${MAX_API_RECORDS} records per request (got ${body.length}).`)
  const fields: Record<string, string[]> = {}
  const add = (i: number, field: string, message: string) => (fields[`[${i}]${field ? `.${field}` : ''}`] ??= []).push(message)
  const records: Array<{ i: number; r: AnyRecord }> = []
  const seen = new Map<string, number>()
  body.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return add(i, '', 'expected an object')
    const parsed = SCHEMAS[kind].safeParse(item)
    if (!parsed.success) {
      for (const iss of parsed.error.issues) add(i, iss.path.map(String).join('.'), iss.message)
      return
    }
    const r = toRecord(kind, parsed.data as Record<string, unknown>, i, DEFAULT_SOURCE)
    const key = `${(r as { source: string }).source}|${recordKey(kind, r)}`
    if (seen.has(key)) return add(i, kind === 'throughput' ? 'month' : 'externalId', `duplicate of record ${seen.get(key)}`)
    seen.set(key, i)
    records.push({ i, r })
  })
  const client = await dbPool().connect()
  try {
    // Team names resolve per source (aliases); API records usually share one.
    const dirs = new Map<string, Awaited<ReturnType<typeof loadTeamDirectory>>>()
    const withTeams: Array<AnyRecord & { teamId: string | null }> = []
    for (const { i, r } of records) {
      const source = (r as { source: string }).source
      if (!dirs.has(source)) dirs.set(source, await loadTeamDirectory(client, source))
      const dir = dirs.get(source)!
      const name = (r as { teamName: string | null }).teamName
      if (kind === 'budget' && !name) { withTeams.push({ ...r, teamId: null }); continue }
      let teamId = dir.resolve(name)
      if (!teamId && kind === 'incidents') teamId = dir.resolve((r as { service: string | null }).service)
      if (!teamId) { add(i, 'team', `team "${name}" is not a Paceline team or a saved alias`); continue }
      withTeams.push({ ...r, teamId })
    }
    const invalid = Object.keys(fields).length
    if (invalid) {
      const bad = new Set(Object.keys(fields).map((k) => k.slice(0, k.indexOf(']') + 1))).size
      throw new ValidationError(`${bad} of ${body.length} records are invalid; nothing was written.`, fields)
    }
    await client.query('BEGIN')
    try {
      let created = 0
      let updated = 0
      for (let k = 0; k < withTeams.length; k += BATCH_SIZE) {
        const c = await writeBatch(client, kind, withTeams.slice(k, k + BATCH_SIZE), user.id)
        created += c.created
        updated += c.updated
      }
      await client.query(
        'INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", summary) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)',
        [user.id, user.email, `intake.api.${kind}`, kind, JSON.stringify({ received: body.length, created, updated, via: user.via })],
      )
      await client.query('COMMIT')
      return { created, updated, received: body.length }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    }
  } finally {
    client.release()
  }
}

function queryError(error: z.ZodError): never {
  const fields: Record<string, string[]> = {}
  for (const i of error.issues) (fields[i.path.join('.') || 'query'] ??= []).push(i.message)
  throw new ValidationError('Invalid query parameters.', fields)
}

function range(since: string | undefined, until: string | undefined) {
  const out: { gte?: Date; lte?: Date } = {}
  const fields: Record<string, string[]> = {}
  if (since) { const d = parseDate(since); if (d) out.gte = d; else fields.since = ['not a date (use YYYY-MM-DD or ISO 8601)'] }
  if (until) {
    const d = parseDate(until)
    // A bare date means "to the end of that day".
    if (d) out.lte = /^\d{4}-\d{2}-\d{2}$/.test(until.trim()) ? new Date(d.getTime() + 86_399_999) : d
    else fields.until = ['not a date (use YYYY-MM-DD or ISO 8601)']
  }
  if (Object.keys(fields).length) throw new ValidationError('Invalid query parameters.', fields)
  return Object.keys(out).length ? out : undefined
}

async function teamFilter(team: string | undefined): Promise<string | undefined | null> {
  if (!team) return undefined
  const client = await dbPool().connect()
  try {
    return (await findTeam(client, team))?.id ?? null
  } finally {
    client.release()
  }
}

const teamSelect = { select: { slug: true, name: true } } as const
const empty = (limit: number, offset: number) => ({ items: [], total: 0, limit, offset, nextOffset: null })
const page = <T>(items: T[], total: number, limit: number, offset: number) => ({ items, total, limit, offset, nextOffset: offset + items.length < total ? offset + items.length : null })

/** outcomes.view */
export async function listIncidents(user: SessionUser, params: Record<string, string>) {
  assertCan(user, 'outcomes.view')
  const q = incidentListQuerySchema.safeParse(params)
  if (!q.success) queryError(q.error)
  const { limit, offset } = q.data
  const teamId = await teamFilter(q.data.team)
  if (teamId === null) return empty(limit, offset)
  const where: Prisma.IncidentWhereInput = { teamId, severity: q.data.severity, startedAt: range(q.data.since, q.data.until) }
  const [rows, total] = await Promise.all([
    db.incident.findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], take: limit, skip: offset, include: { team: teamSelect } }),
    db.incident.count({ where }),
  ])
  return page(rows.map((r) => ({
    id: r.id, source: r.source, externalId: r.externalId, title: r.title, severity: r.severity, sourceSeverity: r.sourceSeverity,
    team: r.team, service: r.service, startedAt: r.startedAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null,
    minutesToResolve: r.resolvedAt ? Math.round((r.resolvedAt.getTime() - r.startedAt.getTime()) / 60_000) : null,
    causeChangeUrl: r.causeChangeUrl, aiAssisted: r.aiAssisted, status: r.status,
    businessHourInterruptions: r.businessHourInterruptions, offHourInterruptions: r.offHourInterruptions, sleepHourInterruptions: r.sleepHourInterruptions,
    workloadMinutesWorking: r.workloadMinutesWorking, workloadMinutesLate: r.workloadMinutesLate, workloadMinutesSleeping: r.workloadMinutesSleeping,
    updatedAt: r.updatedAt.toISOString(),
  })), total, limit, offset)
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/** outcomes.view */
export async function listTechDebt(user: SessionUser, params: Record<string, string>) {
  assertCan(user, 'outcomes.view')
  const q = techDebtListQuerySchema.safeParse(params)
  if (!q.success) queryError(q.error)
  const { limit, offset } = q.data
  const teamId = await teamFilter(q.data.team)
  if (teamId === null) return empty(limit, offset)
  const where: Prisma.TechDebtItemWhereInput = { teamId, openedOn: range(q.data.since, q.data.until) }
  const [rows, total] = await Promise.all([
    db.techDebtItem.findMany({ where, orderBy: [{ openedOn: 'desc' }, { id: 'asc' }], take: limit, skip: offset, include: { team: teamSelect } }),
    db.techDebtItem.count({ where }),
  ])
  return page(rows.map((r) => ({ id: r.id, source: r.source, externalId: r.externalId, title: r.title, team: r.team, size: r.size, points: r.points, openedOn: day(r.openedOn), repaidOn: day(r.repaidOn), status: r.status, updatedAt: r.updatedAt.toISOString() })), total, limit, offset)
}

/** outcomes.view */
export async function listThroughput(user: SessionUser, params: Record<string, string>) {
  assertCan(user, 'outcomes.view')
  const q = throughputListQuerySchema.safeParse(params)
  if (!q.success) queryError(q.error)
  const { limit, offset } = q.data
  const teamId = await teamFilter(q.data.team)
  if (teamId === null) return empty(limit, offset)
  const where: Prisma.ThroughputEntryWhereInput = { teamId, month: range(q.data.since, q.data.until) }
  const [rows, total] = await Promise.all([
    db.throughputEntry.findMany({ where, orderBy: [{ month: 'desc' }, { id: 'asc' }], take: limit, skip: offset, include: { team: teamSelect } }),
    db.throughputEntry.count({ where }),
  ])
  return page(rows.map((r) => ({ id: r.id, team: r.team, month: day(r.month)!.slice(0, 7), featuresShipped: r.featuresShipped, source: r.source, updatedAt: r.updatedAt.toISOString() })), total, limit, offset)
}

/** budget.view */
export async function listBudget(user: SessionUser, params: Record<string, string>) {
  assertCan(user, 'budget.view')
  const q = budgetListQuerySchema.safeParse(params)
  if (!q.success) queryError(q.error)
  const { limit, offset } = q.data
  const teamId = await teamFilter(q.data.team)
  if (teamId === null) return empty(limit, offset)
  const where: Prisma.BudgetEntryWhereInput = { teamId, category: q.data.category, month: range(q.data.since, q.data.until) }
  const [rows, total] = await Promise.all([
    db.budgetEntry.findMany({ where, orderBy: [{ month: 'desc' }, { id: 'asc' }], take: limit, skip: offset, include: { team: teamSelect } }),
    db.budgetEntry.count({ where }),
  ])
  return page(rows.map((r) => ({ id: r.id, source: r.source, externalId: r.externalId, month: day(r.month)!.slice(0, 7), category: r.category, team: r.team, amount: r.amount.toFixed(2), currency: r.currency, note: r.note, updatedAt: r.updatedAt.toISOString() })), total, limit, offset)
}
