import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import {
  approveModule,
  createModule,
  publishModule,
  requestChanges,
  retireModule,
  saveDraft,
  submitForReview,
} from '@/lib/training/mutations'
import { diffModuleVersions, getDraft, getModuleVersion, searchTraining } from '@/lib/training/queries'
import { resetTrainingCaches } from '@/lib/training/cache'
import { makeUser } from '@/tests/support/people'

let a: SessionUser // expert, author
let b: SessionUser // expert, reviewer
let dev: SessionUser
let leader: SessionUser
let modelId: string

const BODY = '## Steps\n\n1. Write a failing characterisation test.\n2. Refactor in small commits.\n\n```ts\nexpect(total(cart)).toBe(42)\n```\n'

beforeAll(async () => {
  a = await makeUser('a.expert@example.com', 'EXPERT')
  b = await makeUser('b.expert@example.com', 'EXPERT')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  leader = await makeUser('lead@example.com', 'LEADER')
  modelId = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Sonnet', label: 'Sonnet 4.5', snapshot: 'claude-sonnet-4-5-20250929', status: 'DEFAULT' } })).id
})

async function auditCount(action: string) {
  return db.auditLog.count({ where: { action } })
}

describe('writing, reviewing and publishing a module', () => {
  let slug: string
  let version: number

  it('developers cannot create; experts create a draft with a readable, unique slug', async () => {
    await expect(createModule(dev, { title: 'Refactoring legacy code', summary: 'How we refactor safely.', kind: 'TASK_WALKTHROUGH' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const first = await createModule(a, { title: 'Refactoring legacy code!', summary: 'How we refactor a legacy module safely with the assistant.', kind: 'TASK_WALKTHROUGH', tags: ['Refactor legacy module', 'write tests', 'write tests'], stage: 'PILOT', body: BODY, validatedModelIds: [modelId] })
    expect(first).toEqual({ slug: 'refactoring-legacy-code', version: 0 })
    const second = await createModule(a, { title: 'Refactoring legacy code', summary: 'A second module with the same title.', kind: 'REFERENCE' })
    expect(second.slug).toBe('refactoring-legacy-code-2')
    const draft = await getDraft(a, first.slug)
    expect(draft).toMatchObject({ status: 'DRAFT', tags: ['refactor legacy module', 'write tests'], stage: 'PILOT', validatedModelIds: [modelId], isOwner: true, mayApprove: false })
    expect(await auditCount('training.create')).toBe(2)
    slug = first.slug
    version = first.version
  })

  it('refuses invalid input with field errors and writes nothing', async () => {
    const before = await db.trainingModule.count()
    await expect(createModule(a, { title: 'x', summary: 'short', kind: 'NOPE' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: expect.objectContaining({ title: expect.any(Array), summary: expect.any(Array), kind: expect.any(Array) }),
    })
    await expect(createModule(a, { title: 'Big one', summary: 'A body that is far too long.', kind: 'REFERENCE', body: 'x'.repeat(200_001) })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { body: ['The body is over 200 kB. Split it into several modules.'] } })
    await expect(createModule(a, { title: 'Bad models', summary: 'Names a model that does not exist.', kind: 'REFERENCE', validatedModelIds: ['00000000-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await db.trainingModule.count()).toBe(before)
  })

  it('saves partial changes without touching other fields, and refuses a stale save with what changed', async () => {
    const saved = await saveDraft(a, slug, { version, summary: 'How we refactor a legacy module safely, step by step.' })
    expect(saved).toMatchObject({ version: version + 1, changed: ['summary'] })
    const draft = await getDraft(a, slug)
    expect(draft).toMatchObject({ stage: 'PILOT', estimatedMinutes: 15, body: BODY, summary: 'How we refactor a legacy module safely, step by step.' })

    // b opened the draft at the old version and saves over it: refused, nothing lost.
    const err = await saveDraft(b, slug, { version, summary: 'B’s summary that came too late.', body: 'B’s body' }).catch((e) => e)
    expect(err).toMatchObject({ code: 'CONFLICT', details: { currentVersion: version + 1 } })
    expect(err.message).toMatch(/They changed: summary/)
    expect(err.details.changed).toEqual([
      { field: 'summary', current: 'How we refactor a legacy module safely, step by step.', yours: 'B’s summary that came too late.' },
      { field: 'body', current: BODY, yours: 'B’s body' },
    ])
    expect((await getDraft(a, slug)).summary).toBe('How we refactor a legacy module safely, step by step.')
    version = saved.version
  })

  it('goes through review: no self-approval, changes requested with a comment, then approval by another expert', async () => {
    await expect(approveModule(b, slug, { version })).rejects.toMatchObject({ code: 'RULE_VIOLATION' }) // not submitted yet
    ;({ version } = await submitForReview(a, slug, { version }))
    await expect(approveModule(a, slug, { version })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(approveModule(dev, slug, { version })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(requestChanges(b, slug, { version, comment: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    ;({ version } = await requestChanges(b, slug, { version, comment: 'Add a step on running the old tests first.' }))
    expect((await getDraft(a, slug)).status).toBe('DRAFT')
    ;({ version } = await saveDraft(a, slug, { version, body: `${BODY}3. Run the old tests first.\n` }))
    ;({ version } = await submitForReview(a, slug, { version }))
    const approved = await approveModule(b, slug, { version, comment: 'Clear and correct.' })
    expect(approved).toMatchObject({ status: 'APPROVED', latestVersion: 0 })
    version = approved.version
    const reviews = (await getDraft(a, slug)).reviews.map((r) => r.decision)
    expect(reviews).toEqual(['APPROVED', 'CHANGES_REQUESTED'])
  })

  it('the submitter cannot approve even if they are not the owner', async () => {
    const other = await createModule(b, { title: 'Reviewing an AI-assisted pull request', summary: 'What to look for when an assistant wrote the diff.', kind: 'PROCESS', body: 'A long enough body for the module to be submitted.' })
    const { version: v1 } = await saveDraft(a, other.slug, { version: other.version, tags: ['code review'] })
    const { version: v2 } = await submitForReview(a, other.slug, { version: v1 })
    await expect(approveModule(a, other.slug, { version: v2 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(approveModule(b, other.slug, { version: v2 })).rejects.toMatchObject({ code: 'FORBIDDEN' }) // owner
    expect((await approveModule(leader, other.slug, { version: v2 })).status).toBe('APPROVED')
  })

  it('publishing creates immutable, numbered versions; readers always get the latest; versions compare', async () => {
    await expect(publishModule(b, slug, { version, changelog: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const p1 = await publishModule(b, slug, { version, changelog: 'First version' })
    expect(p1).toMatchObject({ status: 'PUBLISHED', latestVersion: 1 })
    const v1 = await getModuleVersion(dev, slug)
    expect(v1).toMatchObject({ version: 1, latestVersion: 1, changelog: 'First version', publishedBy: 'b.expert', validatedOn: [{ snapshot: 'claude-sonnet-4-5-20250929' }], stale: [] })
    expect(v1.html).toContain('<h2')
    expect(v1.html).toContain('hljs')

    // v2: edit, review, publish
    let v = p1.version
    ;({ version: v } = await saveDraft(a, slug, { version: v, body: `${BODY}3. Run the old tests first.\n4. Ask a second expert to review the refactor.\n` }))
    expect((await getModuleVersion(dev, slug)).version).toBe(1) // the draft is not visible to readers
    ;({ version: v } = await submitForReview(a, slug, { version: v }))
    ;({ version: v } = await approveModule(b, slug, { version: v }))
    await publishModule(b, slug, { version: v, changelog: 'Added the second review step' })
    const latest = await getModuleVersion(dev, slug)
    expect(latest).toMatchObject({ version: 2, isLatest: true, versions: [{ number: 2 }, { number: 1 }] })
    const old = await getModuleVersion(dev, slug, 1)
    expect(old).toMatchObject({ version: 1, isLatest: false })
    expect(old.body).not.toContain('second expert')
    const diff = await diffModuleVersions(dev, slug, 1, 2)
    expect(diff.stats).toMatchObject({ added: 1, removed: 0 })
    expect(JSON.stringify(diff.blocks)).toContain('Ask a second expert to review the refactor.')
    await expect(getModuleVersion(dev, slug, 3)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Versions are insert-only: the first one is unchanged.
    const rows = await db.trainingModuleVersion.findMany({ where: { module: { slug } }, orderBy: { number: 'asc' }, select: { number: true, changelog: true } })
    expect(rows).toEqual([{ number: 1, changelog: 'First version' }, { number: 2, changelog: 'Added the second review step' }])
    expect(await auditCount('training.publish')).toBe(2)
  })

  it('renders each version once: at publish, and again only when the renderer changed', async () => {
    const row = await db.trainingModuleVersion.findFirstOrThrow({ where: { module: { slug }, number: 1 } })
    expect(row.htmlRenderer).toBe(1)
    expect(row.html).toContain('<h2')
    // Each process also keeps published versions in memory (they are immutable): a new process
    // (after a deploy that changed the renderer) starts with an empty one, as resetTrainingCaches() does.
    const before = (await getModuleVersion(dev, slug, 1)).html
    await db.trainingModuleVersion.update({ where: { id: row.id }, data: { html: '<p>cached</p>' } })
    expect((await getModuleVersion(dev, slug, 1)).html).toBe(before)
    resetTrainingCaches()
    expect((await getModuleVersion(dev, slug, 1)).html).toBe('<p>cached</p>')
    await db.trainingModuleVersion.update({ where: { id: row.id }, data: { htmlRenderer: 0 } })
    resetTrainingCaches()
    expect((await getModuleVersion(dev, slug, 1)).html).toContain('<h2')
    expect((await db.trainingModuleVersion.findUniqueOrThrow({ where: { id: row.id } })).htmlRenderer).toBe(1)
  })

  it('retiring keeps the module readable but hides it from default search; only owners, leaders and admins may', async () => {
    const m = await db.trainingModule.findUniqueOrThrow({ where: { slug } })
    await expect(retireModule(b, slug, { version: m.version })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await retireModule(a, slug, { version: m.version, reason: 'Replaced by the new refactoring guide' })
    expect(await getModuleVersion(dev, slug)).toMatchObject({ retired: true, version: 2 })
    expect((await searchTraining(dev, { q: 'refactoring' })).items.map((i) => i.slug)).not.toContain(slug)
    expect((await searchTraining(dev, { q: 'refactoring', includeRetired: true })).items.map((i) => i.slug)).toContain(slug)
    await expect(saveDraft(a, slug, { version: m.version + 1, title: 'Back again' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
  })
})
