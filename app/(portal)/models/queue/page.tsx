import type { Metadata } from 'next'
import Link from 'next/link'
import { z } from 'zod'
import { requirePageUser } from '@/lib/auth/guard'
import { listTasks } from '@/lib/models/queries'
import { pageNumberSchema, pageOf, readListQuery } from '@/lib/paging'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { Pagination } from '@/components/ui/pagination'
import { ActionNotice, td, th } from '@/components/models/notice'
import { TaskActions } from '@/components/models/task-actions'

export const metadata: Metadata = { title: 'My re-validation queue' }

// An owner of many modules can have hundreds of tasks after one model change: 25 to a page, each
// with its forms.
const QUEUE_PAGE_SIZE = 25
// notice / error: what a task action reports back (lib/models/actions.ts).
const queueQuerySchema = z.object({ page: pageNumberSchema, notice: z.string().optional().catch(undefined), error: z.string().optional().catch(undefined) })
const queueHref = (page: number) => (page > 1 ? `/models/queue?page=${page}` : '/models/queue')

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('models.view', '/models/queue')
  const { query, errors } = readListQuery(queueQuerySchema, await searchParams)
  const all = (await listTasks(user, { mine: 'true' })).filter((t) => t.status === 'OPEN' || t.status === 'UPDATING')
  const shown = pageOf(all, query.page, QUEUE_PAGE_SIZE)
  const tasks = shown.items
  return (
    <div className="space-y-6">
      <PageHeader title="My re-validation queue" description="Your training modules and skills that were validated on a model that is being replaced." />
      <ActionNotice notice={query.notice} error={query.error ?? (errors.length ? errors.join(' ') : undefined)} />
      {tasks.length === 0 ? <EmptyState title="Nothing to re-validate"><p>When a model change affects something you own, it shows up here.</p></EmptyState> : (
        <>
        {shown.pages > 1 ? <p className="text-sm text-fg-muted">Tasks {shown.first}–{shown.last} of {shown.total}, the earliest due first.</p> : null}
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="My re-validation tasks">
          <table className="w-full">
            <thead><tr><th className={th}>Item</th><th className={th}>Change</th><th className={th}>Due</th><th className={th}>Status</th><th className={th}>Re-validate</th></tr></thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id} className="border-t border-line">
                  <td className={td}><Link className="underline" href={t.item.href}>{t.item.title}</Link> <span className="text-xs text-fg-muted">({t.type})</span></td>
                  <td className={td}><Link className="underline" href={`/models/changes/${t.change.id}`}>{t.change.from?.label ?? '?'} → {t.change.to.label}</Link></td>
                  <td className={`${td} whitespace-nowrap`}>{t.dueOn}</td>
                  <td className={td}>{t.status === 'UPDATING' ? `Publish a new version validated on ${t.change.to.snapshot}` : 'Needs re-validation'}</td>
                  <td className={td}><TaskActions task={t} from={queueHref(shown.page)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination label="Pages of the queue" page={shown.page} pages={shown.pages} href={queueHref} />
        </>
      )}
    </div>
  )
}
