import 'server-only'
import type { SessionUser } from '@/lib/auth/session'
import { assertCan, can } from '@/lib/auth/permissions'
import { cachedByGeneration } from '@/lib/outcomes/cache'
import type { ChartModel, ChartRow } from '@/lib/outcomes/chart-model'
import { downsample, MAX_POINTS } from '@/lib/outcomes/downsample'
import type { SatisfactionFigure, ScaleQuestion } from '@/lib/outcomes/figures'
import { METRIC_INFO } from '@/lib/outcomes/metrics'
import { addMonthsToKey, monthKey, monthLabel, MONTH_PATTERN } from '@/lib/outcomes/months'
import { getOutcomes, listOutcomeGroups, type GroupView, type MonthFigures, type OutcomesView } from '@/lib/outcomes/queries'
import { NOT_ENOUGH_RESPONSES } from '@/lib/outcomes/rules'
import { GROUP_BY, type GroupBy } from '@/lib/outcomes/schemas'
import { listTargets, type TargetView } from '@/lib/outcomes/targets'

// What the /outcomes page shows, prepared on the server: the filters as understood, the chosen
// group's charts (bounded points per series) and the targets. The page only renders this.

export interface DashboardFilters {
  groupBy: GroupBy
  group: string | null
  from: string
  to: string
}

export interface OutcomeDashboard {
  filters: DashboardFilters
  /** Problems with the URL's filters, shown to the user (defaults were used instead). */
  notices: string[]
  options: Array<{ key: string; label: string }>
  group: Pick<GroupView, 'key' | 'label' | 'teams' | 'developers' | 'rolloutStart'> & { baselineRange: string | null } | null
  charts: ChartModel[]
  targets: TargetView[]
  canSetTargets: boolean
}

type Params = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * The URL's filters with defaults: the last 12 complete months, grouped by cohort. The running
 * month is left out of the default because its counts are partial and would read as a drop.
 */
export function readFilters(params: Params, now = new Date()): { filters: DashboardFilters; notices: string[] } {
  const notices: string[] = []
  const current = addMonthsToKey(monthKey(now), -1)
  const groupByRaw = one(params.groupBy)
  const groupBy = (GROUP_BY as readonly string[]).includes(groupByRaw ?? '') ? (groupByRaw as GroupBy) : 'cohort'
  if (groupByRaw && groupBy !== groupByRaw) notices.push('Unknown grouping in the link: showing cohorts.')
  let to = one(params.to) ?? current
  let from = one(params.from) ?? addMonthsToKey(to.match(MONTH_PATTERN) ? to : current, -11)
  if (!MONTH_PATTERN.test(to) || !MONTH_PATTERN.test(from) || from > to || Number(from.slice(0, 4)) < 2000 || addMonthsToKey(from, 119) < to) {
    notices.push('The date range in the link is not valid (months as YYYY-MM, from before to, at most 10 years): showing the last 12 complete months.')
    to = current
    from = addMonthsToKey(current, -11)
  }
  const group = one(params.group)?.match(/^[A-Za-z0-9_-]{1,64}$/) ? one(params.group)! : null
  return { filters: { groupBy, group, from, to }, notices }
}

const SAT_LABELS: Record<ScaleQuestion, string> = {
  overall: 'Overall satisfaction',
  tools_help: 'Tools help me do good work',
  time_to_learn: 'Enough time to learn',
  workload: 'Workload is sustainable',
}

function satMean(s: SatisfactionFigure, q: ScaleQuestion): number | null {
  return s && !s.suppressed ? (s.questions[q]?.mean ?? null) : null
}
function satNote(s: SatisfactionFigure): string | undefined {
  return s?.suppressed ? NOT_ENOUGH_RESPONSES : undefined
}

function bounded(rows: ChartRow[]): ChartRow[] {
  if (rows.length <= MAX_POINTS) return rows
  // Monthly series stay far below the bound; this keeps the promise for any range the schema allows.
  const keys = Object.keys(rows[0]?.values ?? {})
  const columns = keys.map((k) => downsample(rows.map((r) => ({ x: r.month, y: r.values[k] }))))
  return columns[0].map((p, i) => ({ month: p.x, label: monthLabel(p.x), values: Object.fromEntries(keys.map((k, j) => [k, columns[j][i]?.y ?? null])) }))
}

function buildCharts(view: OutcomesView, g: GroupView): ChartModel[] {
  const phases = view.phases
    .map((p) => ({ label: p.name, month: p.start.slice(0, 7) }))
    .filter((p) => p.month >= view.from && p.month <= view.to)
  const control = new Map(view.control.months.map((m) => [m.month, m]))
  const b = g.baseline
  const rowsOf = (fill: (m: MonthFigures, c: MonthFigures | undefined) => { values: Record<string, number | null>; notes?: Record<string, string> }) =>
    bounded(g.months.map((m) => ({ month: m.month, label: monthLabel(m.month), ...fill(m, control.get(m.month)) })))
  const base = 'Baseline (before rollout)'
  const ctl = 'Control (teams not yet in the rollout)'

  const charts: ChartModel[] = [
    {
      id: 'incidents', title: 'Incidents per 100 developers, by severity', unit: 'per 100 developers',
      explain: `${METRIC_INFO.HIGH_SEVERITY_INCIDENTS.explain} Lines per severity for ${g.label}; the dashed line is the group's own pre-rollout average of SEV1 + SEV2, the dotted one the same figure for teams not yet in the rollout.`,
      series: [
        { key: 'SEV1', label: 'SEV1', kind: 'group' }, { key: 'SEV2', label: 'SEV2', kind: 'group' },
        { key: 'SEV3', label: 'SEV3', kind: 'group' }, { key: 'SEV4', label: 'SEV4', kind: 'group' },
        { key: 'baseline', label: `SEV1 + SEV2: ${base}`, kind: 'baseline' }, { key: 'control', label: `SEV1 + SEV2: ${ctl}`, kind: 'control' },
      ],
      rows: rowsOf((m, c) => ({ values: { SEV1: m.incidentsPer100.SEV1, SEV2: m.incidentsPer100.SEV2, SEV3: m.incidentsPer100.SEV3, SEV4: m.incidentsPer100.SEV4, baseline: b?.incidentsPer100.high ?? null, control: c?.incidentsPer100.high ?? null } })),
      phases,
    },
    {
      id: 'mttr', title: METRIC_INFO.MTTR.label, unit: 'hours', explain: METRIC_INFO.MTTR.explain,
      series: [{ key: 'group', label: g.label, kind: 'group' }, { key: 'baseline', label: base, kind: 'baseline' }, { key: 'control', label: ctl, kind: 'control' }],
      rows: rowsOf((m, c) => ({ values: { group: m.mttrHours, baseline: b?.mttrHours ?? null, control: c?.mttrHours ?? null } })),
      phases,
    },
    {
      id: 'satisfaction', title: 'Developer satisfaction (pulse survey)', unit: 'mean score 1-5',
      explain: 'Mean answers (1 = strongly disagree or very unhappy, 5 = strongly agree or very happy) of the month\'s pulse survey. A group-month with fewer than 5 respondents, or one that could be worked out by subtracting two shown figures, is not shown, to protect anonymity.',
      series: [
        ...(Object.keys(SAT_LABELS) as ScaleQuestion[]).map((q) => ({ key: q, label: SAT_LABELS[q], kind: 'group' as const })),
        { key: 'baseline', label: `Overall: ${base}`, kind: 'baseline' }, { key: 'control', label: `Overall: ${ctl}`, kind: 'control' },
      ],
      rows: rowsOf((m, c) => {
        const notes: Record<string, string> = {}
        const n = satNote(m.satisfaction)
        if (n) for (const q of Object.keys(SAT_LABELS)) notes[q] = n
        const cn = c ? satNote(c.satisfaction) : undefined
        if (cn) notes.control = cn
        return {
          values: {
            ...Object.fromEntries((Object.keys(SAT_LABELS) as ScaleQuestion[]).map((q) => [q, satMean(m.satisfaction, q)])),
            baseline: b ? satMean(b.satisfaction, 'overall') : null,
            control: c ? satMean(c.satisfaction, 'overall') : null,
          },
          notes,
        }
      }),
      phases,
    },
    {
      id: 'tech-debt', title: 'Tech debt opened and repaid per 100 developers', unit: 'points per 100 developers',
      explain: METRIC_INFO.TECH_DEBT_REPAID.explain,
      series: [
        { key: 'opened', label: 'Opened', kind: 'group' }, { key: 'repaid', label: 'Repaid', kind: 'group' },
        { key: 'baseline', label: `Repaid: ${base}`, kind: 'baseline' }, { key: 'control', label: `Repaid: ${ctl}`, kind: 'control' },
      ],
      rows: rowsOf((m, c) => ({ values: { opened: m.techDebt.openedPointsPer100, repaid: m.techDebt.repaidPointsPer100, baseline: b?.techDebt.repaidPointsPer100 ?? null, control: c?.techDebt.repaidPointsPer100 ?? null } })),
      phases,
    },
    {
      id: 'throughput', title: METRIC_INFO.THROUGHPUT.label, unit: 'features per 100 developers', lagging: true,
      explain: METRIC_INFO.THROUGHPUT.explain,
      series: [{ key: 'group', label: g.label, kind: 'group' }, { key: 'baseline', label: base, kind: 'baseline' }, { key: 'control', label: ctl, kind: 'control' }],
      rows: rowsOf((m, c) => ({ values: { group: m.throughput.per100, baseline: b?.throughput.per100 ?? null, control: c?.throughput.per100 ?? null } })),
      phases,
    },
  ]
  return charts
}

/** outcomes.view. Everything the /outcomes page renders for the URL's filters. */
export async function getOutcomeDashboard(user: SessionUser, params: Params): Promise<OutcomeDashboard> {
  assertCan(user, 'outcomes.view')
  const { filters, notices } = readFilters(params)
  const targetsPromise = listTargets(user)
  // The group list, the chosen group's figures and its charts are the same for everyone who may see
  // outcomes: cached together under the rollup generation, so a view reads the generation once
  // (the inner reads are cached under it as well, and only run when it moved).
  const { options, chosen, group, charts } = await cachedByGeneration(
    `dashboard:${filters.groupBy}:${filters.group ?? ''}:${filters.from}:${filters.to}`,
    async () => {
      // First the list of groups (small tables), then the figures of one group only.
      const options = await listOutcomeGroups(user, filters.groupBy)
      const linked = filters.group && options.some((o) => o.key === filters.group) ? filters.group : null
      const chosen = linked ?? options[0]?.key ?? null
      const view = chosen ? await getOutcomes(user, { groupBy: filters.groupBy, from: filters.from, to: filters.to, group: chosen }) : null
      const g = view?.groups[0]
      return {
        options,
        chosen,
        group: g ? { key: g.key, label: g.label, teams: g.teams, developers: g.developers, rolloutStart: g.rolloutStart, baselineRange: g.baseline ? `${monthLabel(g.baseline.from)} to ${monthLabel(g.baseline.to)}` : null } : null,
        charts: view && g ? buildCharts(view, g) : [],
      }
    },
  )
  if (filters.group && chosen !== filters.group) notices.push('The group in the link does not exist for this grouping: showing the first one.')
  return {
    filters: { ...filters, group: chosen },
    notices,
    options,
    group,
    charts,
    targets: await targetsPromise,
    canSetTargets: can(user, 'outcomes.targets'),
  }
}
