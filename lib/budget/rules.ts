// Pure rules of the budget view (no database). Token spend is a team or organisation cost line,
// never a per-person figure; people and training spend stands beside it.

export const BUDGET_CATEGORIES = ['TRAINING', 'EXPERT_TIME', 'TOOL_LICENCES', 'TOKEN_SPEND', 'HARDWARE'] as const
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number]

export const CATEGORY_LABELS: Record<BudgetCategory, string> = {
  TRAINING: 'Training and courses',
  EXPERT_TIME: 'Expert time',
  TOOL_LICENCES: 'Tool licences',
  TOKEN_SPEND: 'Token / API spend',
  HARDWARE: 'Hardware',
}

/** What the organisation spends on its people's skill, and what it spends on the tools. */
export const PEOPLE_CATEGORIES: readonly BudgetCategory[] = ['TRAINING', 'EXPERT_TIME']
export const TOOL_CATEGORIES: readonly BudgetCategory[] = ['TOOL_LICENCES', 'TOKEN_SPEND', 'HARDWARE']

/** People spend per unit of tool spend (null when there is no tool spend to compare with). */
export function peopleToToolsRatio(entries: Array<{ category: BudgetCategory; amount: number }>): number | null {
  const sum = (cats: readonly BudgetCategory[]) => entries.filter((e) => cats.includes(e.category)).reduce((s, e) => s + e.amount, 0)
  const tools = sum(TOOL_CATEGORIES)
  return tools > 0 ? sum(PEOPLE_CATEGORIES) / tools : null
}
