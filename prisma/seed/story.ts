// The shape of the demo story in numbers, kept in one place so it stays honest and consistent:
// the pilot teams get a modest improvement (about a fifth fewer high-severity incidents) after a
// dip in their first month; nobody else changes much. No effect is larger than the field reports
// as safely achievable today (20-30%).

/** Incidents per 100 developers per month, before any rollout effect. */
export const INCIDENT_RATES = { high: 5.0, SEV3: 14, SEV4: 22 } as const
/** Share of high-severity incidents that are SEV1 (the rest are SEV2). */
export const SEV1_SHARE = 0.12

/** Busier months page more: peak season in November and December, a little quieter in August. */
export function seasonalLoad(month: Date): number {
  return [1.03, 0.99, 1, 0.99, 1, 0.99, 0.98, 0.95, 1, 1.01, 1.04, 1.05][month.getUTCMonth()]
}

/** Months since the pilot started (null: not a pilot team, or before the pilot). */
export function highSeverityFactor(pilotMonth: number | null): number {
  if (pilotMonth === null) return 1
  if (pilotMonth === 0) return 1.12 // the learning dip: more mistakes while people learn
  if (pilotMonth === 1) return 0.8
  return 0.62
}

export function lowSeverityFactor(pilotMonth: number | null): number {
  if (pilotMonth === null) return 1
  return pilotMonth === 0 ? 1.08 : 0.94
}

/** Features shipped: a lagging indicator that dips first and recovers only slightly above baseline. */
export function throughputFactor(pilotMonth: number | null): number {
  if (pilotMonth === null) return 1
  return [0.82, 0.9, 0.98, 1.03][pilotMonth] ?? 1.06
}

/** Release freezes and holidays. */
export function throughputSeason(month: Date): number {
  return [0.92, 1, 1.02, 1, 1.02, 1, 0.95, 0.82, 1.02, 1.03, 1, 0.74][month.getUTCMonth()]
}

/** Chance per month that an open tech debt item is repaid. */
export function debtRepayChance(pilotMonth: number | null, size: 'S' | 'M' | 'L'): number {
  const base = pilotMonth === null ? 0.055 : pilotMonth === 0 ? 0.045 : 0.075
  return size === 'L' ? base * 0.6 : base
}

export type Who = 'team' | 'pilot' | 'expert'

export interface ScoreMeans {
  overall: number
  tools_help: number
  time_to_learn: number
  workload: number
}

const BASE: ScoreMeans = { overall: 3.45, tools_help: 3.0, time_to_learn: 2.6, workload: 3.1 }

/**
 * Mean pulse scores. `stageMonth` counts from the pilot start for pilot teams and from the plan
 * start for experts; null before their stage.
 */
export function scoreMeans(who: Who, stageMonth: number | null, afterPlanStart: boolean, teamOffset: number): ScoreMeans {
  const m = { ...BASE }
  m.overall += teamOffset
  if (who === 'pilot' && stageMonth !== null) {
    const [o, t, l, w] = stageMonth === 0 ? [-0.25, -0.1, 0.3, -0.35] : stageMonth === 1 ? [-0.05, 0.35, 0.7, -0.15] : [0.18, 0.65, 0.85, 0.05]
    m.overall += o; m.tools_help += t; m.time_to_learn += l; m.workload += w
  } else if (who === 'expert' && stageMonth !== null) {
    const [o, t, l, w] = stageMonth === 0 ? [0.2, 0.5, 1.0, -0.2] : [0.35, 0.95, 1.1, -0.1]
    m.overall += o; m.tools_help += t; m.time_to_learn += l; m.workload += w
  } else if (afterPlanStart) {
    // Waiting teams hear about the rollout second-hand and some try tools on their own.
    m.overall -= 0.03; m.tools_help += 0.05; m.time_to_learn -= 0.05
  }
  return m
}
