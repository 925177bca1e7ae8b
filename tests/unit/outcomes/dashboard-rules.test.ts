import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { csvCell, csvFileName, toCsv } from '@/lib/csv'
import { downsample, MAX_POINTS } from '@/lib/outcomes/downsample'
import { improvement } from '@/lib/outcomes/metrics'
import { addMonthsToKey, monthRange } from '@/lib/outcomes/months'
import { MIN_RESPONDENTS, suppressedCells, suppressNested } from '@/lib/outcomes/rules'
import { teamFigures, emptyTeamSums } from '@/lib/outcomes/figures'

describe('CSV export neutralises formulas', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
  ])('%j -> %j', (input, out) => expect(csvCell(input)).toBe(out))
  it('writes numbers as numbers and empty cells for null', () => {
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell(null)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
    expect(toCsv(['Month', 'Team'], [['2026-01', '=cmd']])).toBe("Month,Team\r\n2026-01,'=cmd\r\n")
  })
  it('never emits a text cell that starts a formula', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const cell = csvCell(s)
      const unquoted = cell.startsWith('"') ? cell.slice(1) : cell
      expect(/^[=+\-@]/.test(unquoted)).toBe(false)
    }))
  })
  it('makes safe file names', () => expect(csvFileName('Incidents / Team ÄB 2026')).toBe('incidents-team-ab-2026.csv'))
})

describe('downsampling', () => {
  it('returns short series as they are', () => {
    const pts = [{ x: 'a', y: 1 }, { x: 'b', y: null }]
    expect(downsample(pts)).toEqual(pts)
  })
  it('averages long series into at most MAX_POINTS buckets, ignoring gaps', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ x: String(i), y: i % 2 ? null : i }))
    const out = downsample(pts)
    expect(out.length).toBeLessThanOrEqual(MAX_POINTS)
    expect(out.length).toBeGreaterThan(MAX_POINTS - 5)
    expect(downsample([{ x: '0', y: 1 }, { x: '1', y: 3 }, { x: '2', y: null }, { x: '3', y: null }], 2)).toEqual([{ x: '0', y: 2 }, { x: '2', y: null }])
  })
})

describe('months', () => {
  it('ranges over year ends', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(addMonthsToKey('2026-01', -13)).toBe('2024-12')
  })
})

describe('figures', () => {
  it('computes rates per 100 developers and MTTR', () => {
    const s = { ...emptyTeamSums(), incidentsSev1: 1, incidentsSev2: 2, resolvedIncidents: 2, resolveSeconds: 3 * 3600 }
    const f = teamFigures(s, 30)
    expect(f.incidentsPer100.high).toBe(10)
    expect(f.mttrHours).toBe(1.5)
    expect(f.throughput).toEqual({ featuresShipped: null, per100: null })
  })
  it('knows which direction is better', () => {
    expect(improvement('HIGH_SEVERITY_INCIDENTS', 8, 10)).toBeCloseTo(0.2)
    expect(improvement('SATISFACTION_OVERALL', 4.4, 4)).toBeCloseTo(0.1)
    expect(improvement('MTTR', 1, 0)).toBeNull()
  })
})

describe('complementary suppression', () => {
  it('hides more cells until the hidden ones together reach the threshold', () => {
    expect([...suppressedCells([{ key: 'a', respondents: 1 }, { key: 'b', respondents: 1 }, { key: 'c', respondents: 6 }, { key: 'd', respondents: 9 }])].sort()).toEqual(['a', 'b', 'c'])
  })
  it('hides a subgroup whose difference from a visible group is below the threshold', () => {
    const r = new Map([['t1', 6], ['t2', 4], ['t3', 8]])
    // control = t1 + t2 (10); team t1 (6) visible would reveal t2 (4).
    expect([...suppressNested([{ key: 'control', leaves: ['t1', 't2'] }, { key: 't1', leaves: ['t1'] }, { key: 't2', leaves: ['t2'] }], r)].sort()).toEqual(['t1', 't2'])
    // Nothing nested: nothing extra hidden.
    expect([...suppressNested([{ key: 't1', leaves: ['t1'] }, { key: 't3', leaves: ['t3'] }], r)]).toEqual([])
  })
  it('never leaves a visible difference of 1-4 respondents (random nested groups)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
      (counts, masks) => {
        const leaves = counts.map((_, i) => `l${i}`)
        const respondents = new Map(leaves.map((l, i) => [l, counts[i]]))
        const aggregates = masks.map((m, j) => ({ key: `g${j}`, leaves: leaves.filter((_, i) => m[i]) }))
        const hidden = suppressNested(aggregates, respondents)
        const visible = aggregates.filter((a) => !hidden.has(a.key))
        const n = (ls: string[]) => ls.reduce((s, l) => s + (respondents.get(l) ?? 0), 0)
        for (const a of visible) {
          expect(n(a.leaves)).toBeGreaterThanOrEqual(MIN_RESPONDENTS)
          for (const b of visible) {
            const inside = a.leaves.filter((l) => (respondents.get(l) ?? 0) > 0).every((l) => b.leaves.includes(l))
            if (a !== b && inside) {
              const d = n(b.leaves) - n(a.leaves)
              expect(d === 0 || d >= MIN_RESPONDENTS).toBe(true)
            }
          }
        }
      },
    ))
  })
})
