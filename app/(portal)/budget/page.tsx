import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { getBudgetView } from '@/lib/budget/queries'
import { readFilters } from '@/lib/outcomes/dashboard'
import { monthLabel } from '@/lib/outcomes/months'
import { SECTIONS } from '@/components/shell/sections'
import { BudgetView } from '@/components/budget/budget-view'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { buttonClasses } from '@/components/ui/button'

export const metadata: Metadata = { title: 'Budget' }

const section = SECTIONS.budget

export default async function BudgetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('budget.view', section.href)
  const { filters, notices } = readFilters(await searchParams)
  const view = await getBudgetView(user, filters.from, filters.to)
  const empty = view.months.every((m) => m.people === 0 && m.tools === 0)
  return (
    <div className="space-y-6">
      <PageHeader title="Budget" description={section.summary} icon={<section.Icon className="size-5" />} />
      <form method="get" action="/budget" className="flex flex-wrap items-end gap-4 rounded-xl border border-line bg-surface p-4">
        <div>
          <label htmlFor="budget-from" className="block text-sm font-medium text-fg">From (month)</label>
          <input id="budget-from" name="from" type="month" defaultValue={filters.from} required className="mt-1.5 block h-10 rounded-md border border-line-strong bg-surface px-3 text-sm text-fg" />
        </div>
        <div>
          <label htmlFor="budget-to" className="block text-sm font-medium text-fg">To (month)</label>
          <input id="budget-to" name="to" type="month" defaultValue={filters.to} required className="mt-1.5 block h-10 rounded-md border border-line-strong bg-surface px-3 text-sm text-fg" />
        </div>
        <button type="submit" className={buttonClasses({ size: 'sm' })}>Apply</button>
      </form>
      {notices.map((n) => <p key={n} role="status" className="rounded-md border border-line bg-surface-muted px-3 py-2 text-sm text-fg">{n}</p>)}
      {empty ? (
        <EmptyState title="No budget entries in these months">
          <p>Budget lines ({monthLabel(filters.from)} to {monthLabel(filters.to)}) appear once they are imported or sent through the API.</p>
        </EmptyState>
      ) : (
        <>
          {view.currency.length > 1 ? <p role="status" className="text-sm text-fg">Entries use several currencies ({view.currency.join(', ')}): totals add them as they are.</p> : null}
          <BudgetView months={view.months} csvName={`budget-${filters.from}-${filters.to}`} />
        </>
      )}
    </div>
  )
}
