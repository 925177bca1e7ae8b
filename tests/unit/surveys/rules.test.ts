import { describe, expect, it } from 'vitest'
import { effectiveStatus, groupAttributes, inAudience, mean, responseRate, STANDARD_QUESTIONS, windowProblems } from '@/lib/surveys/rules'
import { toCsv } from '@/lib/csv'

const d = (iso: string) => new Date(iso)

describe('survey life cycle', () => {
  const s = { opensAt: d('2026-03-02T08:00:00Z'), closesAt: d('2026-03-12T17:00:00Z') }
  it.each([
    ['SCHEDULED', '2026-03-01T00:00:00Z', 'SCHEDULED'],
    ['SCHEDULED', '2026-03-02T08:00:00Z', 'OPEN'],
    ['OPEN', '2026-03-12T16:59:59Z', 'OPEN'],
    ['OPEN', '2026-03-12T17:00:00Z', 'CLOSED'],
    ['CLOSED', '2026-03-05T00:00:00Z', 'CLOSED'],
  ] as const)('stored %s at %s is %s', (status, now, expected) => {
    expect(effectiveStatus({ ...s, status }, d(now))).toBe(expected)
  })

  it('refuses a window that closes before it opens, runs too long, or has passed', () => {
    const now = d('2026-03-01T00:00:00Z')
    expect(windowProblems(d('2026-03-02T00:00:00Z'), d('2026-03-01T12:00:00Z'), now).closesAt).toBeDefined()
    expect(windowProblems(d('2026-03-02T00:00:00Z'), d('2026-06-02T00:00:00Z'), now).closesAt?.[0]).toMatch(/at most/)
    expect(windowProblems(d('2026-02-01T00:00:00Z'), d('2026-03-05T00:00:00Z'), now).opensAt).toBeDefined()
    expect(windowProblems(d('2026-03-02T00:00:00Z'), d('2026-03-12T00:00:00Z'), now)).toEqual({})
  })
})

describe('audience', () => {
  const dev = { teamId: 't1', cohortId: 'c1', stage: 'PILOT' as const }
  it('asks everyone when nothing is chosen', () => expect(inAudience({ stages: [], cohortIds: [], teamIds: [] }, dev)).toBe(true))
  it('asks a person whose stage, cohort or team is listed', () => {
    expect(inAudience({ stages: ['PILOT'], cohortIds: [], teamIds: [] }, dev)).toBe(true)
    expect(inAudience({ stages: [], cohortIds: ['c1'], teamIds: [] }, dev)).toBe(true)
    expect(inAudience({ stages: [], cohortIds: [], teamIds: ['t1'] }, dev)).toBe(true)
    expect(inAudience({ stages: ['BROAD'], cohortIds: ['c9'], teamIds: ['t9'] }, dev)).toBe(false)
    expect(inAudience({ stages: ['PILOT'], cohortIds: [], teamIds: [] }, { teamId: null, cohortId: null, stage: null })).toBe(false)
  })
  it('records an expert without their team, and a pilot developer with team, cohort and stage', () => {
    expect(groupAttributes({ teamId: 't1', personalCohort: { id: 'ce', stage: 'EXPERTS' }, teamCohort: { id: 'c1', stage: 'PILOT' } })).toEqual({ teamId: null, cohortId: 'ce', stage: 'EXPERTS' })
    expect(groupAttributes({ teamId: 't1', personalCohort: null, teamCohort: { id: 'c1', stage: 'PILOT' } })).toEqual({ teamId: 't1', cohortId: 'c1', stage: 'PILOT' })
    expect(groupAttributes({ teamId: 't1', personalCohort: null, teamCohort: null })).toEqual({ teamId: 't1', cohortId: null, stage: null })
  })
})

describe('figures', () => {
  it('computes the mean of a distribution to two decimals', () => {
    expect(mean([1, 0, 0, 0, 2])).toBe(3.67)
    expect(mean([0, 0, 0, 0, 0])).toBeNull()
  })
  it('caps the response rate at 100 % and has none without a headcount', () => {
    expect(responseRate(7, 10)).toBe(70)
    expect(responseRate(12, 10)).toBe(100)
    expect(responseRate(3, 0)).toBeNull()
  })
  it('asks the four standard scale questions and one optional comment', () => {
    expect(STANDARD_QUESTIONS.map((q) => [q.key, q.kind, q.optional])).toEqual([
      ['overall', 'SCALE_1_5', false],
      ['tools_help', 'SCALE_1_5', false],
      ['time_to_learn', 'SCALE_1_5', false],
      ['workload', 'SCALE_1_5', false],
      ['comment', 'FREE_TEXT', true],
    ])
  })
})

describe('CSV export of survey tables (lib/csv)', () => {
  it.each(['=HYPERLINK("http://evil.example")', '+SUM(A1)', '-2+3', '@cmd'])('neutralises a label or comment cell %j', (v) => {
    expect(toCsv(['Team'], [[v]]).split('\r\n')[1].replace(/^"/, '').startsWith("'")).toBe(true)
  })
  it('keeps negative numbers and quotes prompts with commas', () => {
    expect(toCsv(['Question', 'Answer', 'People'], [['Overall, how satisfied are you?', 5, -1]])).toBe('Question,Answer,People\r\n"Overall, how satisfied are you?",5,-1\r\n')
  })
})
