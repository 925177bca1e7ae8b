import { RESULT_LABELS, type ResultName } from '@/lib/models/schemas'
import { cx } from '@/components/ui/cx'

const STYLE: Record<ResultName, string> = {
  BETTER: 'border-accent/40 bg-accent-soft text-accent-text',
  SAME: 'border-line bg-surface-muted text-fg',
  WORSE: 'border-danger-line bg-surface text-danger',
  BROKEN: 'border-danger-line bg-danger-soft text-danger',
}
const MARK: Record<ResultName, string> = { BETTER: '▲', SAME: '=', WORSE: '▼', BROKEN: '✕' }

/** A validation result as text plus a mark (never colour alone). */
export function ResultBadge({ result, className }: { result: string; className?: string }) {
  const r = (result in RESULT_LABELS ? result : 'SAME') as ResultName
  return (
    <span className={cx('inline-flex items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs font-medium', STYLE[r], className)}>
      <span aria-hidden="true">{MARK[r]}</span>
      {RESULT_LABELS[r]}
    </span>
  )
}
