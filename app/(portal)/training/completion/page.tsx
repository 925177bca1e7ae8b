import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { nameMatches, pageOf, readListQuery } from '@/lib/paging'
import { getCompletionRates, MIN_GROUP_SIZE, type GroupCompletion } from '@/lib/training/queries'
import { AUDIENCE_LABELS, COMPLETION_PAGE_SIZE, COMPLETION_STAGES, completionQuerySchema, type CompletionQuery } from '@/lib/training/schemas'
import { inputSmClasses } from '@/components/training/form-controls'
import { buttonClasses } from '@/components/ui/button'
import { Pagination } from '@/components/ui/pagination'
import { PageHeader } from '@/components/ui/page-header'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { plural } from '@/components/training/format'

export const metadata: Metadata = { title: 'Completion by team' }

function completionHref(q: CompletionQuery, change: Partial<CompletionQuery>): string {
  const next = { ...q, ...change }
  const params = new URLSearchParams()
  if (next.stage) params.set('stage', next.stage)
  if (next.q) params.set('q', next.q)
  if (next.stage && next.page > 1) params.set('page', String(next.page))
  const qs = params.toString()
  return `/training/completion${qs ? `?${qs}` : ''}`
}

const pill = (current: boolean) => (current ? 'rounded-full bg-accent px-3 py-1 font-medium text-accent-fg' : 'rounded-full border border-line px-3 py-1 text-fg hover:bg-surface-muted')

function CompletionTable({ caption, kind, groups }: { caption: string; kind: 'Team' | 'Cohort'; groups: GroupCompletion[] }) {
  if (groups.length === 0) return <p className="text-sm text-fg-muted">No {kind === 'Team' ? 'teams' : 'cohorts'} yet.</p>
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface px-4">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-xs text-fg-muted">
            <th scope="col" className="py-2 pr-4 font-medium">
              {kind}
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Members
            </th>
            <th scope="col" className="w-1/2 py-2 font-medium">
              Completion
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group} className="border-t border-line">
              <th scope="row" className="py-2.5 pr-4 text-left font-medium text-fg">
                {g.group}
              </th>
              <td className="py-2.5 pr-4 text-right text-fg-muted tabular-nums">{g.members}</td>
              <td className="py-2.5">
                {g.withheld === 'small' ? (
                  <span className="text-fg-muted">Fewer than {MIN_GROUP_SIZE} people: not shown</span>
                ) : g.percent === null ? (
                  <span className="text-fg-muted">Not shown: with the other figures it would reveal a group under {MIN_GROUP_SIZE} people</span>
                ) : (
                  <div className="flex items-center gap-3">
                    <span className="w-14 shrink-0 text-right font-medium text-fg tabular-nums">{g.percent}%</span>
                    <span aria-hidden="true" className="h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-surface-muted">
                      <span className="block h-full rounded-full bg-accent" style={{ width: `${Math.min(100, g.percent)}%` }} />
                    </span>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default async function CompletionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('outcomes.view', '/training/completion')
  const { query, errors: queryErrors } = readListQuery(completionQuerySchema, await searchParams)
  const stages = query.stage ? [query.stage] : COMPLETION_STAGES
  const rates = await Promise.all(stages.map((stage) => getCompletionRates(user, stage)))

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs items={[{ href: '/training', label: 'Training' }, { label: 'Completion by team' }]} />
        <PageHeader
          title="Completion by team"
          description={`The share of each stage's learning path that a team's or cohort's members have completed. Never per person; groups under ${MIN_GROUP_SIZE} people are not shown.`}
        />
      </div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <nav aria-label="Learning path of the stage" className="flex flex-wrap gap-2 text-sm">
          <Link href={completionHref(query, { stage: undefined, page: 1 })} aria-current={query.stage ? undefined : 'page'} className={pill(!query.stage)}>
            All stages
          </Link>
          {COMPLETION_STAGES.map((stage) => (
            <Link key={stage} href={completionHref(query, { stage, page: 1 })} aria-current={stage === query.stage ? 'page' : undefined} className={pill(stage === query.stage)}>
              {AUDIENCE_LABELS[stage]}
            </Link>
          ))}
        </nav>
        <form method="get" action="/training/completion" role="search" aria-label="Find a team" className="flex flex-wrap items-end gap-2 text-sm">
          {query.stage ? <input type="hidden" name="stage" value={query.stage} /> : null}
          <label className="text-fg">Team name<input type="search" name="q" maxLength={100} defaultValue={query.q ?? ''} className={`${inputSmClasses} mt-1 w-56`} /></label>
          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>Find</button>
          {query.q ? <Link href={completionHref(query, { q: undefined, page: 1 })} className="h-8 leading-8 text-accent-text underline underline-offset-2">Show every team</Link> : null}
        </form>
      </div>
      {queryErrors.length ? <p role="alert" className="rounded-md border border-danger-line bg-danger-soft p-3 text-sm text-danger">The address has filters that could not be read ({queryErrors.join(' ')}); showing every stage and every team.</p> : null}
      {rates.map((r) => {
        const id = `stage-${r.stage.toLowerCase()}`
        const label = AUDIENCE_LABELS[r.stage]
        // All stages: the first page of each, with a way to the rest; one stage: paged.
        const teams = pageOf(r.teams.filter((t) => nameMatches(t.group, query.q)), query.stage ? query.page : 1, COMPLETION_PAGE_SIZE)
        return (
          <section key={r.stage} aria-labelledby={id} className="space-y-3">
            <div>
              <h2 id={id} className="text-base font-semibold text-fg">
                {label}
              </h2>
              <p className="text-sm text-fg-muted">
                {r.pathModules === 0 ? 'This stage has no learning path yet.' : `Learning path of ${plural(r.pathModules, 'module')}.`}
              </p>
            </div>
            {r.pathModules === 0 ? null : (
              <div className="grid gap-4 lg:grid-cols-2">
                <div className="space-y-2">
                  <h3 className="text-sm font-medium text-fg">Teams</h3>
                  <p className="text-sm text-fg-muted">
                    {teams.total === 0 ? (query.q ? 'No team matches this name.' : '') : `Teams ${teams.first}–${teams.last} of ${teams.total}${query.q ? ` matching “${query.q}”` : ''}`}
                  </p>
                  {teams.total === 0 && query.q ? null : <CompletionTable kind="Team" caption={`${label}: completion by team`} groups={teams.items} />}
                  {query.stage ? (
                    <Pagination label="Pages of the teams" page={teams.page} pages={teams.pages} href={(page) => completionHref(query, { page })} />
                  ) : teams.pages > 1 ? (
                    <p className="text-sm">
                      <Link href={completionHref(query, { stage: r.stage, page: 2 })} className="font-medium text-accent-text underline underline-offset-2">
                        The other {teams.total - teams.last} teams on this path
                      </Link>
                    </p>
                  ) : null}
                </div>
                <div className="space-y-2">
                  <h3 className="text-sm font-medium text-fg">Cohorts</h3>
                  <CompletionTable kind="Cohort" caption={`${label}: completion by cohort`} groups={r.cohorts} />
                </div>
              </div>
            )}
          </section>
        )
      })}
    </div>
  )
}
