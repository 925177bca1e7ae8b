'use client'

import dynamic from 'next/dynamic'
import { useId, useState } from 'react'
import { chartCsv, type ChartModel } from '@/lib/outcomes/chart-model'
import { DownloadCsvButton } from '@/components/charts/download-csv'
import { buttonClasses } from '@/components/ui/button'

const LineChartInner = dynamic(() => import('@/components/charts/line-chart-inner'), {
  ssr: false,
  loading: () => <div className="h-[280px] animate-pulse rounded-lg bg-surface-muted" aria-hidden="true" />,
})

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toLocaleString('en-GB', { maximumFractionDigits: 2 }))

/** One outcome chart with its legend, a table view toggle and CSV export. */
export function OutcomeChart({ model, csvName }: { model: ChartModel; csvName: string }) {
  const [table, setTable] = useState(false)
  const id = useId()
  const csv = chartCsv(model)
  const hasData = model.rows.some((r) => model.series.some((s) => s.kind === 'group' && r.values[s.key] !== null && r.values[s.key] !== undefined))
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-line bg-surface p-4 sm:p-5" data-chart={model.id}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-base font-semibold text-fg">
            {model.title}
            {model.lagging ? <span className="ml-2 rounded-full border border-line px-2 py-0.5 text-xs font-medium text-fg-muted">Lagging indicator</span> : null}
          </h3>
          <p id={`${id}-legend`} className="mt-1 max-w-3xl text-sm leading-relaxed text-fg-muted">{model.explain}</p>
        </div>
        <div className="flex shrink-0 gap-2">
          <button type="button" aria-pressed={table} onClick={() => setTable((t) => !t)} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            {table ? 'Show chart' : 'Show table'}
          </button>
          <DownloadCsvButton name={csvName} header={csv.header} rows={csv.rows} />
        </div>
      </div>
      <div className="mt-4">
        {!hasData ? (
          <p className="rounded-lg border border-dashed border-line px-4 py-8 text-center text-sm text-fg-muted">
            No data for this group in these months yet. Import it from the outcomes import page, or widen the date range.
          </p>
        ) : table ? (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] border-collapse text-sm">
              <caption className="sr-only">{model.title}, {model.unit}</caption>
              <thead>
                <tr className="border-b border-line text-left text-fg-muted">
                  <th scope="col" className="py-2 pr-3 font-medium">Month</th>
                  {model.series.map((s) => <th key={s.key} scope="col" className="py-2 pr-3 font-medium">{s.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {model.rows.map((r) => (
                  <tr key={r.month} className="border-b border-line/60">
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium text-fg">{r.label}</th>
                    {model.series.map((s) => (
                      <td key={s.key} className="py-1.5 pr-3 tabular-nums text-fg">
                        {fmt(r.values[s.key]) ?? <span className="text-fg-muted">{r.notes?.[s.key] ?? '–'}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div role="img" aria-label={`${model.title}: line chart; use "Show table" for the figures`} className="text-fg-muted">
            <LineChartInner model={model} />
          </div>
        )}
      </div>
    </section>
  )
}
