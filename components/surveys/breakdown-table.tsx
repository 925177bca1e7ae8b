import { NOT_ENOUGH_RESPONSES } from '@/lib/outcomes/rules'
import type { BucketResult } from '@/lib/surveys/results'
import { DownloadCsvButton } from '@/components/charts/download-csv'

const SHORT: Record<string, string> = { overall: 'Overall', tools_help: 'Tools help', time_to_learn: 'Time to learn', workload: 'Workload' }

/**
 * Means per question for each group of a breakdown; groups that did not pass the anonymity guard
 * say so instead of showing figures, with one message whichever rule hid them (which rule would
 * itself say something about the group's size).
 */
export function BreakdownTable({ by, buckets, questions, filename }: { by: string; buckets: BucketResult[]; questions: Array<{ key: string; prompt: string }>; filename: string }) {
  const header = [by, 'Respondents', 'Response rate (%)', ...questions.map((q) => `${q.prompt} (mean)`), 'Note']
  const rows = buckets.map((b) =>
      b.result.suppressed
        ? [b.label, null, null, ...questions.map(() => null), NOT_ENOUGH_RESPONSES]
        : [b.label, b.result.respondents, b.result.responseRate, ...questions.map((q) => (b.result.suppressed ? null : (b.result.questions.find((x) => x.key === q.key)?.mean ?? null))), ''],
  )
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">Mean answer per question by {by.toLowerCase()}</caption>
          <thead>
            <tr className="text-left text-xs text-fg-muted">
              <th scope="col" className="px-4 py-2 font-medium">{by}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Respondents</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Response rate</th>
              {questions.map((q) => (
                <th key={q.key} scope="col" className="px-3 py-2 text-right font-medium">
                  <abbr title={q.prompt} className="no-underline">{SHORT[q.key] ?? q.key}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.key} className="border-t border-line">
                <th scope="row" className="px-4 py-2 text-left font-medium text-fg">{b.label}</th>
                {b.result.suppressed ? (
                  <td colSpan={2 + questions.length} className="px-3 py-2 text-fg-muted">
                    {NOT_ENOUGH_RESPONSES}
                  </td>
                ) : (
                  <>
                    <td className="px-3 py-2 text-right text-fg tabular-nums">{b.result.respondents}</td>
                    <td className="px-3 py-2 text-right text-fg-muted tabular-nums">{b.result.responseRate === null ? '–' : `${b.result.responseRate} %`}</td>
                    {questions.map((q) => {
                      const m = b.result.suppressed ? null : b.result.questions.find((x) => x.key === q.key)?.mean
                      return (
                        <td key={q.key} className="px-3 py-2 text-right text-fg tabular-nums">
                          {m === null || m === undefined ? '–' : m.toFixed(2)}
                        </td>
                      )
                    })}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DownloadCsvButton header={header} rows={rows} name={filename} label="Download this table (CSV)" />
    </div>
  )
}
