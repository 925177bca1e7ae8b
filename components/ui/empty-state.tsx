import type { ReactNode } from 'react'
import { InboxIcon } from '@/components/ui/icons'

/**
 * What a list or report will show once there is something to show. Says so plainly instead of
 * rendering placeholder rows or zeros that could be mistaken for data.
 */
export function EmptyState({
  title,
  children,
  icon,
  headingLevel = 2,
}: {
  title: string
  children?: ReactNode
  icon?: ReactNode
  headingLevel?: 2 | 3
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div
      className="rounded-xl border border-dashed border-line-strong/60 bg-surface px-6 py-12 text-center sm:px-10"
    >
      <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-surface-muted text-fg-muted">
        {icon ?? <InboxIcon className="size-5" />}
      </span>
      <Heading className="mt-4 text-base font-semibold text-fg">{title}</Heading>
      {children ? <div className="mx-auto mt-2 max-w-md space-y-2 text-sm leading-relaxed text-pretty text-fg-muted">{children}</div> : null}
    </div>
  )
}
