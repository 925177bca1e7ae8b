import Link from 'next/link'
import { KindBadge } from '@/components/training/badges'
import { formatDate } from '@/components/training/format'
import type { TrainingKind } from '@/lib/training/schemas'

export interface NewItem {
  slug: string
  title: string
  kind: TrainingKind
  version: number
  isNew: boolean
  publishedAt: string
}

export function NewSinceLastVisit({ items, since }: { items: NewItem[]; since: Date | null }) {
  return (
    <section aria-labelledby="new-since" className="space-y-3">
      <div>
        <h2 id="new-since" className="text-base font-semibold text-fg">
          New and updated since your last visit
        </h2>
        <p className="text-sm text-fg-muted">
          {since ? <>Published after {formatDate(since)}.</> : <>Your first visit: the most recently published modules.</>}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line-strong/60 bg-surface px-4 py-5 text-sm text-fg-muted">
          Nothing new since your last visit.
        </p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {items.map((item) => (
            <li key={item.slug} className="flex min-w-0 flex-col gap-1 rounded-lg border border-line bg-surface px-4 py-3">
              <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
                <span className={item.isNew ? 'font-semibold text-accent-text' : 'font-medium text-fg'}>
                  {item.isNew ? 'New' : `Updated to v${item.version}`}
                </span>
                <span aria-hidden="true">·</span>
                <span>{formatDate(item.publishedAt)}</span>
              </div>
              <Link href={`/training/${item.slug}`} className="truncate text-sm font-medium text-fg hover:text-accent-text hover:underline" title={item.title}>
                {item.title}
              </Link>
              <div>
                <KindBadge kind={item.kind} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
