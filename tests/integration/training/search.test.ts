import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { approveModule, createModule, flagModule, publishModule, rateModule, setCompletion, submitForReview, updateLearningPath } from '@/lib/training/mutations'
import { getCompletionRates, getLearningPaths, getModuleVersion, searchTraining, suggestTraining } from '@/lib/training/queries'
import type { CreateModuleInput } from '@/lib/training/schemas'
import { makeUser } from '@/tests/support/people'

let a: SessionUser
let b: SessionUser
let dev: SessionUser
let leader: SessionUser
let current: string
let retired: string
let replaced: string

async function publish(input: CreateModuleInput) {
  const { slug, version } = await createModule(a, input)
  const s = await submitForReview(a, slug, { version })
  const ap = await approveModule(b, slug, { version: s.version })
  await publishModule(b, slug, { version: ap.version, changelog: 'First version' })
  return slug
}

beforeAll(async () => {
  a = await makeUser('a@example.com', 'EXPERT')
  b = await makeUser('b@example.com', 'EXPERT')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  leader = await makeUser('leader@example.com', 'LEADER')
  current = (await db.modelVersion.create({ data: { vendor: 'V', family: 'F', label: 'Current', snapshot: 'model-current-20260101', status: 'DEFAULT' } })).id
  retired = (await db.modelVersion.create({ data: { vendor: 'V', family: 'F', label: 'Old', snapshot: 'model-old-20240101', status: 'RETIRED' } })).id
  replaced = (await db.modelVersion.create({ data: { vendor: 'V', family: 'F', label: 'Leaving', snapshot: 'model-leaving-20250101', status: 'APPROVED' } })).id
  const next = (await db.modelVersion.create({ data: { vendor: 'V', family: 'F', label: 'Next', snapshot: 'model-next-20261101', status: 'EVALUATING' } })).id
  await db.modelChangeEvent.create({ data: { fromModelId: replaced, toModelId: next, plannedOn: new Date(), reason: 'Upgrade', scope: ['EXPERTS'], status: 'PLANNED' } })

  const filler = 'Some general advice about working in small steps and keeping changes reviewable. '.repeat(5)
  await publish({ title: 'Characterisation tests before a refactor', summary: 'Pin down behaviour first.', kind: 'TASK_WALKTHROUGH', tags: ['write tests'], stage: 'PILOT', body: filler, validatedModelIds: [current] })
  await publish({ title: 'Reviewing an assistant pull request', summary: 'What reviewers check.', kind: 'PROCESS', tags: ['code review'], stage: 'EVERYONE', body: `${filler} Always add characterisation coverage when touching legacy code.`, validatedModelIds: [current] })
  await publish({ title: 'Incident pairing story', summary: 'How an incident went well.', kind: 'SUCCESS_STORY', tags: ['debug production incident'], stage: 'BROAD', body: `${filler} The kafkaesque retry storm was found in minutes.`, validatedModelIds: [retired] })
  await publish({ title: 'Prompt patterns for migrations', summary: 'Database migration prompts.', kind: 'REFERENCE', tags: ['database migration'], stage: 'EXPERTS', body: filler, validatedModelIds: [replaced] })
  const old = await publish({ title: 'Old onboarding checklist', summary: 'Setting up the tools.', kind: 'REFERENCE', tags: ['onboarding'], stage: 'EVERYONE', body: filler, validatedModelIds: [current] })
  await db.trainingModule.update({ where: { slug: old }, data: { lastReviewedAt: new Date(Date.now() - 200 * 86_400_000) } })
})

const slugs = (r: { items: Array<{ slug: string }> }) => r.items.map((i) => i.slug)

describe('search', () => {
  it('ranks a title hit above a body hit', async () => {
    const r = await searchTraining(dev, { q: 'characterisation' })
    expect(slugs(r)).toEqual(['characterisation-tests-before-a-refactor', 'reviewing-an-assistant-pull-request'])
    expect(r.total).toBe(2)
    expect(r.items[0]).toMatchObject({ kind: 'TASK_WALKTHROUGH', version: 1, stale: false, retired: false })
  })

  it('matches prefixes as you type and finds words from the body', async () => {
    expect(slugs(await searchTraining(dev, { q: 'charact' }))[0]).toBe('characterisation-tests-before-a-refactor')
    expect(slugs(await searchTraining(dev, { q: 'kafkaes' }))).toEqual(['incident-pairing-story'])
  })

  it('tolerates a small typo in a title', async () => {
    expect(slugs(await searchTraining(dev, { q: 'charactrisation tests' }))[0]).toBe('characterisation-tests-before-a-refactor')
    expect((await suggestTraining(dev, 'reviewng assistant'))[0]?.slug).toBe('reviewing-an-assistant-pull-request')
  })

  it('filters by kind, tag, stage and freshness', async () => {
    expect(slugs(await searchTraining(dev, { kind: 'PROCESS' }))).toEqual(['reviewing-an-assistant-pull-request'])
    expect(slugs(await searchTraining(dev, { tag: 'Write Tests' }))).toEqual(['characterisation-tests-before-a-refactor'])
    expect(slugs(await searchTraining(dev, { stage: 'EXPERTS' }))).toEqual(['prompt-patterns-for-migrations'])
    const stale = slugs(await searchTraining(dev, { freshness: 'stale' })).sort()
    expect(stale).toEqual(['incident-pairing-story', 'old-onboarding-checklist', 'prompt-patterns-for-migrations'])
    const fresh = slugs(await searchTraining(dev, { freshness: 'fresh' })).sort()
    expect(fresh).toEqual(['characterisation-tests-before-a-refactor', 'reviewing-an-assistant-pull-request'])
  })

  it('says why a module is stale, agreeing with the search filter', async () => {
    expect((await getModuleVersion(dev, 'old-onboarding-checklist')).stale).toEqual(['not-reviewed'])
    expect((await getModuleVersion(dev, 'incident-pairing-story')).stale).toEqual(['model-retired'])
    expect((await getModuleVersion(dev, 'prompt-patterns-for-migrations')).stale).toEqual(['model-being-replaced'])
    expect((await getModuleVersion(dev, 'reviewing-an-assistant-pull-request')).stale).toEqual([])
  })

  it('treats SQL- and tsquery-shaped input as plain words', async () => {
    for (const q of ["'; DROP TABLE \"TrainingModule\"; --", 'a & b | !c:*', '((((', "\\' OR 1=1", '%_%', '🙂', 'x'.repeat(200)]) {
      const r = await searchTraining(dev, { q })
      expect(Array.isArray(r.items)).toBe(true)
    }
    expect(await db.trainingModule.count()).toBeGreaterThan(0)
    await expect(searchTraining(dev, { q: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('pages through results', async () => {
    const p1 = await searchTraining(dev, { pageSize: 2, page: 1 })
    const p3 = await searchTraining(dev, { pageSize: 2, page: 3 })
    expect(p1.total).toBe(5)
    expect(p1.items).toHaveLength(2)
    expect(p3.items).toHaveLength(1)
    expect(new Set([...slugs(p1), ...slugs(p3)]).size).toBe(3)
    // Past the last page: no items, and the total still counts only the matches.
    expect(await searchTraining(dev, { q: 'characterisation', page: 5 })).toMatchObject({ items: [], total: 2 })
  })
})

describe('feedback, completion and learning paths', () => {
  it('anyone may flag and rate; owners see aggregates, readers only their own rating', async () => {
    const slug = 'reviewing-an-assistant-pull-request'
    await flagModule(dev, slug, { reason: 'The screenshots show the old model picker.' })
    await expect(flagModule(dev, slug, { reason: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await rateModule(dev, slug, { helpful: 'true', comment: 'Saved me an hour.' })
    await rateModule(dev, slug, { helpful: false })
    await rateModule(leader, slug, { helpful: true })
    const asDev = await getModuleVersion(dev, slug)
    expect(asDev).toMatchObject({ openFlags: 1, myRating: { helpful: false, comment: null }, ratings: null })
    const asOwner = await getModuleVersion(a, slug)
    expect(asOwner.ratings).toEqual({ helpful: 1, notHelpful: 1, comments: [] })
  })

  it('keeps completion private: the person sees theirs; leaders see only groups of 5 or more', async () => {
    const team = await db.team.create({ data: { slug: 'small', name: 'Small team' } })
    const big = await db.team.create({ data: { slug: 'big', name: 'Big team' } })
    const small = await Promise.all([1, 2, 3].map((i) => makeUser(`s${i}@example.com`, 'DEVELOPER', team.id)))
    const many = await Promise.all([1, 2, 3, 4, 5].map((i) => makeUser(`m${i}@example.com`, 'DEVELOPER', big.id)))
    await updateLearningPath(a, { stage: 'PILOT', title: 'Pilot basics', modules: ['characterisation-tests-before-a-refactor', 'reviewing-an-assistant-pull-request'] })
    await expect(updateLearningPath(a, { stage: 'PILOT', title: 'Pilot basics', modules: ['no-such-module'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    for (const u of [...small, ...many.slice(0, 2)]) await setCompletion(u, 'characterisation-tests-before-a-refactor', { completed: true })
    await setCompletion(many[0], 'reviewing-an-assistant-pull-request', { completed: 'true' })

    const mine = (await getLearningPaths(many[0])).find((p) => p.stage === 'PILOT')!
    expect(mine).toMatchObject({ completed: 2, items: [{ completed: true }, { completed: true }] })
    expect((await getLearningPaths(many[4])).find((p) => p.stage === 'PILOT')!.completed).toBe(0)

    await expect(getCompletionRates(dev, 'PILOT')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const rates = await getCompletionRates(leader, 'PILOT')
    expect(rates.pathModules).toBe(2)
    expect(rates.teams).toEqual([
      { group: 'Big team', members: 5, percent: 30, withheld: null },
      { group: 'Small team', members: 3, percent: null, withheld: 'small' },
    ])

    // A pilot cohort of the big team and two people of the small one: showing both it and the big
    // team would give away those two people's completion by subtraction, so one is withheld.
    const cohort = await db.cohort.create({ data: { name: 'Pilot one', stage: 'PILOT', active: true } })
    await db.cohortMembership.createMany({ data: [{ cohortId: cohort.id, teamId: big.id, joinedOn: new Date('2026-01-01') }, ...small.slice(0, 2).map((u) => ({ cohortId: cohort.id, userId: u.id, joinedOn: new Date('2026-01-01') }))] })
    const withCohort = await getCompletionRates(leader, 'PILOT')
    const pilot = withCohort.cohorts.find((c) => c.group === 'Pilot one')!
    const bigTeam = withCohort.teams.find((t) => t.group === 'Big team')!
    expect(pilot.members).toBe(7)
    expect([pilot.withheld, bigTeam.withheld].sort()).toEqual(['differencing', null].sort())
    expect([pilot.percent, bigTeam.percent].filter((p) => p !== null)).toHaveLength(1)
    // A person counted twice in a cohort (by name and through their team) counts once.
    await db.cohortMembership.create({ data: { cohortId: cohort.id, userId: many[0].id, joinedOn: new Date('2026-01-01') } })
    expect((await getCompletionRates(leader, 'PILOT')).cohorts.find((c) => c.group === 'Pilot one')!.members).toBe(7)
    await db.cohort.delete({ where: { id: cohort.id } })
    // The audit log does not say who completed what.
    const entries = await db.auditLog.findMany({ where: { action: 'training.complete' } })
    expect(entries.length).toBe(6)
    for (const e of entries) expect(e.actorId).toBeNull()
  })
})
