import 'server-only'
import { randomInt } from 'node:crypto'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ValidationError } from '@/lib/errors'
import { MIN_COMMENT_RESPONDENTS, NOT_ENOUGH_RESPONSES } from '@/lib/outcomes/rules'
import {
  addDistributions,
  anonymityGuard,
  atomKey,
  effectiveStatus,
  emptyDistribution,
  inAudience,
  matchesFilter,
  mean,
  NO_COHORT_LABEL,
  NO_STAGE_LABEL,
  NO_TEAM_LABEL,
  responseRate,
  STAGE_LABELS,
  STAGES,
  type Atom,
  type Distribution,
  type Filter,
  type GroupAttributes,
  type StageName,
  type SurveyStatusName,
} from '@/lib/surveys/rules'
import { resultsQuerySchema, type Breakdown, type ResultsQuery } from '@/lib/surveys/schemas'
import { attributesOfEveryone, audienceOf, isUuid, loadSurvey, syncStatuses } from './shared'

// Survey results: every figure passes the anonymity guard (lib/surveys/rules.ts) before it leaves
// this module. Suppressed groups carry no figure at all, not even their number of respondents.

export interface QuestionResult {
  key: string
  prompt: string
  mean: number | null
  /** Counts of the answers 1..5 (index 0 = 1). */
  distribution: Distribution
  answered: number
}

export type GroupResult =
  | { suppressed: false; respondents: number; responseRate: number | null; questions: QuestionResult[] }
  | { suppressed: true; rule: 'threshold' | 'complementary'; message: string }

export interface BucketResult {
  key: string
  label: string
  result: GroupResult
}

export interface SurveyResultsView {
  survey: { id: string; title: string; status: SurveyStatusName; opensAt: string; closesAt: string; source: string }
  filter: { team: { id: string; name: string } | null; cohort: { id: string; name: string } | null; stage: StageName | null }
  result: GroupResult
  comments: { visible: true; items: string[] } | { visible: false; message: string } | null
  breakdown: { by: Breakdown; buckets: BucketResult[] } | null
}

type AtomFigures = Atom & { dist: Map<string, Distribution> }

async function loadAtoms(surveyId: string): Promise<AtomFigures[]> {
  const [counts, scores] = await Promise.all([
    db.$queryRaw<Array<{ teamId: string | null; cohortId: string | null; stage: StageName | null; n: number }>>`
      SELECT "teamId"::text AS "teamId", "cohortId"::text AS "cohortId", stage::text AS stage, count(*)::int AS n
      FROM "SurveyResponse" WHERE "surveyId" = ${surveyId}::uuid GROUP BY 1, 2, 3`,
    db.$queryRaw<Array<{ teamId: string | null; cohortId: string | null; stage: StageName | null; key: string; score: number; n: number }>>`
      SELECT r."teamId"::text AS "teamId", r."cohortId"::text AS "cohortId", r.stage::text AS stage, q.key, a.score, count(*)::int AS n
      FROM "SurveyResponse" r
      JOIN "SurveyAnswer" a ON a."responseId" = r.id
      JOIN "SurveyQuestion" q ON q.id = a."questionId"
      WHERE r."surveyId" = ${surveyId}::uuid AND a.score BETWEEN 1 AND 5
      GROUP BY 1, 2, 3, 4, 5`,
  ])
  const atoms = new Map<string, AtomFigures>()
  for (const c of counts) atoms.set(atomKey(c), { teamId: c.teamId, cohortId: c.cohortId, stage: c.stage, respondents: c.n, dist: new Map() })
  for (const s of scores) {
    const atom = atoms.get(atomKey(s))
    if (!atom) continue
    const d = atom.dist.get(s.key) ?? emptyDistribution()
    d[s.score - 1] += s.n
    atom.dist.set(s.key, d)
  }
  return [...atoms.values()]
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

async function resolveFilter(q: ReturnType<typeof resultsQuerySchema.parse>) {
  const fields: Record<string, string[]> = {}
  let team: { id: string; name: string } | null = null
  let cohort: { id: string; name: string } | null = null
  if (q.team) {
    team = isUuid(q.team)
      ? await db.team.findUnique({ where: { id: q.team }, select: { id: true, name: true } })
      : ((await db.team.findUnique({ where: { slug: q.team.toLowerCase() }, select: { id: true, name: true } })) ??
        byNameIgnoringCase(await db.team.findMany({ select: { id: true, name: true } }), q.team))
    if (!team) fields.team = ['No team with this id, slug or name.']
  }
  if (q.cohort) {
    cohort = isUuid(q.cohort)
      ? await db.cohort.findUnique({ where: { id: q.cohort }, select: { id: true, name: true } })
      : byNameIgnoringCase(await db.cohort.findMany({ select: { id: true, name: true } }), q.cohort)
    if (!cohort) fields.cohort = ['No cohort with this id or name.']
  }
  if (Object.keys(fields).length) throw new ValidationError('Some filters name nothing that exists.', fields)
  return { team, cohort, stage: q.stage ?? null }
}

/**
 * outcomes.view. Per-question mean and distribution of a pulse for the whole survey or a filter
 * (team, cohort, stage), optionally broken down by team, cohort or stage; comments for groups of
 * 10+. Errors: NOT_FOUND, INVALID_INPUT (unknown filter value).
 */
export async function getSurveyResults(user: SessionUser, surveyId: string, raw: ResultsQuery = {}): Promise<SurveyResultsView> {
  assertCan(user, 'outcomes.view')
  await syncStatuses()
  const survey = await loadSurvey(db, surveyId)
  const q = parseInput(resultsQuerySchema, raw)
  const resolved = await resolveFilter(q)
  const filter: Filter = {
    ...(resolved.team ? { teamId: resolved.team.id } : {}),
    ...(resolved.cohort ? { cohortId: resolved.cohort.id } : {}),
    ...(resolved.stage ? { stage: resolved.stage } : {}),
  }
  const atoms = await loadAtoms(survey.id)
  const guard = anonymityGuard(atoms)
  const scaleQuestions = survey.questions.filter((x) => x.kind === 'SCALE_1_5')
  const hasComments = survey.questions.some((x) => x.kind === 'FREE_TEXT')

  // Audience sizes for response rates: only for surveys asked in the portal (an import's audience is unknown).
  let population: GroupAttributes[] | null = null
  if (survey.source === 'portal') {
    const audience = audienceOf(survey)
    population = (await attributesOfEveryone()).filter((g) => inAudience(audience, g))
  }

  const figures = (f: Filter): GroupResult => {
    const v = guard.figures(f)
    if (!v.visible) return { suppressed: true, rule: v.rule, message: NOT_ENOUGH_RESPONSES }
    const matching = atoms.filter((a) => matchesFilter(a, f))
    const questions = scaleQuestions.map((sq) => {
      const distribution = matching.reduce((acc, a) => addDistributions(acc, a.dist.get(sq.key) ?? emptyDistribution()), emptyDistribution())
      return { key: sq.key, prompt: sq.prompt, mean: mean(distribution), distribution, answered: distribution.reduce((s, n) => s + n, 0) }
    })
    const eligible = population ? population.filter((g) => matchesFilter(g, f)).length : 0
    return { suppressed: false, respondents: v.respondents, responseRate: population ? responseRate(v.respondents, eligible) : null, questions }
  }

  const result = figures(filter)

  let comments: SurveyResultsView['comments'] = null
  if (hasComments && !result.suppressed) {
    const cv = guard.comments(filter)
    if (!cv.visible) comments = { visible: false, message: `Comments are shown only for groups of at least ${MIN_COMMENT_RESPONDENTS} respondents, so that nobody can be recognised by their words.` }
    else {
      const rows = await db.surveyAnswer.findMany({
        where: {
          text: { not: null },
          question: { surveyId: survey.id, kind: 'FREE_TEXT' },
          response: { surveyId: survey.id, ...('teamId' in filter ? { teamId: filter.teamId } : {}), ...('cohortId' in filter ? { cohortId: filter.cohortId } : {}), ...('stage' in filter ? { stage: filter.stage } : {}) },
        },
        select: { text: true },
        take: 2000,
      })
      comments = { visible: true, items: shuffle(rows.map((r) => r.text!).filter((t) => t.trim().length > 0)) }
    }
  }

  let breakdown: SurveyResultsView['breakdown'] = null
  if (q.breakdown) {
    const dim = q.breakdown === 'team' ? 'teamId' : q.breakdown === 'cohort' ? 'cohortId' : 'stage'
    let buckets: Array<{ key: string; label: string; value: string | null }>
    if (q.breakdown === 'stage') {
      buckets = [...STAGES.map((s) => ({ key: s, label: STAGE_LABELS[s], value: s as string | null })), { key: 'none', label: NO_STAGE_LABEL, value: null }]
    } else {
      // Every group of the audience is listed, answered or not, so that a missing row cannot tell "nobody answered" from "a few answered".
      const ids = new Set<string | null>([...atoms.map((a) => a[dim as 'teamId' | 'cohortId']), ...(population ?? []).map((g) => g[dim as 'teamId' | 'cohortId'])])
      const named = q.breakdown === 'team'
        ? await db.team.findMany({ where: { id: { in: [...ids].filter((x): x is string => x !== null) } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
        : await db.cohort.findMany({ where: { id: { in: [...ids].filter((x): x is string => x !== null) } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
      buckets = named.map((x) => ({ key: x.id, label: x.name, value: x.id as string | null }))
      if (ids.has(null)) buckets.push({ key: 'none', label: q.breakdown === 'team' ? NO_TEAM_LABEL : NO_COHORT_LABEL, value: null })
    }
    breakdown = { by: q.breakdown, buckets: buckets.map((b) => ({ key: b.key, label: b.label, result: figures({ ...filter, [dim]: b.value } as Filter) })) }
  }

  return {
    survey: { id: survey.id, title: survey.title, status: effectiveStatus(survey, new Date()), opensAt: survey.opensAt.toISOString(), closesAt: survey.closesAt.toISOString(), source: survey.source },
    filter: resolved,
    result,
    comments,
    breakdown,
  }
}

/**
 * The row whose name equals `name` ignoring case. Compared here, not with Prisma's case-insensitive
 * `equals` (an ILIKE that leaves \ % _ unescaped: a trailing backslash was a 500 and % matched any
 * name). Teams and cohorts are a few hundred rows at most.
 */
function byNameIgnoringCase<T extends { name: string }>(rows: T[], name: string): T | null {
  const wanted = name.trim().toLocaleLowerCase()
  return rows.find((r) => r.name.toLocaleLowerCase() === wanted) ?? null
}
