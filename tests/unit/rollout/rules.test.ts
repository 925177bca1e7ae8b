import { describe, expect, it } from 'vitest'
import { planWarnings, type PhaseDates } from '@/lib/rollout/rules'

const d = (s: string) => new Date(`${s}T00:00:00Z`)
const phase = (stage: PhaseDates['stage'], start: string, end: string): PhaseDates => ({ stage, name: stage.toLowerCase(), plannedStart: d(start), plannedEnd: d(end) })

describe('plan warnings', () => {
  it('accepts a 15-month plan with pilots running well before broad', () => {
    expect(planWarnings([phase('EXPERTS', '2026-01-01', '2026-04-01'), phase('PILOT', '2026-04-01', '2026-09-01'), phase('BROAD', '2026-09-01', '2027-04-01')])).toEqual([])
  })
  it('flags a quarter-long plan and a broad rollout after four weeks of pilots', () => {
    const w = planWarnings([phase('EXPERTS', '2026-01-01', '2026-02-01'), phase('PILOT', '2026-02-01', '2026-03-01'), phase('BROAD', '2026-03-01', '2026-04-01')])
    expect(w.join('\n')).toMatch(/spans 3\.0 months/)
    expect(w.join('\n')).toMatch(/after 4 weeks of pilots/)
  })
  it('flags a plan over 18 months, a broad phase without pilots and reversed dates', () => {
    const w = planWarnings([phase('EXPERTS', '2026-01-01', '2026-06-01'), phase('BROAD', '2026-06-01', '2027-12-01'), phase('PILOT', '2027-12-02', '2027-12-01')])
    expect(w.some((x) => /beyond 18 months/.test(x))).toBe(true)
    expect(w.some((x) => /ends before it starts/.test(x))).toBe(true)
    expect(planWarnings([phase('EXPERTS', '2026-01-01', '2026-06-01'), phase('BROAD', '2026-06-01', '2027-01-01')]).some((x) => /without any pilot/.test(x))).toBe(true)
  })
})
