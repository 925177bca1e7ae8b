import type { ReactNode } from 'react'
import { SECTIONS } from '@/components/shell/sections'
import { PageHeader } from '@/components/ui/page-header'
import { RolloutNav } from '@/components/rollout/rollout-nav'
import { can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'

export function RolloutHeader({ user, current, title, description }: { user: SessionUser; current: string; title: string; description?: ReactNode }) {
  const section = SECTIONS.rollout
  return (
    <div className="space-y-4">
      <PageHeader title={title} description={description ?? section.summary} icon={<section.Icon className="size-5" />} />
      <RolloutNav current={current} full={can(user, 'rollout.view')} audit={can(user, 'audit.view')} />
    </div>
  )
}

export function Card({ title, children, id, actions }: { title: string; children: ReactNode; id?: string; actions?: ReactNode }) {
  const hid = id ? `${id}-h` : undefined
  return (
    <section aria-labelledby={hid} id={id} className="rounded-xl border border-line bg-surface p-4 sm:p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={hid} className="text-base font-semibold text-fg">{title}</h2>
        {actions}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  )
}

export { th, td } from '@/components/ui/table'
