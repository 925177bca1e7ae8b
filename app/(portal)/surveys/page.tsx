import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { SECTIONS } from '@/components/shell/sections'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

export const metadata: Metadata = { title: 'Pulse surveys' }

const section = SECTIONS.surveys

export default async function SurveysPage() {
  await requirePageUser('surveys.answer', section.href)
  return (
    <div className="space-y-8">
      <PageHeader title="Pulse surveys" description={section.summary} icon={<section.Icon className="size-5" />} />
      <EmptyState title={section.emptyTitle}>
        <p>{section.emptyBody}</p>
      </EmptyState>
    </div>
  )
}
