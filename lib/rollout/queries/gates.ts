import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError, ValidationError } from '@/lib/errors'
import {
  BASELINE_MONTHS,
  MIN_INCIDENTS_TO_JUDGE,
  MIN_OBSERVATION_DAYS,
  evaluateCriterion,
  gateOutcome,
  type CriterionResult,
  type Figure,
  type GateComparator,
  type GateMetric,
  type GateOutcome,
} from '@/lib/rollout/gate-rules'
import { debtNet, developerCount, incidentFigures, learningTime, monthsIn, openHighFindings, pathCompletion, satisfaction, satisfactionByTeam, type Window } from '@/lib/rollout/metrics'
import { suppressNested } from '@/lib/outcomes/rules'
import { completionFigures, type CompletionFigures } from '@/lib/training/queries/completion'
import type { Stage } from '@/lib/rollout/rules'

const DAY = 86_400_000

export interface CriterionView extends CriterionResult {
  id: string
  metric: GateMetric
  comparator: GateComparator
  threshold: number | null
  description: string
  detail: string | null
}

export interface GateView {
  phaseId: string
  phaseName: string
  stage: Stage
  cohortId: string
  cohortName: string
  teamId: string | null
  subject: string
  startedOn: string
  asOf: string
  outcome: GateOutcome
  reason: string
  criteria: CriterionView[]
}

const rate = (count: number, devs: number, months: number) => (devs > 0 && months > 0 ? Math.round((10000 * count) / devs / months) / 100 : null)

function addMonths(d: Date, n: number) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate()))
}

interface Subject {
  teamIds: string[]
  userIds: string[]
  /** The whole cohort's active members: a team's figure and the cohort's must not differ by a small group. */
  cohort: { teamIds: string[]; userIds: string[] }
  /** Set when the gate is evaluated for one team of the cohort. */
  teamId: string | null
  cohortId: string
  /** The completion page's figures per stage, read once for all the gates evaluated together. */
  completion: CompletionMemo
  controlTeamIds: string[]
  phaseId: string
  stage: Stage
  start: Date
}

async function figureFor(metric: GateMetric, s: Subject, asOf: Date): Promise<Figure> {
  const current: Window = { from: s.start, to: asOf }
  const baseline: Window = { from: addMonths(s.start, -BASELINE_MONTHS), to: s.start }
  const days = Math.floor((asOf.getTime() - s.start.getTime()) / DAY)
  const tooEarly = days < MIN_OBSERVATION_DAYS ? `The stage has run for ${Math.max(0, days)} days; at least ${MIN_OBSERVATION_DAYS} are needed before its outcomes can be judged.` : null
  switch (metric) {
    case 'HIGH_SEVERITY_INCIDENTS_PER_100':
    case 'OFF_HOURS_LOAD': {
      if (s.teamIds.length === 0) return { value: null, insufficient: 'This group has no teams (only people): team incident figures do not apply.' }
      const devs = await developerCount(s.teamIds)
      if (devs === 0) return { value: null, insufficient: 'The teams have no developers recorded.' }
      if (tooEarly) return { value: null, insufficient: tooEarly }
      const [b, c] = await Promise.all([incidentFigures(s.teamIds, baseline), incidentFigures(s.teamIds, current)])
      const bm = monthsIn(baseline)
      const cm = monthsIn(current)
      let control = ''
      if (s.controlTeamIds.length) {
        const cdevs = await developerCount(s.controlTeamIds)
        const [cb, cc] = await Promise.all([incidentFigures(s.controlTeamIds, baseline), incidentFigures(s.controlTeamIds, current)])
        const pick = (f: typeof cb) => (metric === 'OFF_HOURS_LOAD' ? f.offHours : f.highSeverity)
        control = ` Control teams: ${rate(pick(cb), cdevs, bm) ?? 'n/a'} before, ${rate(pick(cc), cdevs, cm) ?? 'n/a'} now.`
      }
      if (metric === 'OFF_HOURS_LOAD') {
        if (b.offHoursReported === 0 || c.offHoursReported === 0) return { value: null, insufficient: `No off-hours data imported for ${b.offHoursReported === 0 ? 'the baseline' : 'the current'} window: cannot judge.` }
        return { value: rate(c.offHours, devs, cm), baseline: rate(b.offHours, devs, bm), detail: `${c.offHours} off-hours interruptions now, ${b.offHours} in the ${BASELINE_MONTHS} months before; ${devs} developers.${control}` }
      }
      if (b.all === 0 || c.all === 0) return { value: null, insufficient: `No incidents imported for these teams in the ${b.all === 0 ? 'baseline' : 'current'} window: cannot judge.` }
      if (b.highSeverity + c.highSeverity < MIN_INCIDENTS_TO_JUDGE) {
        return { value: rate(c.highSeverity, devs, cm), baseline: rate(b.highSeverity, devs, bm), insufficient: `Only ${b.highSeverity + c.highSeverity} SEV1–2 incidents across both windows; at least ${MIN_INCIDENTS_TO_JUDGE} are needed to judge a rate.` }
      }
      return { value: rate(c.highSeverity, devs, cm), baseline: rate(b.highSeverity, devs, bm), detail: `${c.highSeverity} SEV1–2 incidents in ${cm.toFixed(1)} months now, ${b.highSeverity} in the ${BASELINE_MONTHS} months before; ${devs} developers.${control}` }
    }
    case 'SATISFACTION_OVERALL': {
      if (s.teamIds.length === 0) return { value: null, insufficient: 'This group has no teams: team survey figures do not apply.' }
      if (tooEarly) return { value: null, insufficient: tooEarly }
      const [b, c] = await Promise.all([satisfaction(s.teamIds, baseline), satisfaction(s.teamIds, current)])
      if (b.mean === null || c.mean === null) {
        return { value: null, insufficient: `Not enough responses to protect anonymity in the ${b.mean === null ? 'baseline' : 'current'} window (fewer than 5): the figure is withheld.` }
      }
      if (s.teamId && ((await teamRespondentsHidden(s, baseline)) || (await teamRespondentsHidden(s, current)))) return { value: null, insufficient: DIFFERENCING }
      return { value: c.mean, baseline: b.mean, detail: `${c.respondents} responses now, ${b.respondents} in the ${BASELINE_MONTHS} months before.` }
    }
    case 'LEARNING_PATH_COMPLETION': {
      const r = await pathCompletion(s.teamIds, s.userIds, s.stage)
      if (r.modules === 0) return { value: null, insufficient: 'The stage has no learning path yet.' }
      if (r.percent === null) return { value: null, insufficient: `The group has ${r.members} people; completion is shown for groups of 5 or more.` }
      if (s.teamId && (await teamMembersHidden(s))) return { value: null, insufficient: DIFFERENCING }
      // The completion page shows every team's and cohort's figure: what it withholds, the gate does too.
      const page = s.completion.get(s.stage) ?? s.completion.set(s.stage, completionFigures(s.stage)).get(s.stage)!
      if ((await page).hidden.has(s.teamId ? `team:${s.teamId}` : `cohort:${s.cohortId}`)) return { value: null, insufficient: DIFFERENCING_PAGE }
      return { value: r.percent, detail: `${r.members} people, ${r.modules} module${r.modules === 1 ? '' : 's'} on the path.` }
    }
    case 'OPEN_HIGH_SEVERITY_FINDINGS': {
      const n = await openHighFindings(s.phaseId)
      return { value: n, detail: `${n} open high or critical finding${n === 1 ? '' : 's'} in this phase.` }
    }
    case 'LEARNING_TIME_BOOKED': {
      if (s.teamIds.length === 0) return { value: null, insufficient: 'This group has no teams: booked learning time is recorded per team.' }
      const r = await learningTime(s.teamIds)
      if (r.missing.length) return { value: r.lowest, insufficient: `No learning time recorded for ${r.missing.join(', ')}.` }
      return { value: r.lowest, detail: 'The lowest weekly learning time booked among the teams.' }
    }
    case 'TECH_DEBT_NET': {
      if (s.teamIds.length === 0) return { value: null, insufficient: 'This group has no teams.' }
      const r = await debtNet(s.teamIds, { from: new Date(asOf.getTime() - 90 * DAY), to: asOf })
      if (r.items === 0) return { value: null, insufficient: 'No tech debt items imported for these teams.' }
      return { value: r.opened - r.repaid, detail: `${r.opened} points opened, ${r.repaid} repaid in the last 90 days.` }
    }
    case 'ADOPTION': {
      const people = await db.user.count({ where: { active: true, OR: [{ teamId: { in: s.teamIds } }, { id: { in: s.userIds } }] } })
      return { value: people, detail: `${people} people have the tools.` }
    }
    case 'CUSTOM':
      return { value: null }
  }
}

const DIFFERENCING = "Withheld: subtracted from the whole cohort's figure, this team's would reveal a group of fewer than 5 people."
const DIFFERENCING_PAGE = "Withheld: compared with the figure of a team or cohort it overlaps (on the completion page), this one would reveal a group of fewer than 5 people."

/** Per stage: the completion figures of every group, shared by the gates evaluated in one go. */
export type CompletionMemo = Map<string, Promise<CompletionFigures>>

/**
 * Small-group protection across the gate's two views (the cohort, each of its teams), by the rule
 * survey results follow (lib/outcomes/rules.ts suppressNested): when the cohort minus its visible
 * teams leaves a group of 1-4, a team's figure is withheld, so that no two figures a leader can
 * open subtract to that group. The cohort's own figure stays.
 */
function teamHidden(s: Subject, leaves: ReadonlyMap<string, number>, teamOf: (leaf: string) => string | null): boolean {
  const byTeam = new Map<string, string[]>()
  for (const leaf of leaves.keys()) {
    const team = teamOf(leaf)
    if (team && s.cohort.teamIds.includes(team)) byTeam.set(team, [...(byTeam.get(team) ?? []), leaf])
  }
  const aggregates = [{ key: 'cohort', leaves: [...leaves.keys()] }, ...[...byTeam].map(([team, l]) => ({ key: team, leaves: l }))]
  return suppressNested(aggregates, leaves).has(s.teamId!)
}

/** Satisfaction: the leaves are the cohort's teams, each with its respondents in the window. */
async function teamRespondentsHidden(s: Subject, w: Window): Promise<boolean> {
  const byTeam = await satisfactionByTeam(s.cohort.teamIds, w)
  return teamHidden(s, new Map([...byTeam].map(([team, f]) => [team, f.respondents])), (team) => team)
}

/**
 * Learning-path completion: the leaves are the cohort's people (its teams' and those named alone),
 * counted once. The completion page's rule (below it in figureFor) covers active cohorts too; this
 * one also holds for a cohort the page does not list.
 */
async function teamMembersHidden(s: Subject): Promise<boolean> {
  const people = await db.user.findMany({
    where: { active: true, OR: [{ teamId: { in: s.cohort.teamIds } }, { id: { in: s.cohort.userIds } }] },
    select: { id: true, teamId: true },
  })
  const teamOf = new Map(people.map((p) => [p.id, p.teamId]))
  return teamHidden(s, new Map(people.map((p) => [p.id, 1])), (id) => teamOf.get(id) ?? null)
}

/**
 * rollout.view. The gate of a cohort's phase, evaluated for the whole cohort or one of its teams,
 * with the live figure of every criterion. Errors: NOT_FOUND, INVALID_INPUT.
 */
export async function evaluateGate(user: SessionUser, input: { cohortId: string; teamId?: string }, asOf = new Date()): Promise<GateView> {
  assertCan(user, 'rollout.view')
  return evaluateGateUnchecked(input, asOf)
}

export async function evaluateGateUnchecked(input: { cohortId: string; teamId?: string }, asOf = new Date(), completion: CompletionMemo = new Map()): Promise<GateView> {
  const cohort = await db.cohort.findUnique({
    where: { id: input.cohortId },
    select: {
      id: true, name: true, stage: true, startedOn: true,
      phase: { select: { id: true, name: true, stage: true, actualStart: true, plannedStart: true, criteria: { orderBy: { createdAt: 'asc' } } } },
      memberships: { where: { leftOn: null }, select: { teamId: true, userId: true, joinedOn: true, team: { select: { name: true } } } },
      controlTeams: { select: { teamId: true } },
    },
  })
  if (!cohort) throw new NotFoundError('No such cohort.')
  if (!cohort.phase) throw new ValidationError('This cohort is not attached to a phase, so it has no gate.')
  const phase = cohort.phase
  const whole = { teamIds: cohort.memberships.flatMap((m) => (m.teamId ? [m.teamId] : [])), userIds: cohort.memberships.flatMap((m) => (m.userId ? [m.userId] : [])) }
  let { teamIds, userIds } = whole
  let start = cohort.startedOn ?? phase.actualStart ?? phase.plannedStart
  let subject = cohort.name
  if (input.teamId) {
    const m = cohort.memberships.find((x) => x.teamId === input.teamId)
    if (!m) throw new NotFoundError('That team is not an active member of this cohort.')
    teamIds = [input.teamId]
    userIds = []
    start = m.joinedOn
    subject = m.team?.name ?? 'team'
  }
  const s: Subject = { teamIds, userIds, cohort: whole, teamId: input.teamId ?? null, cohortId: cohort.id, completion, controlTeamIds: cohort.controlTeams.map((c) => c.teamId), phaseId: phase.id, stage: phase.stage, start }
  const criteria: CriterionView[] = []
  for (const c of phase.criteria) {
    const figure = await figureFor(c.metric as GateMetric, s, asOf)
    const threshold = c.threshold === null ? null : Number(c.threshold)
    const r = evaluateCriterion({ metric: c.metric as GateMetric, comparator: c.comparator, threshold }, figure)
    criteria.push({ ...r, id: c.id, metric: c.metric as GateMetric, comparator: c.comparator, threshold, description: c.description, detail: figure.detail ?? null })
  }
  const g = gateOutcome(criteria)
  return {
    phaseId: phase.id,
    phaseName: phase.name,
    stage: phase.stage,
    cohortId: cohort.id,
    cohortName: cohort.name,
    teamId: input.teamId ?? null,
    subject,
    startedOn: start.toISOString().slice(0, 10),
    asOf: asOf.toISOString().slice(0, 10),
    outcome: g.outcome,
    reason: g.reason,
    criteria,
  }
}
