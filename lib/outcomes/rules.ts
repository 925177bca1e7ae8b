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
  if (hidden.size === 1 && cells.length > 1) {
    const next = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.respondents - b.respondents || a.key.localeCompare(b.key))[0]
    if (next) hidden.add(next.key)
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
