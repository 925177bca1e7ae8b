// Pure readiness rules: the two flags of the leader overview, each with the figures behind it.

/** Satisfaction must fall by at least this much (on the 1-5 scale) to count as falling. */
export const SATISFACTION_DROP = 0.1

export interface ReadinessInput {
  learningHoursPerWeek: number | null
  commitmentsRelaxed: boolean | null
}

/** "Mandate without training": a team entering or in a stage without learning time or with unchanged deadlines. */
export function mandateWithoutTraining(r: ReadinessInput | null): string[] {
  const reasons: string[] = []
  if (!r || r.learningHoursPerWeek === null || r.learningHoursPerWeek <= 0) reasons.push('no learning time booked')
  if (!r || !r.commitmentsRelaxed) reasons.push('delivery commitments unchanged')
  return reasons
}

export interface BurnoutInput {
  satisfactionBefore: number | null
  satisfactionNow: number | null
  incidentsBefore: number | null
  incidentsNow: number | null
  offHoursBefore: number | null
  offHoursNow: number | null
}

/**
 * Burnout risk: satisfaction falls while high-severity incidents or off-hours load rise (rates per
 * 100 developers per month, last 3 months against the 3 before). Null when satisfaction cannot be
 * shown (below the anonymity threshold): the flag is then not raised from a guess.
 */
export function burnoutRisk(x: BurnoutInput): { flagged: boolean; reasons: string[] } {
  if (x.satisfactionBefore === null || x.satisfactionNow === null) return { flagged: false, reasons: [] }
  const fell = x.satisfactionBefore - x.satisfactionNow >= SATISFACTION_DROP
  if (!fell) return { flagged: false, reasons: [] }
  const reasons = [`satisfaction fell from ${x.satisfactionBefore.toFixed(2)} to ${x.satisfactionNow.toFixed(2)}`]
  const rose = (a: number | null, b: number | null) => a !== null && b !== null && b > a
  if (rose(x.incidentsBefore, x.incidentsNow)) reasons.push(`SEV1–2 incidents per 100 developers rose from ${x.incidentsBefore!.toFixed(2)} to ${x.incidentsNow!.toFixed(2)}`)
  if (rose(x.offHoursBefore, x.offHoursNow)) reasons.push(`off-hours interruptions per 100 developers rose from ${x.offHoursBefore!.toFixed(2)} to ${x.offHoursNow!.toFixed(2)}`)
  return reasons.length > 1 ? { flagged: true, reasons } : { flagged: false, reasons: [] }
}
