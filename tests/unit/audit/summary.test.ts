import { describe, expect, it } from 'vitest'
import { readableSummary } from '@/lib/audit/summary'
import { auditFilterSchema, auditParams, auditQueryString } from '@/lib/audit/schemas'

describe('readableSummary', () => {
  it.each([
    ['nothing', null, { changes: [], details: [], text: '' }],
    ['before/after: only what changed', { before: { role: 'DEVELOPER', active: true }, after: { role: 'LEADER', active: true } }, { changes: [{ field: 'role', before: 'DEVELOPER', after: 'LEADER' }], details: [], text: 'role: DEVELOPER → LEADER' }],
    ['only a before', { slug: 'x', before: { status: 'PUBLISHED' } }, { changes: [{ field: 'status', before: 'PUBLISHED', after: null }], details: [{ key: 'slug', value: 'x' }], text: 'status: PUBLISHED → (not recorded); slug: x' }],
    ['plain details, arrays and nulls', { modules: ['a', 'b'], reason: null, n: 3 }, { changes: [], details: [{ key: 'modules', value: 'a, b' }, { key: 'reason', value: '—' }, { key: 'n', value: '3' }], text: 'modules: a, b; reason: —; n: 3' }],
    ['a scalar', 'hello', { changes: [], details: [{ key: 'value', value: 'hello' }], text: 'hello' }],
  ])('%s', (_name, summary, expected) => {
    expect(readableSummary(summary)).toEqual(expected)
  })

  it('shortens long values and shows nested objects as JSON', () => {
    const r = readableSummary({ body: 'x'.repeat(500), gate: { outcome: 'PASS' } })
    expect(r.details[0].value).toHaveLength(160)
    expect(r.details[1].value).toBe('{"outcome":"PASS"}')
  })
})

describe('audit filters', () => {
  it('drops empty fields, lower-cases the actor and defaults the page size', () => {
    expect(auditFilterSchema.parse(auditParams({ actor: ' Ann@Example.com ', action: '', q: ['x', 'y'] }))).toEqual({ actor: 'ann@example.com', q: 'x', limit: 50 })
  })

  it.each([
    [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
    [{ from: '2026-13-01' }, 'from'],
    [{ action: 'rollout.%' }, 'action'],
    [{ cursor: '-1' }, 'cursor'],
    [{ limit: '0' }, 'limit'],
  ])('refuses %j', (input, field) => {
    const r = auditFilterSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].path).toEqual([field])
  })

  it('writes filters back into a query string without the page', () => {
    expect(auditQueryString({ actor: 'a@b.c', action: 'rollout.*', limit: 50, cursor: '9' })).toBe('?actor=a%40b.c&action=rollout.*')
    expect(auditQueryString({}, { cursor: '9' })).toBe('?cursor=9')
  })
})
