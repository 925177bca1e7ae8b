// Pure rules of the rollout plan (no database): the shape the field notes prescribe.

export const PLAN_MIN_MONTHS = 9
export const PLAN_MAX_MONTHS = 18
export const PILOT_MIN_WEEKS = 8

export type Stage = 'EXPERTS' | 'PILOT' | 'BROAD'

export interface PhaseDates {
  stage: Stage
  name: string
  plannedStart: Date
  plannedEnd: Date
}

/** Whole and fractional months between two dates (30.44-day months). */
export function monthsBetween(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / (30.44 * 86_400_000)
}

/** Problems with a plan's overall length and order, each a sentence for the leader. */
export function planWarnings(phases: PhaseDates[]): string[] {
  if (phases.length === 0) return ['The plan has no phases yet.']
  const start = new Date(Math.min(...phases.map((p) => p.plannedStart.getTime())))
  const end = new Date(Math.max(...phases.map((p) => p.plannedEnd.getTime())))
  const months = monthsBetween(start, end)
  const warnings: string[] = []
  if (months < PLAN_MIN_MONTHS) warnings.push(`The plan spans ${months.toFixed(1)} months: a skills and culture change needs 9–18 months, not a quarter.`)
  if (months > PLAN_MAX_MONTHS) warnings.push(`The plan spans ${months.toFixed(1)} months: beyond 18 months the early lessons go stale; tighten the stages.`)
  for (const p of phases) if (p.plannedEnd <= p.plannedStart) warnings.push(`Phase “${p.name}” ends before it starts.`)
  const pilotStarts = phases.filter((p) => p.stage === 'PILOT').map((p) => p.plannedStart.getTime())
  for (const broad of phases.filter((p) => p.stage === 'BROAD')) {
    if (pilotStarts.length === 0) {
      warnings.push(`Phase “${broad.name}” goes broad without any pilot phase.`)
      continue
    }
    const weeks = (broad.plannedStart.getTime() - Math.min(...pilotStarts)) / (7 * 86_400_000)
    if (weeks < PILOT_MIN_WEEKS) warnings.push(`Phase “${broad.name}” starts the broad rollout after ${Math.max(0, Math.floor(weeks))} weeks of pilots; pilots need at least ${PILOT_MIN_WEEKS} weeks to find the gaps.`)
  }
  return warnings
}
