import { MIN_COMMENT_RESPONDENTS, MIN_RESPONDENTS } from '@/lib/outcomes/rules'

// Pure rules of pulse surveys (no database, no Next): the standard questions, the survey's life
// cycle, who is asked, and anonymity protection of results. The thresholds come from
// lib/outcomes/rules.ts; the differencing protection below is survey-specific and documented in
// docs/decisions/0007-survey-anonymity.md.

export const STAGES = ['EXPERTS', 'PILOT', 'BROAD'] as const
export type StageName = (typeof STAGES)[number]
export const STAGE_LABELS: Record<StageName, string> = { EXPERTS: 'Experts', PILOT: 'Pilot', BROAD: 'Broad rollout' }
/** The label of a response given by someone not (yet) in any rollout stage. */
export const NO_STAGE_LABEL = 'Not yet in the rollout'
export const NO_TEAM_LABEL = 'No team'
export const NO_COHORT_LABEL = 'No cohort'

export type QuestionKindName = 'SCALE_1_5' | 'FREE_TEXT'
export interface StandardQuestion {
  key: string
  prompt: string
  kind: QuestionKindName
  optional: boolean
}

/** The pulse's questions. Keys are stable across surveys: results compare month to month by key. */
export const STANDARD_QUESTIONS: readonly StandardQuestion[] = [
  { key: 'overall', kind: 'SCALE_1_5', optional: false, prompt: 'Overall, how satisfied are you with your work at the moment?' },
  { key: 'tools_help', kind: 'SCALE_1_5', optional: false, prompt: 'The AI tools help me do good work.' },
  { key: 'time_to_learn', kind: 'SCALE_1_5', optional: false, prompt: 'I have enough time to learn the tools.' },
  { key: 'workload', kind: 'SCALE_1_5', optional: false, prompt: 'My workload is sustainable.' },
  { key: 'comment', kind: 'FREE_TEXT', optional: true, prompt: 'Anything you want the rollout team to know? Shown only for groups of 10 or more, never with your name.' },
]
export const COMMENT_KEY = 'comment'
export const SCALE_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'] as const
export const OVERALL_LABELS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'] as const
export const scaleLabels = (key: string) => (key === 'overall' ? OVERALL_LABELS : SCALE_LABELS)
export const COMMENT_MAX = 2000

// ---------------------------------------------------------------------------------------------
// Life cycle
// ---------------------------------------------------------------------------------------------

export type SurveyStatusName = 'SCHEDULED' | 'OPEN' | 'CLOSED'

/** The status at `now`: a stored CLOSED (closed early) wins; otherwise the window decides. */
export function effectiveStatus(s: { status: SurveyStatusName; opensAt: Date; closesAt: Date }, now: Date): SurveyStatusName {
  if (s.status === 'CLOSED' || now >= s.closesAt) return 'CLOSED'
  if (now >= s.opensAt) return 'OPEN'
  return 'SCHEDULED'
}

export const MAX_SURVEY_DAYS = 62

/** Problems with a survey window, by field (empty when fine). */
export function windowProblems(opensAt: Date, closesAt: Date, now: Date): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if (closesAt.getTime() <= opensAt.getTime()) out.closesAt = ['The survey must close after it opens.']
  else if (closesAt.getTime() - opensAt.getTime() > MAX_SURVEY_DAYS * 86_400_000) out.closesAt = [`A pulse runs at most ${MAX_SURVEY_DAYS} days.`]
  else if (closesAt.getTime() <= now.getTime()) out.closesAt = ['The closing time is already past.']
  if (opensAt.getTime() < now.getTime() - 5 * 60_000) out.opensAt = ['Opening time is in the past: a scheduled pulse opens now or later.']
  return out
}

// ---------------------------------------------------------------------------------------------
// Audience
// ---------------------------------------------------------------------------------------------

/** A response's group attributes, recorded at answer time (never the person). */
export interface GroupAttributes {
  teamId: string | null
  cohortId: string | null
  stage: StageName | null
}

export type Audience = {
  stages: StageName[]
  cohortIds: string[]
  teamIds: string[]
}

export const everyone = (a: Audience) => a.stages.length === 0 && a.cohortIds.length === 0 && a.teamIds.length === 0

/** Whether a person with these group attributes is asked (any listed stage, cohort or team). */
export function inAudience(a: Audience, g: GroupAttributes): boolean {
  if (everyone(a)) return true
  return (g.stage !== null && a.stages.includes(g.stage)) || (g.cohortId !== null && a.cohortIds.includes(g.cohortId)) || (g.teamId !== null && a.teamIds.includes(g.teamId))
}

/**
 * The group attributes recorded with an answer. An expert who joined the rollout as a person in
 * an EXPERTS cohort answers without a team: with about one expert per team, a team on their
 * response would single them out.
 */
export function groupAttributes(input: {
  teamId: string | null
  personalCohort: { id: string; stage: StageName } | null
  teamCohort: { id: string; stage: StageName } | null
}): GroupAttributes {
  if (input.personalCohort?.stage === 'EXPERTS') return { teamId: null, cohortId: input.personalCohort.id, stage: 'EXPERTS' }
  const cohort = input.teamCohort ?? input.personalCohort
  return { teamId: input.teamId, cohortId: cohort?.id ?? null, stage: cohort?.stage ?? null }
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** Counts of scores 1..5, index 0 = score 1. */
export type Distribution = [number, number, number, number, number]
export const emptyDistribution = (): Distribution => [0, 0, 0, 0, 0]

export function addDistributions(a: Distribution, b: Distribution): Distribution {
  return a.map((v, i) => v + b[i]) as Distribution
}

export function mean(d: Distribution): number | null {
  const n = d.reduce((s, v) => s + v, 0)
  if (n === 0) return null
  return Math.round((d.reduce((s, v, i) => s + v * (i + 1), 0) / n) * 100) / 100
}

/** Whether a score is a valid 1-5 answer. */
export const validScore = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5

// ---------------------------------------------------------------------------------------------
// Anonymity: threshold and differencing protection
// ---------------------------------------------------------------------------------------------

/**
 * An atom is the set of responses sharing one exact combination of group attributes. Every figure
 * the product can show (whole survey, any filter combination, any breakdown bucket) is a sum over
 * atoms, so atoms are the unit of the suppression rule.
 */
export interface Atom extends GroupAttributes {
  respondents: number
}

export const atomKey = (g: GroupAttributes) => `${g.teamId ?? '-'}|${g.cohortId ?? '-'}|${g.stage ?? '-'}`

/** A filter on group attributes: undefined = any value; null = responses without that attribute (a breakdown's "No team" bucket). */
export interface Filter {
  teamId?: string | null
  cohortId?: string | null
  stage?: StageName | null
}

export function matchesFilter(g: GroupAttributes, f: Filter): boolean {
  return (f.teamId === undefined || g.teamId === f.teamId) && (f.cohortId === undefined || g.cohortId === f.cohortId) && (f.stage === undefined || g.stage === f.stage)
}

const DIMS = ['teamId', 'cohortId', 'stage'] as const

/**
 * The anonymity blocks of a survey: a partition of its (non-empty) atoms into blocks of at least
 * `min` respondents. Small atoms are merged, smallest first, into the block they share most group
 * attributes with (then the smallest such block), so blocks follow the organisation's shape (a
 * small team joins a team of its own cohort) and large groups stay separately visible.
 *
 * A figure is shown only for a set of responses that is exactly a union of whole blocks. Every
 * visible figure is then constant on blocks, so any sum or difference of visible figures is again
 * a union of blocks: at least `min` respondents or nothing. See docs/decisions/0007.
 * If all responses together are fewer than `min`, the one block is too small and nothing is shown.
 * Returns, for every atom key, its block number.
 */
export function anonymityBlocks(atoms: Atom[], min: number): Map<string, number> {
  interface Block {
    id: number
    n: number
    keys: string[]
    values: Array<Set<string>>
    order: string
  }
  const nonEmpty = atoms.filter((a) => a.respondents > 0)
  let blocks: Block[] = nonEmpty
    .map((a) => ({ n: a.respondents, keys: [atomKey(a)], values: DIMS.map((d) => new Set([String(a[d])])), order: atomKey(a) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((b, id) => ({ ...b, id }))
  const affinity = (a: Block, b: Block) => a.values.reduce((s, vals, i) => s + ([...vals].some((v) => b.values[i].has(v)) ? 1 : 0), 0)
  const byOrder = (a: Block, b: Block) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)
  for (;;) {
    if (blocks.length <= 1) break
    const small = blocks.filter((b) => b.n < min).sort((a, b) => a.n - b.n || byOrder(a, b))[0]
    if (!small) break
    const partner = blocks
      .filter((b) => b !== small)
      .sort((a, b) => affinity(small, b) - affinity(small, a) || a.n - b.n || byOrder(a, b))[0]
    partner.n += small.n
    partner.keys.push(...small.keys)
    partner.values.forEach((vals, i) => small.values[i].forEach((v) => vals.add(v)))
    blocks = blocks.filter((b) => b !== small)
  }
  const out = new Map<string, number>()
  blocks.forEach((b, i) => b.keys.forEach((k) => out.set(k, i)))
  return out
}

export type Visibility = { visible: true; respondents: number } | { visible: false; rule: 'threshold' | 'complementary' }

/**
 * Whether the figures of the responses matching `filter` may be shown: at least `min`
 * respondents (else rule "threshold") and exactly a union of whole anonymity blocks (else rule
 * "complementary": the figure could be subtracted from another to reveal a smaller group).
 */
export function visibility(atoms: Atom[], blocks: Map<string, number>, filter: Filter, min: number): Visibility {
  let n = 0
  const inside = new Set<number>()
  const outside = new Set<number>()
  for (const a of atoms) {
    if (a.respondents <= 0) continue
    const block = blocks.get(atomKey(a))
    if (block === undefined) throw new Error('atom without a block')
    if (matchesFilter(a, filter)) {
      n += a.respondents
      inside.add(block)
    } else outside.add(block)
  }
  if (n < min) return { visible: false, rule: 'threshold' }
  for (const b of inside) if (outside.has(b)) return { visible: false, rule: 'complementary' }
  return { visible: true, respondents: n }
}

/** The survey's protection, computed once per survey from its atoms. */
export function anonymityGuard(atoms: Atom[]) {
  const figures = anonymityBlocks(atoms, MIN_RESPONDENTS)
  const comments = anonymityBlocks(atoms, MIN_COMMENT_RESPONDENTS)
  return {
    figures: (f: Filter) => visibility(atoms, figures, f, MIN_RESPONDENTS),
    comments: (f: Filter) => visibility(atoms, comments, f, MIN_COMMENT_RESPONDENTS),
  }
}

/** The API's fixed reason for any suppressed group (threshold or complementary). */
export const SUPPRESSED_REASON = `fewer than ${MIN_RESPONDENTS} responses` as const

/** Response rate in whole percent, capped at 100 (answers recorded under an earlier team can exceed today's headcount). */
export function responseRate(respondents: number, eligible: number): number | null {
  if (eligible <= 0) return null
  return Math.min(100, Math.round((respondents / eligible) * 100))
}
