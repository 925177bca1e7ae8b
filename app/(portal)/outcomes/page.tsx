import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { SECTIONS } from '@/components/shell/sections'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

export const metadata: Metadata = { title: 'Outcomes' }

const section = SECTIONS.outcomes

// What the rollout is judged by. Fixed explanatory text, not data: no figures until there are some.
const MEASURES = [
  {
    name: 'High-severity incidents',
    detail: 'Fewer serious production incidents than before the rollout.',
  },
  {
    name: 'Developer satisfaction',
    detail: 'How developers feel about their work with the tools, from anonymous pulse surveys.',
  },
  {
    name: 'Tech debt repaid',
    detail: 'Debt paid down alongside new work, not piled up faster.',
  },
  {
    name: 'Features shipped',
    detail: 'Counted only later, once everyone is trained and working smoothly.',
  },
]

export default async function OutcomesPage() {
  await requirePageUser('outcomes.view', section.href)

  return (
    <div className="space-y-8">
      <PageHeader title="Outcomes" description={section.summary} icon={<section.Icon className="size-5" />} />

      <section aria-labelledby="measures">
        <h2 id="measures" className="text-sm font-semibold text-fg">
          What the rollout is judged by
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {MEASURES.map((m) => (
            <div key={m.name} className="rounded-xl border border-line bg-surface p-4">
              <dt className="text-sm font-medium text-fg">{m.name}</dt>
              <dd className="mt-1 text-sm leading-relaxed text-fg-muted">{m.detail}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-fg-muted">
          Never by token counts, lines of code or how people compare with each other: those reward activity, not
          results.
        </p>
      </section>

      <EmptyState title={section.emptyTitle}>
        <p>{section.emptyBody}</p>
      </EmptyState>
    </div>
  )
}
