import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { ValidationError } from '@/lib/errors'
import { cachedByGeneration } from '@/lib/outcomes/cache'
import {
  addSurveySums, addTeamSums, emptySurveySums, emptyTeamSums, satisfactionFigure, SCALE_QUESTIONS, teamFigures,
  type SatisfactionFigure, type ScaleQuestion, type SurveySums, type TeamFigures, type TeamSums,
} from '@/lib/outcomes/figures'
import { addMonthsToKey, monthKey, monthRange, monthStart } from '@/lib/outcomes/months'
import { suppressNested, type Aggregate } from '@/lib/outcomes/rules'
import { outcomesQuerySchema, type GroupBy, type OutcomesQuery } from '@/lib/outcomes/schemas'

// The outcome dashboard's data (page and GET /api/v1/outcomes). Reads only the rollup tables
// (OutcomeTeamMonth, SurveyTeamRollup, SurveyTeamRespondents, kept by triggers) and small tables
// (teams, cohorts, phases, surveys): its cost grows with teams and months, not with incidents or answers.

/** Months before a group's rollout start that form its baseline. */
export const BASELINE_MONTHS = 12

export interface GroupOption {
  key: string
  label: string
}

export interface MonthFigures extends TeamFigures {
  month: string
  satisfaction: SatisfactionFigure
}

export interface GroupView {
  key: string
  label: string
  teams: number
  developers: number
  /** First month in the rollout (null: not in it). */
  rolloutStart: string | null
  /** Monthly averages over the months before rolloutStart (null when there are none). */
  baseline: (TeamFigures & { from: string; to: string; satisfaction: SatisfactionFigure }) | null
  months: Array<MonthFigures & { inRollout: boolean }>
}

export interface OutcomesView {
  groupBy: GroupBy
  from: string
  to: string
  months: string[]
  phases: Array<{ name: string; stage: string; start: string; end: string | null }>
  groups: GroupView[]
  /** Teams not yet in the rollout in each month. */
  control: { months: Array<MonthFigures & { teams: number }> }
  /** The group keys and labels that can be chosen for groupBy (for filters). */
  options: GroupOption[]
}

interface TeamRow { id: string; name: string; size: number }
interface MembershipRow { teamId: string; cohortId: string; cohortName: string; stage: string; joined: Date; active: boolean }

interface GroupDef { key: string; label: string; teams: string[]; start: string | null }

const STAGE_LABELS: Record<string, string> = { EXPERTS: 'Experts stage', PILOT: 'Pilot stage', BROAD: 'Broad rollout' }

async function loadOrg() {
  const [teams, memberships] = await Promise.all([
    db.$queryRaw<TeamRow[]>`SELECT id::text AS id, name, size FROM "Team" ORDER BY name, id`,
    db.$queryRaw<MembershipRow[]>`
      SELECT m."teamId"::text AS "teamId", c.id::text AS "cohortId", c.name AS "cohortName", c.stage::text AS stage,
             COALESCE(m."joinedOn", c."startedOn") AS joined, c.active
      FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId"
      WHERE m."teamId" IS NOT NULL`,
  ])
  return { teams, memberships }
}

function minMonth(a: string | null, b: string): string {
  return a === null || b < a ? b : a
}

function groupDefs(groupBy: GroupBy, teams: TeamRow[], memberships: MembershipRow[]): GroupDef[] {
  const byKey = new Map<string, GroupDef>()
  if (groupBy === 'team') {
    for (const t of teams) byKey.set(t.id, { key: t.id, label: t.name, teams: [t.id], start: null })
    for (const m of memberships) {
      const g = byKey.get(m.teamId)
      if (g) g.start = minMonth(g.start, monthKey(m.joined))
    }
    return [...byKey.values()]
  }
  for (const m of memberships) {
    const key = groupBy === 'cohort' ? m.cohortId : m.stage
    const label = groupBy === 'cohort' ? m.cohortName : (STAGE_LABELS[m.stage] ?? m.stage)
    const g = byKey.get(key) ?? { key, label, teams: [], start: null }
    if (!g.teams.includes(m.teamId)) g.teams.push(m.teamId)
    g.start = minMonth(g.start, monthKey(m.joined))
    byKey.set(key, g)
  }
  const order = ['EXPERTS', 'PILOT', 'BROAD']
  return [...byKey.values()].sort((a, b) =>
    groupBy === 'stage' ? order.indexOf(a.key) - order.indexOf(b.key) : (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.label.localeCompare(b.label))
}

/** outcomes.view. The groups that can be chosen for a grouping (for filters and the API's `group`). */
export async function listOutcomeGroups(user: SessionUser, groupBy: GroupBy): Promise<GroupOption[]> {
  assertCan(user, 'outcomes.view')
  // Teams, cohorts and memberships move the rollup generation (their triggers), so the list is
  // cached under it like the figures: the dashboard asks for it on every page view.
  return cachedByGeneration(`groups:${groupBy}`, async () => {
    const { teams, memberships } = await loadOrg()
    return groupDefs(groupBy, teams, memberships).map(({ key, label }) => ({ key, label }))
  })
}

type SumRow = { sig: string; control: boolean; month: string } & Record<string, unknown>

/**
 * outcomes.view. Figures per group and month over [from, to], each with the group's pre-rollout
 * baseline and the control group (teams not yet in the rollout) of the same months. Satisfaction
 * cells below the anonymity threshold, or that would reveal one by subtraction, are suppressed.
 * Throws ValidationError for a bad query.
 */
export async function getOutcomes(user: SessionUser, input: unknown): Promise<OutcomesView> {
  assertCan(user, 'outcomes.view')
  const parsed = outcomesQuerySchema.safeParse(input)
  if (!parsed.success) {
    const fields: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) (fields[issue.path.join('.') || 'query'] ??= []).push(issue.message)
    throw new ValidationError('The outcome query is not valid.', fields)
  }
  const q = parsed.data
  return cachedByGeneration(`outcomes:${q.groupBy}:${q.group ?? ''}:${q.from}:${q.to}`, () => computeOutcomes(q))
}

async function computeOutcomes(q: OutcomesQuery): Promise<OutcomesView> {
  const { teams, memberships } = await loadOrg()
  const all = groupDefs(q.groupBy, teams, memberships)
  const options = all.map(({ key, label }) => ({ key, label }))
  const shown = q.group ? all.filter((g) => g.key === q.group) : all
  const months = monthRange(q.from, q.to)

  // Each team's signature: the shown groups it belongs to. Rollups are summed per signature,
  // control flag and month in SQL; groups and control are put together from those leaves here.
  const sigOf = new Map<string, string[]>()
  for (const g of shown) for (const t of g.teams) sigOf.set(t, [...(sigOf.get(t) ?? []), g.key])
  const firstJoin = new Map<string, string>()
  for (const m of memberships) firstJoin.set(m.teamId, minMonth(firstJoin.get(m.teamId) ?? null, monthKey(m.joined)))
  const sizeOf = new Map(teams.map((t) => [t.id, t.size]))

  const starts = shown.map((g) => g.start).filter((s): s is string => s !== null)
  const earliest = starts.reduce((a, s) => (s < a ? s : a), q.from)
  const readFrom = starts.length ? addMonthsToKey(earliest, -BASELINE_MONTHS) : q.from
  const ids = teams.map((t) => t.id)
  const sigs = teams.map((t) => (sigOf.get(t.id) ?? []).join('|'))
  const joins = teams.map((t) => (firstJoin.has(t.id) ? `${firstJoin.get(t.id)}-01` : null))
  const from = monthStart(readFrom)
  const rangeFrom = monthStart(q.from)
  const to = monthStart(q.to)
  const toEnd = monthStart(addMonthsToKey(q.to, 1))

  const sizes = teams.map((t) => t.size)
  const teamCte = Prisma.sql`t AS (SELECT * FROM unnest(${ids}::uuid[], ${sigs}::text[], ${joins}::date[], ${sizes}::int[]) AS t("teamId", sig, joined, size))`
  const [teamRows, answerRows, respondentRows, phases, dataStart] = await Promise.all([
    db.$queryRaw<SumRow[]>`
      WITH ${teamCte}
      SELECT t.sig, (t.joined IS NULL OR t.joined > o.month) AS control, to_char(o.month, 'YYYY-MM') AS month,
        sum(o."incidentsSev1")::int AS "incidentsSev1", sum(o."incidentsSev2")::int AS "incidentsSev2",
        sum(o."incidentsSev3")::int AS "incidentsSev3", sum(o."incidentsSev4")::int AS "incidentsSev4",
        sum(o."resolvedIncidents")::int AS "resolvedIncidents", sum(o."resolveSeconds")::float8 AS "resolveSeconds",
        sum(o."offHourInterruptions")::int AS "offHourInterruptions", sum(o."sleepHourInterruptions")::int AS "sleepHourInterruptions",
        sum(o."workloadMinutesLate")::int AS "workloadMinutesLate", sum(o."workloadMinutesSleeping")::int AS "workloadMinutesSleeping",
        sum(o."debtOpened")::int AS "debtOpened", sum(o."debtOpenedPoints")::int AS "debtOpenedPoints",
        sum(o."debtRepaid")::int AS "debtRepaid", sum(o."debtRepaidPoints")::int AS "debtRepaidPoints",
        sum(o."throughputEntries")::int AS "throughputEntries", sum(o."featuresShipped")::int AS "featuresShipped",
        sum(CASE WHEN o."throughputEntries" > 0 THEN t.size ELSE 0 END)::int AS "throughputDevelopers"
      FROM "OutcomeTeamMonth" o JOIN t ON t."teamId" = o."teamId"
      WHERE o.month >= ${from}::date AND o.month <= ${to}::date AND (o.month >= ${rangeFrom}::date OR t.sig <> '')
      GROUP BY 1, 2, 3`,
    db.$queryRaw<Array<{ sig: string; control: boolean; month: string; key: string; answers: number; sum: number; s1: number; s2: number; s3: number; s4: number; s5: number }>>`
      WITH ${teamCte},
      s AS (SELECT id, date_trunc('month', "opensAt")::date AS month FROM "PulseSurvey" WHERE "opensAt" >= ${from} AND "opensAt" < ${toEnd})
      SELECT t.sig, (t.joined IS NULL OR t.joined > s.month) AS control, to_char(s.month, 'YYYY-MM') AS month, q.key,
        sum(r.answers)::int AS answers, sum(r."scoreSum")::int AS sum, sum(r.score1)::int AS s1, sum(r.score2)::int AS s2,
        sum(r.score3)::int AS s3, sum(r.score4)::int AS s4, sum(r.score5)::int AS s5
      FROM "SurveyTeamRollup" r JOIN s ON s.id = r."surveyId" JOIN t ON t."teamId" = r."teamId"
      JOIN "SurveyQuestion" q ON q.id = r."questionId"
      WHERE q.kind = 'SCALE_1_5' AND q.key IN (${Prisma.join([...SCALE_QUESTIONS])}) AND (s.month >= ${rangeFrom}::date OR t.sig <> '')
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<Array<{ sig: string; control: boolean; month: string; respondents: number }>>`
      WITH ${teamCte},
      s AS (SELECT id, date_trunc('month', "opensAt")::date AS month FROM "PulseSurvey" WHERE "opensAt" >= ${from} AND "opensAt" < ${toEnd})
      SELECT t.sig, (t.joined IS NULL OR t.joined > s.month) AS control, to_char(s.month, 'YYYY-MM') AS month,
        sum(r.respondents)::int AS respondents
      FROM "SurveyTeamRespondents" r JOIN s ON s.id = r."surveyId" JOIN t ON t."teamId" = r."teamId"
      WHERE s.month >= ${rangeFrom}::date OR t.sig <> ''
      GROUP BY 1, 2, 3`,
    db.$queryRaw<Array<{ name: string; stage: string; start: Date; end: Date | null }>>`
      SELECT p.name, p.stage::text AS stage, COALESCE(p."actualStart", p."plannedStart") AS start, COALESCE(p."actualEnd", p."plannedEnd") AS "end"
      FROM "RolloutPhase" p JOIN "RolloutPlan" pl ON pl.id = p."planId"
      WHERE pl.status <> 'ARCHIVED' AND COALESCE(p."actualStart", p."plannedStart") <= ${to}::date + interval '1 month'
        AND COALESCE(p."actualEnd", p."plannedEnd") >= ${rangeFrom}::date
      ORDER BY start, p.position`,
    db.$queryRaw<Array<{ first: Date | null }>>`SELECT min(month) AS first FROM "OutcomeTeamMonth"`,
  ])
  const firstData = dataStart[0]?.first ? monthKey(dataStart[0].first) : null

  // Leaves: (signature, control) per month.
  const leafKey = (sig: string, control: boolean) => `${sig}#${control ? 1 : 0}`
  const teamLeaves = new Map<string, Map<string, SumRow>>() // month -> leaf -> sums
  for (const r of teamRows) {
    const m = teamLeaves.get(r.month) ?? new Map()
    m.set(leafKey(r.sig, r.control), r)
    teamLeaves.set(r.month, m)
  }
  const surveyLeaves = new Map<string, Map<string, SurveySums>>()
  const surveyLeaf = (month: string, leaf: string) => {
    const m = surveyLeaves.get(month) ?? new Map<string, SurveySums>()
    surveyLeaves.set(month, m)
    const s = m.get(leaf) ?? emptySurveySums()
    m.set(leaf, s)
    return s
  }
  for (const r of respondentRows) surveyLeaf(r.month, leafKey(r.sig, r.control)).respondents += r.respondents
  for (const r of answerRows) {
    surveyLeaf(r.month, leafKey(r.sig, r.control)).questions[r.key as ScaleQuestion] = {
      answers: r.answers, sum: r.sum, distribution: [r.s1, r.s2, r.s3, r.s4, r.s5],
    }
  }
  // Parsed once: which shown groups each leaf belongs to (string splitting per lookup is O(groups x leaves)).
  const leafGroups = new Map<string, Set<string>>()
  const groupsOfLeaf = (leaf: string) => {
    let set = leafGroups.get(leaf)
    if (!set) leafGroups.set(leaf, (set = new Set(leaf.slice(0, leaf.lastIndexOf('#')).split('|').filter(Boolean))))
    return set
  }
  const leafIn = (leaf: string, groupKey: string) => groupsOfLeaf(leaf).has(groupKey)
  const leafControl = (leaf: string) => leaf.endsWith('#1')
  const CONTROL = '~control'
  // Per month, the leaves of each shown group (so a group's sums touch only its own leaves).
  const indexLeaves = <T,>(byMonth: Map<string, Map<string, T>>) => {
    const out = new Map<string, Map<string, Array<[string, T]>>>()
    for (const [month, leaves] of byMonth) {
      const perGroup = new Map<string, Array<[string, T]>>()
      for (const [leaf, v] of leaves) for (const g of groupsOfLeaf(leaf)) perGroup.set(g, [...(perGroup.get(g) ?? []), [leaf, v]])
      out.set(month, perGroup)
    }
    return out
  }

  // Anonymity per month: every shown group and the control group are aggregates of leaves.
  const hiddenByMonth = new Map<string, Set<string>>()
  for (const [month, leaves] of surveyLeaves) {
    const keys = [...leaves.keys()]
    const members = new Map<string, string[]>()
    for (const l of keys) for (const g of groupsOfLeaf(l)) members.set(g, [...(members.get(g) ?? []), l])
    const aggregates: Aggregate[] = [
      ...shown.map((g) => ({ key: g.key, leaves: members.get(g.key) ?? [] })),
      ...(month >= q.from ? [{ key: CONTROL, leaves: keys.filter(leafControl) }] : []),
    ]
    hiddenByMonth.set(month, suppressNested(aggregates, new Map(keys.map((k) => [k, leaves.get(k)!.respondents]))))
  }

  const teamByGroup = indexLeaves(teamLeaves)
  const surveyByGroup = indexLeaves(surveyLeaves)
  const sumTeam = (month: string, pick: (leaf: string) => boolean, groupKey?: string) => {
    const s = emptyTeamSums()
    let throughputDevelopers = 0
    const entries = groupKey ? (teamByGroup.get(month)?.get(groupKey) ?? []) : (teamLeaves.get(month) ?? [])
    for (const [leaf, row] of entries) {
      if (!pick(leaf)) continue
      addTeamSums(s, row)
      throughputDevelopers += Number(row.throughputDevelopers ?? 0)
    }
    return { sums: s, throughputDevelopers }
  }
  const sumSurvey = (month: string, pick: (leaf: string) => boolean, groupKey?: string) => {
    const s = emptySurveySums()
    const entries = groupKey ? (surveyByGroup.get(month)?.get(groupKey) ?? []) : (surveyLeaves.get(month) ?? [])
    for (const [leaf, sums] of entries) if (pick(leaf)) addSurveySums(s, sums)
    return s
  }

  const groups: GroupView[] = shown.map((g) => {
    const developers = g.teams.reduce((n, t) => n + (sizeOf.get(t) ?? 0), 0)
    const pick = (leaf: string) => leafIn(leaf, g.key)
    const monthFigures = months.map((month) => {
      const { sums, throughputDevelopers } = sumTeam(month, pick, g.key)
      const survey = sumSurvey(month, pick, g.key)
      return {
        month,
        inRollout: g.start !== null && month >= g.start,
        ...teamFigures(sums, developers, 1, throughputDevelopers),
        satisfaction: satisfactionFigure(survey, hiddenByMonth.get(month)?.has(g.key) ?? false),
      }
    })
    let baseline: GroupView['baseline'] = null
    if (g.start) {
      const bFrom = [addMonthsToKey(g.start, -BASELINE_MONTHS), firstData ?? g.start].sort().at(-1)!
      const bMonths = bFrom < g.start ? monthRange(bFrom, addMonthsToKey(g.start, -1)) : []
      if (bMonths.length) {
        const sums = emptyTeamSums()
        let throughputDevMonths = 0
        const survey = emptySurveySums()
        for (const month of bMonths) {
          const t = sumTeam(month, pick, g.key)
          addTeamSums(sums, t.sums)
          throughputDevMonths += t.throughputDevelopers
          // Only months whose own figure is visible go into the baseline: it reveals nothing new.
          if (!(hiddenByMonth.get(month)?.has(g.key) ?? true)) addSurveySums(survey, sumSurvey(month, pick, g.key))
        }
        baseline = {
          from: bMonths[0],
          to: bMonths[bMonths.length - 1],
          ...teamFigures(sums, developers * bMonths.length, bMonths.length, throughputDevMonths),
          satisfaction: satisfactionFigure(survey, false),
        }
      }
    }
    return { key: g.key, label: g.label, teams: g.teams.length, developers, rolloutStart: g.start, baseline, months: monthFigures }
  })

  const control = {
    months: months.map((month) => {
      const inControl = teams.filter((t) => !firstJoin.has(t.id) || firstJoin.get(t.id)! > month)
      const developers = inControl.reduce((n, t) => n + t.size, 0)
      const { sums, throughputDevelopers } = sumTeam(month, leafControl)
      return {
        month,
        teams: inControl.length,
        ...teamFigures(sums, developers, 1, throughputDevelopers),
        satisfaction: satisfactionFigure(sumSurvey(month, leafControl), hiddenByMonth.get(month)?.has(CONTROL) ?? false),
      }
    }),
  }

  return {
    groupBy: q.groupBy,
    from: q.from,
    to: q.to,
    months,
    phases: phases.map((p) => ({ name: p.name, stage: p.stage, start: p.start.toISOString().slice(0, 10), end: p.end ? p.end.toISOString().slice(0, 10) : null })),
    groups,
    control,
    options,
  }
}

/**
 * outcomes.view. Off-hours load per team and month (PagerDuty off-hour and sleep-hour
 * interruptions, incident.io late and sleeping workload minutes), for the rollout planner's
 * burnout guard. Team lines only.
 */
export async function getOffHoursLoad(user: SessionUser, teamIds: string[], from: string, to: string) {
  assertCan(user, 'outcomes.view')
  const rows = await db.$queryRaw<Array<{ teamId: string; month: string; offHourInterruptions: number; sleepHourInterruptions: number; workloadMinutesLate: number; workloadMinutesSleeping: number; incidents: number }>>`
    SELECT "teamId"::text AS "teamId", to_char(month, 'YYYY-MM') AS month, "offHourInterruptions", "sleepHourInterruptions",
      "workloadMinutesLate", "workloadMinutesSleeping", ("incidentsSev1" + "incidentsSev2" + "incidentsSev3" + "incidentsSev4") AS incidents
    FROM "OutcomeTeamMonth"
    WHERE "teamId" = ANY(${teamIds}::uuid[]) AND month >= ${monthStart(from)}::date AND month <= ${monthStart(to)}::date
    ORDER BY "teamId", month`
  return rows
}

export type { TeamSums }
