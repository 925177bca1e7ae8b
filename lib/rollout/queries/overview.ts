import 'server-only'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { assertSeesPlan, canSeeEverything } from '@/lib/rollout/access'
import { evaluateGateUnchecked, type CompletionMemo, type GateView } from '@/lib/rollout/queries/gates'
import { getPlan, listTeams, teamFlags, type TeamFlags, type TeamView, type PlanView } from '@/lib/rollout/queries/plan'
import { cachedByGeneration } from '@/lib/outcomes/cache'

export interface OverviewRow {
  team: TeamView
  phase: string | null
  gate: { outcome: GateView['outcome']; blockers: string[]; cohortId: string } | null
  flags: TeamFlags | null
}

const HOUR = 3_600_000

/**
 * Everyone signed in: leaders and experts see every team; developers only their own team. Where
 * each team stands, its phase, the next gate and what blocks it, and open flags.
 *
 * Without `asOf` (the page and the API), the whole answer is cached under the rollup generation
 * (lib/outcomes/cache.ts), per visibility scope, with the team rows computed as of the start of the
 * hour: every table the plan, a gate, a flag or an advance reads takes a new generation when it
 * changes, so a cached answer is never older than the data (names of people who decided an advance
 * may lag by the cache's 15 s). With 500 teams the rows take about a second to compute from the
 * raw incidents and survey answers; a cached view costs one query for the generation.
 */
export async function getOverview(user: SessionUser, asOf?: Date): Promise<Overview> {
  assertSeesPlan(user)
  if (asOf) return overview(user, asOf)
  const at = new Date(Math.floor(Date.now() / HOUR) * HOUR)
  const scope = canSeeEverything(user) ? 'all' : `team:${user.teamId ?? 'none'}`
  return cachedByGeneration(`rollout-overview:${scope}:${at.toISOString()}`, () => overview(user, at))
}

interface Overview {
  plan: PlanView | null
  rows: OverviewRow[]
  recentAdvances: Array<{ at: string; by: string | null; subject: string; override: boolean; reason: string | null; outcome: string }>
}

async function overview(user: SessionUser, asOf: Date): Promise<Overview> {
  const [plan, rows, advances] = await Promise.all([
    getPlan(user),
    overviewRows(user, asOf),
    canSeeEverything(user)
      ? db.stageAdvance.findMany({ orderBy: { decidedAt: 'desc' }, take: 10, select: { decidedAt: true, override: true, reason: true, gateOutcome: true, decidedBy: { select: { name: true } }, team: { select: { name: true } }, fromCohort: { select: { name: true } } } })
      : Promise.resolve([]),
  ])
  return {
    plan,
    rows,
    recentAdvances: advances.map((a) => ({ at: a.decidedAt.toISOString(), by: a.decidedBy?.name ?? null, subject: a.team?.name ?? a.fromCohort?.name ?? '—', override: a.override, reason: a.reason, outcome: a.gateOutcome })),
  }
}

async function overviewRows(user: SessionUser, asOf: Date): Promise<OverviewRow[]> {
  const { teams } = await listTeams(user)
  const flags = await teamFlags(user, teams, asOf)
  const cohortIds = [...new Set(teams.flatMap((t) => (t.cohort ? [t.cohort.id] : [])))]
  const gates = new Map<string, GateView | null>()
  const completion: CompletionMemo = new Map()
  for (const id of cohortIds) {
    try {
      gates.set(id, await evaluateGateUnchecked({ cohortId: id }, asOf, completion))
    } catch {
      gates.set(id, null)
    }
  }
  return teams.map((team) => {
    const g = team.cohort ? gates.get(team.cohort.id) ?? null : null
    return {
      team,
      phase: g?.phaseName ?? null,
      gate: g ? { outcome: g.outcome, cohortId: g.cohortId, blockers: g.criteria.filter((c) => c.status === 'FAIL' || c.status === 'INCONCLUSIVE').map((c) => `${c.description} — ${c.explanation}`) } : null,
      flags: flags.get(team.id) ?? null,
    }
  })
}
