import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { MIN_RESPONDENTS } from '@/lib/outcomes/rules'
import { BASELINE_MONTHS } from '@/lib/rollout/gate-rules'
import { proposeControls, rankClusters, rankTeams, type ClusterProposal, type MatchProfile, type Seniority, type SuitabilityTeam, type TeamRank } from '@/lib/rollout/rules'

export interface ClusterWithControls extends ClusterProposal {
  controls: Array<{ pilotId: string; teamId: string; name: string; distance: number; reason: string }>
}

/** Pre-start profiles (size, SEV1-2 rate per 100 developers per month, mean satisfaction for 5+ responses) of teams. */
async function profiles(teamIds: string[], start: Date): Promise<Map<string, MatchProfile>> {
  const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - BASELINE_MONTHS, start.getUTCDate()))
  const teams = await db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, size: true } })
  const inc = await db.$queryRaw<Array<{ teamId: string; high: number }>>(Prisma.sql`
    SELECT "teamId", count(*)::int AS high FROM "Incident"
    WHERE "teamId" = ANY(${teamIds}::uuid[]) AND severity IN ('SEV1','SEV2') AND "startedAt" >= ${from} AND "startedAt" < ${start} GROUP BY 1`)
  // From the survey rollups (kept by triggers), as the outcome dashboard reads them: a survey counts in
  // the window it opened in. Reading the answers themselves took 150-300 ms at 500 teams.
  const sat = await db.$queryRaw<Array<{ teamId: string; n: number; mean: number | null }>>(Prisma.sql`
    WITH s AS (SELECT id FROM "PulseSurvey" WHERE "opensAt" >= ${from} AND "opensAt" < ${start}),
    scores AS (
      SELECT r."teamId", sum(r.answers)::int AS answers, sum(r."scoreSum")::int AS total
      FROM "SurveyTeamRollup" r JOIN s ON s.id = r."surveyId" JOIN "SurveyQuestion" q ON q.id = r."questionId" AND q.key = 'overall'
      WHERE r."teamId" = ANY(${teamIds}::uuid[]) GROUP BY 1
    ),
    people AS (
      SELECT p."teamId", sum(p.respondents)::int AS n FROM "SurveyTeamRespondents" p JOIN s ON s.id = p."surveyId"
      WHERE p."teamId" = ANY(${teamIds}::uuid[]) GROUP BY 1
    )
    SELECT people."teamId", people.n, scores.total::float8 / NULLIF(scores.answers, 0) AS mean
    FROM people JOIN scores ON scores."teamId" = people."teamId"`)
  const anyIncidents = (await db.$queryRaw<Array<{ any: boolean }>>(Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Incident" WHERE "startedAt" >= ${from} AND "startedAt" < ${start}) AS any`))[0].any
  const incByTeam = new Map(inc.map((x) => [x.teamId, x]))
  const satByTeam = new Map(sat.map((x) => [x.teamId, x]))
  return new Map(teams.map((t) => {
    const i = incByTeam.get(t.id)
    const s = satByTeam.get(t.id)
    return [t.id, {
      id: t.id, name: t.name, size: t.size,
      incidentRate: anyIncidents && t.size > 0 ? Math.round(((i?.high ?? 0) * 10000) / t.size / BASELINE_MONTHS) / 100 : null,
      satisfaction: s && s.mean !== null && s.n >= MIN_RESPONDENTS ? Math.round(s.mean * 100) / 100 : null,
    }]
  }))
}

/**
 * rollout.view. Pilot suitability (an active cohort's control teams are not candidates: they
 * stay the comparison group): teams not in the rollout ranked with reasons, candidate clusters
 * of `size` teams, and for the best clusters matched control teams (also outside the rollout).
 */
export async function getSuitability(user: SessionUser, size = 3, start = new Date()): Promise<{ teams: TeamRank[]; clusters: ClusterWithControls[] }> {
  assertCan(user, 'rollout.view')
  const rows = await db.team.findMany({
    select: {
      id: true, name: true, size: true, managerId: true,
      members: { where: { active: true, role: { in: ['DEVELOPER', 'EXPERT'] } }, select: { seniority: true } },
      cohortMemberships: { where: { leftOn: null }, select: { id: true } },
      controlFor: { where: { cohort: { active: true } }, select: { cohortId: true } },
    },
  })
  const teams: SuitabilityTeam[] = rows.map((t) => ({ id: t.id, name: t.name, size: t.size, hasManager: Boolean(t.managerId), members: t.members.map((m) => m.seniority as Seniority | null), inRollout: t.cohortMemberships.length > 0 || t.controlFor.length > 0 }))
  const edges = (await db.teamDependency.findMany({ select: { fromTeamId: true, toTeamId: true, weight: true } })).map((e) => ({ from: e.fromTeamId, to: e.toTeamId, weight: e.weight }))
  const allClusters = rankClusters(teams, edges, size)
  const ranked = rankTeams(teams, edges, size, allClusters)
  const clusters = allClusters.slice(0, 5)
  const outside = teams.filter((t) => !t.inRollout).map((t) => t.id)
  const busyControls = new Set(rows.filter((t) => t.controlFor.length).map((t) => t.id))
  const prof = await profiles(outside, start)
  const withControls: ClusterWithControls[] = clusters.map((c) => {
    const candidates = outside.filter((id) => !c.teamIds.includes(id) && !busyControls.has(id)).map((id) => prof.get(id)!)
    const controls = proposeControls(c.teamIds.map((id) => prof.get(id)!), candidates)
    return { ...c, controls: controls.map((x) => ({ pilotId: x.pilotId, teamId: x.control.id, name: x.control.name, distance: x.distance, reason: x.reason })) }
  })
  return { teams: ranked, clusters: withControls }
}
