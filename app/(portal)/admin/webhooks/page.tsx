import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { listDeliveries, listWebhooks } from '@/lib/webhooks/endpoints'
import { deleteWebhookAction, testWebhookAction, toggleWebhookAction } from '@/lib/webhooks/actions'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { buttonClasses } from '@/components/ui/button'
import { ActionNotice, card, td, th } from '@/components/models/notice'
import { WebhookForm } from '@/components/models/webhook-form'

export const metadata: Metadata = { title: 'Webhooks' }
export const dynamic = 'force-dynamic'

const STATUS: Record<string, string> = { PENDING: 'Pending', DELIVERED: 'Delivered', FAILED: 'Failed' }
const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) + ' UTC' : '—')

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePageUser('admin.access', '/admin/webhooks')
  const sp = await searchParams
  const [hooks, deliveries] = await Promise.all([listWebhooks(user), listDeliveries(user, undefined, 100)])
  return (
    <div className="space-y-8">
      <PageHeader title="Webhooks" description="Outgoing, signed, Slack-compatible announcements of model changes and their stage steps. Failed deliveries are retried with backoff." />
      <nav aria-label="Breadcrumb" className="text-sm"><Link className="underline underline-offset-2" href="/admin">← Admin</Link></nav>
      <ActionNotice notice={sp.notice} error={sp.error} />

      <section aria-labelledby="endpoints" className="space-y-3">
        <h2 id="endpoints" className="text-lg font-semibold text-fg">Endpoints</h2>
        {hooks.length === 0 ? (
          <EmptyState title="No webhooks yet" headingLevel={3}><p>Add an endpoint below to announce model changes in a chat channel or another system.</p></EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-xl border border-line bg-surface" tabIndex={0} role="region" aria-label="Webhook endpoints">
            <table className="w-full min-w-[52rem]">
              <thead><tr><th className={th}>Name</th><th className={th}>URL</th><th className={th}>Secret</th><th className={th}>State</th><th className={th}>Deliveries</th><th className={th}><span className="sr-only">Actions</span></th></tr></thead>
              <tbody>
                {hooks.map((h) => (
                  <tr key={h.id} className="border-t border-line">
                    <td className={`${td} font-medium`}>{h.name}</td>
                    <td className={td}><code className="text-xs break-all">{h.url}</code></td>
                    <td className={td}><span aria-label="Secret hidden">••••••••</span></td>
                    <td className={td}>{h.active ? 'Enabled' : 'Disabled'}</td>
                    <td className={`${td} whitespace-nowrap`}>{h.delivered} delivered · {h.pending} pending · {h.failed} failed</td>
                    <td className={td}>
                      <div className="flex flex-wrap gap-2">
                        <form action={testWebhookAction}>
                          <input type="hidden" name="id" value={h.id} />
                          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Send test to ${h.name}`}>Send test</button>
                        </form>
                        <form action={toggleWebhookAction}>
                          <input type="hidden" name="id" value={h.id} />
                          <input type="hidden" name="version" value={h.version} />
                          <input type="hidden" name="active" value={h.active ? 'false' : 'true'} />
                          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`${h.active ? 'Disable' : 'Enable'} ${h.name}`}>{h.active ? 'Disable' : 'Enable'}</button>
                        </form>
                        <form action={deleteWebhookAction}>
                          <input type="hidden" name="id" value={h.id} />
                          <button type="submit" className={buttonClasses({ variant: 'ghost', size: 'sm' })} aria-label={`Delete ${h.name} and its delivery log`}>Delete</button>
                        </form>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="add" className={`${card} max-w-3xl`}>
        <h2 id="add" className="mb-3 text-lg font-semibold text-fg">Add a webhook</h2>
        <WebhookForm />
      </section>

      <section aria-labelledby="log" className="space-y-3">
        <h2 id="log" className="text-lg font-semibold text-fg">Delivery log</h2>
        <p className="text-sm text-fg-muted">The latest 100 deliveries. A failed attempt is retried after 30 s, 1, 2, 4 … minutes, up to 6 attempts. <Link className="underline" href="/admin/webhooks">Refresh</Link></p>
        {deliveries.length === 0 ? (
          <EmptyState title="Nothing sent yet" headingLevel={3}><p>Deliveries appear here when a model change is recorded or moves a stage, or when you send a test.</p></EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-xl border border-line bg-surface" tabIndex={0} role="region" aria-label="Delivery log">
            <table className="w-full min-w-[52rem]">
              <thead><tr><th className={th}>Queued</th><th className={th}>Endpoint</th><th className={th}>Event</th><th className={th}>Status</th><th className={th}>Attempts</th><th className={th}>Last response</th><th className={th}>Next retry</th></tr></thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-t border-line">
                    <td className={`${td} whitespace-nowrap`}>{when(d.createdAt)}</td>
                    <td className={td}>{d.endpointName}</td>
                    <td className={td}><code className="text-xs">{d.event}</code></td>
                    <td className={`${td} ${d.status === 'FAILED' ? 'text-danger' : ''}`}>{STATUS[d.status] ?? d.status}{d.deliveredAt ? <span className="block text-xs text-fg-muted">{when(d.deliveredAt)}</span> : null}</td>
                    <td className={td}>{d.attempts}</td>
                    <td className={`${td} max-w-xs break-words`}>{d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : ''}{d.lastError ? <span className="block text-xs text-danger">{d.lastError}</span> : null}{!d.lastStatusCode && !d.lastError ? '—' : null}</td>
                    <td className={`${td} whitespace-nowrap`}>{d.status === 'PENDING' ? when(d.nextAttemptAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
