// Pure rules of the rollout plan (no database): the shape the field notes prescribe.
import { nameMatches } from '@/lib/paging'

export const PLAN_MIN_MONTHS = 9
export const PLAN_MAX_MONTHS = 18
export const PILOT_MIN_WEEKS = 8

export type Stage = 'EXPERTS' | 'PILOT' | 'BROAD'

export interface PhaseDates {
  stage: Stage
  name: string
  plannedStart: Date
  plannedEnd: Date
}

/** Whole and fractional months between two dates (30.44-day months). */
export function monthsBetween(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / (30.44 * 86_400_000)
}

/** Problems with a plan's overall length and order, each a sentence for the leader. */
export function planWarnings(phases: PhaseDates[]): string[] {
  if (phases.length === 0) return ['The plan has no phases yet.']
  const start = new Date(Math.min(...phases.map((p) => p.plannedStart.getTime())))
  const end = new Date(Math.max(...phases.map((p) => p.plannedEnd.getTime())))
  const months = monthsBetween(start, end)
  const warnings: string[] = []
  if (months < PLAN_MIN_MONTHS) warnings.push(`The plan spans ${months.toFixed(1)} months: a skills and culture change needs 9–18 months, not a quarter.`)
  if (months > PLAN_MAX_MONTHS) warnings.push(`The plan spans ${months.toFixed(1)} months: beyond 18 months the early lessons go stale; tighten the stages.`)
  for (const p of phases) if (p.plannedEnd <= p.plannedStart) warnings.push(`Phase “${p.name}” ends before it starts.`)
  const pilotStarts = phases.filter((p) => p.stage === 'PILOT').map((p) => p.plannedStart.getTime())
  for (const broad of phases.filter((p) => p.stage === 'BROAD')) {
    if (pilotStarts.length === 0) {
      warnings.push(`Phase “${broad.name}” goes broad without any pilot phase.`)
      continue
    }
    const weeks = (broad.plannedStart.getTime() - Math.min(...pilotStarts)) / (7 * 86_400_000)
    if (weeks < PILOT_MIN_WEEKS) warnings.push(`Phase “${broad.name}” starts the broad rollout after ${Math.max(0, Math.floor(weeks))} weeks of pilots; pilots need at least ${PILOT_MIN_WEEKS} weeks to find the gaps.`)
  }
  return warnings
}

// ---------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------

export const STAGES: Stage[] = ['EXPERTS', 'PILOT', 'BROAD']
export const STAGE_LABELS: Record<Stage, string> = { EXPERTS: 'Experts', PILOT: 'Pilot', BROAD: 'Broad rollout' }

/** The stage after `stage`, or null after the broad rollout. */
export function nextStage(stage: Stage): Stage | null {
  const i = STAGES.indexOf(stage)
  return i >= 0 && i < STAGES.length - 1 ? STAGES[i + 1] : null
}

const DAY = 86_400_000

/** Date problems of one phase against its plan, as field errors (empty: fine). */
export function phaseDateErrors(phase: { plannedStart: Date; plannedEnd: Date }, plan: { startsOn: Date; endsOn: Date }): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (k: string, m: string) => (errors[k] ??= []).push(m)
  if (phase.plannedEnd.getTime() <= phase.plannedStart.getTime()) add('plannedEnd', 'The end must be after the start.')
  if (phase.plannedStart.getTime() < plan.startsOn.getTime()) add('plannedStart', `The start must be within the plan (from ${isoDay(plan.startsOn)}).`)
  if (phase.plannedEnd.getTime() > plan.endsOn.getTime()) add('plannedEnd', `The end must be within the plan (until ${isoDay(plan.endsOn)}).`)
  return errors
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** Everyone and every team at most once among the open memberships (team and person keys). */
export function stageClashes(
  wanted: Array<{ kind: 'team' | 'user'; id: string; label: string }>,
  open: Array<{ kind: 'team' | 'user'; id: string; stage: Stage; cohort: string }>,
): string[] {
  const byKey = new Map(open.map((o) => [`${o.kind}:${o.id}`, o]))
  const seen = new Set<string>()
  const out: string[] = []
  for (const w of wanted) {
    const key = `${w.kind}:${w.id}`
    if (seen.has(key)) out.push(`${w.label} is listed twice.`)
    seen.add(key)
    const o = byKey.get(key)
    if (o) out.push(`${w.label} is already in the active ${STAGE_LABELS[o.stage].toLowerCase()} stage (cohort “${o.cohort}”): a team or person is in one active stage at a time.`)
  }
  return out
}

// ---------------------------------------------------------------------------
// Team dependency graph: cycles are allowed, but shown
// ---------------------------------------------------------------------------

export interface Edge {
  from: string
  to: string
  weight: number
}

/** Groups of teams that depend on each other in a circle (strongly connected components of 2+ teams). */
export function dependencyCycles(teamIds: string[], edges: Edge[]): string[][] {
  const adj = new Map<string, string[]>(teamIds.map((t) => [t, []]))
  for (const e of edges) if (adj.has(e.from) && adj.has(e.to) && e.from !== e.to) adj.get(e.from)!.push(e.to)
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of adj.get(v)!) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        comp.push(w)
      } while (w !== v)
      if (comp.length > 1) out.push(comp.sort())
    }
  }
  for (const t of teamIds) if (!idx.has(t)) visit(t)
  return out
}

// ---------------------------------------------------------------------------
// Pilot suitability: complete teams, few external dependencies, clustered
// ---------------------------------------------------------------------------

export type Seniority = 'JUNIOR' | 'MID' | 'SENIOR' | 'STAFF' | 'PRINCIPAL'

export interface SuitabilityTeam {
  id: string
  name: string
  size: number
  hasManager: boolean
  /** Seniority of each member who writes code. */
  members: Array<Seniority | null>
  /** Already in an active stage: not a pilot candidate. */
  inRollout: boolean
}

export interface Completeness {
  score: number
  missing: string[]
}

/** A complete team has a manager, a senior engineer to lead, mid/junior engineers and enough people to work on its own. */
export function teamCompleteness(t: SuitabilityTeam): Completeness {
  const missing: string[] = []
  if (!t.hasManager) missing.push('no manager')
  if (!t.members.some((s) => s === 'SENIOR' || s === 'STAFF' || s === 'PRINCIPAL')) missing.push('no senior engineer')
  if (!t.members.some((s) => s === 'MID' || s === 'JUNIOR')) missing.push('no mid-level or junior engineers')
  if (t.members.length < 4) missing.push(`only ${t.members.length} people`)
  return { score: (4 - missing.length) / 4, missing }
}

export interface ClusterProposal {
  teamIds: string[]
  names: string[]
  score: number
  completeness: number
  internalWeight: number
  externalWeight: number
  /** Share of the cluster's dependency weight that stays inside it (0-1). */
  internalShare: number
  reasons: string[]
}

export interface TeamRank {
  rank: number
  teamId: string
  name: string
  score: number
  completeness: Completeness
  externalDependencies: number
  clusterShare: number
  reasons: string[]
}

const pct = (x: number) => `${Math.round(x * 100)} %`

function clusterStats(ids: Set<string>, edges: Edge[]) {
  let internal = 0
  let external = 0
  for (const e of edges) {
    const a = ids.has(e.from)
    const b = ids.has(e.to)
    if (a && b) internal += e.weight
    else if (a || b) external += e.weight
  }
  return { internal, external, share: internal + external === 0 ? 0 : internal / (internal + external) }
}

/**
 * Pilot clusters of `size` teams not yet in the rollout: grown greedily from each team by the
 * strongest dependency, scored by completeness (40 %) and the share of dependency weight that stays
 * inside the cluster (60 %). Best first; each with the reasons behind its score.
 */
export function rankClusters(teams: SuitabilityTeam[], edges: Edge[], size = 3): ClusterProposal[] {
  const eligible = new Map(teams.filter((t) => !t.inRollout).map((t) => [t.id, t]))
  const complete = new Map([...eligible.values()].map((t) => [t.id, teamCompleteness(t)]))
  const seen = new Set<string>()
  const out: ClusterProposal[] = []
  for (const seed of eligible.keys()) {
    const ids = new Set([seed])
    while (ids.size < size) {
      const pull = new Map<string, number>()
      for (const e of edges) {
        if (ids.has(e.from) && eligible.has(e.to) && !ids.has(e.to)) pull.set(e.to, (pull.get(e.to) ?? 0) + e.weight)
        if (ids.has(e.to) && eligible.has(e.from) && !ids.has(e.from)) pull.set(e.from, (pull.get(e.from) ?? 0) + e.weight)
      }
      const best = [...pull.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
      if (!best) break
      ids.add(best[0])
    }
    const key = [...ids].sort().join(',')
    if (seen.has(key)) continue
    seen.add(key)
    const members = [...ids].sort((a, b) => eligible.get(a)!.name.localeCompare(eligible.get(b)!.name))
    const stats = clusterStats(ids, edges)
    const completeness = members.reduce((s, id) => s + complete.get(id)!.score, 0) / members.length
    const score = Math.round((0.4 * completeness + 0.6 * stats.share) * 1000) / 1000
    const reasons = [
      `${pct(stats.share)} of these teams' dependency weight stays inside the group (${stats.internal} inside, ${stats.external} to or from other teams).`,
      completeness === 1 ? 'Every team is complete (manager, senior, mid/junior engineers, 4+ people).' : `Completeness ${pct(completeness)}: ${members.map((id) => ({ n: eligible.get(id)!.name, m: complete.get(id)!.missing })).filter((x) => x.m.length).map((x) => `${x.n} has ${x.m.join(', ')}`).join('; ')}.`,
    ]
    if (members.length < size) reasons.push(`Only ${members.length} connected team${members.length === 1 ? '' : 's'} available for this group.`)
    out.push({ teamIds: members, names: members.map((id) => eligible.get(id)!.name), score, completeness, internalWeight: stats.internal, externalWeight: stats.external, internalShare: stats.share, reasons })
  }
  return out.sort((a, b) => b.score - a.score || b.teamIds.length - a.teamIds.length || a.names.join().localeCompare(b.names.join()))
}

/** Every team not yet in the rollout, ranked for a pilot (completeness 50 %, few outside dependencies 25 %, clustered 25 %), with the reasons. */
export function rankTeams(teams: SuitabilityTeam[], edges: Edge[], size = 3, clusters = rankClusters(teams, edges, size)): TeamRank[] {
  const ranked = teams
    .filter((t) => !t.inRollout)
    .map((t) => {
      const completeness = teamCompleteness(t)
      const own = edges.filter((e) => e.from === t.id || e.to === t.id)
      const best = clusters.find((c) => c.teamIds.includes(t.id))
      const inCluster = new Set(best?.teamIds ?? [t.id])
      const total = own.reduce((s, e) => s + e.weight, 0)
      const inside = own.filter((e) => inCluster.has(e.from) && inCluster.has(e.to)).reduce((s, e) => s + e.weight, 0)
      const external = own.filter((e) => !(inCluster.has(e.from) && inCluster.has(e.to))).length
      const clusterShare = total === 0 ? 1 : inside / total
      const fewDeps = 1 / (1 + external)
      const score = Math.round((0.5 * completeness.score + 0.25 * fewDeps + 0.25 * clusterShare) * 1000) / 1000
      const reasons = [
        completeness.missing.length ? `Incomplete: ${completeness.missing.join(', ')}.` : 'Complete team.',
        `${external} dependenc${external === 1 ? 'y' : 'ies'} outside its best group.`,
        total === 0 ? 'No dependencies on other teams.' : `${pct(clusterShare)} of its dependency weight is within ${best ? best.names.filter((n) => n !== t.name).join(', ') || 'itself' : 'itself'}.`,
      ]
      return { rank: 0, teamId: t.id, name: t.name, score, completeness, externalDependencies: external, clusterShare, reasons }
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  ranked.forEach((r, i) => (r.rank = i + 1))
  return ranked
}

// ---------------------------------------------------------------------------
// Control teams: matched teams not yet in the rollout
// ---------------------------------------------------------------------------

export interface MatchProfile {
  id: string
  name: string
  size: number
  /** High-severity incidents per 100 developers per month before the start. */
  incidentRate: number | null
  /** Mean overall satisfaction before the start (null below the anonymity threshold). */
  satisfaction: number | null
}

/** Distance between two teams' pre-start profiles: size, incident rate and satisfaction, each scaled to about 0-1. */
export function matchDistance(a: MatchProfile, b: MatchProfile): number {
  const size = Math.abs(a.size - b.size) / Math.max(1, (a.size + b.size) / 2)
  const inc = a.incidentRate === null || b.incidentRate === null ? 0.5 : Math.abs(a.incidentRate - b.incidentRate) / Math.max(1, a.incidentRate, b.incidentRate)
  const sat = a.satisfaction === null || b.satisfaction === null ? 0.5 : Math.abs(a.satisfaction - b.satisfaction) / 4
  return Math.round((size + inc + sat) * 1000) / 1000
}

/** One distinct control team per pilot team, closest first (greedy over the closest pairs). */
export function proposeControls(pilots: MatchProfile[], candidates: MatchProfile[]): Array<{ pilotId: string; control: MatchProfile; distance: number; reason: string }> {
  const pairs = pilots.flatMap((p) => candidates.map((c) => ({ p, c, d: matchDistance(p, c) }))).sort((x, y) => x.d - y.d || x.c.name.localeCompare(y.c.name))
  const usedP = new Set<string>()
  const usedC = new Set<string>()
  const out: Array<{ pilotId: string; control: MatchProfile; distance: number; reason: string }> = []
  for (const { p, c, d } of pairs) {
    if (usedP.has(p.id) || usedC.has(c.id)) continue
    usedP.add(p.id)
    usedC.add(c.id)
    const fmt = (x: number | null, digits: number) => (x === null ? 'n/a' : x.toFixed(digits))
    out.push({
      pilotId: p.id,
      control: c,
      distance: d,
      reason: `Matches ${p.name}: size ${c.size} vs ${p.size}, incident rate ${fmt(c.incidentRate, 2)} vs ${fmt(p.incidentRate, 2)}, satisfaction ${fmt(c.satisfaction, 2)} vs ${fmt(p.satisfaction, 2)}.`,
    })
  }
  return out
}

/**
 * Teams matching the table's filters: `q` anywhere in the name (case and accents ignored), `stage`
 * the stage the team is in now, or NONE for teams not yet in the rollout.
 */
export function filterTeams<T extends { name: string; stage: Stage | null }>(teams: T[], f: { q?: string; stage?: Stage | 'NONE' }): T[] {
  return teams.filter((t) => nameMatches(t.name, f.q) && (!f.stage || (f.stage === 'NONE' ? t.stage === null : t.stage === f.stage)))
}
