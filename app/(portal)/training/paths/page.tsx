import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { getLearningPaths, searchTraining } from '@/lib/training/queries'
import { AUDIENCE_LABELS } from '@/lib/training/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { PathForm } from '@/components/training/path-form'

export const metadata: Metadata = { title: 'Learning paths' }

const STAGES = ['EXPERTS', 'PILOT', 'BROAD'] as const

export default async function PathsPage() {
  const user = await requirePageUser('training.author', '/training/paths')
  const [paths, published] = await Promise.all([getLearningPaths(user), searchTraining(user, { pageSize: 100 })])

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs items={[{ href: '/training', label: 'Training' }, { label: 'Learning paths' }]} />
        <PageHeader
          title="Learning paths"
          description="The ordered modules each rollout stage works through. Developers tick modules off for themselves; leaders see team percentages only."
        />
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        {STAGES.map((stage) => {
          const path = paths.find((p) => p.stage === stage)
          return (
            <PathForm
              key={stage}
              path={{
                stage,
                label: AUDIENCE_LABELS[stage],
                version: path?.version ?? null,
                title: path?.title ?? `${AUDIENCE_LABELS[stage]}: where to start`,
                description: path?.description ?? '',
                modules: path?.items.map((i) => i.slug) ?? [],
              }}
            />
          )
        })}
      </div>

      <section aria-labelledby="published" className="space-y-3">
        <h2 id="published" className="text-base font-semibold text-fg">
          Published modules
        </h2>
        <p className="text-sm text-fg-muted">
          Their addresses, to copy into a path{published.total > published.items.length ? ` (the ${published.items.length} most recent of ${published.total})` : ''}.
        </p>
        <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface text-sm">
          {published.items.map((m) => (
            <li key={m.slug} className="flex flex-col gap-0.5 px-4 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <span className="text-fg">{m.title}</span>
              <code className="font-mono text-xs break-all text-fg-muted select-all">{m.slug}</code>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
