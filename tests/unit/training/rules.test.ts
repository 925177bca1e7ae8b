import { describe, expect, it } from 'vitest'
import { assertMayApprove, assertTransition, prefixTsQuery, slugify, staleReasons, statusAfterEdit, type WorkflowAction } from '@/lib/training/rules'
import { MODULE_STATUSES, saveDraftSchema, createModuleSchema } from '@/lib/training/schemas'

describe('slugs', () => {
  it.each([
    ['Reviewing an AI-assisted PR', 'reviewing-an-ai-assisted-pr'],
    ['  Café & Crème: Über-tests!  ', 'cafe-creme-uber-tests'],
    ['!!!', 'module'],
    ['a'.repeat(120), 'a'.repeat(80)],
  ])('%j -> %j', (title, slug) => expect(slugify(title)).toBe(slug))
})

describe('staleness', () => {
  const now = new Date('2026-11-24T00:00:00Z')
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)
  it.each([
    [daysAgo(10), [{ retired: false, beingReplaced: false }], []],
    [daysAgo(181), [{ retired: false, beingReplaced: false }], ['not-reviewed']],
    [null, [], ['not-reviewed']],
    [daysAgo(10), [{ retired: true, beingReplaced: false }], ['model-retired']],
    [daysAgo(10), [{ retired: false, beingReplaced: true }], ['model-being-replaced']],
    [daysAgo(10), [{ retired: true, beingReplaced: false }, { retired: false, beingReplaced: false }], []],
    [daysAgo(200), [{ retired: false, beingReplaced: true }, { retired: true, beingReplaced: false }], ['not-reviewed', 'model-retired']],
    [daysAgo(10), [], []],
  ] as const)('reviewed %s, models %j -> %j', (lastReviewedAt, validatedOn, reasons) => {
    expect(staleReasons({ lastReviewedAt, validatedOn: [...validatedOn], now })).toEqual(reasons)
  })
})

describe('review workflow', () => {
  const allowed: Record<WorkflowAction, string[]> = {
    edit: ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'],
    submit: ['DRAFT'],
    approve: ['IN_REVIEW'],
    'request-changes': ['IN_REVIEW', 'APPROVED'],
    publish: ['APPROVED'],
    retire: ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'],
  }
  for (const [action, statuses] of Object.entries(allowed) as Array<[WorkflowAction, string[]]>) {
    for (const status of MODULE_STATUSES) {
      it(`${action} ${statuses.includes(status) ? 'is allowed' : 'is refused'} when ${status}`, () => {
        if (statuses.includes(status)) expect(() => assertTransition(status, action)).not.toThrow()
        else expect(() => assertTransition(status, action)).toThrow(expect.objectContaining({ code: 'RULE_VIOLATION' }))
      })
    }
  }
  it('any edit sends a reviewed or published draft back to draft', () => {
    expect(statusAfterEdit('APPROVED')).toBe('DRAFT')
    expect(statusAfterEdit('PUBLISHED')).toBe('DRAFT')
  })
  it('refuses self-approval by the owner, the submitter and the last editor', () => {
    const m = { ownerId: 'o', submittedById: 's', lastEditedById: 'e' }
    for (const who of ['o', 's', 'e']) expect(() => assertMayApprove(who, m)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
    expect(() => assertMayApprove('r', m)).not.toThrow()
  })
})

describe('search input', () => {
  it.each([
    ['refac', 'refac:*'],
    ['Code  review!', 'code:* & review:*'],
    ["'; DROP TABLE x; --", 'drop:* & table:* & x:*'],
    ['a & b | !c:*', 'a:* & b:* & c:*'],
    ['((( )))', null],
    ['Über straße', 'über:* & straße:*'],
  ])('%j -> %j', (q, ts) => expect(prefixTsQuery(q)).toBe(ts))
})

describe('draft inputs', () => {
  it('a partial save carries only what was sent', () => {
    expect(saveDraftSchema.parse({ version: '3', title: '  A title  ' })).toEqual({ version: 3, title: 'A title' })
  })
  it('a new module gets defaults and normalised tags', () => {
    expect(createModuleSchema.parse({ title: 'Tests first', summary: 'Write the tests first.', kind: 'PROCESS', tags: [' Write Tests', 'write tests'] })).toMatchObject({ tags: ['write tests'], stage: 'EVERYONE', estimatedMinutes: 15, body: '' })
  })
  it('rejects tags with markup and too many tags', () => {
    expect(createModuleSchema.safeParse({ title: 'Tests first', summary: 'Write the tests first.', kind: 'PROCESS', tags: ['<b>x</b>'] }).success).toBe(false)
    expect(createModuleSchema.safeParse({ title: 'Tests first', summary: 'Write the tests first.', kind: 'PROCESS', tags: Array.from({ length: 13 }, (_, i) => `tag ${i}`) }).success).toBe(false)
  })
})
