import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { assignModelAction, createModelAction, importUsageAction, unassignModelAction, updateModelStatusAction } from '@/lib/models/actions'
import { listAssignables, listChanges, listModels, listRecentModelUsage } from '@/lib/models/queries'
import { MODEL_STATUSES } from '@/lib/models/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { Button, buttonClasses } from '@/components/ui/button'
import { ActionNotice, card, input, label, td, th } from '@/components/models/notice'

export const metadata: Metadata = { title: 'Model registry' }

const STATUS_LABEL: Record<string, string> = { EVALUATING: 'Evaluating', APPROVED: 'Approved', DEFAULT: 'Default', RETIRED: 'Retired' }
const USAGE_DAYS = 14

export default async function RegistryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePageUser('models.view', '/models/registry')
  const sp = await searchParams
  const manage = can(user, 'models.manage')
  const importer = can(user, 'outcomes.import')
  const [models, holders, usage, proposed] = await Promise.all([listModels(user), listAssignables(user), listRecentModelUsage(user, USAGE_DAYS), listChanges(user, { status: 'PROPOSED' })])
  // The most recent days in the imported reports (team totals of 5+ people only).
  const days = [...new Set(usage.map((u) => u.day))].sort()
  const usageRows = new Map<string, { day: string; team: string; models: Array<{ model: string; interactions: number }> }>()
  for (const u of usage) {
    const k = `${u.day}|${u.team}`
    const row = usageRows.get(k) ?? { day: u.day, team: u.team, models: [] }
    row.models.push({ model: u.model, interactions: u.interactions })
    usageRows.set(k, row)
  }
  const rows = [...usageRows.values()].sort((a, b) => (a.day === b.day ? a.team.localeCompare(b.team) : b.day.localeCompare(a.day)))
  const assignable = models.filter((m) => m.status !== 'RETIRED')

  return (
    <div className="space-y-8">
      <PageHeader title="Model registry" description="Every model version in use, named by its exact snapshot, and which cohorts and teams use it as their default or may use it." />
      <nav aria-label="Model changes sections" className="flex flex-wrap gap-3 text-sm">
        <Link className="underline underline-offset-2" href="/models">← Model changes</Link>
        <Link className="underline underline-offset-2" href="/models/skills">Skills &amp; prompts</Link>
        {importer ? <a className="underline underline-offset-2" href="#usage">Copilot usage</a> : null}
      </nav>
      <ActionNotice notice={sp.notice} error={sp.error} />

      <section aria-labelledby="versions" className="space-y-3">
        <h2 id="versions" className="text-lg font-semibold text-fg">Model versions</h2>
        {models.length === 0 ? (
          <EmptyState title="No model versions registered" headingLevel={3}><p>{manage ? 'Register the first one below with its exact snapshot id.' : 'Experts and leaders register the model versions teams use.'}</p></EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-xl border border-line bg-surface" tabIndex={0} role="region" aria-label="Model versions">
            <table className="w-full min-w-[52rem]">
              <thead>
                <tr><th className={th}>Model</th><th className={th}>Exact snapshot</th><th className={th}>Released</th><th className={th}>Status</th><th className={th}>Used by</th></tr>
              </thead>
              <tbody>
                {models.map((m) => (
                  <tr key={m.id} className="border-t border-line">
                    <td className={td}><span className="font-medium">{m.label}</span><span className="block text-xs text-fg-muted">{m.vendor} · {m.family}</span></td>
                    <td className={td}><code className="text-xs whitespace-nowrap">{m.snapshot}</code></td>
                    <td className={`${td} whitespace-nowrap`}>{m.releasedOn ?? '—'}</td>
                    <td className={td}>
                      {manage ? (
                        <form action={updateModelStatusAction} className="flex items-center gap-2">
                          <input type="hidden" name="id" value={m.id} />
                          <input type="hidden" name="version" value={m.version} />
                          <label htmlFor={`status-${m.id}`} className="sr-only">Status of {m.label}</label>
                          <select id={`status-${m.id}`} name="status" defaultValue={m.status} className="h-8 rounded-md border border-line-strong bg-surface px-2 text-sm text-fg">
                            {MODEL_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
                          </select>
                          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Save status of ${m.label}`}>Save</button>
                        </form>
                      ) : STATUS_LABEL[m.status]}
                    </td>
                    <td className={td}>
                      {m.usedBy.length === 0 ? <span className="text-fg-muted">No cohort or team</span> : (
                        <ul className="space-y-1">
                          {m.usedBy.map((u) => {
                            const who = u.cohort ? `${u.cohort.name} (cohort)` : `${u.team?.name ?? '?'} (team)`
                            return (
                              <li key={u.assignmentId} className="flex flex-wrap items-center gap-2">
                                <span className={u.use === 'DEFAULT' ? 'rounded bg-accent-soft px-1.5 text-xs font-medium text-accent-text' : 'rounded bg-surface-muted px-1.5 text-xs text-fg'}>{u.use === 'DEFAULT' ? 'Default' : 'Allowed'}</span>
                                <span>{who}</span>
                                {manage ? (
                                  <form action={unassignModelAction}>
                                    <input type="hidden" name="id" value={u.assignmentId} />
                                    <button type="submit" className="text-xs text-fg-muted underline hover:text-fg" aria-label={`Remove ${m.label} from ${who}`}>Remove</button>
                                  </form>
                                ) : null}
                              </li>
                            )
                          })}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {manage ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="assign" className={`${card} min-w-0`}>
            <h2 id="assign" className="mb-1 text-lg font-semibold text-fg">Assign a model</h2>
            <p className="mb-3 text-sm text-fg-muted">Making a model a default turns the previous default of that cohort or team into an allowed model. To switch everyone with re-validation, <Link className="underline" href="/models/changes/new">record a model change</Link> instead.</p>
            {assignable.length === 0 ? <p className="text-sm text-fg-muted">No model to assign yet.</p> : (
              <form action={assignModelAction} className="space-y-3">
                <div>
                  <label htmlFor="a-model" className={label}>Model</label>
                  <select id="a-model" name="modelVersionId" required className={input}>
                    {assignable.map((m) => <option key={m.id} value={m.id}>{m.label} — {m.snapshot}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor="a-holder" className={label}>Cohort or team</label>
                  <select id="a-holder" name="holder" required className={input}>
                    {holders.cohorts.length ? <optgroup label="Cohorts">{holders.cohorts.map((c) => <option key={c.id} value={`cohort:${c.id}`}>{c.name}</option>)}</optgroup> : null}
                    {holders.teams.length ? <optgroup label="Teams">{holders.teams.map((t) => <option key={t.id} value={`team:${t.id}`}>{t.name}</option>)}</optgroup> : null}
                  </select>
                </div>
                <fieldset>
                  <legend className={label}>Use</legend>
                  <div className="mt-1 flex gap-4 text-sm text-fg">
                    <label className="flex items-center gap-2"><input type="radio" name="use" value="DEFAULT" defaultChecked /> Default</label>
                    <label className="flex items-center gap-2"><input type="radio" name="use" value="ALLOWED" /> Allowed</label>
                  </div>
                </fieldset>
                <Button type="submit">Save assignment</Button>
              </form>
            )}
          </section>
          <section aria-labelledby="register" className={`${card} min-w-0`}>
            <h2 id="register" className="mb-3 text-lg font-semibold text-fg">Register a model version</h2>
            <form action={createModelAction} className="space-y-3">
              <div className="grid gap-3 sm:grid-cols-2">
                <div><label htmlFor="m-vendor" className={label}>Vendor</label><input id="m-vendor" name="vendor" required minLength={2} className={input} /></div>
                <div><label htmlFor="m-family" className={label}>Model name</label><input id="m-family" name="family" required minLength={2} placeholder="Claude Opus" className={input} /></div>
                <div><label htmlFor="m-label" className={label}>Version label</label><input id="m-label" name="label" required minLength={2} placeholder="Opus 4.7" className={input} /></div>
                <div><label htmlFor="m-released" className={label}>Release date</label><input id="m-released" name="releasedOn" type="date" className={input} /></div>
              </div>
              <div>
                <label htmlFor="m-snapshot" className={label}>Exact snapshot id</label>
                <p id="m-snapshot-hint" className="text-xs text-fg-muted">The dated model id, e.g. claude-opus-4-7-20260115 — not only the family name.</p>
                <input id="m-snapshot" name="snapshot" required aria-describedby="m-snapshot-hint" className={`${input} font-mono`} />
              </div>
              <div>
                <label htmlFor="m-status" className={label}>Status</label>
                <select id="m-status" name="status" defaultValue="EVALUATING" className={input}>
                  {MODEL_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
                </select>
              </div>
              <Button type="submit">Register model</Button>
            </form>
          </section>
        </div>
      ) : null}

      <section id="usage" aria-labelledby="usage-h" className="space-y-3">
        <h2 id="usage-h" className="text-lg font-semibold text-fg">Models teams actually use (GitHub Copilot usage metrics)</h2>
        <p className="max-w-3xl text-sm text-fg-muted">Per team and day, from imported Copilot usage-metrics reports: team totals of teams with at least 5 active people only. User ids and logins are dropped when the file is read and never stored.</p>
        {importer ? (
          <form action={importUsageAction} encType="multipart/form-data" className={`${card} grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end`}>
            <div>
              <label htmlFor="u-file" className={label}>Usage-metrics report (NDJSON)</label>
              <input id="u-file" name="file" type="file" accept=".ndjson,.jsonl,.json,application/x-ndjson,application/json" required aria-describedby="u-hint" className={`${input} file:mr-3 file:rounded file:border-0 file:bg-surface-muted file:px-2 file:py-1 file:text-fg`} />
            </div>
            <div>
              <label htmlFor="u-team" className={label}>Team (organisation totals only)</label>
              <select id="u-team" name="team" className={input}>
                <option value="">Per-user report</option>
                {holders.teams.map((t) => <option key={t.id} value={t.slug}>{t.name}</option>)}
              </select>
            </div>
            <Button type="submit">Import usage</Button>
            <p id="u-hint" className="text-xs text-fg-muted sm:col-span-3">One JSON object per line with <code>day</code> and <code>totals_by_language_model</code> / <code>totals_by_model_feature</code>. A model the registry does not know, or a team&apos;s main model shifting, is proposed as a model change below.</p>
          </form>
        ) : null}
        {rows.length === 0 ? (
          <EmptyState title="No usage imported yet" headingLevel={3}><p>{importer ? 'Import a Copilot usage-metrics report above.' : 'Leaders import Copilot usage-metrics reports here.'}</p></EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-xl border border-line bg-surface" tabIndex={0} role="region" aria-label="Model use per team and day">
            <table className="w-full min-w-[32rem]">
              <caption className="px-3 pt-2 text-left text-xs text-fg-muted">Interactions per model, last {days.length} day(s) in the imported reports ({days[0]} – {days.at(-1)})</caption>
              <thead><tr><th className={th}>Day</th><th className={th}>Team</th><th className={th}>Models (interactions)</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.day}|${r.team}`} className="border-t border-line">
                    <td className={`${td} whitespace-nowrap`}>{r.day}</td>
                    <td className={td}>{r.team}</td>
                    <td className={td}>{r.models.sort((a, b) => b.interactions - a.interactions).map((m) => `${m.model}: ${m.interactions}`).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3 className="pt-2 text-base font-semibold text-fg">Proposed model changes to confirm</h3>
        {proposed.length === 0 ? <p className="text-sm text-fg-muted">None: the imported usage matches the registry.</p> : (
          <ul className="space-y-2">
            {proposed.map((c) => (
              <li key={c.id} className={card}>
                <p className="text-sm font-medium text-fg"><Link className="underline" href={`/models/changes/${c.id}`}>{c.from?.label ?? 'Unknown'} → {c.to.label}</Link></p>
                <p className="mt-1 text-sm text-fg-muted">{c.reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
