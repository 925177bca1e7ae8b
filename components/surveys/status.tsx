import type { SurveyStatusName } from '@/lib/surveys/rules'
import { cx } from '@/components/ui/cx'

const LABELS: Record<SurveyStatusName, string> = { SCHEDULED: 'Scheduled', OPEN: 'Open', CLOSED: 'Closed' }

export function SurveyStatusBadge({ status }: { status: SurveyStatusName }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium',
        status === 'OPEN' ? 'border-accent bg-accent-soft text-accent-text' : 'border-line text-fg-muted',
      )}
    >
      {LABELS[status]}
    </span>
  )
}

/** A date and time people read at a glance (UTC on the server: the same text for everyone). */
export function formatWindow(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso))
}
