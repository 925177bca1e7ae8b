// Pure gate rules (no database). A gate opens only on outcomes: every criterion that counts must
// pass. Missing or too-thin data is INCONCLUSIVE, never a silent pass: a person decides, with a
// reason. Adoption figures are shown for context but can never open a gate.

export type GateMetric =
  | 'HIGH_SEVERITY_INCIDENTS_PER_100'
  | 'SATISFACTION_OVERALL'
  | 'LEARNING_PATH_COMPLETION'
  | 'OPEN_HIGH_SEVERITY_FINDINGS'
  | 'LEARNING_TIME_BOOKED'
  | 'TECH_DEBT_NET'
  | 'OFF_HOURS_LOAD'
  | 'ADOPTION'
  | 'CUSTOM'
export type GateComparator = 'AT_MOST' | 'AT_LEAST' | 'NOT_ABOVE_BASELINE' | 'NOT_BELOW_BASELINE'
export type CriterionStatus = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'INFO'
export type GateOutcome = 'PASS' | 'FAIL' | 'INCONCLUSIVE'

export const GATE_METRICS: GateMetric[] = ['HIGH_SEVERITY_INCIDENTS_PER_100', 'SATISFACTION_OVERALL', 'LEARNING_PATH_COMPLETION', 'OPEN_HIGH_SEVERITY_FINDINGS', 'LEARNING_TIME_BOOKED', 'TECH_DEBT_NET', 'OFF_HOURS_LOAD', 'ADOPTION', 'CUSTOM']
export const GATE_COMPARATORS: GateComparator[] = ['AT_MOST', 'AT_LEAST', 'NOT_ABOVE_BASELINE', 'NOT_BELOW_BASELINE']

export const METRIC_LABELS: Record<GateMetric, { label: string; unit: string }> = {
  HIGH_SEVERITY_INCIDENTS_PER_100: { label: 'SEV1–2 incidents per 100 developers per month', unit: '' },
  SATISFACTION_OVERALL: { label: 'Overall satisfaction (1–5)', unit: '' },
  LEARNING_PATH_COMPLETION: { label: 'Learning-path completion', unit: ' %' },
  OPEN_HIGH_SEVERITY_FINDINGS: { label: 'Open high-severity findings', unit: '' },
  LEARNING_TIME_BOOKED: { label: 'Learning hours per week booked (lowest team)', unit: ' h' },
  TECH_DEBT_NET: { label: 'Tech debt points opened minus repaid (last 90 days)', unit: '' },
  OFF_HOURS_LOAD: { label: 'Off-hours interruptions per 100 developers per month', unit: '' },
  ADOPTION: { label: 'People with access to the tools (adoption; context only)', unit: '' },
  CUSTOM: { label: 'Judged by a person', unit: '' },
}

export const COMPARATOR_LABELS: Record<GateComparator, string> = {
  AT_MOST: 'at most',
  AT_LEAST: 'at least',
  NOT_ABOVE_BASELINE: 'not above baseline +',
  NOT_BELOW_BASELINE: 'not below baseline −',
}

/** Comparators that need a baseline figure. */
export const BASELINE_COMPARATORS: GateComparator[] = ['NOT_ABOVE_BASELINE', 'NOT_BELOW_BASELINE']

/** The measured figure behind a criterion. `insufficient` says why it cannot be judged. */
export interface Figure {
  value: number | null
  baseline?: number | null
  insufficient?: string | null
  /** What the figure is made of, for the leader (counts, windows, control group). */
  detail?: string
}

export interface CriterionInput {
  metric: GateMetric
  comparator: GateComparator
  threshold: number | null
}

export interface CriterionResult {
  status: CriterionStatus
  value: number | null
  baseline: number | null
  /** The limit the value was compared with. */
  limit: number | null
  explanation: string
}

const round = (x: number) => Math.round(x * 100) / 100

export function evaluateCriterion(c: CriterionInput, f: Figure): CriterionResult {
  const baseline = f.baseline ?? null
  const value = f.value
  if (c.metric === 'ADOPTION') {
    return { status: 'INFO', value, baseline, limit: null, explanation: 'Adoption is shown for context only; it can never open a gate.' }
  }
  if (c.metric === 'CUSTOM') {
    return { status: 'INCONCLUSIVE', value: null, baseline: null, limit: null, explanation: f.insufficient ?? 'No figure: a person judges this criterion.' }
  }
  if (f.insufficient) return { status: 'INCONCLUSIVE', value, baseline, limit: null, explanation: f.insufficient }
  if (value === null || !Number.isFinite(value)) return { status: 'INCONCLUSIVE', value: null, baseline, limit: null, explanation: 'No data to judge this criterion.' }
  const margin = c.threshold ?? 0
  let limit: number
  let pass: boolean
  switch (c.comparator) {
    case 'AT_MOST':
      if (c.threshold === null) return { status: 'INCONCLUSIVE', value, baseline, limit: null, explanation: 'The criterion has no threshold.' }
      limit = c.threshold
      pass = value <= limit
      break
    case 'AT_LEAST':
      if (c.threshold === null) return { status: 'INCONCLUSIVE', value, baseline, limit: null, explanation: 'The criterion has no threshold.' }
      limit = c.threshold
      pass = value >= limit
      break
    case 'NOT_ABOVE_BASELINE':
      if (baseline === null || !Number.isFinite(baseline)) return { status: 'INCONCLUSIVE', value, baseline: null, limit: null, explanation: 'No baseline to compare with.' }
      limit = baseline + margin
      pass = value <= limit + 1e-9
      break
    case 'NOT_BELOW_BASELINE':
      if (baseline === null || !Number.isFinite(baseline)) return { status: 'INCONCLUSIVE', value, baseline: null, limit: null, explanation: 'No baseline to compare with.' }
      limit = baseline - margin
      pass = value >= limit - 1e-9
      break
  }
  const word = pass ? 'meets' : 'misses'
  return { status: pass ? 'PASS' : 'FAIL', value, baseline, limit: round(limit), explanation: `${round(value)} ${word} the limit of ${round(limit)}${baseline !== null && BASELINE_COMPARATORS.includes(c.comparator) ? ` (baseline ${round(baseline)})` : ''}.` }
}

/**
 * The gate as a whole: PASS only when at least one criterion counts and every counting criterion
 * passes; any FAIL fails it; otherwise INCONCLUSIVE. INFO (adoption) never counts.
 */
export function gateOutcome(results: Array<{ status: CriterionStatus }>): { outcome: GateOutcome; reason: string } {
  const counting = results.filter((r) => r.status !== 'INFO')
  if (counting.length === 0) return { outcome: 'INCONCLUSIVE', reason: 'The gate has no outcome criterion: adoption alone can never open it.' }
  const failed = counting.filter((r) => r.status === 'FAIL').length
  const open = counting.filter((r) => r.status === 'INCONCLUSIVE').length
  if (failed) return { outcome: 'FAIL', reason: `${failed} ${failed === 1 ? 'criterion' : 'criteria'} failed.` }
  if (open) return { outcome: 'INCONCLUSIVE', reason: `${open} ${open === 1 ? 'criterion is' : 'criteria are'} inconclusive: a person decides, with a reason.` }
  return { outcome: 'PASS', reason: 'Every criterion passed.' }
}

/** Whether advancing needs an override reason, and a clear refusal when one is missing. */
export function advanceDecision(outcome: GateOutcome, reason: string | null | undefined): { allowed: boolean; override: boolean; message?: string } {
  if (outcome === 'PASS') return { allowed: true, override: false }
  const text = (reason ?? '').trim()
  if (text.length < 10) {
    return { allowed: false, override: true, message: outcome === 'FAIL' ? 'The gate has failed. To advance anyway, write a reason (at least 10 characters); it is recorded in the audit log.' : 'The gate is inconclusive. To advance, write a reason (at least 10 characters); it is recorded in the audit log.' }
  }
  return { allowed: true, override: true }
}

// ---------------------------------------------------------------------------
// Minimum data before a figure can be judged
// ---------------------------------------------------------------------------

/** Fewer high-severity incidents than this across baseline and current window: too few to judge a rate. */
export const MIN_INCIDENTS_TO_JUDGE = 3
/** A stage must run this long before its outcome figures mean anything. */
export const MIN_OBSERVATION_DAYS = 28
/** Months before the start that make the baseline: the same as the outcome dashboards (lib/outcomes/queries.ts). */
export const BASELINE_MONTHS = 12
