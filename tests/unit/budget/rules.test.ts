import { describe, expect, it } from 'vitest'
import { peopleToToolsRatio } from '@/lib/budget/rules'

describe('people beside tools', () => {
  it('divides people and training spend by tool spend', () => {
    expect(peopleToToolsRatio([
      { category: 'TRAINING', amount: 300 },
      { category: 'EXPERT_TIME', amount: 700 },
      { category: 'TOKEN_SPEND', amount: 1500 },
      { category: 'TOOL_LICENCES', amount: 500 },
    ])).toBe(0.5)
  })
  it('has no ratio without tool spend', () => {
    expect(peopleToToolsRatio([{ category: 'TRAINING', amount: 10 }])).toBeNull()
  })
})
