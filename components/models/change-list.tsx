import Link from 'next/link'
import type { ChangeSummary } from '@/lib/models/queries'
import { CHANGE_STATUS_LABELS, STAGE_LABELS } from '@/lib/models/schemas'

// The feed / timeline of model changes with stage and progress.
export function ChangeList({ changes }: { changes: ChangeSummary[] }) {
  if (changes.length === 0) return <p className="text-sm text-fg-muted">No model changes recorded yet.</p>
  return (
    <ol className="space-y-3" aria-label="Model changes, newest first">
      {changes.map((c) => (
        <li key={c.id} className="rounded-xl border border-line bg-surface p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-base font-semibold text-fg">
              <Link href={`/models/changes/${c.id}`} className="hover:underline">
                {c.from?.label ?? 'Unknown'} → {c.to.label}
              </Link>
            </h3>
            <span className="rounded-md border border-line px-2 py-0.5 text-xs text-fg-muted">{CHANGE_STATUS_LABELS[c.status]}</span>
          </div>
          <p className="mt-1 text-xs text-fg-muted">
            <code>{c.from?.snapshot ?? '?'}</code> → <code>{c.to.snapshot}</code> · planned {c.plannedOn} · stages {c.scope.map((s) => STAGE_LABELS[s]).join(' → ')}
            {c.currentStage ? <> · now at <strong>{STAGE_LABELS[c.currentStage]}</strong></> : null}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <div className="h-2 w-40 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-label="Re-validated" aria-valuenow={c.progress.percent} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-full bg-accent" style={{ width: `${c.progress.percent}%` }} />
            </div>
            <span>{c.progress.percent}% re-validated</span>
            <span className="text-fg-muted">{c.progress.open} open task{c.progress.open === 1 ? '' : 's'} of {c.progress.total}</span>
          </div>
        </li>
      ))}
    </ol>
  )
}
