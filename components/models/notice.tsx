import { cx } from '@/components/ui/cx'

/** The result of the last form action, read from the URL (?notice= / ?error=). */
export function ActionNotice({ notice, error }: { notice?: string; error?: string }) {
  if (!notice && !error) return null
  return (
    <div className="space-y-2">
      {notice ? <p role="status" className="rounded-lg border border-line bg-accent-soft px-3 py-2 text-sm text-fg">{notice}</p> : null}
      {error ? <p role="alert" className={cx('rounded-lg border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger')}>{error}</p> : null}
    </div>
  )
}

export const input = 'w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm text-fg focus:outline-2 focus:outline-accent'
export const label = 'block text-sm font-medium text-fg'
export const card = 'rounded-xl border border-line bg-surface p-4'
export const th = 'px-3 py-2 text-left text-xs font-medium text-fg-muted'
export const td = 'px-3 py-2 align-top text-sm text-fg'
