import Link from 'next/link'
import type { SearchItemView } from '@/lib/training/queries'
import { AUDIENCE_LABELS } from '@/lib/training/schemas'
import { FreshnessBadge, KindBadge } from '@/components/training/badges'
import { formatDate } from '@/components/training/format'

/** Search results: the title is the one link to the module; tags filter the search. */
export function ResultList({ items, tagHref }: { items: SearchItemView[]; tagHref: (tag: string) => string }) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface">
      {items.map((item) => (
        <li key={item.slug} className="px-4 py-4 sm:px-5">
          <h3 className="text-[0.9375rem] font-semibold text-fg">
            <Link href={`/training/${item.slug}`} className="rounded-sm hover:text-accent-text hover:underline">
              {item.title}
            </Link>
          </h3>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5 mt-1.5">
            <KindBadge kind={item.kind} />
            <span className="text-xs font-medium text-fg-muted">v{item.version}</span>
            <FreshnessBadge stale={item.stale} retired={item.retired} />
          </div>
          <p className="mt-1 line-clamp-2 text-sm leading-relaxed text-fg-muted">{item.summary}</p>
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-fg-muted">
            <span>For {AUDIENCE_LABELS[item.audience].toLowerCase()}</span>
            <span aria-hidden="true">·</span>
            <span>Updated {formatDate(item.updatedAt)}</span>
            {item.tags.length ? (
              <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
                {item.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      href={tagHref(tag)}
                      className="tag-link"
                    >
                      <span className="sr-only">Show modules tagged </span>
                      {tag}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  )
}
