import 'server-only'
import { db } from '@/lib/db'
import { loadMappings, responseKeySalt } from '@/lib/intake/settings'
import { assertCan, type RoleName } from '@/lib/auth/permissions'
import { dbPool } from '@/lib/db'
import { FileRejectedError } from '@/lib/intake/errors'
import { parseImportFile } from '@/lib/intake/parse-file'
import { importOptionsSchema } from '@/lib/intake/schemas'
import { createTeams, findTeam, loadTeamDirectory, saveAliases, type AliasToSave } from '@/lib/intake/teams'
import { normaliseAlias } from '@/lib/intake/team-rules'
import { upsertBudget, upsertIncidents, upsertSurvey, upsertTechDebt, upsertThroughput, type Counts } from '@/lib/intake/upsert'
import type { AnyRecord, BudgetRecord, ColumnMapping, ImportFormat, ImportKind, IncidentRecord, ParseResult, RowError, SurveyResponseRecord, TechDebtRecord, ThroughputRecord } from '@/lib/intake/types'
import { ValidationError } from '@/lib/errors'

// One import: parse + validate the whole file, match teams, then write every record in ONE
// transaction (or none). "Valid rows only" writes the valid ones and reports the rest. Progress
// goes to the ImportJob row (outside the transaction, so it can be polled) and to `onProgress`.

export const BATCH_SIZE = 5000
export const MAX_STORED_ERRORS = 500

export interface ImportActor {
  id: string | null
  email: string
  /** null: the command line without --as (an operator with database access). */
  role: RoleName | null
}

export interface ImportRequest {
  bytes: Uint8Array
  kind: ImportKind
  format?: ImportFormat
  validOnly?: boolean
  debtLabel?: string
  debtType?: string
  fileName?: string
  surveyTitle?: string
  /** Name -> team (id, slug or name), saved as aliases for this source (CLI --team-map, or the preview). */
  teamMap?: Array<{ alias: string; team: string; source?: string | null }>
  createMissingTeams?: boolean
}

export interface UnmatchedTeam { name: string; rows: number }

export interface ImportOutcome {
  jobId: string | null
  status: 'SUCCEEDED' | 'INVALID'
  kind: ImportKind
  format: ImportFormat
  source: string
  totalRows: number
  created: number
  updated: number
  skipped: number
  errorCount: number
  errors: RowError[]
  unmatchedTeams: UnmatchedTeam[]
  createdTeams: string[]
  ms: number
}

export interface ImportPreview {
  kind: ImportKind
  format: ImportFormat
  source: string
  columns: ColumnMapping[]
  ignoredColumns: string[]
  dropped: string[]
  totalRows: number
  validRows: number
  skipped: number
  rows: Array<Record<string, string | number | boolean | null>>
  errorCount: number
  errors: RowError[]
  unmatchedTeams: UnmatchedTeam[]
}

export function permissionFor(kind: ImportKind) {
  return kind === 'budget' ? ('budget.edit' as const) : ('outcomes.import' as const)
}

function authorise(actor: ImportActor, kind: ImportKind) {
  if (actor.role !== null) assertCan({ role: actor.role }, permissionFor(kind))
}

function parse(req: ImportRequest, mappings: Awaited<ReturnType<typeof loadMappings>>): ParseResult {
  const opts = importOptionsSchema.parse({ kind: req.kind, format: req.format, validOnly: req.validOnly ?? false, debtLabel: req.debtLabel, debtType: req.debtType, fileName: req.fileName })
  return parseImportFile(req.bytes, { kind: opts.kind, format: opts.format, mappings, debt: { label: opts.debtLabel, type: opts.debtType }, surveyTitle: req.surveyTitle })
}

function teamNameOf(kind: ImportKind, r: AnyRecord): string | null {
  if (kind === 'survey') return null
  return (r as { teamName: string | null }).teamName
}

/** Team ids for the records; unmatched names become row errors. */
function matchTeams(parsed: ParseResult, resolve: (n: string | null | undefined) => string | null) {
  const kept: Array<AnyRecord & { teamId: string | null }> = []
  const errors: RowError[] = []
  const unmatched = new Map<string, UnmatchedTeam>()
  const teamColumn = parsed.columns.find((c) => c.field === 'team')?.column ?? 'team'
  for (const r of parsed.records) {
    const name = teamNameOf(parsed.kind, r)
    if (parsed.kind === 'survey' || (parsed.kind === 'budget' && !name)) { kept.push({ ...r, teamId: null }); continue }
    let id = resolve(name)
    if (!id && parsed.kind === 'incidents') id = resolve((r as IncidentRecord).service)
    if (id) { kept.push({ ...r, teamId: id }); continue }
    const label = name ?? '(none)'
    const key = normaliseAlias(label)
    const u = unmatched.get(key) ?? { name: label, rows: 0 }
    u.rows++
    unmatched.set(key, u)
    errors.push({ line: r.line, column: teamColumn, reason: `team "${label}" is not mapped to a Paceline team (map it in the import preview, or use --team-map / --create-missing-teams)` })
  }
  return { kept, errors, unmatched: [...unmatched.values()].sort((a, b) => b.rows - a.rows) }
}

const byLine = (a: RowError, b: RowError) => (a.line ?? 0) - (b.line ?? 0)

/** Everything the preview shows; writes nothing. outcomes.import (budget: budget.edit). */
export async function previewImport(actor: ImportActor, req: ImportRequest): Promise<ImportPreview> {
  authorise(actor, req.kind)
  const parsed = parse(req, await loadMappings())
  const client = await dbPool().connect()
  try {
    const dir = await loadTeamDirectory(client, parsed.source)
    const extra = await resolveTeamMap(client, req.teamMap ?? [], parsed.source)
    const { kept, errors, unmatched } = matchTeams(parsed, (n) => (n ? (extra.get(normaliseAlias(n)) ?? dir.resolve(n)) : null))
    const all = [...parsed.errors, ...errors].sort(byLine)
    return {
      kind: parsed.kind,
      format: parsed.format,
      source: parsed.source,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
      dropped: parsed.dropped,
      totalRows: parsed.totalRows,
      validRows: kept.length,
      skipped: parsed.skipped.length,
      rows: parsed.records.slice(0, 10).map(previewRow),
      errorCount: all.length,
      errors: all.slice(0, MAX_STORED_ERRORS),
      unmatchedTeams: unmatched,
    }
  } finally {
    client.release()
  }
}

function previewRow(r: AnyRecord): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  for (const [k, v] of Object.entries(r)) {
    if (k === 'scores') Object.assign(out, v as object)
    else if (v instanceof Date) out[k] = v.toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z')
    else out[k] = v as string | number | boolean | null
  }
  return out
}

async function resolveTeamMap(client: Parameters<typeof findTeam>[0], map: NonNullable<ImportRequest['teamMap']>, source: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const m of map) {
    if (m.source && m.source !== source && m.source !== '*') continue
    const team = await findTeam(client, m.team)
    if (!team) throw new ValidationError(`Team map: no Paceline team "${m.team}" (for "${m.alias}"). Use a team's slug or exact name.`)
    out.set(normaliseAlias(m.alias), team.id)
  }
  return out
}

/** Runs an import. outcomes.import (budget: budget.edit). Nothing is written unless every row is valid or validOnly. */
export async function runImport(actor: ImportActor, req: ImportRequest, onProgress?: (processed: number, total: number) => void): Promise<ImportOutcome> {
  authorise(actor, req.kind)
  const started = Date.now()
  const job = await db.importJob.create({
    data: { kind: req.kind, format: req.format ?? 'detecting', fileName: req.fileName?.slice(0, 255) ?? null, validOnly: req.validOnly ?? false, createdById: actor.id },
    select: { id: true },
  })
  let parsed: ParseResult
  try {
    parsed = parse(req, await loadMappings())
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    await db.importJob.update({ where: { id: job.id }, data: { status: 'INVALID', errorCount: 1, errors: [{ line: null, column: null, reason }], finishedAt: new Date() } })
    throw err instanceof FileRejectedError || err instanceof ValidationError ? err : new FileRejectedError(reason)
  }
  await db.importJob.update({ where: { id: job.id }, data: { format: parsed.format, totalRows: parsed.totalRows } })

  const client = await dbPool().connect()
  let inTx = false
  try {
    await client.query('BEGIN')
    inTx = true
    // The team map and new teams are part of the import: rolled back with it when it fails.
    const mapped = await resolveTeamMap(client, req.teamMap ?? [], parsed.source)
    const aliases: AliasToSave[] = [...mapped].map(([alias, teamId]) => ({ source: parsed.source, alias, teamId }))
    await saveAliases(client, aliases, actor.id)
    let dir = await loadTeamDirectory(client, parsed.source)
    let match = matchTeams(parsed, dir.resolve)
    let createdTeams: string[] = []
    if (req.createMissingTeams && match.unmatched.length) {
      const names = match.unmatched.map((u) => u.name).filter((n) => n !== '(none)')
      await createTeams(client, names)
      createdTeams = names
      dir = await loadTeamDirectory(client, parsed.source)
      match = matchTeams(parsed, dir.resolve)
    }
    const errors = [...parsed.errors, ...match.errors].sort(byLine)
    const base = { kind: parsed.kind, format: parsed.format, source: parsed.source, totalRows: parsed.totalRows, errorCount: errors.length, errors: errors.slice(0, MAX_STORED_ERRORS), unmatchedTeams: match.unmatched, createdTeams }
    if (errors.length && !req.validOnly) {
      await client.query('ROLLBACK')
      inTx = false
      await db.importJob.update({ where: { id: job.id }, data: { status: 'INVALID', errorCount: errors.length, errors: base.errors as object[], skipped: parsed.skipped.length, finishedAt: new Date() } })
      return { ...base, jobId: job.id, status: 'INVALID', created: 0, updated: 0, skipped: parsed.skipped.length, ms: Date.now() - started }
    }
    await db.importJob.update({ where: { id: job.id }, data: { status: 'WRITING', totalRows: match.kept.length } })
    const counts: Counts = { created: 0, updated: 0 }
    const total = match.kept.length
    onProgress?.(0, total)
    if (parsed.kind === 'survey') {
      if (total) {
        const c = await upsertSurvey(client, parsed.survey!, match.kept as unknown as SurveyResponseRecord[], await responseKeySalt(), null)
        counts.created += c.created
        counts.updated += c.updated
      }
      onProgress?.(total, total)
    } else {
      for (let i = 0; i < total; i += BATCH_SIZE) {
        const batch = match.kept.slice(i, i + BATCH_SIZE)
        const c = await writeBatch(client, parsed.kind, batch, actor.id)
        counts.created += c.created
        counts.updated += c.updated
        const processed = Math.min(total, i + BATCH_SIZE)
        onProgress?.(processed, total)
        if (total > BATCH_SIZE) await db.importJob.update({ where: { id: job.id }, data: { processedRows: processed } })
      }
    }
    const summary = {
      kind: parsed.kind, format: parsed.format, fileName: req.fileName ?? null, created: counts.created, updated: counts.updated,
      skipped: parsed.skipped.length, invalidRowsLeftOut: errors.length, validOnly: req.validOnly ?? false,
      ...(aliases.length ? { teamMap: [...(req.teamMap ?? [])].map((m) => ({ name: m.alias, team: m.team })) } : {}),
      ...(createdTeams.length ? { createdTeams } : {}),
    }
    await client.query(
      'INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", summary) VALUES ($1::uuid, $2, $3, $4, $5, $6::jsonb)',
      [actor.id, actor.email, 'intake.import', 'ImportJob', job.id, JSON.stringify(summary)],
    )
    await client.query('COMMIT')
    inTx = false
    await db.importJob.update({
      where: { id: job.id },
      data: { status: 'SUCCEEDED', processedRows: total, created: counts.created, updated: counts.updated, skipped: parsed.skipped.length, errorCount: errors.length, errors: errors.length ? (base.errors as object[]) : undefined, finishedAt: new Date() },
    })
    return { ...base, jobId: job.id, status: 'SUCCEEDED', created: counts.created, updated: counts.updated, skipped: parsed.skipped.length, ms: Date.now() - started }
  } catch (err) {
    if (inTx) await client.query('ROLLBACK').catch(() => {})
    const reason = err instanceof Error ? err.message : String(err)
    await db.importJob.update({ where: { id: job.id }, data: { status: err instanceof ValidationError ? 'INVALID' : 'FAILED', errorCount: 1, errors: [{ line: null, column: null, reason }], finishedAt: new Date() } }).catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

export function writeBatch(client: Parameters<typeof upsertIncidents>[0], kind: Exclude<ImportKind, 'survey'>, batch: Array<AnyRecord & { teamId: string | null }>, actorId: string | null): Promise<Counts> {
  switch (kind) {
    case 'incidents': return upsertIncidents(client, batch as Array<IncidentRecord & { teamId: string | null }>)
    case 'tech-debt': return upsertTechDebt(client, batch as Array<TechDebtRecord & { teamId: string }>)
    case 'throughput': return upsertThroughput(client, batch as Array<ThroughputRecord & { teamId: string }>)
    case 'budget': return upsertBudget(client, batch as Array<BudgetRecord & { teamId: string | null }>, actorId)
  }
}
