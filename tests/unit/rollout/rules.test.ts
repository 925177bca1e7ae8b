import { describe, expect, it } from 'vitest'
import { openEditorSchema, pageOf, readListQuery } from '@/lib/paging'
import { filterTeams, planWarnings, type PhaseDates } from '@/lib/rollout/rules'
import { teamTableQuerySchema } from '@/lib/rollout/schemas'

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

describe('the teams table', () => {
  const teams = [
    { name: 'Payments API', stage: 'PILOT' as const },
    { name: 'Zahlungsverkehr Süd', stage: null },
    { name: 'Mobile payments', stage: 'EXPERTS' as const },
    { name: 'Search', stage: null },
  ]
  it('filters by a name fragment (case and accents ignored) and by stage, NONE meaning not yet in the rollout', () => {
    expect(filterTeams(teams, { q: 'PAYMENTS' }).map((t) => t.name)).toEqual(['Payments API', 'Mobile payments'])
    expect(filterTeams(teams, { q: 'sud' }).map((t) => t.name)).toEqual(['Zahlungsverkehr Süd'])
    expect(filterTeams(teams, { stage: 'NONE' }).map((t) => t.name)).toEqual(['Zahlungsverkehr Süd', 'Search'])
    expect(filterTeams(teams, { q: 'pay', stage: 'EXPERTS' }).map((t) => t.name)).toEqual(['Mobile payments'])
    expect(filterTeams(teams, {})).toHaveLength(4)
    expect(filterTeams(teams, { q: 'nothing like it' })).toEqual([])
  })
  it('pages: 1-based, the last page may be short, a page past the end shows the last one, an empty list has one empty page', () => {
    const items = Array.from({ length: 120 }, (_, i) => i + 1)
    expect(pageOf(items, 1, 50)).toMatchObject({ page: 1, pages: 3, total: 120, first: 1, last: 50 })
    const last = pageOf(items, 3, 50)
    expect(last).toMatchObject({ page: 3, first: 101, last: 120 })
    expect(last.items).toEqual(items.slice(100))
    expect(pageOf(items, 99, 50).page).toBe(3)
    expect(pageOf([], 4, 50)).toEqual({ items: [], page: 1, pages: 1, total: 0, first: 0, last: 0 })
  })
  it('reads its query: defaults, and a clear error for what it cannot read', () => {
    expect(teamTableQuerySchema.parse({})).toEqual({ page: 1, ranking: 'top' })
    expect(teamTableQuerySchema.parse({ q: '  pay ', stage: 'NONE', page: '2', ranking: 'all' })).toEqual({ q: 'pay', stage: 'NONE', page: 2, ranking: 'all' })
    expect(teamTableQuerySchema.parse({ q: '   ' }).q).toBeUndefined()
    // What a GET form sends for fields left empty.
    expect(teamTableQuerySchema.parse({ q: 'pay', stage: '', page: '', ranking: '' })).toEqual({ q: 'pay', page: 1, ranking: 'top' })
    // From an address: the first of repeated parameters; an unreadable one gives the defaults and why.
    expect(readListQuery(teamTableQuerySchema, { q: ['pay', 'other'], page: '2' })).toEqual({ query: { q: 'pay', page: 2, ranking: 'top' }, errors: [] })
    expect(readListQuery(teamTableQuerySchema, { q: 'pay', page: '0', stage: 'LATER' })).toEqual({ query: { page: 1, ranking: 'top' }, errors: ['Choose a stage from the list.', 'Pages start at 1.'] })
    for (const bad of [{ page: '0' }, { page: 'x' }, { page: '1.5' }, { stage: 'LATER' }, { ranking: 'bottom' }, { q: 'x'.repeat(101) }]) {
      const r = teamTableQuerySchema.safeParse(bad)
      expect(r.success, JSON.stringify(bad)).toBe(false)
    }
  })
})

describe('the open editor of a list (?edit=)', () => {
  it('opens the row named by an id, and none for anything else', () => {
    const id = '3f2b8c1e-6a4d-4e2f-9b7a-1c2d3e4f5a6b'
    expect(readListQuery(openEditorSchema, { edit: id })).toEqual({ query: { edit: id }, errors: [] })
    expect(readListQuery(openEditorSchema, { edit: [id, 'x'] }).query.edit).toBe(id)
    for (const bad of [undefined, '', 'x', `${id}'--`, '<script>', id.toUpperCase().slice(1)]) {
      expect(readListQuery(openEditorSchema, { edit: bad }), String(bad)).toEqual({ query: { edit: undefined }, errors: [] })
    }
  })
})
