import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MIN_COMMENT_RESPONDENTS, MIN_RESPONDENTS } from '@/lib/outcomes/rules'
import { anonymityBlocks, anonymityGuard, atomKey, matchesFilter, visibility, type Atom, type Filter, type StageName } from '@/lib/surveys/rules'

// The differencing protection, checked against the strongest attacker: anyone who can combine any
// number of visible figures linearly (sums and differences of figures from any filters and
// breakdown buckets). A group is recoverable when its indicator over the atoms lies in the span of
// the visible figures' indicators.

const STAGE_VALUES: Array<StageName | null> = ['EXPERTS', 'PILOT', 'BROAD', null]

/** Every filter combination over the values present (including none = the whole survey). */
function allFilters(atoms: Atom[]): Filter[] {
  // null: the "No team" / "No cohort" / "Not yet in the rollout" buckets of a breakdown.
  const teams = [undefined, ...new Set(atoms.map((a) => a.teamId))]
  const cohorts = [undefined, ...new Set(atoms.map((a) => a.cohortId))]
  const stages = [undefined, ...new Set(atoms.map((a) => a.stage))]
  const out: Filter[] = []
  for (const teamId of teams) for (const cohortId of cohorts) for (const stage of stages) out.push({ teamId, cohortId, stage })
  return out
}

/** Rank over the reals (partial pivoting; rows are small 0/1 vectors, so a tolerance is exact enough). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r])
  let rk = 0
  const cols = m[0]?.length ?? 0
  for (let c = 0; c < cols && rk < m.length; c++) {
    let p = -1
    for (let r = rk; r < m.length; r++) if (Math.abs(m[r][c]) > 1e-9 && (p === -1 || Math.abs(m[r][c]) > Math.abs(m[p][c]))) p = r
    if (p === -1) continue
    ;[m[rk], m[p]] = [m[p], m[rk]]
    for (let r = 0; r < m.length; r++) {
      if (r === rk || Math.abs(m[r][c]) < 1e-12) continue
      const f = m[r][c] / m[rk][c]
      for (let k = c; k < cols; k++) m[r][k] -= f * m[rk][k]
    }
    rk++
  }
  return rk
}

/** Every set of atoms with between 1 and min-1 respondents (they can only be made of small atoms). */
function smallGroups(atoms: Atom[], min: number): number[][] {
  const small = atoms.map((a, i) => [a.respondents, i]).filter(([n]) => n < min)
  const out: number[][] = []
  const walk = (from: number, chosen: number[], total: number) => {
    if (chosen.length) out.push(chosen)
    for (let j = from; j < small.length; j++) if (total + small[j][0] < min) walk(j + 1, [...chosen, small[j][1]], total + small[j][0])
  }
  walk(0, [], 0)
  return out
}

const atomsArb = fc
  .array(
    fc.record({
      team: fc.integer({ min: 0, max: 4 }),
      cohort: fc.integer({ min: 0, max: 2 }),
      stage: fc.integer({ min: 0, max: 3 }),
      teamless: fc.boolean(),
      respondents: fc.integer({ min: 1, max: 14 }),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((rows) => {
    const byKey = new Map<string, Atom>()
    for (const r of rows) {
      const a: Atom = { teamId: r.teamless && r.team === 0 ? null : `t${r.team}`, cohortId: r.cohort === 0 ? null : `c${r.cohort}`, stage: STAGE_VALUES[r.stage], respondents: r.respondents }
      const k = atomKey(a)
      const prev = byKey.get(k)
      if (prev) prev.respondents += a.respondents
      else byKey.set(k, a)
    }
    return [...byKey.values()]
  })

function assertNothingRecoverable(atoms: Atom[], min: number, visible: (f: Filter) => { visible: boolean }) {
  const vectors = allFilters(atoms)
    .filter((f) => visible(f).visible)
    .map((f) => atoms.map((a) => (matchesFilter(a, f) ? 1 : 0)))
  const base = vectors.length ? rank(vectors) : 0
  for (const group of smallGroups(atoms, min)) {
    const target = atoms.map((_, i) => (group.includes(i) ? 1 : 0))
    const recoverable = vectors.length > 0 && rank([...vectors, target]) === base
    if (recoverable) throw new Error(`group of atoms ${group.map((i) => atomKey(atoms[i])).join(', ')} with ${group.reduce((s, i) => s + atoms[i].respondents, 0)} respondents is recoverable`)
  }
}

describe('anonymity blocks', () => {
  it('partition every non-empty atom into blocks of at least the threshold, unless everything together is smaller', () => {
    fc.assert(
      fc.property(atomsArb, (atoms) => {
        const blocks = anonymityBlocks(atoms, MIN_RESPONDENTS)
        const sizes = new Map<number, number>()
        for (const a of atoms) sizes.set(blocks.get(atomKey(a))!, (sizes.get(blocks.get(atomKey(a))!) ?? 0) + a.respondents)
        const total = atoms.reduce((s, a) => s + a.respondents, 0)
        if (total >= MIN_RESPONDENTS) for (const n of sizes.values()) expect(n).toBeGreaterThanOrEqual(MIN_RESPONDENTS)
        else expect(sizes.size).toBe(1)
      }),
      { numRuns: 300 },
    )
  })

  it('keep large groups apart: a small team joins a team of its own cohort, not the large one of another', () => {
    const atoms: Atom[] = [
      { teamId: 'a', cohortId: 'c1', stage: 'PILOT', respondents: 12 },
      { teamId: 'b', cohortId: 'c1', stage: 'PILOT', respondents: 3 },
      { teamId: 'c', cohortId: 'c1', stage: 'PILOT', respondents: 6 },
      { teamId: 'd', cohortId: null, stage: null, respondents: 20 },
    ]
    const blocks = anonymityBlocks(atoms, MIN_RESPONDENTS)
    const block = (t: string) => blocks.get(atomKey(atoms.find((a) => a.teamId === t)!))
    expect(block('b')).toBe(block('c'))
    expect(new Set([block('a'), block('b'), block('d')]).size).toBe(3)
  })
})

describe('differencing protection (property-based, linear attacker over every filter combination)', () => {
  it('no group below 5 respondents can be recovered from all visible figures together', () => {
    fc.assert(
      fc.property(atomsArb, (atoms) => {
        const guard = anonymityGuard(atoms)
        assertNothingRecoverable(atoms, MIN_RESPONDENTS, guard.figures)
      }),
      { numRuns: 400 },
    )
  })

  it('no group below 10 respondents can be recovered from the visible comment lists', () => {
    fc.assert(
      fc.property(atomsArb, (atoms) => {
        const guard = anonymityGuard(atoms)
        assertNothingRecoverable(atoms, MIN_COMMENT_RESPONDENTS, guard.comments)
      }),
      { numRuns: 300 },
    )
  })

  it('every visible figure has at least 5 respondents and the whole survey is visible from 5 on', () => {
    fc.assert(
      fc.property(atomsArb, (atoms) => {
        const guard = anonymityGuard(atoms)
        for (const f of allFilters(atoms)) {
          const v = guard.figures(f)
          if (v.visible) expect(v.respondents).toBeGreaterThanOrEqual(MIN_RESPONDENTS)
        }
        const total = atoms.reduce((s, a) => s + a.respondents, 0)
        expect(guard.figures({}).visible).toBe(total >= MIN_RESPONDENTS)
      }),
      { numRuns: 300 },
    )
  })

  it('the check itself catches a naive rule (threshold only), so the property above can fail', () => {
    const atoms: Atom[] = [
      { teamId: 'a', cohortId: 'c1', stage: 'PILOT', respondents: 9 },
      { teamId: 'a', cohortId: 'c1', stage: 'BROAD', respondents: 3 },
    ]
    const naive = (f: Filter) => ({ visible: atoms.filter((a) => matchesFilter(a, f)).reduce((s, a) => s + a.respondents, 0) >= MIN_RESPONDENTS })
    expect(() => assertNothingRecoverable(atoms, MIN_RESPONDENTS, naive)).toThrow(/recoverable/)
  })
})

describe('differencing through two filters', () => {
  const atoms: Atom[] = [
    { teamId: 'a', cohortId: 'c1', stage: 'PILOT', respondents: 9 },
    { teamId: 'a', cohortId: 'c2', stage: 'BROAD', respondents: 3 },
    { teamId: 'b', cohortId: 'c2', stage: 'BROAD', respondents: 8 },
  ]
  const guard = anonymityGuard(atoms)

  it('team=A and team=A&stage=PILOT are never both shown when they differ by fewer than 5', () => {
    const a = guard.figures({ teamId: 'a' })
    const ap = guard.figures({ teamId: 'a', stage: 'PILOT' })
    expect(a.visible && ap.visible).toBe(false)
  })

  it('the whole survey and a breakdown never leave a small remainder', () => {
    expect(guard.figures({}).visible).toBe(true)
    const buckets = ['PILOT', 'BROAD'] as const
    const visible = buckets.filter((s) => guard.figures({ stage: s }).visible)
    const hidden = atoms.filter((x) => !visible.includes(x.stage as never)).reduce((s, x) => s + x.respondents, 0)
    expect(hidden === 0 || hidden >= MIN_RESPONDENTS).toBe(true)
  })

  it('says which rule hid a figure', () => {
    expect(guard.figures({ teamId: 'a', stage: 'BROAD' })).toEqual({ visible: false, rule: 'threshold' })
    const hidden = [guard.figures({ teamId: 'a' }), guard.figures({ teamId: 'a', stage: 'PILOT' })].find((v) => !v.visible)
    expect(hidden).toEqual({ visible: false, rule: 'complementary' })
  })
})

describe('thresholds', () => {
  it.each([
    [4, false],
    [5, true],
  ])('%i respondents in one group: figures visible %s', (n, shown) => {
    const atoms: Atom[] = [{ teamId: 't', cohortId: null, stage: null, respondents: n }]
    expect(anonymityGuard(atoms).figures({}).visible).toBe(shown)
    expect(anonymityGuard(atoms).figures({ teamId: 't' }).visible).toBe(shown)
  })
  it.each([
    [9, false],
    [10, true],
  ])('%i respondents: comments visible %s', (n, shown) => {
    expect(anonymityGuard([{ teamId: 't', cohortId: null, stage: null, respondents: n }]).comments({}).visible).toBe(shown)
  })
  it('a filter with no responses is hidden by the threshold, like one with a few', () => {
    const atoms: Atom[] = [{ teamId: 't', cohortId: null, stage: null, respondents: 7 }]
    expect(visibility(atoms, anonymityBlocks(atoms, 5), { teamId: 'x' }, 5)).toEqual({ visible: false, rule: 'threshold' })
  })
})
