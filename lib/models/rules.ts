// Pure rules of model changes (no database). Every change of model version is a breaking change:
// whatever was validated on the old snapshot and not on the new one must be validated again.

export interface Validated {
  id: string
  /** Snapshot ids of the model versions its latest version was validated on. */
  snapshots: string[]
}

/** The items (training, skills, prompts) that a change from `from` to `to` puts up for re-validation. */
export function needsRevalidation<T extends Validated>(items: T[], from: string, to: string): T[] {
  return items.filter((i) => i.snapshots.includes(from) && !i.snapshots.includes(to))
}

/** A dated snapshot id, not only a family name (e.g. "claude-opus-4-7-20260115", "gpt-5.1-2025-11-13"). */
export function isExactSnapshot(id: string): boolean {
  return /(\d{8}|\d{4}-\d{2}-\d{2})$/.test(id.trim())
}

export const STAGE_ORDER = ['EXPERTS', 'PILOT', 'BROAD'] as const
export type StageKey = (typeof STAGE_ORDER)[number]

/** The stage after `current` in a change's scope; the first stage when not started; null after the last. */
export function nextStage(scope: readonly StageKey[], current: StageKey | null): StageKey | null {
  const ordered = STAGE_ORDER.filter((s) => scope.includes(s))
  if (!current) return ordered[0] ?? null
  const i = ordered.indexOf(current)
  return i === -1 ? null : (ordered[i + 1] ?? null)
}

/** Two open changes overlap when they reach the same cohorts, i.e. share a stage in scope. */
export function overlappingStages(a: readonly StageKey[], b: readonly StageKey[]): StageKey[] {
  return a.filter((s) => b.includes(s))
}

export type GateState = 'pass' | 'fail' | 'inconclusive' | 'not-applicable'

export interface IncidentWindow {
  /** High-severity (SEV1 + SEV2) incidents in the window. */
  highSeverity: number
  /** Developer-months in the window (team size x months), the exposure. */
  developerMonths: number
  months: number
}

/** Below these, a before/after comparison says nothing: the gate is inconclusive, not green. */
export const MIN_MONTHS_AFTER = 1
export const MIN_DEVELOPER_MONTHS = 20
/** A rise of more than 10 % (and at least one more incident than expected) counts as a rise. */
export const RISE_TOLERANCE = 0.1

/** Rate per 100 developer-months, or null without exposure. */
export function ratePer100(w: IncidentWindow): number | null {
  return w.developerMonths > 0 ? (w.highSeverity / w.developerMonths) * 100 : null
}

/** "No rise in high-severity incidents for cohorts already switched": before vs after the switch. */
export function incidentGate(before: IncidentWindow | null, after: IncidentWindow | null): { state: GateState; detail: string } {
  if (!before || !after) return { state: 'not-applicable', detail: 'No cohort has switched yet.' }
  if (after.months < MIN_MONTHS_AFTER || after.developerMonths < MIN_DEVELOPER_MONTHS || before.developerMonths < MIN_DEVELOPER_MONTHS) {
    return { state: 'inconclusive', detail: `Too little data since the switch (${after.months} month(s), ${after.developerMonths} developer-months; at least ${MIN_DEVELOPER_MONTHS} needed before and after).` }
  }
  const rb = ratePer100(before)!
  const ra = ratePer100(after)!
  const expected = (rb / 100) * after.developerMonths
  const rose = ra > rb * (1 + RISE_TOLERANCE) && after.highSeverity >= expected + 1
  const fmt = (n: number) => n.toFixed(2)
  return rose
    ? { state: 'fail', detail: `High-severity incidents rose from ${fmt(rb)} to ${fmt(ra)} per 100 developer-months after the switch.` }
    : { state: 'pass', detail: `High-severity incidents ${fmt(rb)} before, ${fmt(ra)} after per 100 developer-months: no rise.` }
}

export function revalidationGate(openForPath: number, pathModules: number): { state: GateState; detail: string } {
  if (pathModules === 0) return { state: 'pass', detail: 'The stage has no learning path modules to re-validate.' }
  return openForPath === 0
    ? { state: 'pass', detail: `All ${pathModules} learning path module(s) are re-validated or were not affected.` }
    : { state: 'fail', detail: `${openForPath} module(s) of the stage's learning path still need re-validation.` }
}

/** May the change go to the next stage? Red never; inconclusive only when a leader accepts it. */
export function mayAdvance(gates: Array<{ state: GateState }>, acceptInconclusive: boolean): boolean {
  if (gates.some((g) => g.state === 'fail')) return false
  if (gates.some((g) => g.state === 'inconclusive')) return acceptInconclusive
  return true
}

/** A task, or `count` tasks with the same status and owner (an aggregate row). */
export interface TaskLike { status: 'OPEN' | 'UPDATING' | 'DONE' | 'NOT_NEEDED'; ownerId: string; ownerName: string; count?: number }

/** % re-validated (closed tasks over all that are still needed) and what is left by owner. */
export function changeProgress(tasks: readonly TaskLike[]) {
  let needed = 0
  let done = 0
  let openCount = 0
  const byOwner = new Map<string, { ownerId: string; ownerName: string; open: number }>()
  for (const t of tasks) {
    const n = t.count ?? 1
    if (t.status === 'NOT_NEEDED') continue
    needed += n
    if (t.status === 'DONE') done += n
    if (t.status !== 'OPEN' && t.status !== 'UPDATING') continue
    openCount += n
    const e = byOwner.get(t.ownerId) ?? { ownerId: t.ownerId, ownerName: t.ownerName, open: 0 }
    e.open += n
    byOwner.set(t.ownerId, e)
  }
  return {
    total: needed,
    done,
    open: openCount,
    percent: needed === 0 ? 100 : Math.floor((done / needed) * 100),
    leftByOwner: [...byOwner.values()].sort((a, b) => b.open - a.open || a.ownerName.localeCompare(b.ownerName)),
  }
}

export interface ValidationRecordLike { modelSnapshot: string; result: 'BETTER' | 'SAME' | 'WORSE' | 'BROKEN'; at: Date; skillRevision: number }

/**
 * The snapshots a skill counts as validated on: per model, the latest record for the skill's
 * current text (revision) is not BROKEN.
 */
export function skillSnapshots(records: readonly ValidationRecordLike[], revision: number): string[] {
  const latest = new Map<string, ValidationRecordLike>()
  for (const r of records) {
    if (r.skillRevision !== revision) continue
    const prev = latest.get(r.modelSnapshot)
    if (!prev || r.at.getTime() >= prev.at.getTime()) latest.set(r.modelSnapshot, r)
  }
  return [...latest.values()].filter((r) => r.result !== 'BROKEN').map((r) => r.modelSnapshot)
}

/** An imported pass rate as a result, relative to the best other model's rate (5 points = same). */
export function resultFromPassRate(rate: number, baseline: number | null): 'BETTER' | 'SAME' | 'WORSE' | 'BROKEN' {
  if (rate === 0) return 'BROKEN'
  if (baseline === null) return 'SAME'
  if (rate > baseline + 0.05) return 'BETTER'
  if (rate < baseline - 0.05) return 'WORSE'
  return 'SAME'
}

/** Due date of a re-validation task: N days after the later of today and the planned date. */
export function dueOn(plannedOn: Date, today: Date, days: number): Date {
  const base = plannedOn.getTime() > today.getTime() ? plannedOn : today
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()))
  d.setUTCDate(d.getUTCDate() + days)
  return d
}

/** The model a team mostly used over a window: the one with the most interactions (ties by name). */
export function mainModel(rows: ReadonlyArray<{ model: string; interactions: number }>): string | null {
  const sums = new Map<string, number>()
  for (const r of rows) sums.set(r.model, (sums.get(r.model) ?? 0) + r.interactions)
  let best: string | null = null
  let bestN = -1
  for (const [m, n] of [...sums.entries()].sort((a, b) => a[0].localeCompare(b[0]))) if (n > bestN) { best = m; bestN = n }
  return bestN > 0 ? best : null
}
