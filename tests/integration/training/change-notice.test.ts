import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { approveModule, createModule, publishModule, submitForReview } from '@/lib/training/mutations'
import { getModuleVersion } from '@/lib/training/queries'
import { assignModel, recordModelChange, resolveTask } from '@/lib/models/mutations'
import { getModuleChangeNotice, listTasks } from '@/lib/models/queries'
import { makeUser } from '@/tests/support/people'

// The module page reads the model-change notice in its own statement (lib/training/queries/module.ts)
// instead of a query of its own: it must say exactly what getModuleChangeNotice says, and follow
// the task as it is closed.

let owner: SessionUser
let reviewer: SessionUser
let leader: SessionUser
let dev: SessionUser
const slugs: Record<'flagged' | 'both', string> = { flagged: '', both: '' }

async function publish(title: string, modelIds: string[]) {
  const { slug } = await createModule(owner, { title, summary: `How to ${title.toLowerCase()} with the assistant.`, kind: 'TASK_WALKTHROUGH', body: '## Steps\n\n1. Describe the task plainly.\n2. Review the diff.\n', validatedModelIds: modelIds })
  let v = (await db.trainingModule.findUniqueOrThrow({ where: { slug } })).version
  v = (await submitForReview(owner, slug, { version: v })).version
  v = (await approveModule(reviewer, slug, { version: v })).version
  await publishModule(reviewer, slug, { version: v, changelog: 'First version' })
  return slug
}

beforeAll(async () => {
  owner = await makeUser('owner@example.com', 'EXPERT')
  reviewer = await makeUser('reviewer@example.com', 'EXPERT')
  leader = await makeUser('leader@example.com', 'LEADER')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  const old = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Sonnet', label: 'Sonnet 4.6', snapshot: 'claude-sonnet-4-6-20260301', status: 'DEFAULT' } })).id
  const neu = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Opus', label: 'Opus 4.7', snapshot: 'claude-opus-4-7-20260915', status: 'EVALUATING' } })).id
  const cohort = (await db.cohort.create({ data: { name: 'Experts', stage: 'EXPERTS' } })).id
  await db.cohortMembership.create({ data: { cohortId: cohort, userId: owner.id, joinedOn: new Date('2026-01-01') } })
  await assignModel(leader, { modelVersionId: old, cohortId: cohort, use: 'DEFAULT' })
  slugs.flagged = await publish('Fix a flaky test', [old])
  slugs.both = await publish('Write a migration', [old, neu])
  await recordModelChange(leader, { fromModelId: old, toModelId: neu, plannedOn: '2030-01-10', reason: 'Opus 4.7 is better on long debugging sessions.', scope: ['EXPERTS'], dueInDays: 10 })
})

describe('the module page\'s model-change notice', () => {
  it('is the notice getModuleChangeNotice gives, on the flagged module only, for every reader', async () => {
    const expected = await getModuleChangeNotice(slugs.flagged)
    expect(expected).not.toBeNull()
    expect((await getModuleVersion(dev, slugs.flagged)).changeNotice).toEqual(expected)
    expect((await getModuleVersion(owner, slugs.flagged)).changeNotice).toEqual(expected)
    expect((await getModuleVersion(dev, slugs.flagged)).changeNotice).toMatchObject({
      dueOn: '2030-01-20',
      text: 'Validated on Sonnet 4.6 (claude-sonnet-4-6-20260301); being re-checked for Opus 4.7 (claude-opus-4-7-20260915).',
    })
    expect((await getModuleVersion(dev, slugs.both)).changeNotice).toBeNull()
  })

  it('goes away on the next request once the re-validation task is done', async () => {
    const task = (await listTasks(owner, { mine: 'true' })).find((t) => t.item.slug === slugs.flagged)!
    await resolveTask(owner, task.id, { version: task.version, outcome: 'KEEP', notes: 'Same result on Opus.' })
    expect(await getModuleChangeNotice(slugs.flagged)).toBeNull()
    expect((await getModuleVersion(dev, slugs.flagged)).changeNotice).toBeNull()
  })
})
