import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { getOverview } from '@/lib/rollout/queries'
import { canSeeEverything } from '@/lib/rollout/access'
import { STAGE_LABELS } from '@/lib/rollout/rules'
import { EmptyState } from '@/components/ui/empty-state'
import { Card, RolloutHeader, td, th } from '@/components/rollout/header'
import { FlagBadge, GateBadge, PHASE_STATUS_LABELS, StageBadge } from '@/components/rollout/badges'

export const metadata: Metadata = { title: 'Rollout' }
export const dynamic = 'force-dynamic'

/** Up to this many teams the overview lists them all; beyond it, those that need attention first. */
const TEAM_ROWS = 30
const FLAG_ROWS = 12

export default async function RolloutOverviewPage() {
  const user = await requirePageUser('home.view', '/rollout')
  const { plan, rows, recentAdvances } = await getOverview(user)
  const full = canSeeEverything(user)
  const flagged = rows.filter((r) => r.flags && (r.flags.mandateWithoutTraining.length || r.flags.burnout.flagged))
  // An organisation with hundreds of teams: the overview shows the teams that need attention
  // (flags, then a gate that is not passing) and links to the full list on /rollout/teams.
  const attention = (r: (typeof rows)[number]) =>
    (r.flags?.mandateWithoutTraining.length || r.flags?.burnout.flagged ? 2 : 0) + (r.gate && r.gate.outcome !== 'PASS' ? 1 : 0)
  const shownRows = rows.length <= TEAM_ROWS ? rows : [...rows].sort((a, b) => attention(b) - attention(a)).slice(0, TEAM_ROWS)
  const stages = stageSummary(rows)
  const current = plan?.phases.find((p) => p.status === 'IN_PROGRESS' || p.status === 'GATE_REVIEW') ?? null

  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout" title="Rollout" />
      {!plan ? (
        <EmptyState title="No rollout plan yet">
          <p>Leaders plan the stages here: experts first, then a few clustered pilot teams, then everyone.</p>
        </EmptyState>
      ) : (
        <Card title={plan.name} id="plan">
          <p className="text-sm text-fg-muted">
            {plan.startsOn} – {plan.endsOn} · {current ? <>current phase: <strong className="text-fg">{current.name}</strong> ({PHASE_STATUS_LABELS[current.status]})</> : 'no phase running'}
          </p>
          <ol className="mt-3 grid gap-2 sm:grid-cols-3">
            {plan.phases.map((p) => (
              <li key={p.id} className="rounded-lg border border-line p-3 text-sm">
                <span className="font-medium text-fg">{STAGE_LABELS[p.stage]}</span> · <span className="text-fg-muted">{PHASE_STATUS_LABELS[p.status]}</span>
                <span className="block text-xs text-fg-muted">{p.plannedStart} – {p.plannedEnd}</span>
                {p.openHighFindings ? <span className="mt-1 block text-xs text-danger">{p.openHighFindings} open high-severity finding{p.openHighFindings === 1 ? '' : 's'}</span> : null}
              </li>
            ))}
          </ol>
          {plan.warnings.length ? (
            <ul className="mt-3 list-disc pl-5 text-sm text-danger">
              {plan.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          ) : null}
          <p className="mt-3 text-sm"><Link className="text-accent-text underline" href="/rollout/plan">Open the timeline</Link></p>
        </Card>
      )}

      {full ? (
        <Card title={`Open flags (${flagged.length})`} id="flags">
          {flagged.length === 0 ? (
            <p className="text-sm text-fg-muted">No team is flagged.</p>
          ) : (
            <ul className="space-y-3">
              {flagged.slice(0, FLAG_ROWS).map((r) => (
                <li key={r.team.id} className="text-sm">
                  <span className="font-medium text-fg">{r.team.name}</span>{' '}
                  {r.flags!.mandateWithoutTraining.length ? <FlagBadge>Mandate without training</FlagBadge> : null}{' '}
                  {r.flags!.burnout.flagged ? <FlagBadge>Burnout risk</FlagBadge> : null}
                  <ul className="mt-1 list-disc pl-5 text-fg-muted">
                    {r.flags!.mandateWithoutTraining.length ? <li>In a stage with {r.flags!.mandateWithoutTraining.join(' and ')}.</li> : null}
                    {r.flags!.burnout.flagged ? <li>{r.flags!.burnout.reasons.join('; ')} (last 3 months against the 3 before, per 100 developers per month).</li> : null}
                  </ul>
                </li>
              ))}
              {flagged.length > FLAG_ROWS ? (
                <li className="text-sm text-fg-muted">
                  And {flagged.length - FLAG_ROWS} more flagged teams: <Link className="text-accent-text underline" href="/rollout/teams">see every team</Link>.
                </li>
              ) : null}
            </ul>
          )}
        </Card>
      ) : null}

      {full && rows.length > TEAM_ROWS ? (
        <Card title="Teams by stage" id="stages">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Number of teams, developers and flagged teams per rollout stage</caption>
            <thead className="border-b border-line">
              <tr><th scope="col" className={th}>Stage</th><th scope="col" className={th}>Teams</th><th scope="col" className={th}>Developers</th><th scope="col" className={th}>Gate not passing</th><th scope="col" className={th}>Flagged</th></tr>
            </thead>
            <tbody className="divide-y divide-line">
              {stages.map((st) => (
                <tr key={st.stage ?? 'none'}>
                  <th scope="row" className={`${td} font-medium`}>{st.stage ? STAGE_LABELS[st.stage] : 'Not in the rollout yet'}</th>
                  <td className={`${td} tabular-nums`}>{st.teams}</td>
                  <td className={`${td} tabular-nums`}>{st.developers}</td>
                  <td className={`${td} tabular-nums`}>{st.stage ? st.gateNotPassing : '—'}</td>
                  <td className={`${td} tabular-nums`}>{st.flagged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}

      <Card title={!full ? 'Your team' : rows.length > TEAM_ROWS ? `Teams that need attention first (${shownRows.length} of ${rows.length})` : 'Where every team stands'} id="teams">
        {rows.length === 0 ? (
          <p className="text-sm text-fg-muted">{full ? 'No teams yet.' : 'You are not in a team yet, so there is no team status to show.'}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[44rem] border-collapse">
              <caption className="sr-only">Teams with their stage, phase, next gate and flags</caption>
              <thead className="border-b border-line">
                <tr><th scope="col" className={th}>Team</th><th scope="col" className={th}>Stage</th><th scope="col" className={th}>Phase</th><th scope="col" className={th}>Next gate</th><th scope="col" className={th}>What blocks it</th><th scope="col" className={th}>Flags</th></tr>
              </thead>
              <tbody className="divide-y divide-line">
                {shownRows.map((r) => (
                  <tr key={r.team.id}>
                    <th scope="row" className={`${td} font-medium`}>{r.team.name}{r.team.isControl ? <span className="block text-xs font-normal text-fg-muted">control team</span> : null}</th>
                    <td className={td}><StageBadge stage={r.team.stage} /></td>
                    <td className={td}>{r.phase ?? '—'}</td>
                    <td className={td}>{r.gate ? (full ? <Link href={`/rollout/cohorts/${r.gate.cohortId}`} className="underline"><GateBadge status={r.gate.outcome} /></Link> : <GateBadge status={r.gate.outcome} />) : '—'}</td>
                    <td className={`${td} max-w-sm text-xs text-fg-muted`}>{r.gate?.blockers.length ? <ul className="list-disc pl-4">{r.gate.blockers.slice(0, 3).map((b) => <li key={b}>{b}</li>)}</ul> : r.gate ? 'Nothing' : '—'}</td>
                    <td className={td}>
                      {r.flags?.mandateWithoutTraining.length ? <FlagBadge>Mandate without training</FlagBadge> : null}{' '}
                      {r.flags?.burnout.flagged ? <FlagBadge>Burnout risk</FlagBadge> : null}
                      {!r.flags?.mandateWithoutTraining.length && !r.flags?.burnout.flagged ? <span className="text-fg-muted">None</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {full && rows.length > TEAM_ROWS ? (
              <p className="mt-3 text-sm"><Link className="text-accent-text underline" href="/rollout/teams">See all {rows.length} teams</Link></p>
            ) : null}
          </div>
        )}
      </Card>

      {full && recentAdvances.length ? (
        <Card title="Recent stage decisions" id="decisions">
          <ul className="space-y-2 text-sm">
            {recentAdvances.map((a) => (
              <li key={a.at + a.subject}>
                <span className="font-medium text-fg">{a.subject}</span> advanced {a.override ? <strong className="text-danger">by override</strong> : 'on a passed gate'} (gate {a.outcome.toLowerCase()}) by {a.by ?? 'a former member'} on {a.at.slice(0, 10)}
                {a.reason ? <span className="block text-fg-muted">Reason: {a.reason}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}

function stageSummary(rows: Awaited<ReturnType<typeof getOverview>>['rows']) {
  const order = [...Object.keys(STAGE_LABELS), null] as Array<keyof typeof STAGE_LABELS | null>
  return order
    .map((stage) => {
      const mine = rows.filter((r) => (r.team.stage ?? null) === stage)
      return {
        stage,
        teams: mine.length,
        developers: mine.reduce((n, r) => n + (r.team.size ?? 0), 0),
        gateNotPassing: mine.filter((r) => r.gate && r.gate.outcome !== 'PASS').length,
        flagged: mine.filter((r) => r.flags && (r.flags.mandateWithoutTraining.length || r.flags.burnout.flagged)).length,
      }
    })
    .filter((s) => s.teams > 0)
}
