import Link from 'next/link'
import { cx } from '@/components/ui/cx'

const LINKS = [
  { href: '/rollout', label: 'Overview' },
  { href: '/rollout/plan', label: 'Plan' },
  { href: '/rollout/experts', label: 'Experts' },
  { href: '/rollout/teams', label: 'Teams and pilots', full: true },
  { href: '/rollout/cohorts', label: 'Cohorts and gates', full: true },
  { href: '/rollout/findings', label: 'Findings', full: true },
  { href: '/rollout/audit', label: 'Decisions', audit: true },
]

/** The planner's sections. `full`: only for people who see every team (experts, leaders, admins). */
export function RolloutNav({ current, full, audit }: { current: string; full: boolean; audit: boolean }) {
  return (
    <nav aria-label="Rollout planner" className="-mx-1 flex flex-wrap gap-1 border-b border-line pb-2">
      {LINKS.filter((l) => (!l.full || full) && (!l.audit || audit)).map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={current === l.href ? 'page' : undefined}
          className={cx('rounded-md px-3 py-1.5 text-sm font-medium', current === l.href ? 'bg-accent-soft text-accent-text' : 'text-fg-muted hover:bg-surface-muted hover:text-fg')}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  )
}
