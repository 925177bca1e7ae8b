import 'server-only'
import { db } from '@/lib/db'
import { loadMappings, responseKeySalt } from '@/lib/intake/settings'
import { assertCan, type RoleName } from '@/lib/auth/permissions'
import { dbPool } from '@/lib/db'
import { FileRejectedError } from '@/lib/intake/errors'
import { stageImportFile, validateAll, type StagedParse } from '@/lib/intake/parse-file'
import { importOptionsSchema } from '@/lib/intake/schemas'
import { createTeams, findTeam, loadTeamDirectory, saveAliases, type AliasToSave } from '@/lib/intake/teams'
import { normaliseAlias } from '@/lib/intake/team-rules'
import { incidentCopyLine, upsertBudget, upsertIncidents, upsertSurvey, upsertTechDebt, upsertThroughput, type Counts } from '@/lib/intake/upsert'
import type { AnyRecord, BudgetRecord, ColumnMapping, ImportFormat, ImportKind, IncidentRecord, ParseResult, RowError, SkippedRow, SurveyResponseRecord, TechDebtRecord, ThroughputRecord } from '@/lib/intake/types'
import { ValidationError } from '@/lib/errors'

// One import: read the whole file, validate and match teams slice by slice while the slice before
// is written, every record in ONE transaction (or none). "Valid rows only" writes the valid ones
// and reports the rest. Progress goes to the ImportJob row (outside the transaction, so it can be
// polled) and to `onProgress`.

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

function stage(req: ImportRequest, mappings: Awaited<ReturnType<typeof loadMappings>>): StagedParse {
  const opts = importOptionsSchema.parse({ kind: req.kind, format: req.format, validOnly: req.validOnly ?? false, debtLabel: req.debtLabel, debtType: req.debtType, fileName: req.fileName })
  return stageImportFile(req.bytes, { kind: opts.kind, format: opts.format, mappings, debt: { label: opts.debtLabel, type: opts.debtType }, surveyTitle: req.surveyTitle })
}

function parse(req: ImportRequest, mappings: Awaited<ReturnType<typeof loadMappings>>): ParseResult {
  return validateAll(stage(req, mappings))
}

function teamNameOf(kind: ImportKind, r: AnyRecord): string | null {
  if (kind === 'survey') return null
  return (r as { teamName: string | null }).teamName
}

/** Team ids for the records; unmatched names become row errors (counted in `unmatched`, which slices of one file share). */
function matchTeams(parsed: Pick<ParseResult, 'kind' | 'columns' | 'records'>, resolve: (n: string | null | undefined) => string | null, unmatched = new Map<string, UnmatchedTeam>()) {
  const kept: Array<AnyRecord & { teamId: string | null }> = []
  const errors: RowError[] = []
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

/** Rows validated per step while a batch is being written: small, so the write's round trips are not held up. */
const VALIDATE_STEP = 500
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Runs an import. outcomes.import (budget: budget.edit). Nothing is written unless every row is valid or validOnly.
 *
 * The rows are validated slice by slice while the slice before is being written, in the same
 * transaction: the database and the validation work at the same time. When a row turns out invalid
 * (and not validOnly), nothing more is written, the rest is still validated so every error is
 * reported, and the transaction is rolled back. Creating missing teams and survey answers need the
 * whole file first: those are validated completely, then written.
 */
export async function runImport(actor: ImportActor, req: ImportRequest, onProgress?: (processed: number, total: number) => void): Promise<ImportOutcome> {
  authorise(actor, req.kind)
  const started = Date.now()
  const job = await db.importJob.create({
    data: { kind: req.kind, format: req.format ?? 'detecting', fileName: req.fileName?.slice(0, 255) ?? null, validOnly: req.validOnly ?? false, createdById: actor.id },
    select: { id: true },
  })
  let staged: StagedParse
  try {
    staged = stage(req, await loadMappings())
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    await db.importJob.update({ where: { id: job.id }, data: { status: 'INVALID', errorCount: 1, errors: [{ line: null, column: null, reason }], finishedAt: new Date() } })
    throw err instanceof FileRejectedError || err instanceof ValidationError ? err : new FileRejectedError(reason)
  }
  const head = staged.head
  const total = head.totalRows
  await db.importJob.update({ where: { id: job.id }, data: { format: head.format, totalRows: total } })

  const client = await dbPool().connect()
  let inTx = false
  try {
    await client.query('BEGIN')
    inTx = true
    // The team map and new teams are part of the import: rolled back with it when it fails.
    const mapped = await resolveTeamMap(client, req.teamMap ?? [], head.source)
    const aliases: AliasToSave[] = [...mapped].map(([alias, teamId]) => ({ source: head.source, alias, teamId }))
    await saveAliases(client, aliases, actor.id)
    let dir = await loadTeamDirectory(client, head.source)
    const rowErrors: RowError[] = []
    const skipped: SkippedRow[] = []
    const unmatched = new Map<string, UnmatchedTeam>()
    const counts: Counts = { created: 0, updated: 0 }
    let createdTeams: string[] = []
    let kept = 0
    const invalid = () => rowErrors.length > 0 && !req.validOnly
    const add = (c: Counts) => {
      counts.created += c.created
      counts.updated += c.updated
    }

    if (!req.createMissingTeams && head.kind !== 'survey') {
      await db.importJob.update({ where: { id: job.id }, data: { status: 'WRITING' } })
      onProgress?.(0, total)
      let writing: Promise<void> = Promise.resolve()
      for (let from = 0; from < total; from += BATCH_SIZE) {
        const records: AnyRecord[] = []
        for (let step = from; step < Math.min(total, from + BATCH_SIZE); step += VALIDATE_STEP) {
          const part = staged.validate(step, Math.min(step + VALIDATE_STEP, from + BATCH_SIZE))
          records.push(...part.records)
          rowErrors.push(...part.errors)
          skipped.push(...part.skipped)
          await nextTick() // lets the batch being written make its round trips
        }
        const match = matchTeams({ kind: head.kind, columns: head.columns, records }, dir.resolve, unmatched)
        rowErrors.push(...match.errors)
        kept += match.kept.length
        if (invalid()) continue
        const processed = Math.min(total, from + BATCH_SIZE)
        // Built now, while the batch before is still being written.
        const lines = head.kind === 'incidents' ? (match.kept as Array<IncidentRecord & { teamId: string | null }>).map(incidentCopyLine) : undefined
        await writing
        writing = writeBatch(client, head.kind, match.kept, actor.id, lines).then(async (c) => {
          add(c)
          onProgress?.(processed, total)
          if (total > BATCH_SIZE) await db.importJob.update({ where: { id: job.id }, data: { processedRows: processed } })
        })
        writing.catch(() => {}) // awaited below; this only keeps a failure from counting as unhandled meanwhile
      }
      await writing
    } else {
      const parsed = validateAll(staged)
      rowErrors.push(...parsed.errors)
      skipped.push(...parsed.skipped)
      let match = matchTeams(parsed, dir.resolve)
      if (req.createMissingTeams && match.unmatched.length) {
        const names = match.unmatched.map((u) => u.name).filter((n) => n !== '(none)')
        await createTeams(client, names)
        createdTeams = names
        dir = await loadTeamDirectory(client, head.source)
        match = matchTeams(parsed, dir.resolve)
      }
      for (const u of match.unmatched) unmatched.set(normaliseAlias(u.name), u)
      rowErrors.push(...match.errors)
      kept = match.kept.length
      if (!invalid()) {
        await db.importJob.update({ where: { id: job.id }, data: { status: 'WRITING', totalRows: kept } })
        onProgress?.(0, kept)
        if (parsed.kind === 'survey') {
          if (kept) add(await upsertSurvey(client, parsed.survey!, match.kept as unknown as SurveyResponseRecord[], await responseKeySalt(), null))
          onProgress?.(kept, kept)
        } else {
          for (let i = 0; i < kept; i += BATCH_SIZE) {
            add(await writeBatch(client, parsed.kind, match.kept.slice(i, i + BATCH_SIZE), actor.id))
            const processed = Math.min(kept, i + BATCH_SIZE)
            onProgress?.(processed, kept)
            if (kept > BATCH_SIZE) await db.importJob.update({ where: { id: job.id }, data: { processedRows: processed } })
          }
        }
      }
    }

    const errors = rowErrors.sort(byLine)
    const unmatchedTeams = [...unmatched.values()].sort((a, b) => b.rows - a.rows)
    const base = { kind: head.kind, format: head.format, source: head.source, totalRows: total, errorCount: errors.length, errors: errors.slice(0, MAX_STORED_ERRORS), unmatchedTeams, createdTeams }
    if (invalid()) {
      await client.query('ROLLBACK')
      inTx = false
      await db.importJob.update({ where: { id: job.id }, data: { status: 'INVALID', errorCount: errors.length, errors: base.errors as object[], skipped: skipped.length, finishedAt: new Date() } })
      return { ...base, jobId: job.id, status: 'INVALID', created: 0, updated: 0, skipped: skipped.length, ms: Date.now() - started }
    }
    const summary = {
      kind: head.kind, format: head.format, fileName: req.fileName ?? null, created: counts.created, updated: counts.updated,
      skipped: skipped.length, invalidRowsLeftOut: errors.length, validOnly: req.validOnly ?? false,
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
      data: { status: 'SUCCEEDED', totalRows: kept, processedRows: kept, created: counts.created, updated: counts.updated, skipped: skipped.length, errorCount: errors.length, errors: errors.length ? (base.errors as object[]) : undefined, finishedAt: new Date() },
    })
    return { ...base, jobId: job.id, status: 'SUCCEEDED', created: counts.created, updated: counts.updated, skipped: skipped.length, ms: Date.now() - started }
  } catch (err) {
    if (inTx) await client.query('ROLLBACK').catch(() => {})
    const reason = err instanceof Error ? err.message : String(err)
    await db.importJob.update({ where: { id: job.id }, data: { status: err instanceof ValidationError ? 'INVALID' : 'FAILED', errorCount: 1, errors: [{ line: null, column: null, reason }], finishedAt: new Date() } }).catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

export function writeBatch(client: Parameters<typeof upsertIncidents>[0], kind: Exclude<ImportKind, 'survey'>, batch: Array<AnyRecord & { teamId: string | null }>, actorId: string | null, incidentLines?: string[]): Promise<Counts> {
  switch (kind) {
    case 'incidents': return upsertIncidents(client, batch as Array<IncidentRecord & { teamId: string | null }>, incidentLines)
    case 'tech-debt': return upsertTechDebt(client, batch as Array<TechDebtRecord & { teamId: string }>)
    case 'throughput': return upsertThroughput(client, batch as Array<ThroughputRecord & { teamId: string }>)
    case 'budget': return upsertBudget(client, batch as Array<BudgetRecord & { teamId: string | null }>, actorId)
  }
}
