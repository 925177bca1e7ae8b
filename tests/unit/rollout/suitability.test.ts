import { describe, expect, it } from 'vitest'
import { dependencyCycles, matchDistance, nextStage, phaseDateErrors, proposeControls, rankClusters, rankTeams, stageClashes, teamCompleteness, type SuitabilityTeam } from '@/lib/rollout/rules'
import { burnoutRisk, mandateWithoutTraining } from '@/lib/rollout/readiness-rules'

const full: SuitabilityTeam['members'] = ['SENIOR', 'MID', 'MID', 'JUNIOR', 'STAFF']
const team = (id: string, members = full, extra: Partial<SuitabilityTeam> = {}): SuitabilityTeam => ({ id, name: id.toUpperCase(), size: members.length, hasManager: true, members, inRollout: false, ...extra })

describe('stages', () => {
  it('goes experts → pilot → broad and stops there', () => {
    expect(nextStage('EXPERTS')).toBe('PILOT')
    expect(nextStage('PILOT')).toBe('BROAD')
    expect(nextStage('BROAD')).toBeNull()
  })
  it('refuses a team or person already in an active stage, and duplicates', () => {
    const clashes = stageClashes(
      [{ kind: 'team', id: 't1', label: 'Routing' }, { kind: 'user', id: 'u1', label: 'Ana' }, { kind: 'team', id: 't2', label: 'Billing' }, { kind: 'team', id: 't2', label: 'Billing' }],
      [{ kind: 'team', id: 't1', stage: 'PILOT', cohort: 'Pilot A' }, { kind: 'team', id: 'u1', stage: 'EXPERTS', cohort: 'Experts' }],
    )
    expect(clashes).toEqual(['Routing is already in the active pilot stage (cohort “Pilot A”): a team or person is in one active stage at a time.', 'Billing is listed twice.'])
  })
  it('checks phase dates: end after start, within the plan', () => {
    const plan = { startsOn: new Date('2026-01-01'), endsOn: new Date('2027-03-31') }
    expect(phaseDateErrors({ plannedStart: new Date('2026-02-01'), plannedEnd: new Date('2026-05-01') }, plan)).toEqual({})
    expect(phaseDateErrors({ plannedStart: new Date('2026-05-01'), plannedEnd: new Date('2026-02-01') }, plan).plannedEnd).toEqual(['The end must be after the start.'])
    const out = phaseDateErrors({ plannedStart: new Date('2025-12-01'), plannedEnd: new Date('2027-05-01') }, plan)
    expect(out.plannedStart?.[0]).toMatch(/within the plan/)
    expect(out.plannedEnd?.[0]).toMatch(/within the plan/)
  })
})

describe('pilot suitability', () => {
  it('scores completeness and names what is missing', () => {
    expect(teamCompleteness(team('a'))).toEqual({ score: 1, missing: [] })
    expect(teamCompleteness(team('b', ['JUNIOR', 'MID'], { hasManager: false }))).toEqual({ score: 0.25, missing: ['no manager', 'no senior engineer', 'only 2 people'] })
  })

  // a-b-c depend mostly on each other; d, e depend on everything; f is incomplete and isolated.
  const teams = [team('a'), team('b'), team('c'), team('d'), team('e'), team('f', ['JUNIOR'], { hasManager: false })]
  const edges = [
    { from: 'a', to: 'b', weight: 3 }, { from: 'b', to: 'c', weight: 3 }, { from: 'c', to: 'a', weight: 2 },
    { from: 'a', to: 'd', weight: 1 },
    { from: 'd', to: 'e', weight: 1 }, { from: 'd', to: 'b', weight: 1 }, { from: 'e', to: 'c', weight: 1 }, { from: 'e', to: 'a', weight: 1 },
  ]

  it('puts the complete, clustered group first and explains why', () => {
    const clusters = rankClusters(teams, edges, 3)
    expect(clusters[0].teamIds).toEqual(['a', 'b', 'c'])
    expect(clusters[0].internalWeight).toBe(8)
    expect(clusters[0].externalWeight).toBe(4)
    expect(clusters[0].reasons[0]).toMatch(/67 % of these teams' dependency weight stays inside/)
    expect(clusters[0].score).toBeGreaterThan(clusters[1].score)
  })

  it('ranks teams with reasons and leaves out teams already in the rollout', () => {
    const ranked = rankTeams(teams.map((t) => (t.id === 'e' ? { ...t, inRollout: true } : t)), edges, 3)
    expect(ranked.map((r) => r.teamId)).not.toContain('e')
    expect(ranked[ranked.length - 1].teamId).toBe('f')
    expect(ranked[ranked.length - 1].reasons[0]).toMatch(/Incomplete: no manager, no senior engineer/)
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5])
  })

  it('proposes distinct, closest control teams', () => {
    const p = [{ id: 'p1', name: 'P1', size: 10, incidentRate: 1, satisfaction: 3.8 }, { id: 'p2', name: 'P2', size: 5, incidentRate: 3, satisfaction: 3.2 }]
    const c = [{ id: 'c1', name: 'C1', size: 10, incidentRate: 1.1, satisfaction: 3.7 }, { id: 'c2', name: 'C2', size: 6, incidentRate: 2.8, satisfaction: 3.3 }, { id: 'c3', name: 'C3', size: 30, incidentRate: 9, satisfaction: 2 }]
    const out = proposeControls(p, c)
    expect(out.map((x) => [x.pilotId, x.control.id])).toEqual([['p1', 'c1'], ['p2', 'c2']])
    expect(matchDistance(p[0], c[2])).toBeGreaterThan(matchDistance(p[0], c[0]))
    expect(out[0].reason).toMatch(/Matches P1: size 10 vs 10/)
  })

  it('finds dependency cycles without refusing them', () => {
    expect(dependencyCycles(['a', 'b', 'c', 'd', 'e', 'f'], edges)).toEqual([['a', 'b', 'c', 'd', 'e']])
    expect(dependencyCycles(['a', 'b'], [{ from: 'a', to: 'b', weight: 1 }])).toEqual([])
  })
})

describe('readiness flags', () => {
  it('flags a mandate without training', () => {
    expect(mandateWithoutTraining(null)).toEqual(['no learning time booked', 'delivery commitments unchanged'])
    expect(mandateWithoutTraining({ learningHoursPerWeek: 4, commitmentsRelaxed: false })).toEqual(['delivery commitments unchanged'])
    expect(mandateWithoutTraining({ learningHoursPerWeek: 4, commitmentsRelaxed: true })).toEqual([])
  })
  it('flags burnout risk only when satisfaction falls while incidents or off-hours load rise', () => {
    const base = { satisfactionBefore: 3.9, satisfactionNow: 3.5, incidentsBefore: 1, incidentsNow: 1, offHoursBefore: 2, offHoursNow: 5 }
    expect(burnoutRisk(base)).toEqual({ flagged: true, reasons: ['satisfaction fell from 3.90 to 3.50', 'off-hours interruptions per 100 developers rose from 2.00 to 5.00'] })
    expect(burnoutRisk({ ...base, offHoursNow: 2 }).flagged).toBe(false)
    expect(burnoutRisk({ ...base, satisfactionNow: 3.85 }).flagged).toBe(false)
    expect(burnoutRisk({ ...base, satisfactionNow: null }).flagged).toBe(false)
  })
})
