import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { isAppError } from '@/lib/errors'
import { advanceChangeAction, cancelChangeAction, confirmChangeAction, rollbackChangeAction } from '@/lib/models/actions'
import { getChange } from '@/lib/models/queries'
import { CHANGE_STATUS_LABELS, STAGE_LABELS } from '@/lib/models/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { Button } from '@/components/ui/button'
import { ActionNotice, card, input, label, td, th } from '@/components/models/notice'
import { TaskActions } from '@/components/models/task-actions'

export const metadata: Metadata = { title: 'Model change' }

export default async function ChangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const { id } = await params
  const user = await requirePageUser('models.view', `/models/changes/${id}`)
  const sp = await searchParams
  const c = await getChange(user, id).catch((e) => { if (isAppError(e) && e.code === 'NOT_FOUND') notFound(); throw e })
  const manage = can(user, 'models.manage')
  const open = c.status === 'PLANNED' || c.status === 'IN_PROGRESS'
  const fmt = (n: number | null) => (n === null ? '–' : n.toFixed(2))
  return (
    <div className="space-y-6">
      <PageHeader title={`${c.from?.label ?? 'Unknown'} → ${c.to.label}`} description={`${CHANGE_STATUS_LABELS[c.status]} · planned ${c.plannedOn}${c.currentStage ? ` · at ${STAGE_LABELS[c.currentStage]}` : ''}`} />
      <ActionNotice notice={sp.notice} error={sp.error} />
      <section className={card} aria-labelledby="about">
        <h2 id="about" className="text-sm font-semibold text-fg">About</h2>
        <p className="mt-1 text-sm text-fg"><code>{c.from?.snapshot ?? '?'}</code> → <code>{c.to.snapshot}</code></p>
        <p className="mt-2 text-sm text-fg-muted">{c.reason}</p>
        {c.rollbackReason ? <p className="mt-2 text-sm text-danger">Rolled back: {c.rollbackReason}</p> : null}
        <p className="mt-2 text-sm"><strong>{c.progress.percent}% re-validated</strong> · {c.progress.open} open of {c.progress.total}</p>
        {c.progress.leftByOwner.length ? (
          <p className="mt-1 text-sm text-fg-muted">Left by owner: {c.progress.leftByOwner.map((o) => `${o.ownerName} (${o.open})`).join(', ')}</p>
        ) : null}
      </section>

      {c.gates.length ? (
        <section className={card} aria-labelledby="gates">
          <h2 id="gates" className="text-sm font-semibold text-fg">Gate for the next step{c.nextStage ? `: ${STAGE_LABELS[c.nextStage]}` : ': complete'}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {c.gates.map((g) => <li key={g.key}><strong>{g.state === 'pass' ? 'Open' : g.state === 'fail' ? 'Closed' : g.state === 'inconclusive' ? 'Inconclusive' : 'Not applicable'}</strong> — {g.label}: {g.detail}</li>)}
          </ul>
        </section>
      ) : null}

      {c.trend ? (
        <section className={card} aria-labelledby="trend">
          <h2 id="trend" className="text-sm font-semibold text-fg">High-severity incidents of switched cohorts (per 100 developer-months)</h2>
          <table className="mt-2 w-full">
            <thead><tr><th className={th}>Window</th><th className={th}>Incidents (SEV1+2)</th><th className={th}>Developer-months</th><th className={th}>Rate</th></tr></thead>
            <tbody>
              <tr><td className={td}>6 months before {c.trend.switchedOn}</td><td className={td}>{c.trend.before.highSeverity}</td><td className={td}>{c.trend.before.developerMonths}</td><td className={td}>{fmt(c.trend.before.ratePer100)}</td></tr>
              <tr><td className={td}>{c.trend.after.months} full month(s) after</td><td className={td}>{c.trend.after.highSeverity}</td><td className={td}>{c.trend.after.developerMonths}</td><td className={td}>{fmt(c.trend.after.ratePer100)}</td></tr>
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="tasks" className="space-y-2">
        <h2 id="tasks" className="text-lg font-semibold text-fg">Needs re-validation ({c.tasks.length})</h2>
        {c.tasks.length === 0 ? <p className="text-sm text-fg-muted">Nothing was validated only on the old model.</p> : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Re-validation tasks">
            <table className="w-full">
              <thead><tr><th className={th}>Item</th><th className={th}>Owner</th><th className={th}>Due</th><th className={th}>Status</th><th className={th}>Action</th></tr></thead>
              <tbody>
                {c.tasks.map((t) => (
                  <tr key={t.id} className="border-t border-line">
                    <td className={td}><Link className="underline" href={t.item.href}>{t.item.title}</Link> <span className="text-xs text-fg-muted">({t.type})</span></td>
                    <td className={td}>{t.owner.name}</td>
                    <td className={td}>{t.dueOn}</td>
                    <td className={td}>{t.status === 'DONE' ? `Done (${t.outcome?.toLowerCase()})` : t.status === 'NOT_NEEDED' ? 'Not needed' : t.status === 'UPDATING' ? 'Needs re-validation (update under way)' : 'Needs re-validation'}{t.closedReason ? <span className="block text-xs text-fg-muted">{t.closedReason}</span> : null}</td>
                    <td className={td}>{(t.owner.id === user.id || user.role === 'LEADER') ? <TaskActions task={t} from={`/models/changes/${c.id}`} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {manage && open ? (
        <section className="grid gap-4 md:grid-cols-2">
          <form action={advanceChangeAction} className={card + ' space-y-2'}>
            <h2 className="text-sm font-semibold text-fg">{c.nextStage ? `Switch ${STAGE_LABELS[c.nextStage]}` : 'Complete the change'}</h2>
            <input type="hidden" name="id" value={c.id} /><input type="hidden" name="version" value={c.version} />
            {user.role === 'LEADER' || user.role === 'ADMIN' ? <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="acceptInconclusive" /> Go ahead on inconclusive data</label> : null}
            <Button type="submit">{c.nextStage ? `Advance to ${STAGE_LABELS[c.nextStage]}` : 'Complete'}</Button>
          </form>
          <form action={rollbackChangeAction} className={card + ' space-y-2'}>
            <h2 className="text-sm font-semibold text-fg">Roll back</h2>
            <input type="hidden" name="id" value={c.id} /><input type="hidden" name="version" value={c.version} />
            <label htmlFor="reason" className={label}>Why (the new model is worse)</label>
            <textarea id="reason" name="reason" required minLength={10} rows={2} className={input} />
            <Button type="submit" variant="secondary">Roll back</Button>
          </form>
          {c.status === 'PLANNED' ? (
            <form action={cancelChangeAction} className={card + ' space-y-2'}>
              <input type="hidden" name="id" value={c.id} /><input type="hidden" name="version" value={c.version} />
              <label htmlFor="cancel-reason" className={label}>Cancel: reason</label>
              <input id="cancel-reason" name="reason" required minLength={3} className={input} />
              <Button type="submit" variant="ghost">Cancel change</Button>
            </form>
          ) : null}
        </section>
      ) : null}
      {manage && c.status === 'PROPOSED' ? (
        <form action={confirmChangeAction} className={card + ' space-y-2'}>
          <input type="hidden" name="id" value={c.id} /><input type="hidden" name="version" value={c.version} />
          <p className="text-sm text-fg">Proposed from {c.source ?? 'an import'}. A leader confirms it to flag items and create tasks.</p>
          <Button type="submit">Confirm change</Button>
        </form>
      ) : null}
    </div>
  )
}
