import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { markReadAction } from '@/lib/notifications/actions'
import { listNotifications } from '@/lib/notifications/queries'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { buttonClasses } from '@/components/ui/button'

export const metadata: Metadata = { title: 'Notifications' }

export default async function NotificationsPage() {
  const user = await requirePageUser('home.view', '/notifications')
  const list = await listNotifications(user)
  const unread = list.filter((n) => !n.read).length
  return (
    <div className="space-y-6">
      <PageHeader title="Notifications" description={`${unread} unread`} />
      {unread ? <form action={markReadAction}><button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>Mark all read</button></form> : null}
      {list.length === 0 ? <EmptyState title="No notifications"><p>Model changes that affect you or your cohort show up here.</p></EmptyState> : (
        <ul className="space-y-2">
          {list.map((n) => (
            <li key={n.id} className={`rounded-xl border border-line p-4 ${n.read ? 'bg-surface' : 'bg-accent-soft'}`}>
              <p className="text-sm font-semibold text-fg">{n.read ? null : <span className="sr-only">Unread: </span>}{n.href ? <Link className="underline" href={n.href}>{n.title}</Link> : n.title}</p>
              <p className="mt-1 text-sm text-fg-muted">{n.body}</p>
              <div className="mt-2 flex items-center gap-3 text-xs text-fg-muted">
                <time dateTime={n.createdAt}>{n.createdAt.slice(0, 16).replace('T', ' ')}</time>
                {n.read ? null : <form action={markReadAction}><input type="hidden" name="id" value={n.id} /><button type="submit" className="underline">Mark read</button></form>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
