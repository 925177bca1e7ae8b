// The outcome metrics: one name per concept for charts, tables, CSV, API and targets. Client-safe.

export const OUTCOME_METRICS = [
  'HIGH_SEVERITY_INCIDENTS',
  'MTTR',
  'SATISFACTION_OVERALL',
  'SATISFACTION_TOOLS_HELP',
  'SATISFACTION_TIME_TO_LEARN',
  'SATISFACTION_WORKLOAD',
  'TECH_DEBT_REPAID',
  'THROUGHPUT',
] as const
export type OutcomeMetric = (typeof OUTCOME_METRICS)[number]

export interface MetricInfo {
  label: string
  unit: string
  /** What "better" means, so an improvement target has a direction. */
  better: 'lower' | 'higher'
  /** The legend: what the number is and how it is computed. */
  explain: string
  lagging?: boolean
}

export const METRIC_INFO: Record<OutcomeMetric, MetricInfo> = {
  HIGH_SEVERITY_INCIDENTS: {
    label: 'High-severity incidents (SEV1 + SEV2) per 100 developers',
    unit: 'per 100 developers per month',
    better: 'lower',
    explain: 'Production incidents of severity 1 and 2 that started in the month, divided by the group\'s developers and multiplied by 100, so groups of different sizes compare fairly.',
  },
  MTTR: {
    label: 'Mean time to resolve (MTTR)',
    unit: 'hours',
    better: 'lower',
    explain: 'Average hours from the start to the resolution of the incidents that started in the month and are resolved.',
  },
  SATISFACTION_OVERALL: {
    label: 'Overall satisfaction',
    unit: 'mean score 1-5',
    better: 'higher',
    explain: 'Mean answer to "overall satisfaction" in the month\'s pulse survey (1 = very unhappy, 5 = very happy). Hidden for groups of fewer than 5 respondents.',
  },
  SATISFACTION_TOOLS_HELP: {
    label: '"The AI tools help me do good work"',
    unit: 'mean score 1-5',
    better: 'higher',
    explain: 'Mean agreement (1-5) in the month\'s pulse survey. Hidden for groups of fewer than 5 respondents.',
  },
  SATISFACTION_TIME_TO_LEARN: {
    label: '"I have enough time to learn the tools"',
    unit: 'mean score 1-5',
    better: 'higher',
    explain: 'Mean agreement (1-5) in the month\'s pulse survey. Hidden for groups of fewer than 5 respondents.',
  },
  SATISFACTION_WORKLOAD: {
    label: '"My workload is sustainable"',
    unit: 'mean score 1-5',
    better: 'higher',
    explain: 'Mean agreement (1-5) in the month\'s pulse survey. Hidden for groups of fewer than 5 respondents.',
  },
  TECH_DEBT_REPAID: {
    label: 'Tech debt repaid per 100 developers',
    unit: 'points per 100 developers per month',
    better: 'higher',
    explain: 'Points of tech debt items closed in the month (S = 1, M = 3, L = 8 when an item has no points), per 100 developers. Shown beside the points opened.',
  },
  THROUGHPUT: {
    label: 'Features shipped per 100 developers (lagging indicator)',
    unit: 'features per 100 developers per month',
    better: 'higher',
    explain: 'Features shipped in the month per 100 developers. A lagging indicator: expect it to move only after the teams are trained and working smoothly.',
    lagging: true,
  },
}

/** Survey question keys behind the satisfaction metrics. */
export const SATISFACTION_QUESTIONS: Record<string, OutcomeMetric> = {
  overall: 'SATISFACTION_OVERALL',
  tools_help: 'SATISFACTION_TOOLS_HELP',
  time_to_learn: 'SATISFACTION_TIME_TO_LEARN',
  workload: 'SATISFACTION_WORKLOAD',
}

/**
 * Relative improvement of `value` over `baseline` in the metric's good direction (0.2 = 20 %
 * better). Null when there is nothing to compare.
 */
export function improvement(metric: OutcomeMetric, value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || !Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return null
  const change = (value - baseline) / Math.abs(baseline)
  return METRIC_INFO[metric].better === 'lower' ? -change : change
}
