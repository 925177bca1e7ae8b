import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { STAMP_CHECK_MS, resetTrainingCaches } from '@/lib/training/cache'
import { approveModule, createModule, flagModule, publishModule, rateModule, retireModule, saveDraft, setCompletion, submitForReview } from '@/lib/training/mutations'
import { getModuleVersion, searchTraining } from '@/lib/training/queries'
import type { CreateModuleInput } from '@/lib/training/schemas'
import { makeUser } from '@/tests/support/people'

// The per-process caches of lib/training/cache.ts (decision 0004): changes made through this
// process are visible at once; changes made elsewhere (another instance, SQL) within STAMP_CHECK_MS.

let a: SessionUser
let b: SessionUser
let dev: SessionUser
let modelId: string

const BODY = 'Keep the airship moored while the tests run; then release it one rope at a time. '.repeat(3)

async function publish(input: CreateModuleInput) {
  const { slug, version } = await createModule(a, input)
  const s = await submitForReview(a, slug, { version })
  const ap = await approveModule(b, slug, { version: s.version })
  await publishModule(b, slug, { version: ap.version, changelog: 'First version' })
  return slug
}

async function stamp(): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ generation: bigint; changedAt: Date }>>`SELECT "generation", "changedAt" FROM "TrainingLibraryStamp" WHERE id = 1`
  return `${row.generation}:${row.changedAt.getTime()}`
}

const slugs = (r: { items: Array<{ slug: string }> }) => r.items.map((i) => i.slug)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  a = await makeUser('a@example.com', 'EXPERT')
  b = await makeUser('b@example.com', 'EXPERT')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  modelId = (await db.modelVersion.create({ data: { vendor: 'V', family: 'F', label: 'Current', snapshot: 'model-current-20260101', status: 'DEFAULT' } })).id
  await publish({ title: 'Zeppelin mooring drill', summary: 'A first module.', kind: 'PROCESS', tags: ['write tests'], stage: 'EVERYONE', body: BODY, validatedModelIds: [modelId] })
})

describe('search results cache', () => {
  it('shows a module published through this process at once', async () => {
    expect(slugs(await searchTraining(dev, { q: 'zeppel' }))).toEqual(['zeppelin-mooring-drill'])
    const slug = await publish({ title: 'Zeppelin hangar checklist', summary: 'A second module.', kind: 'REFERENCE', tags: ['onboarding'], stage: 'EVERYONE', body: BODY, validatedModelIds: [modelId] })
    const r = await searchTraining(dev, { q: 'zeppel' })
    expect(slugs(r).sort()).toEqual(['zeppelin-hangar-checklist', 'zeppelin-mooring-drill'])
    expect(r.total).toBe(2)
    expect(slug).toBe('zeppelin-hangar-checklist')
  })

  it('hides a module retired through this process at once', async () => {
    expect(slugs(await searchTraining(dev, { q: 'hangar' }))).toEqual(['zeppelin-hangar-checklist'])
    const m = await db.trainingModule.findUniqueOrThrow({ where: { slug: 'zeppelin-hangar-checklist' } })
    await retireModule(a, 'zeppelin-hangar-checklist', { version: m.version })
    expect(slugs(await searchTraining(dev, { q: 'hangar' }))).toEqual([])
    expect(slugs(await searchTraining(dev, { q: 'hangar', includeRetired: true }))).toEqual(['zeppelin-hangar-checklist'])
  })

  it('sees a change made elsewhere within STAMP_CHECK_MS: the database stamp moves with it', async () => {
    resetTrainingCaches()
    const t0 = Date.now()
    expect(slugs(await searchTraining(dev, { q: 'mooring' }))).toEqual(['zeppelin-mooring-drill'])
    const before = await stamp()
    // What another app instance does when it retires the module (same columns, no local hook).
    await db.trainingModule.update({ where: { slug: 'zeppelin-mooring-drill' }, data: { retiredAt: new Date(), status: 'RETIRED' } })
    expect(await stamp()).not.toBe(before)
    const soon = slugs(await searchTraining(dev, { q: 'mooring' }))
    // Within the bound this process may still answer from its cache (it has not re-read the stamp).
    if (Date.now() - t0 < STAMP_CHECK_MS - 100) expect(soon).toEqual(['zeppelin-mooring-drill'])
    await sleep(Math.max(0, t0 + STAMP_CHECK_MS + 20 - Date.now()))
    expect(slugs(await searchTraining(dev, { q: 'mooring' }))).toEqual([])
    await db.trainingModule.update({ where: { slug: 'zeppelin-mooring-drill' }, data: { retiredAt: null, status: 'PUBLISHED' } })
  })

  it('moves the stamp for reviews and model changes, not for draft saves, flags or ratings', async () => {
    const slug = 'zeppelin-mooring-drill'
    let s = await stamp()
    const m = await db.trainingModule.findUniqueOrThrow({ where: { slug } })
    await saveDraft(a, slug, { version: m.version, body: `${BODY} One more rope.` })
    await flagModule(dev, slug, { reason: 'The mooring mast was replaced last month.' })
    await rateModule(dev, slug, { helpful: true })
    expect(await stamp()).toBe(s)

    await db.modelVersion.update({ where: { id: modelId }, data: { status: 'RETIRED' } })
    expect(await stamp()).not.toBe(s)
    s = await stamp()
    await db.trainingModule.update({ where: { slug }, data: { lastReviewedAt: new Date(Date.now() - 400 * 86_400_000) } })
    expect(await stamp()).not.toBe(s)
    // After the bound, the freshness filter agrees with the new state.
    await sleep(STAMP_CHECK_MS + 20)
    expect(slugs(await searchTraining(dev, { q: 'mooring', freshness: 'stale' }))).toEqual([slug])
    expect(slugs(await searchTraining(dev, { q: 'mooring', freshness: 'fresh' }))).toEqual([])
  })
})

describe('module page', () => {
  it('keeps the per-person parts current while the version content comes from the cache', async () => {
    const slug = 'zeppelin-mooring-drill'
    const first = await getModuleVersion(dev, slug)
    expect(first.completed).toBe(false)
    await setCompletion(dev, slug, { completed: true })
    await rateModule(dev, slug, { helpful: false, comment: 'Too short.' })
    await flagModule(dev, slug, { reason: 'The drill skips the weather check.' })
    const again = await getModuleVersion(dev, slug)
    expect(again).toMatchObject({ completed: true, myRating: { helpful: false, comment: 'Too short.' }, openFlags: first.openFlags + 1 })
    expect(again.html).toBe(first.html)
    // The owner sees aggregates (without names); a reader does not.
    expect(again.ratings).toBeNull()
    expect((await getModuleVersion(a, slug)).ratings).toEqual({ helpful: 0, notHelpful: 1, comments: ['Too short.'] })
    // Model status is read live: the banner reason follows it without any cache reset.
    expect(again.stale).toEqual(expect.arrayContaining(['model-retired']))
    await db.modelVersion.update({ where: { id: modelId }, data: { status: 'DEFAULT' } })
    expect((await getModuleVersion(dev, slug)).stale).not.toContain('model-retired')
  })

  it('shows a newly published version at the stable address at once', async () => {
    const slug = 'zeppelin-mooring-drill'
    const m = await db.trainingModule.findUniqueOrThrow({ where: { slug } })
    const s = await submitForReview(a, slug, { version: m.version })
    const ap = await approveModule(b, slug, { version: s.version })
    await publishModule(b, slug, { version: ap.version, changelog: 'One more rope' })
    const latest = await getModuleVersion(dev, slug)
    expect(latest).toMatchObject({ version: 2, isLatest: true, changelog: 'One more rope', publishedBy: 'b' })
    expect(latest.body).toContain('One more rope.')
    expect(latest.versions.map((v) => v.number)).toEqual([2, 1])
    expect((await getModuleVersion(dev, slug, 1)).body).not.toContain('One more rope.')
  })
})
