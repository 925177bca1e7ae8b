import { CATEGORY_LABELS, BUDGET_CATEGORIES } from '@/lib/budget/rules'
import type { BudgetMonth } from '@/lib/budget/queries'
import type { ChartModel } from '@/lib/outcomes/chart-model'
import { monthLabel } from '@/lib/outcomes/months'
import { OutcomeChart } from '@/components/charts/outcome-chart'

/** People and training spend beside tool and token spend per month, with the ratio. */
export function BudgetView({ months, csvName }: { months: BudgetMonth[]; csvName: string }) {
  const spend: ChartModel = {
    id: 'budget-spend',
    title: 'People and training spend beside tool and token spend',
    unit: 'currency per month',
    explain: 'People and training = training and courses + expert time. Tools = tool licences + token / API spend + hardware. Organisation and team lines summed; no per-person figure exists.',
    series: [
      { key: 'people', label: 'People and training', kind: 'group' },
      { key: 'tools', label: 'Tools, tokens and hardware', kind: 'group' },
    ],
    rows: months.map((m) => ({ month: m.month, label: monthLabel(m.month), values: { people: m.people, tools: m.tools } })),
    phases: [],
  }
  const byCategory: ChartModel = {
    id: 'budget-categories',
    title: 'Spend by category',
    unit: 'currency per month',
    explain: 'Each budget category on its own line: training and courses and expert time are people spend; licences, token / API spend and hardware are tool spend.',
    series: BUDGET_CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABELS[c], kind: 'group' as const })),
    rows: months.map((m) => ({ month: m.month, label: monthLabel(m.month), values: { ...m.byCategory } })),
    phases: [],
  }
  const ratio: ChartModel = {
    id: 'budget-ratio',
    title: 'Ratio of people and training spend to tool spend',
    unit: 'ratio',
    explain: 'People and training spend divided by tool, token and hardware spend in the month. Above 1: more goes to people\'s skills than to tools.',
    series: [{ key: 'ratio', label: 'People : tools', kind: 'group' }],
    rows: months.map((m) => ({ month: m.month, label: monthLabel(m.month), values: { ratio: m.ratio }, notes: m.ratio === null ? { ratio: 'No tool spend' } : undefined })),
    phases: [],
  }
  return (
    <div className="grid gap-4">
      <OutcomeChart model={spend} csvName={`${csvName}-spend`} />
      <OutcomeChart model={ratio} csvName={`${csvName}-ratio`} />
      <OutcomeChart model={byCategory} csvName={`${csvName}-categories`} />
    </div>
  )
}
