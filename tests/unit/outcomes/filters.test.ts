import { describe, expect, it } from 'vitest'
import { readFilters } from '@/lib/outcomes/dashboard'

describe('dashboard filters from the URL', () => {
  const now = new Date(Date.UTC(2026, 10, 24)) // 24 Nov 2026

  it('default to the last 12 complete months: the running month is partial', () => {
    expect(readFilters({}, now).filters).toEqual({ groupBy: 'cohort', group: null, from: '2025-11', to: '2026-10' })
  })

  it('keep a range the link asks for, the running month included', () => {
    expect(readFilters({ from: '2026-09', to: '2026-11', groupBy: 'team' }, now)).toEqual({
      filters: { groupBy: 'team', group: null, from: '2026-09', to: '2026-11' },
      notices: [],
    })
  })

  it('replace an invalid range and say so', () => {
    const { filters, notices } = readFilters({ from: '2026-12', to: '2026-01' }, now)
    expect(filters).toMatchObject({ from: '2025-11', to: '2026-10' })
    expect(notices).toHaveLength(1)
  })
})
