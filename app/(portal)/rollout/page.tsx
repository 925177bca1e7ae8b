import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { SECTIONS } from '@/components/shell/sections'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

export const metadata: Metadata = { title: 'Rollout' }

const section = SECTIONS.rollout

export default async function RolloutPage() {
  await requirePageUser('rollout.view', section.href)

  return (
    <div className="space-y-8">
      <PageHeader title="Rollout" description={section.summary} icon={<section.Icon className="size-5" />} />
      <EmptyState title={section.emptyTitle}>
        <p>{section.emptyBody}</p>
      </EmptyState>
    </div>
  )
}
