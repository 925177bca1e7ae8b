import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { SECTIONS } from '@/components/shell/sections'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

export const metadata: Metadata = { title: 'Training' }

const section = SECTIONS.training

export default async function TrainingPage() {
  await requirePageUser('training.view', section.href)

  return (
    <div className="space-y-8">
      <PageHeader title="Training" description={section.summary} icon={<section.Icon className="size-5" />} />
      <EmptyState title={section.emptyTitle}>
        <p>{section.emptyBody}</p>
      </EmptyState>
    </div>
  )
}
