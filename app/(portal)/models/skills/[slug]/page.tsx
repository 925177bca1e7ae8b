import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { isAppError } from '@/lib/errors'
import { importPromptfooAction, recordValidationAction } from '@/lib/models/actions'
import { getSkill, listModels } from '@/lib/models/queries'
import { RESULT_LABELS, RESULTS, SKILL_KIND_LABELS } from '@/lib/models/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { Button } from '@/components/ui/button'
import { ActionNotice, card, input, label, td, th } from '@/components/models/notice'
import { ResultBadge } from '@/components/models/result-badge'
import { SkillForm } from '@/components/models/skill-form'

export const metadata: Metadata = { title: 'Skill' }

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`)

export default async function SkillPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string>> }) {
  const { slug } = await params
  const user = await requirePageUser('models.view', `/models/skills/${encodeURIComponent(slug)}`)
  const sp = await searchParams
  const s = await getSkill(user, slug).catch((e) => { if (isAppError(e) && e.code === 'NOT_FOUND') notFound(); throw e })
  const manage = can(user, 'models.manage')
  const mayEdit = manage && (s.owner.id === user.id || user.role === 'LEADER' || user.role === 'ADMIN')
  const models = manage ? (await listModels(user)).filter((m) => m.status !== 'RETIRED') : []
  return (
    <div className="space-y-6">
      <PageHeader title={s.title} description={s.purpose} />
      <nav aria-label="Breadcrumb" className="text-sm"><Link className="underline underline-offset-2" href="/models/skills">← Skills &amp; prompts</Link></nav>
      <ActionNotice notice={sp.notice} error={sp.error} />

      <section aria-labelledby="about" className={card}>
        <h2 id="about" className="sr-only">About this skill</h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-fg-muted">Kind</dt><dd className="text-fg">{SKILL_KIND_LABELS[s.kind as keyof typeof SKILL_KIND_LABELS] ?? s.kind}</dd>
          <dt className="text-fg-muted">Owner</dt><dd className="text-fg">{s.owner.name}</dd>
          <dt className="text-fg-muted">Revision</dt><dd className="text-fg">{s.revision}{s.status === 'RETIRED' ? ' · retired' : ''}</dd>
          <dt className="text-fg-muted">Tags</dt><dd className="text-fg">{s.tags.length ? s.tags.join(', ') : '—'}</dd>
        </dl>
        {s.openTasks.length ? (
          <p className="mt-3 text-sm font-medium text-danger">Needs re-validation for {s.openTasks.map((t) => `${t.to} (due ${t.dueOn})`).join(', ')}.</p>
        ) : null}
      </section>

      <section aria-labelledby="text" className="space-y-2">
        <h2 id="text" className="text-lg font-semibold text-fg">Text</h2>
        <pre className="max-h-96 overflow-auto rounded-xl border border-line bg-surface-muted p-4 text-sm whitespace-pre-wrap text-fg" tabIndex={0} aria-labelledby="text">{s.body}</pre>
      </section>

      <section aria-labelledby="compare" className="space-y-2">
        <h2 id="compare" className="text-lg font-semibold text-fg">Side by side per model snapshot</h2>
        <p className="text-sm text-fg-muted">The latest record on each exact snapshot. Pass rates come from imported promptfoo evaluations.</p>
        {s.compare.length === 0 ? (
          <EmptyState title="Not validated on any model yet" headingLevel={3}>
            <p>{manage ? 'Record a validation or import a promptfoo results file below.' : 'An expert records how this skill performs on each model version.'}</p>
          </EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-xl border border-line bg-surface" tabIndex={0} role="region" aria-label="Comparison across model snapshots">
            <table className="w-full min-w-max">
              <caption className="sr-only">Latest validation of {s.title} on each model snapshot</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className={th}><span className="sr-only">Measure</span></th>
                  {s.compare.map((c) => <th key={c.model!.snapshot} scope="col" className={th}><span className="block text-sm text-fg">{c.model!.label}</span><code className="text-xs font-normal">{c.model!.snapshot}</code></th>)}
                </tr>
              </thead>
              <tbody>
                <tr className="border-t border-line"><th scope="row" className={th}>Result</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={td}><ResultBadge result={c.latest.result} /></td>)}</tr>
                <tr className="border-t border-line"><th scope="row" className={th}>Pass rate</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={td}>{c.passRate === null ? '–' : `${pct(c.passRate)} (${c.latest.passed}/${c.latest.total})`}</td>)}</tr>
                <tr className="border-t border-line"><th scope="row" className={th}>Date</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={td}>{c.latest.validatedOn}</td>)}</tr>
                <tr className="border-t border-line"><th scope="row" className={th}>Who</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={td}>{c.latest.by ?? '—'}</td>)}</tr>
                <tr className="border-t border-line"><th scope="row" className={th}>Revision</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={td}>{c.latest.revision}{c.latest.revision !== s.revision ? ' (older text)' : ''}</td>)}</tr>
                <tr className="border-t border-line"><th scope="row" className={th}>Notes</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={`${td} max-w-xs whitespace-normal`}>{c.latest.notes || '—'}</td>)}</tr>
                <tr className="border-t border-line"><th scope="row" className={th}>Records</th>{s.compare.map((c) => <td key={c.model!.snapshot} className={td}>{c.records}</td>)}</tr>
              </tbody>
            </table>
          </div>
        )}
      </section>

      {s.records.length ? (
        <section aria-labelledby="history" className="space-y-2">
          <h2 id="history" className="text-lg font-semibold text-fg">All validation records</h2>
          <div className="relative overflow-x-auto rounded-xl border border-line bg-surface" tabIndex={0} role="region" aria-label="All validation records">
            <table className="w-full min-w-[44rem]">
              <thead><tr><th className={th}>Date</th><th className={th}>Model snapshot</th><th className={th}>Result</th><th className={th}>Source</th><th className={th}>Who</th><th className={th}>Notes</th></tr></thead>
              <tbody>
                {s.records.map((r) => (
                  <tr key={r.id} className="border-t border-line">
                    <td className={`${td} whitespace-nowrap`}>{r.validatedOn}</td>
                    <td className={td}>{r.model.label} <code className="block text-xs text-fg-muted">{r.model.snapshot}</code></td>
                    <td className={td}><ResultBadge result={r.result} /></td>
                    <td className={td}>{r.source === 'promptfoo' ? `promptfoo${r.total ? ` ${r.passed}/${r.total}` : ''}` : 'manual'}</td>
                    <td className={td}>{r.by ?? '—'}</td>
                    <td className={`${td} min-w-48`}>{r.notes || '—'}{r.revision !== s.revision ? <span className="block text-xs text-fg-muted">revision {r.revision}</span> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {manage ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="record" className={`${card} min-w-0`}>
            <h2 id="record" className="mb-3 text-lg font-semibold text-fg">Record a validation</h2>
            {models.length === 0 ? <p className="text-sm text-fg-muted">Register a model version in the <Link className="underline" href="/models/registry">registry</Link> first.</p> : (
              <form action={recordValidationAction} className="space-y-3">
                <input type="hidden" name="slug" value={s.slug} />
                <div>
                  <label htmlFor="v-model" className={label}>Exact model snapshot</label>
                  <select id="v-model" name="modelVersionId" required className={input}>
                    {models.map((m) => <option key={m.id} value={m.id}>{m.label} — {m.snapshot}</option>)}
                  </select>
                </div>
                <fieldset>
                  <legend className={label}>Result</legend>
                  <div className="mt-1 flex flex-wrap gap-4">
                    {RESULTS.map((r) => <label key={r} className="flex items-center gap-2 text-sm text-fg"><input type="radio" name="result" value={r} required defaultChecked={r === 'SAME'} /> {RESULT_LABELS[r]}</label>)}
                  </div>
                </fieldset>
                <div>
                  <label htmlFor="v-date" className={label}>Validated on</label>
                  <input id="v-date" name="validatedOn" type="date" max={new Date().toISOString().slice(0, 10)} className={input} />
                </div>
                <div>
                  <label htmlFor="v-notes" className={label}>Notes</label>
                  <textarea id="v-notes" name="notes" rows={3} maxLength={4000} className={input} />
                </div>
                <Button type="submit">Record validation</Button>
              </form>
            )}
          </section>
          <section aria-labelledby="promptfoo" className={`${card} min-w-0`}>
            <h2 id="promptfoo" className="mb-1 text-lg font-semibold text-fg">Import promptfoo results</h2>
            <p id="promptfoo-hint" className="mb-3 text-sm text-fg-muted">
              The file <code>promptfoo eval --output results.json</code> writes (format version 2 or 3). One record per registered model snapshot
              (the part of the provider id after the last colon), with its pass rate; re-importing the same eval changes nothing.
            </p>
            <form action={importPromptfooAction} encType="multipart/form-data" className="space-y-3">
              <input type="hidden" name="slug" value={s.slug} />
              <div>
                <label htmlFor="pf-file" className={label}>results.json</label>
                <input id="pf-file" name="file" type="file" accept="application/json,.json" required aria-describedby="promptfoo-hint" className={`${input} file:mr-3 file:rounded file:border-0 file:bg-surface-muted file:px-2 file:py-1 file:text-fg`} />
              </div>
              <Button type="submit">Import results</Button>
            </form>
          </section>
        </div>
      ) : null}

      {mayEdit ? (
        <details className={card}>
          <summary className="cursor-pointer text-lg font-semibold text-fg">Edit this skill</summary>
          <div className="mt-4"><SkillForm initial={{ slug: s.slug, version: s.version, title: s.title, kind: s.kind, purpose: s.purpose, body: s.body, tags: s.tags }} /></div>
        </details>
      ) : null}
    </div>
  )
}
