'use client'

import { useRouter } from 'next/navigation'
import { useId } from 'react'
import { buttonClasses } from '@/components/ui/button'

const FIELD = 'mt-1.5 block h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg shadow-xs focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-focus'

/**
 * The dashboard's filters. A plain GET form, so every view is a shareable URL; changing the
 * grouping reloads the list of groups at once.
 */
export function OutcomeFilters({ groupBy, group, from, to, options }: {
  groupBy: string; group: string | null; from: string; to: string; options: Array<{ key: string; label: string }>
}) {
  const router = useRouter()
  const id = useId()
  return (
    <form method="get" action="/outcomes" className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <div>
        <label htmlFor={`${id}-by`} className="block text-sm font-medium text-fg">Group by</label>
        <select id={`${id}-by`} name="groupBy" defaultValue={groupBy} className={FIELD}
          onChange={(e) => router.push(`/outcomes?${new URLSearchParams({ groupBy: e.target.value, from, to })}`)}>
          <option value="cohort">Cohort</option>
          <option value="stage">Stage</option>
          <option value="team">Team</option>
        </select>
      </div>
      <div className="lg:col-span-2">
        <label htmlFor={`${id}-group`} className="block text-sm font-medium text-fg">Group</label>
        <select id={`${id}-group`} name="group" defaultValue={group ?? ''} className={FIELD} disabled={!options.length}>
          {options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className="block text-sm font-medium text-fg">From (month)</label>
        <input id={`${id}-from`} name="from" type="month" defaultValue={from} required pattern="\d{4}-\d{2}" placeholder="YYYY-MM" className={FIELD} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className="block text-sm font-medium text-fg">To (month)</label>
        <input id={`${id}-to`} name="to" type="month" defaultValue={to} required pattern="\d{4}-\d{2}" placeholder="YYYY-MM" className={FIELD} />
      </div>
      <div className="sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClasses({ size: 'sm' })}>Apply filters</button>
      </div>
    </form>
  )
}
