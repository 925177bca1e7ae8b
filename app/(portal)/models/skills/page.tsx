import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { listSkillOwners, listSkills, listSkillTags } from '@/lib/models/queries'
import { SKILL_KIND_LABELS } from '@/lib/models/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { buttonClasses } from '@/components/ui/button'
import { ActionNotice, card, input, label } from '@/components/models/notice'
import { ResultBadge } from '@/components/models/result-badge'
import { SkillForm } from '@/components/models/skill-form'

export const metadata: Metadata = { title: 'Skills & prompts' }

type SP = Promise<Record<string, string | string[] | undefined>>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''

export default async function SkillsPage({ searchParams }: { searchParams: SP }) {
  const user = await requirePageUser('models.view', '/models/skills')
  const sp = await searchParams
  const q = { search: one(sp.q).trim().slice(0, 200), tag: one(sp.tag), ownerId: one(sp.owner) }
  const [skills, tags, owners] = await Promise.all([listSkills(user, q), listSkillTags(user), listSkillOwners(user)])
  const manage = can(user, 'models.manage')
  const leader = user.role === 'LEADER' || user.role === 'ADMIN'
  const filtered = Boolean(q.search || q.tag || q.ownerId)
  return (
    <div className="space-y-6">
      <PageHeader title="Skills & prompts" description="Reusable skills, prompts and agent instructions, each with its validation record per exact model snapshot." />
      <nav aria-label="Model changes sections" className="flex flex-wrap gap-2 text-sm">
        <Link className="underline underline-offset-2" href="/models">← Model changes</Link>
        <Link className="underline underline-offset-2" href="/models/registry">Registry</Link>
      </nav>
      <ActionNotice notice={one(sp.notice) || undefined} error={one(sp.error) || undefined} />

      <form method="get" action="/models/skills" role="search" aria-label="Find skills" className={`${card} grid gap-3 sm:grid-cols-[1fr_12rem_12rem_auto] sm:items-end`}>
        <div>
          <label htmlFor="q" className={label}>Search title or purpose</label>
          <input id="q" name="q" type="search" defaultValue={q.search} className={input} />
        </div>
        <div>
          <label htmlFor="tag" className={label}>Tag</label>
          <select id="tag" name="tag" defaultValue={q.tag} className={input}>
            <option value="">Any tag</option>
            {tags.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="owner" className={label}>Owner</label>
          <select id="owner" name="owner" defaultValue={q.ownerId} className={input}>
            <option value="">Anyone</option>
            {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses({ size: 'md' })}>Filter</button>
          {filtered ? <Link href="/models/skills" className={buttonClasses({ variant: 'ghost' })}>Clear</Link> : null}
        </div>
      </form>

      <section aria-labelledby="library" className="space-y-3">
        <h2 id="library" className="text-lg font-semibold text-fg">Library <span className="text-sm font-normal text-fg-muted">({skills.length})</span></h2>
        {skills.length === 0 ? (
          <EmptyState title={filtered ? 'No skill matches these filters' : 'No skills registered yet'}>
            <p>{filtered ? 'Try another search, tag or owner.' : manage ? 'Register the first skill, prompt or agent instructions below.' : 'Experts register skills and prompts here with the model snapshots they were validated on.'}</p>
          </EmptyState>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2">
            {skills.map((s) => (
              <li key={s.id} className={`${card} min-w-0`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-base font-semibold text-fg"><Link className="underline-offset-2 hover:underline" href={`/models/skills/${s.slug}`}>{s.title}</Link></h3>
                  <span className="text-xs text-fg-muted">{SKILL_KIND_LABELS[s.kind as keyof typeof SKILL_KIND_LABELS] ?? s.kind} · {s.owner.name}{s.status !== 'ACTIVE' ? ` · ${s.status.toLowerCase()}` : ''}</span>
                </div>
                <p className="mt-1 line-clamp-2 text-sm text-fg-muted">{s.purpose}</p>
                {s.needsRevalidation ? <p className="mt-2 text-sm font-medium text-danger">Needs re-validation</p> : null}
                {s.tags.length ? (
                  <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-1">
                    {s.tags.map((t) => <li key={t}><Link href={`/models/skills?tag=${encodeURIComponent(t)}`} className="rounded bg-surface-muted px-1.5 py-0.5 text-xs text-fg hover:underline">{t}</Link></li>)}
                  </ul>
                ) : null}
                <div className="mt-3">
                  <p className="text-xs font-medium text-fg-muted">Latest result per model (revision {s.revision})</p>
                  {s.latest.length === 0 ? <p className="mt-1 text-sm text-fg-muted">Not validated on any model yet.</p> : (
                    <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                      {s.latest.map((l) => (
                        <li key={l.snapshot} className="flex items-center gap-1.5 rounded-md border border-line px-2 py-1">
                          <span className="text-fg" title={l.snapshot}>{l.label}</span>
                          <ResultBadge result={l.result} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {manage ? (
        <section aria-labelledby="register" className={`${card} max-w-3xl`}>
          <h2 id="register" className="mb-3 text-lg font-semibold text-fg">Register a skill</h2>
          <SkillForm owners={leader ? owners.filter((o) => o.id !== user.id) : undefined} />
        </section>
      ) : null}
    </div>
  )
}
