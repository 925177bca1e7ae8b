import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { getPlan, getSuitability, listTeams } from '@/lib/rollout/queries'
import { createCohortAction, saveReadinessAction } from '@/lib/rollout/actions'
import { pageOf, readListQuery } from '@/lib/paging'
import { filterTeams, STAGE_LABELS, STAGES } from '@/lib/rollout/rules'
import { TEAM_RANKING_TOP, TEAM_TABLE_PAGE_SIZE, teamTableQuerySchema, type TeamTableQuery } from '@/lib/rollout/schemas'
import { inputSmClasses, selectSmClasses } from '@/components/training/form-controls'
import { buttonClasses } from '@/components/ui/button'
import { Pagination } from '@/components/ui/pagination'
import { ActionForm } from '@/components/rollout/action-form'
import { Card, RolloutHeader, td, th } from '@/components/rollout/header'
import { StageBadge } from '@/components/rollout/badges'
import { DependencyGraph } from '@/components/rollout/dependency-graph'

export const metadata: Metadata = { title: 'Teams and pilots' }
export const dynamic = 'force-dynamic'

/** The page's address with the given filters; defaults are left out. */
function teamsHref(q: TeamTableQuery, change: Partial<TeamTableQuery>, hash = '#teams'): string {
  const next = { ...q, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.stage) params.set('stage', next.stage)
  if (next.page > 1) params.set('page', String(next.page))
  if (next.ranking !== 'top') params.set('ranking', next.ranking)
  const qs = params.toString()
  return `/rollout/teams${qs ? `?${qs}` : ''}${hash}`
}

export default async function TeamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('rollout.view', '/rollout/teams')
  const leader = can(user, 'rollout.plan')
  const { query, errors: queryErrors } = readListQuery(teamTableQuerySchema, await searchParams)
  const [{ teams, cycles }, suitability, plan] = await Promise.all([listTeams(user), getSuitability(user), getPlan(user)])
  const filtered = Boolean(query.q || query.stage)
  const shown = pageOf(filterTeams(teams, query), query.page, TEAM_TABLE_PAGE_SIZE)
  const ranked = query.ranking === 'all' ? suitability.teams : suitability.teams.slice(0, TEAM_RANKING_TOP)
  const pilotPhases = plan?.phases.filter((p) => p.stage === 'PILOT' && p.status !== 'COMPLETED') ?? []
  const today = new Date().toISOString().slice(0, 10)
  const defaultStart = plan && today < plan.startsOn ? plan.startsOn : plan && today > plan.endsOn ? plan.endsOn : today

  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/teams" title="Teams and pilots" description="Pilot teams should be complete, have few outside dependencies and depend mostly on each other. Control teams, matched before the start, show what would have happened anyway." />

      <Card title="Pilot suitability: candidate groups" id="clusters">
        <p className="mb-3 text-xs text-fg-muted">Groups of up to three teams not yet in the rollout, grown along the strongest dependencies. Score: completeness 40 %, share of dependency weight inside the group 60 %. Control teams are proposed from teams outside the rollout with similar size, SEV1–2 incident rate and satisfaction over the 12 months before today.</p>
        {suitability.clusters.length === 0 ? <p className="text-sm text-fg-muted">Every team is already in the rollout.</p> : (
          <ol className="space-y-4">
            {suitability.clusters.map((c, i) => (
              <li key={c.teamIds.join()} className="rounded-lg border border-line p-3">
                <h3 className="text-sm font-semibold text-fg">#{i + 1} {c.names.join(', ')} <span className="font-normal text-fg-muted">· score {c.score.toFixed(2)}</span></h3>
                <ul className="mt-1 list-disc pl-5 text-sm text-fg-muted">{c.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                {c.controls.length ? (
                  <p className="mt-2 text-sm text-fg">Proposed control teams: {c.controls.map((x) => x.name).join(', ')}
                    <span className="block text-xs text-fg-muted">{c.controls.map((x) => x.reason).join(' ')}</span></p>
                ) : <p className="mt-2 text-sm text-fg-muted">No team outside the rollout is left to compare with.</p>}
                {leader && pilotPhases.length ? (
                  <details className="mt-2" open={i === 0 ? undefined : undefined}>
                    <summary className="cursor-pointer text-sm font-medium text-accent-text">Create a pilot cohort from this group</summary>
                    <ActionForm action={createCohortAction} submitLabel="Create pilot cohort" label={`Create a pilot cohort from group ${i + 1}`} className="mt-2" fieldLabels={{ name: 'Name', startedOn: 'Start', teamIds: 'Teams', controlTeamIds: 'Control teams', phaseId: 'Phase', stage: 'Stage' }}>
                      <input type="hidden" name="stage" value="PILOT" />
                      {c.teamIds.map((id) => <input key={id} type="hidden" name="teamIds" value={id} />)}
                      <div className="grid gap-2 sm:grid-cols-3">
                        <label className="text-sm text-fg">Name<input name="name" required defaultValue={`Pilot: ${c.names.join(', ')}`} className={`${inputSmClasses} mt-1`} /></label>
                        <label className="text-sm text-fg">Phase<select name="phaseId" className={`${selectSmClasses} mt-1`}>{pilotPhases.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
                        <label className="text-sm text-fg">Start<input type="date" name="startedOn" required defaultValue={defaultStart} className={`${inputSmClasses} mt-1`} /></label>
                      </div>
                      {c.controls.length ? (
                        <fieldset className="text-sm text-fg"><legend className="font-medium">Control teams</legend>
                          {c.controls.map((x) => <label key={x.teamId} className="mr-4"><input type="checkbox" name="controlTeamIds" value={x.teamId} defaultChecked /> {x.name}</label>)}
                        </fieldset>
                      ) : null}
                    </ActionForm>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title="Teams ranked for a pilot" id="ranking">
        {suitability.teams.length === 0 ? <p className="text-sm text-fg-muted">No team outside the rollout.</p> : (
          <>
            <ol className="space-y-2 text-sm">
              {ranked.map((t) => (
                <li key={t.teamId}><span className="font-medium text-fg">{t.rank}. {t.name}</span> <span className="text-fg-muted">score {t.score.toFixed(2)} — {t.reasons.join(' ')}</span></li>
              ))}
            </ol>
            {suitability.teams.length > TEAM_RANKING_TOP ? (
              <p className="mt-3 text-sm">
                {query.ranking === 'all' ? (
                  <Link href={teamsHref(query, { ranking: 'top' }, '#ranking')} className="font-medium text-accent-text underline underline-offset-2">Show the top {TEAM_RANKING_TOP} only</Link>
                ) : (
                  <><span className="text-fg-muted">The top {TEAM_RANKING_TOP} of {suitability.teams.length} teams outside the rollout. </span><Link href={teamsHref(query, { ranking: 'all' }, '#ranking')} className="font-medium text-accent-text underline underline-offset-2">Show all {suitability.teams.length}</Link></>
                )}
              </p>
            ) : null}
          </>
        )}
      </Card>

      <Card title="Teams, dependencies and readiness" id="teams">
        {cycles.length ? (
          <div role="note" aria-label="Circular dependencies" className="mb-3 rounded-lg border border-(--warn-line) bg-(--warn-soft) p-3 text-sm text-(--warn-fg)">
            <p>
              {cycles.length === 1 ? 'One group of teams depends' : `${cycles.length} groups of teams depend`} on each other in a circle: allowed, but worth
              knowing before a pilot, because a pilot team in such a group waits on the others.
            </p>
            <details className="mt-1" open={cycles.length <= 3}>
              <summary className="cursor-pointer font-medium">The teams in each circle</summary>
              <ul className="mt-1 list-disc space-y-1 pl-5">{cycles.map((c) => <li key={c.join()}>{c.join(', ')}</li>)}</ul>
            </details>
          </div>
        ) : null}
        <DependencyGraph teams={teams} cycles={cycles} />
        <form method="get" action="/rollout/teams#teams" role="search" aria-label="Filter the teams" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
          {query.ranking !== 'top' ? <input type="hidden" name="ranking" value={query.ranking} /> : null}
          <label className="text-fg">Team name<input type="search" name="q" maxLength={100} defaultValue={query.q ?? ''} className={`${inputSmClasses} mt-1 w-56`} /></label>
          <label className="text-fg">Stage<select name="stage" defaultValue={query.stage ?? ''} className={`${selectSmClasses} mt-1`}>
            <option value="">All teams</option>
            {STAGES.map((st) => <option key={st} value={st}>{STAGE_LABELS[st]}</option>)}
            <option value="NONE">Not yet in the rollout</option>
          </select></label>
          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>Filter</button>
          {filtered ? <Link href={teamsHref(query, { q: undefined, stage: undefined, page: 1 })} className="h-8 leading-8 text-accent-text underline underline-offset-2">Clear filters</Link> : null}
        </form>
        {queryErrors.length ? <p role="alert" className="mt-3 rounded-md border border-danger-line bg-danger-soft p-3 text-sm text-danger">The address has filters that could not be read ({queryErrors.join(' ')}); showing every team.</p> : null}
        <p className="mt-3 text-sm text-fg-muted" aria-live="polite">
          {shown.total === 0 ? 'No team matches these filters.' : `Teams ${shown.first}–${shown.last} of ${shown.total}${filtered ? ` matching the filters (${teams.length} in all)` : ''}`}
        </p>
        {shown.total === 0 ? null : <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[52rem] border-collapse">
            <caption className="sr-only">Teams with size, manager, dependencies, stage and readiness</caption>
            <thead className="border-b border-line"><tr><th scope="col" className={th}>Team</th><th scope="col" className={th}>Size</th><th scope="col" className={th}>Manager</th><th scope="col" className={th}>Depends on</th><th scope="col" className={th}>Depended on by</th><th scope="col" className={th}>Stage</th><th scope="col" className={th}>Readiness</th></tr></thead>
            <tbody className="divide-y divide-line">
              {shown.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className={`${td} font-medium`}>{t.name}{t.isControl ? <span className="block text-xs font-normal text-fg-muted">control team</span> : null}</th>
                  <td className={td}>{t.size}</td>
                  <td className={td}>{t.manager ?? '—'}</td>
                  <td className={`${td} text-xs`}>{t.dependsOn.length ? t.dependsOn.map((d) => `${d.name} (${d.weight})`).join(', ') : '—'}</td>
                  <td className={`${td} text-xs`}>{t.dependedOnBy.length ? t.dependedOnBy.map((d) => `${d.name} (${d.weight})`).join(', ') : '—'}</td>
                  <td className={td}><StageBadge stage={t.stage} /></td>
                  <td className={`${td} text-xs`}>
                    {t.readiness ? <>{t.readiness.learningHoursPerWeek} h/week learning · deadlines {t.readiness.commitmentsRelaxed ? 'relaxed' : 'unchanged'}{t.readiness.commitmentsNote ? <span className="block text-fg-muted">{t.readiness.commitmentsNote}</span> : null}</> : <span className="text-fg-muted">not recorded</span>}
                    {leader ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-accent-text">Edit readiness</summary>
                        <ActionForm action={saveReadinessAction} submitLabel="Save readiness" label={`Readiness of ${t.name}`} className="mt-2" fieldLabels={{ learningHoursPerWeek: 'Learning hours per week', commitmentsNote: 'Note' }}>
                          <input type="hidden" name="teamId" value={t.id} />
                          <input type="hidden" name="version" value={t.readiness?.version ?? ''} />
                          <label className="block">Learning hours per week<input type="number" name="learningHoursPerWeek" min={0} max={40} step="0.5" required defaultValue={t.readiness?.learningHoursPerWeek ?? 0} className={`${inputSmClasses} mt-1 w-28`} /></label>
                          <label className="block"><input type="checkbox" name="commitmentsRelaxed" value="true" defaultChecked={t.readiness?.commitmentsRelaxed ?? false} /> Delivery commitments relaxed during the transition</label>
                          <label className="block">Note<input name="commitmentsNote" maxLength={2000} defaultValue={t.readiness?.commitmentsNote ?? ''} className={`${inputSmClasses} mt-1`} /></label>
                        </ActionForm>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>}
        <Pagination label="Pages of the teams table" page={shown.page} pages={shown.pages} href={(page) => teamsHref(query, { page })} className="mt-3" />
      </Card>
    </div>
  )
}
