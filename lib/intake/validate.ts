import { z } from 'zod'
import type { FormatOutput } from '@/lib/intake/formats/common'
import { budgetInputSchema, incidentInputSchema, shown, sizeFromPoints, techDebtInputSchema, throughputInputSchema } from '@/lib/intake/schemas'
import { dateRangeProblem, dayStart, isoDate, parseDate } from '@/lib/intake/dates'
import type { AnyRecord, BudgetRecord, ImportKind, IncidentRecord, RowError, SkippedRow, SurveyResponseRecord, TechDebtRecord, ThroughputRecord } from '@/lib/intake/types'

// Canonical values -> typed records through the kind's zod schema, with errors named after the
// file's own columns, plus duplicate keys within the file.

const score = (what: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v), z.number({ error: `${what}: not a number from 1 to 5` }).int(`${what}: not a whole number from 1 to 5`).min(1, `${what}: below 1`).max(5, `${what}: above 5`).optional())

export const surveyResponseRowSchema = z.object({
  externalId: z.string({ error: 'Response ID is required' }).trim().min(1, 'Response ID is required').max(200),
  submittedOn: z.preprocess(
    (v) => (typeof v === 'string' ? (parseDate(v) ?? v) : v),
    z.date({ error: (iss) => `Timestamp "${shown(iss.input ?? '')}" is not a date` }).superRefine((d, ctx) => {
      const p = dateRangeProblem(d, new Date())
      if (p) ctx.addIssue({ code: 'custom', message: `Timestamp ${p}` })
    }),
  ),
  overall: score('overall'),
  tools_help: score('tools_help'),
  time_to_learn: score('time_to_learn'),
  workload: score('workload'),
  comment: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(4000, 'comment is longer than 4000 characters').optional()),
})

const SCHEMAS: Record<ImportKind, z.ZodType> = {
  incidents: incidentInputSchema,
  'tech-debt': techDebtInputSchema,
  throughput: throughputInputSchema,
  budget: budgetInputSchema,
  survey: surveyResponseRowSchema,
}

export function issueErrors(issues: z.core.$ZodIssue[], line: number | null, columnOf: Record<string, string>): RowError[] {
  return issues.map((iss) => {
    const field = String(iss.path[0] ?? '')
    return { line, column: field ? (columnOf[field] ?? field) : null, reason: iss.message }
  })
}

/** The key that must be unique within one file. */
export function recordKey(kind: ImportKind, r: AnyRecord): string {
  switch (kind) {
    case 'throughput': {
      const t = r as ThroughputRecord
      return `${(t.teamName ?? '').toLowerCase()}|${isoDate(t.month)}`
    }
    default:
      return (r as { externalId: string }).externalId
  }
}

export function toRecord(kind: ImportKind, v: Record<string, unknown>, line: number | null, defaultSource: string): AnyRecord {
  const source = (v.source as string | undefined) ?? defaultSource
  switch (kind) {
    case 'incidents': {
      const x = v as z.output<typeof incidentInputSchema>
      return {
        line, source, externalId: x.externalId, title: x.title, severity: x.severity, sourceSeverity: x.sourceSeverity ?? null,
        teamName: x.team ?? x.service ?? null, service: x.service ?? null, startedAt: x.startedAt, resolvedAt: x.resolvedAt ?? null,
        causeChangeUrl: x.causeChangeUrl ?? null, aiAssisted: x.aiAssisted ?? null, status: x.status ?? null,
        businessHourInterruptions: x.businessHourInterruptions ?? null, offHourInterruptions: x.offHourInterruptions ?? null,
        sleepHourInterruptions: x.sleepHourInterruptions ?? null, workloadMinutesWorking: x.workloadMinutesWorking ?? null,
        workloadMinutesLate: x.workloadMinutesLate ?? null, workloadMinutesSleeping: x.workloadMinutesSleeping ?? null,
      } satisfies IncidentRecord
    }
    case 'tech-debt': {
      const x = v as z.output<typeof techDebtInputSchema>
      const points = x.points ?? null
      return {
        line, source, externalId: x.externalId, title: x.title, teamName: x.team, size: x.size ?? sizeFromPoints(points),
        points: points === null ? null : Math.round(points), openedOn: x.openedOn, repaidOn: x.repaidOn ?? null, status: x.status ?? null,
      } satisfies TechDebtRecord
    }
    case 'throughput': {
      const x = v as z.output<typeof throughputInputSchema>
      return { line, source, teamName: x.team, month: x.month, featuresShipped: x.featuresShipped } satisfies ThroughputRecord
    }
    case 'budget': {
      const x = v as z.output<typeof budgetInputSchema>
      const team = x.team ?? null
      return {
        line, source, month: x.month, category: x.category, teamName: team, amount: x.amount, currency: x.currency, note: x.note ?? null,
        // Without an id, a line is identified by what it is: one amount per month, category and team.
        externalId: x.externalId ?? `${isoDate(x.month)!.slice(0, 7)}:${x.category}:${team ? team.toLowerCase() : 'org'}`,
      } satisfies BudgetRecord
    }
    case 'survey': {
      const x = v as z.output<typeof surveyResponseRowSchema>
      const scores: SurveyResponseRecord['scores'] = {}
      for (const k of ['overall', 'tools_help', 'time_to_learn', 'workload'] as const) if (x[k] !== undefined) scores[k] = x[k]
      return { line, externalId: x.externalId, submittedOn: dayStart(x.submittedOn), scores, comment: x.comment ?? null } satisfies SurveyResponseRecord
    }
  }
}

export function validateRows(
  kind: ImportKind,
  out: FormatOutput,
  // A slice of the rows; `seen` carries the keys of earlier slices, so duplicates are found across them.
  slice: { from: number; to: number; seen: Map<string, number | null> } = { from: 0, to: out.rows.length, seen: new Map() },
): { records: AnyRecord[]; errors: RowError[]; skipped: SkippedRow[] } {
  const schema = SCHEMAS[kind]
  const records: AnyRecord[] = []
  const errors: RowError[] = []
  const skipped: SkippedRow[] = []
  const seen = slice.seen
  for (let i = slice.from; i < Math.min(slice.to, out.rows.length); i++) {
    const row = out.rows[i]
    if (row.error) { errors.push(row.error); continue }
    if (row.skip) { skipped.push({ line: row.line, reason: row.skip }); continue }
    const parsed = schema.safeParse(row.values)
    if (!parsed.success) { errors.push(...issueErrors(parsed.error.issues, row.line, out.columnOf)); continue }
    const record = toRecord(kind, parsed.data as Record<string, unknown>, row.line, out.source)
    if (kind === 'survey' && Object.keys((record as SurveyResponseRecord).scores).length === 0 && !(record as SurveyResponseRecord).comment) {
      skipped.push({ line: row.line, reason: 'no answer to any pulse question' })
      continue
    }
    const key = recordKey(kind, record)
    if (seen.has(key)) {
      const first = seen.get(key)
      errors.push({ line: row.line, column: kind === 'throughput' ? (out.columnOf.month ?? 'month') : (out.columnOf.externalId ?? 'id'), reason: `duplicate ${kind === 'throughput' ? 'team and month' : 'id'} "${key}" (first on ${first === null ? 'an earlier record' : `line ${first}`})` })
      continue
    }
    seen.set(key, row.line)
    records.push(record)
  }
  return { records, errors, skipped }
}
