import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { listTasks } from '@/lib/models/queries'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { ActionNotice, td, th } from '@/components/models/notice'
import { TaskActions } from '@/components/models/task-actions'

export const metadata: Metadata = { title: 'My re-validation queue' }

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePageUser('models.view', '/models/queue')
  const sp = await searchParams
  const tasks = (await listTasks(user, { mine: 'true' })).filter((t) => t.status === 'OPEN' || t.status === 'UPDATING')
  return (
    <div className="space-y-6">
      <PageHeader title="My re-validation queue" description="Your training modules and skills that were validated on a model that is being replaced." />
      <ActionNotice notice={sp.notice} error={sp.error} />
      {tasks.length === 0 ? <EmptyState title="Nothing to re-validate"><p>When a model change affects something you own, it shows up here.</p></EmptyState> : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="My re-validation tasks">
          <table className="w-full">
            <thead><tr><th className={th}>Item</th><th className={th}>Change</th><th className={th}>Due</th><th className={th}>Status</th><th className={th}>Re-validate</th></tr></thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id} className="border-t border-line">
                  <td className={td}><Link className="underline" href={t.item.href}>{t.item.title}</Link> <span className="text-xs text-fg-muted">({t.type})</span></td>
                  <td className={td}><Link className="underline" href={`/models/changes/${t.change.id}`}>{t.change.from?.label ?? '?'} → {t.change.to.label}</Link></td>
                  <td className={td}>{t.dueOn}</td>
                  <td className={td}>{t.status === 'UPDATING' ? `Publish a new version validated on ${t.change.to.snapshot}` : 'Needs re-validation'}</td>
                  <td className={td}><TaskActions task={t} from="/models/queue" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
