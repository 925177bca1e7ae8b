import { z } from 'zod'
import { dateRangeProblem, monthStart, dayStart, parseDate } from '@/lib/intake/dates'
import { genericSeverity } from '@/lib/intake/severity'
import { BUDGET_CATEGORIES, IMPORT_KINDS, FORMATS, MAX_API_RECORDS } from '@/lib/intake/types'

// One schema per input, shared by the file importers (every format is mapped to these field
// names first), the REST API and the OpenAPI document.

/**
 * A submitted value quoted in an error message. Never throws (String() does on an object whose own
 * toString/valueOf is not a function, which JSON can send) and never long.
 */
export function shown(v: unknown): string {
  let out: string
  try {
    out = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? (JSON.stringify(v) ?? '') : String(v)
  } catch {
    out = Object.prototype.toString.call(v)
  }
  return out.length > 80 ? `${out.slice(0, 80)}…` : out
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const text = (max: number, what: string) => z.preprocess(blank, z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`).max(max, `${what} is longer than ${max} characters`))
const optText = (max: number, what: string) => z.preprocess(blank, z.string().trim().max(max, `${what} is longer than ${max} characters`).nullish())

function dateInner(what: string) {
  const inner = z
    .date({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} "${shown(iss.input)}" is not a date (use ISO 8601, e.g. 2025-06-21T16:14:00Z)`) })
    .superRefine((d, ctx) => {
      const problem = dateRangeProblem(d, new Date())
      if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` })
    })
  return inner
}

const toDate = (v: unknown) => {
  const b = blank(v)
  if (typeof b === 'string') return parseDate(b) ?? b
  return b
}
const dateValue = (what: string) => z.preprocess(toDate, dateInner(what))
const optDateValue = (what: string) => z.preprocess(toDate, dateInner(what).nullish())

const count = (what: string) =>
  z.preprocess((v) => {
    const b = blank(v)
    if (typeof b === 'string') return Number(b.replace(/,/g, ''))
    return b
  }, z.number({ error: `${what} is not a number` }).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(10_000_000, `${what} is too large`).nullish())

const minutes = (what: string) =>
  z.preprocess((v) => {
    const b = blank(v)
    const n = typeof b === 'string' ? Number(b) : b
    return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : n
  }, z.number({ error: `${what} is not a number` }).int().min(0, `${what} cannot be negative`).max(10_000_000).nullish())

const bool = z.preprocess((v) => {
  const b = blank(v)
  if (typeof b !== 'string') return b
  const s = b.trim().toLowerCase()
  if (['true', 'yes', 'y', '1'].includes(s)) return true
  if (['false', 'no', 'n', '0'].includes(s)) return false
  return b
}, z.boolean({ error: 'expected true/false (or yes/no)' }).nullish())

export const sourceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'source: letters, digits, . _ - (up to 40)')

const severity = z.preprocess((v) => {
  const b = blank(v)
  return typeof b === 'string' ? (genericSeverity(b) ?? b) : b
}, z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4'], { error: (iss) => (iss.input === undefined ? 'severity is required' : `unknown severity "${shown(iss.input)}" (expected SEV1, SEV2, SEV3 or SEV4)`) }))

const httpUrl = z.preprocess(blank, z.url({ protocol: /^https?$/, error: 'causeChangeUrl must be an http(s) URL' }).max(2000).nullish())

export const incidentInputSchema = z
  .object({
    externalId: text(200, 'externalId'),
    source: sourceSchema.optional(),
    title: text(500, 'title'),
    severity,
    sourceSeverity: optText(100, 'sourceSeverity'),
    team: optText(200, 'team'),
    service: optText(200, 'service'),
    startedAt: dateValue('startedAt'),
    resolvedAt: optDateValue('resolvedAt'),
    causeChangeUrl: httpUrl,
    aiAssisted: bool,
    status: optText(60, 'status'),
    businessHourInterruptions: count('businessHourInterruptions'),
    offHourInterruptions: count('offHourInterruptions'),
    sleepHourInterruptions: count('sleepHourInterruptions'),
    workloadMinutesWorking: minutes('workloadMinutesWorking'),
    workloadMinutesLate: minutes('workloadMinutesLate'),
    workloadMinutesSleeping: minutes('workloadMinutesSleeping'),
  })
  .superRefine((v, ctx) => {
    if (v.resolvedAt && v.startedAt && v.resolvedAt.getTime() < v.startedAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'resolvedAt is before startedAt' })
    }
    if (!v.team && !v.service) ctx.addIssue({ code: 'custom', path: ['team'], message: 'team (or service) is required to match the incident to a team' })
  })
export type IncidentInput = z.input<typeof incidentInputSchema>

const points = z.preprocess((v) => {
  const b = blank(v)
  return typeof b === 'string' ? Number(b) : b
}, z.number({ error: 'points is not a number' }).min(0, 'points cannot be negative').max(1000, 'points is too large').nullish())

const size = z.preprocess((v) => {
  const b = blank(v)
  if (typeof b !== 'string') return b
  const s = b.trim().toUpperCase()
  return ({ SMALL: 'S', MEDIUM: 'M', LARGE: 'L' } as Record<string, string>)[s] ?? s
}, z.enum(['S', 'M', 'L'], { error: (iss) => `size "${shown(iss.input)}" is not S, M or L` }).nullish())

/** Story points -> size: up to 3 is S, up to 8 is M, more is L; no estimate counts as M. */
export function sizeFromPoints(p: number | null | undefined): 'S' | 'M' | 'L' {
  if (p === null || p === undefined) return 'M'
  return p <= 3 ? 'S' : p <= 8 ? 'M' : 'L'
}

export const techDebtInputSchema = z
  .object({
    externalId: text(200, 'externalId'),
    source: sourceSchema.optional(),
    title: text(500, 'title'),
    team: text(200, 'team'),
    size,
    points,
    openedOn: dateValue('openedOn').transform(dayStart),
    repaidOn: optDateValue('repaidOn').transform((d) => (d ? dayStart(d) : null)),
    status: optText(60, 'status'),
  })
  .superRefine((v, ctx) => {
    if (v.repaidOn && v.openedOn && v.repaidOn.getTime() < v.openedOn.getTime()) ctx.addIssue({ code: 'custom', path: ['repaidOn'], message: 'repaidOn is before openedOn' })
  })
export type TechDebtInput = z.input<typeof techDebtInputSchema>

export const throughputInputSchema = z.object({
  team: text(200, 'team'),
  month: dateValue('month').transform(monthStart),
  featuresShipped: z.preprocess((v) => {
    const b = blank(v)
    return typeof b === 'string' ? Number(b) : b
  }, z.number({ error: 'featuresShipped is required and must be a number' }).int('featuresShipped must be a whole number').min(0, 'featuresShipped cannot be negative').max(100_000)),
  source: sourceSchema.optional(),
})
export type ThroughputInput = z.input<typeof throughputInputSchema>

const CATEGORY_WORDS: Record<string, (typeof BUDGET_CATEGORIES)[number]> = {
  training: 'TRAINING', trainingandcourses: 'TRAINING', courses: 'TRAINING', training_and_courses: 'TRAINING',
  experttime: 'EXPERT_TIME', expert_time: 'EXPERT_TIME', experts: 'EXPERT_TIME',
  toollicences: 'TOOL_LICENCES', toollicenses: 'TOOL_LICENCES', licences: 'TOOL_LICENCES', licenses: 'TOOL_LICENCES', tool_licences: 'TOOL_LICENCES',
  tokenspend: 'TOKEN_SPEND', tokenapispend: 'TOKEN_SPEND', apispend: 'TOKEN_SPEND', tokens: 'TOKEN_SPEND', token_spend: 'TOKEN_SPEND',
  hardware: 'HARDWARE',
}

export function budgetCategory(raw: string): (typeof BUDGET_CATEGORIES)[number] | null {
  const k = raw.trim().toLowerCase().replace(/[^a-z]/g, '')
  return CATEGORY_WORDS[k] ?? CATEGORY_WORDS[raw.trim().toLowerCase()] ?? null
}

export const budgetInputSchema = z.object({
  externalId: optText(200, 'externalId'),
  source: sourceSchema.optional(),
  month: dateValue('month').transform(monthStart),
  category: z.preprocess((v) => {
    const b = blank(v)
    return typeof b === 'string' ? (budgetCategory(b) ?? b) : b
  }, z.enum(BUDGET_CATEGORIES, { error: (iss) => (iss.input === undefined ? 'category is required' : `unknown category "${shown(iss.input)}" (expected training, expert_time, tool_licences, token_spend or hardware)`) })),
  /** Team slug, name or alias; empty for an organisation-wide line. */
  team: optText(200, 'team'),
  amount: z.preprocess((v) => {
    const b = blank(v)
    if (typeof b === 'number') return String(b)
    return typeof b === 'string' ? b.trim().replace(/[\s,]/g, '') : b
  }, z.string({ error: 'amount is required' }).regex(/^-?\d{1,12}(\.\d{1,2})?$/, 'amount must be a number with at most 2 decimals (e.g. 1234.50)')),
  currency: z.preprocess(blank, z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'currency must be a 3-letter code such as EUR').default('EUR')),
  note: optText(500, 'note'),
})
export type BudgetInput = z.input<typeof budgetInputSchema>

/** The REST API takes a JSON array of records. */
export const batchSchema = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'Send a JSON array of records.' }).min(1, 'Send at least one record.').max(MAX_API_RECORDS, `At most ${MAX_API_RECORDS} records per request.`)

export const importKindSchema = z.enum(IMPORT_KINDS)
export const importFormatSchema = z.enum(FORMATS)

export const importOptionsSchema = z.object({
  kind: importKindSchema,
  format: importFormatSchema.optional(),
  validOnly: z.boolean().default(false),
  debtLabel: z.string().trim().min(1).max(100).optional(),
  debtType: z.string().trim().min(1).max(100).optional(),
  fileName: z.string().max(255).optional(),
})
export type ImportOptions = z.input<typeof importOptionsSchema>

export const teamAliasInputSchema = z.object({
  source: sourceSchema,
  alias: z.string().trim().min(1).max(200),
  /** Team id, slug or exact name. */
  team: z.string().trim().min(1).max(200),
})
export const teamAliasesInputSchema = z.object({ aliases: z.array(teamAliasInputSchema).min(1).max(500) })

const listBase = {
  team: z.string().trim().max(200).optional(),
  since: z.preprocess(blank, z.string().optional()),
  until: z.preprocess(blank, z.string().optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
}
export const incidentListQuerySchema = z.object({ ...listBase, severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']).optional() })
export const techDebtListQuerySchema = z.object(listBase)
export const throughputListQuerySchema = z.object(listBase)
export const budgetListQuerySchema = z.object({ ...listBase, category: z.enum(BUDGET_CATEGORIES).optional() })
