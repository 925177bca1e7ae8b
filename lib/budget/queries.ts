import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { BUDGET_CATEGORIES, peopleToToolsRatio, PEOPLE_CATEGORIES, TOOL_CATEGORIES, type BudgetCategory } from '@/lib/budget/rules'
import { monthKey, monthRange, monthStart } from '@/lib/outcomes/months'

// The budget view: organisation totals per month and category (team and org lines summed). No
// per-person figure exists: budget entries are team or organisation lines only.

export interface BudgetMonth {
  month: string
  byCategory: Record<BudgetCategory, number>
  people: number
  tools: number
  /** People and training spend per unit of tool and token spend (null: no tool spend). */
  ratio: number | null
}

/** budget.view. Monthly totals over [from, to] (YYYY-MM). */
export async function getBudgetView(user: SessionUser, from: string, to: string): Promise<{ months: BudgetMonth[]; currency: string[] }> {
  assertCan(user, 'budget.view')
  const rows = await db.$queryRaw<Array<{ month: Date; category: BudgetCategory; amount: number; currency: string }>>`
    SELECT month, category::text AS category, sum(amount)::float8 AS amount, currency
    FROM "BudgetEntry" WHERE month >= ${monthStart(from)}::date AND month <= ${monthStart(to)}::date
    GROUP BY month, category, currency`
  const months = monthRange(from, to).map((m) => ({ month: m, byCategory: Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, 0])) as Record<BudgetCategory, number> }))
  const byMonth = new Map(months.map((m) => [m.month, m]))
  for (const r of rows) {
    const m = byMonth.get(monthKey(r.month))
    if (m) m.byCategory[r.category] += r.amount
  }
  const round = (x: number) => Math.round(x * 100) / 100
  return {
    currency: [...new Set(rows.map((r) => r.currency))],
    months: months.map((m) => {
      const entries = BUDGET_CATEGORIES.map((c) => ({ category: c, amount: m.byCategory[c] }))
      const sum = (cats: readonly BudgetCategory[]) => round(entries.filter((e) => cats.includes(e.category)).reduce((s, e) => s + e.amount, 0))
      const ratio = peopleToToolsRatio(entries)
      return { ...m, people: sum(PEOPLE_CATEGORIES), tools: sum(TOOL_CATEGORIES), ratio: ratio === null ? null : Math.round(ratio * 100) / 100 }
    }),
  }
}
