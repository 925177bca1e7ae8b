import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { getCompletionRates, MIN_GROUP_SIZE } from '@/lib/training/queries'
import { AUDIENCE_LABELS } from '@/lib/training/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { plural } from '@/components/training/format'

export const metadata: Metadata = { title: 'Completion by team' }

const STAGES = ['EXPERTS', 'PILOT', 'BROAD'] as const

type Group = { group: string; members: number; percent: number | null }

function CompletionTable({ caption, kind, groups }: { caption: string; kind: 'Team' | 'Cohort'; groups: Group[] }) {
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
                {g.percent === null ? (
                  <span className="text-fg-muted">Fewer than {MIN_GROUP_SIZE} people: not shown</span>
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

export default async function CompletionPage() {
  const user = await requirePageUser('outcomes.view', '/training/completion')
  const rates = await Promise.all(STAGES.map((stage) => getCompletionRates(user, stage)))

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs items={[{ href: '/training', label: 'Training' }, { label: 'Completion by team' }]} />
        <PageHeader
          title="Completion by team"
          description={`The share of each stage's learning path that a team's or cohort's members have completed. Never per person; groups under ${MIN_GROUP_SIZE} people are not shown.`}
        />
      </div>
      {rates.map((r) => {
        const id = `stage-${r.stage.toLowerCase()}`
        const label = AUDIENCE_LABELS[r.stage]
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
                  <CompletionTable kind="Team" caption={`${label}: completion by team`} groups={r.teams} />
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
