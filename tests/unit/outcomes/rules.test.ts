import { describe, expect, it } from 'vitest'
import { assessTarget, commentsVisible, groupVisible, suppressedCells } from '@/lib/outcomes/rules'

describe('anonymity thresholds', () => {
  it.each([[0, false], [4, false], [5, true], [12, true]])('%i respondents visible: %s', (n, v) => expect(groupVisible(n)).toBe(v))
  it.each([[9, false], [10, true]])('%i respondents show comments: %s', (n, v) => expect(commentsVisible(n)).toBe(v))
})

describe('differencing protection', () => {
  it('hides a second cell when only one would be hidden under a visible total', () => {
    const cells = [{ key: 'a', respondents: 3 }, { key: 'b', respondents: 9 }, { key: 'c', respondents: 7 }]
    expect([...suppressedCells(cells)].sort()).toEqual(['a', 'c'])
  })
  it('hides nothing extra when two or more cells are already hidden, or none is', () => {
    expect([...suppressedCells([{ key: 'a', respondents: 2 }, { key: 'b', respondents: 4 }, { key: 'c', respondents: 8 }])].sort()).toEqual(['a', 'b'])
    expect(suppressedCells([{ key: 'a', respondents: 5 }, { key: 'b', respondents: 6 }]).size).toBe(0)
  })
  it('hides everything when the total itself is hidden', () => {
    expect(suppressedCells([{ key: 'a', respondents: 6 }, { key: 'b', respondents: 6 }], false).size).toBe(2)
  })
})

describe('improvement targets', () => {
  it.each([[0.2, false], [0.3, false], [0.31, true], [0.5, true], [-0.1, false]])('%f unsafe: %s', (t, unsafe) => {
    const r = assessTarget(t)
    expect(r.unsafe).toBe(unsafe)
    if (unsafe) expect(r.message).toMatch(/above the 30 %/)
  })
})
