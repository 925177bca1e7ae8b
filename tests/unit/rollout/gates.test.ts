import { describe, expect, it } from 'vitest'
import { advanceDecision, evaluateCriterion, gateOutcome, type CriterionInput } from '@/lib/rollout/gate-rules'

const incidents: CriterionInput = { metric: 'HIGH_SEVERITY_INCIDENTS_PER_100', comparator: 'NOT_ABOVE_BASELINE', threshold: 0 }
const satisfaction: CriterionInput = { metric: 'SATISFACTION_OVERALL', comparator: 'NOT_BELOW_BASELINE', threshold: 0.2 }
const completion: CriterionInput = { metric: 'LEARNING_PATH_COMPLETION', comparator: 'AT_LEAST', threshold: 80 }
const findings: CriterionInput = { metric: 'OPEN_HIGH_SEVERITY_FINDINGS', comparator: 'AT_MOST', threshold: 0 }

describe('gate criteria', () => {
  it.each([
    [incidents, { value: 1.2, baseline: 1.5 }, 'PASS'],
    [incidents, { value: 1.5, baseline: 1.5 }, 'PASS'],
    [incidents, { value: 1.6, baseline: 1.5 }, 'FAIL'],
    [satisfaction, { value: 3.61, baseline: 3.8 }, 'PASS'],
    [satisfaction, { value: 3.59, baseline: 3.8 }, 'FAIL'],
    [completion, { value: 80 }, 'PASS'],
    [completion, { value: 79.9 }, 'FAIL'],
    [findings, { value: 0 }, 'PASS'],
    [findings, { value: 1 }, 'FAIL'],
  ] as const)('%o with %o is %s', (c, f, status) => {
    expect(evaluateCriterion(c, f).status).toBe(status)
  })

  it('is inconclusive, never a silent pass, when the data is insufficient', () => {
    const thin = evaluateCriterion(incidents, { value: 0, baseline: 0, insufficient: 'Only 2 SEV1–2 incidents across both windows' })
    expect(thin.status).toBe('INCONCLUSIVE')
    expect(thin.explanation).toMatch(/Only 2/)
    expect(evaluateCriterion(satisfaction, { value: null, insufficient: 'Not enough responses to protect anonymity' }).status).toBe('INCONCLUSIVE')
    expect(evaluateCriterion(incidents, { value: 1, baseline: null }).status).toBe('INCONCLUSIVE')
    expect(evaluateCriterion(completion, { value: null }).status).toBe('INCONCLUSIVE')
    expect(evaluateCriterion({ metric: 'CUSTOM', comparator: 'AT_LEAST', threshold: 6 }, { value: 10 }).status).toBe('INCONCLUSIVE')
    expect(evaluateCriterion({ ...completion, threshold: null }, { value: 100 }).status).toBe('INCONCLUSIVE')
  })

  it('shows adoption for context but never lets it open a gate', () => {
    const adoption = evaluateCriterion({ metric: 'ADOPTION', comparator: 'AT_LEAST', threshold: 10 }, { value: 500 })
    expect(adoption.status).toBe('INFO')
    expect(adoption.value).toBe(500)
    expect(gateOutcome([adoption])).toMatchObject({ outcome: 'INCONCLUSIVE' })
    expect(gateOutcome([adoption, { status: 'FAIL' }]).outcome).toBe('FAIL')
    expect(gateOutcome([adoption, { status: 'PASS' }]).outcome).toBe('PASS')
  })

  it('passes only when every counting criterion passes', () => {
    expect(gateOutcome([{ status: 'PASS' }, { status: 'PASS' }]).outcome).toBe('PASS')
    expect(gateOutcome([{ status: 'PASS' }, { status: 'INCONCLUSIVE' }]).outcome).toBe('INCONCLUSIVE')
    expect(gateOutcome([{ status: 'INCONCLUSIVE' }, { status: 'FAIL' }]).outcome).toBe('FAIL')
    expect(gateOutcome([]).outcome).toBe('INCONCLUSIVE')
  })

  it('advances on a passed gate; otherwise only with a written reason', () => {
    expect(advanceDecision('PASS', undefined)).toEqual({ allowed: true, override: false })
    expect(advanceDecision('FAIL', '')).toMatchObject({ allowed: false, message: expect.stringMatching(/gate has failed/) })
    expect(advanceDecision('INCONCLUSIVE', 'too short')).toMatchObject({ allowed: false })
    expect(advanceDecision('FAIL', 'Incidents are unrelated to the tools; see the postmortem.')).toEqual({ allowed: true, override: true })
  })
})
