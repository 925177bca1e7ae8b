import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { getWorkspace, type WorkItem } from '@/lib/training/queries'
import { buttonClasses } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { StatusBadge } from '@/components/training/badges'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { formatDate } from '@/components/training/format'
import { PencilIcon } from '@/components/training/icons'
import { FlagQueue } from '@/components/training/flag-queue'

export const metadata: Metadata = { title: 'Your workspace' }

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-xl border border-dashed border-line-strong/60 bg-surface px-4 py-5 text-sm text-fg-muted">{children}</p>
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="flex items-baseline gap-2 text-base font-semibold text-fg">
        {title}
        <span className="text-sm font-normal text-fg-muted">({count})</span>
      </h2>
      {children}
    </section>
  )
}

function WorkList({ items, showOwner }: { items: WorkItem[]; showOwner?: boolean }) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface">
      {items.map((item) => (
        <li key={item.slug} className="flex flex-wrap items-center gap-x-4 gap-y-1.5 px-4 py-3">
          <div className="min-w-0 flex-1">
            <Link href={`/training/${item.slug}/edit`} className="font-medium text-fg hover:text-accent-text hover:underline">
              {item.title}
            </Link>
            <p className="text-xs text-fg-muted">
              {showOwner ? <>By {item.owner} · </> : null}
              Updated {formatDate(item.updatedAt)}
              {item.latestVersion > 0 ? <> · Published v{item.latestVersion}</> : <> · Not published yet</>}
            </p>
          </div>
          <StatusBadge status={item.status} />
        </li>
      ))}
    </ul>
  )
}

export default async function WorkspacePage() {
  const user = await requirePageUser('training.author', '/training/workspace')
  const ws = await getWorkspace(user)

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs items={[{ href: '/training', label: 'Training' }, { label: 'Your workspace' }]} />
        <div className="flex flex-col gap-4 border-b border-line pb-6 sm:flex-row sm:items-end sm:justify-between [&>header]:border-0 [&>header]:pb-0">
          <PageHeader title="Your workspace" description="Your drafts, reviews waiting for you, modules ready to publish and flags readers raised on your modules." />
          <Link href="/training/new" className={buttonClasses({ size: 'sm', className: 'shrink-0 self-start sm:self-auto' })}>
            <PencilIcon className="size-4" />
            Write a module
          </Link>
        </div>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="drafts" title="Your drafts" count={ws.mine.length}>
          {ws.mine.length ? <WorkList items={ws.mine} /> : <Empty>No drafts in progress. Modules you write appear here until they are published.</Empty>}
        </Section>

        <Section id="to-review" title="Waiting for your review" count={ws.toReview.length}>
          {ws.toReview.length ? (
            <WorkList items={ws.toReview} showOwner />
          ) : (
            <Empty>Nothing to review. Modules other experts submit appear here; you never review your own.</Empty>
          )}
        </Section>

        <Section id="to-publish" title="Approved, ready to publish" count={ws.toPublish.length}>
          {ws.toPublish.length ? <WorkList items={ws.toPublish} showOwner /> : <Empty>No approved module is waiting to be published.</Empty>}
        </Section>

        <Section id="flags" title="Flags on your modules" count={ws.flags.length}>
          <FlagQueue flags={ws.flags} />
        </Section>
      </div>
    </div>
  )
}
