import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { assertSeesPlan, canSeeEverything } from '@/lib/rollout/access'
import { burnoutRisk, mandateWithoutTraining } from '@/lib/rollout/readiness-rules'
import { dependencyCycles, isoDay, planWarnings, type Stage } from '@/lib/rollout/rules'
import { MIN_RESPONDENTS } from '@/lib/outcomes/rules'

export interface PhaseView {
  id: string
  stage: Stage
  name: string
  position: number
  status: string
  plannedStart: string
  plannedEnd: string
  actualStart: string | null
  actualEnd: string | null
  version: number
  notes: string | null
  criteria: number
  openHighFindings: number
  cohorts: Array<{ id: string; name: string; active: boolean }>
}

export interface PlanView {
  id: string
  name: string
  description: string | null
  status: string
  startsOn: string
  endsOn: string
  version: number
  phases: PhaseView[]
  warnings: string[]
}

const d = (x: Date | null) => (x ? isoDay(x) : null)

/** Everyone signed in (home.view). The current plan (active, else newest) with its phases and checks; null when none. */
export async function getPlan(user: SessionUser, planId?: string): Promise<PlanView | null> {
  assertSeesPlan(user)
  const plan = await db.rolloutPlan.findFirst({
    where: planId ? { id: planId } : { status: { in: ['ACTIVE', 'DRAFT'] } },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    select: {
      id: true, name: true, description: true, status: true, startsOn: true, endsOn: true, version: true,
      phases: {
        orderBy: { position: 'asc' },
        select: {
          id: true, stage: true, name: true, position: true, status: true, plannedStart: true, plannedEnd: true, actualStart: true, actualEnd: true, version: true, notes: true,
          _count: { select: { criteria: true } },
          findings: { where: { status: 'OPEN', severity: { in: ['HIGH', 'CRITICAL'] } }, select: { id: true } },
          cohorts: { select: { id: true, name: true, active: true }, orderBy: { createdAt: 'asc' } },
        },
      },
    },
  })
  if (!plan) {
    if (planId) throw new NotFoundError('No such plan.')
    return null
  }
  const phases: PhaseView[] = plan.phases.map((p) => ({
    id: p.id, stage: p.stage as Stage, name: p.name, position: p.position, status: p.status,
    plannedStart: isoDay(p.plannedStart), plannedEnd: isoDay(p.plannedEnd), actualStart: d(p.actualStart), actualEnd: d(p.actualEnd),
    version: p.version, notes: p.notes, criteria: p._count.criteria, openHighFindings: p.findings.length, cohorts: p.cohorts,
  }))
  return {
    id: plan.id, name: plan.name, description: plan.description, status: plan.status, startsOn: isoDay(plan.startsOn), endsOn: isoDay(plan.endsOn), version: plan.version, phases,
    warnings: planWarnings(plan.phases.map((p) => ({ stage: p.stage as Stage, name: p.name, plannedStart: p.plannedStart, plannedEnd: p.plannedEnd }))),
  }
}

export interface TeamView {
  id: string
  slug: string
  name: string
  size: number
  manager: string | null
  managerId: string | null
  stage: Stage | null
  cohort: { id: string; name: string } | null
  isControl: boolean
  dependsOn: Array<{ teamId: string; name: string; weight: number }>
  dependedOnBy: Array<{ teamId: string; name: string; weight: number }>
  readiness: { learningHoursPerWeek: number; commitmentsRelaxed: boolean; commitmentsNote: string | null; version: number } | null
}

/** home.view. Teams with size, manager, dependencies and current stage; developers see their own team only. Cycles are listed, not refused. */
export async function listTeams(user: SessionUser): Promise<{ teams: TeamView[]; cycles: string[][] }> {
  assertSeesPlan(user)
  const where = canSeeEverything(user) ? {} : { id: user.teamId ?? '00000000-0000-0000-0000-000000000000' }
  const rows = await db.team.findMany({
    where,
    orderBy: { name: 'asc' },
    select: {
      id: true, slug: true, name: true, size: true, managerId: true, manager: { select: { name: true } },
      dependsOn: { select: { toTeamId: true, weight: true, toTeam: { select: { name: true } } } },
      dependedOnBy: { select: { fromTeamId: true, weight: true, fromTeam: { select: { name: true } } } },
      cohortMemberships: { where: { leftOn: null }, select: { cohort: { select: { id: true, name: true, stage: true } } } },
      controlFor: { where: { cohort: { active: true } }, select: { cohortId: true } },
      readiness: { select: { learningHoursPerWeek: true, commitmentsRelaxed: true, commitmentsNote: true, version: true } },
    },
  })
  const teams: TeamView[] = rows.map((t) => ({
    id: t.id, slug: t.slug, name: t.name, size: t.size, manager: t.manager?.name ?? null, managerId: t.managerId,
    stage: (t.cohortMemberships[0]?.cohort.stage as Stage) ?? null,
    cohort: t.cohortMemberships[0] ? { id: t.cohortMemberships[0].cohort.id, name: t.cohortMemberships[0].cohort.name } : null,
    isControl: t.controlFor.length > 0,
    dependsOn: t.dependsOn.map((e) => ({ teamId: e.toTeamId, name: e.toTeam.name, weight: e.weight })),
    dependedOnBy: t.dependedOnBy.map((e) => ({ teamId: e.fromTeamId, name: e.fromTeam.name, weight: e.weight })),
    readiness: t.readiness ? { learningHoursPerWeek: Number(t.readiness.learningHoursPerWeek), commitmentsRelaxed: t.readiness.commitmentsRelaxed, commitmentsNote: t.readiness.commitmentsNote, version: t.readiness.version } : null,
  }))
  const names = new Map(teams.map((t) => [t.id, t.name]))
  const edges = teams.flatMap((t) => t.dependsOn.map((e) => ({ from: t.id, to: e.teamId, weight: e.weight })))
  const cycles = dependencyCycles(teams.map((t) => t.id), edges).map((c) => c.map((id) => names.get(id)!).sort())
  return { teams, cycles }
}

export interface CohortView {
  id: string
  name: string
  stage: Stage
  active: boolean
  phaseId: string | null
  phaseName: string | null
  startedOn: string | null
  endedOn: string | null
  teams: Array<{ id: string; name: string; joinedOn: string }>
  people: Array<{ id: string; name: string; joinedOn: string }>
  controlTeams: Array<{ id: string; name: string }>
}

/** rollout.view. Every cohort with its current members and control teams. */
export async function listCohorts(user: SessionUser, filter: { active?: boolean; stage?: Stage } = {}): Promise<CohortView[]> {
  assertCan(user, 'rollout.view')
  const rows = await db.cohort.findMany({
    where: { ...(filter.active === undefined ? {} : { active: filter.active }), ...(filter.stage ? { stage: filter.stage } : {}) },
    orderBy: [{ active: 'desc' }, { createdAt: 'asc' }],
    select: {
      id: true, name: true, stage: true, active: true, phaseId: true, phase: { select: { name: true } }, startedOn: true, endedOn: true,
      memberships: { where: { leftOn: null }, select: { joinedOn: true, team: { select: { id: true, name: true } }, user: { select: { id: true, name: true } } } },
      controlTeams: { select: { team: { select: { id: true, name: true } } } },
    },
  })
  return rows.map((c) => ({
    id: c.id, name: c.name, stage: c.stage as Stage, active: c.active, phaseId: c.phaseId, phaseName: c.phase?.name ?? null, startedOn: d(c.startedOn), endedOn: d(c.endedOn),
    teams: c.memberships.filter((m) => m.team).map((m) => ({ id: m.team!.id, name: m.team!.name, joinedOn: isoDay(m.joinedOn) })).sort((a, b) => a.name.localeCompare(b.name)),
    people: c.memberships.filter((m) => m.user).map((m) => ({ id: m.user!.id, name: m.user!.name, joinedOn: isoDay(m.joinedOn) })).sort((a, b) => a.name.localeCompare(b.name)),
    controlTeams: c.controlTeams.map((x) => x.team).sort((a, b) => a.name.localeCompare(b.name)),
  }))
}

export interface TeamFlags {
  teamId: string
  mandateWithoutTraining: string[]
  burnout: { flagged: boolean; reasons: string[]; figures: BurnoutFigures }
}

export interface BurnoutFigures {
  satisfactionBefore: number | null
  satisfactionNow: number | null
  incidentsBefore: number | null
  incidentsNow: number | null
  offHoursBefore: number | null
  offHoursNow: number | null
}

const DAY = 86_400_000

/**
 * Per team: high-severity incident and off-hours rates per 100 developers per month, and mean
 * satisfaction (groups of 5+ only), for the last 3 months and the 3 before. One grouped query each.
 */
export async function burnoutFigures(teamIds: string[], asOf = new Date()): Promise<Map<string, BurnoutFigures>> {
  const out = new Map<string, BurnoutFigures>()
  if (!teamIds.length) return out
  const mid = new Date(asOf.getTime() - 91 * DAY)
  const start = new Date(asOf.getTime() - 182 * DAY)
  const inc = await db.$queryRaw<Array<{ teamId: string; now: boolean; high: number; off: number; reported: number; devs: number }>>(Prisma.sql`
    SELECT i."teamId", i."startedAt" >= ${mid} AS now,
           count(*) FILTER (WHERE i.severity IN ('SEV1','SEV2'))::int AS high,
           COALESCE(SUM(COALESCE(i."offHourInterruptions",0) + COALESCE(i."sleepHourInterruptions",0)
             + CASE WHEN COALESCE(i."workloadMinutesLate",0) + COALESCE(i."workloadMinutesSleeping",0) > 0 THEN 1 ELSE 0 END), 0)::int AS off,
           count(*) FILTER (WHERE i."offHourInterruptions" IS NOT NULL OR i."sleepHourInterruptions" IS NOT NULL OR i."workloadMinutesLate" IS NOT NULL OR i."workloadMinutesSleeping" IS NOT NULL)::int AS reported,
           MAX(t.size)::int AS devs
    FROM "Incident" i JOIN "Team" t ON t.id = i."teamId"
    WHERE i."teamId" = ANY(${teamIds}::uuid[]) AND i."startedAt" >= ${start} AND i."startedAt" < ${asOf}
    GROUP BY 1, 2`)
  const sat = await db.$queryRaw<Array<{ teamId: string; now: boolean; n: number; mean: number | null }>>(Prisma.sql`
    SELECT r."teamId", r."submittedOn" >= ${mid}::date AS now, count(DISTINCT r.id)::int AS n, AVG(a.score)::float8 AS mean
    FROM "SurveyResponse" r JOIN "SurveyAnswer" a ON a."responseId" = r.id JOIN "SurveyQuestion" q ON q.id = a."questionId" AND q.key = 'overall'
    WHERE r."teamId" = ANY(${teamIds}::uuid[]) AND r."submittedOn" >= ${start}::date AND r."submittedOn" < ${asOf}::date AND a.score IS NOT NULL
    GROUP BY 1, 2`)
  const sizes = new Map((await db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, size: true } })).map((t) => [t.id, t.size]))
  const r2 = (x: number) => Math.round(x * 100) / 100
  for (const id of teamIds) {
    const size = sizes.get(id) ?? 0
    const per = (n: number | undefined) => (size > 0 && n !== undefined ? r2((n * 100) / size / 3) : null)
    const ib = inc.find((x) => x.teamId === id && !x.now)
    const inw = inc.find((x) => x.teamId === id && x.now)
    const sb = sat.find((x) => x.teamId === id && !x.now)
    const sn = sat.find((x) => x.teamId === id && x.now)
    const visible = (s: typeof sb) => (s && s.n >= MIN_RESPONDENTS && s.mean !== null ? r2(s.mean) : null)
    out.set(id, {
      incidentsBefore: per(ib?.high ?? 0), incidentsNow: per(inw?.high ?? 0),
      offHoursBefore: ib && ib.reported > 0 ? per(ib.off) : null, offHoursNow: inw && inw.reported > 0 ? per(inw.off) : null,
      satisfactionBefore: visible(sb), satisfactionNow: visible(sn),
    })
  }
  return out
}

/** rollout.view (or a developer for their own team). Readiness flags with the figures behind them. */
export async function teamFlags(user: SessionUser, teams: TeamView[], asOf = new Date()): Promise<Map<string, TeamFlags>> {
  assertSeesPlan(user)
  const visible = canSeeEverything(user) ? teams : teams.filter((t) => t.id === user.teamId)
  const figures = await burnoutFigures(visible.map((t) => t.id), asOf)
  const out = new Map<string, TeamFlags>()
  for (const t of visible) {
    const f = figures.get(t.id)!
    const b = burnoutRisk(f)
    out.set(t.id, { teamId: t.id, mandateWithoutTraining: t.stage ? mandateWithoutTraining(t.readiness) : [], burnout: { ...b, figures: f } })
  }
  return out
}
