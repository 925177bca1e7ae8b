import { FORMAT_LABELS, KIND_LABELS, type ImportFormat } from '@/lib/intake/types'
import type { ImportJobView } from '@/lib/intake/jobs'

const STATUS: Record<ImportJobView['status'], string> = { VALIDATING: 'Validating', INVALID: 'Invalid, nothing written', WRITING: 'Writing', SUCCEEDED: 'Imported', FAILED: 'Failed, nothing written' }

export function RecentImports({ jobs }: { jobs: ImportJobView[] }) {
  if (!jobs.length) return <p className="rounded-xl border border-dashed border-line-strong/60 bg-surface px-4 py-5 text-sm text-fg-muted">No imports yet. Files you import appear here with their counts.</p>
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Recent imports">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Recent imports</caption>
        <thead>
          <tr className="border-b border-line text-fg-muted">
            <th scope="col" className="py-1.5 pr-3">When</th><th scope="col" className="py-1.5 pr-3">What</th><th scope="col" className="py-1.5 pr-3">File</th>
            <th scope="col" className="py-1.5 pr-3">Result</th><th scope="col" className="py-1.5 pr-3 text-right">Created</th><th scope="col" className="py-1.5 pr-3 text-right">Updated</th><th scope="col" className="py-1.5 text-right">Row errors</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} className="border-b border-line/60">
              <td className="py-1.5 pr-3 whitespace-nowrap text-fg"><time dateTime={j.createdAt}>{j.createdAt.slice(0, 16).replace('T', ' ')}</time></td>
              <td className="py-1.5 pr-3 text-fg">{KIND_LABELS[j.kind] ?? j.kind}<span className="block text-xs text-fg-muted">{FORMAT_LABELS[j.format as ImportFormat] ?? j.format}</span></td>
              <td className="max-w-40 truncate py-1.5 pr-3 text-fg-muted">{j.fileName ?? '—'}</td>
              <td className="py-1.5 pr-3 text-fg">{STATUS[j.status]}{j.validOnly ? <span className="block text-xs text-fg-muted">valid rows only</span> : null}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums text-fg">{j.created}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums text-fg">{j.updated}</td>
              <td className="py-1.5 text-right tabular-nums text-fg">{j.errorCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
