import { describe, expect, it } from 'vitest'
import { isExactSnapshot, needsRevalidation } from '@/lib/models/rules'

describe('model change as a breaking change', () => {
  const items = [
    { id: 'a', snapshots: ['old-20250101'] },
    { id: 'b', snapshots: ['old-20250101', 'new-20260101'] },
    { id: 'c', snapshots: ['other-20250601'] },
  ]
  it('puts up for re-validation what was validated on the old snapshot and not the new', () => {
    expect(needsRevalidation(items, 'old-20250101', 'new-20260101').map((i) => i.id)).toEqual(['a'])
  })
  it.each([['claude-opus-4-7-20260115', true], ['gpt-5.1-2025-11-13', true], ['Claude Opus', false], ['gpt-5', false]])('%s exact: %s', (id, exact) => {
    expect(isExactSnapshot(id)).toBe(exact)
  })
})
