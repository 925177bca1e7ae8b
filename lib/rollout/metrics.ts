import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { MIN_RESPONDENTS } from '@/lib/outcomes/rules'

// The rollout planner's own small queries over the base tables (Incident, SurveyResponse/Answer,
// TechDebtItem, LearningCompletion, TeamReadiness, Finding) for a set of teams and a date window.
// No per-person figure leaves this file: every figure is for a group, and survey figures only for
// groups of MIN_RESPONDENTS or more.

const DAY = 86_400_000

export interface Window {
  from: Date
  to: Date
}

export function monthsIn(w: Window): number {
  return Math.max(0, (w.to.getTime() - w.from.getTime()) / (30.44 * DAY))
}

/** Developers of a set of teams: the declared size, or the active members where no size is declared. */
export async function developerCount(teamIds: string[]): Promise<number> {
  if (teamIds.length === 0) return 0
  const rows = await db.$queryRaw<Array<{ n: number }>>(Prisma.sql`
    SELECT COALESCE(SUM(CASE WHEN t.size > 0 THEN t.size ELSE (SELECT count(*) FROM "User" u WHERE u."teamId" = t.id AND u.active) END), 0)::int AS n
    FROM "Team" t WHERE t.id = ANY(${teamIds}::uuid[])`)
  return rows[0]?.n ?? 0
}

export interface IncidentFigures {
  highSeverity: number
  all: number
  /** Off-hours interruptions: PagerDuty off-hour + sleep-hour interruptions, plus incident.io incidents with late or sleeping workload. */
  offHours: number
  /** Incidents that carry any off-hours field at all (0: the source does not report it). */
  offHoursReported: number
}

export async function incidentFigures(teamIds: string[], w: Window): Promise<IncidentFigures> {
  if (teamIds.length === 0) return { highSeverity: 0, all: 0, offHours: 0, offHoursReported: 0 }
  const rows = await db.$queryRaw<Array<IncidentFigures>>(Prisma.sql`
    SELECT count(*) FILTER (WHERE severity IN ('SEV1', 'SEV2'))::int AS "highSeverity",
           count(*)::int AS "all",
           COALESCE(SUM(COALESCE("offHourInterruptions", 0) + COALESCE("sleepHourInterruptions", 0)
             + CASE WHEN COALESCE("workloadMinutesLate", 0) + COALESCE("workloadMinutesSleeping", 0) > 0 THEN 1 ELSE 0 END), 0)::int AS "offHours",
           count(*) FILTER (WHERE "offHourInterruptions" IS NOT NULL OR "sleepHourInterruptions" IS NOT NULL
             OR "workloadMinutesLate" IS NOT NULL OR "workloadMinutesSleeping" IS NOT NULL)::int AS "offHoursReported"
    FROM "Incident"
    WHERE "teamId" = ANY(${teamIds}::uuid[]) AND "startedAt" >= ${w.from} AND "startedAt" < ${w.to}`)
  return rows[0]
}

export interface SatisfactionFigure {
  respondents: number
  /** null below the anonymity threshold. */
  mean: number | null
}

/** Per team: respondents to the "overall" question in the window, and the sum and number of their scores (teams without any are left out). */
export async function satisfactionByTeam(teamIds: string[], w: Window): Promise<Map<string, { respondents: number; scoreSum: number; answers: number }>> {
  if (teamIds.length === 0) return new Map()
  const rows = await db.$queryRaw<Array<{ teamId: string; respondents: number; scoreSum: number; answers: number }>>(Prisma.sql`
    SELECT r."teamId", count(DISTINCT r.id)::int AS respondents, sum(a.score)::int AS "scoreSum", count(a.score)::int AS answers
    FROM "SurveyResponse" r
    JOIN "SurveyAnswer" a ON a."responseId" = r.id
    JOIN "SurveyQuestion" q ON q.id = a."questionId" AND q.key = 'overall'
    WHERE r."teamId" = ANY(${teamIds}::uuid[]) AND r."submittedOn" >= ${w.from}::date AND r."submittedOn" < ${w.to}::date AND a.score IS NOT NULL
    GROUP BY r."teamId"`)
  return new Map(rows.map(({ teamId, ...figures }) => [teamId, figures]))
}

/** Mean "overall" score of the pulse responses of these teams in the window (shown for 5+ respondents only). */
export async function satisfaction(teamIds: string[], w: Window): Promise<SatisfactionFigure> {
  let respondents = 0
  let scoreSum = 0
  let answers = 0
  for (const t of (await satisfactionByTeam(teamIds, w)).values()) {
    respondents += t.respondents
    scoreSum += t.scoreSum
    answers += t.answers
  }
  return { respondents, mean: respondents >= MIN_RESPONDENTS && answers > 0 ? Math.round((scoreSum / answers) * 100) / 100 : null }
}

/** Share (0-100) of the stage's learning path completed by the people of these teams and these persons; null for groups under 5. */
export async function pathCompletion(teamIds: string[], userIds: string[], stage: 'EXPERTS' | 'PILOT' | 'BROAD'): Promise<{ members: number; modules: number; percent: number | null }> {
  const rows = await db.$queryRaw<Array<{ members: number; modules: number; done: number }>>(Prisma.sql`
    WITH path AS (
      SELECT i."moduleId" FROM "LearningPathItem" i JOIN "LearningPath" p ON p.id = i."pathId"
      JOIN "TrainingModule" m ON m.id = i."moduleId"
      WHERE p.stage = ${stage}::"Stage" AND m."latestVersion" > 0 AND m."retiredAt" IS NULL
    ),
    people AS (
      SELECT u.id FROM "User" u WHERE u.active AND (u."teamId" = ANY(${teamIds}::uuid[]) OR u.id = ANY(${userIds}::uuid[]))
    )
    SELECT (SELECT count(*) FROM people)::int AS members, (SELECT count(*) FROM path)::int AS modules,
           (SELECT count(*) FROM "LearningCompletion" lc WHERE lc."userId" IN (SELECT id FROM people) AND lc."moduleId" IN (SELECT "moduleId" FROM path))::int AS done`)
  const r = rows[0]
  const MIN_GROUP = 5
  return { members: r.members, modules: r.modules, percent: r.members < MIN_GROUP || r.modules === 0 ? null : Math.round((1000 * r.done) / (r.members * r.modules)) / 10 }
}

/** Tech debt points opened minus repaid in the window (S=1, M=3, L=8 where no points are given); null when no items at all. */
export async function debtNet(teamIds: string[], w: Window): Promise<{ opened: number; repaid: number; items: number }> {
  if (teamIds.length === 0) return { opened: 0, repaid: 0, items: 0 }
  const rows = await db.$queryRaw<Array<{ opened: number; repaid: number; items: number }>>(Prisma.sql`
    WITH d AS (SELECT COALESCE(points, CASE size WHEN 'S' THEN 1 WHEN 'M' THEN 3 ELSE 8 END) AS pts, "openedOn", "repaidOn" FROM "TechDebtItem" WHERE "teamId" = ANY(${teamIds}::uuid[]))
    SELECT COALESCE(SUM(pts) FILTER (WHERE "openedOn" >= ${w.from}::date AND "openedOn" < ${w.to}::date), 0)::int AS opened,
           COALESCE(SUM(pts) FILTER (WHERE "repaidOn" >= ${w.from}::date AND "repaidOn" < ${w.to}::date), 0)::int AS repaid,
           count(*)::int AS items FROM d`)
  return rows[0]
}

/** The lowest booked learning time among these teams, and which teams have recorded none. */
export async function learningTime(teamIds: string[]): Promise<{ lowest: number | null; missing: string[] }> {
  if (teamIds.length === 0) return { lowest: null, missing: [] }
  const teams = await db.team.findMany({ where: { id: { in: teamIds } }, select: { name: true, readiness: { select: { learningHoursPerWeek: true } } } })
  const missing = teams.filter((t) => !t.readiness).map((t) => t.name)
  const hours = teams.filter((t) => t.readiness).map((t) => Number(t.readiness!.learningHoursPerWeek))
  return { lowest: hours.length ? Math.min(...hours) : null, missing }
}

export async function openHighFindings(phaseId: string): Promise<number> {
  return db.finding.count({ where: { phaseId, status: 'OPEN', severity: { in: ['HIGH', 'CRITICAL'] } } })
}
