// Pure rules of outcome reporting (no database): anonymity thresholds, differencing protection and
// the calibration of improvement targets. Every survey figure in the product passes through here.

/** A survey group (team, cohort, stage, any filter combination or breakdown bucket) needs this many respondents to be shown. */
export const MIN_RESPONDENTS = 5
/** Free-text comments need a larger group. */
export const MIN_COMMENT_RESPONDENTS = 10
export const NOT_ENOUGH_RESPONSES = 'Not enough responses to protect anonymity.'

export function groupVisible(respondents: number): boolean {
  return respondents >= MIN_RESPONDENTS
}

export function commentsVisible(respondents: number): boolean {
  return respondents >= MIN_COMMENT_RESPONDENTS
}

/**
 * Which cells of a breakdown to hide so that no hidden cell can be recovered by subtracting visible
 * figures from the visible total (secondary suppression). Cells below the threshold are hidden; if
 * exactly one cell would be hidden while the total is shown, the next smallest is hidden too.
 * Returns the keys to suppress. A total below the threshold hides everything.
 */
export function suppressedCells(cells: Array<{ key: string; respondents: number }>, totalVisible = true): Set<string> {
  const hidden = new Set(cells.filter((c) => !groupVisible(c.respondents)).map((c) => c.key))
  if (!totalVisible) return new Set(cells.map((c) => c.key))
  // The hidden cells together are what total minus visible cells reveals: they must form a group
  // of at least MIN_RESPONDENTS too (or be a lone empty cell), else hide the next smallest.
  const hiddenSum = () => cells.filter((c) => hidden.has(c.key)).reduce((n, c) => n + c.respondents, 0)
  while (hidden.size > 0 && hidden.size < cells.length && (hidden.size === 1 || hiddenSum() < MIN_RESPONDENTS) && !(hidden.size > 1 && hiddenSum() === 0)) {
    const next = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.respondents - b.respondents || a.key.localeCompare(b.key))[0]
    hidden.add(next.key)
  }
  return hidden
}

/** A published aggregate: the set of leaf cells (e.g. teams) it sums. */
export interface Aggregate {
  key: string
  leaves: readonly string[]
}

/**
 * Which aggregates to hide so that no group below MIN_RESPONDENTS can be recovered from visible
 * ones, when aggregates nest (a team inside the control group, a cohort inside the organisation).
 * Aggregates below the threshold are hidden. Then, for every visible aggregate B, the visible
 * aggregates inside it that do not overlap are subtracted from it: if what is left has between 1
 * and MIN_RESPONDENTS - 1 respondents, the smallest of them is hidden as well, until no such
 * difference remains.
 */
export function suppressNested(aggregates: readonly Aggregate[], respondents: ReadonlyMap<string, number>): Set<string> {
  const count = (leaves: Iterable<string>) => {
    let n = 0
    for (const l of leaves) n += respondents.get(l) ?? 0
    return n
  }
  const info = aggregates.map((a) => {
    const leaves = new Set([...a.leaves].filter((l) => (respondents.get(l) ?? 0) > 0))
    return { key: a.key, leaves, n: count(leaves) }
  })
  const hidden = new Set(info.filter((a) => !groupVisible(a.n)).map((a) => a.key))
  const inside = (a: Set<string>, b: Set<string>) => a.size < b.size && [...a].every((l) => b.has(l))
  // Which aggregates touch each leaf: only those can lie inside an aggregate containing it.
  const byLeaf = new Map<string, typeof info>()
  for (const a of info) for (const l of a.leaves) byLeaf.set(l, [...(byLeaf.get(l) ?? []), a])
  for (let changed = true; changed; ) {
    changed = false
    for (const b of info) {
      if (hidden.has(b.key)) continue
      const candidates = new Set<(typeof info)[number]>()
      for (const l of b.leaves) for (const a of byLeaf.get(l) ?? []) candidates.add(a)
      const subs = [...candidates].filter((a) => a !== b && !hidden.has(a.key) && inside(a.leaves, b.leaves)).sort((x, y) => y.n - x.n || x.key.localeCompare(y.key))
      const family: typeof subs = []
      const used = new Set<string>()
      for (const a of subs) {
        if ([...a.leaves].some((l) => used.has(l))) continue
        family.push(a)
        a.leaves.forEach((l) => used.add(l))
      }
      if (!family.length) continue
      const residue = b.n - family.reduce((n, a) => n + a.n, 0)
      if (residue > 0 && residue < MIN_RESPONDENTS) {
        hidden.add(family[family.length - 1].key)
        changed = true
      }
    }
  }
  return hidden
}

/** The field notes' calibration: a sustained 20–30 % improvement is a win; more is unsafe to demand. */
export const SAFE_IMPROVEMENT_MAX = 0.3

export function assessTarget(improvement: number): { unsafe: boolean; message: string | null } {
  if (!Number.isFinite(improvement) || improvement <= 0) return { unsafe: false, message: null }
  if (improvement > SAFE_IMPROVEMENT_MAX) {
    return {
      unsafe: true,
      message: `A target of ${Math.round(improvement * 100)} % is above the 30 % that teams can sustain safely; pushing for more invites burnout, slop and gamed numbers.`,
    }
  }
  return { unsafe: false, message: null }
}
