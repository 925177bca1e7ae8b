// The chart and table model shared by the dashboard's server code and its client charts: plain
// serialisable data, ready to draw. Client-safe (no server imports).

export type SeriesKind = 'group' | 'baseline' | 'control'

export interface ChartSeries {
  key: string
  label: string
  kind: SeriesKind
}

export interface ChartRow {
  month: string
  label: string
  values: Record<string, number | null>
  /** Why a value is missing, per series key (e.g. the anonymity threshold). */
  notes?: Record<string, string>
}

export interface ChartModel {
  id: string
  title: string
  /** The legend: what the metric is and how to read it. */
  explain: string
  unit: string
  lagging?: boolean
  series: ChartSeries[]
  rows: ChartRow[]
  phases: Array<{ label: string; month: string }>
}

/** Rows of a chart as CSV cells (header first): month, then one column per series. */
export function chartCsv(model: ChartModel): { header: string[]; rows: Array<Array<string | number | null>> } {
  return {
    header: ['Month', ...model.series.map((s) => `${s.label} (${model.unit})`)],
    rows: model.rows.map((r) => [r.month, ...model.series.map((s) => r.values[s.key] ?? r.notes?.[s.key] ?? null)]),
  }
}
