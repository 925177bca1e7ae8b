import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { getOutcomeDashboard } from '@/lib/outcomes/dashboard'
import { monthLabel } from '@/lib/outcomes/months'
import { SECTIONS } from '@/components/shell/sections'
import { OutcomeChart } from '@/components/charts/outcome-chart'
import { OutcomeFilters } from '@/components/outcomes/outcome-filters'
import { TargetsPanel } from '@/components/outcomes/targets-panel'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { buttonClasses } from '@/components/ui/button'

export const metadata: Metadata = { title: 'Outcomes' }

const section = SECTIONS.outcomes

export default async function OutcomesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('outcomes.view', section.href)
  const d = await getOutcomeDashboard(user, await searchParams)
  const f = d.filters
  return (
    <div className="space-y-6">
      <PageHeader title="Outcomes" description={section.summary} icon={<section.Icon className="size-5" />} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-3xl text-sm text-fg-muted">
          Judged by fewer high-severity incidents, higher satisfaction and tech debt repaid, each against the group&apos;s own
          baseline and against teams not yet in the rollout. Never by token counts, lines of code or comparisons between people.
        </p>
        <Link href="/outcomes/import" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>Import data</Link>
      </div>
      <OutcomeFilters groupBy={f.groupBy} group={f.group} from={f.from} to={f.to} options={d.options} />
      {d.notices.map((n) => <p key={n} role="status" className="rounded-md border border-line bg-surface-muted px-3 py-2 text-sm text-fg">{n}</p>)}
      {!d.group ? (
        <EmptyState title="No groups to show yet">
          <p>
            {f.groupBy === 'team' ? 'There are no teams yet.' : 'No team is in a rollout cohort yet.'} Outcomes appear once teams
            exist, join a cohort and incidents, surveys, tech debt or throughput are imported.
          </p>
          <p><Link href="/outcomes/import" className="font-medium text-accent-text underline">Import outcome data</Link></p>
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-fg" aria-live="polite">
            <strong className="font-semibold">{d.group.label}</strong>: {d.group.teams} {d.group.teams === 1 ? 'team' : 'teams'},{' '}
            {d.group.developers} developers, {monthLabel(f.from)} to {monthLabel(f.to)}.{' '}
            {d.group.rolloutStart ? `In the rollout since ${monthLabel(d.group.rolloutStart)}; ` : 'Not in the rollout; '}
            {d.group.baselineRange ? `baseline ${d.group.baselineRange}.` : 'no pre-rollout baseline in the data.'}
          </p>
          <div className="grid gap-4 xl:grid-cols-2">
            {d.charts.map((c) => <OutcomeChart key={c.id} model={c} csvName={`${c.id}-${d.group!.label}-${f.from}-${f.to}`} />)}
          </div>
        </>
      )}
      <TargetsPanel targets={d.targets} canEdit={d.canSetTargets} />
    </div>
  )
}
